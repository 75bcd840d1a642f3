/**
 * Checks of single values that types cannot express. Each returns the code of
 * the first problem, or `undefined`; the validator and `httpsUrl()` share them.
 */
import {
  CONTROL_CHARACTER_SOURCE,
  HEADER_VALUE_FORBIDDEN_SOURCE,
  HEADER_VALUE_SOURCE,
  LANGUAGE_TAG_SOURCE,
  NOT_BLANK_SOURCE,
  PRIVATE_USE_SCHEME_SOURCE,
  SCOPE_NAME_SOURCE,
  URL_CHARACTER_SOURCE,
  URL_FORBIDDEN_SOURCE,
  DNS_NAME_MAX_LENGTH,
} from '../rules/patterns.js';
import {
  BODY_HEADER_NAMES,
  FRAMING_HEADER_NAMES,
  LOOPBACK_REDIRECT_HOSTS,
  RESERVED_HEADER_PREFIX,
  UNREACHABLE_HOST_PATTERNS,
} from '../rules/tables.js';
import { isHttpToken } from '../rules/secrets.js';
import type { IssueCode, IssueParams, UrlHostProblem } from './codes.js';
import { NO_PARAMS } from './issue.js';

// Owned by the secrets module (a name that is not a token is never shown); the public API exports it from here.
export { isHttpToken };

// Module-level values made by a call are marked pure (with their arguments inside an arrow when
// those call anything too), so that a bundle which does not use them drops them: importing only
// the value lists must not bring in the validator (`npm run size` checks it).
const LANGUAGE_TAG = /* @__PURE__ */ (() => new RegExp(`^${LANGUAGE_TAG_SOURCE}$`, 'u'))();
const HEADER_VALUE_FORBIDDEN = /* @__PURE__ */ new RegExp(HEADER_VALUE_FORBIDDEN_SOURCE, 'u');
const HEADER_VALUE = /* @__PURE__ */ new RegExp(HEADER_VALUE_SOURCE, 'u');
const SCOPE_NAME = /* @__PURE__ */ (() => new RegExp(`^${SCOPE_NAME_SOURCE}$`, 'u'))();
const CONTROL_CHARACTER = /* @__PURE__ */ new RegExp(CONTROL_CHARACTER_SOURCE, 'u');
const URL_FORBIDDEN = /* @__PURE__ */ new RegExp(URL_FORBIDDEN_SOURCE, 'u');
const NOT_BLANK = /* @__PURE__ */ new RegExp(NOT_BLANK_SOURCE, 'u');
const PRIVATE_USE_SCHEME = /* @__PURE__ */ (() => new RegExp(`^${PRIVATE_USE_SCHEME_SOURCE}`, 'u'))();

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

// ---- URLs, as written ----
//
// A URL is checked as written (RFC 3986), not as the WHATWG parser repairs it, so that every HTTP
// client reads it alike: one pass over the characters, one over the host, and the WHATWG parser
// only where it could read the host otherwise (a name ending in a number, an `xn--` label, an IP
// literal), to hold the host to what it finds. Hand-written rather than fast-uri (which ajv uses):
// measured on this package, fast-uri adds 8.5 kB gzip to a 8.7 kB bundle, takes about 1.1 µs per
// URL where this pass takes well under 0.1 µs (most of a manifest's valid-path time budget), and
// repairs rather than rejects (it percent-encodes `{`, reads `HTTPS://` as `https`, accepts a
// host of a hundred thousand labels ending in "!"), so it would still need these checks.
// test/property/url-host.test.ts holds this code to the WHATWG parser and to RFC 3986's grammar.

/** A URL problem: its code and the parameters of its message. */
export type UrlIssue = {
  readonly [TCode in UrlIssueCode]: {
    readonly code: TCode;
    readonly params: TCode extends 'url_has_credentials' ? Omit<IssueParams[TCode], 'use'> : IssueParams[TCode];
  };
}[UrlIssueCode];

type UrlIssueCode = Extract<
  IssueCode,
  | 'url_empty'
  | 'url_not_https'
  | 'url_scheme_not_lower_case'
  | 'url_scheme_repeated'
  | 'url_has_whitespace'
  | 'url_placeholder'
  | 'url_not_ascii'
  | 'url_invalid_character'
  | 'url_invalid_percent_encoding'
  | 'url_has_credentials'
  | 'url_malformed'
  | 'url_invalid_host'
  | 'url_host_mismatch'
  | 'url_invalid_port'
  | 'invalid_logo_uri'
  | 'invalid_redirect_uri'
  | 'redirect_uri_has_fragment'
  | 'redirect_uri_insecure_http'
>;

const simple = <TCode extends UrlIssueCode>(code: TCode): UrlIssue => ({ code, params: NO_PARAMS }) as UrlIssue;

/** Which ASCII characters {@link URL_CHARACTER_SOURCE} allows, by code. */
const URL_CHARACTERS = /* @__PURE__ */ (() => {
  const allowed = new RegExp(`^${URL_CHARACTER_SOURCE}$`, 'u');
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = allowed.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
})();

const isHexDigit = (code: number): boolean => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
const isAlphanumeric = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);

/** `scheme://` in any case: `HTTPS://` is the same scheme, written as no other client expects. */
const HTTPS_ANY_CASE = /^[Hh][Tt][Tt][Pp][Ss]:\/\//;
const HTTP_ANY_CASE = /^[Hh][Tt][Tt][Pp]:\/\//;

/** Where the authority that starts at `start` ends: at the first `/`, `?` or `#` (RFC 3986 §3.2), or the end. */
function authorityEnd(value: string, start: number): number {
  for (let i = start; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x2f || code === 0x3f || code === 0x23) return i;
  }
  return value.length;
}

/** Where the first `open`…`close` pair starts (innermost) and ends, or `undefined`. */
function findPair(value: string, open: string, close: string): readonly [number, number] | undefined {
  const first = value.indexOf(open);
  if (first === -1) return undefined;
  const end = value.indexOf(close, first + 1);
  return end === -1 ? undefined : [value.lastIndexOf(open, end), end + 1];
}

/**
 * `{…}`, `${…}` or `<…>` (`https://<your-domain>/webhook`, as templates and docs write a value to
 * fill in): the first one, innermost.
 */
function findPlaceholder(value: string): { readonly placeholder: string; readonly part?: 'query' } | undefined {
  const brace = findPair(value, '{', '}');
  const angle = findPair(value, '<', '>');
  const pair = brace === undefined || (angle !== undefined && angle[0] < brace[0]) ? angle : brace;
  if (pair === undefined) return undefined;
  let start = pair[0];
  const dollar = pair === brace && start > 0 && value.charCodeAt(start - 1) === 0x24;
  if (dollar) start--;
  // A query is never quoted (keys are often sent there): only the placeholder's shape is.
  const query = value.indexOf('?');
  if (query !== -1 && query < start) {
    return { placeholder: pair === angle ? '<…>' : dollar ? '${…}' : '{…}', part: 'query' };
  }
  return { placeholder: value.slice(start, pair[1]) };
}

/**
 * A user name or password (user info before "@"): never shown. `backslash` where a `\` comes
 * before the "@", which browsers read as "/" (the host is then the name before it).
 */
const credentials = (userinfo: string): UrlIssue => ({
  code: 'url_has_credentials',
  params: { backslash: userinfo.includes('\\') },
});

/**
 * The problem with the character at `index`, which RFC 3986 does not allow there. White space
 * first (the message that says least), then user info: a character of a password is never shown.
 */
function characterIssue(value: string, index: number, hostStart: number, hostEnd: number): UrlIssue {
  if (URL_FORBIDDEN.test(value)) return simple('url_has_whitespace');
  if (index >= hostStart && index < hostEnd) {
    const atSign = value.lastIndexOf('@', hostEnd - 1);
    if (atSign >= index) return credentials(value.slice(hostStart, atSign));
  }
  const placeholder = findPlaceholder(value);
  if (placeholder !== undefined) return { code: 'url_placeholder', params: placeholder };
  const code = value.codePointAt(index)!;
  if (code === 0x25) return { code: 'url_invalid_percent_encoding', params: { position: index } };
  const character = String.fromCodePoint(code);
  if (code < 0x80) return { code: 'url_invalid_character', params: { character, position: index } };
  if (index >= hostStart && index < hostEnd) {
    const punycodeHost = parseUrl(`https://${value.slice(hostStart, hostEnd)}/`)?.hostname;
    if (punycodeHost !== undefined && punycodeHost !== '') return { code: 'url_not_ascii', params: { character, punycodeHost } };
  }
  let percentEncoded: string | undefined;
  try {
    percentEncoded = encodeURIComponent(character);
  } catch {
    // a lone surrogate has no UTF-8 form
  }
  return { code: 'url_not_ascii', params: { character, percentEncoded } };
}

/**
 * Checks every character as written: only those RFC 3986 allows, `%` only as
 * `%HH`, `#` once, `[` and `]` only in the authority (from `hostStart` to
 * `hostEnd`; the host check decides the rest). One pass, no allocation on the way.
 */
function checkCharacters(value: string, hostStart: number, hostEnd: number): UrlIssue | undefined {
  let fragment = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80 && URL_CHARACTERS[code] === 1) continue;
    if (code === 0x25) {
      if (isHexDigit(value.charCodeAt(i + 1)) && isHexDigit(value.charCodeAt(i + 2))) {
        i += 2;
        continue;
      }
      return characterIssue(value, i, hostStart, hostEnd);
    }
    if (code === 0x23 && !fragment) {
      fragment = true;
      continue;
    }
    if ((code === 0x5b || code === 0x5d) && i >= hostStart && i < hostEnd) continue;
    return characterIssue(value, i, hostStart, hostEnd);
  }
  return undefined;
}

const hostIssue = (host: string, problem: UrlHostProblem, character?: string): UrlIssue => ({
  code: 'url_invalid_host',
  params: character === undefined ? { host, problem } : { host, problem, character },
});

/**
 * The host of `scheme://authority…` (characters checked already): no user
 * info, a DNS name or an IP literal, a port of at most 65535, and the host
 * the WHATWG parser finds equal to the host as written. Gives the host name,
 * lower-cased, or the problem.
 */
function checkAuthority(value: string, start: number, end: number): { readonly hostname: string } | UrlIssue {
  const authority = value.slice(start, end);
  const atSign = authority.lastIndexOf('@');
  if (atSign !== -1) return credentials(authority.slice(0, atSign));
  let hostLength: number;
  let literal = false;
  if (authority.charCodeAt(0) === 0x5b) {
    hostLength = authority.indexOf(']') + 1;
    literal = true;
    if (hostLength === 0) return hostIssue(authority, 'ip_literal');
  } else {
    const colon = authority.indexOf(':');
    hostLength = colon === -1 ? authority.length : colon;
  }
  const host = authority.slice(0, hostLength);
  if (host === '') return simple('url_malformed');
  if (hostLength < authority.length) {
    if (authority.charCodeAt(hostLength) !== 0x3a) return hostIssue(host, 'ip_literal');
    let port = 0;
    for (let i = hostLength + 1; i < authority.length; i++) {
      const code = authority.charCodeAt(i);
      if (code < 0x30 || code > 0x39) return simple('url_invalid_port');
      port = port * 10 + code - 0x30;
      if (port > 65535) return simple('url_invalid_port');
    }
  }
  // The WHATWG parser rewrites or checks a host that ends in a number (IPv4, also in hex, octal or
  // fewer parts), has an IDNA "xn--" label, or is an IP literal; any other DNS name it only lower-cases.
  let needsParser = literal;
  if (!literal) {
    const last = host.endsWith('.') ? host.length - 1 : host.length;
    let labelStart = 0;
    for (let i = 0; i <= last; i++) {
      const code = i < last ? host.charCodeAt(i) : 0x2e;
      if (code === 0x2e) {
        const length = i - labelStart;
        if (length === 0) return hostIssue(host, 'empty_label');
        if (length > 63) return hostIssue(host, 'label_too_long');
        if (host.charCodeAt(labelStart) === 0x2d || host.charCodeAt(i - 1) === 0x2d) return hostIssue(host, 'label_hyphen');
        if (
          length >= 4 &&
          host.charCodeAt(labelStart + 2) === 0x2d &&
          host.charCodeAt(labelStart + 3) === 0x2d &&
          (host.charCodeAt(labelStart) | 0x20) === 0x78 &&
          (host.charCodeAt(labelStart + 1) | 0x20) === 0x6e
        ) {
          needsParser = true;
        }
        if (i === last) {
          const first = host.charCodeAt(labelStart);
          if (first >= 0x30 && first <= 0x39) needsParser = true;
        }
        labelStart = i + 1;
      } else if (code !== 0x2d && !isAlphanumeric(code)) {
        return hostIssue(host, 'character', host[i]);
      }
    }
    if (last > DNS_NAME_MAX_LENGTH) return hostIssue(host, 'too_long');
  }
  const written = host.toLowerCase();
  if (!needsParser) return { hostname: written };
  const url = parseUrl(value);
  if (url === undefined) {
    if (literal) return hostIssue(host, 'ip_literal');
    const lastLabel = written.slice(written.lastIndexOf('.', written.length - 2) + 1);
    return hostIssue(host, lastLabel.charCodeAt(0) >= 0x30 && lastLabel.charCodeAt(0) <= 0x39 ? 'ipv4' : 'idna');
  }
  // An IPv6 literal has many spellings of one address (RFC 4291 §2.2: leading zeros, "::", case, an
  // IPv4 tail); every client reads the one address, which is the host: the parser's (compressed) form.
  if (literal) return { hostname: url.hostname };
  if (url.hostname !== written) return { code: 'url_host_mismatch', params: { host, parsed: url.hostname } };
  return { hostname: written };
}

/**
 * The short way for most URLs, in one pass without allocation: `https://`, a
 * DNS name that the WHATWG parser only lower-cases (no port, no `xn--` label,
 * the last label starting with a letter), then RFC 3986 characters and escapes.
 * Gives the host name, lower-cased, or `undefined` where the long way decides
 * (every problem, and the hosts and ports it checks further). The URL property
 * tests compare the two ways on generated input.
 */
function plainHttpsHost(value: string): string | undefined {
  const start = 8; // "https://"
  const length = value.length;
  let labelStart = start;
  let lastFirst = 0;
  let upper = false;
  let i = start;
  for (; i < length; i++) {
    const code = value.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d) continue;
    if (code >= 0x41 && code <= 0x5a) {
      upper = true;
      continue;
    }
    if (code === 0x2e) {
      if (!isPlainLabel(value, labelStart, i)) return undefined;
      lastFirst = value.charCodeAt(labelStart);
      labelStart = i + 1;
      continue;
    }
    if (code === 0x2f || code === 0x3f || code === 0x23) break;
    return undefined;
  }
  const hostEnd = i;
  if (labelStart < hostEnd) {
    if (!isPlainLabel(value, labelStart, hostEnd)) return undefined;
    lastFirst = value.charCodeAt(labelStart);
  } else if (hostEnd === start) {
    return undefined;
  }
  // The last label starting with a digit: the parser may read the name as an IPv4 address.
  if (lastFirst <= 0x39 || (labelStart < hostEnd ? hostEnd : hostEnd - 1) - start > DNS_NAME_MAX_LENGTH) return undefined;
  let fragment = false;
  for (; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80 && URL_CHARACTERS[code] === 1) continue;
    if (code === 0x25 && isHexDigit(value.charCodeAt(i + 1)) && isHexDigit(value.charCodeAt(i + 2))) i += 2;
    else if (code === 0x23 && !fragment) fragment = true;
    else return undefined;
  }
  const host = value.slice(start, hostEnd);
  return upper ? host.toLowerCase() : host;
}

/** A label from `start` to `end` of 1 to 63 characters, not starting or ending with "-", nor with "--" after two (an IDNA `xn--` label, or reserved for one). */
function isPlainLabel(value: string, start: number, end: number): boolean {
  const length = end - start;
  return (
    length > 0 &&
    length <= 63 &&
    value.charCodeAt(start) !== 0x2d &&
    value.charCodeAt(end - 1) !== 0x2d &&
    !(length >= 4 && value.charCodeAt(start + 2) === 0x2d && value.charCodeAt(start + 3) === 0x2d)
  );
}

/** The problem with a value that does not start with `scheme://` (`https` or `http`) as written. */
function schemeIssue(value: string, expected: 'https' | 'http', otherwise: UrlIssue): UrlIssue {
  if ((expected === 'https' ? HTTPS_ANY_CASE : HTTP_ANY_CASE).test(value)) {
    return { code: 'url_scheme_not_lower_case', params: { written: value.slice(0, expected.length), expected } };
  }
  if (URL_FORBIDDEN.test(value) && value.trim().startsWith(`${expected}://`)) return simple('url_has_whitespace');
  return otherwise;
}

/** `http://` or `https://` in any case, again after the scheme: `https://http://host/…`. */
const REPEATED_SCHEME = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//;

/**
 * A scheme written twice (`https://http://hooks.example.com/lp`, which parsers read as the host
 * `http` with an empty port): what was written, and what to write, the first scheme and the host
 * (without a user name or password, and not the path, which may hold a token).
 */
function repeatedScheme(value: string, schemeLength: number): UrlIssue | undefined {
  const match = REPEATED_SCHEME.exec(value.slice(schemeLength, schemeLength + 8));
  if (match === null) return undefined;
  const start = schemeLength + match[0].length;
  const end = authorityEnd(value, start);
  const atSign = value.lastIndexOf('@', end - 1);
  const host = value.slice(atSign < start ? start : atSign + 1, end);
  const rest = end < value.length ? `${value[end]}…` : '';
  return {
    code: 'url_scheme_repeated',
    params: { written: value.slice(0, start), expected: `${value.slice(0, schemeLength)}${host.slice(0, 253)}${rest}` },
  };
}

/** Checks `scheme://…` as written, `schemeLength` being that of `scheme://`. */
function checkHierarchicalUrl(value: string, schemeLength: number): { readonly hostname: string } | UrlIssue {
  const repeated = repeatedScheme(value, schemeLength);
  if (repeated !== undefined) return repeated;
  const end = authorityEnd(value, schemeLength);
  const issue = checkCharacters(value, schemeLength, end);
  return issue ?? checkAuthority(value, schemeLength, end);
}

/**
 * Checks an `https://` URL exactly as written: RFC 3986
 * characters and escapes, ASCII only, no user info, a DNS-name or IP-literal
 * host that the WHATWG parser reads the same, a port up to 65535. Gives the
 * host name, lower-cased, or the first problem. (Length is the field's rule.)
 */
export function parseHttpsUrl(value: string): { readonly hostname: string } | UrlIssue {
  if (value.startsWith('https://')) {
    const hostname = plainHttpsHost(value);
    return hostname !== undefined ? { hostname } : checkHierarchicalUrl(value, 'https://'.length);
  }
  return schemeIssue(value, 'https', simple(value === '' ? 'url_empty' : 'url_not_https'));
}

/** The first problem of an `https://` URL (see {@link parseHttpsUrl}), or `undefined`. */
export function checkHttpsUrl(value: string): UrlIssue | undefined {
  const parsed = parseHttpsUrl(value);
  return 'code' in parsed ? parsed : undefined;
}

/**
 * The host of an accepted `https://` or `http://` URL (`value`, checked already), lower-cased,
 * where it ends with a dot (a fully qualified name, `hooks.example.com.`); `undefined` otherwise.
 * TLS sends the server name without the dot (RFC 6066 §3), and some clients fail on it.
 */
export function trailingDotHost(value: string): string | undefined {
  const start = value.startsWith('https://') ? 8 : value.startsWith('http://') ? 7 : -1;
  if (start === -1) return undefined;
  const end = authorityEnd(value, start);
  const colon = value.lastIndexOf(':', end - 1);
  // No user info (checked already); a colon after the start is a port's (an IP literal has no trailing dot).
  const hostEnd = colon >= start ? colon : end;
  return value.charCodeAt(hostEnd - 1) === 0x2e ? value.slice(start, hostEnd).toLowerCase() : undefined;
}

/**
 * The host of an accepted URL (`value`, checked already) that has an authority (`scheme://…`),
 * lower-cased, without its port; `undefined` for a URL without one (a root-relative `logo_uri`,
 * `com.example.app:/cb`) and for an IP literal.
 */
export function hostAsWritten(value: string): string | undefined {
  const scheme = value.indexOf(':');
  // A scheme ends at the first ":", before any "/" (a root-relative path has none).
  if (scheme <= 0 || value.charCodeAt(scheme + 1) !== 0x2f || value.charCodeAt(scheme + 2) !== 0x2f) return undefined;
  const start = scheme + 3;
  if (value.charCodeAt(start) === 0x5b) return undefined;
  const end = authorityEnd(value, start);
  const colon = value.indexOf(':', start);
  return value.slice(start, colon !== -1 && colon < end ? colon : end).toLowerCase();
}

/** A host name that is a single label (no dot, an IP literal aside): no public DNS name. */
export function singleLabelHost(url: { readonly hostname: string }): string | undefined {
  const host = url.hostname;
  // A dot before the last character (a trailing one makes no second label), or an IP literal.
  const dot = host.indexOf('.');
  return (dot !== -1 && dot < host.length - 1) || host.charCodeAt(0) === 0x5b ? undefined : host;
}

/**
 * {@link UNREACHABLE_HOST_PATTERNS} as one pattern, tested once per host. Case-insensitive as a
 * whole: the patterns without the `i` flag match only digits and punctuation (a test holds them to it).
 */
const UNREACHABLE_HOST = /* @__PURE__ */ (() =>
  new RegExp(UNREACHABLE_HOST_PATTERNS.map((pattern) => pattern.source).join('|'), 'i'))();

/** The host name of a parsed URL, if LivePerson cannot reach it. */
export function unreachableHost(url: { readonly hostname: string }): string | undefined {
  const host = url.hostname;
  // A fully qualified name may end in a dot: "localhost." and "printer.local." are the same hosts.
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return UNREACHABLE_HOST.test(name) ? host : undefined;
}

/** `logo_uri`: an https URL, or a root-relative path (`/…`, not `//host`), as written. */
export function checkLogoUri(value: string): UrlIssue | undefined {
  if (value.startsWith('/') && !value.startsWith('//')) return checkCharacters(value, -1, -1);
  if (value.startsWith('https://')) return checkHttpsUrl(value);
  const issue = schemeIssue(value, 'https', simple('invalid_logo_uri'));
  // " /logo.png": white space where a path was meant.
  return issue.code === 'invalid_logo_uri' && URL_FORBIDDEN.test(value) && value.trim().startsWith('/')
    ? simple('url_has_whitespace')
    : issue;
}

/** A redirect URI: RFC 6749 §3.1.2 with RFC 8252 §7.1 and §7.3, as written. */
export function checkRedirectUri(value: string): UrlIssue | undefined {
  if (URL_FORBIDDEN.test(value)) {
    // What the value must be comes first (issue 12 §6): white space is the problem only of a value in an allowed form.
    const start = value.trimStart();
    const inForm = HTTP_ANY_CASE.test(start) || HTTPS_ANY_CASE.test(start) || PRIVATE_USE_SCHEME.test(start);
    return simple(inForm ? 'url_has_whitespace' : 'invalid_redirect_uri');
  }
  if (value.includes('#')) return simple('redirect_uri_has_fragment');
  if (value.startsWith('https://')) return checkHttpsUrl(value);
  if (value.startsWith('http://')) {
    const parsed = checkHierarchicalUrl(value, 'http://'.length);
    if ('code' in parsed) return parsed;
    return (LOOPBACK_REDIRECT_HOSTS as readonly string[]).includes(parsed.hostname)
      ? undefined
      : simple('redirect_uri_insecure_http');
  }
  if (HTTPS_ANY_CASE.test(value)) return schemeIssue(value, 'https', simple('invalid_redirect_uri'));
  if (HTTP_ANY_CASE.test(value)) return schemeIssue(value, 'http', simple('invalid_redirect_uri'));
  const scheme = PRIVATE_USE_SCHEME.exec(value);
  if (scheme !== null) return checkPrivateUseUri(value, scheme[0].length);
  return simple('invalid_redirect_uri');
}

/**
 * A private-use URI (`com.example.app:/cb`, RFC 8252 §7.1), `schemeLength` being that of
 * `scheme:`: RFC 3986 characters, and where it has an authority (`com.example.app://host/cb`),
 * no user name or password in it (whose characters are never shown).
 */
function checkPrivateUseUri(value: string, schemeLength: number): UrlIssue | undefined {
  let start = -1;
  let end = -1;
  if (value.startsWith('//', schemeLength)) {
    start = schemeLength + 2;
    end = authorityEnd(value, start);
  }
  const issue = checkCharacters(value, start, end);
  if (issue !== undefined) return issue;
  if (start !== -1) {
    const atSign = value.lastIndexOf('@', end - 1);
    if (atSign >= start) return credentials(value.slice(start, atSign));
  }
  return parseUrl(value) === undefined ? simple('invalid_redirect_uri') : undefined;
}

/** {@link FRAMING_HEADER_NAMES} and {@link BODY_HEADER_NAMES}, lower-cased, for one lookup per header. */
const FRAMING_HEADERS: ReadonlySet<string> = /* @__PURE__ */ (() =>
  new Set(FRAMING_HEADER_NAMES.map((name) => name.toLowerCase())))();
const BODY_HEADERS: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(BODY_HEADER_NAMES.map((name) => name.toLowerCase())))();

/**
 * A header name: an HTTP token that is not one of LivePerson's own, nor one that frames or routes
 * the request; `body_header_name` (a warning) for one that describes the body.
 */
export function checkHeaderName(
  name: string,
):
  | 'invalid_header_name'
  | 'reserved_header_name'
  | 'framing_header_name'
  | 'body_header_name'
  | 'header_name_underscore'
  | undefined {
  if (!isHttpToken(name)) return 'invalid_header_name';
  const folded = name.toLowerCase();
  if (folded.startsWith(RESERVED_HEADER_PREFIX)) return 'reserved_header_name';
  if (FRAMING_HEADERS.has(folded)) return 'framing_header_name';
  if (BODY_HEADERS.has(folded)) return 'body_header_name';
  // nginx's default (underscores_in_headers off) drops such a header at the receiver's proxy.
  return name.includes('_') ? 'header_name_underscore' : undefined;
}

/** White space, as a header name may be padded or split by. */
const WHITESPACE_RUN = /[ \t]+/u;

/**
 * What is wrong with a header name that is not an HTTP token, where it is a common fault, and the
 * name to write instead where one can be told and shown (a token, never a part that may be a
 * pasted credential): `:authority` is an HTTP/2 pseudo-header (RFC 9113 §8.3); `Authorization:` has
 * a trailing colon (`Authorization`); `Authorization: Bearer …` is a whole header line
 * (`Authorization`); ` X-Api-Key ` has white space around it (`X-Api-Key`). Words with white
 * between them are never joined and shown: a value may follow the name (`X-Api-Key MySecret`).
 */
export function headerNameFault(name: string): IssueParams['invalid_header_name'] {
  const trimmed = name.trim();
  if (trimmed.startsWith(':') && isHttpToken(trimmed.slice(1))) return { problem: 'pseudo_header' };
  const colon = trimmed.indexOf(':');
  if (colon > 0) {
    const before = trimmed.slice(0, colon).trim();
    const named = isHttpToken(before) ? { suggestion: before } : {};
    return /^:+$/u.test(trimmed.slice(colon)) ? { problem: 'trailing_colon', ...named } : { problem: 'header_line', ...named };
  }
  if (colon !== -1 || !WHITESPACE_RUN.test(name)) return {};
  // A name padded with white space is shown trimmed; words are never joined and shown: after a name may come
  // its value (`X-Api-Key MySecretPassword`), and no rule tells a word of a name from a password.
  return isHttpToken(trimmed) ? { problem: 'whitespace', suggestion: trimmed } : { problem: 'whitespace' };
}

/** The name of a `faas.<name>` scope value: letters, digits, `.`, `_` and `-`. */
export const isScopeName = (name: string): boolean => SCOPE_NAME.test(name);

/** Space and horizontal tab: the white space a header value may hold, and loses at either end in transit. */
const isHeaderWhitespace = (unit: number): boolean => unit === 0x20 || unit === 0x09;

/**
 * A header value: visible ASCII, space and tab only (nothing that could split or fold a header,
 * nothing an HTTP client refuses to send); a warning for one that is empty, only white space, or
 * padded with it (RFC 9110 §5.5: stripped in transit). Never looks at more than the value.
 */
export function checkHeaderValue(
  value: string,
): 'header_value_control_character' | 'header_value_not_ascii' | 'empty' | 'blank' | 'padded' | undefined {
  if (!HEADER_VALUE.test(value)) {
    return HEADER_VALUE_FORBIDDEN.test(value) ? 'header_value_control_character' : 'header_value_not_ascii';
  }
  if (value === '') return 'empty';
  const first = isHeaderWhitespace(value.charCodeAt(0));
  if (!first && !isHeaderWhitespace(value.charCodeAt(value.length - 1))) return undefined;
  // Padded at one end at least: only white space if no other character is found.
  for (let i = 0; i < value.length; i++) if (!isHeaderWhitespace(value.charCodeAt(i))) return 'padded';
  return 'blank';
}

/** Two rows of the distance table, kept between calls (a call never runs inside another). */
let rowA = /* @__PURE__ */ new Uint32Array(64);
let rowB = /* @__PURE__ */ new Uint32Array(64);

/**
 * Levenshtein distance, bounded: gives up (returns more than `limit`) once the distance must
 * exceed `limit`. Only the band of cells within `limit` of the diagonal is computed (Ukkonen): a
 * path that leaves it costs more than `limit`, so a distance up to `limit` is exact.
 */
function distance(a: string, b: string, limit: number): number {
  // A common prefix and suffix change no distance: only what lies between is compared (a key that is an event
  // name plus a suffix, by the hundred thousand in a hostile file, then costs its suffix, not the whole table).
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (start > 0 || endA < a.length || endB < b.length) {
    a = a.slice(start, endA);
    b = b.slice(start, endB);
  }
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (rowA.length <= m + 1) {
    rowA = new Uint32Array(m + 2);
    rowB = new Uint32Array(m + 2);
  }
  const beyond = limit + 1;
  // The rows in local variables, swapped without allocating: the loop reads them many times.
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= m; j++) previous[j] = j <= limit ? j : beyond;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(i - limit, 1);
    const to = Math.min(i + limit, m);
    current[0] = i <= limit ? i : beyond;
    // Left of the band: more than `limit` (read as the cell before `from`).
    if (from > 1) current[from - 1] = beyond;
    let rowMin = from === 1 ? current[0]! : beyond;
    const unit = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitute = previous[j - 1]! + (unit === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = previous[j]! + 1;
      const insert = current[j - 1]! + 1;
      const value = substitute < remove ? Math.min(substitute, insert) : Math.min(remove, insert);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Right of the band: more than `limit` (read by the next row).
    if (to < m) current[to + 1] = beyond;
    if (rowMin > limit) return beyond;
    const row = previous;
    previous = current;
    current = row;
  }
  return previous[m]!;
}

/** Lower case, without white space, `_`, `.` and `-`. Most keys are that already: they are returned as they are. */
function normalize(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    // Anything but a lower-case ASCII letter or a digit takes the long way.
    if (!((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39))) return key.toLowerCase().replace(/[\s_.-]/g, '');
  }
  return key;
}

/** Each list of candidates, normalized once. */
const NORMALIZED = /* @__PURE__ */ new WeakMap<readonly string[], readonly string[]>();

/** The part of a dotted name after its last dot, lower case: `contentevent` for `ms.MessagingEventNotification.ContentEvent`. */
const lastPart = (name: string): string => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/**
 * The known name closest to `input`, if one is close enough to be a likely typo; else the one
 * candidate whose last dotted part is the input's, in any case (`ContentEvent`, written without its
 * `ms.MessagingEventNotification.` prefix), as the builder's compile-time error suggests it; else
 * the one whose last dotted part starts with the input's, of four characters or more (`AcceptStatus`
 * for `ms.MessagingEventNotification.AcceptStatusEvent`).
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  return closestCandidates(input, candidates)[0];
}

/**
 * Every candidate {@link closest} could have chosen: those as close as the closest (it suggests the
 * first), else the one found by its last dotted part. A suggestion is the only possible one (a
 * repair may write it) when this holds exactly one.
 *
 * @example
 * ```ts
 * import { closestCandidates } from './checks.js';
 *
 * closestCandidates('cart_item', ['cart_value', 'cart_items']); // ['cart_items']
 * closestCandidates('ab', ['aa', 'bb']); // ['aa', 'bb']
 * ```
 */
export function closestCandidates(input: string, candidates: readonly string[]): readonly string[] {
  return candidatesOf(input, candidates).found;
}

/**
 * The one candidate a repair may write for `input`, where {@link closestCandidates} finds exactly one
 * and it is a typo's distance away (2 edits at most, case, `_`, `.` and `-` aside: `cart_item`,
 * `Section`), or the input is its last dotted part, whole or begun (`ContentEvent`, `AcceptStatus`);
 * `undefined` for a suggestion that is only the closest of far ones (`Evt0` for `ContentEvent`).
 *
 * @example
 * ```ts
 * import { repairCandidate } from './checks.js';
 *
 * repairCandidate('cart_item', ['cart_value', 'cart_items']); // 'cart_items'
 * repairCandidate('ms.MessagingEventNotification.Evt0', ['ms.MessagingEventNotification.ContentEvent']); // undefined
 * ```
 */
export function repairCandidate(input: string, candidates: readonly string[]): string | undefined {
  const { found, distance: d } = candidatesOf(input, candidates);
  return found.length === 1 && d <= 2 ? found[0] : undefined;
}

/** {@link closestCandidates}, and how far they are: the edit distance, or 0 where found by the last dotted part. */
function candidatesOf(
  input: string,
  candidates: readonly string[],
): { readonly found: readonly string[]; readonly distance: number } {
  if (input.length > 200) return { found: [], distance: Infinity };
  let normalized = NORMALIZED.get(candidates);
  if (normalized === undefined) {
    normalized = candidates.map(normalize);
    NORMALIZED.set(candidates, normalized);
  }
  const needle = normalize(input);
  let best: string[] = [];
  let bestDistance = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const limit = Math.max(2, Math.floor(candidate.length / 3));
    const d = distance(needle, normalized[i]!, limit);
    if (d > limit || d > bestDistance) continue;
    if (d < bestDistance) best = [];
    best.push(candidate);
    bestDistance = d;
  }
  if (best.length > 0) return { found: best, distance: bestDistance };
  const tail = lastPart(input);
  const sameTail = candidates.filter((candidate) => lastPart(candidate) === tail);
  if (sameTail.length > 0) return { found: sameTail.length === 1 ? sameTail : [], distance: 0 };
  if (tail.length < 4) return { found: [], distance: Infinity };
  const startsAlike = candidates.filter((candidate) => lastPart(candidate).startsWith(tail));
  return { found: startsAlike.length === 1 ? startsAlike : [], distance: 0 };
}
