/**
 * A fake of the three LivePerson APIs `pull`/`plan`/`apply` use, as public
 * sources describe them: the Domain API (CSDS), the Login API (user and
 * application login, with `csrf`, a `Session_id` cookie, `config.isAdmin` and
 * `config.isLPA`, and logout) and the App Installations API (list, get, create,
 * update with `ac-revision`/`If-Match`). `ac-revision` is the revision of the
 * account's installations as a collection ("Account config object type
 * collection revision"): every write bumps it, and the list and each GET send
 * it. Installations marked `deleted: true` are hidden from the list unless
 * `include_deleted=true`, as account-config does. Switches model the other
 * answers the real service may give: a create answered with no body (with or
 * without `Location`), a list that carries only some fields, a non-admin login.
 * A real HTTP server on 127.0.0.1, on an ephemeral port, with fault injection.
 * It records every request, so tests can assert what was (not) written.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SERVER_ASSIGNED_KEYS } from '../../src/index.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Which requests a fault applies to. */
export type Route = 'csds' | 'login' | 'logout' | 'list' | 'get' | 'create' | 'update';

/** A one-shot fault: applies to the next request(s) of its route. */
export type Fault =
  /** Answer with this status (and headers); `echo` puts the request (headers and body) into the error body. */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly echo?: boolean;
    }
  /** Someone else updates the installation just before this request is handled (so its If-Match is stale). */
  | { readonly kind: 'concurrent-update'; readonly staleStatus?: 409 | 412 }
  /** Someone else writes another installation of the account just before this request (the collection revision moves on). */
  | { readonly kind: 'concurrent-other' }
  /** Handle the request (a create is stored), then drop the connection without an answer. */
  | { readonly kind: 'drop-after' }
  /** Drop the connection without handling the request. */
  | { readonly kind: 'drop-before' }
  /** Wait this long before answering. */
  | { readonly kind: 'delay'; readonly ms: number };

/** A request as the fake saw it. */
export interface LoggedRequest {
  readonly method: string;
  readonly route: Route | 'unknown';
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** The credentials the fake accepts. */
export interface FakeCredentials {
  readonly bearer: string;
  readonly username: string;
  readonly password: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly accessToken: string;
  readonly accessTokenSecret: string;
}

export interface StoredInstallation {
  revision: number;
  body: JsonObject;
}

export interface FakeLivePerson {
  /** What LP_CSDS_URL should be. */
  readonly csdsUrl: string;
  readonly port: number;
  readonly account: string;
  readonly credentials: FakeCredentials;
  /** The installations, by id. */
  readonly installations: Map<string, StoredInstallation>;
  readonly requests: LoggedRequest[];
  /** Queues a fault for the next request(s) of a route (`times`, default 1). */
  inject(route: Route, fault: Fault, times?: number): void;
  /** Adds an installation as LivePerson would store it, and returns it. */
  seed(manifest: JsonObject, extra?: JsonObject): StoredInstallation & { id: string };
  /** Requests since the last reset, and the writes (POST/PUT) among them. */
  writes(): LoggedRequest[];
  resetLog(): void;
  /** The environment for the CLI or client: LP_CSDS_URL and a bearer (or `auth`). */
  env(auth?: 'bearer' | 'user' | 'application' | 'none'): Record<string, string>;
  /** The stale status the fake answers for a wrong If-Match (409 or 412). */
  staleStatus: 409 | 412;
  /** The revision of the account's installations as a collection: bumped by every write (seeds included). */
  readonly revision: number;
  /**
   * How a create is answered: the installation (default), no body, no body and a `Location`
   * header, or no body and the new installation not (yet) in the list.
   */
  createAnswer: 'installation' | 'empty' | 'empty-with-location' | 'empty-unlisted';
  /** The status of a create's answer (default 201). */
  createStatus: 200 | 201;
  /** When set, the list carries only these fields of each installation (as `select` does for other account-config lists). */
  listFields: readonly string[] | undefined;
  /** Whether the list shows deleted installations without being asked (`include_deleted=true`); default false. */
  listDeleted: boolean;
  /** The `config` of a login answer (default: an administrator, `isAdmin: true`, `isLPA: false`). */
  loginConfig: JsonObject;
  /** Whether a login answer sets the `Session_id` cookie (default true). */
  sessionCookie: boolean;
  /** Login sessions opened, and those ended by a logout with the right csrf and cookie. */
  readonly sessions: { opened: number; ended: number };
  close(): Promise<void>;
}

const secret = (prefix: string): string => `${prefix}-${randomBytes(12).toString('hex')}`;

/**
 * Starts the fake. `baseURIs` returned by its Domain API are `127.0.0.1:PORT`
 * (overridable with `serviceHost` to test the client's scheme rules).
 */
export async function startFakeLivePerson(
  options: { account?: string; serviceHost?: string; credentials?: Partial<FakeCredentials> } = {},
): Promise<FakeLivePerson> {
  const account = options.account ?? '12345678';
  const credentials: FakeCredentials = {
    bearer: secret('bearer'),
    username: 'admin@example.com',
    password: secret('password'),
    appKey: secret('appkey'),
    appSecret: secret('appsecret'),
    accessToken: secret('accesstoken'),
    accessTokenSecret: secret('accesstokensecret'),
    ...options.credentials,
  };
  const installations = new Map<string, StoredInstallation>();
  const requests: LoggedRequest[] = [];
  const faults = new Map<Route, Fault[]>();
  const bearers = new Set([credentials.bearer]);
  /** Open Login API sessions by csrf: their bearer and Session_id cookie. */
  const sessions = new Map<string, { bearer: string; sessionId: string }>();
  const sessionCount = { opened: 0, ended: 0 };
  let collection = 0;
  /** Installations the list does not show yet (`createAnswer: 'empty-unlisted'`). */
  const unlisted = new Set<JsonObject>();
  let nextId = 1;
  let port = 0;

  const fake: FakeLivePerson = {
    get csdsUrl() {
      return `http://127.0.0.1:${port}/csds`;
    },
    get port() {
      return port;
    },
    account,
    credentials,
    installations,
    requests,
    staleStatus: 412,
    get revision() {
      return collection;
    },
    createAnswer: 'installation',
    createStatus: 201,
    listFields: undefined,
    listDeleted: false,
    loginConfig: { loginName: credentials.username, isAdmin: true, isLPA: false },
    sessionCookie: true,
    sessions: sessionCount,
    inject(route, fault, times = 1) {
      const queue = faults.get(route) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      faults.set(route, queue);
    },
    seed(manifest, extra = {}) {
      const id = newId();
      const stored = { revision: ++collection, body: { ...serverFields(id), ...manifest, ...extra } };
      installations.set(id, stored);
      return { id, ...stored };
    },
    writes: () =>
      requests
        .filter((request) => request.method === 'POST' || request.method === 'PUT')
        .filter((r) => r.route === 'create' || r.route === 'update'),
    resetLog() {
      requests.length = 0;
    },
    env(auth = 'bearer') {
      const base = { LP_CSDS_URL: fake.csdsUrl };
      if (auth === 'bearer') return { ...base, LP_BEARER_TOKEN: credentials.bearer };
      if (auth === 'user') return { ...base, LP_USERNAME: credentials.username, LP_PASSWORD: credentials.password };
      if (auth === 'application') {
        return {
          ...base,
          LP_USERNAME: credentials.username,
          LP_APP_KEY: credentials.appKey,
          LP_APP_SECRET: credentials.appSecret,
          LP_ACCESS_TOKEN: credentials.accessToken,
          LP_ACCESS_TOKEN_SECRET: credentials.accessTokenSecret,
        };
      }
      return base;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const newId = (): string => `app-${nextId++}-${randomBytes(3).toString('hex')}`;

  /** What LivePerson adds to an installation: a value for each key the rules call server-assigned. */
  function serverFields(id: string): { [TKey in (typeof SERVER_ASSIGNED_KEYS)[number]]: Json } {
    return {
      id,
      client_id: `client-${randomBytes(6).toString('hex')}`,
      client_secret: secret('clientsecret'),
      client_id_issued_at: 1_700_000_000,
      client_secret_expires_at: 0,
      deleted: false,
      installation_type: 'PRIVATE',
      is_internal: false,
    };
  }

  function takeFault(route: Route): Fault | undefined {
    return faults.get(route)?.shift();
  }

  function routeOf(method: string, path: string): { route: Route; id?: string } | undefined {
    const base = `/api/account/${account}`;
    if (method === 'GET' && (path === `/csds${base}/service/baseURI.json` || path.startsWith(`/csds${base}/service/`)))
      return { route: 'csds' };
    if (method === 'POST' && path === `${base}/login`) return { route: 'login' };
    if (method === 'POST' && path === `${base}/logout`) return { route: 'logout' };
    const installationsPath = `${base}/configuration/app-install/installations`;
    if (path === installationsPath) {
      if (method === 'GET') return { route: 'list' };
      if (method === 'POST') return { route: 'create' };
    }
    if (path.startsWith(`${installationsPath}/`)) {
      const id = decodeURIComponent(path.slice(installationsPath.length + 1));
      if (method === 'GET') return { route: 'get', id };
      if (method === 'PUT') return { route: 'update', id };
    }
    return undefined;
  }

  function send(res: ServerResponse, status: number, body: Json | undefined, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(text);
  }

  function handle(
    req: IncomingMessage,
    res: ServerResponse,
    body: string,
    route: { route: Route; id?: string } | undefined,
    url: URL,
  ): void {
    if (route === undefined) return send(res, 404, { message: 'no such route' });
    switch (route.route) {
      case 'csds': {
        if (url.searchParams.get('version') !== '1.0') return send(res, 400, { message: 'version is required' });
        const host = options.serviceHost ?? `127.0.0.1:${port}`;
        const all = ['agentVep', 'accountConfigReadWrite', 'accountConfigReadOnly', 'leDataReporting'].map((service) => ({
          service,
          account,
          baseURI: host,
        }));
        const one = /\/service\/([^/]+)\/baseURI\.json$/.exec(url.pathname)?.[1];
        if (one !== undefined && one !== 'baseURI.json') {
          const entry = all.find((item) => item.service === one);
          return entry === undefined ? send(res, 404, { message: 'unknown service' }) : send(res, 200, entry);
        }
        return send(res, 200, { baseURIs: all });
      }
      case 'login': {
        if (url.searchParams.get('v') !== '1.3') return send(res, 400, { message: 'v=1.3 is required' });
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          return send(res, 400, { message: 'bad JSON' });
        }
        const given = parsed as Record<string, unknown>;
        const userOk = given['username'] === credentials.username && given['password'] === credentials.password;
        const appOk =
          given['username'] === credentials.username &&
          given['appKey'] === credentials.appKey &&
          given['secret'] === credentials.appSecret &&
          given['accessToken'] === credentials.accessToken &&
          given['accessTokenSecret'] === credentials.accessTokenSecret;
        if (!userOk && !appOk) return send(res, 401, { message: 'Bad credentials', request: body });
        const bearer = secret('session');
        const csrf = secret('csrf');
        const sessionId = secret('sessionid');
        bearers.add(bearer);
        sessions.set(csrf, { bearer, sessionId });
        sessionCount.opened += 1;
        return send(
          res,
          200,
          { bearer, csrf, sessionTTl: '28800000', config: fake.loginConfig },
          fake.sessionCookie ? { 'Set-Cookie': `Session_id=${sessionId}; Path=/; Secure; HttpOnly` } : {},
        );
      }
      case 'logout': {
        // Login Service API, "Logout": the csrf in the body, the Session_id cookie; 401 when either is wrong.
        let given: unknown;
        try {
          given = JSON.parse(body);
        } catch {
          return send(res, 400, { message: 'bad JSON' });
        }
        const csrf = (given as Record<string, unknown> | null)?.['csrf'];
        const session = typeof csrf === 'string' ? sessions.get(csrf) : undefined;
        const cookie = req.headers['cookie'] ?? '';
        if (session === undefined || !cookie.split(/;\s*/).includes(`Session_id=${session.sessionId}`)) {
          return send(res, 401, {
            error: { message: 'CSRF token invalid', internalCode: 10, responseStatus: 'UNAUTHORIZED', request: body },
          });
        }
        sessions.delete(csrf as string);
        bearers.delete(session.bearer);
        sessionCount.ended += 1;
        res.writeHead(200);
        return void res.end();
      }
      default:
        break;
    }
    // App Installations: a bearer, v=1.0, JSON.
    const auth = req.headers['authorization'];
    const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    if (token === undefined || !bearers.has(token)) {
      return send(res, 401, { message: 'Unauthorized', yourAuthorization: auth ?? null });
    }
    if (url.searchParams.get('v') === null) return send(res, 400, { message: 'v is required' });
    switch (route.route) {
      case 'list': {
        const listed = [...installations.values()]
          .map((item) => item.body)
          .filter((item) => item['deleted'] !== true || fake.listDeleted || url.searchParams.get('include_deleted') === 'true')
          .filter((item) => !unlisted.has(item));
        const fields = fake.listFields;
        const shown =
          fields === undefined
            ? listed
            : listed.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => fields.includes(key))));
        return send(res, 200, shown, { 'ac-revision': String(collection) });
      }
      case 'get': {
        const found = installations.get(route.id ?? '');
        if (found === undefined) return send(res, 404, { message: 'not found' });
        return send(res, 200, found.body, { 'ac-revision': String(collection), ETag: `"${collection}"` });
      }
      case 'create': {
        let manifest: unknown;
        try {
          manifest = JSON.parse(body);
        } catch {
          return send(res, 400, { message: 'bad JSON' });
        }
        if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
          return send(res, 400, { message: 'not an object' });
        const id = newId();
        const stored = { revision: ++collection, body: { enabled: true, ...(manifest as JsonObject), ...serverFields(id) } };
        installations.set(id, stored);
        const location = `/api/account/${account}/configuration/app-install/installations/${encodeURIComponent(id)}`;
        if (fake.createAnswer === 'installation')
          return send(res, fake.createStatus, stored.body, { 'ac-revision': String(collection) });
        if (fake.createAnswer === 'empty-unlisted') unlisted.add(stored.body);
        res.writeHead(fake.createStatus, {
          'ac-revision': String(collection),
          ...(fake.createAnswer === 'empty-with-location' ? { Location: location } : {}),
        });
        return void res.end();
      }
      case 'update': {
        const found = installations.get(route.id ?? '');
        if (found === undefined) return send(res, 404, { message: 'not found' });
        const ifMatch = req.headers['if-match'];
        if (ifMatch === undefined) return send(res, 428, { message: 'If-Match is required' });
        if (ifMatch !== String(collection) && ifMatch !== `"${collection}"`)
          return send(res, fake.staleStatus, { message: 'revision mismatch' });
        let replacement: unknown;
        try {
          replacement = JSON.parse(body);
        } catch {
          return send(res, 400, { message: 'bad JSON' });
        }
        if (typeof replacement !== 'object' || replacement === null || Array.isArray(replacement))
          return send(res, 400, { message: 'not an object' });
        // Attributes missing from the body are deleted, as LivePerson's account-config docs say; ids and secrets stay the server's.
        const kept = {
          id: found.body['id'] ?? null,
          client_id: found.body['client_id'] ?? null,
          client_secret: found.body['client_secret'] ?? null,
        };
        found.body = { ...(replacement as JsonObject), ...kept };
        found.revision = ++collection;
        return send(res, 200, found.body, { 'ac-revision': String(collection) });
      }
      default:
        return send(res, 404, { message: 'no such route' });
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const route = routeOf(req.method ?? 'GET', url.pathname);
      requests.push({
        method: req.method ?? '',
        route: route?.route ?? 'unknown',
        url: req.url ?? '',
        headers: { ...req.headers },
        body,
      });
      const fault = route === undefined ? undefined : takeFault(route.route);
      if (fault === undefined) return handle(req, res, body, route, url);
      switch (fault.kind) {
        case 'status': {
          const echo: Json =
            fault.echo === true
              ? { message: 'error', request: { headers: JSON.parse(JSON.stringify(req.headers)) as Json, body } }
              : { message: `fault ${fault.status}` };
          return send(res, fault.status, echo, { ...fault.headers });
        }
        case 'concurrent-update': {
          const found = installations.get(route?.id ?? '');
          if (found !== undefined) {
            found.revision = ++collection;
            found.body = { ...found.body, description: 'changed on the web' };
          }
          if (fault.staleStatus !== undefined) fake.staleStatus = fault.staleStatus;
          return handle(req, res, body, route, url);
        }
        case 'concurrent-other': {
          // Another installation is written (added, here): only the collection revision moves on.
          const id = newId();
          installations.set(id, {
            revision: ++collection,
            body: { ...serverFields(id), client_name: 'Installed meanwhile' },
          });
          return handle(req, res, body, route, url);
        }
        case 'drop-after': {
          // Handle it (a create is stored), then cut the connection before the answer goes out.
          const devNull = Object.create(res) as ServerResponse;
          devNull.writeHead = (() => devNull) as ServerResponse['writeHead'];
          devNull.end = (() => {
            req.socket.destroy();
            return devNull;
          }) as ServerResponse['end'];
          return handle(req, devNull, body, route, url);
        }
        case 'drop-before':
          req.socket.destroy();
          return;
        case 'delay': {
          const timer = setTimeout(() => handle(req, res, body, route, url), fault.ms);
          res.on('close', () => clearTimeout(timer));
          return;
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return fake;
}
