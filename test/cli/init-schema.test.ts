import { expect } from 'chai';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateManifest, WEBHOOK_EVENTS } from '../../src/index.js';
import { CLI, lines, requireBuiltCli, runCli, useTempDir } from './helpers.js';

type Library = typeof import('../../src/index.js');

/** The package's shipped schemas. */
const SCHEMAS = fileURLToPath(new URL('../../schema/', import.meta.url));

describe('lp-app-manifest init', () => {
  requireBuiltCli();
  const tmp = useTempDir();

  it('prints a general starter that validates, in canonical JSON, with a warning at each placeholder text', () => {
    const run = runCli(['init']);
    expect(run.status, run.stderr).to.equal(0);
    const manifest: unknown = JSON.parse(run.stdout);
    expect(run.stdout).to.equal(`${JSON.stringify(manifest, null, 2)}\n`);
    const result = validateManifest(manifest, { profile: 'general' });
    expect(result.ok).to.equal(true);
    expect(manifest).to.have.property('client_name', 'My App');
    // a starter is to be edited: each of its texts is left from init until it is replaced
    expect(result.warnings.map(({ code, path, params }) => ({ code, path, params }))).to.deep.equal([
      { code: 'template_leftover', path: 'client_name', params: { kind: 'text', value: 'My App', origin: 'init_starter' } },
      {
        code: 'template_leftover',
        path: 'description',
        params: { kind: 'text', value: 'What the app does, in a sentence', origin: 'init_starter' },
      },
    ]);
  });

  it('prints the connector template with all five webhooks on placeholder https://example.com URLs', () => {
    const run = runCli(['init', '--profile', 'connector', '--name', 'Acme Bot']);
    expect(run.status, run.stderr).to.equal(0);
    const manifest = JSON.parse(run.stdout) as {
      client_name: string;
      capabilities: { webhooks: Record<string, { endpoint: string }> };
    };
    const result = validateManifest(manifest, { profile: 'connector' });
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    // the name is given; the description and the five example.com endpoints are placeholders
    expect(result.warnings.map(({ code, path }) => `${code}@${path}`)).to.deep.equal([
      'template_leftover@description',
      ...WEBHOOK_EVENTS.map((event) => `template_leftover@capabilities.webhooks[${JSON.stringify(event)}].endpoint`),
    ]);
    expect(manifest.client_name).to.equal('Acme Bot');
    expect(Object.keys(manifest.capabilities.webhooks)).to.deep.equal([...WEBHOOK_EVENTS]);
    for (const { endpoint } of Object.values(manifest.capabilities.webhooks)) {
      expect(endpoint).to.match(/^https:\/\/example\.com\/lp\/webhooks\//);
    }
  });

  it('gives output that the validate command accepts, and --strict fails until each placeholder is replaced', () => {
    const path = join(tmp(), 'starter.json');
    writeFileSync(path, runCli(['init', '--profile', 'connector']).stdout);
    const run = runCli(['validate', '--profile', 'connector', path]);
    expect(run.status, run.stdout).to.equal(0);
    expect(lines(run.stdout).filter((line) => line.includes('[template_leftover]'))).to.deep.equal([
      `${path}:3:3: warning: client_name: "My Connector" is the starter text that "lp-app-manifest init" writes: replace it with your app's own text [template_leftover]`,
      `${path}:4:3: warning: description: "What the connector does, in a sentence" is the starter text that "lp-app-manifest init" writes: replace it with your app's own text [template_leftover]`,
      ...WEBHOOK_EVENTS.map(
        (event, i) =>
          `${path}:${[13, 17, 21, 25, 28][i]}:9: warning: capabilities.webhooks[${JSON.stringify(event)}].endpoint: host "example.com" is the placeholder host that "lp-app-manifest init" writes (reserved for documentation, RFC 2606): replace it with your server's host name [template_leftover]`,
      ),
    ]);
    expect(runCli(['validate', '--strict', '--profile', 'connector', path]).status).to.equal(1);
    // Filled in, it passes --strict.
    const filled = readFileSync(path, 'utf8')
      .replace('"My Connector"', '"Acme Connector"')
      .replace('"What the connector does, in a sentence"', '"Routes Acme conversations"')
      .replaceAll('https://example.com/', 'https://hooks.acme.example/');
    writeFileSync(path, filled);
    const strict = runCli(['validate', '--strict', '--profile', 'connector', path]);
    expect(strict.status, strict.stdout).to.equal(0);
  });

  /** A project with the package installed (its shipped schemas, as npm puts them) and a folder of manifests. */
  const project = (name: string, installed: boolean): string => {
    const root = join(tmp(), name);
    mkdirSync(join(root, 'manifests'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{ "name": "acme", "private": true }\n');
    if (installed) cpSync(SCHEMAS, join(root, 'node_modules', 'lp-app-manifest', 'schema'), { recursive: true });
    return root;
  };

  it('names its profile\'s schema in "$schema", so validate checks it against that profile unasked', () => {
    const root = project('root', true);
    for (const profile of ['general', 'connector'] as const) {
      const path = join(root, `${profile}.json`);
      const run = runCli(['init', '--profile', profile], { cwd: root });
      expect(run.stderr).to.equal('');
      expect(JSON.parse(run.stdout)).to.have.property('$schema', `./node_modules/lp-app-manifest/schema/${profile}.schema.json`);
      writeFileSync(path, run.stdout);
      const checked = runCli(['validate', path]);
      expect(checked.status, checked.stdout).to.equal(0);
      expect(checked.stdout).to.contain(`valid (${profile} profile, from "$schema")`);
    }
  });

  it('writes "$schema" relative to the file\'s folder: from manifests/ it reaches the installed schema', () => {
    const root = project('folder', true);
    const expected = '../node_modules/lp-app-manifest/schema/connector.schema.json';
    // --out names the file: the path is from its folder, wherever init runs.
    const written = runCli(['init', '--profile', 'connector', '--out', 'manifests/connector.json'], { cwd: root });
    expect(written.status, written.stderr).to.equal(0);
    expect(written.stdout + written.stderr).to.equal('');
    const manifest = JSON.parse(readFileSync(join(root, 'manifests', 'connector.json'), 'utf8')) as { $schema: string };
    expect(manifest.$schema).to.equal(expected);
    expect(existsSync(join(root, 'manifests', manifest.$schema)), 'the path reaches the schema').to.equal(true);
    // On stdout, from the working directory.
    const printed = runCli(['init', '--profile', 'connector'], { cwd: join(root, 'manifests') });
    expect(JSON.parse(printed.stdout)).to.have.property('$schema', expected);
    const checked = runCli(['validate', 'manifests/connector.json'], { cwd: root });
    expect(checked.stdout).to.contain('valid (connector profile, from "$schema")');
    // init --out never replaces a file.
    const again = runCli(['init', '--out', 'manifests/connector.json'], { cwd: root });
    expect(again.status).to.equal(1);
    expect(again.stderr).to.equal('manifests/connector.json: already exists; init writes a new file and never replaces one\n');
    expect(JSON.parse(readFileSync(join(root, 'manifests', 'connector.json'), 'utf8'))).to.deep.equal(manifest);
  });

  it("where the package is not installed, points where npm install will put it (the project's root) and says so", () => {
    const root = project('bare', false);
    const run = runCli(['init', '--profile', 'connector', '--out', 'manifests/c.json'], { cwd: root });
    expect(run.status, run.stderr).to.equal(0);
    const ref = '../node_modules/lp-app-manifest/schema/connector.schema.json';
    expect(JSON.parse(readFileSync(join(root, 'manifests', 'c.json'), 'utf8'))).to.have.property('$schema', ref);
    expect(lines(run.stderr)).to.deep.equal([
      `manifests/c.json: note: lp-app-manifest is not installed in this project, so "$schema" (${ref}) points where npm install --save-dev lp-app-manifest will put it; editors find the schema once it is there, and validate, plan and apply read the profile from its file name either way`,
    ]);
    // The profile travels all the same.
    expect(runCli(['validate', 'manifests/c.json'], { cwd: root }).stdout).to.contain('(connector profile, from "$schema")');
  });

  it('writes a --name with "${{" so that it reads back as itself, never filled from the environment', () => {
    const path = join(tmp(), 'named.json');
    const printed = runCli(['init', '--name', 'Acme ${{ HOME }} $${{ X }}']).stdout;
    writeFileSync(path, printed);
    const built = runCli(['build', path]);
    expect(built.status, built.stderr).to.equal(0);
    expect(JSON.parse(built.stdout)).to.have.property('client_name', 'Acme ${{ HOME }} $${{ X }}');
  });

  describe('usage errors exit 2 with one line', () => {
    const cases: [string, string[], RegExp][] = [
      [
        'a blank --name',
        ['--name', '  '],
        /^lp-app-manifest: invalid --name: must not be blank; see "lp-app-manifest init --help"\n$/,
      ],
      [
        'a --name too long for a connector',
        ['--profile', 'connector', '--name', 'A'.repeat(101)],
        /invalid --name: must be at most 100 characters in the connector profile \(got 101\)/,
      ],
      ['an unknown profile', ['--profile', 'bot'], /unknown profile 'bot'/],
      ['a positional argument', ['manifest.json'], /unexpected argument 'manifest.json'/],
    ];
    for (const [name, args, pattern] of cases) {
      it(`for ${name}`, () => {
        const run = runCli(['init', ...args]);
        expect(run.status).to.equal(2);
        expect(run.stdout).to.equal('');
        expect(lines(run.stderr)).to.have.length(1);
        expect(run.stderr).to.match(pattern);
      });
    }
  });
});

describe('lp-app-manifest schema', () => {
  requireBuiltCli();
  // The built library beside the built CLI: the CLI must print exactly what it exports.
  let manifestJsonSchema: Library['manifestJsonSchema'];
  before(async () => {
    const library = (await import(pathToFileURL(join(CLI, '../index.js')).href)) as Library;
    manifestJsonSchema = library.manifestJsonSchema;
  });

  it("prints the library's JSON Schema for the general profile by default", () => {
    const run = runCli(['schema']);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.equal(`${JSON.stringify(manifestJsonSchema('general'), null, 2)}\n`);
  });

  it('prints the connector schema with --profile connector', () => {
    const run = runCli(['schema', '--profile', 'connector']);
    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout)).to.deep.equal(manifestJsonSchema('connector'));
    expect(JSON.parse(run.stdout)).not.to.deep.equal(manifestJsonSchema('general'));
  });

  it('exits 2 for an unknown profile', () => {
    const run = runCli(['schema', '--profile', 'strict']);
    expect(run.status).to.equal(2);
    expect(run.stdout).to.equal('');
    expect(lines(run.stderr)).to.deep.equal([
      `lp-app-manifest: unknown profile 'strict' (use general or connector); see "lp-app-manifest schema --help"`,
    ]);
  });
});
