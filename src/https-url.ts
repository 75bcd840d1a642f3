import type { HttpsUrl } from './types/https-url.js';
import { checkHttpsUrl } from './validation/checks.js';
import { ManifestValidationError } from './validation/error.js';
import { makeIssue } from './validation/issues.js';

/**
 * Whether a value is an `https://` URL LivePerson can call (the rules of a
 * webhook endpoint), as a type guard.
 *
 * @example
 * ```ts
 * const url = process.env.WEBHOOK_URL;
 * if (url !== undefined && isHttpsUrl(url)) builder = builder.webhook('cqm.ExConversationChangeNotification', url);
 * ```
 */
export function isHttpsUrl(value: unknown): value is HttpsUrl {
  return typeof value === 'string' && checkHttpsUrl(value) === undefined;
}

/**
 * Checks a runtime string (from `process.env`, a config file, …) and returns
 * it as an {@link HttpsUrl}, or throws a {@link ManifestValidationError} that
 * says what is wrong.
 *
 * @example
 * ```ts
 * const endpoint = httpsUrl(process.env.CONV_URL ?? '');
 * ManifestBuilder.connector().webhook('cqm.ExConversationChangeNotification', endpoint);
 * ```
 */
export function httpsUrl(value: string): HttpsUrl {
  if (typeof value !== 'string') {
    throw new ManifestValidationError([
      makeIssue([], 'invalid_type', { expected: 'a string', received: value === null ? 'null' : typeof value }),
    ]);
  }
  const issue = checkHttpsUrl(value);
  if (issue !== undefined) throw new ManifestValidationError([makeIssue([], issue, {})]);
  return value as HttpsUrl;
}
