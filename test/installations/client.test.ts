import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  createInstallationsClient,
  credentialsFromEnv,
  InstallationsError,
  DEFAULT_TIMEOUT_MS,
  MAX_TRIES,
  RETRY_PAUSES_MS,
  type Clock,
  type InstallationsClientOptions,
} from '../../src/installations/index.js';
import { startFakeLivePerson, type FakeLivePerson } from '../fake-liveperson/server.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** A clock whose sleeps return at once and are recorded. */
function fakeClock(): Clock & { readonly sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<InstallationsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InstallationsError);
    return error as InstallationsError;
  }
  throw new Error('expected the call to fail');
}

describe('installations client (against the fake LivePerson)', () => {
  let fake: FakeLivePerson;
  let clock: ReturnType<typeof fakeClock>;
  const client = (auth: 'bearer' | 'user' | 'application' = 'bearer', options: Partial<InstallationsClientOptions> = {}) =>
    createInstallationsClient({ account: fake.account, env: fake.env(auth), clock, random: () => 0.5, ...options });

  beforeEach(async () => {
    fake = await startFakeLivePerson();
    clock = fakeClock();
  });
  afterEach(() => fake.close());

  it('finds the hosts with the Domain API and sends the bearer, JSON headers, a User-Agent and v=1.0', async () => {
    const { id } = fake.seed({ client_name: 'Bot' });
    const read = await client().get(id);
    expect(read.installation['client_name']).to.equal('Bot');
    expect(read.revision).to.equal('1');
    expect(fake.requests.map((request) => request.route)).to.deep.equal(['csds', 'get']);
    expect(fake.requests[0]?.url).to.match(/^\/csds\/api\/account\/12345678\/service\/baseURI\.json\?version=1\.0$/);
    const get = fake.requests[1]!;
    expect(get.url).to.match(/\?v=1\.0$/);
    expect(get.headers['authorization']).to.equal(`Bearer ${fake.credentials.bearer}`);
    expect(get.headers['accept']).to.equal('application/json');
    expect(get.headers['content-type']).to.equal('application/json');
    expect(get.headers['user-agent']).to.include(`lp-app-manifest/${VERSION}`);
  });

  for (const auth of ['user', 'application'] as const) {
    it(`logs in once (${auth} login) and reuses the bearer`, async () => {
      const { id } = fake.seed({ client_name: 'Bot' });
      const lp = client(auth);
      await lp.get(id);
      await lp.list();
      expect(fake.requests.map((request) => request.route)).to.deep.equal(['csds', 'login', 'get', 'list']);
      expect(fake.requests[1]?.url).to.match(/\/login\?v=1\.3$/);
      const sent = JSON.parse(fake.requests[1]!.body) as Record<string, unknown>;
      expect(Object.keys(sent).sort()).to.deep.equal(
        auth === 'user' ? ['password', 'username'] : ['accessToken', 'accessTokenSecret', 'appKey', 'secret', 'username'],
      );
      expect(fake.requests[2]?.headers['authorization']).to.match(/^Bearer session-/);
    });
  }

  it('reports rejected credentials in one line naming the variables, never their values, even when the server echoes them', async () => {
    const error = await failure(
      createInstallationsClient({
        account: fake.account,
        env: { ...fake.env('user'), LP_PASSWORD: 'wrong-password-123456' },
        clock,
      }).list(),
    );
    expect(error.code).to.equal('auth');
    expect(error.status).to.equal(401);
    expect(error.message).to.include('LP_USERNAME, LP_PASSWORD');
    expect(error.message).not.to.include('wrong-password-123456');
    const bad = await failure(
      createInstallationsClient({
        account: fake.account,
        env: { ...fake.env('none'), LP_BEARER_TOKEN: 'bad-token-abcdef' },
        clock,
      }).list(),
    );
    expect(bad.code).to.equal('auth');
    expect(bad.message).to.include('LP_BEARER_TOKEN');
    expect(bad.message).not.to.include('bad-token-abcdef');
  });

  it('never puts an error body into a message (it may echo the request)', async () => {
    fake.inject('list', { kind: 'status', status: 400, echo: true });
    const error = await failure(client().list());
    expect(error).to.include({ code: 'http', status: 400 });
    expect(error.message).not.to.include(fake.credentials.bearer);
    expect(error.message).not.to.include('request');
  });

  it('takes LP_BEARER_TOKEN pasted with its "Bearer " prefix, and says so when only the prefix is there', () => {
    for (const pasted of ['Bearer abc.def', 'bearer abc.def', ' BEARER \tabc.def'])
      expect(credentialsFromEnv({ LP_BEARER_TOKEN: pasted })).to.include({ kind: 'bearer', token: 'abc.def' });
    expect(() => credentialsFromEnv({ LP_BEARER_TOKEN: 'Bearer ' })).to.throw(InstallationsError, /holds only "Bearer"/);
    expect(() => credentialsFromEnv({ LP_BEARER_TOKEN: 'Bearer a b' })).to.throw(/not a usable token/);
  });

  it('names the missing variables when credentials are incomplete', () => {
    expect(() => credentialsFromEnv({})).to.throw(InstallationsError, /LP_BEARER_TOKEN/);
    for (const token of ['TOKSEC\nRET', 'tok sec', 'tök', 'a\u0000b']) {
      expect(() => credentialsFromEnv({ LP_BEARER_TOKEN: token }), JSON.stringify(token))
        .to.throw(InstallationsError, /LP_BEARER_TOKEN is not a usable token/)
        .with.property('message')
        .that.does.not.include('SEC');
    }
    expect(() => credentialsFromEnv({ LP_USERNAME: 'u' })).to.throw(/LP_PASSWORD/);
    expect(() => credentialsFromEnv({ LP_USERNAME: 'u', LP_APP_KEY: 'k' })).to.throw(
      /LP_APP_SECRET, LP_ACCESS_TOKEN, LP_ACCESS_TOKEN_SECRET/,
    );
  });

  for (const stale of [409, 412] as const) {
    it(`stops on a stale revision (${stale}) and changes nothing`, async () => {
      const { id } = fake.seed({ client_name: 'Bot', description: 'old' });
      const lp = client();
      const read = await lp.get(id);
      fake.inject('update', { kind: 'concurrent-update', staleStatus: stale });
      const error = await failure(lp.update(id, { ...read.installation, description: 'mine' }, read.revision!));
      expect(error).to.include({ code: 'stale', status: stale });
      expect(error.message).to.match(/changed since it was read.*run plan again/);
      expect(fake.installations.get(id)?.body['description']).to.equal('changed on the web');
      expect(fake.writes()).to.have.length(1);
    });
  }

  it('updates with If-Match set to the revision read, keeping fields it does not know', async () => {
    const { id } = fake.seed({ client_name: 'Bot' }, { lp_internal: { a: 1 } });
    const lp = client();
    const read = await lp.get(id);
    const updated = await lp.update(id, { ...read.installation, description: 'new' }, read.revision!);
    expect(updated.revision).to.equal('2');
    expect(fake.writes()[0]?.headers['if-match']).to.equal('1');
    expect(fake.installations.get(id)?.body).to.include({ description: 'new' });
    expect(fake.installations.get(id)?.body['lp_internal']).to.deep.equal({ a: 1 });
  });

  it('takes a stale answer to a retried update as success only when the installation is what was sent', async () => {
    const { id } = fake.seed({ client_name: 'Bot', description: 'old' });
    const lp = client();
    const read = await lp.get(id);
    fake.inject('update', { kind: 'drop-after' });
    const updated = await lp.update(id, { ...read.installation, description: 'mine' }, read.revision!);
    expect(updated.installation['description']).to.equal('mine');
    expect(fake.installations.get(id)?.revision).to.equal(2);
    expect(fake.writes()).to.have.length(2);

    const again = await lp.get(id);
    fake.inject('update', { kind: 'drop-before' });
    fake.inject('update', { kind: 'concurrent-update' });
    const error = await failure(lp.update(id, { ...again.installation, description: 'mine again' }, again.revision!));
    expect(error.code).to.equal('stale');
    expect(fake.installations.get(id)?.body['description']).to.equal('changed on the web');
  });

  it('honours Retry-After on 429, then succeeds', async () => {
    fake.inject('list', { kind: 'status', status: 429, headers: { 'Retry-After': '3' } });
    expect(await client().list()).to.deep.equal([]);
    expect(clock.sleeps).to.deep.equal([3000]);
    expect(fake.requests.filter((request) => request.route === 'list')).to.have.length(2);
  });

  it("retries 502, 503, 504 and dropped connections with LivePerson's pauses of 5, 10 and 15 s, each spread by up to a tenth", async () => {
    fake.inject('list', { kind: 'status', status: 503 });
    fake.inject('list', { kind: 'drop-before' });
    fake.inject('list', { kind: 'status', status: 504 });
    expect(await client().list()).to.deep.equal([]);
    expect(clock.sleeps).to.deep.equal([5250, 10_500, 15_750]);
    expect(RETRY_PAUSES_MS).to.deep.equal([5000, 10_000, 15_000]);
  });

  it('retries a read answered 500 (or any 5xx), never a write answered 500, and takes shorter pauses when given', async () => {
    fake.inject('list', { kind: 'status', status: 500 });
    fake.inject('list', { kind: 'status', status: 501 });
    expect(await client('bearer', { retryPausesMs: [1, 2, 3] }).list()).to.deep.equal([]);
    expect(clock.sleeps).to.deep.equal([1.05, 2.1]);
    const { id } = fake.seed({ client_name: 'Bot' });
    const read = await client().get(id);
    fake.inject('update', { kind: 'status', status: 500 });
    const error = await failure(client().update(id, { ...read.installation, description: 'new' }, read.revision!));
    // A 5xx may come after the write was stored: the outcome is unknown, and the message says to look first.
    expect(error).to.include({ code: 'outcome_unknown', status: 500 });
    expect(error.message).to.include('the update may or may not have been stored');
    expect(fake.writes()).to.have.length(1);
  });

  it('gives the pauses room: the default time limit is 60 s', () => {
    expect(DEFAULT_TIMEOUT_MS).to.equal(60_000);
    expect(RETRY_PAUSES_MS.reduce((sum, pause) => sum + pause, 0)).to.be.lessThan(DEFAULT_TIMEOUT_MS / 1.5);
  });

  it('never follows a Location to another host: it finds the created installation by listing instead', async () => {
    const seen: string[] = [];
    const wrapped: typeof fetch = async (input, init) => {
      const url = String(input);
      seen.push(url);
      const response = await fetch(input, init);
      if (init?.method !== 'POST' || !url.includes('/installations?')) return response;
      return new Response(null, {
        status: 201,
        headers: { Location: `https://other.example.com/api/account/${fake.account}/configuration/app-install/installations/x` },
      });
    };
    const created = await client('bearer', { fetch: wrapped }).create({ client_name: 'New bot' });
    expect(created).to.include({ recovered: true, foundBy: 'listing' });
    expect(created.installation['client_secret']).to.be.a('string');
    expect(seen.some((url) => url.includes('other.example.com'))).to.equal(false);
    expect(fake.installations.size).to.equal(1);
  });

  it('reads back a created installation whose answer left out client_secret (a GET returns it)', async () => {
    const wrapped: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== 'POST' || !String(input).includes('/installations?')) return response;
      const { client_secret: _left, ...rest } = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(rest), { status: 201 });
    };
    const created = await client('bearer', { fetch: wrapped }).create({ client_name: 'New bot' });
    const [stored] = [...fake.installations.values()];
    expect(created.installation['client_secret']).to.equal(stored!.body['client_secret']);
    expect(created.revision).to.equal(String(fake.revision));
    expect(fake.requests.map((request) => request.route)).to.deep.equal(['csds', 'create', 'get']);
  });

  it('finds installations by name without the deleted ones, reading by id those the list gives without client_name', async () => {
    const { id } = fake.seed({ client_name: 'Bot' });
    fake.seed({ client_name: 'Bot' }, { deleted: true });
    fake.seed({ client_name: 'Other' });
    fake.listFields = ['id', 'deleted'];
    const found = await client().findByName('Bot');
    expect(found.map((item) => item['id'])).to.deep.equal([id]);
    expect(fake.requests.filter((request) => request.route === 'get')).to.have.length(2);
  });

  it('close() logs out after a login, and does nothing for a bearer token', async () => {
    const user = client('user');
    await user.list();
    await user.close();
    expect(fake.sessions).to.deep.equal({ opened: 1, ended: 1 });
    const bearer = client();
    await bearer.list();
    await bearer.close();
    expect(fake.requests.filter((request) => request.route === 'logout')).to.have.length(1);
  });

  it(`gives up after ${MAX_TRIES} tries, naming the last status`, async () => {
    fake.inject('list', { kind: 'status', status: 502 }, 3);
    fake.inject('list', { kind: 'status', status: 503 }, 10);
    const error = await failure(client().list());
    expect(error).to.include({ code: 'unavailable', status: 503 });
    expect(error.message).to.include('HTTP 503');
    expect(fake.requests.filter((request) => request.route === 'list')).to.have.length(MAX_TRIES);
  });

  it('does not wait past the time limit: a Retry-After beyond it ends the retries at once', async () => {
    fake.inject('list', { kind: 'status', status: 429, headers: { 'Retry-After': '120' } });
    const error = await failure(client('bearer', { timeoutMs: 10_000 }).list());
    expect(error).to.include({ code: 'unavailable', status: 429 });
    expect(error.message).to.include('retry after 120 s');
    expect(clock.sleeps).to.deep.equal([]);
  });

  it('times out on a silent server with a clear message, never a hang', async () => {
    fake.inject('list', { kind: 'delay', ms: 5000 });
    const started = Date.now();
    const error = await failure(createInstallationsClient({ account: fake.account, env: fake.env(), timeoutMs: 300 }).list());
    expect(error.code).to.equal('timeout');
    expect(error.message).to.include('no answer from LivePerson within 0.3 s');
    expect(Date.now() - started).to.be.lessThan(3000);
  });

  it('never repeats a create whose answer was lost: it lists and finds the one stored', async () => {
    fake.inject('create', { kind: 'drop-after' });
    const created = await client().create({ client_name: 'New bot' });
    expect(created.recovered).to.equal(true);
    expect(created.installation['client_name']).to.equal('New bot');
    expect(fake.writes()).to.have.length(1);
    expect([...fake.installations.values()].filter((stored) => stored.body['client_name'] === 'New bot')).to.have.length(1);
  });

  it('repeats a create only after listing shows it was not stored', async () => {
    fake.inject('create', { kind: 'status', status: 503 });
    const created = await client().create({ client_name: 'New bot' });
    expect(created.recovered).to.equal(false);
    expect(fake.requests.map((request) => request.route)).to.deep.equal(['csds', 'create', 'list', 'create']);
    expect(fake.installations.size).to.equal(1);
  });

  it('takes a retried update as its own when LivePerson only re-issued the secret, and as stale when a server field changed', async () => {
    const sent = {
      id: 'a1',
      client_id: 'c1',
      client_secret: 'old-secret',
      client_secret_expires_at: 0,
      deleted: false,
      client_name: 'Bot',
    };
    const after = (stored: Record<string, unknown>): typeof fetch => {
      const puts: string[] = [];
      return async (input, init) => {
        const url = String(input);
        if (url.includes('baseURI.json'))
          return new Response(
            JSON.stringify({ baseURIs: [{ service: 'accountConfigReadWrite', baseURI: 'z1.example.invalid' }] }),
          );
        if (init?.method === 'GET') return new Response(JSON.stringify(stored), { headers: { 'ac-revision': '3' } });
        puts.push(url);
        // The first try is stored but its answer is lost; the retry then finds the revision moved on.
        if (puts.length === 1) throw new TypeError('fetch failed');
        return new Response('{}', { status: 412 });
      };
    };
    const update = (stored: Record<string, unknown>) =>
      createInstallationsClient({
        account: '1',
        env: { LP_BEARER_TOKEN: 't' },
        fetch: after(stored),
        clock,
        random: () => 0.5,
      }).update('a1', sent, '2');
    const rotated = { ...sent, client_secret: 'new-secret', client_secret_expires_at: 1_800_000_000, client_id_issued_at: 1 };
    expect(await update(rotated)).to.deep.equal({ installation: rotated, revision: '3' });
    for (const changed of [{ deleted: true }, { client_id: 'c2' }, { client_name: 'Changed on the web' }]) {
      const error = await failure(update({ ...sent, ...changed }));
      expect(error, JSON.stringify(changed)).to.include({ code: 'stale', status: 412 });
    }
  });

  it('asks the Domain API for the Login API host only when it logs in', async () => {
    const domain =
      (services: readonly string[]): typeof fetch =>
      async (input) =>
        String(input).includes('baseURI.json')
          ? new Response(JSON.stringify({ baseURIs: services.map((service) => ({ service, baseURI: 'z1.example.invalid' })) }))
          : new Response('[]');
    const lp = (env: Record<string, string>) =>
      createInstallationsClient({ account: '1', env, fetch: domain(['accountConfigReadWrite']), clock }).list();
    expect(await lp({ LP_BEARER_TOKEN: 't' })).to.deep.equal([]);
    const error = await failure(lp({ LP_USERNAME: 'u', LP_PASSWORD: 'p' }));
    expect(error.code).to.equal('protocol');
    expect(error.message).to.equal('Domain API (account 1): no host for the service agentVep');
  });

  it('refuses http:// for LP_CSDS_URL unless it is loopback, and calls non-loopback service hosts over https only', async () => {
    const urls: string[] = [];
    const recording: typeof fetch = async (input) => {
      urls.push(String(input));
      if (urls.length === 1) {
        return new Response(
          JSON.stringify({ baseURIs: [{ service: 'accountConfigReadWrite', account: '1', baseURI: 'z1.example.invalid' }] }),
          { status: 200 },
        );
      }
      return new Response('[]', { status: 200 });
    };
    const env = { LP_BEARER_TOKEN: 't', LP_CSDS_URL: 'http://127.0.0.1:9/csds' };
    await createInstallationsClient({ account: '1', env, fetch: recording, clock }).list();
    expect(urls).to.deep.equal([
      'http://127.0.0.1:9/csds/api/account/1/service/baseURI.json?version=1.0',
      'https://z1.example.invalid/api/account/1/configuration/app-install/installations?v=1.0',
    ]);
    const refused = await failure(
      createInstallationsClient({
        account: '1',
        env: { ...env, LP_CSDS_URL: 'http://csds.example.invalid' },
        fetch: recording,
        clock,
      }).list(),
    );
    expect(refused.code).to.equal('config');
    expect(refused.message).to.include('only on a loopback host (localhost, 127.0.0.1, [::1])');
    expect(urls).to.have.length(2);
    for (const host of ['localhost', '[::1]']) {
      urls.length = 0;
      await createInstallationsClient({
        account: '1',
        env: { ...env, LP_CSDS_URL: `http://${host}:9/csds` },
        fetch: recording,
        clock,
      }).list();
      expect(urls[0]).to.equal(`http://${host}:9/csds/api/account/1/service/baseURI.json?version=1.0`);
    }
    const defaultUrls: string[] = [];
    await failure(
      createInstallationsClient({
        account: '1',
        env: { LP_BEARER_TOKEN: 't' },
        clock,
        fetch: async (input) => (defaultUrls.push(String(input)), new Response('{}', { status: 401 })),
      }).list(),
    );
    expect(defaultUrls[0]).to.equal('https://api.liveperson.net/api/account/1/service/baseURI.json?version=1.0');
  });
});
