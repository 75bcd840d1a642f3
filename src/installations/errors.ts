/** The one error the installations client throws: a stable code, and a message that never holds a secret. */

/**
 * What went wrong, as a stable code:
 * - `config`: the environment is incomplete or not allowed (no credentials, an `http://` URL…);
 * - `auth`: LivePerson rejected the credentials (401/403), or the login is not an administrator's;
 * - `not_found`: no such installation (404);
 * - `stale`: some installation of the account changed since it was read (409/412 on update:
 *   `ac-revision` is the revision of the account's installations as a collection);
 * - `unavailable`: still failing (429, a 5xx, connection errors) after every try;
 * - `timeout`: no answer within the time allowed;
 * - `outcome_unknown`: a create may or may not have been stored (its answer was lost or a 500), or
 *   it was answered without the installation and reading it back found nothing or failed; or an
 *   update was answered with a server error (5xx), which may come after the write was stored;
 * - `ambiguous`: several installations match;
 * - `http`: any other error status;
 * - `protocol`: an answer this client cannot read.
 *
 * @example
 * ```ts
 * import type { InstallationsErrorCode } from 'lp-app-manifest/installations';
 *
 * const code: InstallationsErrorCode = 'stale';
 * ```
 */
export type InstallationsErrorCode =
  | 'config'
  | 'auth'
  | 'not_found'
  | 'stale'
  | 'unavailable'
  | 'timeout'
  | 'outcome_unknown'
  | 'ambiguous'
  | 'http'
  | 'protocol';

/**
 * The error every client method throws: a one-line `message` a person can act
 * on, a stable `code`, and the last HTTP `status` if there was one. Messages
 * never contain a token, password, key, `client_secret` or header value, nor
 * any text of the server's answer (which may echo them).
 *
 * @example
 * ```ts
 * import { InstallationsError } from 'lp-app-manifest/installations';
 *
 * const error = new InstallationsError('stale', 'the installation changed since it was read', 412);
 * console.log(error.code, error.status); // 'stale' 412
 * ```
 */
export class InstallationsError extends Error {
  override readonly name = 'InstallationsError';
  constructor(
    readonly code: InstallationsErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
