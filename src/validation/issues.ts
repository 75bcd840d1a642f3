import type { Profile } from '../types/manifest.js';
import { describeReceived, type ReceivedType } from './read.js';

/**
 * The parameters each issue code carries, as an issue's `params`: numbers,
 * tags and the names or values the issue is about (never a header value or
 * another secret), so that a program can act on an issue or word it anew
 * (see {@link formatIssue}). The set of keys is the closed list of stable
 * issue codes; the English wording of each is {@link MESSAGES}.
 *
 * @example
 * ```ts
 * import { makeIssue, type IssueParams } from 'lp-app-manifest';
 *
 * const params: IssueParams['duplicate_key'] = { key: 'endpoint', first: { line: 6, column: 9 }, again: { line: 7, column: 9 } };
 * makeIssue(['capabilities', 'webhooks'], 'duplicate_key', params).path; // 'capabilities.webhooks'
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
    readonly expected?: 'boolean' | 'object' | 'positive_integer' | undefined;
    /** The options the function takes. */
    readonly known: readonly string[];
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
  /** A URL with a user name or password. */
  url_has_credentials: Record<string, never>;
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
  /** A URL that holds an unfilled placeholder such as `{domain}`. */
  url_placeholder: {
    /** The placeholder as written. */
    readonly placeholder: string;
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
  /** A header name that is not an HTTP token (not shown: it may be a pasted secret). */
  invalid_header_name: Record<string, never>;
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
  // File-level codes: what the command line finds in the file or text it reads, before or beside the
  // manifest rules (validateManifest never reports them). Positions are 1-based lines and columns.
  /** The file does not exist. */
  file_not_found: {
    /** Whether a part of the path is not a directory. */
    readonly partIsNotDirectory: boolean;
  };
  /** The file could not be read. */
  file_unreadable: {
    /** The system's error code (`EACCES`), where known. */
    readonly errno: string | undefined;
  };
  /** A directory where a file was expected. */
  file_is_directory: Record<string, never>;
  /** A file over the size limit. */
  file_too_large: {
    /** The limit, in bytes. */
    readonly limit: number;
    /** The size, in bytes; unknown for a stream read up to the limit. */
    readonly size: number | undefined;
  };
  /** An empty file. */
  file_empty: Record<string, never>;
  /** A file that is not UTF-8. */
  file_not_utf8: Record<string, never>;
  /** Text that is not strict JSON. */
  invalid_json: {
    /** Why. */
    readonly reason: JsonSyntaxReason;
    /** Where, where known. */
    readonly line: number | undefined;
    /** Where, where known. */
    readonly column: number | undefined;
  };
  /** A member name twice in one JSON object. */
  duplicate_key: {
    /** The name. */
    readonly key: string;
    /** Where it is first. */
    readonly first: {
      /** Line, from 1. */
      readonly line: number;
      /** Column, from 1. */
      readonly column: number;
    };
    /** Where it is again. */
    readonly again: {
      /** Line, from 1. */
      readonly line: number;
      /** Column, from 1. */
      readonly column: number;
    };
  };
  /**
   * A member name twice in one JSON object, where the name is not an HTTP token: as
   * `duplicate_key`, but at the object, and the name is not shown (it may be a pasted
   * `Authorization: Bearer …` line).
   */
  duplicate_key_not_shown: {
    /** How the key starts: its leading letters, digits and other name characters (at most 40), before what is not shown. */
    readonly start: string;
    /** Where it is first. */
    readonly first: {
      /** Line, from 1. */
      readonly line: number;
      /** Column, from 1. */
      readonly column: number;
    };
    /** Where it is again. */
    readonly again: {
      /** Line, from 1. */
      readonly line: number;
      /** Column, from 1. */
      readonly column: number;
    };
  };
  /** A logo file that could not be read as an image. */
  logo_unreadable: {
    /** The file as given. */
    readonly file: string;
    /** Why. */
    readonly reason: LogoUnreadableReason;
  };
  /** A logo of the wrong size. */
  logo_wrong_size: {
    /** The file as given. */
    readonly file: string;
    /** Its width, in pixels. */
    readonly width: number;
    /** Its height, in pixels. */
    readonly height: number;
    /** The width and height it must have, in pixels. */
    readonly size: number;
  };
  /** A `$schema` for another profile than the one asked for. */
  schema_profile_mismatch: {
    /** The profile `$schema` names. */
    readonly schemaProfile: Profile;
    /** The profile asked for. */
    readonly profile: Profile;
  };
  // warnings
  /** `max_retries` while `retry.retention_time` is set. */
  max_retries_with_retention: Record<string, never>;
  /** Response type `code` without the `authorization_code` grant. */
  code_without_authorization_code: Record<string, never>;
  /** The `authorization_code` grant without redirect URIs. */
  authorization_code_without_redirect_uris: Record<string, never>;
  /** An endpoint on a loopback or private host. */
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
}

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
export type ExpectedType = 'object' | 'array' | 'string' | 'integer' | 'positive_integer' | 'boolean';

/**
 * Why a text is not JSON: a tag, worded by the `invalid_json` message.
 *
 * @example
 * ```ts
 * import { makeIssue, type JsonSyntaxReason } from 'lp-app-manifest';
 *
 * const reason: JsonSyntaxReason = 'trailing_comma_object';
 * makeIssue([], 'invalid_json', { reason, line: 4, column: 1 }).message;
 * // 'not valid JSON: trailing comma before "}" at line 4, column 1'
 * ```
 */
export type JsonSyntaxReason =
  | 'unexpected_end'
  | 'trailing_comma_object'
  | 'trailing_comma_array'
  | 'expected_property_name'
  | 'expected_colon'
  | 'expected_comma_or_brace'
  | 'expected_comma_or_bracket'
  | 'expected_value'
  | 'unexpected_character'
  | 'invalid_number'
  | 'unterminated_string'
  | 'control_character'
  | 'invalid_escape'
  | 'invalid_unicode_escape'
  | 'comment'
  | 'content_after_value'
  | 'too_deep'
  | 'unknown';

/**
 * Why a logo file could not be checked: the file-level code of the read, or not an image.
 *
 * @example
 * ```ts
 * import { makeIssue, type LogoUnreadableReason } from 'lp-app-manifest';
 *
 * const reason: LogoUnreadableReason = 'not_an_image';
 * makeIssue(['logo_uri'], 'logo_unreadable', { file: 'logo.png', reason }).message;
 * ```
 */
export type LogoUnreadableReason = 'file_not_found' | 'file_unreadable' | 'file_is_directory' | 'file_too_large' | 'not_an_image';

/**
 * The file-level codes: problems with the file or text the command line reads
 * (not found, not UTF-8, not JSON, a repeated key…), which `validateManifest`
 * never reports. They share the issues' shape, wording table and docs.
 *
 * @example
 * ```ts
 * import { FILE_ISSUE_CODES } from 'lp-app-manifest';
 *
 * FILE_ISSUE_CODES.includes('duplicate_key'); // true
 * ```
 */
export const FILE_ISSUE_CODES = [
  'file_not_found',
  'file_unreadable',
  'file_is_directory',
  'file_too_large',
  'file_empty',
  'file_not_utf8',
  'invalid_json',
  'duplicate_key',
  'duplicate_key_not_shown',
  'logo_unreadable',
  'logo_wrong_size',
  'schema_profile_mismatch',
] as const satisfies readonly IssueCode[];

/**
 * One of {@link FILE_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * import type { FileIssueCode, IssueCode } from 'lp-app-manifest';
 *
 * const code: FileIssueCode = 'duplicate_key';
 * const asIssueCode: IssueCode = code; // every file-level code is an issue code
 * ```
 */
export type FileIssueCode = (typeof FILE_ISSUE_CODES)[number];

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
  'schema_profile_mismatch',
]);

/**
 * One problem found in a manifest: a union discriminated by `code`, so that
 * checking the code narrows `params` to that code's {@link IssueParams}.
 * Plain data, deep-frozen; never holds a header value or another secret.
 *
 * @example
 * ```ts
 * import { validateManifest } from 'lp-app-manifest';
 *
 * const result = validateManifest({ client_name: 'x'.repeat(300) });
 * if (!result.ok) {
 *   for (const issue of result.issues) {
 *     console.log(`${issue.path}: ${issue.message} [${issue.code}]`);
 *     // client_name: must be at most 128 characters in the general profile (got 300) [too_long]
 *     if (issue.code === 'too_long') console.log(issue.params.max, issue.params.actual); // 128 300
 *   }
 * }
 * ```
 */
export type ValidationIssue<TCode extends IssueCode = IssueCode> = {
  readonly [TEach in TCode]: IssueOf<TEach>;
}[TCode];

/** The issue of one code (see {@link ValidationIssue}). */
interface IssueOf<TCode extends IssueCode> {
  /** Stable, machine-readable code, e.g. `url_not_https`. */
  readonly code: TCode;
  /** `error` fails validation; `warning` is valid but probably a mistake. */
  readonly severity: 'error' | 'warning';
  /** Where the issue is, e.g. `capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint`; `''` is the whole manifest. */
  readonly path: string;
  /** The same place as a list of keys and array indexes. */
  readonly segments: readonly (string | number)[];
  /** The data of the issue, by code (see {@link IssueParams}): what `message` is worded from. Never a header value. */
  readonly params: IssueParams[TCode];
  /** What is wrong and how to fix it, for a person, in English ({@link MESSAGES}). Never contains a header value. */
  readonly message: string;
}

const MAX_QUOTED = 100;

/** Quotes a value for a message, cut short so a huge input never makes a huge message. */
export function quote(value: string, max = MAX_QUOTED): string {
  if (value.length <= max) {
    // Most values need no escape: quoted as they are, as JSON.stringify would, without its cost.
    let plain = true;
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i);
      if (unit < 0x20 || unit === 0x22 || unit === 0x5c || unit > 0x7e) {
        plain = false;
        break;
      }
    }
    return plain ? `"${value}"` : JSON.stringify(value);
  }
  return JSON.stringify(`${value.slice(0, max)}…`);
}

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
const keyStart = (start: string): string =>
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
};

/** The supported scope values, and what a `<name>` in one of them may hold. */
function supportedScopes(allowed: readonly string[]): string {
  // The validator gives the same frozen list each time: its words are kept for it.
  if (allowed === supported.allowed) return supported.text;
  let listed = '';
  let named = false;
  for (let i = 0; i < allowed.length; i++) {
    const value = allowed[i]!;
    // Quoted as JSON.stringify would (never cut short).
    listed += `${i === 0 ? '' : ', '}${quote(value, value.length)}`;
    if (value.endsWith('<name>')) named = true;
  }
  const text = `supported: ${listed}${named ? '; a <name> is letters, digits, ".", "_" and "-"' : ''}`;
  if (Object.isFrozen(allowed)) supported = { allowed, text };
  return text;
}

/** The last frozen list {@link supportedScopes} worded, and its words. */
let supported: { readonly allowed: readonly string[] | undefined; readonly text: string } = { allowed: undefined, text: '' };

const NOT_SHOWN = '(the value is not shown because it may be a secret)';

const megabytes = (count: number): string => `${(count / (1024 * 1024)).toFixed(1)} MB`;
const bytes = (count: number): string => `${count.toLocaleString('en-US')} bytes`;

const JSON_SYNTAX_REASONS: { readonly [TReason in JsonSyntaxReason]: string } = {
  unexpected_end: 'unexpected end of input',
  trailing_comma_object: 'trailing comma before "}"',
  trailing_comma_array: 'trailing comma before "]"',
  expected_property_name: 'expected a property name in double quotes',
  expected_colon: 'expected ":" after a property name',
  expected_comma_or_brace: 'expected "," or "}"',
  expected_comma_or_bracket: 'expected "," or "]"',
  expected_value: 'expected a value',
  unexpected_character: 'unexpected character (expected a value)',
  invalid_number: 'invalid number',
  unterminated_string: 'unterminated string',
  control_character: 'control character in a string (write it as an escape such as \\n)',
  invalid_escape: 'invalid escape in a string',
  invalid_unicode_escape: 'invalid \\u escape in a string (needs four hex digits)',
  comment: 'comments are not allowed in JSON',
  content_after_value: 'unexpected content after the end of the JSON value',
  too_deep: 'nested more than 512 levels deep (a manifest needs 6)',
  unknown: 'syntax error',
};

const LOGO_FILE_REASONS: { readonly [TReason in Exclude<LogoUnreadableReason, 'not_an_image'>]: string } = {
  file_not_found: 'file not found',
  file_unreadable: 'cannot read the file',
  file_is_directory: 'is a directory, not a file',
  file_too_large: 'file is too large for a logo',
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

const OPTION_TYPE_WORDS = {
  boolean: 'true or false',
  object: 'an object',
  positive_integer: 'a positive integer or Infinity',
} as const;

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
    p.option === undefined
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
  url_has_credentials: () => 'must not contain a user name or password (an "@" before the host); send secrets in webhook headers',
  url_has_whitespace: () => 'must not contain white space or control characters',
  url_empty: () => 'is empty; it must be an "https://" URL',
  url_missing: () => 'is not set (undefined); it must be an "https://" URL',
  url_scheme_not_lower_case: (p) =>
    `must start with ${quote(`${p.expected}://`)} in lower case, not ${quote(`${p.written}://`)} (schemes are compared as written)`,
  url_placeholder: (p) => `${quote(p.placeholder, 64)} looks like an unfilled placeholder: replace it with the real value`,
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
  invalid_header_name: () => "must be an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only",
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
  file_not_found: (p) => (p.partIsNotDirectory ? 'file not found (a part of the path is not a directory)' : 'file not found'),
  file_unreadable: (p) =>
    p.errno === 'EACCES' || p.errno === 'EPERM'
      ? 'permission denied: cannot read the file'
      : `cannot read the file (${p.errno ?? 'unknown error'})`,
  file_is_directory: () => 'is a directory, not a file',
  file_too_large: (p) =>
    p.size === undefined
      ? `file is too large (over the limit of ${megabytes(p.limit)})`
      : megabytes(p.size) === megabytes(p.limit)
        ? // Just over: in megabytes the two would read the same.
          `file is too large (${bytes(p.size)}; the limit is ${bytes(p.limit)})`
        : `file is too large (${megabytes(p.size)}; the limit is ${megabytes(p.limit)})`,
  file_empty: () => 'file is empty',
  file_not_utf8: () => 'is not UTF-8 text (save it as UTF-8)',
  invalid_json: (p) =>
    `not valid JSON: ${JSON_SYNTAX_REASONS[p.reason]}${p.line === undefined ? '' : ` at line ${p.line}, column ${p.column ?? 1}`}`,
  duplicate_key: (p) =>
    `key ${quote(p.key)} appears more than once in this object (at line ${p.first.line}, column ${p.first.column} and at line ${p.again.line}, column ${p.again.column}); a JSON reader keeps only the last, silently: remove one`,
  duplicate_key_not_shown: (p) =>
    `a key that is not a name, ${keyStart(p.start)} (the rest is not shown: it may be a pasted "Name: value" header line, which may hold a secret), appears more than once in this object (at line ${p.first.line}, column ${p.first.column} and at line ${p.again.line}, column ${p.again.column}); a JSON reader keeps only the last, silently: remove one`,
  logo_unreadable: (p) =>
    p.reason === 'not_an_image'
      ? `logo ${quote(p.file)} is not an image (or not one the CLI can read: PNG, JPEG, GIF, SVG, WebP…)`
      : `logo ${quote(p.file)}: ${LOGO_FILE_REASONS[p.reason]}`,
  logo_wrong_size: (p) => `logo ${quote(p.file)} is ${p.width}x${p.height} pixels; it must be exactly ${p.size}x${p.size}`,
  schema_profile_mismatch: (p) =>
    `"$schema" names the ${p.schemaProfile} schema, but the ${p.profile} profile was asked for (--profile); checked against ${p.profile}`,
  max_retries_with_retention: () =>
    'max_retries is ignored while retry.retention_time is set (only max_retries: 0, the opt-out, still applies)',
  code_without_authorization_code: () => 'response_types has "code" but grant_types lacks "authorization_code"',
  authorization_code_without_redirect_uris: () => 'grant_types has "authorization_code" but there are no redirect_uris',
  unreachable_endpoint_host: (p) => `host ${quote(p.host)} is loopback or private: LivePerson's servers cannot reach it`,
  single_label_host: (p) =>
    `host ${quote(p.host)} is a single label (no dot): not a public DNS name, so it cannot be reached over the internet (most likely an unfilled placeholder); use the full host name, e.g. "hooks.example.com"`,
  body_header_name: (p) =>
    `${quote(p.name)} describes the body: LivePerson sets the body and its type, and overriding it can make the receiver misread the notification`,
  header_value_whitespace: (p) =>
    p.problem === 'padded'
      ? `has leading or trailing white space, which is stripped in transit (RFC 9110 §5.5) ${NOT_SHOWN}`
      : `is ${p.problem === 'empty' ? 'empty' : 'only white space'}: an unset secret usually looks like this ${NOT_SHOWN}`,
};

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

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Each key segment as it is written after its parent (`.key` or `["key"]`), kept once made: the
 * same few keys (the rules') come back in every manifest. Bounded, so that hostile keys cannot
 * make it grow without end; past the bound a segment is formatted each time, the same way.
 */
const SEGMENTS = /* @__PURE__ */ new Map<string, string>();
const SEGMENTS_MAX = 1024;

function keySegment(key: string): string {
  let text = SEGMENTS.get(key);
  if (text === undefined) {
    // A long key is quoted, and so cut short, even when it looks like an identifier: a huge input never makes a huge path.
    text = key.length <= 4 * MAX_QUOTED && IDENTIFIER.test(key) ? `.${key}` : `[${quote(key, 4 * MAX_QUOTED)}]`;
    if (SEGMENTS.size < SEGMENTS_MAX) SEGMENTS.set(key, text);
  }
  return text;
}

/** A path (`''` for the whole manifest) with one more segment: `.key`, `["key"]` or `[0]`. */
export function appendSegment(path: string, segment: string | number): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  const text = keySegment(segment);
  // The first key of a path has no dot before it.
  return path === '' && text.charCodeAt(0) === 0x2e ? text.slice(1) : path + text;
}

/** Formats path segments as `capabilities.webhooks["…"].headers[0].header_name`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (let i = 0; i < segments.length; i++) out = appendSegment(out, segments[i]!);
  return out;
}

/** The parameters of every code that has none: one frozen empty object, shared. */
export const NO_PARAMS: Record<string, never> = /* @__PURE__ */ Object.freeze({});

/** Parameters of only strings, numbers and booleans, none of them optional: frozen as they are. */
type FlatParams<TParams> = {
  [TKey in keyof TParams]-?: undefined extends TParams[TKey]
    ? false
    : TParams[TKey] extends string | number | boolean
      ? true
      : false;
}[keyof TParams] extends true
  ? true
  : false;

/** The codes whose parameters are not flat: an optional one (left out when unset) or a list or object (frozen too). */
type DeepParamCode = { [TCode in IssueCode]: FlatParams<IssueParams[TCode]> extends true ? never : TCode }[IssueCode];

/** Every {@link DeepParamCode}: the compiler checks that none is missing (below) and that each is one. */
const DEEP_PARAM_CODES = [
  'invalid_options',
  'invalid_type',
  'required',
  'unknown_key',
  'invalid_profile',
  'invalid_enum_value',
  'connector_required_value',
  'invalid_scope',
  'url_not_ascii',
  'url_invalid_host',
  'not_integer',
  'out_of_range',
  'file_unreadable',
  'file_too_large',
  'invalid_json',
  'duplicate_key',
  'duplicate_key_not_shown',
] as const satisfies readonly DeepParamCode[];
/** Compiles only while {@link DEEP_PARAM_CODES} lists every {@link DeepParamCode}. */
const DEEP_PARAM_CODES_COMPLETE: [Exclude<DeepParamCode, (typeof DEEP_PARAM_CODES)[number]>] extends [never] ? true : never =
  true;
void DEEP_PARAM_CODES_COMPLETE;

/**
 * Each code's severity and wording, found with one lookup per issue (a Map: a lookup by a
 * varying key in a table of 67 properties is slower, measured with bench/compare.ts).
 */
const CODE_INFO = /* @__PURE__ */ (() =>
  new Map(
    (Object.keys(MESSAGES) as IssueCode[]).map(
      (code) =>
        [
          code,
          {
            severity: WARNING_CODES.has(code) ? 'warning' : 'error',
            word: MESSAGES[code],
            deep: (DEEP_PARAM_CODES as readonly IssueCode[]).includes(code),
          },
        ] as const,
    ),
  ))() as ReadonlyMap<
  IssueCode,
  { readonly severity: 'error' | 'warning'; readonly word: (params: never) => string; readonly deep: boolean }
>;

/**
 * Makes an issue at a place given as its path and its frozen segments (the validator keeps both
 * for the places it reports at often), from parameters it has just made (frozen here). When
 * `previous` (the issue made just before, in the same validation) has the same code and equal
 * flat parameters, as the five endpoints of LivePerson's template on the same one-label host
 * do, its frozen parameters and its message are used again: the same data, made once.
 */
export function createIssue<TCode extends IssueCode>(
  path: string,
  segments: readonly (string | number)[],
  code: TCode,
  params: IssueParams[TCode],
  previous?: ValidationIssue,
): ValidationIssue<TCode> {
  const info = CODE_INFO.get(code)!;
  let frozen: IssueParams[TCode];
  let message: string;
  if (previous !== undefined && previous.code === code && !info.deep && sameFlatParams(previous.params, params)) {
    frozen = previous.params as IssueParams[TCode];
    message = previous.message;
  } else {
    frozen = params === NO_PARAMS ? params : info.deep ? freezeParams(params) : (Object.freeze(params) as IssueParams[TCode]);
    message = (info.word as (params: IssueParams[TCode]) => string)(params);
  }
  return Object.freeze({
    code,
    severity: info.severity,
    path,
    segments,
    params: frozen,
    message,
  } as IssueOf<TCode>) as ValidationIssue<TCode>;
}

/** Whether flat parameters of one code (the same keys, none optional) have the same values. */
function sameFlatParams(a: object, b: object): boolean {
  for (const key in b) if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  return true;
}

/**
 * Freezes parameters the validator has just made, with what they hold (a list, a position): at
 * most two levels.
 */
function freezeParams<TParams>(params: TParams): TParams {
  for (const key in params) {
    const value: unknown = params[key];
    // An unset optional parameter is left out, as JSON would (`{ key }`, not `{ key, suggestion: undefined }`).
    if (value === undefined) delete params[key];
    else if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) Object.freeze(value);
  }
  return Object.freeze(params);
}

/** Freezes a fresh, acyclic value and everything in it; returns it. */
export function deepFreeze<TValue>(value: TValue): TValue {
  if (typeof value === 'object' && value !== null) {
    for (const entry of Object.values(value)) deepFreeze(entry);
    Object.freeze(value);
  }
  return value;
}

/** A copy of parameters given from outside, as plain data: own keys, lists and objects copied, `undefined` left out. */
function copyParams(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyParams);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = copyParams(entry);
  return out;
}

/**
 * Makes an issue from a path, a code and its parameters, worded by the one
 * message table: how the CLI reports the file-level codes in the same shape
 * as the validator's issues. The severity comes from the code.
 *
 * @example
 * ```ts
 * import { formatIssue, makeIssue } from 'lp-app-manifest';
 *
 * const issue = makeIssue(['capabilities', 'webhooks'], 'duplicate_key', {
 *   key: 'cqm.ExConversationChangeNotification',
 *   first: { line: 4, column: 7 },
 *   again: { line: 9, column: 7 },
 * });
 * console.log(formatIssue(issue));
 * ```
 */
export function makeIssue<TCode extends IssueCode>(
  segments: readonly (string | number)[],
  code: TCode,
  params: IssueParams[TCode],
): ValidationIssue<TCode> {
  // A copy, deep-frozen: the caller's objects are neither frozen nor shared.
  return createIssue(
    formatPath(segments),
    Object.freeze([...segments]),
    code,
    deepFreeze(copyParams(params)) as IssueParams[TCode],
  );
}
