import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, useTempDir } from '../cli/helpers.js';
import { startFakeLivePerson, type FakeLivePerson, type JsonObject } from '../fake-liveperson/server.js';
import { fixturePath, readFixture } from '../helpers/fixtures.js';
import { runCliAsync } from './run-cli.js';

const CONTENT_EVENT = 'ms.MessagingEventNotification.ContentEvent';
const HEADER_SECRET = 'header-secret-7d1f0c2b9e';

/** A connector manifest with a secret webhook header. */
const manifest = (overrides: JsonObject = {}): JsonObject => {
  const base = structuredClone(readFixture('connector-with-headers.json')) as JsonObject & { capabilities: any };
  for (const webhook of Object.values(base.capabilities.webhooks) as { endpoint: string }[])
    webhook.endpoint = 'https://hooks.example.com/lp';
  base.capabilities.webhooks[CONTENT_EVENT].headers[0].header_value = HEADER_SECRET;
  // The template's placeholder name and description filled in too: left, each is a warning (template_leftover).
  return { ...base, client_name: 'Acme Connector', description: 'Routes Acme conversations', ...overrides };
};

describe('CLI diff (offline, on the fixtures)', () => {
  requireBuiltCli();
  const temp = useTempDir();

  it('prints nothing and exits 0 for the same manifest, 3 with --exit-code only when they differ', async () => {
    const same = await runCliAsync(
      ['diff', fixturePath('connector-template.json'), fixturePath('connector-template.json'), '--exit-code'],
      {},
      temp(),
    );
    expect(same).to.deep.equal({ status: 0, stdout: '', stderr: '' });
    const differs = await runCliAsync(
      ['diff', fixturePath('connector-template.json'), fixturePath('connector-with-headers.json')],
      {},
      temp(),
    );
    expect(differs.status).to.equal(0);
    expect(differs.stdout).to.match(/^[+~-] /m);
    const coded = await runCliAsync(
      ['diff', '--exit-code', fixturePath('connector-template.json'), fixturePath('connector-with-headers.json')],
      {},
      temp(),
    );
    expect(coded.status).to.equal(3);
    expect(coded.stdout).to.equal(differs.stdout);
  });

  it('hides header values in text and json, and shows the rest by path', async () => {
    const a = join(temp(), 'a.json');
    const b = join(temp(), 'b.json');
    writeFileSync(a, JSON.stringify(manifest()));
    const changed = manifest({ description: 'Changed' }) as any;
    changed.capabilities.webhooks[CONTENT_EVENT].headers[0].header_value = 'other-secret-0a9b8c7d';
    writeFileSync(b, JSON.stringify(changed));
    const text = await runCliAsync(['diff', a, b], {}, temp());
    expect(text.stdout.split('\n')).to.include.members([
      '~ description: "Routes Acme conversations" → "Changed"',
      `~ capabilities.webhooks["${CONTENT_EVENT}"].headers[0].header_value: (hidden) → (hidden)`,
    ]);
    const json = await runCliAsync(['diff', a, b, '--format', 'json'], {}, temp());
    const report = JSON.parse(json.stdout) as { equal: boolean; changes: { path: string; kind: string }[] };
    expect(report.equal).to.equal(false);
    expect(report.changes.map((change) => change.path)).to.include('description');
    for (const run of [text, json]) {
      expect(run.stdout + run.stderr).not.to.include(HEADER_SECRET);
      expect(run.stdout + run.stderr).not.to.include('other-secret-0a9b8c7d');
    }
  });

  it('never prints what sits in a malformed header entry, in text or json (only a header_name that is a token)', async () => {
    const a = join(temp(), 'a.json');
    const b = join(temp(), 'b.json');
    writeFileSync(a, JSON.stringify(manifest()));
    const malformed = manifest() as any;
    malformed.capabilities.webhooks[CONTENT_EVENT].headers = [
      'Authorization: Bearer sk_live_SECRET2',
      { header_name: 'X-A', header_valeu: 'sk_live_SECRET5', value: 'sk_live_SECRET6' },
      { header_name: 'Authorization: Bearer SECRET-N1', header_value: 'v' },
    ];
    malformed.capabilities.webhooks['ms.MessagingEventNotification.ContentEvnt'] = {
      endpoint: 'https://hooks.example.com/lp',
      headers: ['Authorization: Bearer SECRET-E1'],
    };
    writeFileSync(b, JSON.stringify(malformed));
    const text = await runCliAsync(['diff', a, b], {}, temp());
    const json = await runCliAsync(['diff', b, a, '--format', 'json'], {}, temp());
    for (const run of [text, json]) {
      expect(run.status, run.stderr).to.equal(0);
      for (const secret of [
        'sk_live_SECRET2',
        'sk_live_SECRET5',
        'sk_live_SECRET6',
        'SECRET-N1',
        'SECRET-E1',
        'Bearer',
        HEADER_SECRET,
      ])
        expect(run.stdout + run.stderr).not.to.include(secret);
    }
    // One line per path: the header replaced by a string is removed (by its name) and the string added, hidden.
    expect(text.stdout.split('\n')).to.include.members([
      `- capabilities.webhooks["${CONTENT_EVENT}"].headers[0] (NAME)`,
      `+ capabilities.webhooks["${CONTENT_EVENT}"].headers[0]: (hidden)`,
      `+ capabilities.webhooks["${CONTENT_EVENT}"].headers[1].header_name: "X-A"`,
      `+ capabilities.webhooks["${CONTENT_EVENT}"].headers[1].header_valeu: (hidden)`,
      `+ capabilities.webhooks["${CONTENT_EVENT}"].headers[1].value: (hidden)`,
      `+ capabilities.webhooks["${CONTENT_EVENT}"].headers[2].header_name: (hidden)`,
      `+ capabilities.webhooks["${CONTENT_EVENT}"].headers[2].header_value: (hidden)`,
    ]);
    // The other way round, the malformed headers are removed, each as one item, nothing in them shown.
    const report = JSON.parse(json.stdout) as { changes: { path: string; kind: string; before?: unknown }[] };
    const removed = report.changes.find((change) => change.path === `capabilities.webhooks["${CONTENT_EVENT}"].headers[1]`);
    expect(removed).to.deep.include({
      kind: 'removed',
      before: { header_name: 'X-A', header_valeu: '(hidden)', value: '(hidden)' },
    });
  });

  it('does not report the same "$schema" as a change when one manifest is invalid', async () => {
    const c = fixturePath('connector-with-editor-schema.json');
    const c2 = join(temp(), 'c2.json');
    writeFileSync(c2, JSON.stringify({ ...(readFixture('connector-with-editor-schema.json') as JsonObject), description: 42 }));
    const result = await runCliAsync(['diff', c, c2, '--exit-code'], {}, temp());
    expect(result.status, result.stderr).to.equal(3);
    expect(result.stdout).not.to.include('$schema');
    expect(result.stdout.trim().split('\n')).to.have.length(1);
    expect(result.stdout).to.match(/^~ description: /);
  });

  it('reports a missing file (exit 1) and a wrong command line (exit 2)', async () => {
    const missing = await runCliAsync(['diff', 'nope.json', fixturePath('connector-template.json')], {}, temp());
    expect(missing.status).to.equal(1);
    expect(missing.stderr).to.include('nope.json: file not found');
    const usage = await runCliAsync(['diff', fixturePath('connector-template.json')], {}, temp());
    expect(usage.status).to.equal(2);
    expect(usage.stderr).to.include('diff needs two manifest files');
    const stdin = await runCliAsync(['diff', '-', fixturePath('connector-template.json')], {}, temp());
    expect(stdin.status).to.equal(2);
    expect(stdin.stderr).to.include('diff reads two files, not standard input (-)');
  });
});

describe('CLI pull, plan and apply against the fake LivePerson', () => {
  requireBuiltCli();
  const temp = useTempDir();
  let fake: FakeLivePerson;
  let file: string;

  beforeEach(async () => {
    fake = await startFakeLivePerson();
    file = join(temp(), 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest()));
  });
  afterEach(() => fake.close());

  const run = (args: string[], auth: 'bearer' | 'user' | 'application' | 'none' = 'bearer', extra: Record<string, string> = {}) =>
    runCliAsync(args, { ...fake.env(auth), ...extra }, temp());
  const secretsOf = (): string[] => [
    ...Object.values(fake.credentials).filter((value) => value !== fake.credentials.username),
    HEADER_SECRET,
    ...[...fake.installations.values()].map((stored) => String(stored.body['client_secret'])),
  ];
  const expectNoSecrets = (output: { stdout: string; stderr: string }): void => {
    for (const secret of secretsOf()) expect(output.stdout + output.stderr).not.to.include(secret);
  };

  it('pull writes the installation as a canonical manifest, without server fields or client_secret', async () => {
    const { id, body } = fake.seed(manifest(), { lp_extra: 1 });
    const out = join(temp(), 'pulled.json');
    const result = await run(['pull', '--account', fake.account, '--app', id, '--out', out]);
    expect(result.status, result.stderr).to.equal(0);
    const pulled = JSON.parse(readFileSync(out, 'utf8')) as any;
    // The file starts with the "$schema" of its profile, as build --out writes it (no package is installed near it).
    expect(Object.keys(pulled)[0]).to.equal('$schema');
    expect(pulled.$schema).to.equal('./node_modules/lp-app-manifest/schema/general.schema.json');
    delete pulled.$schema;
    const expected = manifest() as any;
    expected.capabilities.webhooks[CONTENT_EVENT].headers[0].header_value = '${{ LP_CONTENTEVENT_NAME }}';
    expected.capabilities.webhooks['ms.MessagingEventNotification.RichContentEvent'].headers[0].header_value =
      '${{ LP_RICHCONTENTEVENT_NAME }}';
    expect(pulled).to.deep.equal(expected);
    expect(result.stderr).to.include(
      `headers[0].header_value: a secret, written as the placeholder \${{ LP_CONTENTEVENT_NAME }}`,
    );
    // Sent as is, the placeholder would replace the real value: plan reports it unset, and sends nothing.
    const requestsBefore = fake.requests.length;
    const refused = await run(['plan', out, '--account', fake.account, '--app', id]);
    expect(refused.status).to.equal(1);
    expect(refused.stderr).to.include('the variable LP_CONTENTEVENT_NAME (placeholder ${{ LP_CONTENTEVENT_NAME }}) is not set');
    expect(fake.requests.length).to.equal(requestsBefore);
    // With the secrets in a .env file, the pulled manifest plans as no change at all.
    const secrets = join(temp(), '.env.secrets');
    const richValue = (manifest() as any).capabilities.webhooks['ms.MessagingEventNotification.RichContentEvent'].headers[0]
      .header_value as string;
    writeFileSync(secrets, `LP_CONTENTEVENT_NAME=${HEADER_SECRET}\nLP_RICHCONTENTEVENT_NAME='${richValue}'\n`);
    const same = await run(['plan', out, '--account', fake.account, '--app', id, '--dotenv', secrets, '--exit-code']);
    expect(same.status, same.stdout + same.stderr).to.equal(0);
    expectNoSecrets(same);
    expect(readFileSync(out, 'utf8')).not.to.include(String(body['client_secret']));
    expect(result.stderr).to.include('lp_extra');
    expectNoSecrets(result);
  });

  it('pull names each header secret its own placeholder, and plan then sends each its own value', async () => {
    const installed = manifest() as any;
    installed.capabilities.webhooks[CONTENT_EVENT].headers = [
      { header_name: 'X_Auth', header_value: 'first-secret-1a2b3c' },
      { header_name: 'X-Auth', header_value: 'second-secret-4d5e6f' },
    ];
    const { id } = fake.seed(installed);
    const out = join(temp(), 'pulled-unique.json');
    const result = await run(['pull', '--account', fake.account, '--app', id, '--out', out]);
    expect(result.status, result.stderr).to.equal(0);
    const pulled = JSON.parse(readFileSync(out, 'utf8')) as any;
    expect(pulled.capabilities.webhooks[CONTENT_EVENT].headers).to.deep.equal([
      { header_name: 'X_Auth', header_value: '${{ LP_CONTENTEVENT_X_AUTH }}' },
      { header_name: 'X-Auth', header_value: '${{ LP_CONTENTEVENT_X_AUTH_2 }}' },
    ]);
    expect(result.stderr).to.include('placeholder ${{ LP_CONTENTEVENT_X_AUTH }}').and.include('${{ LP_CONTENTEVENT_X_AUTH_2 }}');
    const secrets = join(temp(), '.env.secrets');
    writeFileSync(
      secrets,
      `LP_CONTENTEVENT_X_AUTH=first-secret-1a2b3c\nLP_CONTENTEVENT_X_AUTH_2=second-secret-4d5e6f\nLP_RICHCONTENTEVENT_NAME=${installed.capabilities.webhooks['ms.MessagingEventNotification.RichContentEvent'].headers[0].header_value}\n`,
    );
    const same = await run(['plan', out, '--account', fake.account, '--app', id, '--dotenv', secrets, '--exit-code']);
    expect(same.status, same.stdout + same.stderr).to.equal(0);
    for (const run_ of [result, same])
      expect(run_.stdout + run_.stderr)
        .not.to.include('first-secret')
        .and.not.include('second-secret');
  });

  it('pull writes an installation that is invalid (but holds no pasted secret) as LivePerson has it, exit 1, for fix, plan and apply', async () => {
    const installed = manifest() as any;
    installed.capabilities.webhooks[CONTENT_EVENT].endpoint = 'http://hooks.example.com/lp';
    installed.response_types = 'code';
    const { id, body } = fake.seed(installed);
    const out = join(temp(), 'invalid.json');
    const result = await run(['pull', '--account', fake.account, '--app', id, '--out', out, '--profile', 'connector']);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include('[url_not_https]');
    expect(result.stderr).to.include(
      `installation ${id} is not a valid connector manifest (2 issues); written as LivePerson has it, to be repaired (lp-app-manifest fix ${out} repairs what is mechanical), then planned and applied`,
    );
    const pulled = JSON.parse(readFileSync(out, 'utf8')) as any;
    expect(pulled.$schema).to.equal('./node_modules/lp-app-manifest/schema/connector.schema.json');
    expect(pulled.response_types).to.equal('code');
    expect(pulled.capabilities.webhooks[CONTENT_EVENT].endpoint).to.equal('http://hooks.example.com/lp');
    expect(pulled.capabilities.webhooks[CONTENT_EVENT].headers[0].header_value).to.equal('${{ LP_CONTENTEVENT_NAME }}');
    expect(pulled).not.to.have.property('client_secret');
    expect(result.stderr).to.include('a secret, written as the placeholder ${{ LP_CONTENTEVENT_NAME }}');
    expect(readFileSync(out, 'utf8')).not.to.include(String(body['client_secret']));
    expectNoSecrets(result);
    // What validate then says of the file is what pull said of the installation (the profile read from "$schema").
    const validate = await runCliAsync(['validate', out], {}, temp());
    expect(validate.status).to.equal(1);
    expect(validate.stdout).to.include('[url_not_https]').and.include('connector');
  });

  it('pull never builds a name from a header name that is not a token, and names no placeholder when nothing is written', async () => {
    const installed = manifest() as any;
    installed.capabilities.webhooks[CONTENT_EVENT].headers = [
      { header_name: 'X-Good', header_value: 'good-secret-0f1e2d' },
      { header_name: 'X-Bad Name: HV-SECRET-2', header_value: 'bad-secret-3c4b5a' },
      { 'Authorization: Bearer key-secret-9a8b7c': 'x' },
    ];
    const { id } = fake.seed(installed, { 'Authorization: Bearer top-secret-6d5e4f': 1, lp_extra: 1 });
    const out = join(temp(), 'not-pulled.json');
    const result = await run(['pull', '--account', fake.account, '--app', id, '--out', out]);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include('nothing was written').and.include('[invalid_header_name]');
    expect(result.stderr).not.to.include('placeholder');
    expect(result.stderr).to.include('lp_extra').and.include('a key that is not an HTTP token');
    for (const secret of ['HV-SECRET', 'HV_SECRET', 'good-secret', 'bad-secret', 'key-secret', 'top-secret', 'Bearer'])
      expect(result.stdout + result.stderr).not.to.include(secret);
    expect(() => statSync(out)).to.throw();
  });

  it('plan and apply report manifest issues as validate does: FILE:LINE:COL, errors before warnings', async () => {
    const bad = join(temp(), 'nest.json');
    const invalid = manifest({ description: '', logo_uri: 'http://cdn.example.com/logo.png' }) as any;
    invalid.capabilities.webhooks[CONTENT_EVENT].headers.push({ header_name: 'Content-Type', header_value: 'text/plain' });
    // A repeated key, too, which only the text shows.
    writeFileSync(bad, JSON.stringify(invalid, null, 2).replace('{\n', '{\n  "client_name": "first",\n'));
    const validate = await runCliAsync(['validate', bad, '--profile', 'general'], {}, temp());
    expect(validate.status).to.equal(1);
    const expected = validate.stdout.trim().split('\n').slice(0, -2);
    expect(expected.some((line) => line.includes(': warning: '))).to.equal(true);
    expect(expected.filter((line) => !/^\S+:\d+:\d+: /.test(line))).to.deep.equal([]);
    for (const args of [
      ['plan', bad, '--account', fake.account, '--profile', 'general'],
      ['apply', bad, '--account', fake.account, '--profile', 'general', '--yes'],
    ]) {
      const result = await run(args);
      expect(result.status, args[0]).to.equal(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines.slice(0, -1), args[0]).to.deep.equal(expected);
      expect(lines.at(-1), args[0]).to.match(/invalid manifest \(\d+ issues\); nothing was sent$/);
    }
    expect(fake.requests).to.deep.equal([]);
  });

  it('plan never shows a secret from a malformed installation LivePerson answers with', async () => {
    const installed = manifest() as any;
    installed.capabilities.webhooks[CONTENT_EVENT].headers = [
      'Authorization: Bearer server-secret-1',
      { header_name: 'X-A', header_valeu: 'server-secret-2' },
      { header_name: 'Authorization: Bearer server-secret-3', header_value: 'v' },
    ];
    installed.capabilities.webhooks['ms.MessagingEventNotification.ContentEvnt'] = { headers: ['Bearer server-secret-4'] };
    const { id } = fake.seed(installed);
    for (const format of ['text', 'json']) {
      const result = await run(['plan', file, '--account', fake.account, '--app', id, '--format', format]);
      expect(result.status, result.stderr).to.equal(0);
      expect(result.stdout).to.include('headers');
      expect(result.stdout + result.stderr)
        .not.to.include('server-secret')
        .and.not.include('Bearer');
      expectNoSecrets(result);
    }
  });

  it('plan with --app makes 2 requests (Domain API, the installation), shows drift and changes nothing', async () => {
    const { id } = fake.seed(manifest({ enabled: false }));
    writeFileSync(file, JSON.stringify(manifest({ enabled: true })));
    const result = await run(['plan', file, '--account', fake.account, '--app', id, '--exit-code']);
    expect(result.status, result.stderr).to.equal(3);
    expect(result.stdout).to.include(`Installation ${id} in account ${fake.account}: 1 change`);
    expect(result.stdout).to.include('~ enabled: false → true');
    expect(fake.requests.map((request) => request.route)).to.deep.equal(['csds', 'get']);
    expect(fake.writes()).to.deep.equal([]);
    expectNoSecrets(result);
  });

  it('plan without --app finds the installation by client_name (3 requests), or says it will be created, or lists several', async () => {
    const { id } = fake.seed(manifest());
    const same = await run(['plan', file, '--account', fake.account, '--exit-code']);
    expect(same.status, same.stderr).to.equal(0);
    expect(same.stdout).to.include(`Installation ${id} in account ${fake.account} matches`);
    expect(fake.requests.map((request) => request.route)).to.deep.equal(['csds', 'list', 'get']);

    writeFileSync(file, JSON.stringify(manifest({ client_name: 'Another app' })));
    const create = await run(['plan', file, '--account', fake.account, '--format', 'json']);
    expect(JSON.parse(create.stdout)).to.include({ action: 'create', id: null });

    const second = fake.seed(manifest());
    writeFileSync(file, JSON.stringify(manifest()));
    const several = await run(['plan', file, '--account', fake.account]);
    expect(several.status).to.equal(1);
    expect(several.stderr).to.include(id).and.include(second.id).and.include('--app');
    expect(fake.writes()).to.deep.equal([]);

    // An id that is not a name (LivePerson would not answer one; a fake can) is not shown.
    fake.seed(manifest(), { id: 'Authorization: Bearer SECRET-id-1a2b' });
    const odd = await run(['plan', file, '--account', fake.account]);
    expect(odd.status).to.equal(1);
    expect(odd.stderr).to.include('(an id that is not a name, not shown)').and.not.include('SECRET');
  });

  it('plan and apply read the profile from "$schema" and never send "$schema" to LivePerson (create and update)', async () => {
    const schema = '../node_modules/lp-app-manifest/schema/connector.schema.json';
    // A connector scope that only the general profile takes: with "$schema" naming the connector schema, it is refused.
    writeFileSync(file, JSON.stringify({ $schema: schema, ...manifest({ scope: 'msg.consumer livedeflect' }) }));
    const refused = await run(['plan', file, '--account', fake.account]);
    expect(refused.status).to.equal(1);
    expect(refused.stderr).to.contain('[connector_required_value]').and.contain('nothing was sent');
    expect(fake.requests).to.deep.equal([]);

    writeFileSync(file, JSON.stringify({ $schema: schema, ...manifest() }));
    const credentials = join(temp(), 'schema-credentials.json');
    const created = await run(['apply', file, '--account', fake.account, '--yes', '--credentials-out', credentials]);
    expect(created.status, created.stderr).to.equal(0);
    writeFileSync(file, JSON.stringify({ $schema: schema, ...manifest({ description: 'Changed' }) }));
    const [id] = [...fake.installations.keys()];
    const updated = await run(['apply', file, '--account', fake.account, '--app', id!, '--yes']);
    expect(updated.status, updated.stderr).to.equal(0);
    expect(fake.writes().map((request) => request.route)).to.deep.equal(['create', 'update']);
    for (const request of fake.writes()) expect(Object.keys(JSON.parse(request.body) as object)).not.to.include('$schema');
    expect(fake.installations.get(id!)!.body).not.to.have.property('$schema');
    expect(fake.installations.get(id!)!.body).to.include({ description: 'Changed' });
  });

  it("plan and apply with --allow-key send the allowed key, and an update replaces LivePerson's value with the manifest's", async () => {
    writeFileSync(file, JSON.stringify({ ...manifest(), categories: ['crm'] }));
    const refused = await run(['plan', file, '--account', fake.account]);
    expect(refused.status).to.equal(1);
    expect(refused.stderr).to.contain('[unknown_key]');
    expect(fake.requests).to.deep.equal([]);

    const credentials = join(temp(), 'allow-credentials.json');
    const created = await run([
      'apply',
      file,
      '--account',
      fake.account,
      '--yes',
      '--allow-key',
      'categories',
      '--credentials-out',
      credentials,
    ]);
    expect(created.status, created.stderr).to.equal(0);
    expect(created.stderr).to.contain('[allowed_unknown_key]');
    const [id] = [...fake.installations.keys()];
    expect(fake.installations.get(id!)!.body['categories']).to.deep.equal(['crm']);

    // LivePerson (or someone on the web) changes it; the manifest's value wins, and the plan shows it.
    fake.installations.get(id!)!.body['categories'] = ['other'];
    const planned = await run(['plan', file, '--account', fake.account, '--app', id!, '--allow-key', 'categories']);
    expect(planned.status, planned.stderr).to.equal(0);
    expect(planned.stdout).to.contain('categories');
    fake.resetLog();
    // LivePerson's "other" is a list item the manifest leaves out: a deletion, carried out only when allowed.
    const withoutDeletes = await run([
      'apply',
      file,
      '--account',
      fake.account,
      '--app',
      id!,
      '--yes',
      '--allow-key',
      'categories',
    ]);
    expect(withoutDeletes.status).to.equal(1);
    expect(withoutDeletes.stderr).to.contain('not applied: the plan has 1 deletion (categories[0]: "other")');
    expect(fake.writes()).to.deep.equal([]);
    const updated = await run([
      'apply',
      file,
      '--account',
      fake.account,
      '--app',
      id!,
      '--yes',
      '--allow-key',
      'categories',
      '--allow-deletes',
    ]);
    expect(updated.status, updated.stderr).to.equal(0);
    expect(fake.installations.get(id!)!.body['categories']).to.deep.equal(['crm']);
    const again = await run(['apply', file, '--account', fake.account, '--app', id!, '--yes', '--allow-key', 'categories']);
    expect(again.stdout).to.contain('Nothing to apply');
  });

  it('plan of a file that looks like a connector, with no profile chosen, says it was checked as general', async () => {
    fake.seed(manifest());
    const result = await run(['plan', file, '--account', fake.account]);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(
      'manifest.json: note: checked against the general profile, the default (no --profile, no "$schema"), but it looks like a Connector API app',
    );
    const chosen = await run(['plan', file, '--account', fake.account, '--profile', 'connector']);
    expect(chosen.stderr).not.to.contain('note:');
  });

  it('apply refuses without a terminal and without --yes (exit 2, naming --yes), before any request', async () => {
    fake.seed(manifest());
    const result = await run(['apply', file, '--account', fake.account]);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.include('--yes');
    expect(fake.requests).to.deep.equal([]);
  });

  it('apply --yes updates with If-Match, keeps fields it does not manage, and writes nothing when nothing changed', async () => {
    const { id } = fake.seed(manifest({ description: 'old', enabled: false }), { lp_extra: { keep: true } });
    writeFileSync(file, JSON.stringify(manifest({ enabled: true })));
    const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes'], 'user');
    expect(result.status, result.stderr).to.equal(0);
    expect(fake.requests.map((request) => request.route)).to.deep.equal(['csds', 'login', 'get', 'update', 'logout']);
    expect(fake.sessions).to.deep.equal({ opened: 1, ended: 1 });
    expect(fake.writes()[0]?.headers['if-match']).to.equal('1');
    const stored = fake.installations.get(id)!.body;
    expect(stored).to.include({ enabled: true, description: 'Routes Acme conversations' });
    expect(stored['lp_extra']).to.deep.equal({ keep: true });
    expectNoSecrets(result);

    fake.resetLog();
    const again = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
    expect(again.status).to.equal(0);
    expect(again.stdout).to.include('Nothing to apply');
    expect(fake.writes()).to.deep.equal([]);
  });

  it('apply --yes creates, prints id and client_id, and puts client_secret only in --credentials-out (mode 0600)', async () => {
    const credentials = join(temp(), 'credentials.json');
    const result = await run(
      ['apply', file, '--account', fake.account, '--yes', '--credentials-out', credentials],
      'application',
    );
    expect(result.status, result.stderr).to.equal(0);
    const [stored] = [...fake.installations.values()];
    expect(stored).not.to.equal(undefined);
    expect(result.stdout).to.include(`id ${String(stored!.body['id'])}, client_id ${String(stored!.body['client_id'])}`);
    const saved = JSON.parse(readFileSync(credentials, 'utf8')) as JsonObject;
    expect(saved['client_secret']).to.equal(stored!.body['client_secret']);
    expect(statSync(credentials).mode & 0o777).to.equal(0o600);
    expectNoSecrets(result);
  });

  it('plan and apply refuse a header value that is empty or only white space (a secret missing from the environment), sending nothing', async () => {
    const installed = manifest();
    const { id } = fake.seed(installed);
    const templated = manifest() as any;
    templated.capabilities.webhooks[CONTENT_EVENT].headers[0].header_value = '${{ LP_TOKEN }}';
    writeFileSync(file, JSON.stringify(templated));
    fake.resetLog();
    for (const command of ['plan', 'apply']) {
      const result = await run(
        [command, file, '--account', fake.account, '--app', id, '--yes'].slice(0, command === 'plan' ? 6 : 7),
        'bearer',
        {
          LP_TOKEN: '  ',
        },
      );
      expect(result.status, result.stderr).to.equal(1);
      expect(result.stderr).to.include('1 header value empty or only white space (see above)').and.include('nothing was sent');
    }
    expect(fake.requests).to.deep.equal([]);
    expect(fake.installations.get(id)!.body).to.deep.include({ capabilities: installed['capabilities'] });
  });

  it('apply checks --credentials-out before anything is sent', async () => {
    const result = await run([
      'apply',
      file,
      '--account',
      fake.account,
      '--yes',
      '--credentials-out',
      join(temp(), 'missing-dir', 'c.json'),
    ]);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include('cannot write the credentials there (the directory does not exist); nothing was sent');
    expect(fake.requests).to.deep.equal([]);
  });

  for (const status of [409, 412] as const) {
    it(`apply stops on a stale revision (${status}) when the plan read again differs: shows it, keeps the change made meanwhile, exit 1`, async () => {
      const { id } = fake.seed(manifest({ enabled: false }));
      writeFileSync(file, JSON.stringify(manifest({ enabled: true })));
      fake.inject('update', { kind: 'concurrent-update', staleStatus: status });
      const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
      expect(result.status).to.equal(1);
      expect(result.stderr)
        .to.include(`some installation of account ${fake.account} changed since it was read`)
        .and.include('the plan is different now (shown above); nothing was changed');
      // The new plan is shown: it would now also undo the change made on the web.
      expect(result.stdout).to.include('~ description: "changed on the web" → "Routes Acme conversations"');
      expect(fake.writes()).to.have.length(1);
      expect(fake.installations.get(id)!.body).to.include({ description: 'changed on the web', enabled: false });
    });
  }

  it('apply retries 503 then succeeds, with one write stored', async () => {
    const { id } = fake.seed(manifest({ enabled: false }));
    writeFileSync(file, JSON.stringify(manifest({ enabled: true })));
    fake.inject('update', { kind: 'status', status: 503 });
    const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
    expect(result.status, result.stderr).to.equal(0);
    expect(fake.writes()).to.have.length(2);
    expect(fake.installations.get(id)!.revision).to.equal(2);
  });

  it('apply honours 429 Retry-After on the read, then goes on', async () => {
    const { id } = fake.seed(manifest({ enabled: false }));
    writeFileSync(file, JSON.stringify(manifest({ enabled: true })));
    fake.inject('get', { kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
    expect(result.status, result.stderr).to.equal(0);
    expect(Date.now() - started).to.be.at.least(1000);
    expect(fake.requests.filter((request) => request.route === 'get')).to.have.length(2);
  });

  it('apply refuses to install a new app without --credentials-out, before sending anything', async () => {
    writeFileSync(file, JSON.stringify({ ...manifest(), client_name: 'Not yet installed' }));
    const result = await run(['apply', file, '--account', fake.account, '--yes']);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include('pass --credentials-out <file>');
    expect(fake.writes()).to.have.length(0);
  });

  it('apply checks that --credentials-out can be written before it installs anything', async () => {
    writeFileSync(file, JSON.stringify({ ...manifest(), client_name: 'Not yet installed' }));
    const fifo = join(temp(), 'credentials.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).to.equal(0);
    for (const target of [temp(), join(temp(), 'missing', 'c.json'), '/proc/c.json', fifo]) {
      const result = await run(['apply', file, '--account', fake.account, '--yes', '--credentials-out', target]);
      expect(result.status, target).to.equal(1);
      expect(result.stderr, target).to.include('cannot write the credentials there');
      expect(result.stderr, target).to.include('nothing was sent');
    }
    expect(fake.writes()).to.have.length(0);
    expect(fake.installations.size).to.equal(0);
  });

  it('apply never installs twice when the connection drops after the POST was stored', async () => {
    fake.inject('create', { kind: 'drop-after' });
    const result = await run([
      'apply',
      file,
      '--account',
      fake.account,
      '--yes',
      '--credentials-out',
      join(temp(), 'credentials.json'),
    ]);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.include('found it by listing');
    expect(fake.writes()).to.have.length(1);
    expect(fake.installations.size).to.equal(1);
  });

  it('a silent server hits --timeout with a clear message and nothing written', async () => {
    const { id } = fake.seed(manifest({ enabled: false }));
    writeFileSync(file, JSON.stringify(manifest({ enabled: true })));
    fake.inject('get', { kind: 'delay', ms: 10_000 });
    const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes', '--timeout', '1']);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include('no answer from LivePerson within 1 s');
    expect(fake.writes()).to.deep.equal([]);
  });

  it('a rejected or missing credential is one line naming the variables, exit 1, never a secret', async () => {
    const { id } = fake.seed(manifest());
    // --profile connector: the manifest is one, and no note about its profile comes before the error line.
    const rejected = await run(['plan', file, '--account', fake.account, '--app', id, '--profile', 'connector'], 'none', {
      LP_BEARER_TOKEN: 'rejected-token-5e6f7a8b',
    });
    expect(rejected.status).to.equal(1);
    expect(rejected.stderr.trim().split('\n')).to.have.length(1);
    expect(rejected.stderr).to.include('LP_BEARER_TOKEN').and.include('HTTP 401');
    expect(rejected.stderr).not.to.include('rejected-token-5e6f7a8b');
    const missing = await run(['plan', file, '--account', fake.account], 'none');
    expect(missing.status).to.equal(1);
    expect(missing.stderr).to.include('no credentials: set LP_BEARER_TOKEN');
  });

  it('an error body that echoes the request never reaches the output', async () => {
    const { id } = fake.seed(manifest({ enabled: false }));
    writeFileSync(file, JSON.stringify(manifest({ enabled: true })));
    fake.inject('update', { kind: 'status', status: 400, echo: true });
    const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include('HTTP 400');
    expect(fake.writes()[0]?.body).to.include(HEADER_SECRET);
    expectNoSecrets(result);
  });

  it('refuses an http:// Domain API that is not loopback', async () => {
    const result = await run(['plan', file, '--account', fake.account], 'bearer', {
      LP_CSDS_URL: 'http://csds.example.invalid/',
    });
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include('http://, which is allowed only on a loopback host');
  });
});
