/**
 * The hand-written output types (`Manifest`, `WebhookData`, …) are tied to
 * the spec tables: each type's keys are exactly the spec's keys. Adding a
 * field to the spec without the type, or the type without the spec, fails
 * `npm run typecheck` (this file is compiled by `tsc -p test/tsconfig.json`).
 * The checks compare key sets only: no recursive mapped type over the
 * manifest, so they cost the published types nothing.
 */
import type {
  CAPABILITY_KEYS,
  ENGAGEMENT_FIELDS,
  HEADER_KEYS,
  RETRY_KEY,
  RETRY_KEYS,
  TOP_LEVEL_FIELDS,
  WEBHOOK_KEYS,
} from '../../src/spec/tables.js';
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

type Capabilities = NonNullable<Manifest['capabilities']>;

export const topLevel: SameKeys<NamedKeys<Manifest>, keyof typeof TOP_LEVEL_FIELDS> = true;
export const capabilities: SameKeys<keyof Capabilities, (typeof CAPABILITY_KEYS)[number]> = true;
export const webhooks: SameKeys<keyof WebhooksData, WebhookEvent | typeof RETRY_KEY> = true;
export const retry: SameKeys<keyof NonNullable<WebhooksData['retry']>, (typeof RETRY_KEYS)[number]> = true;
export const webhook: SameKeys<keyof WebhookData, (typeof WEBHOOK_KEYS)[number]> = true;
export const header: SameKeys<keyof WebhookHeaderData, (typeof HEADER_KEYS)[number]> = true;
export const engagement: SameKeys<keyof EngagementData, keyof typeof ENGAGEMENT_FIELDS> = true;
