/**
 * The walk over the manifest: it reads only the shapes the spec knows (never
 * deeper than five levels), so hostile input (cycles, huge nesting, throwing
 * getters, proxies) cannot make it recurse, hang or throw. While it walks, it
 * writes a fresh, canonical copy of the manifest, so the result shares nothing
 * with the input; the cross-field rules run at the end of `walkManifest`.
 */
import {
  CAPABILITY_KEYS,
  EDITOR_SCHEMA_KEY,
  ENGAGEMENT_FIELDS,
  HEADER_KEYS,
  LOCALIZED_NAME_PREFIX,
  MAX_RETRIES,
  MISSPELLED_WEBHOOK_EVENTS,
  RETENTION_TIME,
  RETRY_KEY,
  RETRY_KEYS,
  RESERVED_HEADER_PREFIX,
  SECRET_SERVER_ASSIGNED_KEY,
  SERVER_ASSIGNED_KEYS,
  TOP_LEVEL_FIELDS,
  URL_MAX_LENGTH,
  WEBHOOK_EVENTS,
  WEBHOOK_KEYS,
  type BooleanRule,
  type EnumListRule,
  type FieldRule,
  type FieldSpec,
  type IdListRule,
  type IntegerRange,
  type RedirectUrisRule,
  type ScopeRule,
  type StringRule,
} from '../spec/tables.js';
import type { Profile } from '../types/manifest.js';
import {
  checkHeaderName,
  checkHeaderValue,
  parseHttpsUrl,
  checkLogoUri,
  checkRedirectUri,
  closest,
  codePointLength,
  hasControlCharacter,
  isBlank,
  isLanguageTag,
  isScopeName,
  singleLabelHost,
  unreachableHost,
} from './checks.js';
import { createIssue, NO_PARAMS, type ExpectedType, type IssueCode, type IssueParams, type ValidationIssue } from './issues.js';
import { isPlainObject, receivedOf, UNREADABLE } from './read.js';
import { at, placeOf, type Path } from './paths.js';

type JsonObject = Record<string, unknown>;

/** A list of known keys, where each is in it, and a list of as many `undefined`s to copy. */
interface Keys {
  readonly list: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly blank: readonly undefined[];
}

const keysOf = (list: readonly string[]): Keys => ({
  list,
  index: new Map(list.map((key, i) => [key, i])),
  blank: list.map(() => undefined),
});

/**
 * A rule of the tables on a null prototype, so that reading a setting the
 * table leaves out never reaches a polluted `Object.prototype` (where a
 * `minItems` or `required` would change the rules). Made with
 * `Object.setPrototypeOf`: V8 keeps such an object's properties fast, where
 * `{ __proto__: null, … }` and `Object.create(null)` make a dictionary (about
 * 8 % slower validation, measured with bench/compare.ts).
 */
const ownRule = <TRule extends object>(rule: TRule): TRule => Object.setPrototypeOf({ ...rule }, null) as TRule;

/** `object[key]` if it is an own property: our output objects have a prototype that may be polluted. */
const ownValue = (object: JsonObject, key: string): unknown => (hasOwn.call(object, key) ? object[key] : undefined);

// Pure, so that bundles which do not validate drop them (see checks.ts).
const TOP_LEVEL_ENTRIES: readonly (readonly [string, FieldSpec])[] = /* @__PURE__ */ Object.entries(TOP_LEVEL_FIELDS).map(
  ([key, rule]) => [key, ownRule<FieldSpec>(rule)] as const,
);
const TOP_LEVEL = /* @__PURE__ */ (() => keysOf(Object.keys(TOP_LEVEL_FIELDS)))();
const WEBHOOK_CONTAINER = /* @__PURE__ */ (() => keysOf([...WEBHOOK_EVENTS, RETRY_KEY]))();
const WEBHOOK = /* @__PURE__ */ keysOf(WEBHOOK_KEYS);
const HEADER = /* @__PURE__ */ keysOf(HEADER_KEYS);
const RETRY = /* @__PURE__ */ keysOf(RETRY_KEYS);
const CAPABILITIES = /* @__PURE__ */ keysOf(CAPABILITY_KEYS);
const ENGAGEMENT_ENTRIES: readonly (readonly [string, BooleanRule | EnumListRule])[] = /* @__PURE__ */ Object.entries(
  ENGAGEMENT_FIELDS,
).map(([key, rule]) => [key, ownRule<BooleanRule | EnumListRule>(rule)] as const);
const ENGAGEMENT = /* @__PURE__ */ (() => keysOf(ENGAGEMENT_ENTRIES.map(([key]) => key)))();

export class Walk {
  readonly issues: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];
  /** Every object and array of the output, frozen once the walk has found no error. */
  readonly made: object[] = [];
  readonly connector: boolean;
  /** The issue reported last, whose params and message the next one may share (see createIssue). */
  last: ValidationIssue | undefined = undefined;
  /** Each webhook's place and `max_retries`, as read: what the cross-field checks need beside the output. */
  readonly webhooks: WebhookSummary[] = [];

  constructor(readonly profile: Profile) {
    this.connector = profile === 'connector';
  }

  report<TCode extends IssueCode>(path: Path, code: TCode, params: IssueParams[TCode]): void {
    const place = placeOf(path);
    const issue = createIssue(place.path, place.segments, code, params, this.last) as ValidationIssue;
    this.last = issue;
    (issue.severity === 'warning' ? this.warnings : this.issues).push(issue);
  }

  /** Reports a value of the wrong type (or one that could not be read). */
  wrongType(path: Path, value: unknown, expected: ExpectedType): undefined {
    if (value === UNREADABLE) this.report(path, 'unreadable_value', NONE);
    else this.report(path, 'invalid_type', { expected, ...receivedOf(value) });
    return undefined;
  }

  /** Registers a container of the output, to be frozen at the end. */
  keep<TValue extends object>(value: TValue): TValue {
    this.made.push(value);
    return value;
  }
}

const NONE = NO_PARAMS;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Reads a plain object's own entries into a list in the order of `known`
 * (`undefined` where a key is absent). Every key not in `known` is reported,
 * or, when `extras` is given, added to it for the caller to look at. Each
 * value is read once, and a value that throws when read becomes
 * {@link UNREADABLE}.
 */
function readObject(walk: Walk, value: unknown, path: Path, known: Keys, extras?: [string, unknown][]): unknown[] | undefined {
  // A copy of a filled list (fast, and not holey: a hole would read through to a polluted Array.prototype).
  const slots: unknown[] = known.blank.slice();
  try {
    if (!isPlainObject(value)) return walk.wrongType(path, value, 'object');
    // for…in with an own-key check is the fastest way through plain data in V8 (each value is a
    // field load). It also visits what a polluted Object.prototype adds: the check skips that.
    for (const key in value) {
      let entry: unknown;
      try {
        if (!hasOwn.call(value, key)) continue;
        entry = value[key];
      } catch {
        entry = UNREADABLE;
      }
      const index = known.index.get(key);
      if (index !== undefined) slots[index] = entry;
      else if (extras !== undefined) extras.push([key, entry]);
      else walk.report(at(path, key), 'unknown_key', { key, suggestion: closest(key, known.list) });
    }
  } catch {
    // The keys themselves could not be listed (a proxy trap threw).
    return walk.wrongType(path, UNREADABLE, 'object');
  }
  return slots;
}

/** Reads an array's items, up to the first hole. */
function readArray(walk: Walk, value: unknown, path: Path): unknown[] | undefined {
  let length: unknown = UNREADABLE;
  try {
    // UNREADABLE is not an array either: wrongType() reports it as unreadable.
    if (!Array.isArray(value)) return walk.wrongType(path, value, 'array');
    length = value.length;
  } catch {
    // A revoked proxy, or a length getter that throws: unreadable, as a length that is not a number.
  }
  if (typeof length !== 'number') return walk.wrongType(path, UNREADABLE, 'array');
  const array = value as unknown[];
  const items: unknown[] = [];
  for (let i = 0; i < length; i++) {
    try {
      if (!hasOwn.call(array, i)) {
        items.push(undefined);
        break;
      }
      items.push(array[i]);
    } catch {
      items.push(UNREADABLE);
    }
  }
  return items;
}

function checkLength(walk: Walk, value: string, path: Path, max: number): void {
  if (value.length > max) {
    const actual = codePointLength(value);
    if (actual > max) walk.report(path, 'too_long', { max, actual, profile: walk.profile });
  }
}

/** A URL in a field without a smaller limit of its own: at most {@link URL_MAX_LENGTH} characters. */
function checkUrlLength(walk: Walk, value: string, path: Path): void {
  if (value.length > URL_MAX_LENGTH) {
    const actual = codePointLength(value);
    if (actual > URL_MAX_LENGTH) walk.report(path, 'url_too_long', { max: URL_MAX_LENGTH, actual });
  }
}

function walkString(walk: Walk, value: unknown, path: Path, rule: StringRule): string | undefined {
  if (typeof value !== 'string') return walk.wrongType(path, value, 'string');
  const max = rule.maxLength;
  checkLength(walk, value, path, typeof max === 'number' ? max : max[walk.profile]);
  if (rule.notBlank && isBlank(value)) walk.report(path, 'blank', NONE);
  if (rule.noControlCharacters && hasControlCharacter(value)) walk.report(path, 'control_character', NONE);
  if (rule.format === 'https-url') {
    const parsed = parseHttpsUrl(value);
    if ('code' in parsed) walk.report(path, parsed.code, parsed.params);
    else warnSingleLabel(walk, path, parsed);
  } else if (rule.format === 'logo-uri') {
    const issue = checkLogoUri(value);
    if (issue !== undefined) walk.report(path, issue.code, issue.params);
  }
  return value;
}

/** The warning for an `https://` URL whose host is one label: no public DNS name (an unfilled placeholder, most likely). */
function warnSingleLabel(walk: Walk, path: Path, url: { readonly hostname: string }): void {
  const host = singleLabelHost(url);
  if (host !== undefined) walk.report(path, 'single_label_host', { host });
}

/** A range's parameters: its bounds and unit (not its words, which are the message's). */
const rangeParams = (range: IntegerRange): IssueParams['out_of_range'] =>
  range.unit === undefined ? { min: range.min, max: range.max } : { min: range.min, max: range.max, unit: range.unit };

function walkInteger(walk: Walk, value: unknown, path: Path, range: IntegerRange): number | undefined {
  if (typeof value !== 'number') return walk.wrongType(path, value, 'integer');
  if (!Number.isInteger(value)) walk.report(path, 'not_integer', rangeParams(range));
  else if (value < range.min || value > range.max) walk.report(path, 'out_of_range', rangeParams(range));
  return value === 0 ? 0 : value; // -0 becomes 0
}

function walkBoolean(walk: Walk, value: unknown, path: Path, rule: BooleanRule): boolean | undefined {
  if (typeof value !== 'boolean') return walk.wrongType(path, value, 'boolean');
  if (walk.connector && rule.connectorExactly !== undefined && value !== rule.connectorExactly) {
    walk.report(path, 'connector_required_value', { rule: 'equals', expected: rule.connectorExactly });
  }
  return value;
}

/**
 * A list of unique values from `rule.values`, returned in the order of
 * `rule.values`. Which values were seen is kept as bits (the lists are short:
 * a test holds them to 30 values at most).
 */
function walkEnumList(walk: Walk, value: unknown, path: Path, rule: EnumListRule): string[] | undefined {
  const items = readArray(walk, value, path);
  if (items === undefined) return undefined;
  const values = rule.values;
  let seen = 0;
  let inOrder = true;
  let last = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let index = -1;
    if (typeof item === 'string') {
      // Lists are usually in spec order: look past the last value first.
      index = values.indexOf(item, last + 1);
      if (index === -1) index = values.indexOf(item);
    }
    const bit = 1 << index;
    if (index !== -1 && (seen & bit) === 0) {
      seen |= bit;
      if (index < last) inOrder = false;
      last = index;
      continue;
    }
    // Not the common case: now the path is worth building.
    inOrder = false;
    const where = at(path, i);
    if (typeof item !== 'string') walk.wrongType(where, item, 'string');
    else if (index === -1) {
      walk.report(where, 'invalid_enum_value', {
        value: item,
        allowed: allowedOf(values, () => values),
        suggestion: closest(item, values),
      });
    } else walk.report(where, 'duplicate_item', { value: item });
  }
  if (rule.minItems !== undefined && items.length < rule.minItems) {
    walk.report(path, 'too_few_items', { min: rule.minItems });
  }
  if (walk.connector) {
    if (rule.connectorMustInclude !== undefined && (seen & (1 << values.indexOf(rule.connectorMustInclude))) === 0) {
      walk.report(path, 'connector_required_value', { rule: 'includes', expected: rule.connectorMustInclude });
    }
    const exactly = rule.connectorExactly;
    if (
      exactly !== undefined &&
      (items.length !== exactly.length || !exactly.every((v) => (seen & (1 << values.indexOf(v))) !== 0))
    ) {
      walk.report(path, 'connector_required_value', { rule: 'equals', expected: [...exactly] });
    }
  }
  // Items that were all known, unique and in order are the canonical list already.
  return walk.keep(inOrder ? (items as string[]) : values.filter((_, index) => (seen & (1 << index)) !== 0));
}

/**
 * A frozen copy of a list of the spec's, made once per list: an issue's `allowed` (shared by the
 * issues that list it, as data that cannot change; the spec's own arrays are not frozen here).
 */
const ALLOWED = /* @__PURE__ */ new WeakMap<object, readonly string[]>();
function allowedOf(key: object, make: () => readonly string[]): readonly string[] {
  let list = ALLOWED.get(key);
  if (list === undefined) {
    list = Object.freeze([...make()]);
    ALLOWED.set(key, list);
  }
  return list;
}

/** What an `invalid_scope` message lists as supported: the values, and `<prefix><name>`. */
const scopesAllowed = (rule: ScopeRule): readonly string[] =>
  allowedOf(rule, () => (rule.prefix === undefined ? rule.values : [...rule.values, `${rule.prefix}<name>`]));

/**
 * Scope values separated by single spaces, none at the start or end, no value twice. Each
 * problem is said as it is: a spacing problem once, a repeated value as a duplicate, an unknown
 * value with what is supported. The output lists the table's values in table order, then the
 * `faas.<name>` values in the order written.
 */
function walkScope(walk: Walk, value: unknown, path: Path, rule: ScopeRule): string | undefined {
  if (typeof value !== 'string') return walk.wrongType(path, value, 'string');
  // The common case: a single known value, as the connector profile requires.
  if (
    rule.values.includes(value) &&
    (!walk.connector || rule.connectorExactly === undefined || value === rule.connectorExactly)
  ) {
    return value;
  }
  checkLength(walk, value, path, rule.maxLength);
  // Too long is reported above; its tokens are not worth listing (the connector profile says what it needs instead).
  // Count as checkLength does: in code points.
  if (codePointLength(value) > rule.maxLength) {
    if (walk.connector && rule.connectorExactly !== undefined) {
      walk.report(path, 'connector_required_value', { rule: 'equals', expected: rule.connectorExactly });
    }
    return value;
  }
  const tokens = value.split(' ');
  if (tokens.every((token) => token === '')) {
    walk.report(path, 'invalid_scope', { value: '', allowed: scopesAllowed(rule) });
    return value;
  }
  const leading = tokens[0] === '';
  const trailing = tokens[tokens.length - 1] === '';
  // An empty token between two others: two spaces in a row.
  const repeated = tokens.some((token, i) => token === '' && i > 0 && i < tokens.length - 1);
  let valid = !(leading || trailing || repeated);
  if (!valid) walk.report(path, 'scope_spacing', { leading, trailing, repeated });
  const seen = new Set<string>();
  const named: string[] = [];
  for (const token of tokens) {
    if (token === '') continue;
    const prefixed = rule.prefix !== undefined && token.startsWith(rule.prefix) && isScopeName(token.slice(rule.prefix.length));
    if (!prefixed && !rule.values.includes(token)) {
      walk.report(path, 'invalid_scope', { value: token, allowed: scopesAllowed(rule), suggestion: closest(token, rule.values) });
      valid = false;
    } else if (seen.has(token)) {
      walk.report(path, 'duplicate_item', { value: token });
      valid = false;
    } else {
      seen.add(token);
      if (prefixed) named.push(token);
    }
  }
  if (valid && walk.connector && rule.connectorExactly !== undefined && value !== rule.connectorExactly) {
    walk.report(path, 'connector_required_value', { rule: 'equals', expected: rule.connectorExactly });
  }
  return [...rule.values.filter((v) => seen.has(v)), ...named].join(' ');
}

/**
 * Unique positive integers (LivePerson agent-profile ids), kept in the order written. A number
 * beyond `rule.max` cannot be held exactly by a JSON number: it is not a usable id.
 */
function walkIdList(walk: Walk, value: unknown, path: Path, rule: IdListRule): number[] | undefined {
  const items = readArray(walk, value, path);
  if (items === undefined) return undefined;
  const seen = new Set<number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'number') walk.wrongType(at(path, i), item, 'positive_integer');
    else if (!Number.isInteger(item) || item < 1 || item > rule.max) walk.report(at(path, i), 'invalid_agent_profile_id', rule);
    else if (seen.has(item)) walk.report(at(path, i), 'duplicate_item', { value: String(item) });
    else seen.add(item);
  }
  return walk.keep(items as number[]);
}

function walkRedirectUris(walk: Walk, value: unknown, path: Path, rule: RedirectUrisRule): string[] | undefined {
  const items = readArray(walk, value, path);
  if (items === undefined) return undefined;
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const uri = items[i];
    const where = at(path, i);
    if (typeof uri !== 'string') {
      walk.wrongType(where, uri, 'string');
      continue;
    }
    checkLength(walk, uri, where, rule.itemMaxLength);
    const issue = checkRedirectUri(uri);
    if (issue !== undefined) walk.report(where, issue.code, issue.params);
    out.push(uri);
  }
  return walk.keep(out);
}

/** A required string field of an object read by {@link readObject}. */
function requiredString(walk: Walk, value: unknown, path: Path, key: string): string | undefined {
  if (value === undefined) {
    walk.report(at(path, key), 'required', NONE);
    return undefined;
  }
  return typeof value === 'string' ? value : walk.wrongType(at(path, key), value, 'string');
}

function walkHeaders(walk: Walk, value: unknown, path: Path): JsonObject[] | undefined {
  const items = readArray(walk, value, path);
  if (items === undefined) return undefined;
  const names = new Map<string, string>();
  const out: JsonObject[] = [];
  for (let i = 0; i < items.length; i++) {
    const where = at(path, i);
    const fields = readObject(walk, items[i], where, HEADER);
    if (fields === undefined) continue;
    const name = requiredString(walk, fields[0], where, 'header_name');
    const headerValue = requiredString(walk, fields[1], where, 'header_value');
    if (name !== undefined) {
      const nameIssue = checkHeaderName(name);
      if (nameIssue === 'reserved_header_name') {
        walk.report(at(where, 'header_name'), nameIssue, { prefix: RESERVED_HEADER_PREFIX });
      } else if (nameIssue === 'framing_header_name' || nameIssue === 'body_header_name') {
        walk.report(at(where, 'header_name'), nameIssue, { name });
      } else if (nameIssue !== undefined) walk.report(at(where, 'header_name'), nameIssue, NONE);
      // Only tokens are compared (and so quoted in a message): a name that is not one may be a
      // whole "Name: secret" line pasted into the wrong field, and it is reported already.
      const folded = name.toLowerCase();
      if (nameIssue !== 'invalid_header_name') {
        if (names.has(folded)) walk.report(at(where, 'header_name'), 'duplicate_header_name', { name });
        else names.set(folded, name);
      }
    }
    if (headerValue !== undefined) {
      const valueIssue = checkHeaderValue(headerValue);
      if (valueIssue === 'empty' || valueIssue === 'blank' || valueIssue === 'padded') {
        walk.report(at(where, 'header_value'), 'header_value_whitespace', { problem: valueIssue });
      } else if (valueIssue !== undefined) walk.report(at(where, 'header_value'), valueIssue, NONE);
    }
    out.push(walk.keep({ header_name: name, header_value: headerValue }));
  }
  return walk.keep(out);
}

interface WebhookSummary {
  readonly path: Path;
  readonly maxRetries: number | undefined;
}

function walkEndpoint(walk: Walk, value: unknown, path: Path): string | undefined {
  if (typeof value !== 'string') return walk.wrongType(path, value, 'string');
  checkUrlLength(walk, value, path);
  const parsed = parseHttpsUrl(value);
  if ('code' in parsed) walk.report(path, parsed.code, parsed.params);
  else {
    const host = unreachableHost(parsed);
    if (host !== undefined) walk.report(path, 'unreachable_endpoint_host', { host });
    else warnSingleLabel(walk, path, parsed);
  }
  return value;
}

function walkWebhook(walk: Walk, value: unknown, path: Path, summaries: WebhookSummary[]): JsonObject | undefined {
  const fields = readObject(walk, value, path, WEBHOOK);
  if (fields === undefined) return undefined;
  const [endpointField, maxRetriesField, headersField] = fields;
  if (endpointField === undefined) walk.report(at(path, 'endpoint'), 'required', NONE);
  const out: JsonObject = walk.keep({});
  const endpoint = endpointField === undefined ? undefined : walkEndpoint(walk, endpointField, at(path, 'endpoint'));
  if (endpoint !== undefined) out['endpoint'] = endpoint;
  const maxRetries =
    maxRetriesField === undefined ? undefined : walkInteger(walk, maxRetriesField, at(path, 'max_retries'), MAX_RETRIES);
  if (maxRetries !== undefined) out['max_retries'] = maxRetries;
  const headers = headersField === undefined ? undefined : walkHeaders(walk, headersField, at(path, 'headers'));
  if (headers !== undefined) out['headers'] = headers;
  summaries.push({ path, maxRetries });
  return out;
}

function walkRetry(walk: Walk, value: unknown, path: Path): JsonObject | undefined {
  const fields = readObject(walk, value, path, RETRY);
  if (fields === undefined) return undefined;
  if (fields[0] === undefined) {
    walk.report(at(path, 'retention_time'), 'required', NONE);
    return walk.keep({});
  }
  const retention = walkInteger(walk, fields[0], at(path, 'retention_time'), RETENTION_TIME);
  return walk.keep(retention === undefined ? {} : { retention_time: retention });
}

function walkWebhooks(walk: Walk, value: unknown, path: Path): JsonObject | undefined {
  const extras: [string, unknown][] = [];
  const fields = readObject(walk, value, path, WEBHOOK_CONTAINER, extras);
  if (fields === undefined) return undefined;
  for (const [key, body] of extras) {
    const where = at(path, key);
    const misspelled = hasOwn.call(MISSPELLED_WEBHOOK_EVENTS, key);
    const suggestion = misspelled ? MISSPELLED_WEBHOOK_EVENTS[key] : closest(key, WEBHOOK_CONTAINER.list);
    if (misspelled && suggestion !== undefined) walk.report(where, 'misspelled_webhook_event', { key, suggestion });
    else walk.report(where, 'unknown_key', { key, suggestion });
    // A body under a mistyped event name is still checked, so fixing the name reveals nothing new.
    if (suggestion !== undefined && suggestion !== RETRY_KEY) walkWebhook(walk, body, where, []);
  }
  const out: JsonObject = walk.keep({});
  const keys = WEBHOOK_CONTAINER.list;
  for (let i = 0; i < keys.length; i++) {
    const field = fields[i];
    if (field === undefined) continue;
    const key = keys[i]!;
    const result =
      key === RETRY_KEY ? walkRetry(walk, field, at(path, key)) : walkWebhook(walk, field, at(path, key), walk.webhooks);
    if (result !== undefined) out[key] = result;
  }
  return out;
}

function walkEngagement(walk: Walk, value: unknown, path: Path): JsonObject | undefined {
  const fields = readObject(walk, value, path, ENGAGEMENT);
  if (fields === undefined) return undefined;
  for (let i = 0; i < ENGAGEMENT_ENTRIES.length; i++) {
    if (fields[i] === undefined) walk.report(at(path, ENGAGEMENT_ENTRIES[i]![0]), 'required', NONE);
  }
  const out: JsonObject = walk.keep({});
  for (let i = 0; i < ENGAGEMENT_ENTRIES.length; i++) {
    const field = fields[i];
    if (field === undefined) continue;
    const [key, rule] = ENGAGEMENT_ENTRIES[i]!;
    const where = at(path, key);
    const result = rule.type === 'boolean' ? walkBoolean(walk, field, where, rule) : walkEnumList(walk, field, where, rule);
    if (result !== undefined) out[key] = result;
  }
  return out;
}

function walkCapabilities(walk: Walk, value: unknown, path: Path): JsonObject | undefined {
  const fields = readObject(walk, value, path, CAPABILITIES);
  if (fields === undefined) return undefined;
  const out: JsonObject = walk.keep({});
  const webhooks = fields[0] === undefined ? undefined : walkWebhooks(walk, fields[0], at(path, 'webhooks'));
  if (webhooks !== undefined) out['webhooks'] = webhooks;
  const engagement = fields[1] === undefined ? undefined : walkEngagement(walk, fields[1], at(path, 'engagement'));
  if (engagement !== undefined) out['engagement'] = engagement;
  return out;
}

function walkField(walk: Walk, rule: FieldRule, value: unknown, path: Path): unknown {
  switch (rule.type) {
    case 'string':
      return walkString(walk, value, path, rule);
    case 'enum-list':
      return walkEnumList(walk, value, path, rule);
    case 'boolean':
      return walkBoolean(walk, value, path, rule);
    case 'scope':
      return walkScope(walk, value, path, rule);
    case 'redirect-uris':
      return walkRedirectUris(walk, value, path, rule);
    case 'id-list':
      return walkIdList(walk, value, path, rule);
    case 'capabilities':
      return walkCapabilities(walk, value, path);
  }
}

/** The value a connector needs in a field it requires (`["client_credentials"]`, `"msg.consumer"`), if the table says. */
function connectorValueOf(spec: FieldSpec): string | readonly string[] | undefined {
  if (spec.type === 'scope' && spec.connectorExactly !== undefined) return spec.connectorExactly;
  if (spec.type !== 'enum-list') return undefined;
  if (spec.connectorExactly !== undefined) return [...spec.connectorExactly];
  return spec.connectorMustInclude === undefined ? undefined : [spec.connectorMustInclude];
}

const SERVER_ASSIGNED: ReadonlySet<string> = /* @__PURE__ */ new Set(SERVER_ASSIGNED_KEYS);

const CLIENT_NAME_RULE: StringRule = /* @__PURE__ */ (() => ownRule<StringRule>(TOP_LEVEL_FIELDS.client_name))();

/** Checks `client_name#<tag>` entries and returns them sorted by tag. */
function walkLocalizedNames(walk: Walk, localized: [string, unknown][], hasClientName: boolean): [string, string][] {
  const tags = new Map<string, string>();
  const out: [string, string][] = [];
  for (const [key, value] of localized.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const where = at(null, key);
    const tag = key.slice(LOCALIZED_NAME_PREFIX.length);
    if (!isLanguageTag(tag)) walk.report(where, 'invalid_language_tag', { tag });
    else {
      const other = tags.get(tag.toLowerCase());
      if (other !== undefined) walk.report(where, 'duplicate_language_tag', { tag, other });
      else tags.set(tag.toLowerCase(), tag);
    }
    if (!hasClientName) walk.report(where, 'localized_name_without_client_name', NONE);
    if (value === undefined) continue;
    const name = walkString(walk, value, where, CLIENT_NAME_RULE);
    if (name !== undefined) out.push([key, name]);
  }
  return out;
}

export function walkManifest(walk: Walk, input: unknown): JsonObject | undefined {
  const extras: [string, unknown][] = [];
  const fields = readObject(walk, input, null, TOP_LEVEL, extras);
  if (fields === undefined) return undefined;
  const localized: [string, unknown][] = [];
  for (const extra of extras) {
    const [key, value] = extra;
    if (key === EDITOR_SCHEMA_KEY) {
      if (typeof value !== 'string') walk.wrongType(at(null, key), value, 'string');
    } else if (key.startsWith(LOCALIZED_NAME_PREFIX)) localized.push(extra);
    else if (SERVER_ASSIGNED.has(key)) {
      // Its value is never read: client_secret holds a secret.
      walk.report(at(null, key), 'server_assigned_key', { key, secret: key === SECRET_SERVER_ASSIGNED_KEY });
    } else walk.report(at(null, key), 'unknown_key', { key, suggestion: closest(key, TOP_LEVEL.list) });
  }
  const out: JsonObject = walk.keep({});
  for (let i = 0; i < TOP_LEVEL_ENTRIES.length; i++) {
    const [field, spec] = TOP_LEVEL_ENTRIES[i]!;
    const value = fields[i];
    if (value === undefined) {
      if (spec.required === 'always') walk.report(at(null, field), 'required', NONE);
      else if (spec.required === 'connector' && walk.connector)
        walk.report(at(null, field), 'required', { expected: connectorValueOf(spec) });
    } else {
      const result = walkField(walk, spec, value, at(null, field));
      if (result !== undefined) out[field] = result;
    }
    if (field === 'client_name' && localized.length > 0) {
      for (const [key, name] of walkLocalizedNames(walk, localized, value !== undefined)) out[key] = name;
    }
  }
  for (const check of CROSS_FIELD_CHECKS) check.run(walk, out);
  return out;
}

/**
 * A rule across fields, run once the walk is done, on the canonical output
 * (and, for webhooks, on what the walk read of each). Each is named by the
 * issue code it reports; they run in this order, so warnings come out in it.
 */
interface CrossFieldCheck {
  readonly code: IssueCode;
  readonly run: (walk: Walk, manifest: JsonObject) => void;
}

const listAt = (object: JsonObject | undefined, key: string): readonly string[] | undefined =>
  object === undefined ? undefined : (ownValue(object, key) as readonly string[] | undefined);

const CROSS_FIELD_CHECKS: readonly CrossFieldCheck[] = [
  {
    // Only a retention time set on the policy overrides max_retries (a retry without one is an error already);
    // max_retries: 0, the opt-out, still means something.
    code: 'max_retries_with_retention',
    run(walk, manifest) {
      const capabilities = ownValue(manifest, 'capabilities') as JsonObject | undefined;
      const webhooks = capabilities === undefined ? undefined : (ownValue(capabilities, 'webhooks') as JsonObject | undefined);
      const retry = webhooks === undefined ? undefined : (ownValue(webhooks, RETRY_KEY) as JsonObject | undefined);
      if (retry === undefined || ownValue(retry, 'retention_time') === undefined) return;
      for (const webhook of walk.webhooks) {
        if (webhook.maxRetries !== undefined && webhook.maxRetries > 0) {
          walk.report(at(webhook.path, 'max_retries'), 'max_retries_with_retention', NONE);
        }
      }
    },
  },
  {
    // RFC 7591 §2.1: the code response type goes with the authorization_code grant.
    code: 'code_without_authorization_code',
    run(walk, manifest) {
      if (
        listAt(manifest, 'response_types')?.includes('code') &&
        !listAt(manifest, 'grant_types')?.includes('authorization_code')
      ) {
        walk.report(at(null, 'response_types'), 'code_without_authorization_code', NONE);
      }
    },
  },
  {
    // RFC 7591 §2.1: the authorization_code grant redirects, so it needs redirect URIs.
    code: 'authorization_code_without_redirect_uris',
    run(walk, manifest) {
      const redirects = listAt(manifest, 'redirect_uris');
      if (
        listAt(manifest, 'grant_types')?.includes('authorization_code') &&
        (redirects === undefined || redirects.length === 0)
      ) {
        walk.report(at(null, 'grant_types'), 'authorization_code_without_redirect_uris', NONE);
      }
    },
  },
];
