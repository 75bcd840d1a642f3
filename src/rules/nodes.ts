/**
 * The kinds of node the rules tree is made of: what a rule can say. The tree
 * itself (the manifest, field by field) is in `tables.ts`; the validator's walk
 * (`src/validation/walk.ts`) and the JSON Schema generator
 * (`src/schema/json-schema.ts`) both recurse over it, one case per kind here.
 *
 * A new field is a node in `tables.ts`. A new kind of rule is a kind here, a
 * leaf walker in `src/validation/leaves.ts` and a case in the schema generator:
 * the `switch`es over {@link FieldRule} fail to compile until each has it.
 *
 * This module imports nothing: the rules never depends on the code that uses it.
 */

/** A whole-number range, with its unit and its upper bound in words where a message should give them. */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
  /** What is counted, e.g. `seconds`. */
  readonly unit?: string;
  /** `max` as a person says it, e.g. `3 days`. */
  readonly maxInWords?: string;
}

/** A limit that may differ between profiles. */
export type ProfileLimit = number | { readonly general: number; readonly connector: number };

/** How a string field is checked. */
export interface StringRule {
  readonly type: 'string';
  readonly maxLength: ProfileLimit;
  /** At least one character that is not white space. */
  readonly notBlank?: true;
  /** No C0/C1 control characters and no DEL. */
  readonly noControlCharacters?: true;
  /** `https-url`: an absolute `https://` URL; `logo-uri`: that, or a root-relative path. */
  readonly format?: 'https-url' | 'logo-uri';
  /** Text a template leaves to be replaced (LivePerson's `App name`, `init`'s starter, `{…}`) is a warning here. */
  readonly leftoverText?: true;
}

/** How a list of enum values is checked: unique items from `values`. */
export interface EnumListRule {
  readonly type: 'enum-list';
  readonly values: readonly string[];
  readonly minItems?: number;
  /** Connector profile: the list must include this value. */
  readonly connectorMustInclude?: string;
  /** Connector profile: the list must be exactly this. */
  readonly connectorExactly?: readonly string[];
  /**
   * A value of several space-separated values (`id_token token`) may be written in any order
   * (RFC 6749 §3.1.1: "the order of values does not matter"); the output writes it as in `values`.
   */
  readonly anyOrder?: true;
}

export interface BooleanRule {
  readonly type: 'boolean';
  /** Connector profile: the value must be this. */
  readonly connectorExactly?: boolean;
}

/**
 * Space-separated scope values (RFC 6749 §3.3): single spaces, none at the start or end, no value
 * twice. The output lists `values` in table order, then the `prefix` values in the order written.
 */
export interface ScopeRule {
  readonly type: 'scope';
  readonly maxLength: number;
  readonly values: readonly string[];
  /** Values made of this prefix and a name of letters, digits, `.`, `_` and `-` (`faas.<name>`). */
  readonly prefix?: string;
  readonly connectorExactly?: string;
}

/** A list of unique positive integers (ids), at most `max` each (the largest integer a JSON number holds exactly). */
export interface IdListRule {
  readonly type: 'id-list';
  readonly max: number;
}

/** Redirect URIs (RFC 6749 §3.1.2, RFC 8252 §7). */
export interface RedirectUrisRule {
  readonly type: 'redirect-uris';
  readonly itemMaxLength: number;
}

/** An integer in a range (`not_integer`, `out_of_range`). */
export interface IntegerRule extends IntegerRange {
  readonly type: 'integer';
}

/**
 * A webhook endpoint: an `https://` URL as written, at most `maxLength` characters (`url_too_long`),
 * on a host LivePerson's servers can reach (`unreachable_endpoint_host`).
 */
export interface EndpointRule {
  readonly type: 'endpoint';
  readonly maxLength: number;
}

/**
 * An HTTP field name (an RFC 9110 token): not LivePerson's `reservedPrefix`, not one of the
 * `framing` names, and a warning for one of the `body` names (all compared case-insensitively).
 */
export interface HeaderNameRule {
  readonly type: 'header-name';
  readonly reservedPrefix: string;
  readonly framing: readonly string[];
  readonly body: readonly string[];
}

/** An HTTP field value (RFC 9110 §5.5): visible ASCII, space and tab; a warning for an empty, blank or padded one. */
export interface HeaderValueRule {
  readonly type: 'header-value';
}

/** A rule on one value, with no nodes below it. */
export type LeafRule =
  | StringRule
  | EnumListRule
  | BooleanRule
  | ScopeRule
  | RedirectUrisRule
  | IdListRule
  | IntegerRule
  | EndpointRule
  | HeaderNameRule
  | HeaderValueRule;

/**
 * An object with known keys: each key's rule, in canonical output order. Any other key is
 * `unknown_key` (`unknown_key_not_shown`, at the object, when it is not an HTTP token: it may be
 * a pasted `Authorization: Bearer …` line); a missing required one is `required`. `name` keys its help text in the JSON Schema
 * (`src/schema/descriptions.ts`).
 */
export interface ObjectNode {
  readonly type: 'object';
  readonly name: string;
  readonly fields: { readonly [key: string]: FieldSpec };
  /**
   * Keys the server assigns when it installs an app: not fields, each an error in a manifest
   * (`server_assigned_key`), its value never read; `secret` where that value is a secret.
   */
  readonly assigned?: { readonly [key: string]: { readonly secret?: true } };
}

/**
 * A list of objects. `uniqueName`: the field of the items that holds a name (a `header-name`
 * node); two items whose names are the same in any case are `duplicate_header_name`, reported by
 * the name's walker at the second.
 */
export interface ListNode {
  readonly type: 'list';
  readonly items: ObjectNode;
  readonly uniqueName?: string;
}

/**
 * An object keyed by event name: each event present holds an `each` object (the JSON Schema
 * writes it once, under `$defs/<each.name>`), and `also` lists other keys with rules of their own.
 * A key in `misspelled` is reported with the real name (`misspelled_webhook_event`) and its body
 * is still checked, as is the body of a key that is close to an event name.
 */
export interface EventsNode {
  readonly type: 'events';
  readonly name: string;
  readonly events: readonly string[];
  readonly each: ObjectNode;
  readonly also: { readonly [key: string]: FieldSpec };
  readonly misspelled: { readonly [key: string]: string };
}

/** Any node of the rules tree. */
export type FieldRule = LeafRule | ObjectNode | ListNode | EventsNode;

/**
 * A field: its rule, whether it is required in each profile, and the flags that every other list
 * of fields is derived from:
 * - `option`: the camelCase name under which the builder takes it as an option (of `webhook(…)`,
 *   of `engagement(…)`);
 * - `secret`: its value is a secret (a header value), never shown (`src/rules/secrets.ts`).
 *
 * A top-level value's builder setter is its key in camelCase ({@link SetterMethods}).
 */
export type FieldSpec = FieldRule & {
  readonly required?: 'always' | 'connector';
  readonly option?: string;
  readonly secret?: true;
};

/**
 * What a string at a node is, for a template's placeholders: `url` (a URL, or an item of a list of
 * URLs: a stand-in for an unresolved placeholder is a whole https origin there), `may-be-empty` (a
 * string the rules accept empty without a word: no `notBlank` and no URL format, as `description`),
 * or `value` (anything else: an empty variable there is a mistake, as an unset one).
 */
export function stringKindOf(rule: FieldRule): 'url' | 'may-be-empty' | 'value' {
  switch (rule.type) {
    case 'string':
      if (rule.format !== undefined) return 'url';
      return rule.notBlank === undefined ? 'may-be-empty' : 'value';
    case 'endpoint':
    case 'redirect-uris':
      return 'url';
    default:
      // Types only (nothing at run time): a new kind fails to compile here until it is placed.
      rule satisfies {
        readonly type:
          | 'enum-list'
          | 'boolean'
          | 'scope'
          | 'id-list'
          | 'integer'
          | 'header-name'
          | 'header-value'
          | 'object'
          | 'list'
          | 'events';
      };
      return 'value';
  }
}

/** A snake_case key in camelCase: `enabled_for_profiles` → `enabledForProfiles`. */
export type CamelCase<TKey extends string> = TKey extends `${infer THead}_${infer TTail}`
  ? `${THead}${Capitalize<CamelCase<TTail>>}`
  : TKey;

/**
 * The builder's setters of a node's fields: one method per value that is not an object, named
 * for its key in camelCase (`client_name` → `clientName()`). The builder class implements them
 * (`Builder implements SetterMethods<…>`), so a new top-level field fails to compile until the
 * builder has its method. Types only: the names cost the bundle nothing.
 */
export type SetterMethods<TFields> = {
  readonly [TKey in keyof TFields as TFields[TKey] extends { readonly type: 'object' } ? never : CamelCase<TKey & string>]: (
    ...args: never[]
  ) => unknown;
};

/**
 * Every node below `TNode` that has keys of its own (objects, and events with their `also`
 * keys), `TNode` included: what needs a help-text table and an output type. A conditional over
 * the rules' own constant types, used only by internal checks (never by the published types).
 */
export type KeyedNodes<TNode> = TNode extends { readonly type: 'object'; readonly fields: infer TFields }
  ? TNode | KeyedNodes<TFields[keyof TFields]>
  : TNode extends { readonly type: 'list'; readonly items: infer TItems }
    ? KeyedNodes<TItems>
    : TNode extends { readonly type: 'events'; readonly each: infer TEach; readonly also: infer TAlso }
      ? TNode | KeyedNodes<TEach> | KeyedNodes<TAlso[keyof TAlso]>
      : never;
