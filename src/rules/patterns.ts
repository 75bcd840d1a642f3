/**
 * Regular-expression sources for the rules a pattern can express. Written in
 * the subset that both JavaScript (`u` flag) and JSON Schema's ECMA-262
 * patterns accept, so the validator and the JSON Schema share them.
 */

/** Builds a case-insensitive character sequence without the `i` flag (JSON Schema patterns take no flags). */
function caseless(literal: string): string {
  return (
    [...literal]
      // A letter is a character with two cases (the tags are ASCII); no regular expression per character, at import.
      .map((ch) => (ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toUpperCase()}${ch.toLowerCase()}]` : ch))
      .join('')
  );
}

const alpha = '[A-Za-z]';
const digit = '[0-9]';
const alphanum = '[A-Za-z0-9]';

/** RFC 5646 §2.1 grandfathered tags (irregular and regular). */
const GRANDFATHERED = [
  'en-GB-oed',
  'i-ami',
  'i-bnn',
  'i-default',
  'i-enochian',
  'i-hak',
  'i-klingon',
  'i-lux',
  'i-mingo',
  'i-navajo',
  'i-pwn',
  'i-tao',
  'i-tay',
  'i-tsu',
  'sgn-BE-FR',
  'sgn-BE-NL',
  'sgn-CH-DE',
  'art-lojban',
  'cel-gaulish',
  'no-bok',
  'no-nyn',
  'zh-guoyu',
  'zh-hakka',
  'zh-min',
  'zh-min-nan',
  'zh-xiang',
];

const language = `(?:${alpha}{2,3}(?:-${alpha}{3}){0,3}|${alpha}{4}|${alpha}{5,8})`;
const script = `(?:-${alpha}{4})?`;
const region = `(?:-(?:${alpha}{2}|${digit}{3}))?`;
const variants = `(?:-(?:${alphanum}{5,8}|${digit}${alphanum}{3}))*`;
// singleton: any alphanumeric except "x"/"X"
const extensions = `(?:-[0-9A-WY-Za-wy-z](?:-${alphanum}{2,8})+)*`;
// "x" or "X": tags are case-insensitive (RFC 5646 §2.1.1), the private-use singleton too.
const privateUse = `[Xx](?:-${alphanum}{1,8})+`;

/**
 * A well-formed RFC 5646 (BCP 47) language tag: `langtag`, `privateuse` or
 * `grandfathered` from the ABNF in §2.1, matched case-insensitively.
 */
export const LANGUAGE_TAG_SOURCE = /* @__PURE__ */ (() =>
  `(?:${language}${script}${region}${variants}${extensions}(?:-${privateUse})?` +
  `|[Xx](?:-${alphanum}{1,8})+` +
  `|${GRANDFATHERED.map(caseless).join('|')})`)();

/** One character of an HTTP token: `tchar` (RFC 9110 §5.6.2). */
export const TOKEN_CHARACTER_SOURCE = "[!#$%&'*+.^_`|~0-9A-Za-z-]";

/** An HTTP field name: `token` = 1*tchar (RFC 9110 §5.6.2). */
export const HEADER_NAME_SOURCE = `^${TOKEN_CHARACTER_SOURCE}+$`;

/** What a header value must not contain: C0 controls except horizontal tab, and DEL (RFC 9110 §5.5). */
export const HEADER_VALUE_FORBIDDEN_SOURCE = '[\\u0000-\\u0008\\u000A-\\u001F\\u007F]';

/**
 * A header value: visible US-ASCII, space and horizontal tab only (RFC 9110 §5.5 field-vchar
 * without obs-text). No control characters, and nothing beyond ASCII, which common HTTP
 * clients (Node's, Java's) refuse to send.
 */
export const HEADER_VALUE_SOURCE = '^[\\t\\u0020-\\u007E]*$';

/** The name in a `faas.<name>` scope value: letters, digits, `.`, `_` and `-`. */
export const SCOPE_NAME_SOURCE = '[A-Za-z0-9._-]+';

/** Control characters (C0, DEL, C1), not allowed in names. */
export const CONTROL_CHARACTER_SOURCE = '[\\u0000-\\u001F\\u007F-\\u009F]';

/** White space or control characters, not allowed anywhere in a URL. */
export const URL_FORBIDDEN_SOURCE = '[\\s\\u0000-\\u001F\\u007F-\\u009F]';

/** A string with at least one character that is not white space. */
export const NOT_BLANK_SOURCE = '\\S';

/**
 * A private-use URI scheme with a dot in it, and its colon: `com.example.app:` (RFC 8252 §7.1).
 * The part before the first dot excludes the dot, so the pattern matches in linear time (with
 * `[A-Za-z0-9+.-]*\\.` a long "a.a.a.…" without a colon backtracks quadratically).
 */
export const PRIVATE_USE_SCHEME_SOURCE = '[A-Za-z][A-Za-z0-9+-]*\\.[A-Za-z0-9+.-]*:';

/**
 * A character RFC 3986 allows anywhere in a URI reference as written (§2.2,
 * §2.3, §3.3 to §3.5): the unreserved characters, the sub-delimiters, and
 * `:`, `@`, `/`, `?`. The rest of printable ASCII is never allowed (space,
 * `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`), or only in one place:
 * `%` starts an escape ({@link PERCENT_ESCAPE_SOURCE}), `#` the fragment
 * (once), `[` and `]` an IP-literal host.
 */
export const URL_CHARACTER_SOURCE = "[A-Za-z0-9._~!$&'()*+,;=:@/?-]";

/** A percent-encoded octet, `%HH` (RFC 3986 §2.1). */
export const PERCENT_ESCAPE_SOURCE = '%[0-9A-Fa-f]{2}';

/**
 * A DNS label as a host name (RFC 1123 §2.1, RFC 1035 §2.3.4): 1 to 63
 * letters, digits and `-`, not starting or ending with `-`.
 */
export const DNS_LABEL_SOURCE = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

/** The longest host name, without a trailing dot (RFC 1035 §2.3.4, as text). */
export const DNS_NAME_MAX_LENGTH = 253;
