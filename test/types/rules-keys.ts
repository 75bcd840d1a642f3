/**
 * The hand-written output types (`Manifest`, `WebhookData`, …) and the
 * builder's option types are tied to the rules tree: each type's keys are
 * exactly the keys (or option names) of its node. Adding a
 * field to the rules without the type, or the type without the rules, fails
 * `npm run typecheck` (this file is compiled by `tsc -p test/tsconfig.json`).
 * The checks compare key sets only: no recursive mapped type over the
 * manifest, so they cost the published types nothing.
 */
import type { KeyedNodes, SetterMethods } from '../../src/rules/nodes.js';
import type { CAPABILITIES, ENGAGEMENT, HEADER, MANIFEST, RETRY, WEBHOOK, WEBHOOKS } from '../../src/rules/tables.js';
import type { EngagementSettings, ManifestBuilder, WebhookOptions } from '../../src/builder/types.js';
import type {
  EngagementData,
  Manifest,
  WebhookData,
  WebhookEvent,
  WebhookHeaderData,
  WebhooksData,
} from '../../src/types/manifest.js';

/** `true` when the two key sets are equal, else a type that names what differs. */
type SameKeys<TType, TSpec> = [Exclude<TType, TSpec>, Exclude<TSpec, TType>] extends [never, never]
  ? true
  : { readonly onlyInType: Exclude<TType, TSpec>; readonly onlyInSpec: Exclude<TSpec, TType> };

/** The named keys of a type, without index signatures (the localized `client_name#<tag>` names). */
type NamedKeys<TType> = keyof {
  [TKey in keyof TType as string extends TKey ? never : TKey extends `${string}#${string}` ? never : TKey]: 0;
};

/** The option names of a node's fields (`option`: what the builder takes each by). */
type OptionNames<TFields> = {
  [TKey in keyof TFields]: TFields[TKey] extends { readonly option: infer TOption } ? TOption : never;
}[keyof TFields];

type Capabilities = NonNullable<Manifest['capabilities']>;

type NodeNames = KeyedNodes<typeof MANIFEST>['name'];

/**
 * The output type of each keyed node of the tree. A new object in the tree fails the
 * first check below until its output type is written and listed here.
 */
interface OutputTypes {
  readonly manifest: Manifest;
  readonly capabilities: Capabilities;
  readonly webhooks: WebhooksData;
  readonly webhook: WebhookData;
  readonly header: WebhookHeaderData;
  readonly retry: NonNullable<WebhooksData['retry']>;
  readonly engagement: EngagementData;
}

/** The keys a node gives its object: its fields, or its events and other keys. */
type NodeKeys<TName> =
  Extract<KeyedNodes<typeof MANIFEST>, { readonly name: TName }> extends infer TNode
    ? TNode extends { readonly type: 'object'; readonly fields: infer TFields }
      ? keyof TFields
      : TNode extends { readonly events: readonly (infer TEvent)[]; readonly also: infer TAlso }
        ? TEvent | keyof TAlso
        : never
    : never;

/** `true` when every listed output type has exactly its node's keys, else what differs, by node. */
type EveryNodeHasItsKeys = {
  [TName in keyof OutputTypes]: SameKeys<NamedKeys<OutputTypes[TName]>, NodeKeys<TName>>;
} extends { [TName in keyof OutputTypes]: true }
  ? true
  : { [TName in keyof OutputTypes]: SameKeys<NamedKeys<OutputTypes[TName]>, NodeKeys<TName>> };

export const everyNodeHasAnOutputType: SameKeys<keyof OutputTypes, NodeNames> = true;
export const everyOutputTypeHasItsNodesKeys: EveryNodeHasItsKeys = true;

export const topLevel: SameKeys<NamedKeys<Manifest>, keyof (typeof MANIFEST)['fields']> = true;
export const capabilities: SameKeys<keyof Capabilities, keyof (typeof CAPABILITIES)['fields']> = true;
export const webhooks: SameKeys<keyof WebhooksData, WebhookEvent | keyof (typeof WEBHOOKS)['also']> = true;
export const events: SameKeys<WebhookEvent, (typeof WEBHOOKS)['events'][number]> = true;
export const retry: SameKeys<keyof NonNullable<WebhooksData['retry']>, keyof (typeof RETRY)['fields']> = true;
export const webhook: SameKeys<keyof WebhookData, keyof (typeof WEBHOOK)['fields']> = true;
export const header: SameKeys<keyof WebhookHeaderData, keyof (typeof HEADER)['fields']> = true;
export const engagement: SameKeys<keyof EngagementData, keyof (typeof ENGAGEMENT)['fields']> = true;

// The builder's options, by the names the rules give them.
export const webhookOptions: SameKeys<keyof WebhookOptions, OptionNames<(typeof WEBHOOK)['fields']>> = true;
export const engagementOptions: SameKeys<keyof EngagementSettings, OptionNames<(typeof ENGAGEMENT)['fields']>> = true;

// The public builder interface has a setter for every top-level value (the class behind it implements them).
type Setters = keyof SetterMethods<(typeof MANIFEST)['fields']>;
export const setters: SameKeys<Extract<keyof ManifestBuilder, Setters>, Setters> = true;
