/**
 * `lp-app-manifest code`: the module `manifestToCode` writes, on stdout; a file that is invalid or
 * cannot be read is reported as `validate` reports it, and no code is printed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { manifestToCode } from '../../src/text/index.js';
import { lines, requireBuiltCli, runCli, useTempDir } from './helpers.js';

/** The header value of test/cli/fixtures/invalid.json: no output may ever contain it. */
const SECRET = 'sup3r-s3cret-value';
const CLIENT_SECRET = 'cs_0123456789abcdef';
const CONTENT = 'ms.MessagingEventNotification.ContentEvent';

const WITH_HEADERS = {
  $schema: './node_modules/lp-app-manifest/schema/general.schema.json',
  client_name: 'Acme App',
  capabilities: {
    webhooks: {
      [CONTENT]: {
        endpoint: 'https://${{ LP_HOST }}/lp/content',
        headers: [{ header_name: 'X-Api-Key', header_value: SECRET }],
      },
    },
  },
};

const CONNECTOR = {
  client_name: 'Acme Connector',
  grant_types: ['client_credentials'],
  scope: 'msg.consumer',
  capabilities: { webhooks: { [CONTENT]: { endpoint: 'https://hooks.acme.com/lp' } } },
};

describe('lp-app-manifest code', () => {
  requireBuiltCli();
  const tempDir = useTempDir();
  const write = (name: string, value: unknown): string => {
    const file = join(tempDir(), name);
    writeFileSync(file, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
    return file;
  };

  it('prints the module manifestToCode writes, and nothing on stderr', () => {
    const file = write('headers.json', WITH_HEADERS);
    const run = runCli(['code', file]);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.equal('');
    const expected = manifestToCode(WITH_HEADERS);
    expect(expected.ok && run.stdout).to.equal(expected.ok && expected.code);
    expect(run.stdout).to.include("headers: { 'X-Api-Key': env('LP_CONTENTEVENT_X_API_KEY') }");
    expect(run.stdout).not.to.include(SECRET);
  });

  it('reads standard input for -', () => {
    const run = runCli(['code', '-'], { input: JSON.stringify(WITH_HEADERS) });
    expect(run.status, run.stderr).to.equal(0);
    const expected = manifestToCode(WITH_HEADERS);
    expect(expected.ok && run.stdout).to.equal(expected.ok && expected.code);
  });

  it('chooses the profile as validate does: --profile, else "$schema", else general (with its note)', () => {
    const file = write('connector.json', CONNECTOR);
    const byDefault = runCli(['code', file]);
    expect(byDefault.status).to.equal(0);
    expect(byDefault.stdout).to.include('ManifestBuilder.general()');
    expect(byDefault.stderr).to.match(/: note: checked against the general profile, the default/);
    const asConnector = runCli(['code', '--profile', 'connector', file]);
    expect(asConnector.status).to.equal(0);
    expect(asConnector.stdout).to.include('ManifestBuilder.from(');
    expect(asConnector.stdout).to.include("{ profile: 'connector' }");
    const fromSchema = runCli(['code', write('schema.json', { $schema: 'connector.schema.json', ...CONNECTOR })]);
    expect(fromSchema.stdout).to.equal(asConnector.stdout);
  });

  it('reports an invalid file as validate does, on stderr, prints no code and exits 1; no header value shown', () => {
    const file = join(tempDir(), 'invalid.json');
    writeFileSync(file, readFileSync(new URL('./fixtures/invalid.json', import.meta.url)));
    const run = runCli(['code', file]);
    const validate = runCli(['validate', file]);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal('');
    const issueLines = lines(validate.stdout).filter((line) => line.startsWith(`${file}:`) && / \[[a-z_]+\]$/.test(line));
    expect(issueLines).to.have.length.above(2);
    expect(lines(run.stderr).slice(0, -1)).to.deep.equal(issueLines);
    expect(lines(run.stderr).at(-1)).to.match(/: invalid \(general profile\): \d+ issues; no code written/);
    expect(run.stderr).not.to.include(SECRET);
  });

  it('refuses a file with a client_secret, and never prints it', () => {
    const run = runCli(['code', write('pulled.json', { client_name: 'Acme', client_secret: CLIENT_SECRET })]);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.include('[server_assigned_key]');
    expect(run.stderr).not.to.include(CLIENT_SECRET);
  });

  it('says what is wrong with a file it cannot read, as validate does (exit 1)', () => {
    const missing = runCli(['code', join(tempDir(), 'missing.json')]);
    expect(missing.status).to.equal(1);
    expect(lines(missing.stderr)).to.have.length(1);
    expect(missing.stderr).to.match(/missing\.json: file not found \[file_not_found\]/);
    const broken = runCli(['code', write('broken.json', '{ "client_name": ')]);
    expect(broken.status).to.equal(1);
    expect(broken.stderr).to.match(/broken\.json:1:\d+: not valid JSON: .* \[invalid_json\]\n$/);
    expect(broken.stdout).to.equal('');
  });

  it('exits 2 for a usage error: no file, two files, an unknown profile', () => {
    for (const args of [['code'], ['code', 'a.json', 'b.json'], ['code', '--profile', 'Connector', 'a.json']]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).to.equal(2);
      expect(lines(run.stderr), args.join(' ')).to.have.length(1);
    }
  });

  it('prints a module that lp-app-manifest build builds into the manifest build makes of the JSON', function () {
    this.timeout(60_000);
    const json = write('template.json', WITH_HEADERS);
    const code = runCli(['code', json]);
    // Inside the package (git-ignored .tmp/), so that the module's import of 'lp-app-manifest' resolves to this build, and tsx is found.
    const dir = fileURLToPath(new URL('../../.tmp/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const module = join(dir, `code-cli-${process.pid}.ts`);
    writeFileSync(module, code.stdout);
    try {
      const env = { LP_HOST: 'hooks.acme.com', LP_CONTENTEVENT_X_API_KEY: SECRET };
      const fromCode = runCli(['build', module], { env });
      const fromJson = runCli(['build', json], { env });
      expect(fromCode.status, fromCode.stderr).to.equal(0);
      expect(fromJson.status, fromJson.stderr).to.equal(0);
      expect(fromCode.stdout).to.include(SECRET);
      expect(fromCode.stdout).to.equal(fromJson.stdout);
    } finally {
      rmSync(module, { force: true });
    }
  });

  it('docs/cli.md shows what it prints for its example', () => {
    const doc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### code'), doc.indexOf('### schema'));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    const ts = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    if (json === undefined || ts === undefined) throw new Error('docs/cli.md: the code section has no json and ts example');
    const run = runCli(['code', '-'], { input: json });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.equal('');
    expect(run.stdout).to.equal(ts);
  });
});
