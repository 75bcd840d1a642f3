/**
 * The library's issue codes and the data each carries: what the validator can
 * find in a manifest, as a closed union of codes (the wording is messages.ts).
 */
import type { Profile } from '../types/manifest.js';
import type { LeftoverOrigin } from '../rules/template.js';
import type { ReceivedType } from './read.js';

/**
 * The parameters each issue code carries, as an issue's `params`: numbers,
 * tags and the names or values the issue is about (never a header value or
 * another secret), so that a program can act on an issue or word it anew
 * (see {@link formatIssue}). The set of keys is the closed list of stable
 * issue codes; the English wording of each is {@link MESSAGES}.
 *
 * @example
 * ```ts
 * import { validateManifest, type IssueParams } from 'lp-app-manifest';
 *
 * const result = validateManifest({ client_name: 'x'.repeat(300) });
 * const issue = result.ok ? undefined : result.issues[0];
 * if (issue?.code === 'too_long') {
 *   const params: IssueParams['too_long'] = issue.params; // { max: 128, actual: 300, profile: 'general' }
 *   console.log(params.max);
 * }
 * ```
 */
export interface IssueParams {
  /** A value of the wrong type. */
  invalid_type: {
    /** What the value must be. */
    readonly expected: ExpectedType;
    /** What it is. */
    readonly received: ReceivedType;
    /** Its class, for an `instance`. */
    readonly className?: string | undefined;
  };
  /** A required key is missing. */
  required: {
    /** The value the connector profile needs, where the field is required only there (`["client_credentials"]`). */
    readonly expected?: string | readonly string[] | undefined;
  };
  /** A key the rules do not know. */
  unknown_key: {
    /** The key as written. */
    readonly key: string;
    /** The known key it most likely means, if one is close. */
    readonly suggestion?: string | undefined;
  };
  /**
   * A key that is not a field of its object and not an HTTP token, such as a whole
   * `Authorization: Bearer …` line pasted as a key: reported at the object, and not shown, since
   * it may hold a secret.
   */
  unknown_key_not_shown: {
    /** How the key starts: its leading letters, digits and other name characters (at most 40), before what is not shown. */
    readonly start: string;
  };
  /** The event name LivePerson's table misspells. */
  misspelled_webhook_event: {
    /** The key as written. */
    readonly key: string;
    /** The event to use instead. */
    readonly suggestion: string;
  };
  /** A value whose reading threw (a getter or proxy). */
  unreadable_value: Record<string, never>;
  /** `validateManifest`'s `profile` option is not `general` or `connector`. */
  invalid_profile: {
    /** The profile given, if it is a string. */
    readonly value?: string | undefined;
    /** What was given. */
    readonly received: ReceivedType;
    /** Its class, for an `instance`. */
    readonly className?: string | undefined;
  };
  /**
   * The options argument of `validateManifest`, `validateTemplate` or the builder's `build`,
   * `validate` and `from` is not an object, or names an option the function does not take
   * (untyped JavaScript: TypeScript says so at compile time).
   */
  invalid_options: {
    /** The option given that the function does not take, if that is the problem. */
    readonly option?: string | undefined;
    /** The option it most likely means. */
    readonly suggestion?: string | undefined;
    /** What was given instead of an object (or, with `expected`, instead of the option's type), if that is the problem. */
    readonly received?: ReceivedType | undefined;
    /** The type `option` takes, when it was given another. */
    readonly expected?: 'boolean' | 'object' | 'positive_integer' | 'key_list' | undefined;
    /** The options the function takes. */
    readonly known: readonly string[];
    /**
     * Why an `allowKeys` entry cannot be let through: a field the rules check (`known_key`, a localized
     * `client_name#…` or `$schema` included), a key LivePerson assigns (`server_assigned_key`), an entry
     * that is not a string (`not_a_string`) or not a name (`not_a_name`: an HTTP token, RFC 9110 §5.6.2, never
     * shown), or one with `*` (`wildcard`: there is no "allow every key").
     */
    readonly reason?: 'known_key' | 'server_assigned_key' | 'not_a_string' | 'not_a_name' | 'wildcard' | undefined;
    /** With `reason`: the entry's index in `allowKeys`, from 0. */
    readonly item?: number | undefined;
    /** With `reason`: the entry, when it is a name. */
    readonly key?: string | undefined;
  };
  /** A string longer than its profile allows. */
  too_long: {
    /** The limit, in characters (code points). */
    readonly max: number;
    /** The length found, in characters (code points). */
    readonly actual: number;
    /** The profile whose limit it is. */
    readonly profile: Profile;
  };
  /** An empty or white-space-only string. */
  blank: Record<string, never>;
  /** A control character in a string. */
  control_character: Record<string, never>;
  /** A list shorter than allowed. */
  too_few_items: {
    /** The fewest items allowed. */
    readonly min: number;
  };
  /** A list item that is not one of the allowed values. */
  invalid_enum_value: {
    /** The item as written. */
    readonly value: string;
    /** The allowed values. */
    readonly allowed: readonly string[];
    /** The allowed value it most likely means, if one is close. */
    readonly suggestion?: string | undefined;
  };
  /** A value listed twice. */
  duplicate_item: {
    /** The repeated value. */
    readonly value: string;
  };
  /** A value the connector profile fixes is different. */
  connector_required_value: {
    /** Whether the value must equal `expected` or (a list) include it. */
    readonly rule: 'equals' | 'includes';
    /** The value needed. */
    readonly expected: boolean | string | readonly string[];
  };
  /** A scope value that is not supported. */
  invalid_scope: {
    /** The value as written (`''` for a scope of only spaces). */
    readonly value: string;
    /** The supported values; `faas.<name>` stands for the named ones. */
    readonly allowed: readonly string[];
    /** The supported value it most likely means, if one is close. */
    readonly suggestion?: string | undefined;
  };
  /** A `client_name#<tag>` whose tag is not an RFC 5646 language tag. */
  invalid_language_tag: {
    /** The tag as written. */
    readonly tag: string;
  };
  /** Two localized names for the same tag (tags are case-insensitive). */
  duplicate_language_tag: {
    /** The tag as written. */
    readonly tag: string;
    /** The tag it repeats, as written there. */
    readonly other: string;
  };
  /** A localized name without a `client_name`. */
  localized_name_without_client_name: Record<string, never>;
  /** A URL that does not start with `https://`. */
  url_not_https: Record<string, never>;
  /** A URL without a host name. */
  url_malformed: Record<string, never>;
  /** A URL with a user name or password (never shown). */
  url_has_credentials: {
    /** What the URL is for, which decides the advice: a webhook `endpoint` (or `httpsUrl()`), a redirect URI, or a URL a browser opens (`logo_uri`, `entry_uri`). */
    readonly use: UrlUse;
    /** A `\` before the `@`, which browsers read as `/`: the URL names one host to a browser and another to other clients. */
    readonly backslash: boolean;
  };
  /** A URL with white space or control characters. */
  url_has_whitespace: Record<string, never>;
  /** An empty URL. */
  url_empty: Record<string, never>;
  /** A URL that is not set (`httpsUrl(undefined)`). */
  url_missing: Record<string, never>;
  /** A scheme written in upper case (`HTTPS://`). */
  url_scheme_not_lower_case: {
    /** The scheme as written. */
    readonly written: string;
    /** The scheme to write. */
    readonly expected: string;
  };
  /** A scheme written twice (`https://http://hooks.example.com/lp`). */
  url_scheme_repeated: {
    /** The schemes as written, `https://http://`. */
    readonly written: string;
    /** What to write: the first scheme, the host, then `…` where more follows (not shown: a path may hold a token). */
    readonly expected: string;
  };
  /** A URL that holds an unfilled placeholder such as `{domain}` or `<your-domain>`. */
  url_placeholder: {
    /** The placeholder as written; in a query, only its shape (`{…}`, `${…}` or `<…>`). */
    readonly placeholder: string;
    /** `query` where it is in the query, which is never quoted. */
    readonly part?: 'query';
  };
  /** A character beyond ASCII. */
  url_not_ascii: {
    /** The first such character. */
    readonly character: string;
    /** The host in punycode, where the character is in the host. */
    readonly punycodeHost?: string | undefined;
    /** The character percent-encoded as UTF-8, where it is not in the host. */
    readonly percentEncoded?: string | undefined;
  };
  /** A character RFC 3986 does not allow where it is. */
  url_invalid_character: {
    /** The character. */
    readonly character: string;
    /** Its index in the URL, from 0. */
    readonly position: number;
  };
  /** A `%` that does not start a `%HH` escape. */
  url_invalid_percent_encoding: {
    /** Its index in the URL, from 0. */
    readonly position: number;
  };
  /** A host that is not a DNS name or an IP literal. */
  url_invalid_host: {
    /** The host as written. */
    readonly host: string;
    /** What is wrong with it. */
    readonly problem: UrlHostProblem;
    /** The character not allowed, for `problem: 'character'`. */
    readonly character?: string | undefined;
  };
  /** A host that the WHATWG URL parser reads as another. */
  url_host_mismatch: {
    /** The host as written. */
    readonly host: string;
    /** The host the WHATWG parser finds. */
    readonly parsed: string;
  };
  /** A port that is not a number from 0 to 65535. */
  url_invalid_port: Record<string, never>;
  /** A URL longer than allowed. */
  url_too_long: {
    /** The limit, in characters. */
    readonly max: number;
    /** The length found, in characters. */
    readonly actual: number;
  };
  /** A `logo_uri` that is neither an `https://` URL nor a root-relative path. */
  invalid_logo_uri: Record<string, never>;
  /** A redirect URI of a form OAuth does not allow. */
  invalid_redirect_uri: Record<string, never>;
  /** A redirect URI with a fragment. */
  redirect_uri_has_fragment: Record<string, never>;
  /** An `http://` redirect URI to a host that is not loopback. */
  redirect_uri_insecure_http: Record<string, never>;
  /** A number that is not whole. */
  not_integer: {
    /** The smallest value allowed. */
    readonly min: number;
    /** The largest value allowed. */
    readonly max: number;
    /** What is counted (`seconds`), where it is not a plain count. */
    readonly unit?: string | undefined;
  };
  /** A whole number out of its range. */
  out_of_range: {
    /** The smallest value allowed. */
    readonly min: number;
    /** The largest value allowed. */
    readonly max: number;
    /** What is counted (`seconds`), where it is not a plain count. */
    readonly unit?: string | undefined;
  };
  /**
   * A header name that is not an HTTP token (not shown: it may be a pasted secret), with what is
   * wrong with it where that is one of the common faults.
   */
  invalid_header_name: {
    /** What is wrong, where it is a common fault; left out otherwise. */
    readonly problem?: HeaderNameProblem | undefined;
    /** The name to write instead, where it can be told and is a name (never a part that may be a secret). */
    readonly suggestion?: string | undefined;
  };
  /** A header name with LivePerson's own prefix. */
  reserved_header_name: {
    /** The prefix. */
    readonly prefix: string;
  };
  /** A header value with a control character (never shown). */
  header_value_control_character: Record<string, never>;
  /** A header name set twice (names are case-insensitive). */
  duplicate_header_name: {
    /** The name as written the second time. */
    readonly name: string;
  };
  /** A key LivePerson assigns when the app is installed (its value is never read). */
  server_assigned_key: {
    /** The key. */
    readonly key: string;
    /** Whether its value is a secret (`client_secret`). */
    readonly secret: boolean;
  };
  /** An `enabled_for_profiles` item that is not a positive whole number. */
  invalid_agent_profile_id: {
    /** The largest id allowed. */
    readonly max: number;
  };
  /** Scope values not separated by single spaces. */
  scope_spacing: {
    /** A space at the start. */
    readonly leading: boolean;
    /** A space at the end. */
    readonly trailing: boolean;
    /** Two or more spaces in a row. */
    readonly repeated: boolean;
  };
  /** A header that frames or routes the request (`Host`, `Content-Length`, …). */
  framing_header_name: {
    /** The name as written. */
    readonly name: string;
  };
  /** A header value beyond ASCII (never shown). */
  header_value_not_ascii: Record<string, never>;
  /** A `${{ NAME }}` placeholder whose variable is not set, or empty. */
  unresolved_placeholder: {
    /** The variable's name. */
    readonly variable: string;
    /** Whether it is set but empty. */
    readonly empty: boolean;
  };
  /** A `${{` that starts no placeholder. */
  malformed_placeholder: Record<string, never>;
  // warnings
  /** `max_retries` while `retry.retention_time` is set. */
  max_retries_with_retention: Record<string, never>;
  /** Response type `code` without the `authorization_code` grant. */
  code_without_authorization_code: Record<string, never>;
  /** The `authorization_code` grant without redirect URIs. */
  authorization_code_without_redirect_uris: Record<string, never>;
  /** An endpoint on a loopback, private or reserved host. */
  unreachable_endpoint_host: {
    /** The host, lower-cased. */
    readonly host: string;
  };
  /** A webhook or `entry_uri` host of one label (no dot). */
  single_label_host: {
    /** The host, lower-cased. */
    readonly host: string;
  };
  /** A header that describes the body (`Content-Type`, `Content-Encoding`). */
  body_header_name: {
    /** The name as written. */
    readonly name: string;
  };
  /** A header value that is empty, only white space, or padded with it (never shown). */
  header_value_whitespace: {
    /** Which. */
    readonly problem: 'empty' | 'blank' | 'padded';
  };
  /** A webhook `endpoint` with a fragment (`#…`), which is never sent in a request. */
  endpoint_has_fragment: {
    /** The URL that is requested: the endpoint before `#` (the message shows it without its query). */
    readonly requested: string;
  };
  /** A URL whose host ends with a dot (`hooks.example.com.`). */
  trailing_dot_host: {
    /** The host, lower-cased, with its dot. */
    readonly host: string;
    /** The host without it, to write instead. */
    readonly expected: string;
  };
  /** A top-level key the rules do not know, let through as written because `allowKeys` names it: not checked. */
  allowed_unknown_key: {
    /** The key. */
    readonly key: string;
  };
  /** A header name with `_`: valid, but dropped by nginx's default configuration (`underscores_in_headers off`). */
  header_name_underscore: {
    /** The name as written. */
    readonly name: string;
    /** The name with `-` for each `_`. */
    readonly suggestion: string;
  };
  /** Text or a host left from a template: LivePerson's placeholder texts, `init`'s starter, `{…}`, a `your-…` host label. */
  template_leftover: {
    /** Whether it is a URL's host or a field's whole text. */
    readonly kind: 'host' | 'text';
    /** The host (lower-cased) or the text, as found. */
    readonly value: string;
    /** Where it comes from. */
    readonly origin: LeftoverOrigin;
  };
  /** A connector-profile manifest with no webhook: a Connector API app receives nothing without one. */
  connector_without_webhooks: {
    /** What is missing: `capabilities`, `capabilities.webhooks`, or every event (only `retry` is set). */
    readonly missing: 'capabilities' | 'webhooks' | 'events';
  };
}

/**
 * What a URL is for, in `url_has_credentials`: `webhook` (a webhook `endpoint`, which LivePerson
 * calls, and `httpsUrl()`), `redirect` (a redirect URI, where an authorization server sends the
 * user's browser), `browser` (a URL a browser opens: `logo_uri`, `entry_uri`).
 *
 * @example
 * ```ts
 * import { validateManifest, type UrlUse } from 'lp-app-manifest';
 *
 * const result = validateManifest({ client_name: 'Acme', redirect_uris: ['com.example.app://user:pw@cb'] });
 * const issue = result.ok ? undefined : result.issues[0];
 * if (issue?.code === 'url_has_credentials') {
 *   const use: UrlUse = issue.params.use; // 'redirect'
 *   console.log(use);
 * }
 * ```
 */
export type UrlUse = 'webhook' | 'redirect' | 'browser';

/**
 * What is wrong with a header name (`invalid_header_name`'s `problem`): white space in it (`X Api
 * Key`); a trailing `:` (a pasted `Authorization:` line); a leading `:` (an HTTP/2 pseudo-header
 * such as `:authority`, RFC 9113 §8.3, which the client sets itself); a `:` within it (a whole
 * `Name: value` line pasted as the name).
 *
 * @example
 * ```ts
 * import { validateManifest, type HeaderNameProblem } from 'lp-app-manifest';
 *
 * const result = validateManifest({
 *   client_name: 'Acme',
 *   capabilities: {
 *     webhooks: {
 *       'cqm.ExConversationChangeNotification': {
 *         endpoint: 'https://hooks.example.com/lp',
 *         headers: [{ header_name: 'Authorization:', header_value: 'Bearer abc' }],
 *       },
 *     },
 *   },
 * });
 * // result.issues[0]: code 'invalid_header_name', params { problem: 'trailing_colon', suggestion: 'Authorization' }
 * const problem: HeaderNameProblem = 'trailing_colon';
 * console.log(result.ok, problem);
 * ```
 */
export type HeaderNameProblem = 'whitespace' | 'trailing_colon' | 'pseudo_header' | 'header_line';

/**
 * What a value must be, in `invalid_type`: a tag, worded by its message (`'object'` is "an object").
 *
 * @example
 * ```ts
 * import { validateManifest, type ExpectedType } from 'lp-app-manifest';
 *
 * const result = validateManifest({ client_name: 42 });
 * const issue = result.ok ? undefined : result.issues[0];
 * if (issue?.code === 'invalid_type') {
 *   const expected: ExpectedType = issue.params.expected; // 'string'
 *   console.log(expected, issue.params.received); // string number
 * }
 * ```
 */
export type ExpectedType = 'object' | 'array' | 'string' | 'integer' | 'positive_integer' | 'boolean' | 'json';

/**
 * What is wrong with a URL's host (`url_invalid_host`): a character that is
 * not a letter, digit, `-` or `.`; an empty label; a label longer than 63
 * characters; a label starting or ending with `-`; a name longer than 253
 * characters; a name ending in a number that is no IPv4 address; a bracketed
 * IP literal that is no IPv6 address; an `xn--` label that is no punycode.
 *
 * @example
 * ```ts
 * import { validateManifest, type IssueParams, type UrlHostProblem } from 'lp-app-manifest';
 *
 * const result = validateManifest({
 *   client_name: 'Acme',
 *   capabilities: { webhooks: { 'cqm.ExConversationChangeNotification': { endpoint: 'https://my_host.example.com/lp' } } },
 * });
 * // result.issues[0]: code 'url_invalid_host', message 'host "my_host.example.com" is not a DNS name: "_" is not allowed …'
 * const problem: UrlHostProblem = 'character';
 * const params: IssueParams['url_invalid_host'] = { host: 'my_host.example.com', problem, character: '_' };
 * console.log(result.ok, params);
 * ```
 */
export type UrlHostProblem =
  | 'character'
  | 'empty_label'
  | 'label_too_long'
  | 'label_hyphen'
  | 'too_long'
  | 'ipv4'
  | 'ip_literal'
  | 'idna';

/**
 * A stable, machine-readable issue code.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { validateManifest, type IssueCode } from 'lp-app-manifest';
 *
 * const result = validateManifest(JSON.parse(readFileSync('manifest.json', 'utf8')));
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
  'single_label_host',
  'body_header_name',
  'header_value_whitespace',
  'endpoint_has_fragment',
  'trailing_dot_host',
  'allowed_unknown_key',
  'header_name_underscore',
  'template_leftover',
  'connector_without_webhooks',
]);
