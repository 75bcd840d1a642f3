/**
 * The manifest rules as a JSON Schema (draft 2020-12), generated from the rules
 * tables and pattern sources, so editors can complete and check manifest files.
 *
 * The builder and the validator never import this module: an application that
 * only builds manifests does not bundle it. For the same reason nothing here
 * runs at import time; the schema is built on each call.
 *
 * A JSON Schema cannot say everything the validator checks (case-insensitive
 * duplicates, WHATWG URL parsing, …): docs/schema-differences.md lists what it
 * leaves out, and test/schema/known-differences.test.ts shows each case.
 */
import {
  CONTROL_CHARACTER_SOURCE,
  HEADER_NAME_SOURCE,
  HEADER_VALUE_SOURCE,
  LANGUAGE_TAG_SOURCE,
  NOT_BLANK_SOURCE,
  DNS_LABEL_SOURCE,
  DNS_NAME_MAX_LENGTH,
  PERCENT_ESCAPE_SOURCE,
  PRIVATE_USE_SCHEME_SOURCE,
  SCOPE_NAME_SOURCE,
  URL_CHARACTER_SOURCE,
} from '../rules/patterns.js';
import type {
  BooleanRule,
  EndpointRule,
  EnumListRule,
  EventsNode,
  FieldSpec,
  HeaderNameRule,
  IdListRule,
  IntegerRange,
  ListNode,
  ObjectNode,
  ProfileLimit,
  RedirectUrisRule,
  ScopeRule,
  StringRule,
} from '../rules/nodes.js';
import {
  EDITOR_SCHEMA_KEY,
  LOCALIZED_NAME_PREFIX,
  LOOPBACK_REDIRECT_HOSTS,
  MANIFEST,
  PROFILES,
  TOP_LEVEL_FIELDS,
} from '../rules/tables.js';
import { FIELD_SOURCES } from '../rules/sources.js';
import type { Profile } from '../types/manifest.js';
import {
  FIELD_DESCRIPTIONS,
  LOCALIZED_NAME_DESCRIPTION,
  MANIFEST_DESCRIPTION,
  WEBHOOK_EVENT_DESCRIPTION,
} from './descriptions.js';
import {
  connectorValueMessage,
  engagementSnippet,
  headerSnippet,
  PATTERN_MESSAGES,
  webhookSnippet,
  webhooksSnippet,
  type PatternCheck,
} from './editor.js';

export { JSON_SCHEMA_EDITOR_KEYWORDS } from './editor.js';

/**
 * A JSON value: what a JSON Schema is made of.
 *
 * @example
 * ```ts
 * import { manifestJsonSchema, type JsonSchemaValue } from 'lp-app-manifest';
 *
 * // embed the manifest schema in a larger one
 * const $defs: Record<string, JsonSchemaValue> = { manifest: manifestJsonSchema('connector') };
 * ```
 */
export type JsonSchemaValue = string | number | boolean | null | JsonSchemaValue[] | { [key: string]: JsonSchemaValue };

/**
 * The JSON Schema (draft 2020-12) of a profile's manifests, as
 * {@link manifestJsonSchema} returns it: plain, mutable JSON data.
 *
 * @example
 * ```ts
 * import { manifestJsonSchema, type ManifestJsonSchema } from 'lp-app-manifest';
 *
 * const schema: ManifestJsonSchema<'connector'> = manifestJsonSchema('connector');
 * schema.$id; // 'https://unpkg.com/lp-app-manifest/schema/connector.schema.json'
 * ```
 */
export interface ManifestJsonSchema<TProfile extends Profile = Profile> {
  /** The JSON Schema dialect: draft 2020-12. */
  $schema: 'https://json-schema.org/draft/2020-12/schema';
  /** Where the published copy of this schema lives. */
  $id: `https://unpkg.com/lp-app-manifest/schema/${TProfile}.schema.json`;
  /** A title naming the profile. */
  title: string;
  /** What the schema describes, for editors. */
  description: string;
  [keyword: string]: JsonSchemaValue;
}

type SchemaObject = { [keyword: string]: JsonSchemaValue };

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const HTTPS_PREFIX = 'https://';
const HTTP_PREFIX = 'http://';

// ---- regular-expression sources (ECMA-262, `u` flag, no flags of their own) ----

/** A literal as a pattern: escapes the syntax characters (only those: the `u` flag rejects other escapes). */
const literal = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** A literal matched case-insensitively (JSON Schema patterns take no `i` flag). */
const caselessLiteral = (text: string): string =>
  [...text].map((ch) => (/[a-z]/i.test(ch) ? `[${ch.toUpperCase()}${ch.toLowerCase()}]` : literal(ch))).join('');

/** Alternatives; each is grouped if it has alternatives of its own. */
const anyOf = (sources: readonly string[]): string =>
  sources.map((source) => (source.includes('|') ? `(?:${source})` : source)).join('|');

/** One unit of a URL as written (RFC 3986): an allowed character (not `#`, `[` or `]`) or a `%HH` escape. */
const urlUnit = (): string => `(?:${URL_CHARACTER_SOURCE}|${PERCENT_ESCAPE_SOURCE})`;

/** What follows the authority: nothing, or a path or query, then at most one fragment (RFC 3986 §3.3 to §3.5). */
const urlRest = (): string => `(?:[/?]${urlUnit()}*)?(?:#${urlUnit()}*)?`;

/**
 * A host as written: a DNS name (labels of 1 to 63 letters, digits and `-`, not
 * at either end; a trailing dot; RFC 1123, RFC 1035), or an IP literal in brackets.
 * (Its length, and whether the WHATWG parser reads the same host, are checked apart.)
 */
const urlHost = (): string => `(?:(?:${DNS_LABEL_SOURCE}\\.)*${DNS_LABEL_SOURCE}\\.?|\\[[0-9A-Fa-f:.]+\\])`;

/**
 * An `https://` URL as written, the rule of `checkHttpsUrl` short of the WHATWG
 * parser and the host's length: RFC 3986 characters and escapes, no user info,
 * a DNS-name or IP-literal host, a port of digits; not a scheme written twice (`https://http://host`).
 */
const httpsUrl = (): string =>
  `${literal(HTTPS_PREFIX)}(?!${caselessLiteral('http')}[Ss]?://)${urlHost()}(?::[0-9]*)?${urlRest()}`;

/** A host longer than 253 characters (a trailing dot aside), after `scheme://`. */
const hostTooLong = (prefix: string): string =>
  `^${literal(prefix)}(?:[^/?#:]{${DNS_NAME_MAX_LENGTH}}[^/?#:.]|[^/?#:]{${DNS_NAME_MAX_LENGTH + 2}})`;

/**
 * `http://` to a loopback host as written, with an optional port. An IPv6 address may be spelled
 * in many ways (`[0:0:0:0:0:0:0:1]` is `[::1]`, RFC 4291 §2.2): any IP literal here, and the
 * validator decides which is loopback.
 */
const loopbackHttpUrl = (): string =>
  `${literal(HTTP_PREFIX)}(?:${anyOf(
    LOOPBACK_REDIRECT_HOSTS.map((host) => (host.startsWith('[') ? '\\[[0-9A-Fa-f:.]+\\]' : caselessLiteral(host))),
  )})(?::[0-9]*)?${urlRest()}`;

// ---- field schemas ----

const limitOf = (limit: ProfileLimit, profile: Profile): number => (typeof limit === 'number' ? limit : limit[profile]);

const quoted = (values: readonly string[]): string => values.map((value) => JSON.stringify(value)).join(', ');

/** Help text: the prose, then the facts the generator knows from the tables. */
const helpText = (text: string, ...facts: (string | false | undefined)[]): string =>
  [text, ...facts.filter((fact): fact is string => typeof fact === 'string' && fact !== '')].join(' ');

/**
 * A pattern that matches where `pattern` matches nowhere in the string: `not: { pattern }` as a
 * pattern of its own, so that it can carry its own message (an editor words a failed `not` only as
 * "Matches a schema that is not allowed"). `[\s\S]*?` tries each start, as an unanchored search does.
 */
const nowhere = (pattern: string): string => `^(?![\\s\\S]*?(?:${pattern}))`;

/**
 * Adds the patterns a string must match and those it must match nowhere, each with the message an
 * editor shows when it fails (`patternErrorMessage`): one check as `pattern`, several as `allOf`.
 */
function withPatterns(schema: SchemaObject, required: readonly PatternCheck[], forbidden: readonly PatternCheck[]): SchemaObject {
  const checks = [...required, ...forbidden.map(({ pattern, message }) => ({ pattern: nowhere(pattern), message }))];
  const [first, ...more] = checks;
  if (first !== undefined && more.length === 0) {
    schema['pattern'] = first.pattern;
    schema['patternErrorMessage'] = first.message;
  } else if (first !== undefined) {
    schema['allOf'] = checks.map(({ pattern, message }): SchemaObject => ({ pattern, patternErrorMessage: message }));
  }
  return schema;
}

function stringSchema(rule: StringRule, profile: Profile, text: string): SchemaObject {
  const maxLength = limitOf(rule.maxLength, profile);
  const schema: SchemaObject = {
    description: helpText(
      text,
      rule.notBlank ? `1 to ${maxLength} characters, not blank.` : `At most ${maxLength} characters.`,
      rule.noControlCharacters && 'No control characters.',
    ),
    type: 'string',
  };
  if (rule.notBlank) schema['minLength'] = 1;
  schema['maxLength'] = maxLength;
  const required: PatternCheck[] = [];
  const forbidden: PatternCheck[] = [];
  if (rule.notBlank) required.push({ pattern: NOT_BLANK_SOURCE, message: PATTERN_MESSAGES.notBlank() });
  if (rule.noControlCharacters)
    forbidden.push({ pattern: CONTROL_CHARACTER_SOURCE, message: PATTERN_MESSAGES.noControlCharacters() });
  if (rule.format === 'https-url') required.push({ pattern: `^${httpsUrl()}$`, message: PATTERN_MESSAGES.httpsUrl() });
  // a root-relative path (not "//host"), or an https URL
  if (rule.format === 'logo-uri')
    required.push({
      pattern: `^(?:/${urlUnit()}*(?:#${urlUnit()}*)?|${httpsUrl()})$`,
      message: PATTERN_MESSAGES.logoUri(),
    });
  if (rule.format === 'logo-uri') forbidden.push({ pattern: '^//', message: PATTERN_MESSAGES.logoUri() });
  if (rule.format !== undefined) forbidden.push({ pattern: hostTooLong(HTTPS_PREFIX), message: PATTERN_MESSAGES.hostLength() });
  return withPatterns(schema, required, forbidden);
}

function enumListSchema(rule: EnumListRule, profile: Profile, text: string): SchemaObject {
  const connector = profile === 'connector';
  const mustInclude = connector ? rule.connectorMustInclude : undefined;
  const exactly = connector ? rule.connectorExactly : undefined;
  // Each value as it may be written: with `anyOrder`, a value of several space-separated values in every order.
  const spellings = rule.values.map((value) => (rule.anyOrder === true ? orders(value) : [value]));
  const schema: SchemaObject = {
    description: helpText(
      text,
      `Unique items from: ${quoted(rule.values)}.`,
      rule.anyOrder === true &&
        'A value of several space-separated values may list them in any order (RFC 6749 §3.1.1), but only once.',
      rule.minItems !== undefined && rule.minItems > 0 && 'Not empty.',
      mustInclude !== undefined && `Must include ${JSON.stringify(mustInclude)}.`,
      exactly !== undefined && `Must be exactly ${JSON.stringify(exactly)}.`,
    ),
    type: 'array',
    items: { type: 'string', enum: spellings.flat() },
    uniqueItems: true,
  };
  // Two spellings of one value are the same value twice.
  const once = spellings
    .filter((forms) => forms.length > 1)
    .map((forms): SchemaObject => ({ not: { contains: { enum: forms }, minContains: 2 } }));
  if (exactly !== undefined) {
    // The items are unique values of the enum, so "exactly these, in any order" is: this many, each one present.
    schema['minItems'] = exactly.length;
    schema['maxItems'] = exactly.length;
  } else if (rule.minItems !== undefined) {
    schema['minItems'] = rule.minItems;
  }
  // What an editor says when a connector's value is missing, as the validator says it (VS Code's errorMessage).
  if (exactly !== undefined) schema['errorMessage'] = connectorValueMessage('equals', exactly);
  else if (mustInclude !== undefined) schema['errorMessage'] = connectorValueMessage('includes', mustInclude);
  const present = [...new Set([...(mustInclude === undefined ? [] : [mustInclude]), ...(exactly ?? [])])];
  const [first, ...more] = present;
  if (first !== undefined && more.length === 0) schema['contains'] = { const: first };
  else if (first !== undefined) schema['allOf'] = present.map((value): SchemaObject => ({ contains: { const: value } }));
  if (once.length > 0) schema['allOf'] = [...((schema['allOf'] as SchemaObject[] | undefined) ?? []), ...once];
  return schema;
}

/** Every order of the space-separated values of `value`, `value` first (`id_token token`, `token id_token`). */
function orders(value: string): string[] {
  const permutations = (parts: readonly string[]): string[][] =>
    parts.length <= 1
      ? [[...parts]]
      : parts.flatMap((part, i) => permutations([...parts.slice(0, i), ...parts.slice(i + 1)]).map((rest) => [part, ...rest]));
  return permutations(value.split(' ')).map((parts) => parts.join(' '));
}

function booleanSchema(rule: BooleanRule, profile: Profile, text: string): SchemaObject {
  const exactly = profile === 'connector' ? rule.connectorExactly : undefined;
  const schema: SchemaObject = {
    description: helpText(text, exactly !== undefined && `Must be \`${String(exactly)}\`.`),
    type: 'boolean',
  };
  if (exactly !== undefined) {
    schema['const'] = exactly;
    schema['errorMessage'] = connectorValueMessage('equals', exactly);
  }
  return schema;
}

function scopeSchema(rule: ScopeRule, profile: Profile, text: string): SchemaObject {
  const exactly = profile === 'connector' ? rule.connectorExactly : undefined;
  const values = [
    ...rule.values.map(literal),
    ...(rule.prefix === undefined ? [] : [`${literal(rule.prefix)}${SCOPE_NAME_SOURCE}`]),
  ];
  const value = values.length === 1 ? values[0]! : `(?:${anyOf(values)})`;
  const schema: SchemaObject = {
    description: helpText(
      text,
      `At most ${rule.maxLength} characters; each value once, from: ${quoted(rule.values)}${rule.prefix === undefined ? '' : `, \`${rule.prefix}<name>\``}.`,
      exactly !== undefined && `Must be ${JSON.stringify(exactly)}.`,
    ),
    type: 'string',
    maxLength: rule.maxLength,
    pattern: `^${value}(?: ${value})*$`,
    patternErrorMessage: PATTERN_MESSAGES.scope(rule),
  };
  if (exactly !== undefined) {
    schema['const'] = exactly;
    schema['errorMessage'] = connectorValueMessage('equals', exactly);
  }
  return schema;
}

function redirectUrisSchema(rule: RedirectUrisRule, text: string): SchemaObject {
  return {
    description: text,
    type: 'array',
    items: withPatterns(
      {
        description: `A redirect URI of at most ${rule.itemMaxLength} characters.`,
        type: 'string',
        maxLength: rule.itemMaxLength,
      },
      [
        {
          // A private-use URI's authority (`com.example.app://host/cb`) has no user name or password either.
          pattern: `^(?:${httpsUrl()}|${loopbackHttpUrl()}|${PRIVATE_USE_SCHEME_SOURCE}(?!//[^/?#]*@)${urlUnit()}*)$`,
          message: PATTERN_MESSAGES.redirectUri(),
        },
      ],
      // a fragment is not allowed (RFC 6749 §3.1.2)
      [{ pattern: '#', message: PATTERN_MESSAGES.redirectUriFragment() }],
    ),
  };
}

function integerSchema(range: IntegerRange, text: string): SchemaObject {
  const unit = range.unit === undefined ? '' : ` ${range.unit}`;
  const words = range.maxInWords === undefined ? '' : ` (${range.maxInWords})`;
  return {
    description: helpText(text, `An integer from ${range.min} to ${range.max}${unit}${words}.`),
    type: 'integer',
    minimum: range.min,
    maximum: range.max,
  };
}

function idListSchema(rule: IdListRule, text: string): SchemaObject {
  return {
    description: helpText(text, `Unique integers from 1 to ${rule.max}.`),
    type: 'array',
    items: { type: 'integer', minimum: 1, maximum: rule.max },
    uniqueItems: true,
  };
}

function endpointSchema(rule: EndpointRule, text: string): SchemaObject {
  return withPatterns(
    { description: text, type: 'string', maxLength: rule.maxLength },
    [{ pattern: `^${httpsUrl()}$`, message: PATTERN_MESSAGES.httpsUrl() }],
    [{ pattern: hostTooLong(HTTPS_PREFIX), message: PATTERN_MESSAGES.hostLength() }],
  );
}

function headerNameSchema(rule: HeaderNameRule, text: string): SchemaObject {
  return withPatterns(
    { description: text, type: 'string' },
    [{ pattern: HEADER_NAME_SOURCE, message: PATTERN_MESSAGES.headerName() }],
    [
      // LivePerson's prefix, or a name that frames or routes the request (any case)
      { pattern: `^${caselessLiteral(rule.reservedPrefix)}`, message: PATTERN_MESSAGES.reservedHeaderName(rule) },
      { pattern: `^(?:${rule.framing.map(caselessLiteral).join('|')})$`, message: PATTERN_MESSAGES.framingHeaderName(rule) },
    ],
  );
}

function headerValueSchema(text: string): SchemaObject {
  return withPatterns(
    { description: text, type: 'string' },
    [{ pattern: HEADER_VALUE_SOURCE, message: PATTERN_MESSAGES.headerValue() }],
    [],
  );
}

/** What the recursion carries: the profile, and the `$defs` it fills as it meets an events node. */
interface Context {
  readonly profile: Profile;
  readonly defs: SchemaObject;
}

/** Help text of each field of an object node, by the node's name (the type of FIELD_DESCRIPTIONS makes sure there is one). */
function descriptionsOf(name: string): Readonly<Record<string, string>> {
  const help = (FIELD_DESCRIPTIONS as unknown as Readonly<Record<string, Readonly<Record<string, string>> | undefined>>)[name];
  if (help === undefined)
    throw new Error(`src/schema/descriptions.ts has no help texts for the "${name}" node of the rules tree`);
  return help;
}

/**
 * The schema with its help in Markdown beside the plain `description` (VS Code's
 * `markdownDescription`, shown on hover instead of it), right after it: the same text, and the
 * rule's source where the rules tree gives one.
 */
function withMarkdown(schema: SchemaObject, source?: string): SchemaObject {
  const { description, ...rest } = schema;
  if (typeof description !== 'string') return schema;
  const markdown = source === undefined ? description : `${description}\n\nSource: ${source}.`;
  return { description, markdownDescription: markdown, ...rest };
}

/** The snippets an editor offers to insert for a node of the rules tree, by the node's name (VS Code's `defaultSnippets`). */
function snippetsOf(node: ObjectNode | EventsNode): JsonSchemaValue[] | undefined {
  if (node.type === 'events') return [webhooksSnippet() as JsonSchemaValue];
  switch (node.name) {
    case 'webhook':
      return [webhookSnippet() as JsonSchemaValue];
    case 'header':
      return [headerSnippet() as JsonSchemaValue];
    case 'engagement': {
      const entryPoint = node.fields['entry_point'];
      return entryPoint?.type === 'enum-list' ? [engagementSnippet(entryPoint) as JsonSchemaValue] : undefined;
    }
    default:
      return undefined;
  }
}

const isRequired = (spec: FieldSpec, profile: Profile): boolean =>
  spec.required === 'always' || (spec.required === 'connector' && profile === 'connector');

/** The `properties` and `required` of an object node's fields, each described, "Required." where it is. */
function fieldsSchema(
  fields: { readonly [key: string]: FieldSpec },
  name: string,
  context: Context,
): { properties: SchemaObject; required: string[] } {
  const help = descriptionsOf(name);
  const properties: SchemaObject = {};
  const required: string[] = [];
  for (const [key, spec] of Object.entries(fields)) {
    const needed = isRequired(spec, context.profile);
    const text = help[key];
    if (text === undefined) throw new Error(`src/schema/descriptions.ts has no help text for "${key}" of the "${name}" node`);
    const source = name === MANIFEST.name ? (FIELD_SOURCES as Readonly<Record<string, string>>)[key] : undefined;
    properties[key] = withMarkdown(nodeSchema(spec, context, helpText(text, needed ? 'Required.' : '')), source);
    if (needed) required.push(key);
  }
  return { properties, required };
}

function objectSchema(node: ObjectNode, context: Context, text?: string): SchemaObject {
  const { properties, required } = fieldsSchema(node.fields, node.name, context);
  const snippets = snippetsOf(node);
  return {
    ...(text === undefined ? {} : { description: text }),
    type: 'object',
    properties,
    ...(required.length === 0 ? {} : { required }),
    additionalProperties: false,
    ...(snippets === undefined ? {} : { defaultSnippets: snippets }),
  };
}

function listSchema(node: ListNode, context: Context, text: string): SchemaObject {
  return { description: text, type: 'array', items: objectSchema(node.items, context) };
}

/** An events node: each event refers to `$defs/<each.name>` (written once), the other keys have their own schema. */
function eventsSchema(node: EventsNode, context: Context, text: string): SchemaObject {
  context.defs[node.each.name] ??= objectSchema(node.each, context);
  const properties: SchemaObject = {};
  for (const event of node.events) {
    properties[event] = withMarkdown({ description: WEBHOOK_EVENT_DESCRIPTION(event), $ref: `#/$defs/${node.each.name}` });
  }
  const also = fieldsSchema(node.also, node.name, context);
  Object.assign(properties, also.properties);
  return {
    description: text,
    type: 'object',
    properties,
    ...(also.required.length === 0 ? {} : { required: also.required }),
    additionalProperties: false,
    defaultSnippets: snippetsOf(node) ?? [],
  };
}

/** The schema of any node of the rules tree, one case per kind (`src/rules/nodes.ts`). */
function nodeSchema(spec: FieldSpec, context: Context, text: string): SchemaObject {
  const { profile } = context;
  switch (spec.type) {
    case 'string':
      return stringSchema(spec, profile, text);
    case 'enum-list':
      return enumListSchema(spec, profile, text);
    case 'boolean':
      return booleanSchema(spec, profile, text);
    case 'scope':
      return scopeSchema(spec, profile, text);
    case 'redirect-uris':
      return redirectUrisSchema(spec, text);
    case 'id-list':
      return idListSchema(spec, text);
    case 'integer':
      return integerSchema(spec, text);
    case 'endpoint':
      return endpointSchema(spec, text);
    case 'header-name':
      return headerNameSchema(spec, text);
    case 'header-value':
      return headerValueSchema(text);
    case 'object':
      return objectSchema(spec, context, text);
    case 'list':
      return listSchema(spec, context, text);
    case 'events':
      return eventsSchema(spec, context, text);
  }
}

/**
 * The JSON Schema (draft 2020-12) of a profile's manifests, generated from the
 * same rules tables as the validator. Each call returns a fresh object.
 *
 * The schema checks less than {@link validateManifest} (see
 * docs/schema-differences.md): use it for editor help and as a first check,
 * and the validator as the authority. The same schemas ship as files:
 * `lp-app-manifest/schema/general.schema.json` and
 * `lp-app-manifest/schema/connector.schema.json`.
 *
 * @param profile - `general` for any LivePerson application, `connector` for a Connector API app.
 * @throws TypeError when `profile` is not one of {@link PROFILES} (from untyped code).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Ajv2020 } from 'ajv/dist/2020.js';
 * import { JSON_SCHEMA_EDITOR_KEYWORDS, manifestJsonSchema } from 'lp-app-manifest';
 *
 * const ajv = new Ajv2020({ allErrors: true });
 * ajv.addVocabulary([...JSON_SCHEMA_EDITOR_KEYWORDS]); // the editor keywords are annotations: ajv's strict mode needs them named
 * const check = ajv.compile(manifestJsonSchema('connector'));
 * if (!check(JSON.parse(readFileSync('manifest.json', 'utf8')))) console.error(check.errors);
 * ```
 */
export function manifestJsonSchema<TProfile extends Profile>(profile: TProfile): ManifestJsonSchema<TProfile> {
  if (!(PROFILES as readonly unknown[]).includes(profile)) {
    throw new TypeError(`profile must be one of ${quoted(PROFILES)}`);
  }
  const context: Context = { profile, defs: {} };
  const { properties, required } = fieldsSchema(MANIFEST.fields, MANIFEST.name, context);
  properties[EDITOR_SCHEMA_KEY] = withMarkdown({
    description: 'The JSON Schema an editor checks this file against; not part of the manifest (left out of the output).',
    type: 'string',
  });
  const localizedName = withMarkdown(stringSchema(TOP_LEVEL_FIELDS.client_name, profile, LOCALIZED_NAME_DESCRIPTION));
  return {
    $schema: DRAFT_2020_12,
    $id: `https://unpkg.com/lp-app-manifest/schema/${profile}.schema.json`,
    $comment:
      'Generated from the rules tables of lp-app-manifest by manifestJsonSchema(); do not edit. ' +
      'validateManifest() checks more: see docs/schema-differences.md.',
    title: `LivePerson Application Install Manifest (${profile} profile)`,
    description: helpText(
      MANIFEST_DESCRIPTION,
      profile === 'connector'
        ? 'Connector profile: the stricter rules of a Connector API app.'
        : 'General profile: any LivePerson application.',
    ),
    type: 'object',
    properties,
    patternProperties: { [`^${literal(LOCALIZED_NAME_PREFIX)}(?:${LANGUAGE_TAG_SOURCE})$`]: localizedName },
    required,
    additionalProperties: false,
    $defs: context.defs,
  };
}
