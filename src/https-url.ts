import type { HttpsUrl } from './types/https-url.js';
import { URL_MAX_LENGTH } from './rules/tables.js';
import { checkHttpsUrl, codePointLength } from './validation/checks.js';
import { ManifestValidationError } from './validation/error.js';
import { makeIssue, type ValidationIssue } from './validation/issue.js';
import { receivedOf } from './validation/read.js';

/**
 * Whether a value is an `https://` URL LivePerson can call (the rules of a
 * webhook endpoint), as a type guard.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, isHttpsUrl } from 'lp-app-manifest';
 *
 * let builder = ManifestBuilder.connector().clientName('Acme Connector');
 * const url = process.env.WEBHOOK_URL;
 * if (isHttpsUrl(url)) builder = builder.webhook('cqm.ExConversationChangeNotification', url);
 * ```
 */
export function isHttpsUrl(value: unknown): value is HttpsUrl {
  return typeof value === 'string' && urlLength(value) === undefined && checkHttpsUrl(value) === undefined;
}

/**
 * Checks a runtime string (from `process.env`, a config file, …) and returns
 * it as an {@link HttpsUrl}, or throws a {@link ManifestValidationError} that
 * says what is wrong. `label` names the value in the error (say, the
 * environment variable), so a deployment log says which setting to fix.
 *
 * The URL is checked as written, as a webhook `endpoint` is: `https://` in
 * lower case; RFC 3986 characters only (ASCII, no space, `\`, `{`, `}`, `|`,
 * `^`, `` ` ``, `"`, `<`, `>`), every `%` a `%HH` escape; no user name or
 * password; the scheme once (not `https://http://…`); a DNS name (labels of
 * letters, digits and `-`, 1 to 63 each, at most 253 in all; RFC 1123, RFC 1035)
 * read as the same host by the WHATWG URL parser, or an IP address (IPv6 in
 * brackets, in any RFC 4291 spelling); a port up to 65535; at most 2,048
 * characters. Every problem found is in the error's `issues`. (A webhook
 * endpoint's warnings, such as a fragment that is never sent, are the
 * validator's: `httpsUrl()` throws only on errors.)
 *
 * @param value - The URL; `undefined` (an unset environment variable) is reported as not set (`url_missing`), `''` as empty (`url_empty`).
 * @param label - What to call the value in the error's `path` and first line, e.g. `'CONV_URL'`; without it the path is `(root)`.
 * @throws {@link ManifestValidationError} with every problem, each with a stable code (e.g. `url_not_https`, `url_invalid_host`).
 *
 * @example
 * ```ts
 * import { ManifestBuilder, httpsUrl } from 'lp-app-manifest';
 *
 * const endpoint = httpsUrl(process.env.CONV_URL, 'CONV_URL');
 * // Unset, it throws: Invalid value of CONV_URL (1 issue):
 * //   ✖ CONV_URL: is not set (undefined); it must be an "https://" URL [url_missing]
 * // Empty: "CONV_URL: is empty; …" [url_empty]; "HTTPS://…": "… in lower case …" [url_scheme_not_lower_case]
 * ManifestBuilder.connector().webhook('cqm.ExConversationChangeNotification', endpoint);
 * ```
 */
export function httpsUrl(value: string | undefined, label?: string): HttpsUrl {
  const at = label === undefined ? [] : [label];
  const subject = label === undefined ? 'URL' : `value of ${label}`;
  const fail = (issues: readonly [ValidationIssue, ...ValidationIssue[]]): never => {
    throw new ManifestValidationError(issues, [], subject);
  };
  if (value === undefined) return fail([makeIssue(at, 'url_missing', {})]);
  if (typeof value !== 'string') {
    return fail([makeIssue(at, 'invalid_type', { expected: 'string', ...receivedOf(value) })]);
  }
  const issues: ValidationIssue[] = [];
  const length = urlLength(value);
  if (length !== undefined) issues.push(makeIssue(at, 'url_too_long', { max: URL_MAX_LENGTH, actual: length }));
  const issue = checkHttpsUrl(value);
  if (issue !== undefined) {
    // Checked as a webhook endpoint is: a user name or password is worded for one.
    issues.push(
      issue.code === 'url_has_credentials'
        ? makeIssue(at, issue.code, { use: 'webhook', backslash: issue.params.backslash })
        : makeIssue(at, issue.code, issue.params),
    );
  }
  const [first, ...more] = issues;
  if (first !== undefined) return fail([first, ...more]);
  return value as HttpsUrl;
}

/** The length of a URL longer than {@link URL_MAX_LENGTH}, in code points; `undefined` if it is not. */
function urlLength(value: string): number | undefined {
  if (value.length <= URL_MAX_LENGTH) return undefined;
  const length = codePointLength(value);
  return length > URL_MAX_LENGTH ? length : undefined;
}
