/**
 * The answers LivePerson's real service may give that the first fake did not
 * (issue 21 §1), each end to end: the built CLI over real HTTP against the fake.
 * Sources are cited in the README ("What is and isn't confirmed").
 */
import { expect } from 'chai';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, useTempDir } from '../cli/helpers.js';
import { startFakeLivePerson, type FakeLivePerson, type JsonObject } from '../fake-liveperson/server.js';
import { readFixture } from '../helpers/fixtures.js';
import { runCliAsync } from './run-cli.js';

/**
 * A valid connector manifest that draws no warning (so each test's stderr is its own lines): its
 * endpoints https, its name and description the app's own, not the template's (template_leftover).
 */
const manifest = (overrides: JsonObject = {}): JsonObject => {
  const base = structuredClone(readFixture('connector-with-headers.json')) as JsonObject & { capabilities: any };
  for (const webhook of Object.values(base.capabilities.webhooks) as { endpoint: string }[])
    webhook.endpoint = 'https://hooks.example.com/lp';
  return { ...base, client_name: 'Acme Connector', description: 'Routes Acme conversations', ...overrides };
};

/** The manifest file: with the connector profile's "$schema", which plan and apply read and never send. */
const manifestFile = (overrides: JsonObject = {}): string =>
  JSON.stringify({ $schema: './node_modules/lp-app-manifest/schema/connector.schema.json', ...manifest(overrides) });

describe('CLI against the answers the real LivePerson may give (issue 21)', () => {
  requireBuiltCli();
  const temp = useTempDir();
  let fake: FakeLivePerson;
  let file: string;

  beforeEach(async () => {
    fake = await startFakeLivePerson();
    file = join(temp(), 'manifest.json');
    writeFileSync(file, manifestFile());
    rmSync(credentialsFile(), { force: true });
  });
  afterEach(() => fake.close());

  const run = (args: string[], auth: 'bearer' | 'user' | 'application' | 'none' = 'bearer', extra: Record<string, string> = {}) =>
    runCliAsync(args, { ...fake.env(auth), ...extra }, temp());
  const routes = (): string[] => fake.requests.map((request) => request.route);
  /** Every secret the fake knows, and the csrf and session cookies it handed out (by their prefixes). */
  const expectNoSecrets = (output: { stdout: string; stderr: string }): void => {
    const text = output.stdout + output.stderr;
    for (const value of Object.values(fake.credentials).filter((each) => each !== fake.credentials.username))
      expect(text).not.to.include(value);
    for (const stored of fake.installations.values()) expect(text).not.to.include(String(stored.body['client_secret']));
    for (const prefix of ['csrf-', 'sessionid-', 'session-', 'clientsecret-', 'Session_id']) expect(text).not.to.include(prefix);
  };
  const credentialsFile = (): string => join(temp(), 'credentials.json');
  const apply = (extra: string[] = []) =>
    run(['apply', file, '--account', fake.account, '--yes', '--credentials-out', credentialsFile(), ...extra]);

  describe('a create answered without the installation in its body', () => {
    it('follows Location (HTTP 201): reads the new installation, writes its client_secret, never creates twice', async () => {
      fake.createAnswer = 'empty-with-location';
      const result = await apply();
      expect(result.status, result.stderr).to.equal(0);
      expect(routes()).to.deep.equal(['csds', 'list', 'create', 'get']);
      const [stored] = [...fake.installations.values()];
      expect(fake.installations.size).to.equal(1);
      expect(result.stdout).to.include('read it from the Location header');
      expect(result.stdout).to.include(`id ${String(stored!.body['id'])}, client_id ${String(stored!.body['client_id'])}`);
      const saved = JSON.parse(readFileSync(credentialsFile(), 'utf8')) as JsonObject;
      expect(saved['client_secret']).to.equal(stored!.body['client_secret']);
      expect(statSync(credentialsFile()).mode & 0o777).to.equal(0o600);
      expectNoSecrets(result);
    });

    it('without Location (HTTP 200): lists by client_name, reads the one found, writes its client_secret', async () => {
      fake.createAnswer = 'empty';
      fake.createStatus = 200;
      const result = await apply();
      expect(result.status, result.stderr).to.equal(0);
      expect(routes()).to.deep.equal(['csds', 'list', 'create', 'list', 'get']);
      expect(result.stdout).to.include('found it by listing');
      const [stored] = [...fake.installations.values()];
      const saved = JSON.parse(readFileSync(credentialsFile(), 'utf8')) as JsonObject;
      expect(saved['client_secret']).to.equal(stored!.body['client_secret']);
      expectNoSecrets(result);
    });

    it('says what happened and what to check when the new installation cannot be found, and never creates again', async () => {
      fake.createAnswer = 'empty-unlisted';
      const result = await apply();
      expect(result.status).to.equal(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).to.have.length(1);
      expect(lines[0]).to.include('LivePerson answered HTTP 201 without the installation in its body or a Location header');
      expect(lines[0]).to.include("run plan (or look in LivePerson's UI) before applying again; nothing more was sent");
      expect(fake.writes()).to.have.length(1);
      expect(fake.installations.size).to.equal(1);
      expect(() => statSync(credentialsFile())).to.throw();
      expectNoSecrets(result);
    });

    it('says so when reading the new installation back fails (500 on every try), and never creates again', async () => {
      fake.createAnswer = 'empty-with-location';
      fake.inject('get', { kind: 'status', status: 500, echo: true }, 4);
      const result = await apply();
      expect(result.status).to.equal(1);
      expect(result.stderr.trim().split('\n')).to.have.length(1);
      expect(result.stderr).to.include(
        'LivePerson answered HTTP 201 without the installation in its body, and reading it back failed',
      );
      expect(result.stderr).to.include('HTTP 500');
      expect(result.stderr).to.include(
        "the app is probably installed: run plan (or look in LivePerson's UI) before applying again",
      );
      expect(routes()).to.deep.equal(['csds', 'list', 'create', 'get', 'get', 'get', 'get']);
      expect(fake.writes()).to.have.length(1);
      expect(fake.installations.size).to.equal(1);
      expectNoSecrets(result);
    });

    it('a create answered 500 is not repeated, and says the app may have been installed', async () => {
      fake.inject('create', { kind: 'status', status: 500 });
      const result = await apply();
      expect(result.status).to.equal(1);
      expect(result.stderr).to.include('LivePerson answered HTTP 500; the app may or may not have been installed: run plan');
      expect(fake.writes()).to.have.length(1);
    });
  });

  describe('a list that carries only some fields of each installation', () => {
    it('reads each listed installation by id to learn its client_name: plans an update, never a second install', async () => {
      const { id } = fake.seed(manifest({ enabled: false }));
      fake.seed(manifest({ client_name: 'Another app' }));
      fake.listFields = ['id', 'deleted', 'name'];
      writeFileSync(file, manifestFile({ enabled: true }));
      const plan = await run(['plan', file, '--account', fake.account, '--exit-code']);
      expect(plan.status, plan.stderr).to.equal(3);
      expect(plan.stdout).to.include(`Installation ${id} in account ${fake.account}: 1 change`);
      expect(routes()).to.deep.equal(['csds', 'list', 'get', 'get', 'get']);
      const applied = await apply();
      expect(applied.status, applied.stderr).to.equal(0);
      expect(fake.installations.size).to.equal(2);
      expect(fake.writes().map((request) => request.route)).to.deep.equal(['update']);
    });

    it('stops with a clear error when a listed installation has neither client_name nor id', async () => {
      fake.seed(manifest());
      fake.listFields = ['deleted', 'name'];
      for (const args of [[], ['--yes', '--credentials-out', credentialsFile()]]) {
        const command = args.length === 0 ? 'plan' : 'apply';
        const result = await run([command, file, '--account', fake.account, ...args]);
        expect(result.status, command).to.equal(1);
        expect(result.stderr, command).to.include(
          'the list carries an installation with neither client_name nor id, so it cannot tell whether the app is installed; name the installation with --app',
        );
      }
      expect(fake.writes()).to.deep.equal([]);
    });
  });

  describe('a deleted installation', () => {
    it('plan, apply --app and pull say it is deleted, and plan, write and pull nothing', async () => {
      const { id } = fake.seed(manifest({ enabled: false }), { deleted: true });
      writeFileSync(file, manifestFile({ enabled: true }));
      const out = join(temp(), 'pulled.json');
      for (const args of [
        ['plan', file, '--account', fake.account, '--app', id],
        ['apply', file, '--account', fake.account, '--app', id, '--yes'],
        ['pull', '--account', fake.account, '--app', id, '--out', out],
      ]) {
        const result = await run(args);
        expect(result.status, args[0]).to.equal(1);
        expect(result.stderr.trim().split('\n'), args[0]).to.have.length(1);
        expect(result.stderr, args[0]).to.include(`installation ${id} of account ${fake.account} is deleted`);
        expect(result.stdout, args[0]).not.to.include('change');
      }
      expect(fake.writes()).to.deep.equal([]);
      expect(() => statSync(out)).to.throw();
    });

    it('by name, a deleted installation is not the app: the list hides it, and one listed anyway is skipped', async () => {
      fake.seed(manifest(), { deleted: true });
      const hidden = await run(['plan', file, '--account', fake.account, '--format', 'json']);
      expect(JSON.parse(hidden.stdout)).to.include({ action: 'create' });
      fake.listDeleted = true;
      const listed = await run(['plan', file, '--account', fake.account, '--format', 'json']);
      expect(listed.status, listed.stderr).to.equal(0);
      expect(JSON.parse(listed.stdout)).to.include({ action: 'create' });
      expect(routes().filter((route) => route === 'get')).to.deep.equal([]);
    });
  });

  describe("the account's collection revision", () => {
    it('another installation written meanwhile: reads and plans again, the plan is the same, applies it', async () => {
      const { id } = fake.seed(manifest({ enabled: false }));
      writeFileSync(file, manifestFile({ enabled: true }));
      fake.inject('update', { kind: 'concurrent-other' });
      const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
      expect(result.status, result.stderr).to.equal(0);
      expect(result.stderr).to.include(
        `another installation of account ${fake.account} changed meanwhile (the revision is the account's); read again, the plan is the same: applying it`,
      );
      expect(routes()).to.deep.equal(['csds', 'get', 'update', 'get', 'update']);
      expect(fake.writes()[1]?.headers['if-match']).to.equal(String(fake.revision - 1));
      expect(fake.installations.get(id)!.body).to.include({ enabled: true });
      expect(fake.installations.size).to.equal(2);
    });

    it('a stale write twice in a row stops, changing nothing', async () => {
      const { id } = fake.seed(manifest({ enabled: false }));
      writeFileSync(file, manifestFile({ enabled: true }));
      fake.inject('update', { kind: 'concurrent-other' }, 2);
      const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
      expect(result.status).to.equal(1);
      expect(result.stderr).to.include(`some installation of account ${fake.account} changed since it was read`);
      expect(fake.installations.get(id)!.body).to.include({ enabled: false });
    });
  });

  describe('retries', () => {
    it('a read answered 500 is retried three times with the pauses given, then goes on', async () => {
      const { id } = fake.seed(manifest());
      fake.inject('get', { kind: 'status', status: 500 }, 3);
      const started = Date.now();
      const result = await run(['plan', file, '--account', fake.account, '--app', id], 'bearer', {
        LP_APP_MANIFEST_TEST_RETRY_PAUSES_MS: '200,400,600',
      });
      expect(result.status, result.stderr).to.equal(0);
      expect(Date.now() - started).to.be.at.least(1200);
      expect(routes().filter((route) => route === 'get')).to.have.length(4);
    });

    it('a read still answered 500 after 4 tries says LivePerson is unavailable', async () => {
      const { id } = fake.seed(manifest());
      fake.inject('get', { kind: 'status', status: 500 }, 4);
      const result = await run(['plan', file, '--account', fake.account, '--app', id]);
      expect(result.status).to.equal(1);
      expect(result.stderr).to.include(
        'LivePerson is unavailable (HTTP 500, after 4 tries or the time allowed); try again later',
      );
    });

    it('a write answered 500 is not retried, and says it may have been stored', async () => {
      const { id } = fake.seed(manifest({ enabled: false }));
      writeFileSync(file, manifestFile({ enabled: true }));
      fake.inject('update', { kind: 'status', status: 500 });
      const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
      expect(result.status).to.equal(1);
      expect(result.stderr).to.include(
        'LivePerson answered HTTP 500; the update may or may not have been stored: run plan to see before applying again',
      );
      expect(fake.writes()).to.have.length(1);
    });

    it('--timeout defaults to 60 s, room for the 5, 10 and 15 s pauses', async () => {
      const help = await runCliAsync(['plan', '--help'], {}, temp());
      expect(help.stdout).to.include('its retries and').and.include('default 60)');
    });
  });

  describe('login and logout', () => {
    for (const auth of ['user', 'application'] as const) {
      it(`logs out after a ${auth} login, with the csrf and the session cookie the login returned`, async () => {
        const { id } = fake.seed(manifest());
        const result = await run(['plan', file, '--account', fake.account, '--app', id], auth);
        expect(result.status, result.stderr).to.equal(0);
        expect(routes()).to.deep.equal(['csds', 'login', 'get', 'logout']);
        expect(fake.sessions).to.deep.equal({ opened: 1, ended: 1 });
        const logout = fake.requests.find((request) => request.route === 'logout')!;
        expect(logout.url).to.equal(`/api/account/${fake.account}/logout`);
        expect(logout.headers['cookie']).to.match(/^Session_id=sessionid-/);
        expect(Object.keys(JSON.parse(logout.body) as object)).to.deep.equal(['csrf']);
        expect(result.stderr).to.equal('');
        expectNoSecrets(result);
      });
    }

    it('logs out after a failed command too, and a failed logout is one warning line, not a failure', async () => {
      const { id } = fake.seed(manifest());
      const missing = await run(['plan', file, '--account', fake.account, '--app', 'no-such-app'], 'user');
      expect(missing.status).to.equal(1);
      expect(fake.sessions.ended).to.equal(1);
      fake.inject('logout', { kind: 'status', status: 500, echo: true });
      const result = await run(['plan', file, '--account', fake.account, '--app', id], 'user');
      expect(result.status, result.stderr).to.equal(0);
      const lines = result.stderr.trim().split('\n');
      expect(lines).to.have.length(1);
      expect(lines[0]).to.match(/^lp-app-manifest: warning: could not log out of LivePerson \(.*HTTP 500\)/);
      expect(lines[0]).to.include('the session ends by itself when it expires');
      expect(routes().filter((route) => route === 'logout')).to.have.length(2);
      expectNoSecrets(result);
    });

    it('a user who is not an administrator is one line, before any installations call, and is logged out', async () => {
      fake.seed(manifest());
      fake.loginConfig = { loginName: fake.credentials.username, isAdmin: false, isLPA: false };
      const result = await run(['plan', file, '--account', fake.account], 'user');
      expect(result.status).to.equal(1);
      expect(result.stderr.trim().split('\n')).to.have.length(1);
      expect(result.stderr).to.include(
        `the user in LP_USERNAME is not an administrator of account ${fake.account} (the login answer's config has isAdmin and isLPA false)`,
      );
      expect(routes()).to.deep.equal(['csds', 'login', 'logout']);
      expectNoSecrets(result);
      // An LPA (LivePerson's own staff) is let in, as LivePerson's demo does.
      fake.loginConfig = { isAdmin: false, isLPA: true };
      const lpa = await run(['plan', file, '--account', fake.account], 'user');
      expect(lpa.status, lpa.stderr).to.equal(0);
    });

    it('takes LP_BEARER_TOKEN pasted with its "Bearer " prefix', async () => {
      const { id } = fake.seed(manifest());
      for (const pasted of [`Bearer ${fake.credentials.bearer}`, `bearer  ${fake.credentials.bearer}`]) {
        const result = await run(['plan', file, '--account', fake.account, '--app', id], 'none', { LP_BEARER_TOKEN: pasted });
        expect(result.status, result.stderr).to.equal(0);
        expect(fake.requests.at(-1)?.headers['authorization']).to.equal(`Bearer ${fake.credentials.bearer}`);
        expectNoSecrets(result);
      }
    });
  });
});
