import type { Profile } from '../types/manifest.js';

/**
 * The parameters each issue code carries. The set of keys is the closed list
 * of stable issue codes; wording lives apart, in {@link MESSAGES}.
 */
export interface IssueParams {
  invalid_type: { readonly expected: string; readonly received: string };
  required: Record<string, never>;
  unknown_key: { readonly key: string; readonly suggestion?: string | undefined };
  misspelled_webhook_event: { readonly key: string; readonly suggestion: string };
  unreadable_value: Record<string, never>;
  invalid_profile: { readonly received: string };
  too_long: { readonly max: number; readonly actual: number; readonly profile: Profile };
  blank: Record<string, never>;
  control_character: Record<string, never>;
  too_few_items: { readonly min: number };
  invalid_enum_value: { readonly value: string; readonly allowed: readonly string[]; readonly suggestion?: string | undefined };
  duplicate_item: { readonly value: string };
  connector_required_value: { readonly expected: string };
  invalid_scope: { readonly value: string };
  invalid_language_tag: { readonly tag: string };
  duplicate_language_tag: { readonly tag: string; readonly other: string };
  localized_name_without_client_name: Record<string, never>;
  url_not_https: Record<string, never>;
  url_malformed: Record<string, never>;
  url_has_credentials: Record<string, never>;
  url_has_whitespace: Record<string, never>;
  invalid_logo_uri: Record<string, never>;
  invalid_redirect_uri: Record<string, never>;
  redirect_uri_has_fragment: Record<string, never>;
  redirect_uri_insecure_http: Record<string, never>;
  not_integer: Record<string, never>;
  out_of_range: { readonly min: number; readonly max: number };
  invalid_header_name: Record<string, never>;
  reserved_header_name: { readonly prefix: string };
  header_value_control_character: Record<string, never>;
  duplicate_header_name: { readonly name: string };
  // warnings
  max_retries_with_retention: Record<string, never>;
  code_without_authorization_code: Record<string, never>;
  authorization_code_without_redirect_uris: Record<string, never>;
  unreachable_endpoint_host: { readonly host: string };
}

/**
 * A stable, machine-readable issue code.
 *
 * @example
 * ```ts
 * const fatal: IssueCode[] = ['url_not_https', 'required'];
 * if (result.ok === false && result.issues.some((issue) => fatal.includes(issue.code))) process.exit(1);
 * ```
 */
export type IssueCode = keyof IssueParams;

/** Codes that are warnings: valid, but probably a mistake. They never fail validation. */
export const WARNING_CODES: ReadonlySet<IssueCode> = /* @__PURE__ */ new Set<IssueCode>([
  'max_retries_with_retention',
  'code_without_authorization_code',
  'authorization_code_without_redirect_uris',
  'unreachable_endpoint_host',
]);

/**
 * One problem found in a manifest.
 *
 * @example
 * ```ts
 * const result = validateManifest({ client_name: '' });
 * if (!result.ok) {
 *   for (const issue of result.issues) console.log(`${issue.path}: ${issue.message} [${issue.code}]`);
 *   // client_name: must not be blank [blank]
 * }
 * ```
 */
export interface ValidationIssue {
  /** Stable, machine-readable code, e.g. `url_not_https`. */
  readonly code: IssueCode;
  /** `error` fails validation; `warning` is valid but probably a mistake. */
  readonly severity: 'error' | 'warning';
  /** Where the issue is, e.g. `capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint`; `''` is the whole manifest. */
  readonly path: string;
  /** The same place as a list of keys and array indexes. */
  readonly segments: readonly (string | number)[];
  /** What is wrong and how to fix it, for a person. Never contains a header value. */
  readonly message: string;
}

const MAX_QUOTED = 100;

/** Quotes a value for a message, cut short so a huge input never makes a huge message. */
export function quote(value: string, max = MAX_QUOTED): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;

/** The wording of every issue, one function per code. */
export const MESSAGES: { readonly [TCode in IssueCode]: (params: IssueParams[TCode]) => string } = {
  invalid_type: (p) => `must be ${p.expected}, got ${p.received}`,
  required: () => 'is required',
  unknown_key: (p) => `unknown key ${quote(p.key)}${didYouMean(p.suggestion)}`,
  misspelled_webhook_event: (p) =>
    `${quote(p.key)} is not a webhook event (LivePerson's table misspells it); use ${quote(p.suggestion)}`,
  unreadable_value: () => 'could not be read (a getter or proxy threw); pass plain JSON data',
  invalid_profile: (p) => `unknown profile ${quote(p.received)}; use "general" or "connector"`,
  too_long: (p) => `must be at most ${p.max} characters in the ${p.profile} profile (got ${p.actual})`,
  blank: () => 'must not be blank',
  control_character: () => 'must not contain control characters',
  too_few_items: (p) => `must have at least ${p.min} item${p.min === 1 ? '' : 's'}`,
  invalid_enum_value: (p) =>
    `${quote(p.value)} is not allowed${didYouMean(p.suggestion)} (allowed: ${p.allowed.map((v) => JSON.stringify(v)).join(', ')})`,
  duplicate_item: (p) => `${quote(p.value)} is listed more than once`,
  connector_required_value: (p) => `must be ${p.expected} in the connector profile`,
  invalid_scope: (p) => `${quote(p.value)} is not a supported scope value (supported: "msg.consumer"; separate values with single spaces)`,
  invalid_language_tag: (p) => `${quote(p.tag)} is not a well-formed RFC 5646 language tag (e.g. "fr", "fr-FR", "zh-Hant-TW")`,
  duplicate_language_tag: (p) => `language tag ${quote(p.tag)} duplicates ${quote(p.other)} (tags are case-insensitive)`,
  localized_name_without_client_name: () => 'a localized client name needs a client_name as well',
  url_not_https: () => 'must start with "https://"',
  url_malformed: () => 'must be a valid absolute URL with a host name',
  url_has_credentials: () => 'must not contain a user name or password; send secrets in webhook headers',
  url_has_whitespace: () => 'must not contain white space or control characters',
  invalid_logo_uri: () => 'must be an "https://" URL or a root-relative path starting with "/"',
  invalid_redirect_uri: () =>
    'must be an absolute "https://" URI, "http://" to localhost/127.0.0.1/[::1], or a private-use scheme with a dot (e.g. "com.example.app:/cb")',
  redirect_uri_has_fragment: () => 'must not contain a fragment ("#…")',
  redirect_uri_insecure_http: () => 'may use "http://" only with a loopback host (localhost, 127.0.0.1, [::1]); use "https://"',
  not_integer: () => 'must be a whole number',
  out_of_range: (p) => `must be between ${p.min} and ${p.max}`,
  invalid_header_name: () => "must be an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only",
  reserved_header_name: (p) => `must not start with ${quote(p.prefix)}: LivePerson uses that prefix for its own headers`,
  header_value_control_character: () =>
    'must not contain control characters such as CR, LF or NUL (the value is not shown because it may be a secret)',
  duplicate_header_name: (p) => `header ${quote(p.name)} is set more than once (names are case-insensitive)`,
  max_retries_with_retention: () =>
    'max_retries is ignored while retry.retention_time is set (only max_retries: 0, the opt-out, still applies)',
  code_without_authorization_code: () => 'response_types has "code" but grant_types lacks "authorization_code"',
  authorization_code_without_redirect_uris: () => 'grant_types has "authorization_code" but there are no redirect_uris',
  unreachable_endpoint_host: (p) => `host ${quote(p.host)} is loopback or private: LivePerson's servers cannot reach it`,
};

/**
 * Every issue code, for documentation and exhaustive tests.
 *
 * @example
 * ```ts
 * ISSUE_CODES.includes('url_not_https'); // true
 * ```
 */
export const ISSUE_CODES = /* @__PURE__ */ Object.keys(MESSAGES) as readonly IssueCode[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats path segments as `capabilities.webhooks["…"].headers[0].header_name`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    // A long key is quoted, and so cut short, even when it looks like an identifier: a huge input never makes a huge path.
    else if (segment.length <= 4 * MAX_QUOTED && IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${quote(segment, 4 * MAX_QUOTED)}]`;
  }
  return out;
}

/** Makes an issue from a code and its parameters. */
export function makeIssue<TCode extends IssueCode>(
  segments: readonly (string | number)[],
  code: TCode,
  params: IssueParams[TCode],
): ValidationIssue {
  return Object.freeze({
    code,
    severity: WARNING_CODES.has(code) ? 'warning' : 'error',
    path: formatPath(segments),
    segments: Object.freeze([...segments]),
    message: MESSAGES[code](params),
  });
}
