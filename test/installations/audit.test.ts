import { expect } from 'chai';
import { requireBuiltCli, useTempDir } from '../cli/helpers.js';
import { startFakeLivePerson, type FakeLivePerson, type JsonObject } from '../fake-liveperson/server.js';
import { readFixture } from '../helpers/fixtures.js';
import { runCliAsync } from './run-cli.js';

const CONTENT_EVENT = 'ms.MessagingEventNotification.ContentEvent';
const HEADER_SECRET = 'audit-header-secret-5e6f7a';

/** The documented connector with a secret header, its endpoints on a public host. */
const connector = (): JsonObject & { capabilities: any } => {
  const base = structuredClone(readFixture('connector-with-headers.json')) as JsonObject & { capabilities: any };
  for (const webhook of Object.values(base.capabilities.webhooks) as { endpoint: string }[])
    webhook.endpoint = 'https://hooks.example.com/lp';
  base.capabilities.webhooks[CONTENT_EVENT].headers[0].header_value = HEADER_SECRET;
  // Not LivePerson's template text, which is a warning of its own (template_leftover).
  base['description'] = 'Routes Acme chats to the bot';
  return base;
};

interface Audited {
  readonly id: string | null;
  readonly client_name: string | null;
  readonly enabled: boolean | null;
  readonly profile: string;
  readonly valid: boolean;
  readonly issues: readonly { code: string; path: string }[];
  readonly warnings: readonly { code: string; path: string }[];
}

describe('CLI audit against the fake LivePerson', () => {
  requireBuiltCli();
  const temp = useTempDir();
  let fake: FakeLivePerson;
  let ids: Record<'good' | 'http' | 'misspelled' | 'emptySecret' | 'general', string>;

  beforeEach(async () => {
    fake = await startFakeLivePerson();
    const good = fake.seed(
      { ...connector(), client_name: 'Good connector', enabled: true },
      { capabilities: { ...connector().capabilities, broadcast: { x: 1 } } },
    );
    const http = connector();
    http.capabilities.webhooks[CONTENT_EVENT].endpoint = 'http://hooks.example.com/lp';
    const misspelled = connector();
    misspelled.capabilities.webhooks['ms.MessagingEventNotification.ExConversationChangeNotification'] =
      misspelled.capabilities.webhooks['cqm.ExConversationChangeNotification'];
    delete misspelled.capabilities.webhooks['cqm.ExConversationChangeNotification'];
    const emptySecret = connector();
    emptySecret.capabilities.webhooks[CONTENT_EVENT].headers[0].header_value = '';
    ids = {
      good: good.id,
      http: fake.seed({ ...http, client_name: 'Plain http' }).id,
      misspelled: fake.seed({ ...misspelled, client_name: 'Misspelled event' }).id,
      emptySecret: fake.seed({ ...emptySecret, client_name: 'Empty secret', enabled: false }).id,
      general: fake.seed({ client_name: 'FAQ bot', scope: 'msg.consumer livedeflect' }).id,
    };
    fake.resetLog();
  });
  afterEach(() => fake.close());

  const run = (args: string[]) => runCliAsync(['audit', '--account', fake.account, ...args], fake.env('bearer'), temp());
  const secrets = (): string[] => [
    fake.credentials.bearer,
    HEADER_SECRET,
    ...[...fake.installations.values()].map((stored) => String(stored.body['client_secret'])),
  ];
  const expectNoSecret = (output: { stdout: string; stderr: string }): void => {
    for (const secret of secrets()) expect(output.stdout + output.stderr).not.to.include(secret);
  };

  it('reads one list and each installation once, checks each with the profile it looks like, exit 1 on an issue', async () => {
    const result = await run(['--format', 'json']);
    expect(result.status, result.stderr).to.equal(1);
    const report = JSON.parse(result.stdout) as { installations: Audited[]; summary: Record<string, unknown> };
    const byId = new Map(report.installations.map((each) => [each.id, each]));
    expect(byId.get(ids.good)).to.include({ client_name: 'Good connector', enabled: true, profile: 'connector', valid: true });
    expect(byId.get(ids.good)!.issues).to.deep.equal([]);
    expect(byId.get(ids.http)!.issues.map((issue) => issue.code)).to.include('url_not_https');
    expect(byId.get(ids.misspelled)!.issues.map((issue) => issue.code)).to.include('misspelled_webhook_event');
    expect(byId.get(ids.emptySecret)).to.include({ enabled: false, valid: true });
    expect(byId.get(ids.emptySecret)!.warnings.map((issue) => issue.code)).to.include('header_value_whitespace');
    // Not a connector (no client_credentials grant): the general rules, where two scope values pass.
    expect(byId.get(ids.general)).to.include({ profile: 'general', valid: true });
    expect(report.summary).to.deep.include({ installations: 5, valid: 3, invalid: 2, failed: 2, strict: false });
    const routes = fake.requests.map((request) => request.route).filter((route) => route === 'list' || route === 'get');
    expect(routes).to.deep.equal(['list', ...Array(5).fill('get')]);
    expect(fake.writes()).to.deep.equal([]);
    expectNoSecret(result);
  });

  it('prints a table of id, client_name, enabled and profile, then each finding, in text', async () => {
    const result = await run([]);
    expect(result.status).to.equal(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).to.equal(`Account ${fake.account}:`);
    expect(lines[1]).to.match(/^id +client_name +enabled +profile +issues +warnings$/);
    expect(lines.find((line) => line.startsWith(ids.good))).to.match(/^\S+ +"Good connector" +yes +connector +0 +0$/);
    expect(lines.find((line) => line.startsWith(ids.emptySecret))).to.match(/^\S+ +"Empty secret" +no +connector +0 +1$/);
    expect(result.stdout).to.include(`installation ${ids.http}: capabilities.webhooks["${CONTENT_EVENT}"].endpoint: `);
    expect(result.stdout).to.match(/5 installations checked: 3 valid, 2 invalid, \d+ issues?, \d+ warnings?\n$/);
    expectNoSecret(result);
  });

  it('markdown and github: the same findings, secrets never shown; --strict fails on warnings', async () => {
    const markdown = await run(['--format', 'markdown']);
    expect(markdown.stdout).to.match(/^### lp-app-manifest audit of account /);
    expect(markdown.stdout).to.include('| Good connector | yes | connector | ✅ valid | 0 | 0 |');
    expectNoSecret(markdown);
    const github = await run(['--format', 'github', '--strict']);
    expect(github.status).to.equal(1);
    expect(github.stdout).to.match(/^::error title=url_not_https::installation /m);
    expect(github.stdout).not.to.match(/^::warning /m);
    expectNoSecret(github);
  });

  it('passes an account whose installations are all valid, and an empty account', async () => {
    for (const id of [ids.http, ids.misspelled]) fake.installations.delete(id);
    expect((await run([])).status).to.equal(0);
    expect((await run(['--strict'])).status).to.equal(1);
    fake.installations.clear();
    const empty = await run([]);
    expect(empty.status).to.equal(0);
    expect(empty.stdout).to.include('0 installations checked');
  });

  it('a wrong option is a usage error; a failed list is one line, exit 1', async () => {
    const format = await run(['--format', 'xml']);
    expect(format.status).to.equal(2);
    expect(format.stderr).to.include("unknown format 'xml' (use text, json, github or markdown)");
    fake.inject('list', { kind: 'status', status: 401, echo: true });
    const denied = await run([]);
    expect(denied.status).to.equal(1);
    expect(denied.stderr.trim().split('\n')).to.have.length(1);
    expectNoSecret(denied);
  });

  it('leaves out deleted installations, reads nameless list items whole, and logs out after a user login', async () => {
    const gone = fake.seed({ ...connector(), client_name: 'Removed app' }, { deleted: true });
    fake.listDeleted = true;
    fake.listFields = ['id', 'deleted'];
    const result = await runCliAsync(['audit', '--account', fake.account, '--format', 'json'], fake.env('user'), temp());
    const report = JSON.parse(result.stdout) as { installations: Audited[] };
    expect(report.installations.map((each) => each.id)).not.to.include(gone.id);
    expect(report.installations.map((each) => each.client_name)).to.include('Good connector');
    expect(report.installations).to.have.length(5);
    const routes = fake.requests.map((request) => request.route);
    expect(routes.filter((route) => route === 'get')).to.have.length(5);
    expect(routes.at(-1)).to.equal('logout');
    expectNoSecret(result);
  });

  it('an installation gone between the list and its read is left out with a line; the others are checked', async () => {
    fake.inject('get', { kind: 'status', status: 404 });
    const result = await run(['--format', 'json']);
    const report = JSON.parse(result.stdout) as { installations: Audited[] };
    expect(report.installations).to.have.length(4);
    expect(result.stderr).to.match(/^lp-app-manifest: installation app-\S+ was listed but is gone \(HTTP 404\): not checked\n$/);
  });
});
