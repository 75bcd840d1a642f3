/**
 * The one validator: `validateManifest()`, `build()`, `httpsUrl()` and
 * `ManifestBuilder.from()` all go through it.
 *
 * It walks only the shapes the spec knows (never deeper than five levels), so
 * hostile input (cycles, huge nesting, throwing getters, proxies) cannot make
 * it recurse, hang or throw. While it walks, it writes a fresh, canonical copy
 * of the manifest, so the result shares nothing with the input.
 */
import {
  CAPABILITY_KEYS,
  EDITOR_SCHEMA_KEY,
  ENGAGEMENT_FIELDS,
  HEADER_KEYS,
  LOCALIZED_NAME_PREFIX,
  MAX_RETRIES,
  MISSPELLED_WEBHOOK_EVENTS,
  PROFILES,
  RETENTION_TIME,
  RETRY_KEY,
  RETRY_KEYS,
  RESERVED_HEADER_PREFIX,
  TOP_LEVEL_FIELDS,
  WEBHOOK_EVENTS,
  WEBHOOK_KEYS,
  type BooleanRule,
  type EnumListRule,
  type FieldRule,
  type ProfileLimit,
  type RedirectUrisRule,
  type ScopeRule,
  type StringRule,
} from '../spec/tables.js';
import type { ManifestFor, Profile } from '../types/manifest.js';
import {
  checkHeaderName,
  checkHeaderValue,
  checkHttpsUrl,
  parseHttpsUrl,
  checkLogoUri,
  checkRedirectUri,
  closest,
  codePointLength,
  hasControlCharacter,
  isBlank,
  isLanguageTag,
  unreachableHost,
} from './checks.js';
import { makeIssue, type IssueCode, type IssueParams, type ValidationIssue } from './issues.js';
import { describeType, guarded, isPlainObject, ownKeys, UNREADABLE } from './read.js';

type Segments = readonly (string | number)[];
type JsonObject = Record<string, unknown>;

/**
 * What `validateManifest()` returns: the canonical, deep-frozen manifest, or
 * every issue found. Warnings come back either way.
 *
 * @example
 * ```ts
 * const result: ValidationResult<'connector'> = validateManifest(json, { profile: 'connector' });
 * if (result.ok) console.log(result.manifest.client_name);
 * else console.error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
 * ```
 */
export type ValidationResult<TProfile extends Profile = Profile> =
  | {
      /** The value is a valid manifest. */
      readonly ok: true;
      /** The manifest in canonical form: deep-frozen, keys and enum values in spec order. */
      readonly manifest: ManifestFor<TProfile>;
      /** Things that are valid but probably a mistake. */
      readonly warnings: readonly ValidationIssue[];
    }
  | {
      /** The value is not a valid manifest. */
      readonly ok: false;
      /** Every problem found (never empty). */
      readonly issues: readonly [ValidationIssue, ...ValidationIssue[]];
      /** Things that are valid but probably a mistake, found beside the problems. */
      readonly warnings: readonly ValidationIssue[];
    };

/**
 * Options for `validateManifest()`.
 *
 * @example
 * ```ts
 * const options: ValidateOptions<'connector'> = { profile: 'connector' };
 * ```
 */
export interface ValidateOptions<TProfile extends Profile = Profile> {
  /** The rule set to check against; `general` if not given. */
  readonly profile?: TProfile;
}

const TOP_LEVEL_KEYS = Object.keys(TOP_LEVEL_FIELDS);
const WEBHOOK_CONTAINER_KEYS: readonly string[] = [...WEBHOOK_EVENTS, RETRY_KEY];
const ENGAGEMENT_KEYS = Object.keys(ENGAGEMENT_FIELDS);

class Walk {
  readonly issues: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];

  constructor(readonly profile: Profile) {}

  report<TCode extends IssueCode>(segments: Segments, code: TCode, params: IssueParams[TCode]): void {
    const issue = makeIssue(segments, code, params);
    (issue.severity === 'warning' ? this.warnings : this.issues).push(issue);
  }

  limit(limit: ProfileLimit): number {
    return typeof limit === 'number' ? limit : limit[this.profile];
  }

  get connector(): boolean {
    return this.profile === 'connector';
  }
}

const NONE = {} as const;

/**
 * Reads an object's own entries, reporting a wrong type and every key not in
 * `known` (unless `onUnknown` takes it). Values stay unread-through: only the
 * keys the spec knows are looked at further.
 */
function walkObject(
  walk: Walk,
  value: unknown,
  segments: Segments,
  known: readonly string[],
  onUnknown?: (key: string, value: unknown) => boolean,
): Map<string, unknown> | undefined {
  if (value === UNREADABLE) {
    walk.report(segments, 'unreadable_value', NONE);
    return undefined;
  }
  const plain = guarded(() => isPlainObject(value));
  if (plain !== true) {
    if (plain === UNREADABLE) walk.report(segments, 'unreadable_value', NONE);
    else walk.report(segments, 'invalid_type', { expected: 'an object', received: describeType(value) });
    return undefined;
  }
  const keys = ownKeys(value as object);
  if (keys === UNREADABLE) {
    walk.report(segments, 'unreadable_value', NONE);
    return undefined;
  }
  const entries = new Map<string, unknown>();
  for (const key of keys) {
    // Inline rather than through readOwn(): no closure per key on this hot path.
    let entry: unknown;
    try {
      entry = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    } catch {
      entry = UNREADABLE;
    }
    if (known.includes(key)) {
      // `undefined` is not JSON: treat it as absent, as JSON.stringify does.
      if (entry !== undefined) entries.set(key, entry);
    } else if (!onUnknown?.(key, entry)) {
      walk.report([...segments, key], 'unknown_key', { key, suggestion: closest(key, known) });
    }
  }
  return entries;
}

function walkArray(walk: Walk, value: unknown, segments: Segments): unknown[] | undefined {
  const isArray = guarded(() => Array.isArray(value));
  if (value === UNREADABLE || isArray === UNREADABLE) {
    walk.report(segments, 'unreadable_value', NONE);
    return undefined;
  }
  if (!isArray) {
    walk.report(segments, 'invalid_type', { expected: 'an array', received: describeType(value) });
    return undefined;
  }
  const array = value as unknown[];
  const length = guarded(() => array.length);
  // A proxy's `length` can be anything; comparing with an object would call its valueOf.
  if (typeof length !== 'number') {
    walk.report(segments, 'unreadable_value', NONE);
    return undefined;
  }
  const items: unknown[] = [];
  for (let i = 0; i < length; i++) {
    // Inline rather than through guarded(): no closure per item on this hot path.
    let item: unknown;
    try {
      if (!Object.prototype.hasOwnProperty.call(array, i)) {
        // A hole (JSON cannot make one): reported at its index, as a missing item. The walk stops
        // there, because a sparse array's length (up to 2^32 - 1) says nothing of its real size.
        items.push(undefined);
        break;
      }
      item = array[i];
    } catch {
      item = UNREADABLE;
    }
    items.push(item);
  }
  return items;
}

function walkTypeOf<TValue>(
  walk: Walk,
  value: unknown,
  segments: Segments,
  expected: string,
  test: (value: unknown) => value is TValue,
): TValue | undefined {
  if (test(value)) return value;
  if (value === UNREADABLE) walk.report(segments, 'unreadable_value', NONE);
  else walk.report(segments, 'invalid_type', { expected, received: describeType(value) });
  return undefined;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isNumber = (value: unknown): value is number => typeof value === 'number';

function checkLength(walk: Walk, value: string, segments: Segments, max: number): void {
  // A string's code-point length never exceeds its UTF-16 length: count only when it could matter.
  if (value.length > max) {
    const actual = codePointLength(value);
    if (actual > max) walk.report(segments, 'too_long', { max, actual, profile: walk.profile });
  }
}

function walkString(walk: Walk, value: unknown, segments: Segments, rule: StringRule): string | undefined {
  const text = walkTypeOf(walk, value, segments, 'a string', isString);
  if (text === undefined) return undefined;
  checkLength(walk, text, segments, walk.limit(rule.maxLength));
  if (rule.notBlank && isBlank(text)) walk.report(segments, 'blank', NONE);
  if (rule.noControlCharacters && hasControlCharacter(text)) walk.report(segments, 'control_character', NONE);
  const formatIssue =
    rule.format === 'https-url' ? checkHttpsUrl(text) : rule.format === 'logo-uri' ? checkLogoUri(text) : undefined;
  if (formatIssue !== undefined) walk.report(segments, formatIssue, NONE);
  return text;
}

function walkInteger(
  walk: Walk,
  value: unknown,
  segments: Segments,
  range: { readonly min: number; readonly max: number },
): number | undefined {
  const number = walkTypeOf(walk, value, segments, 'an integer', isNumber);
  if (number === undefined) return undefined;
  if (!Number.isInteger(number)) walk.report(segments, 'not_integer', NONE);
  else if (number < range.min || number > range.max) walk.report(segments, 'out_of_range', range);
  return number === 0 ? 0 : number; // -0 becomes 0
}

function walkBoolean(walk: Walk, value: unknown, segments: Segments, rule: BooleanRule): boolean | undefined {
  const flag = walkTypeOf(walk, value, segments, 'a boolean', isBoolean);
  if (flag !== undefined && walk.connector && rule.connectorExactly !== undefined && flag !== rule.connectorExactly) {
    walk.report(segments, 'connector_required_value', { expected: String(rule.connectorExactly) });
  }
  return flag;
}

function walkEnumList(walk: Walk, value: unknown, segments: Segments, rule: EnumListRule): string[] | undefined {
  const items = walkArray(walk, value, segments);
  if (items === undefined) return undefined;
  const seen = new Set<string>();
  items.forEach((item, index) => {
    // The common case first, without building a path nobody will read.
    if (typeof item === 'string' && rule.values.includes(item) && !seen.has(item)) {
      seen.add(item);
      return;
    }
    const at = [...segments, index];
    const text = walkTypeOf(walk, item, at, 'a string', isString);
    if (text === undefined) return;
    if (!rule.values.includes(text)) {
      walk.report(at, 'invalid_enum_value', { value: text, allowed: rule.values, suggestion: closest(text, rule.values) });
    } else if (seen.has(text)) {
      walk.report(at, 'duplicate_item', { value: text });
    } else {
      seen.add(text);
    }
  });
  if (rule.minItems !== undefined && items.length < rule.minItems) {
    walk.report(segments, 'too_few_items', { min: rule.minItems });
  }
  if (walk.connector) {
    if (rule.connectorMustInclude !== undefined && !seen.has(rule.connectorMustInclude)) {
      walk.report(segments, 'connector_required_value', {
        expected: `a list that includes ${JSON.stringify(rule.connectorMustInclude)}`,
      });
    }
    const exactly = rule.connectorExactly;
    if (exactly !== undefined && (items.length !== exactly.length || !exactly.every((v) => seen.has(v)))) {
      walk.report(segments, 'connector_required_value', { expected: JSON.stringify(exactly) });
    }
  }
  return rule.values.filter((v) => seen.has(v));
}

function walkScope(walk: Walk, value: unknown, segments: Segments, rule: ScopeRule): string | undefined {
  const text = walkTypeOf(walk, value, segments, 'a string', isString);
  if (text === undefined) return undefined;
  checkLength(walk, text, segments, rule.maxLength);
  const seen = new Set<string>();
  let valid = true;
  // Too long is reported above; its tokens are not worth listing. Count as checkLength does: in code points.
  for (const token of codePointLength(text) > rule.maxLength ? [] : text.split(' ')) {
    if (!rule.values.includes(token)) {
      walk.report(segments, 'invalid_scope', { value: token });
      valid = false;
    } else if (seen.has(token)) {
      walk.report(segments, 'duplicate_item', { value: token });
      valid = false;
    } else seen.add(token);
  }
  if (valid && walk.connector && rule.connectorExactly !== undefined && text !== rule.connectorExactly) {
    walk.report(segments, 'connector_required_value', { expected: JSON.stringify(rule.connectorExactly) });
  }
  return rule.values.filter((v) => seen.has(v)).join(' ');
}

function walkRedirectUris(walk: Walk, value: unknown, segments: Segments, rule: RedirectUrisRule): string[] | undefined {
  const items = walkArray(walk, value, segments);
  if (items === undefined) return undefined;
  return items.flatMap((item, index) => {
    const at = [...segments, index];
    const uri = walkTypeOf(walk, item, at, 'a string', isString);
    if (uri === undefined) return [];
    checkLength(walk, uri, at, rule.itemMaxLength);
    const issue = checkRedirectUri(uri);
    if (issue !== undefined) walk.report(at, issue, NONE);
    return [uri];
  });
}

function walkHeaders(walk: Walk, value: unknown, segments: Segments): JsonObject[] | undefined {
  const items = walkArray(walk, value, segments);
  if (items === undefined) return undefined;
  const names = new Map<string, string>();
  const out: JsonObject[] = [];
  items.forEach((item, index) => {
    const at = [...segments, index];
    const entries = walkObject(walk, item, at, HEADER_KEYS);
    if (entries === undefined) return;
    const name = requireField(walk, entries, at, 'header_name', (v, s) => walkTypeOf(walk, v, s, 'a string', isString));
    const headerValue = requireField(walk, entries, at, 'header_value', (v, s) =>
      walkTypeOf(walk, v, s, 'a string', isString),
    );
    if (name !== undefined) {
      const nameIssue = checkHeaderName(name);
      if (nameIssue === 'reserved_header_name') {
        walk.report([...at, 'header_name'], nameIssue, { prefix: RESERVED_HEADER_PREFIX });
      } else if (nameIssue !== undefined) walk.report([...at, 'header_name'], nameIssue, NONE);
      // Only tokens are compared (and so quoted in a message): a name that is not one may be a
      // whole "Name: secret" line pasted into the wrong field, and it is reported already.
      const folded = name.toLowerCase();
      if (nameIssue !== 'invalid_header_name') {
        if (names.has(folded)) walk.report([...at, 'header_name'], 'duplicate_header_name', { name });
        else names.set(folded, name);
      }
    }
    if (headerValue !== undefined) {
      const valueIssue = checkHeaderValue(headerValue);
      if (valueIssue !== undefined) walk.report([...at, 'header_value'], valueIssue, NONE);
    }
    out.push({ header_name: name, header_value: headerValue });
  });
  return out;
}

/** Reads a required field of an object; reports `required` when it is absent. */
function requireField<TValue>(
  walk: Walk,
  entries: Map<string, unknown>,
  segments: Segments,
  key: string,
  read: (value: unknown, segments: Segments) => TValue | undefined,
): TValue | undefined {
  if (!entries.has(key)) {
    walk.report([...segments, key], 'required', NONE);
    return undefined;
  }
  return read(entries.get(key), [...segments, key]);
}

/** Copies the entries the reader accepted into a new object, in `order`. */
function ordered(
  entries: Map<string, unknown>,
  order: readonly string[],
  read: (key: string, value: unknown) => unknown,
): JsonObject {
  const out: JsonObject = {};
  for (const key of order) {
    if (!entries.has(key)) continue;
    const value = read(key, entries.get(key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}

interface WebhookSummary {
  readonly segments: Segments;
  readonly maxRetries: number | undefined;
}

function walkWebhook(walk: Walk, value: unknown, segments: Segments, summaries: WebhookSummary[]): JsonObject | undefined {
  const entries = walkObject(walk, value, segments, WEBHOOK_KEYS);
  if (entries === undefined) return undefined;
  if (!entries.has('endpoint')) walk.report([...segments, 'endpoint'], 'required', NONE);
  const out = ordered(entries, WEBHOOK_KEYS, (key, field) => {
    const at = [...segments, key];
    if (key === 'endpoint') {
      const endpoint = walkTypeOf(walk, field, at, 'a string', isString);
      if (endpoint === undefined) return undefined;
      const parsed = parseHttpsUrl(endpoint);
      if (typeof parsed === 'string') walk.report(at, parsed, NONE);
      else {
        const host = unreachableHost(parsed);
        if (host !== undefined) walk.report(at, 'unreachable_endpoint_host', { host });
      }
      return endpoint;
    }
    if (key === 'max_retries') return walkInteger(walk, field, at, MAX_RETRIES);
    return walkHeaders(walk, field, at);
  });
  summaries.push({ segments, maxRetries: typeof out['max_retries'] === 'number' ? out['max_retries'] : undefined });
  return out;
}

function walkWebhooks(walk: Walk, value: unknown, segments: Segments): JsonObject | undefined {
  const entries = walkObject(walk, value, segments, WEBHOOK_CONTAINER_KEYS, (key, body) => {
    const at = [...segments, key];
    const misspelled = Object.prototype.hasOwnProperty.call(MISSPELLED_WEBHOOK_EVENTS, key);
    const suggestion = misspelled ? MISSPELLED_WEBHOOK_EVENTS[key] : closest(key, WEBHOOK_CONTAINER_KEYS);
    if (misspelled && suggestion !== undefined) walk.report(at, 'misspelled_webhook_event', { key, suggestion });
    else walk.report(at, 'unknown_key', { key, suggestion });
    // A body under a mistyped event name is still checked, so fixing the name reveals nothing new.
    if (suggestion !== undefined && suggestion !== RETRY_KEY) walkWebhook(walk, body, at, []);
    return true;
  });
  if (entries === undefined) return undefined;
  const summaries: WebhookSummary[] = [];
  const out = ordered(entries, WEBHOOK_CONTAINER_KEYS, (key, field) => {
    const at = [...segments, key];
    if (key !== RETRY_KEY) return walkWebhook(walk, field, at, summaries);
    const retry = walkObject(walk, field, at, RETRY_KEYS);
    if (retry === undefined) return undefined;
    const retention = requireField(walk, retry, at, 'retention_time', (v, s) => walkInteger(walk, v, s, RETENTION_TIME));
    return retention === undefined ? {} : { retention_time: retention };
  });
  // Only a retention time set on the policy overrides max_retries (a retry without one is an error already).
  if ((out[RETRY_KEY] as JsonObject | undefined)?.['retention_time'] !== undefined) {
    for (const summary of summaries) {
      if (summary.maxRetries !== undefined && summary.maxRetries > 0) {
        walk.report([...summary.segments, 'max_retries'], 'max_retries_with_retention', NONE);
      }
    }
  }
  return out;
}

function walkEngagement(walk: Walk, value: unknown, segments: Segments): JsonObject | undefined {
  const entries = walkObject(walk, value, segments, ENGAGEMENT_KEYS);
  if (entries === undefined) return undefined;
  for (const key of ENGAGEMENT_KEYS) {
    if (!entries.has(key)) walk.report([...segments, key], 'required', NONE);
  }
  return ordered(entries, ENGAGEMENT_KEYS, (key, field) => {
    const rule = ENGAGEMENT_FIELDS[key as keyof typeof ENGAGEMENT_FIELDS];
    const at = [...segments, key];
    return rule.type === 'boolean' ? walkBoolean(walk, field, at, rule) : walkEnumList(walk, field, at, rule);
  });
}

function walkCapabilities(walk: Walk, value: unknown, segments: Segments): JsonObject | undefined {
  const entries = walkObject(walk, value, segments, CAPABILITY_KEYS);
  if (entries === undefined) return undefined;
  return ordered(entries, CAPABILITY_KEYS, (key, field) =>
    key === 'webhooks' ? walkWebhooks(walk, field, [...segments, key]) : walkEngagement(walk, field, [...segments, key]),
  );
}

function walkField(walk: Walk, rule: FieldRule, value: unknown, segments: Segments): unknown {
  switch (rule.type) {
    case 'string':
      return walkString(walk, value, segments, rule);
    case 'enum-list':
      return walkEnumList(walk, value, segments, rule);
    case 'boolean':
      return walkBoolean(walk, value, segments, rule);
    case 'scope':
      return walkScope(walk, value, segments, rule);
    case 'redirect-uris':
      return walkRedirectUris(walk, value, segments, rule);
    case 'capabilities':
      return walkCapabilities(walk, value, segments);
  }
}

const CLIENT_NAME_RULE: StringRule = TOP_LEVEL_FIELDS.client_name;

/** Checks `client_name#<tag>` entries and returns them sorted by tag. */
function walkLocalizedNames(walk: Walk, localized: [string, unknown][], hasClientName: boolean): [string, string][] {
  const tags = new Map<string, string>();
  const out: [string, string][] = [];
  for (const [key, value] of localized.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const tag = key.slice(LOCALIZED_NAME_PREFIX.length);
    if (!isLanguageTag(tag)) walk.report([key], 'invalid_language_tag', { tag });
    else {
      const other = tags.get(tag.toLowerCase());
      if (other !== undefined) walk.report([key], 'duplicate_language_tag', { tag, other });
      else tags.set(tag.toLowerCase(), tag);
    }
    if (!hasClientName) walk.report([key], 'localized_name_without_client_name', NONE);
    if (value === undefined) continue;
    const name = walkString(walk, value, [key], CLIENT_NAME_RULE);
    if (name !== undefined) out.push([key, name]);
  }
  return out;
}

function walkManifest(walk: Walk, input: unknown): JsonObject | undefined {
  const localized: [string, unknown][] = [];
  const entries = walkObject(walk, input, [], TOP_LEVEL_KEYS, (key, value) => {
    if (key === EDITOR_SCHEMA_KEY) {
      walkTypeOf(walk, value, [key], 'a string', isString);
      return true;
    }
    if (!key.startsWith(LOCALIZED_NAME_PREFIX)) return false;
    localized.push([key, value]);
    return true;
  });
  if (entries === undefined) return undefined;
  const out: JsonObject = {};
  for (const [field, spec] of Object.entries(TOP_LEVEL_FIELDS)) {
    const value = entries.get(field);
    const required = 'required' in spec && (spec.required === 'always' || walk.connector);
    if (value === undefined) {
      if (required) walk.report([field], 'required', NONE);
    } else {
      const result = walkField(walk, spec, value, [field]);
      if (result !== undefined) out[field] = result;
    }
    if (field === 'client_name') {
      for (const [key, name] of walkLocalizedNames(walk, localized, value !== undefined)) out[key] = name;
    }
  }
  const grants = out['grant_types'] as readonly string[] | undefined;
  if ((out['response_types'] as readonly string[] | undefined)?.includes('code') && !grants?.includes('authorization_code')) {
    walk.report(['response_types'], 'code_without_authorization_code', NONE);
  }
  const redirects = out['redirect_uris'] as readonly string[] | undefined;
  if (grants?.includes('authorization_code') && (redirects === undefined || redirects.length === 0)) {
    walk.report(['grant_types'], 'authorization_code_without_redirect_uris', NONE);
  }
  return out;
}

/** Freezes our own freshly built output, all the way down (it is at most five levels deep). */
function deepFreeze<TValue>(value: TValue): TValue {
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    } else {
      // Own keys only: for…in would also visit what a polluted Object.prototype adds.
      for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    }
    Object.freeze(value);
  }
  return value;
}

/** Runs the validator and returns the raw outcome (used by the public entry points). */
export function runValidation<TProfile extends Profile>(input: unknown, profile: TProfile): ValidationResult<TProfile> {
  const walk = new Walk(profile);
  const manifest = walkManifest(walk, input);
  const warnings = Object.freeze(walk.warnings.map(deepFreeze));
  const [first, ...rest] = walk.issues.map(deepFreeze);
  if (first !== undefined) return Object.freeze({ ok: false, issues: Object.freeze<[ValidationIssue, ...ValidationIssue[]]>([first, ...rest]), warnings });
  return Object.freeze({ ok: true, manifest: deepFreeze(manifest) as unknown as ManifestFor<TProfile>, warnings });
}

/** Reads the profile from options that may come from untyped code. */
export function readProfile(options: unknown): Profile | ValidationIssue {
  const profile = guarded(() => (options as { profile?: unknown } | undefined)?.profile);
  if (profile === undefined) return 'general';
  if ((PROFILES as readonly unknown[]).includes(profile)) return profile as Profile;
  return makeIssue([], 'invalid_profile', { received: typeof profile === 'string' ? profile : describeType(profile) });
}

/**
 * Checks any value against the manifest rules of a profile and returns the
 * canonical manifest (deep-frozen, keys and enum values in spec order) or
 * every issue found. Never throws, whatever the input.
 *
 * @param value - Anything: usually `JSON.parse` of a manifest file.
 * @param options - `{ profile: 'general' | 'connector' }`; `general` if not given.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { validateManifest } from 'lp-app-manifest';
 *
 * const result = validateManifest(JSON.parse(readFileSync('manifest.json', 'utf8')), { profile: 'connector' });
 * if (!result.ok) {
 *   for (const issue of result.issues) console.error(`${issue.path}: ${issue.message} [${issue.code}]`);
 *   process.exit(1);
 * }
 * for (const warning of result.warnings) console.warn(`warning: ${warning.path}: ${warning.message}`);
 * ```
 */
export function validateManifest<TProfile extends Profile = 'general'>(
  value: unknown,
  options?: ValidateOptions<TProfile>,
): ValidationResult<TProfile> {
  const profile = readProfile(options);
  if (typeof profile !== 'string') {
    return Object.freeze({ ok: false, issues: Object.freeze([profile] as const), warnings: Object.freeze([]) });
  }
  return runValidation(value, profile as TProfile);
}
