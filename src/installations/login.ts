/**
 * The bearer the App Installations API wants: `LP_BEARER_TOKEN` as is, or one
 * Login API call (user login, or application login with an API key) made at
 * the first need and reused, and ended with a Login API logout when done.
 */
import { InstallationsError } from './errors.js';
import type { Env, Hosts } from './hosts.js';
import { type Send, failure, parseJson } from './http.js';
import { isObject } from './json.js';

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
 * `LP_BEARER_TOKEN` (a pasted `Bearer ` prefix is dropped); or `LP_USERNAME` + `LP_APP_KEY` + `LP_APP_SECRET` +
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
  // A value pasted with its scheme ("Bearer eyJ…", as an Authorization header shows it) is taken without it.
  const token = get('LP_BEARER_TOKEN')?.replace(/^\s*bearer\s+/i, '');
  if (token === '') throw new InstallationsError('config', 'LP_BEARER_TOKEN holds only "Bearer": put the token after it');
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

/** Where the bearer comes from. */
export interface Login {
  /** The bearer: `LP_BEARER_TOKEN`, or a Login API call made once and reused (asked again after a failure). */
  bearer(): Promise<string>;
  /**
   * Ends the Login API session, if one was opened (`POST …/logout` with its `csrf` and cookie), so
   * that no 8-hour session is left behind; nothing for `LP_BEARER_TOKEN`. Throws an
   * {@link InstallationsError} when LivePerson refuses or cannot be reached.
   */
  logout(): Promise<void>;
}

/** A Login API session: the bearer, and what its logout needs. */
interface Session {
  readonly bearer: string;
  readonly csrf: string | undefined;
  readonly cookie: string | undefined;
}

/** The `name=value` pairs of the answer's `Set-Cookie` headers, as a `Cookie` header sends them back. */
function cookiesOf(headers: Headers): string | undefined {
  // getSetCookie is Node's (and the Fetch standard's); a fetch passed in may answer Headers without it.
  const lines = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? ''];
  const pairs = lines
    .map((line) => line.split(';')[0]?.trim() ?? '')
    .filter((pair) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+=/.test(pair));
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}

export function createLogin(env: Env, account: string, hosts: Hosts, send: Send): Login {
  let session: Promise<Session> | undefined;

  async function logIn(): Promise<Session> {
    const credentials = credentialsFromEnv(env);
    if (credentials.kind === 'bearer') return { bearer: credentials.token, csrf: undefined, cookie: undefined };
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
    const { opened, admin } = await send({
      what,
      method: 'POST',
      url: await hosts.url('agentVep', '/login?v=1.3'),
      body: JSON.stringify(body),
      read: (answer) => {
        if (answer.status !== 200) failure(what, answer, credentials.variables);
        const value = parseJson(answer, what);
        const token = isObject(value) ? value['bearer'] : undefined;
        if (typeof token !== 'string' || token === '')
          throw new InstallationsError('protocol', `${what}: the answer has no bearer`);
        const csrf = isObject(value) && typeof value['csrf'] === 'string' ? value['csrf'] : undefined;
        const config = isObject(value) && isObject(value['config']) ? value['config'] : {};
        // LivePerson's demo lets in only users whose login config has isAdmin or isLPA: installing apps is an admin's task.
        const admin = !(config['isAdmin'] === false && config['isLPA'] === false);
        return { opened: { bearer: token, csrf, cookie: cookiesOf(answer.headers) }, admin };
      },
    });
    if (!admin) {
      await endSession(opened).catch(() => undefined);
      throw new InstallationsError(
        'auth',
        `${what}: the user in LP_USERNAME is not an administrator of account ${account} (the login answer's config has isAdmin and isLPA false); installing apps needs an administrator: use an administrator's credentials`,
      );
    }
    return opened;
  }

  /** `POST …/logout` with the session's csrf and cookie (Login Service API, "Logout"); one try. */
  async function endSession(ended: Session): Promise<void> {
    if (ended.csrf === undefined) return;
    const what = `Login API logout (account ${account})`;
    await send({
      what,
      method: 'POST',
      url: await hosts.url('agentVep', '/logout'),
      headers: ended.cookie === undefined ? {} : { Cookie: ended.cookie },
      body: JSON.stringify({ csrf: ended.csrf }),
      maxTries: 1,
      read: (answer) => {
        if (answer.status !== 200 && answer.status !== 204) failure(what, answer);
      },
    });
  }

  return {
    async bearer() {
      if (session === undefined) {
        session = logIn();
        session.catch(() => {
          session = undefined;
        });
      }
      return (await session).bearer;
    },
    async logout() {
      const opened = session;
      session = undefined;
      const ended = await opened?.catch(() => undefined);
      if (ended !== undefined) await endSession(ended);
    },
  };
}
