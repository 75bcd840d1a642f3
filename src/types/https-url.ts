import type { Tagged } from 'type-fest';

/**
 * A string checked to be an `https://` URL LivePerson can call: made by
 * `httpsUrl()` or narrowed by `isHttpsUrl()`.
 *
 * @example
 * ```ts
 * const endpoint: HttpsUrl = httpsUrl(process.env.WEBHOOK_URL ?? '');
 * ```
 */
export type HttpsUrl = Tagged<string, 'HttpsUrl'>;

/**
 * What a URL argument accepts: a literal that starts with `https://`, or an
 * {@link HttpsUrl}. A plain `string` (say, from `process.env`) must go
 * through `httpsUrl()` first.
 *
 * @example
 * ```ts
 * const literal: HttpsUrlInput = 'https://hooks.example.com/lp';
 * const checked: HttpsUrlInput = httpsUrl(process.env.HOOK_URL ?? '');
 * ```
 */
export type HttpsUrlInput = HttpsUrl | `https://${string}`;
