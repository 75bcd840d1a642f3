/**
 * A client for LivePerson's App Installations API (account-config service):
 * list, get, create and update, with revisions. Hosts (`hosts.ts`), the bearer
 * (`login.ts`) and retries within a time limit (`http.ts`) are its parts.
 * Nothing secret ever appears in an error it throws.
 */
import { SERVER_ASSIGNED_KEYS } from '../index.js';
import { InstallationsError } from './errors.js';
import { createHosts, type Env } from './hosts.js';
import { type Answer, type Clock, createSend, failure, listOf, parseJson, type Request } from './http.js';
import { isObject, sameJson } from './json.js';
import { createLogin, credentialsFromEnv } from './login.js';
import type { Installation } from './plan.js';

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
  /**
   * The pauses before the 2nd, 3rd and 4th try of a request, in milliseconds; default
   * `RETRY_PAUSES_MS` (5, 10 and 15 s, LivePerson's retry recommendation). Tests shorten them.
   */
  readonly retryPausesMs?: readonly number[];
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
 * lost or carried no installation, and the installation was found another
 * way: `foundBy` says how (`location`: read from the answer's `Location`
 * header; `listing`: the one installation listed with the manifest's
 * `client_name`, then read by id).
 *
 * @example
 * ```ts
 * import type { CreatedInstallation } from 'lp-app-manifest/installations';
 *
 * const created: CreatedInstallation = { installation: { id: 'a1' }, revision: undefined, recovered: false };
 * const found: CreatedInstallation = { installation: { id: 'a1' }, revision: '7', recovered: true, foundBy: 'location' };
 * ```
 */
export interface CreatedInstallation extends ReadInstallation {
  readonly recovered: boolean;
  readonly foundBy?: 'location' | 'listing';
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
  /** The account (site) id the client was made for. */
  readonly account: string;
  /** Every installation of the account, as the list answers them (a list may carry only some fields of each). */
  list(): Promise<readonly Installation[]>;
  /**
   * The installations named `clientName`: the list, without those marked
   * `deleted: true`; an item the list carries without `client_name` is read
   * by id to learn its name (account-config lists may answer a subset of
   * fields), so that an installed app is never taken for a missing one.
   * `protocol` when an item carries neither `client_name` nor `id`.
   */
  findByName(clientName: string): Promise<readonly Installation[]>;
  /** One installation and its revision; `not_found` if there is none. */
  get(id: string): Promise<ReadInstallation>;
  /**
   * Installs an app: `POST`s the manifest. A create whose outcome is unknown
   * (connection lost, timeout, a gateway error) is never simply repeated: the
   * installations are listed first, and one whose `client_name` equals the
   * manifest's is taken as the one created. A create answered 200 or 201
   * without an installation in its body is never repeated either: the
   * installation is read from the answer's `Location` header (same host and
   * path only), or found by `client_name` and read by id (a GET returns
   * `client_secret`); `outcome_unknown` when neither finds it.
   */
  create(manifest: Installation): Promise<CreatedInstallation>;
  /**
   * Replaces an installation: `PUT`s the full body with `If-Match: revision`.
   * `stale` when LivePerson answers 409 or 412: `ac-revision` is the revision
   * of the account's installations as a collection, so some installation of
   * the account changed since it was read (not necessarily this one).
   */
  update(id: string, body: Installation, revision: string): Promise<ReadInstallation>;
  /**
   * Ends the Login API session the client opened, if any (`POST …/logout`
   * with its `csrf` and cookie), so that no 8-hour session is left behind.
   * Nothing for `LP_BEARER_TOKEN`. An {@link InstallationsError} when the
   * logout fails (the session then ends by itself after its time to live).
   */
  close(): Promise<void>;
}

/**
 * Of the keys LivePerson assigns, those it may change on its own when it stores an update: the
 * secret and the times it was issued or expires (a store may issue a new secret). The others
 * (`id`, `client_id`, `deleted`, …) stay as they were, so a difference there is someone else's write.
 */
const REISSUED_ON_UPDATE: ReadonlySet<string> = new Set(
  SERVER_ASSIGNED_KEYS.filter((key) => key.includes('secret') || key.endsWith('_at')),
);

/** A request to the App Installations API: its path under `…/installations`, and the manifest it sends. */
interface InstallationsRequest<T> extends Omit<Request<T>, 'url' | 'body'> {
  readonly path: string;
  readonly body?: Installation;
}

/** A stale answer to a retried update, when an earlier try may have been stored: maybe our own write. */
class StaleAfterRetry extends Error {
  constructor(readonly status: number) {
    super('stale after a retry');
  }
}

const revisionOf = (answer: Answer): string | undefined =>
  answer.headers.get('ac-revision') ?? answer.headers.get('etag') ?? undefined;

function readInstallation(what: string, answer: Answer): ReadInstallation {
  const value = parseJson(answer, what);
  if (!isObject(value)) throw new InstallationsError('protocol', `${what}: the answer is not an installation`);
  return { installation: value, revision: revisionOf(answer) };
}

function idPath(id: string): string {
  if (id === '' || id.length > 200) throw new InstallationsError('config', 'an installation id must be 1 to 200 characters');
  return `/${encodeURIComponent(id)}`;
}

/**
 * The installation id a `Location` header names, when it is an installation of this account on the
 * host the create went to (`base` is the installations URL); undefined for any other place, which is
 * never followed (the bearer goes nowhere else).
 */
function installationIdAt(location: string | null, base: string): string | undefined {
  if (location === null || location.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(location.trim(), base);
  } catch {
    return undefined;
  }
  const home = new URL(base);
  if (url.origin !== home.origin || !url.pathname.startsWith(`${home.pathname}/`)) return undefined;
  const id = url.pathname.slice(home.pathname.length + 1);
  if (id === '' || id.includes('/')) return undefined;
  try {
    return decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

const notFound = (what: string): InstallationsError =>
  new InstallationsError('not_found', `${what}: there is no such installation (HTTP 404)`, 404);

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
 * with `?v=1.0`. Retries follow LivePerson's retry recommendation: a read is
 * tried again on 429, any 5xx and a lost connection, a write on 429, 502, 503,
 * 504 and a lost connection, at most {@link MAX_TRIES} tries, pausing 5, 10 and
 * 15 s (or as `Retry-After` asks), within `timeoutMs` for the whole operation.
 * After a user or application login, {@link InstallationsClient.close} logs out.
 *
 * @example
 * ```ts
 * import { createInstallationsClient, planInstallation } from 'lp-app-manifest/installations';
 *
 * // Credentials come from LP_BEARER_TOKEN, or LP_USERNAME with LP_PASSWORD (or an API key's four values).
 * const client = createInstallationsClient({ account: '12345678', timeoutMs: 60_000 });
 * try {
 *   const { installation, revision } = await client.get('5d3c7a1e-app');
 *   const plan = planInstallation({ client_name: 'FAQ bot', enabled: true }, installation);
 *   if (plan.action === 'update' && plan.id !== undefined && revision !== undefined) {
 *     await client.update(plan.id, plan.body, revision);
 *   }
 * } finally {
 *   await client.close(); // logs out after a Login API login; nothing for LP_BEARER_TOKEN
 * }
 * ```
 */
export function createInstallationsClient(options: InstallationsClientOptions): InstallationsClient {
  const { account } = options;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(account))
    throw new InstallationsError('config', 'the account id must be letters, digits, - or _ (e.g. 12345678)');
  const env = options.env ?? process.env;
  const send = createSend(options);
  const hosts = createHosts(env, account, send);
  const login = createLogin(env, account, hosts, send);

  /** A request with the bearer; a 401 or 403 names the variables the credentials came from. */
  async function call<T>({ path, body, read, ...request }: InstallationsRequest<T>): Promise<T> {
    const { variables } = credentialsFromEnv(env);
    const url = await hosts.url('accountConfigReadWrite', `/configuration/app-install/installations${path}?v=1.0`);
    const token = await login.bearer();
    return send({
      ...request,
      url,
      headers: { Authorization: `Bearer ${token}`, ...request.headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      read: (answer, attempt) => {
        if (answer.status === 401 || answer.status === 403) failure(request.what, answer, variables);
        return read(answer, attempt);
      },
    });
  }

  function list(): Promise<readonly Installation[]> {
    const what = `listing the installations of account ${account}`;
    return call({
      what,
      method: 'GET',
      path: '',
      read: (answer) => {
        if (answer.status !== 200) failure(what, answer);
        const items = listOf(parseJson(answer, what));
        if (items === undefined) throw new InstallationsError('protocol', `${what}: the answer is not a list`);
        return items.filter(isObject);
      },
    });
  }

  async function findByName(clientName: string): Promise<readonly Installation[]> {
    const what = `finding the installations named ${JSON.stringify(clientName)} in account ${account}`;
    const matches: Installation[] = [];
    for (const item of await list()) {
      if (item['deleted'] === true) continue;
      if (typeof item['client_name'] === 'string') {
        if (item['client_name'] === clientName) matches.push(item);
        continue;
      }
      const id = item['id'];
      if (typeof id !== 'string' && typeof id !== 'number') {
        throw new InstallationsError(
          'protocol',
          `${what}: the list carries an installation with neither client_name nor id, so it cannot tell whether the app is installed; name the installation with --app (its id)`,
        );
      }
      // The list left the name out (account-config lists may answer a subset of fields): read it.
      const { installation } = await get(String(id));
      if (installation['deleted'] !== true && installation['client_name'] === clientName) matches.push(installation);
    }
    return matches;
  }

  function get(id: string): Promise<ReadInstallation> {
    const what = `reading installation ${id} of account ${account}`;
    return call({
      what,
      method: 'GET',
      path: idPath(id),
      read: (answer) => {
        if (answer.status === 404) throw notFound(what);
        if (answer.status !== 200) failure(what, answer);
        return readInstallation(what, answer);
      },
    });
  }

  async function create(manifest: Installation): Promise<CreatedInstallation> {
    const name = manifest['client_name'];
    const what = `installing ${typeof name === 'string' ? JSON.stringify(name) : 'the app'} in account ${account}`;
    /** The one installation named as the manifest, or undefined for none. */
    const byName = async (): Promise<Installation | undefined> => {
      if (typeof name !== 'string') return undefined;
      const matches = await findByName(name);
      if (matches.length > 1) {
        throw new InstallationsError(
          'ambiguous',
          `${what}: the answer was lost and ${matches.length} installations now have this client_name (${matches.map((item) => String(item['id'])).join(', ')})`,
        );
      }
      return matches[0];
    };
    /** The installation an earlier try stored, found by its client_name. */
    const recover = async (): Promise<CreatedInstallation | undefined> => {
      const found = await byName();
      return found === undefined ? undefined : { installation: found, revision: undefined, recovered: true, foundBy: 'listing' };
    };
    const answered = await call<CreatedInstallation | { readonly empty: number; readonly location: string | null }>({
      what,
      method: 'POST',
      path: '',
      body: manifest,
      read: (answer) => {
        if (answer.status >= 500) {
          // Not retried (a 500 may come after the write was stored): whether it was is for a listing to tell.
          throw new InstallationsError(
            'outcome_unknown',
            `${what}: LivePerson answered HTTP ${answer.status}; the app may or may not have been installed: run plan to see before applying again`,
            answer.status,
          );
        }
        if (answer.status !== 200 && answer.status !== 201) failure(what, answer);
        let value: unknown;
        try {
          value = JSON.parse(answer.text) as unknown;
        } catch {
          value = undefined;
        }
        // The demo ignores the body; account-config sends `location` only "when the request created a single object".
        if (!isObject(value) || value['id'] === undefined)
          return { empty: answer.status, location: answer.headers.get('location') };
        return { installation: value, revision: revisionOf(answer), recovered: false };
      },
      recover,
    });
    if ('installation' in answered) {
      const { installation } = answered;
      // A create that answered without the secret: a GET returns it.
      const id = installation['id'];
      if (installation['client_secret'] === undefined && (typeof id === 'string' || typeof id === 'number')) {
        const read = await get(String(id));
        return { ...answered, installation: { ...installation, ...read.installation }, revision: read.revision };
      }
      return answered;
    }
    // Stored (HTTP 200/201), but the answer carries no installation: read it, never create again.
    const said = `LivePerson answered HTTP ${answered.empty} without the installation in its body`;
    const base = await hosts.url('accountConfigReadWrite', '/configuration/app-install/installations');
    const located = installationIdAt(answered.location, base);
    try {
      if (located !== undefined) return { ...(await get(located)), recovered: true, foundBy: 'location' };
      const found = await byName();
      if (found !== undefined) {
        const id = found['id'];
        const read =
          typeof id === 'string' || typeof id === 'number' ? await get(String(id)) : { installation: found, revision: undefined };
        return { ...read, recovered: true, foundBy: 'listing' };
      }
    } catch (error) {
      if (!(error instanceof InstallationsError)) throw error;
      throw new InstallationsError(
        'outcome_unknown',
        `${what}: ${said}, and reading it back failed (${error.message}); the app is probably installed: run plan (or look in LivePerson's UI) before applying again, and do not apply again until it shows whether it is; nothing more was sent`,
        error.status,
      );
    }
    throw new InstallationsError(
      'outcome_unknown',
      `${what}: ${said}${located === undefined ? ' or a Location header' : ''}, and no installation named ${typeof name === 'string' ? JSON.stringify(name) : 'so'} is listed; the app may be installed under another name or not yet listed: run plan (or look in LivePerson's UI) before applying again; nothing more was sent`,
    );
  }

  async function update(id: string, body: Installation, revision: string): Promise<ReadInstallation> {
    const what = `updating installation ${id} of account ${account}`;
    const stale = (status: number): InstallationsError =>
      new InstallationsError(
        'stale',
        `${what}: some installation of account ${account} changed since it was read (HTTP ${status}: the revision, ac-revision, is that of the account's installations as a whole); nothing was changed; run plan again`,
        status,
      );
    try {
      return await call({
        what,
        method: 'PUT',
        path: idPath(id),
        headers: { 'If-Match': revision, 'X-HTTP-Method-Override': 'PUT' },
        body,
        read: (answer, attempt) => {
          if (answer.status === 409 || answer.status === 412)
            throw attempt > 1 ? new StaleAfterRetry(answer.status) : stale(answer.status);
          if (answer.status === 404) throw notFound(what);
          // A 5xx may come after the write was stored: say so, as a create's does.
          if (answer.status >= 500)
            throw new InstallationsError(
              'outcome_unknown',
              `${what}: LivePerson answered HTTP ${answer.status}; the update may or may not have been stored: run plan to see before applying again`,
              answer.status,
            );
          if (answer.status !== 200 && answer.status !== 204) failure(what, answer);
          return answer.text.trim() === ''
            ? { installation: body, revision: revisionOf(answer) }
            : readInstallation(what, answer);
        },
      });
    } catch (error) {
      if (!(error instanceof StaleAfterRetry)) throw error;
      // An earlier try whose answer was lost may have been stored: if the installation now is what was sent, it was.
      const now = await get(id);
      const ours = Object.keys(body).every((key) => REISSUED_ON_UPDATE.has(key) || sameJson(body[key], now.installation[key]));
      if (ours) return now;
      throw stale(error.status);
    }
  }

  return { account, list, findByName, get, create, update, close: () => login.logout() };
}
