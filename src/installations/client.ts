/**
 * A client for LivePerson's App Installations API (account-config service):
 * hosts from the Domain API (CSDS), a bearer from the Login API, and list,
 * get, create and update with revisions, retries and a bounded total time.
 * Nothing secret ever appears in an error it throws.
 */
import { createRequire } from 'node:module';
import type { Installation } from './plan.js';
import { isObject } from './json.js';

/** The Domain API (CSDS) LivePerson documents for every account ("Retrieve API Domains"). */
export const DEFAULT_CSDS_URL = 'https://api.liveperson.net';

/** The longest a whole operation (all tries and waits) may take by default, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** At most this many tries per request (the first one included). */
export const MAX_TRIES = 4;

/**
 * What went wrong, as a stable code:
 * - `config`: the environment is incomplete or not allowed (no credentials, an `http://` URL…);
 * - `auth`: LivePerson rejected the credentials (401/403);
 * - `not_found`: no such installation (404);
 * - `stale`: the installation changed since it was read (409/412 on update);
 * - `unavailable`: still failing (429, 502, 503, 504, connection errors) after every try;
 * - `timeout`: no answer within the time allowed;
 * - `outcome_unknown`: a create may or may not have been stored, and listing could not tell;
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

/**
 * Time, for the retry waits and the total time limit; tests pass a fake one
 * so that retries do not sleep for real.
 *
 * @example
 * ```ts
 * import type { Clock } from 'lp-app-manifest/installations';
 *
 * let now = 0;
 * const clock: Clock = { now: () => now, sleep: async (ms) => { now += ms; } };
 * ```
 */
export interface Clock {
  /** Milliseconds, increasing. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The environment variables the client reads (all optional; see {@link credentialsFromEnv}). */
type Env = Readonly<Record<string, string | undefined>>;

/**
 * How the client authenticates, read from the environment by
 * {@link credentialsFromEnv}: a bearer token as is, or a Login API user or
 * application login. `variables` names the variables used (never their values).
 *
 * @example
 * ```ts
 * import type { Credentials } from 'lp-app-manifest/installations';
 *
 * const credentials: Credentials = { kind: 'bearer', token: 'example-token', variables: ['LP_BEARER_TOKEN'] };
 * ```
 */
export type Credentials =
  | { readonly kind: 'bearer'; readonly token: string; readonly variables: readonly string[] }
  | { readonly kind: 'user'; readonly username: string; readonly password: string; readonly variables: readonly string[] }
  | {
      readonly kind: 'application';
      readonly username: string;
      readonly appKey: string;
      readonly secret: string;
      readonly accessToken: string;
      readonly accessTokenSecret: string;
      readonly variables: readonly string[];
    };

const APP_VARIABLES = ['LP_APP_KEY', 'LP_APP_SECRET', 'LP_ACCESS_TOKEN', 'LP_ACCESS_TOKEN_SECRET'] as const;

/**
 * Reads credentials from environment variables, in this order:
 * `LP_BEARER_TOKEN`; or `LP_USERNAME` + `LP_APP_KEY` + `LP_APP_SECRET` +
 * `LP_ACCESS_TOKEN` + `LP_ACCESS_TOKEN_SECRET` (Login API application login);
 * or `LP_USERNAME` + `LP_PASSWORD` (Login API user login). An incomplete set
 * is an {@link InstallationsError} (`config`) naming the missing variables.
 *
 * @param env - Defaults to `process.env`.
 *
 * @example
 * ```ts
 * import { credentialsFromEnv } from 'lp-app-manifest/installations';
 *
 * const credentials = credentialsFromEnv({ LP_USERNAME: 'admin', LP_PASSWORD: 'example' });
 * console.log(credentials.kind, credentials.variables); // 'user' ['LP_USERNAME', 'LP_PASSWORD']
 * ```
 */
export function credentialsFromEnv(env: Env = process.env): Credentials {
  const get = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const token = get('LP_BEARER_TOKEN');
  if (token !== undefined) {
    // It goes into the Authorization header: a line break or a non-ASCII character would make every request fail
    // before it is sent, which would otherwise read as an outage. (RFC 6750 §2.1: a token is visible ASCII.)
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw new InstallationsError(
        'config',
        'LP_BEARER_TOKEN is not a usable token: it holds a space, a line break or another control character, or a non-ASCII character (the value is not shown)',
      );
    }
    return { kind: 'bearer', token, variables: ['LP_BEARER_TOKEN'] };
  }
  const username = get('LP_USERNAME');
  const appSet = APP_VARIABLES.filter((name) => get(name) !== undefined);
  if (appSet.length > 0 && get('LP_PASSWORD') === undefined) {
    const missing = ['LP_USERNAME', ...APP_VARIABLES].filter((name) => get(name) === undefined);
    if (missing.length > 0) {
      throw new InstallationsError(
        'config',
        `application login needs ${missing.join(', ')} as well (it has ${appSet.join(', ')})`,
      );
    }
    const value = (name: string): string => get(name) ?? '';
    return {
      kind: 'application',
      username: value('LP_USERNAME'),
      appKey: value('LP_APP_KEY'),
      secret: value('LP_APP_SECRET'),
      accessToken: value('LP_ACCESS_TOKEN'),
      accessTokenSecret: value('LP_ACCESS_TOKEN_SECRET'),
      variables: ['LP_USERNAME', ...APP_VARIABLES],
    };
  }
  const password = get('LP_PASSWORD');
  if (username !== undefined && password !== undefined)
    return { kind: 'user', username, password, variables: ['LP_USERNAME', 'LP_PASSWORD'] };
  if (username !== undefined || password !== undefined) {
    throw new InstallationsError(
      'config',
      `user login needs both LP_USERNAME and LP_PASSWORD (${username === undefined ? 'LP_USERNAME' : 'LP_PASSWORD'} is not set)`,
    );
  }
  throw new InstallationsError(
    'config',
    'no credentials: set LP_BEARER_TOKEN, or LP_USERNAME and LP_PASSWORD, or LP_USERNAME, LP_APP_KEY, LP_APP_SECRET, LP_ACCESS_TOKEN and LP_ACCESS_TOKEN_SECRET',
  );
}

/**
 * Options of {@link createInstallationsClient}.
 *
 * @example
 * ```ts
 * import type { InstallationsClientOptions } from 'lp-app-manifest/installations';
 *
 * const options: InstallationsClientOptions = { account: '12345678', timeoutMs: 10_000 };
 * ```
 */
export interface InstallationsClientOptions {
  /** The LivePerson account (site) id. */
  readonly account: string;
  /** Where credentials and `LP_CSDS_URL` are read from; defaults to `process.env`. */
  readonly env?: Env;
  /** The `fetch` to use; defaults to the global one. */
  readonly fetch?: typeof fetch;
  /** Time for waits and limits; defaults to the real clock. */
  readonly clock?: Clock;
  /** A random number in [0, 1) for the back-off jitter; defaults to `Math.random`. */
  readonly random?: () => number;
  /** The longest one operation (all its requests, tries and waits) may take, in milliseconds; default {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/**
 * An installation and the revision it was read at (the `ac-revision`
 * response header, or `ETag`), which an update must send back as `If-Match`.
 *
 * @example
 * ```ts
 * import type { ReadInstallation } from 'lp-app-manifest/installations';
 *
 * const read: ReadInstallation = { installation: { id: 'a1', client_name: 'Bot' }, revision: '3' };
 * ```
 */
export interface ReadInstallation {
  readonly installation: Installation;
  readonly revision: string | undefined;
}

/**
 * What {@link InstallationsClient.create} returns: the installation as
 * LivePerson stored it, and `recovered: true` when the create's answer was
 * lost and the installation was found by listing instead.
 *
 * @example
 * ```ts
 * import type { CreatedInstallation } from 'lp-app-manifest/installations';
 *
 * const created: CreatedInstallation = { installation: { id: 'a1' }, revision: undefined, recovered: false };
 * ```
 */
export interface CreatedInstallation extends ReadInstallation {
  readonly recovered: boolean;
}

/**
 * The App Installations API of one account. Every method throws an
 * {@link InstallationsError} on failure.
 *
 * @example
 * ```ts
 * import { createInstallationsClient, type InstallationsClient } from 'lp-app-manifest/installations';
 *
 * const client: InstallationsClient = createInstallationsClient({ account: '12345678' });
 * const installations = await client.list();
 * ```
 */
export interface InstallationsClient {
  /** Every installation of the account. */
  list(): Promise<readonly Installation[]>;
  /** One installation and its revision; `not_found` if there is none. */
  get(id: string): Promise<ReadInstallation>;
  /**
   * Installs an app: `POST`s the manifest. A create whose outcome is unknown
   * (connection lost, timeout, a gateway error) is never simply repeated: the
   * installations are listed first, and one whose `client_name` equals the
   * manifest's is taken as the one created.
   */
  create(manifest: Installation): Promise<CreatedInstallation>;
  /**
   * Replaces an installation: `PUT`s the full body with `If-Match: revision`.
   * `stale` when LivePerson answers 409 or 412 (changed since it was read).
   */
  update(id: string, body: Installation, revision: string): Promise<ReadInstallation>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface Hosts {
  readonly scheme: 'https:' | 'http:';
  readonly csds: string;
}

/** Reads `LP_CSDS_URL`: https anywhere, http only on a loopback host (a local fake). */
function readCsds(env: Env): Hosts {
  const raw = env['LP_CSDS_URL'];
  if (raw === undefined || raw === '') return { scheme: 'https:', csds: DEFAULT_CSDS_URL };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InstallationsError('config', 'LP_CSDS_URL is not a URL');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new InstallationsError(
      'config',
      'LP_CSDS_URL must be a plain URL: no user name or password, query or fragment (https://, or http:// to this machine only)',
    );
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new InstallationsError(
      'config',
      'LP_CSDS_URL uses http://, which is allowed only on a loopback host (127.0.0.1, localhost, [::1]); use https://',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InstallationsError('config', 'LP_CSDS_URL must be an https:// URL');
  return { scheme: url.protocol, csds: url.href.replace(/\/+$/, '') };
}

/** The base URL of a service host from the Domain API, under the scheme rules. */
function serviceBase(hosts: Hosts, service: string, baseURI: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(baseURI) ? baseURI : `https://${baseURI}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InstallationsError('protocol', `the Domain API gave an unusable host for ${service}`);
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    (url.pathname !== '/' && url.pathname !== '')
  ) {
    throw new InstallationsError('protocol', `the Domain API gave an unusable host for ${service}`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !(hosts.scheme === 'http:' && loopback)) {
    throw new InstallationsError('config', `the Domain API gave an http:// host for ${service}; only https:// is used`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InstallationsError('protocol', `the Domain API gave an unusable host for ${service}`);
  // A loopback host behind a loopback http Domain API is a local fake: it is called over http.
  const scheme = hosts.scheme === 'http:' && loopback ? 'http:' : 'https:';
  return `${scheme}//${url.host}`;
}

let cachedUserAgent: string | undefined;
/** `lp-app-manifest/<version>` and the Node.js version. */
function userAgent(): string {
  if (cachedUserAgent !== undefined) return cachedUserAgent;
  let version = 'unknown';
  try {
    const manifest: unknown = createRequire(import.meta.url)('lp-app-manifest/package.json');
    const value = typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
    if (typeof value === 'string') version = value;
  } catch {
    // The version is a courtesy to LivePerson's logs; without it the request is as good.
  }
  cachedUserAgent = `lp-app-manifest/${version} (node ${process.version})`;
  return cachedUserAgent;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** A request that ended without an answer worth reading, with the reason for the final message. */
type Attempt =
  | { readonly ok: true; readonly answer: Answer }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly status?: number;
      readonly retryAfterMs?: number;
      readonly timedOut?: boolean;
    };

const RETRYABLE = new Set([429, 502, 503, 504]);

function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const statusText = (status: number): string => `HTTP ${status}`;

function parseJson(answer: Answer, what: string): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new InstallationsError('protocol', `${what}: LivePerson's answer is not JSON (HTTP ${answer.status})`, answer.status);
  }
}

/** Fields LivePerson may change on its own when it stores an update. */
const SERVER_ASSIGNED: ReadonlySet<string> = new Set(['client_secret', 'client_secret_expires_at', 'client_id_issued_at']);

/** Deep equality of JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}

/** The list in an answer: an array, or the one array inside an object (`{ "installations": [...] }`). */
function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return undefined;
  const arrays = Object.values(value).filter(Array.isArray);
  return arrays.length === 1 ? arrays[0] : undefined;
}

/**
 * Creates a client for an account's App Installations API. Nothing is
 * requested until a method is called; the service hosts (one Domain API call)
 * and the bearer (one Login API call, unless `LP_BEARER_TOKEN` is set) are
 * then fetched once and reused.
 *
 * Hosts: the Domain API at `https://api.liveperson.net`, or `LP_CSDS_URL`. Only
 * when `LP_CSDS_URL` is `http://` on a loopback host (127.0.0.1, localhost,
 * [::1]), i.e. a local fake, are loopback service hosts called over `http://`;
 * every other call is `https://` and any other `http://` is refused.
 *
 * Every request sends `Authorization: Bearer …`, `Accept` and `Content-Type:
 * application/json` and a `User-Agent` naming this package and its version,
 * with `?v=1.0`. 429 (honouring `Retry-After`), 502, 503, 504 and connection
 * errors are retried with exponential back-off and jitter, at most
 * {@link MAX_TRIES} tries, within `timeoutMs` for the whole operation.
 *
 * @example
 * ```ts
 * import { createInstallationsClient, planInstallation } from 'lp-app-manifest/installations';
 *
 * // Credentials come from LP_BEARER_TOKEN, or LP_USERNAME with LP_PASSWORD (or an API key's four values).
 * const client = createInstallationsClient({ account: '12345678', timeoutMs: 20_000 });
 * const { installation, revision } = await client.get('5d3c7a1e-app');
 * const plan = planInstallation({ client_name: 'FAQ bot', enabled: true }, installation);
 * if (plan.action === 'update' && plan.id !== undefined && revision !== undefined) {
 *   await client.update(plan.id, plan.body, revision);
 * }
 * ```
 */
export function createInstallationsClient(options: InstallationsClientOptions): InstallationsClient {
  const env = options.env ?? process.env;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const account = options.account;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(account))
    throw new InstallationsError('config', 'the account id must be letters, digits, - or _ (e.g. 12345678)');
  const accountPath = `/api/account/${encodeURIComponent(account)}`;

  let services: Promise<{ readonly installations: string; readonly login: string }> | undefined;
  let bearer: Promise<string> | undefined;

  /** One HTTP exchange, within `deadline`; never throws for HTTP or network trouble. */
  async function exchange(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    deadline: number,
  ): Promise<Attempt> {
    const left = deadline - clock.now();
    if (left <= 0) return { ok: false, reason: 'no answer in the time allowed', timedOut: true };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), left);
    try {
      const response = await doFetch(url, {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': userAgent(), ...headers },
        ...(body === undefined ? {} : { body }),
        redirect: 'manual',
        signal: controller.signal,
      });
      const text = await response.text();
      return { ok: true, answer: { status: response.status, headers: response.headers, text } };
    } catch {
      if (controller.signal.aborted) return { ok: false, reason: 'no answer in the time allowed', timedOut: true };
      return { ok: false, reason: 'the connection failed' };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A request with retries. `onUnknown` runs before a retry when an earlier
   * try may have taken effect (a non-idempotent create); it returns an answer to
   * stop with, or undefined to try again.
   */
  async function send<T>(
    what: string,
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    handle: (answer: Answer, attempt: number) => T,
    onUnknown?: () => Promise<T | undefined>,
  ): Promise<T> {
    const deadline = clock.now() + timeoutMs;
    let last: Attempt | undefined;
    for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
      if (attempt > 1 && onUnknown !== undefined && !(last !== undefined && !last.ok && last.status === 429)) {
        const found = await onUnknown();
        if (found !== undefined) return found;
      }
      const result = await exchange(method, url, headers, body, deadline);
      if (result.ok && !RETRYABLE.has(result.answer.status)) return handle(result.answer, attempt);
      last = result.ok
        ? { ok: false, reason: statusText(result.answer.status), status: result.answer.status, ...retryAfter(result.answer) }
        : result;
      if (!last.ok && last.timedOut === true) break;
      if (attempt === MAX_TRIES) break;
      const backoff = Math.min(8000, 250 * 2 ** (attempt - 1));
      const jittered = backoff / 2 + random() * (backoff / 2);
      const wait = Math.max(jittered, last.retryAfterMs ?? 0);
      if (clock.now() + wait >= deadline) {
        last = {
          ...last,
          reason: `${last.reason}${last.retryAfterMs !== undefined ? `, asked to retry after ${Math.ceil(last.retryAfterMs / 1000)} s` : ''}; no time left to retry`,
        };
        break;
      }
      await clock.sleep(wait);
    }
    const failed = last !== undefined && !last.ok ? last : { ok: false as const, reason: 'failed' };
    if (onUnknown !== undefined && failed.status !== 429) {
      // Whether the last try took effect: a listing tells (and a failed listing leaves it unknown).
      const checked = await onUnknown().then(
        (found) => ({ found }),
        (error: unknown) => {
          if (error instanceof InstallationsError && error.code === 'ambiguous') throw error;
          return undefined;
        },
      );
      if (checked?.found !== undefined) return checked.found;
      if (checked === undefined) {
        throw new InstallationsError(
          'outcome_unknown',
          `${what}: ${failed.reason}, and listing could not tell whether it was stored; the app may or may not be installed: run plan to see before trying again`,
          failed.status,
        );
      }
    }
    if (failed.timedOut === true) {
      throw new InstallationsError(
        'timeout',
        `${what}: no answer from LivePerson within ${Number((timeoutMs / 1000).toFixed(1))} s (the timeout; raise it with --timeout or timeoutMs)`,
        failed.status,
      );
    }
    throw new InstallationsError(
      'unavailable',
      `${what}: LivePerson is unavailable (${failed.reason}, after ${MAX_TRIES} tries or the time allowed)`,
      failed.status,
    );
  }

  function retryAfter(answer: Answer): { retryAfterMs?: number } {
    const ms = retryAfterMs(answer.headers.get('retry-after'), Date.now());
    return ms === undefined ? {} : { retryAfterMs: ms };
  }

  function failure(what: string, answer: Answer, credentials?: Credentials): never {
    const status = answer.status;
    if (status === 401 || status === 403) {
      const used = credentials?.variables.join(', ') ?? 'the credentials';
      throw new InstallationsError('auth', `${what}: LivePerson rejected the credentials from ${used} (HTTP ${status})`, status);
    }
    if (status >= 300 && status < 400)
      throw new InstallationsError('protocol', `${what}: unexpected redirect (HTTP ${status})`, status);
    // The answer's text is never shown: an error body may echo the request, secrets included.
    throw new InstallationsError('http', `${what}: LivePerson answered HTTP ${status}`, status);
  }

  function getServices(): Promise<{ readonly installations: string; readonly login: string }> {
    services ??= (async () => {
      const hosts = readCsds(env);
      const url = `${hosts.csds}${accountPath}/service/baseURI.json?version=1.0`;
      const what = `Domain API (account ${account})`;
      return send(what, 'GET', url, {}, undefined, (answer) => {
        if (answer.status !== 200) failure(what, answer);
        const list = listOf(parseJson(answer, what));
        const find = (service: string): string => {
          const entry = list?.find((item) => isObject(item) && item['service'] === service);
          const baseURI = isObject(entry) ? entry['baseURI'] : undefined;
          if (typeof baseURI !== 'string' || baseURI === '') {
            throw new InstallationsError('protocol', `${what}: no host for the service ${service}`);
          }
          return serviceBase(hosts, service, baseURI);
        };
        const credentials = credentialsFromEnv(env);
        return { installations: find('accountConfigReadWrite'), login: credentials.kind === 'bearer' ? '' : find('agentVep') };
      });
    })();
    services.catch(() => {
      services = undefined;
    });
    return services;
  }

  function getBearer(): Promise<string> {
    bearer ??= (async () => {
      const credentials = credentialsFromEnv(env);
      if (credentials.kind === 'bearer') return credentials.token;
      const { login } = await getServices();
      const what = `Login API (account ${account})`;
      const body =
        credentials.kind === 'user'
          ? { username: credentials.username, password: credentials.password }
          : {
              username: credentials.username,
              appKey: credentials.appKey,
              secret: credentials.secret,
              accessToken: credentials.accessToken,
              accessTokenSecret: credentials.accessTokenSecret,
            };
      return send(what, 'POST', `${login}${accountPath}/login?v=1.3`, {}, JSON.stringify(body), (answer) => {
        if (answer.status !== 200) failure(what, answer, credentials);
        const value = parseJson(answer, what);
        const token = isObject(value) ? value['bearer'] : undefined;
        if (typeof token !== 'string' || token === '')
          throw new InstallationsError('protocol', `${what}: the answer has no bearer`);
        return token;
      });
    })();
    bearer.catch(() => {
      bearer = undefined;
    });
    return bearer;
  }

  async function call<T>(
    what: string,
    method: string,
    path: string,
    extra: Record<string, string>,
    body: unknown,
    handle: (answer: Answer, attempt: number) => T,
    onUnknown?: () => Promise<T | undefined>,
  ): Promise<T> {
    const credentials = credentialsFromEnv(env);
    const { installations } = await getServices();
    const token = await getBearer();
    const url = `${installations}${accountPath}/configuration/app-install/installations${path}?v=1.0`;
    return send(
      what,
      method,
      url,
      { Authorization: `Bearer ${token}`, ...extra },
      body === undefined ? undefined : JSON.stringify(body),
      (answer, attempt) => {
        if (answer.status === 401 || answer.status === 403) failure(what, answer, credentials);
        return handle(answer, attempt);
      },
      onUnknown,
    );
  }

  const revisionOf = (answer: Answer): string | undefined =>
    answer.headers.get('ac-revision') ?? answer.headers.get('etag') ?? undefined;

  function readInstallation(what: string, answer: Answer): ReadInstallation {
    const value = parseJson(answer, what);
    if (!isObject(value)) throw new InstallationsError('protocol', `${what}: the answer is not an installation`);
    return { installation: value, revision: revisionOf(answer) };
  }

  const idPath = (id: string): string => {
    if (id === '' || id.length > 200) throw new InstallationsError('config', 'an installation id must be 1 to 200 characters');
    return `/${encodeURIComponent(id)}`;
  };

  async function list(): Promise<readonly Installation[]> {
    const what = `listing the installations of account ${account}`;
    return call(what, 'GET', '', {}, undefined, (answer) => {
      if (answer.status !== 200) failure(what, answer);
      const items = listOf(parseJson(answer, what));
      if (items === undefined) throw new InstallationsError('protocol', `${what}: the answer is not a list`);
      return items.filter(isObject);
    });
  }

  async function get(id: string): Promise<ReadInstallation> {
    const what = `reading installation ${id} of account ${account}`;
    return call(what, 'GET', idPath(id), {}, undefined, (answer) => {
      if (answer.status === 404)
        throw new InstallationsError('not_found', `${what}: there is no such installation (HTTP 404)`, 404);
      if (answer.status !== 200) failure(what, answer);
      return readInstallation(what, answer);
    });
  }

  return {
    list,

    get,

    async create(manifest) {
      const name = manifest['client_name'];
      const what = `installing ${typeof name === 'string' ? JSON.stringify(name) : 'the app'} in account ${account}`;
      const recover = async (): Promise<CreatedInstallation | undefined> => {
        const matches = (await list()).filter((item) => item['client_name'] === name);
        if (matches.length === 1 && matches[0] !== undefined)
          return { installation: matches[0], revision: undefined, recovered: true };
        if (matches.length > 1) {
          throw new InstallationsError(
            'ambiguous',
            `${what}: the answer was lost and ${matches.length} installations now have this client_name (${matches.map((item) => String(item['id'])).join(', ')})`,
          );
        }
        return undefined;
      };
      return call(
        what,
        'POST',
        '',
        {},
        manifest,
        (answer) => {
          if (answer.status !== 200 && answer.status !== 201) failure(what, answer);
          return { ...readInstallation(what, answer), recovered: false };
        },
        typeof name === 'string' ? recover : async () => undefined,
      );
    },

    async update(id, body, revision) {
      const what = `updating installation ${id} of account ${account}`;
      const stale = (status: number): InstallationsError =>
        new InstallationsError(
          'stale',
          `${what}: the installation changed since it was read (HTTP ${status}); nothing was changed; run plan again`,
          status,
        );
      /** A stale answer to a retry, when an earlier try may have been stored: maybe our own write. */
      class StaleAfterRetry extends Error {
        constructor(readonly status: number) {
          super('stale after a retry');
        }
      }
      try {
        return await call(
          what,
          'PUT',
          idPath(id),
          { 'If-Match': revision, 'X-HTTP-Method-Override': 'PUT' },
          body,
          (answer, attempt) => {
            if (answer.status === 409 || answer.status === 412)
              throw attempt > 1 ? new StaleAfterRetry(answer.status) : stale(answer.status);
            if (answer.status === 404)
              throw new InstallationsError('not_found', `${what}: there is no such installation (HTTP 404)`, 404);
            if (answer.status !== 200 && answer.status !== 204) failure(what, answer);
            return answer.text.trim() === ''
              ? { installation: body, revision: revisionOf(answer) }
              : readInstallation(what, answer);
          },
        );
      } catch (error) {
        if (!(error instanceof StaleAfterRetry)) throw error;
        // An earlier try whose answer was lost may have been stored: if the installation now is what was sent, it was.
        const now = await get(id);
        const ours = Object.keys(body).every((key) => SERVER_ASSIGNED.has(key) || sameJson(body[key], now.installation[key]));
        if (ours) return now;
        throw stale(error.status);
      }
    },
  };
}
