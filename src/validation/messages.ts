const OPTION_TYPE_WORDS = {
  boolean: 'true or false',
  object: 'an object',
  positive_integer: 'a positive integer or Infinity',
  key_list: 'an array of key names',
} as const;

/**
 * The English wording of every issue code, from its parameters: what each
 * issue's `message` says. Apart from the codes (codes.ts), so that wording can
 * change, or be given in another language (`formatIssue`), without touching a check.
 */
import { quote } from './quote.js';
import { describeReceived } from './read.js';
import type { LeftoverOrigin } from '../rules/template.js';
import type { ExpectedType, HeaderNameProblem, IssueCode, IssueParams, UrlHostProblem, UrlUse } from './codes.js';

/**
 * What `misspelled_webhook_event` says. The compile-time error of `webhook()`
 * for LivePerson's misspelled event name shows the same words: it is this type,
 * and the compiler checks that the runtime message below matches it.
 */
export type MisspelledWebhookEventMessage<
  TKey extends string,
  TSuggestion extends string,
> = `"${TKey}" is not a webhook event (LivePerson's table misspells it); use "${TSuggestion}"`;

/** The runtime side of {@link MisspelledWebhookEventMessage} (the keys come from a fixed table, so need no cutting short). */
const misspelledWebhookEvent = <TKey extends string, TSuggestion extends string>(
  key: TKey,
  suggestion: TSuggestion,
): MisspelledWebhookEventMessage<TKey, TSuggestion> =>
  `"${key}" is not a webhook event (LivePerson's table misspells it); use "${suggestion}"`;

/** What `framing_header_name` says after the quoted name; its type is the compile-time error of `webhook()` for such a header. */
const FRAMING_HEADER_NAME =
  "frames or routes the request: LivePerson's HTTP client sets it, and a second value can break delivery or smuggle a request (RFC 9110 §7.6.1, RFC 9112 §6); remove this header";

/**
 * What `framing_header_name` says after the quoted header name. The compile-time error of
 * `webhook()` for a header such as `Content-Length` shows the same words: it is this type,
 * taken from the runtime message, so the words are written once.
 */
export type FramingHeaderNameMessage = typeof FRAMING_HEADER_NAME;

/** How a key that is not shown starts, for a message: `"Authorization…"`, or that nothing of it is shown. */
export const keyStart = (start: string): string =>
  start === '' ? 'one that starts with no name character' : `one that starts "${start}…"`;

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;

/** A number of seconds as a person says it (`3 days`), where it is a whole number of days or hours. */
const secondsInWords = (seconds: number): string | undefined => {
  const [count, unit] =
    seconds % 86_400 === 0 ? [seconds / 86_400, 'day'] : seconds % 3_600 === 0 ? [seconds / 3_600, 'hour'] : [0, ''];
  return count === 0 ? undefined : `${count} ${unit}${count === 1 ? '' : 's'}`;
};

/** `2 and 259200 seconds (3 days)`: a range with its unit and, in seconds, its upper bound in words. */
const between = (range: IssueParams['out_of_range']): string => {
  const words = range.unit === 'seconds' ? secondsInWords(range.max) : undefined;
  return `${range.min} and ${range.max}${range.unit === undefined ? '' : ` ${range.unit}`}${words === undefined ? '' : ` (${words})`}`;
};

/** How `invalid_type` words what a value must be. */
const EXPECTED_TYPES: { readonly [TType in ExpectedType]: string } = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'an integer',
  positive_integer: 'a positive integer',
  boolean: 'a boolean',
  json: 'JSON data (objects, arrays, strings, finite numbers, booleans, null)',
};

/** The supported scope values, and what a `<name>` in one of them may hold. */
function supportedScopes(allowed: readonly string[]): string {
  let listed = '';
  let named = false;
  for (let i = 0; i < allowed.length; i++) {
    const value = allowed[i]!;
    // Quoted as JSON.stringify would (never cut short).
    listed += `${i === 0 ? '' : ', '}${quote(value, value.length)}`;
    if (value.endsWith('<name>')) named = true;
  }
  return `supported: ${listed}${named ? '; a <name> is letters, digits, ".", "_" and "-"' : ''}`;
}

const NOT_SHOWN = '(the value is not shown because it may be a secret)';

/** What `url_has_credentials` advises, by what the URL is for (not shown: the password is a secret). */
const CREDENTIALS_ADVICE: { readonly [TUse in UrlUse]: string } = {
  webhook: 'every server and log on the way would see it; send secrets in webhook headers',
  redirect:
    "a redirect URI is where the user's browser is sent back with the authorization response, and carries no credentials (RFC 3986 §3.2.1: a password in a URI is deprecated); remove them",
  browser:
    'browsers refuse or strip them (RFC 3986 §3.2.1: a password in a URI is deprecated); remove them, the URL must open without them',
};

/** A character as `%HH` escapes of its UTF-8 bytes. */
const percentEncode = (character: string): string =>
  [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const HOST_PROBLEMS: { readonly [TProblem in UrlHostProblem]: (character: string | undefined) => string } = {
  character: (character) =>
    character === '%'
      ? 'is not a DNS name: a host name cannot be percent-encoded (labels are letters, digits and "-")'
      : `is not a DNS name: ${quote(character ?? '')} is not allowed (labels are letters, digits and "-")`,
  empty_label: () => 'has an empty label (two dots in a row, or a leading dot)',
  label_too_long: () => 'has a label longer than 63 characters (RFC 1035)',
  label_hyphen: () => 'has a label that starts or ends with "-" (RFC 1123)',
  too_long: () => 'is longer than 253 characters (RFC 1035)',
  ipv4: () =>
    'ends in a number, so clients read it as an IPv4 address, and it is not one: write four decimal numbers from 0 to 255 (e.g. "192.0.2.1") or a DNS name',
  ip_literal: () => 'is not an IPv6 address in brackets (e.g. "[2001:db8::1]")',
  idna: () => 'has an "xn--" label that is not valid punycode (IDNA)',
};

/** What `invalid_header_name` says, by its `problem`, with the name to write where one is known. */
const HEADER_NAME_PROBLEMS: {
  readonly [TProblem in HeaderNameProblem | 'other']: (suggestion: string | undefined) => string;
} = {
  other: () => "must be an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only",
  whitespace: (suggestion) =>
    `must not contain white space (an HTTP token, RFC 9110 §5.6.2): ${
      suggestion === undefined
        ? 'a name is one word, such as "X-Api-Key" (words joined with "-"); if a value follows the name (a key, a token, a password), put the value in "header_value" (the name is not shown: it may hold a secret)'
        : `write ${quote(suggestion)}`
    }`,
  trailing_colon: (suggestion) =>
    `must not end with ":" (the colon separates a header's name from its value; it is no part of the name): ${
      suggestion === undefined ? 'remove it' : `write ${quote(suggestion)}`
    }`,
  pseudo_header: () =>
    'is an HTTP/2 pseudo-header (it starts with ":", RFC 9113 §8.3): the HTTP client sets these from the request itself (":authority" from the endpoint\'s host, ":path" from its path); remove this header',
  header_line: (suggestion) =>
    `holds a whole "Name: value" header line (the rest is not shown: it may be a secret): put ${
      suggestion === undefined ? 'the name' : quote(suggestion)
    } in "header_name" and the value in "header_value"`,
};

/** A URL up to its query (`?…`), which is never shown in a message: a query often holds an API key. */
const withoutQuery = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : `${url.slice(0, query)}?…`;
};

/** What `template_leftover` says of a host, by its origin. */
const LEFTOVER_HOSTS: { readonly [TOrigin in LeftoverOrigin]: string } = {
  your_label: 'has a label starting "your-", as a template\'s text to fill in does',
  init_starter: 'is the placeholder host that "lp-app-manifest init" writes (reserved for documentation, RFC 2606)',
  liveperson_template: "is the placeholder host of LivePerson's documented template",
  placeholder: 'looks like an unfilled placeholder',
};

/** What `template_leftover` says of a text, by its origin. */
const LEFTOVER_TEXTS: { readonly [TOrigin in LeftoverOrigin]: string } = {
  liveperson_template: "is the placeholder text of LivePerson's documented template",
  init_starter: 'is the starter text that "lp-app-manifest init" writes',
  placeholder: 'is wholly in brackets, like a placeholder left to fill in',
  your_label: 'looks like text left from a template',
};

/** What `connector_without_webhooks` says is missing. */
const CONNECTOR_MISSING: { readonly [TMissing in IssueParams['connector_without_webhooks']['missing']]: string } = {
  capabilities: 'there is no "capabilities" object, so no webhook',
  webhooks: 'there is no "webhooks" object, so no webhook',
  events: 'no webhook event is set',
};

/**
 * The English wording of every issue, one function per code from its
 * {@link IssueParams}: what each issue's `message` is. A table given to
 * `formatIssue()` words the codes it has instead.
 *
 * @example
 * ```ts
 * import { MESSAGES } from 'lp-app-manifest';
 *
 * MESSAGES.too_long({ max: 128, actual: 300, profile: 'general' });
 * // 'must be at most 128 characters in the general profile (got 300)'
 * ```
 */
export const MESSAGES: { readonly [TCode in IssueCode]: (params: IssueParams[TCode]) => string } = {
  invalid_type: (p) => `must be ${EXPECTED_TYPES[p.expected]}, got ${describeReceived(p.received, p.className)}`,
  required: (p) =>
    p.expected === undefined ? 'is required' : `is required in the connector profile: set it to ${JSON.stringify(p.expected)}`,
  unknown_key: (p) => `unknown key ${quote(p.key)}${didYouMean(p.suggestion)}`,
  unknown_key_not_shown: (p) =>
    `has a key that is not one of its fields, nor a name: ${keyStart(p.start)} (the rest is not shown: it may be a pasted "Name: value" header line, which may hold a secret); remove it, or put a header in a webhook's "headers" as { "header_name": …, "header_value": … }`,
  misspelled_webhook_event: (p) => misspelledWebhookEvent(p.key, p.suggestion),
  unreadable_value: () => 'could not be read (a getter or proxy threw); pass plain JSON data',
  invalid_options: (p) =>
    p.reason !== undefined
      ? `allowKeys[${p.item ?? 0}]${p.key === undefined ? '' : ` ${quote(p.key)}`} ${ALLOW_KEY_REASONS[p.reason]}`
      : p.option === undefined
        ? `the options must be an object (with ${p.known.join(', ')}), got ${describeReceived(p.received ?? 'unreadable')}`
        : p.expected !== undefined
          ? `option ${quote(p.option)} must be ${OPTION_TYPE_WORDS[p.expected]}, got ${describeReceived(p.received ?? 'unreadable')}`
          : `unknown option ${quote(p.option)}${didYouMean(p.suggestion)} (the options are ${p.known.join(', ')})`,
  invalid_profile: (p) =>
    `unknown profile ${quote(p.value ?? describeReceived(p.received, p.className))}; use "general" or "connector"`,
  too_long: (p) => `must be at most ${p.max} characters in the ${p.profile} profile (got ${p.actual})`,
  blank: () => 'must not be blank',
  control_character: () => 'must not contain control characters',
  too_few_items: (p) => `must have at least ${p.min} item${p.min === 1 ? '' : 's'}`,
  invalid_enum_value: (p) =>
    `${quote(p.value)} is not allowed${didYouMean(p.suggestion)} (allowed: ${p.allowed.map((v) => JSON.stringify(v)).join(', ')})`,
  duplicate_item: (p) => `${quote(p.value)} is listed more than once`,
  connector_required_value: (p) =>
    `must be ${p.rule === 'includes' ? `a list that includes ${JSON.stringify(p.expected)}` : JSON.stringify(p.expected)} in the connector profile`,
  invalid_scope: (p) =>
    p.value === ''
      ? `is empty: give one or more scope values, separated by single spaces (${supportedScopes(p.allowed)})`
      : `${quote(p.value)} is not a supported scope value${didYouMean(p.suggestion)} (${supportedScopes(p.allowed)})`,
  invalid_language_tag: (p) => `${quote(p.tag)} is not a well-formed RFC 5646 language tag (e.g. "fr", "fr-FR", "zh-Hant-TW")`,
  duplicate_language_tag: (p) => `language tag ${quote(p.tag)} duplicates ${quote(p.other)} (tags are case-insensitive)`,
  localized_name_without_client_name: () => 'a localized client name needs a client_name as well',
  url_not_https: () => 'must start with "https://"',
  url_malformed: () => 'must be a valid absolute URL with a host name',
  url_has_credentials: (p) =>
    p.backslash
      ? 'has a "\\" before an "@": browsers read "\\" as "/" and go to the host before it, other clients read a user name and go to the host after "@"; write the one host, without "\\" or a user name'
      : `must not contain a user name or password (an "@" before the host): ${CREDENTIALS_ADVICE[p.use]}`,
  url_has_whitespace: () => 'must not contain white space or control characters',
  url_empty: () => 'is empty; it must be an "https://" URL',
  url_missing: () => 'is not set (undefined); it must be an "https://" URL',
  url_scheme_not_lower_case: (p) =>
    `must start with ${quote(`${p.expected}://`)} in lower case, not ${quote(`${p.written}://`)} (schemes are compared as written)`,
  url_scheme_repeated: (p) =>
    `has the scheme written twice (${quote(p.written)}), which clients read as a host named ${quote(p.written.slice(p.written.indexOf('://') + 3, -3))}; write it once: ${quote(p.expected, 300)}`,
  url_placeholder: (p) =>
    `${quote(p.placeholder, 64)}${p.part === 'query' ? ' in the query' : ''} looks like an unfilled placeholder: replace it with the real value`,
  url_not_ascii: (p) =>
    p.punycodeHost !== undefined
      ? `must be ASCII: the host has ${quote(p.character)}; write the host in punycode: ${quote(p.punycodeHost)}`
      : p.percentEncoded !== undefined
        ? `must be ASCII: percent-encode ${quote(p.character)} as ${quote(p.percentEncoded)} (its UTF-8 bytes)`
        : `must be ASCII: ${quote(p.character)} is not allowed`,
  url_invalid_character: (p) =>
    `must not contain ${quote(p.character)} (character ${p.position + 1}): RFC 3986 does not allow it there${
      p.character === '\\' ? ' (browsers read it as "/", other clients do not)' : ''
    }; percent-encode it as ${quote(percentEncode(p.character))}`,
  url_invalid_percent_encoding: (p) =>
    `has a "%" (character ${p.position + 1}) that does not start an escape of two hex digits such as "%20"; write a literal "%" as "%25"`,
  url_invalid_host: (p) => `host ${quote(p.host)} ${HOST_PROBLEMS[p.problem](p.character)}`,
  url_host_mismatch: (p) =>
    `host ${quote(p.host)} is read as ${quote(p.parsed)} by browsers and Node.js (WHATWG URL), and other clients may read it as another host; write ${quote(p.parsed)}`,
  url_invalid_port: () => 'has a port that is not a number from 0 to 65535; fix it or leave the port out',
  url_too_long: (p) =>
    `must be at most ${p.max} characters (what common HTTP servers and proxies accept in a request line); got ${p.actual}`,
  invalid_logo_uri: () => 'must be an "https://" URL or a root-relative path starting with "/"',
  invalid_redirect_uri: () =>
    'must be an absolute "https://" URI, "http://" to localhost/127.0.0.1/[::1], or a private-use scheme with a dot (e.g. "com.example.app:/cb")',
  redirect_uri_has_fragment: () => 'must not contain a fragment ("#…")',
  redirect_uri_insecure_http: () => 'may use "http://" only with a loopback host (localhost, 127.0.0.1, [::1]); use "https://"',
  not_integer: (p) => `must be a whole number between ${between(p)}`,
  out_of_range: (p) => `must be between ${between(p)}`,
  invalid_header_name: (p) => HEADER_NAME_PROBLEMS[p.problem ?? 'other'](p.suggestion),
  reserved_header_name: (p) => `must not start with ${quote(p.prefix)}: LivePerson uses that prefix for its own headers`,
  header_value_control_character: () =>
    `must be visible ASCII, space or tab only: no control characters such as CR, LF or NUL, which could split or fold the header ${NOT_SHOWN}`,
  duplicate_header_name: (p) => `header ${quote(p.name)} is set more than once (names are case-insensitive)`,
  server_assigned_key: (p) =>
    p.secret
      ? `${quote(p.key)} is a secret LivePerson assigns when the app is installed: it does not belong in a manifest file; remove it before submitting (its value is not shown)`
      : `${quote(p.key)} is assigned by LivePerson when the app is installed: remove it before submitting the manifest`,
  invalid_agent_profile_id: (p) => `must be a positive whole number (a LivePerson agent-profile id), at most ${p.max}`,
  scope_spacing: (p) =>
    `separate scope values with single spaces, none at the start or end: found ${[
      p.leading && 'a space at the start',
      p.trailing && 'a space at the end',
      p.repeated && 'two or more spaces in a row',
    ]
      .filter((found): found is string => typeof found === 'string')
      .join(', ')}`,
  framing_header_name: (p) => `${quote(p.name)} ${FRAMING_HEADER_NAME}`,
  unresolved_placeholder: (p) =>
    p.empty
      ? `the variable ${p.variable} (placeholder \${{ ${p.variable} }}) is set but empty; give it the value this field needs`
      : `the variable ${p.variable} (placeholder \${{ ${p.variable} }}) is not set; set it in the environment or a .env file`,
  malformed_placeholder: () =>
    'has a "${{" that starts no placeholder: write ${{ NAME }} (NAME of letters, digits and _, not starting with a digit), or "$${{" for a literal "${{"',
  header_value_not_ascii: () =>
    `must be visible ASCII, space or tab only: common HTTP clients (Node's, Java's) refuse to send other characters; encode the value in ASCII, e.g. base64 ${NOT_SHOWN}`,
  max_retries_with_retention: () =>
    'max_retries is ignored while retry.retention_time is set (only max_retries: 0, the opt-out, still applies)',
  code_without_authorization_code: () => 'response_types has "code" but grant_types lacks "authorization_code"',
  authorization_code_without_redirect_uris: () => 'grant_types has "authorization_code" but there are no redirect_uris',
  unreachable_endpoint_host: (p) =>
    `host ${quote(p.host)} is loopback, private or reserved: LivePerson's servers cannot reach it`,
  single_label_host: (p) =>
    `host ${quote(p.host)} is a single label (no dot): not a public DNS name, so it cannot be reached over the internet (most likely an unfilled placeholder); use the full host name, e.g. "hooks.example.com"`,
  body_header_name: (p) =>
    `${quote(p.name)} describes the body: LivePerson sets the body and its type, and overriding it can make the receiver misread the notification`,
  header_value_whitespace: (p) =>
    p.problem === 'padded'
      ? `has leading or trailing white space, which is stripped in transit (RFC 9110 §5.5) ${NOT_SHOWN}`
      : `is ${p.problem === 'empty' ? 'empty' : 'only white space'}: an unset secret usually looks like this ${NOT_SHOWN}`,
  endpoint_has_fragment: (p) =>
    `has a fragment ("#…"), which is never sent in a request (RFC 3986 §3.5): LivePerson will request ${quote(withoutQuery(p.requested), 300)}${p.requested.includes('?') ? ' with the query as written (not shown: a query may hold a key)' : ''}; if the receiver's address is not that, use the address it gives for webhooks`,
  trailing_dot_host: (p) =>
    `host ${quote(p.host)} ends with a dot: TLS sends the server name without it (RFC 6066 §3), and some clients fail on it (Java's SNIHostName throws); write ${quote(p.expected)}`,
  allowed_unknown_key: (p) =>
    `${quote(p.key)} is not a field this package knows: passed through as written, not checked, because allowKeys (--allow-key) names it`,
  header_name_underscore: (p) =>
    `${quote(p.name)} has "_": valid, but nginx's default configuration (underscores_in_headers off) drops such a header, so it may never reach your server; write ${quote(p.suggestion)}, or make sure every proxy on the way accepts "_"`,
  template_leftover: (p) =>
    p.kind === 'host'
      ? `host ${quote(p.value)} ${LEFTOVER_HOSTS[p.origin]}: replace it with your server's host name`
      : `${quote(p.value)} ${LEFTOVER_TEXTS[p.origin]}: replace it with your app's own text`,
  connector_without_webhooks: (p) =>
    `${CONNECTOR_MISSING[p.missing]}: a Connector API app receives nothing without a webhook; add one for each event it handles, e.g. "ms.MessagingEventNotification.ContentEvent"`,
};

/** Why an `allowKeys` entry is refused, for `invalid_options`. */
const ALLOW_KEY_REASONS = {
  known_key: 'is a field the rules check: allowKeys lets through only keys they do not know',
  server_assigned_key: 'is assigned by LivePerson and never belongs in a manifest: it cannot be allowed',
  not_a_string: 'must be a key name (a string)',
  not_a_name: "must be a key name: an HTTP token (letters, digits and !#$%&'*+-.^_`|~), not shown",
  wildcard: 'is not one key: allowKeys names each key it lets through; there is no "allow every key"',
} as const;

/**
 * Every issue code, for documentation and exhaustive tests.
 *
 * @example
 * ```ts
 * import { ISSUE_CODES } from 'lp-app-manifest';
 *
 * ISSUE_CODES.includes('url_not_https'); // true
 * ```
 */
export const ISSUE_CODES = /* @__PURE__ */ Object.keys(MESSAGES) as readonly IssueCode[];
