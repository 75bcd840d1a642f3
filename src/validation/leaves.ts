/**
 * The leaves of the rules tree: one walker per kind of rule (`src/rules/nodes.ts`)
 * that has no nodes below it. Each reads one value, reports what is wrong
 * with it, and returns its canonical form for the output (or `undefined` when
 * it is not even of the right type).
 */
import type {
  BooleanRule,
  EndpointRule,
  EnumListRule,
  HeaderNameRule,
  HeaderValueRule,
  IdListRule,
  IntegerRule,
  RedirectUrisRule,
  ScopeRule,
  StringRule,
} from '../rules/nodes.js';
import { leftoverHost, leftoverText } from '../rules/template.js';
import {
  checkHeaderName,
  headerNameFault,
  checkHeaderValue,
  checkLogoUri,
  checkRedirectUri,
  closest,
  codePointLength,
  hasControlCharacter,
  hostAsWritten,
  isBlank,
  isScopeName,
  parseHttpsUrl,
  singleLabelHost,
  trailingDotHost,
  unreachableHost,
  type UrlIssue,
} from './checks.js';
import type { IssueParams, UrlUse } from './codes.js';
import { NO_PARAMS as NONE } from './issue.js';
import { at, type Path } from './paths.js';
import { readArray } from './read.js';
import type { Walk } from './state.js';

function checkLength(walk: Walk, value: string, path: Path, max: number): void {
  if (value.length > max) {
    const actual = codePointLength(value);
    if (actual > max) walk.report(path, 'too_long', { max, actual, profile: walk.profile });
  }
}

/** A URL in a field without a smaller limit of its own (`url_too_long`, not `too_long`). */
function checkUrlLength(walk: Walk, value: string, path: Path, max: number): void {
  if (value.length > max) {
    const actual = codePointLength(value);
    if (actual > max) walk.report(path, 'url_too_long', { max, actual });
  }
}

export function walkString(walk: Walk, value: unknown, path: Path, rule: StringRule): string | undefined {
  if (typeof value !== 'string') return walk.wrongType(path, value, 'string');
  const max = rule.maxLength;
  checkLength(walk, value, path, typeof max === 'number' ? max : max[walk.profile]);
  if (rule.notBlank && isBlank(value)) walk.report(path, 'blank', NONE);
  if (rule.noControlCharacters && hasControlCharacter(value)) walk.report(path, 'control_character', NONE);
  if (rule.leftoverText) {
    const origin = leftoverText(value);
    if (origin !== undefined) walk.report(path, 'template_leftover', { kind: 'text', value, origin });
  }
  if (rule.format === 'https-url') {
    // A URL a browser opens (`entry_uri`).
    const parsed = parseHttpsUrl(value);
    if ('code' in parsed) reportUrlIssue(walk, path, parsed, 'browser');
    else warnParsedHost(walk, path, parsed);
  } else if (rule.format === 'logo-uri') {
    const issue = checkLogoUri(value);
    if (issue !== undefined) reportUrlIssue(walk, path, issue, 'browser');
    else {
      warnTrailingDot(walk, path, value);
      warnLeftoverHost(walk, path, hostAsWritten(value));
    }
  }
  return value;
}

/** Reports a URL problem; a user name or password is worded for what the URL is for (`use`). */
function reportUrlIssue(walk: Walk, path: Path, issue: UrlIssue, use: UrlUse): void {
  if (issue.code === 'url_has_credentials') walk.report(path, issue.code, { use, backslash: issue.params.backslash });
  else walk.report(path, issue.code, issue.params);
}

/**
 * The warning for an `https://` URL whose host is one label: no public DNS name (an unfilled
 * placeholder, most likely). Whether it was given.
 */
function warnSingleLabel(walk: Walk, path: Path, url: { readonly hostname: string }): boolean {
  const host = singleLabelHost(url);
  if (host !== undefined) walk.report(path, 'single_label_host', { host });
  return host !== undefined;
}

/**
 * The warning for an accepted URL whose host (lower-cased, as written) is left from a template
 * (`your-domain.com`, `init`'s `example.com`).
 */
function warnLeftoverHost(walk: Walk, path: Path, host: string | undefined): void {
  const origin = host === undefined ? undefined : leftoverHost(host);
  if (origin !== undefined) walk.report(path, 'template_leftover', { kind: 'host', value: host!, origin });
}

/**
 * The warnings about the host of a parsed `https://` URL (`hostname`, lower-cased as written):
 * one label, else a trailing dot; and a host left from a template.
 */
function warnParsedHost(walk: Walk, path: Path, parsed: { readonly hostname: string }): void {
  const host = parsed.hostname;
  if (!warnSingleLabel(walk, path, parsed) && host.charCodeAt(host.length - 1) === 0x2e)
    walk.report(path, 'trailing_dot_host', { host, expected: host.slice(0, -1) });
  warnLeftoverHost(walk, path, host);
}

/** The warning for an accepted URL whose host ends with a dot (`hooks.example.com.`): TLS names carry none. */
function warnTrailingDot(walk: Walk, path: Path, value: string): void {
  const host = trailingDotHost(value);
  if (host !== undefined) walk.report(path, 'trailing_dot_host', { host, expected: host.slice(0, -1) });
}

/** A range's parameters: its bounds and unit (not its words, which are the message's). */
const rangeParams = (range: IntegerRule): IssueParams['out_of_range'] =>
  range.unit === undefined ? { min: range.min, max: range.max } : { min: range.min, max: range.max, unit: range.unit };

export function walkInteger(walk: Walk, value: unknown, path: Path, range: IntegerRule): number | undefined {
  if (typeof value !== 'number') return walk.wrongType(path, value, 'integer');
  if (!Number.isInteger(value)) walk.report(path, 'not_integer', rangeParams(range));
  else if (value < range.min || value > range.max) walk.report(path, 'out_of_range', rangeParams(range));
  return value === 0 ? 0 : value; // -0 becomes 0
}

export function walkBoolean(walk: Walk, value: unknown, path: Path, rule: BooleanRule): boolean | undefined {
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
export function walkEnumList(walk: Walk, value: unknown, path: Path, rule: EnumListRule): string[] | undefined {
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
      if (index === -1 && rule.anyOrder === true) {
        // `token id_token` is `id_token token`: the output writes it as the rules do.
        index = reorderedIndex(item, values);
        if (index !== -1) inOrder = false;
      }
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
 * `item` as `values` write it: a value of several space-separated values in another order
 * (`token id_token`) becomes the one in `values` (`id_token token`); anything else is kept.
 */
export function canonicalOrder(item: unknown, values: readonly string[]): unknown {
  if (typeof item !== 'string' || values.includes(item)) return item;
  return values[reorderedIndex(item, values)] ?? item;
}

/**
 * The index of the value in `values` made of the same space-separated values as `item`, in another
 * order (`token id_token` for `id_token token`), or -1. Each value once, single spaces only.
 */
function reorderedIndex(item: string, values: readonly string[]): number {
  if (!item.includes(' ')) return -1;
  const parts = item.split(' ').sort();
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value.length !== item.length || !value.includes(' ')) continue;
    const known = value.split(' ').sort();
    if (known.length === parts.length && known.every((part, j) => part === parts[j])) return i;
  }
  return -1;
}

/**
 * A frozen copy of a list of the rules', made once per list: an issue's `allowed` (shared by the
 * issues that list it, as data that cannot change; the rules' own arrays are not frozen here).
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
export function walkScope(walk: Walk, value: unknown, path: Path, rule: ScopeRule): string | undefined {
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
export function walkIdList(walk: Walk, value: unknown, path: Path, rule: IdListRule): number[] | undefined {
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

export function walkRedirectUris(walk: Walk, value: unknown, path: Path, rule: RedirectUrisRule): string[] | undefined {
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
    if (issue !== undefined) reportUrlIssue(walk, where, issue, 'redirect');
    else {
      warnTrailingDot(walk, where, uri);
      warnLeftoverHost(walk, where, hostAsWritten(uri));
    }
    out.push(uri);
  }
  return walk.keep(out);
}

export function walkEndpoint(walk: Walk, value: unknown, path: Path, rule: EndpointRule): string | undefined {
  if (typeof value !== 'string') return walk.wrongType(path, value, 'string');
  checkUrlLength(walk, value, path, rule.maxLength);
  const parsed = parseHttpsUrl(value);
  if ('code' in parsed) reportUrlIssue(walk, path, parsed, 'webhook');
  else {
    const host = unreachableHost(parsed);
    if (host !== undefined) walk.report(path, 'unreachable_endpoint_host', { host });
    else warnParsedHost(walk, path, parsed);
    // Checked here, after any path the URL check took: a fragment is never sent (RFC 3986 §3.5).
    const hash = value.indexOf('#');
    if (hash !== -1) walk.report(path, 'endpoint_has_fragment', { requested: value.slice(0, hash) });
  }
  return value;
}

/**
 * A header name; in a list whose names must differ (`walk.names`), a second
 * name that is the same in any case is `duplicate_header_name`. Only tokens
 * are compared (and so quoted in a message): a name that is not one may be a
 * whole "Name: secret" line pasted into the wrong field, and it is reported already.
 */
export function walkHeaderName(walk: Walk, value: unknown, path: Path, rule: HeaderNameRule): string | undefined {
  if (typeof value !== 'string') return walk.wrongType(path, value, 'string');
  const issue = checkHeaderName(value);
  if (issue === 'reserved_header_name') walk.report(path, issue, { prefix: rule.reservedPrefix });
  else if (issue === 'framing_header_name' || issue === 'body_header_name') walk.report(path, issue, { name: value });
  else if (issue === 'header_name_underscore') walk.report(path, issue, { name: value, suggestion: value.replaceAll('_', '-') });
  else if (issue !== undefined) walk.report(path, issue, headerNameFault(value));
  const names = walk.names;
  if (names !== undefined && issue !== 'invalid_header_name') {
    const folded = value.toLowerCase();
    if (names.has(folded)) walk.report(path, 'duplicate_header_name', { name: value });
    else names.set(folded, value);
  }
  return value;
}

export function walkHeaderValue(walk: Walk, value: unknown, path: Path, _rule: HeaderValueRule): string | undefined {
  if (typeof value !== 'string') return walk.wrongType(path, value, 'string');
  const issue = checkHeaderValue(value);
  if (issue === 'empty' || issue === 'blank' || issue === 'padded') {
    walk.report(path, 'header_value_whitespace', { problem: issue });
  } else if (issue !== undefined) walk.report(path, issue, NONE);
  return value;
}
