/**
 * HTTP for the client: one request, retried as LivePerson's "Retry and
 * KeepAlive Best Practices" recommend (never a 4xx, a 5xx three times with
 * pauses of 5, 10 and 15 s), honouring `Retry-After`, within one time limit
 * for all its tries and waits. A read (GET) is retried on 429, every 5xx and
 * a lost connection; a write on 429, 502, 503, 504 and a lost connection
 * only (a 500 may have come after the write was stored). A request that may
 * take effect though its answer is lost (a create) is never simply repeated.
 */
import { createRequire } from 'node:module';
import { InstallationsError } from './errors.js';
import { isObject } from './json.js';

/**
 * The longest a whole operation (all tries and waits) may take by default, in
 * milliseconds: room for LivePerson's three pauses (5 + 10 + 15 s) and the tries.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The pauses before the 2nd, 3rd and 4th try, in milliseconds: LivePerson's
 * "Retry and KeepAlive Best Practices" page ("Retry 3 times with 5, 10, 15
 * second pause between retries").
 */
export const RETRY_PAUSES_MS: readonly number[] = Object.freeze([5000, 10_000, 15_000]);

/** At most this many tries per request (the first one included). */
export const MAX_TRIES = 4;

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

/** An answer, its body read as text. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** One request, and how its answer is read. */
export interface Request<T> {
  /** What the request does, for messages: `listing the installations of account 12345678`. */
  readonly what: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Reads an answer that is not retried (`attempt` 1 is the first try); throws for one that is an error. */
  readonly read: (answer: Answer, attempt: number) => T;
  /**
   * For a request that may take effect though its answer is lost (a create): what an earlier try
   * did, or undefined when it did nothing. Asked before each retry and when the tries are spent.
   */
  readonly recover?: (() => Promise<T | undefined>) | undefined;
  /** At most this many tries (default {@link MAX_TRIES}); 1 for a request not worth waiting for (a logout). */
  readonly maxTries?: number;
}

/** Sends a request with retries; throws an {@link InstallationsError} (`timeout`, `unavailable`, `outcome_unknown`, or what `read` throws). */
export type Send = <T>(request: Request<T>) => Promise<T>;

/** What {@link createSend} uses; each has a default (see `InstallationsClientOptions`). */
export interface SendOptions {
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly timeoutMs?: number;
  readonly retryPausesMs?: readonly number[];
}

/** A try that ended without an answer worth reading, with the reason for the final message. */
interface Failed {
  readonly reason: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly timedOut?: boolean;
}

/** What a write is retried on: answers that come before the write is handled. */
const RETRYABLE_WRITE = new Set([429, 502, 503, 504]);

/** Whether an answer is retried: a read on 429 and every 5xx, a write on {@link RETRYABLE_WRITE}. */
const retryable = (method: string, status: number): boolean =>
  method === 'GET' ? status === 429 || (status >= 500 && status <= 599) : RETRYABLE_WRITE.has(status);

const NO_ANSWER: Failed = { reason: 'no answer in the time allowed', timedOut: true };

export function createSend(options: SendOptions): Send {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pauses = options.retryPausesMs ?? RETRY_PAUSES_MS;

  /** One HTTP exchange, within `deadline`; never throws for HTTP or network trouble. */
  async function exchange(request: Request<unknown>, deadline: number): Promise<Answer | Failed> {
    const left = deadline - clock.now();
    if (left <= 0) return NO_ANSWER;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), left);
    try {
      const response = await doFetch(request.url, {
        method: request.method,
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'User-Agent': userAgent(),
          ...request.headers,
        },
        ...(request.body === undefined ? {} : { body: request.body }),
        redirect: 'manual',
        signal: controller.signal,
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch {
      return controller.signal.aborted ? NO_ANSWER : { reason: 'the connection failed' };
    } finally {
      clearTimeout(timer);
    }
  }

  return async function send<T>(request: Request<T>): Promise<T> {
    const { what, recover } = request;
    const tries = Math.max(1, Math.min(MAX_TRIES, request.maxTries ?? MAX_TRIES));
    const deadline = clock.now() + timeoutMs;
    let last: Failed | undefined;
    for (let attempt = 1; attempt <= tries; attempt++) {
      // A 429 was refused before it was handled: only another failure may have taken effect.
      if (attempt > 1 && recover !== undefined && last?.status !== 429) {
        const found = await recover();
        if (found !== undefined) return found;
      }
      const result = await exchange(request, deadline);
      if ('text' in result && !retryable(request.method, result.status)) return request.read(result, attempt);
      last = 'text' in result ? { reason: `HTTP ${result.status}`, status: result.status, ...retryAfter(result) } : result;
      if (last.timedOut === true || attempt === tries) break;
      // LivePerson's pause (spread by up to a tenth, so that many clients do not retry in step), or longer when
      // Retry-After asks; a 429's Retry-After is the service's own word on when to come back, so it alone counts.
      const pause = pauses[Math.min(attempt - 1, pauses.length - 1)] ?? 0;
      const spread = pause + random() * (pause / 10);
      const wait =
        last.status === 429 && last.retryAfterMs !== undefined ? last.retryAfterMs : Math.max(spread, last.retryAfterMs ?? 0);
      if (clock.now() + wait >= deadline) {
        const asked = last.retryAfterMs === undefined ? '' : `, asked to retry after ${Math.ceil(last.retryAfterMs / 1000)} s`;
        last = { ...last, reason: `${last.reason}${asked}; no time left to retry` };
        break;
      }
      await clock.sleep(wait);
    }
    const failed = last ?? { reason: 'failed' };
    if (recover !== undefined && failed.status !== 429) {
      // Whether the last try took effect: a listing tells (and a failed listing leaves it unknown).
      const checked = await recover().then(
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
      `${what}: LivePerson is unavailable (${failed.reason}, after ${plural(tries)} or the time allowed); try again later`,
      failed.status,
    );
  };
}

const plural = (tries: number): string => (tries === 1 ? '1 try' : `${tries} tries`);

function retryAfter(answer: Answer): { retryAfterMs?: number } {
  const value = answer.headers.get('retry-after');
  if (value === null) return {};
  if (/^\s*\d+\s*$/.test(value)) return { retryAfterMs: Number(value) * 1000 };
  const date = Date.parse(value);
  return Number.isNaN(date) ? {} : { retryAfterMs: Math.max(0, date - Date.now()) };
}

let cachedUserAgent: string | undefined;
/** `lp-app-manifest/<version>` and the Node.js version. */
function userAgent(): string {
  if (cachedUserAgent !== undefined) return cachedUserAgent;
  let version = 'unknown';
  try {
    const manifest: unknown = createRequire(import.meta.url)('lp-app-manifest/package.json');
    const value = isObject(manifest) ? manifest['version'] : undefined;
    if (typeof value === 'string') version = value;
  } catch {
    // The version is a courtesy to LivePerson's logs; without it the request is as good.
  }
  cachedUserAgent = `lp-app-manifest/${version} (node ${process.version})`;
  return cachedUserAgent;
}

/**
 * Throws for an error answer: `auth` for 401 and 403 (naming the variables the
 * credentials came from, never their values), `protocol` for a redirect, `http`
 * otherwise.
 */
export function failure(what: string, answer: Answer, variables?: readonly string[]): never {
  const status = answer.status;
  if (status === 401 || status === 403) {
    const used = variables?.join(', ') ?? 'the credentials';
    throw new InstallationsError('auth', `${what}: LivePerson rejected the credentials from ${used} (HTTP ${status})`, status);
  }
  if (status >= 300 && status < 400)
    throw new InstallationsError('protocol', `${what}: unexpected redirect (HTTP ${status})`, status);
  // The answer's text is never shown: an error body may echo the request, secrets included.
  throw new InstallationsError('http', `${what}: LivePerson answered HTTP ${status}`, status);
}

/** The answer's JSON; `protocol` when it is not JSON. */
export function parseJson(answer: Answer, what: string): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new InstallationsError('protocol', `${what}: LivePerson's answer is not JSON (HTTP ${answer.status})`, answer.status);
  }
}

/** The list in an answer: an array, or the one array inside an object (`{ "installations": [...] }`). */
export function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return undefined;
  const arrays = Object.values(value).filter(Array.isArray);
  return arrays.length === 1 ? arrays[0] : undefined;
}
