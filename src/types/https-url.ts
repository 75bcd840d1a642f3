import type { EnvReference } from '../template/env.js';
/**
 * The brand of {@link HttpsUrl}: a symbol that exists only in the types, so no
 * plain `string` is an `HttpsUrl` and no property shows up on one.
 */
declare const httpsUrlBrand: unique symbol;

/**
 * A string checked to be an `https://` URL LivePerson can call: made by
 * `httpsUrl()` or narrowed by `isHttpsUrl()`.
 *
 * @example
 * ```ts
 * import { httpsUrl, type HttpsUrl } from 'lp-app-manifest';
 *
 * const endpoint: HttpsUrl = httpsUrl(process.env.WEBHOOK_URL, 'WEBHOOK_URL');
 * ```
 */
export type HttpsUrl = string & {
  /** The brand: a type-only property no plain `string` has. */
  readonly [httpsUrlBrand]: 'HttpsUrl';
};

/**
 * What a URL argument accepts: a literal that starts with `https://`, an
 * {@link HttpsUrl}, or an `env('NAME')` reference filled in by `build()`. A
 * plain `string` (say, from `process.env`) must go through `httpsUrl()` first.
 *
 * @example
 * ```ts
 * import { httpsUrl, type HttpsUrlInput } from 'lp-app-manifest';
 *
 * const literal: HttpsUrlInput = 'https://hooks.example.com/lp';
 * const checked: HttpsUrlInput = httpsUrl(process.env.HOOK_URL, 'HOOK_URL');
 * ```
 */
export type HttpsUrlInput = HttpsUrl | `https://${string}` | EnvReference;
