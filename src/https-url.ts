import type { HttpsUrl } from './types/https-url.js';
import { checkHttpsUrl } from './validation/checks.js';
import { ManifestValidationError } from './validation/error.js';
import { makeIssue } from './validation/issues.js';
import { describeType } from './validation/read.js';

/**
 * Whether a value is an `https://` URL LivePerson can call (the rules of a
 * webhook endpoint), as a type guard.
 *
 * @example
 * ```ts
 * const url = process.env.WEBHOOK_URL;
 * if (isHttpsUrl(url)) builder = builder.webhook('cqm.ExConversationChangeNotification', url);
 * ```
 */
export function isHttpsUrl(value: unknown): value is HttpsUrl {
  return typeof value === 'string' && checkHttpsUrl(value) === undefined;
}

/**
 * Checks a runtime string (from `process.env`, a config file, …) and returns
 * it as an {@link HttpsUrl}, or throws a {@link ManifestValidationError} that
 * says what is wrong. `label` names the value in the error (say, the
 * environment variable), so a deployment log says which setting to fix.
 *
 * @param value - The URL; `undefined` (an unset environment variable) is reported as missing.
 * @param label - What to call the value in the error's `path`, e.g. `'CONV_URL'`.
 *
 * @example
 * ```ts
 * const endpoint = httpsUrl(process.env.CONV_URL, 'CONV_URL');
 * // throws if unset: "CONV_URL: is required [required]"
 * // or if wrong:     "CONV_URL: must start with "https://" [url_not_https]"
 * ManifestBuilder.connector().webhook('cqm.ExConversationChangeNotification', endpoint);
 * ```
 */
export function httpsUrl(value: string | undefined, label?: string): HttpsUrl {
  const at = label === undefined ? [] : [label];
  if (value === undefined) throw new ManifestValidationError([makeIssue(at, 'required', {})]);
  if (typeof value !== 'string') {
    throw new ManifestValidationError([makeIssue(at, 'invalid_type', { expected: 'a string', received: describeType(value) })]);
  }
  const issue = checkHttpsUrl(value);
  if (issue !== undefined) throw new ManifestValidationError([makeIssue(at, issue, {})]);
  return value as HttpsUrl;
}
