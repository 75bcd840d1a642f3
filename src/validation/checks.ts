/**
 * Checks of single values that types cannot express. Each returns the code of
 * the first problem, or `undefined`; the validator and `httpsUrl()` share them.
 */
import {
  CONTROL_CHARACTER_SOURCE,
  HEADER_NAME_SOURCE,
  HEADER_VALUE_FORBIDDEN_SOURCE,
  LANGUAGE_TAG_SOURCE,
  NOT_BLANK_SOURCE,
  PRIVATE_USE_SCHEME_SOURCE,
  URL_AUTHORITY_END_SOURCE,
  URL_FORBIDDEN_SOURCE,
} from '../spec/patterns.js';
import { LOOPBACK_REDIRECT_HOSTS, RESERVED_HEADER_PREFIX, UNREACHABLE_HOST_PATTERNS } from '../spec/tables.js';
import type { IssueCode } from './issues.js';

// Module-level values made by a call are marked pure (with their arguments inside an arrow when
// those call anything too), so that a bundle which does not use them drops them: importing only
// the value lists must not bring in the validator (`npm run size` checks it).
const LANGUAGE_TAG = /* @__PURE__ */ (() => new RegExp(`^${LANGUAGE_TAG_SOURCE}$`, 'u'))();
const HEADER_NAME = /* @__PURE__ */ new RegExp(HEADER_NAME_SOURCE, 'u');
const HEADER_VALUE_FORBIDDEN = /* @__PURE__ */ new RegExp(HEADER_VALUE_FORBIDDEN_SOURCE, 'u');
const CONTROL_CHARACTER = /* @__PURE__ */ new RegExp(CONTROL_CHARACTER_SOURCE, 'u');
const URL_FORBIDDEN = /* @__PURE__ */ new RegExp(URL_FORBIDDEN_SOURCE, 'u');
const NOT_BLANK = /* @__PURE__ */ new RegExp(NOT_BLANK_SOURCE, 'u');
const PRIVATE_USE_SCHEME = /* @__PURE__ */ (() => new RegExp(`^${PRIVATE_USE_SCHEME_SOURCE}`, 'u'))();
const URL_AUTHORITY_END = /* @__PURE__ */ new RegExp(URL_AUTHORITY_END_SOURCE, 'u');

/** Length in Unicode code points, as JSON Schema's `maxLength` counts (and as people count characters). */
export function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

export const isBlank = (value: string): boolean => !NOT_BLANK.test(value);
export const hasControlCharacter = (value: string): boolean => CONTROL_CHARACTER.test(value);

/**
 * The longest tag matched against the pattern: far longer than any tag in use
 * (RFC 5646 §4.4.1 sizes buffers for 35 to about 50 characters), and short
 * enough to be safe: on a tag of a million characters such as "aa-aaaaa-aaaaa-…-",
 * the pattern's backtracking overflows V8's regular-expression stack, which throws.
 */
const LANGUAGE_TAG_MAX_LENGTH = 255;

export const isLanguageTag = (tag: string): boolean => tag.length <= LANGUAGE_TAG_MAX_LENGTH && LANGUAGE_TAG.test(tag);

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The part between `scheme://` and the path, query or fragment, as written. */
function rawAuthority(value: string, schemeLength: number): string {
  const rest = value.slice(schemeLength);
  const end = rest.search(URL_AUTHORITY_END);
  return end === -1 ? rest : rest.slice(0, end);
}

/**
 * An `https://` URL the WHATWG parser is sure to accept, with the host as
 * written (lowercased): dot-separated labels of ASCII letters, digits and
 * hyphens, none of them an IDNA `xn--` label (the parser would decode and
 * check it), the last one starting with a letter (so the host is not an IPv4
 * address, in decimal or `0x` hex, which the parser would rewrite), no port
 * and no user info, then an optional path, query or fragment without white
 * space or controls. Most endpoints are such URLs: one match instead of the
 * checks and `new URL()` below. The URL property tests compare both ways on
 * generated input. (No `i` flag: the scheme is matched as written, and
 * Unicode case folding would let "ſ" and the Kelvin sign pass as ASCII.)
 */
const SIMPLE_HTTPS_URL =
  /^https:\/\/((?:(?![Xx][Nn]--)[A-Za-z0-9-]+\.)*(?![Xx][Nn]--)[A-Za-z][A-Za-z0-9-]*)(?:[/?#][^\s\u0000-\u001F\u007F-\u009F]*)?$/;

export type HttpsUrlIssue = Extract<IssueCode, 'url_has_whitespace' | 'url_not_https' | 'url_has_credentials' | 'url_malformed'>;

/**
 * Checks an `https://` URL exactly as written, that the WHATWG parser accepts
 * with a non-empty host, without user name or password, white space or
 * controls: its host name as the parser gives it (from the parsed URL, or
 * from {@link SIMPLE_HTTPS_URL}), or the code of the first problem.
 */
export function parseHttpsUrl(value: string): { readonly hostname: string } | HttpsUrlIssue {
  const simple = SIMPLE_HTTPS_URL.exec(value);
  if (simple !== null) return { hostname: simple[1]!.toLowerCase() };
  if (URL_FORBIDDEN.test(value)) return 'url_has_whitespace';
  if (!value.startsWith('https://')) return 'url_not_https';
  const authority = rawAuthority(value, 'https://'.length);
  if (authority.includes('@')) return 'url_has_credentials';
  if (authority === '') return 'url_malformed';
  const url = parseUrl(value);
  return url === undefined || url.hostname === '' ? 'url_malformed' : url;
}

/** The code of the first problem of an `https://` URL (see {@link parseHttpsUrl}), or `undefined`. */
export function checkHttpsUrl(value: string): HttpsUrlIssue | undefined {
  const parsed = parseHttpsUrl(value);
  return typeof parsed === 'string' ? parsed : undefined;
}

/**
 * {@link UNREACHABLE_HOST_PATTERNS} as one pattern, tested once per host. Case-insensitive as a
 * whole: the patterns without the `i` flag match only digits and punctuation (a test holds them to it).
 */
const UNREACHABLE_HOST = /* @__PURE__ */ (() => new RegExp(UNREACHABLE_HOST_PATTERNS.map((pattern) => pattern.source).join('|'), 'i'))();

/** The host name of a parsed URL, if LivePerson cannot reach it. */
export function unreachableHost(url: { readonly hostname: string }): string | undefined {
  const host = url.hostname;
  // A fully qualified name may end in a dot: "localhost." and "printer.local." are the same hosts.
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return UNREACHABLE_HOST.test(name) ? host : undefined;
}

/** `logo_uri`: an https URL, or a root-relative path (`/…`, not `//host`). */
export function checkLogoUri(value: string): IssueCode | undefined {
  if (value.startsWith('/') && !value.startsWith('//')) {
    return URL_FORBIDDEN.test(value) ? 'url_has_whitespace' : undefined;
  }
  const issue = checkHttpsUrl(value);
  return issue === 'url_not_https' ? 'invalid_logo_uri' : issue;
}

/** A redirect URI: RFC 6749 §3.1.2 with RFC 8252 §7.1 and §7.3. */
export function checkRedirectUri(value: string): IssueCode | undefined {
  if (URL_FORBIDDEN.test(value)) return 'url_has_whitespace';
  if (value.includes('#')) return 'redirect_uri_has_fragment';
  if (value.startsWith('https://')) return checkHttpsUrl(value);
  if (value.startsWith('http://')) {
    if (rawAuthority(value, 'http://'.length).includes('@')) return 'url_has_credentials';
    const url = parseUrl(value);
    if (url === undefined || url.hostname === '') return 'url_malformed';
    return (LOOPBACK_REDIRECT_HOSTS as readonly string[]).includes(url.hostname) ? undefined : 'redirect_uri_insecure_http';
  }
  if (PRIVATE_USE_SCHEME.test(value) && parseUrl(value) !== undefined) return undefined;
  return 'invalid_redirect_uri';
}

/** A header name: an HTTP token that is not one of LivePerson's own. */
export function checkHeaderName(name: string): 'invalid_header_name' | 'reserved_header_name' | undefined {
  if (!HEADER_NAME.test(name)) return 'invalid_header_name';
  if (name.toLowerCase().startsWith(RESERVED_HEADER_PREFIX)) return 'reserved_header_name';
  return undefined;
}

/** A header value: nothing that could split or fold a header. */
export const checkHeaderValue = (value: string): IssueCode | undefined =>
  HEADER_VALUE_FORBIDDEN.test(value) ? 'header_value_control_character' : undefined;

/** Two rows of the distance table, kept between calls (a call never runs inside another). */
let previous = /* @__PURE__ */ new Uint32Array(64);
let current = /* @__PURE__ */ new Uint32Array(64);

/** Levenshtein distance, bounded: gives up (returns `limit + 1`) once the distance must exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (previous.length <= b.length) {
    previous = new Uint32Array(b.length + 1);
    current = new Uint32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

const normalize = (key: string): string => key.toLowerCase().replace(/[\s_.-]/g, '');

/** Each list of candidates, normalized once. */
const NORMALIZED = /* @__PURE__ */ new WeakMap<readonly string[], readonly string[]>();

/** The known name closest to `input`, if one is close enough to be a likely typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 200) return undefined;
  let normalized = NORMALIZED.get(candidates);
  if (normalized === undefined) NORMALIZED.set(candidates, (normalized = candidates.map(normalize)));
  const needle = normalize(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const limit = Math.max(2, Math.floor(candidate.length / 3));
    const d = distance(needle, normalized[i]!, limit);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
