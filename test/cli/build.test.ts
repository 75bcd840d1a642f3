import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { CLI, lines, requireBuiltCli, runCli, useTempDir, type CliRun } from './helpers.js';

/** tsx's command line, as `npx tsx` runs it, and its package.json. */
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const TSX_PACKAGE = realpathSync(createRequire(import.meta.url).resolve('tsx/package.json'));

const SECRET = 'sup3r-s3cret-value';
const EXPECTED = 'export default a ManifestBuilder, a manifest object, or a function returning one';

/** The manifest a successful build prints: canonical JSON, two-space indent, final newline. */
const canonical = (manifest: unknown): string => `${JSON.stringify(manifest, null, 2)}\n`;

function expectFailure(run: CliRun, stderrLines: readonly string[]): void {
  expect(run.status, run.stderr).to.equal(1);
  expect(run.stdout).to.equal('');
  expect(lines(run.stderr)).to.deep.equal(stderrLines);
}

/** What connector_without_webhooks says after its first words. */
const NO_WEBHOOK =
  'no webhook: a Connector API app receives nothing without a webhook; add one for each event it handles, e.g. "ms.MessagingEventNotification.ContentEvent" [connector_without_webhooks]';
describe('lp-app-manifest build', () => {
  requireBuiltCli();
  const tmp = useTempDir();

  describe('each kind of module', () => {
    it('an ES module exporting a builder: canonical JSON on stdout', () => {
      const run = runCli(['build', 'connector-builder.mjs']);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stderr).to.equal('');
      const manifest = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(run.stdout).to.equal(canonical(manifest));
      expect(Object.keys(manifest)).to.deep.equal([
        'client_name',
        'description',
        'grant_types',
        'scope',
        'logo_uri',
        'capabilities',
      ]);
      expect(manifest['client_name']).to.equal('Acme Connector');
      const capabilities = manifest['capabilities'] as { webhooks: Record<string, { endpoint: string }> };
      expect(capabilities.webhooks['ms.MessagingEventNotification.ContentEvent']?.endpoint).to.equal(
        'https://hooks.example.com/lp/content',
      );
    });

    it('a CommonJS module exporting a manifest object, put in canonical order', () => {
      const run = runCli(['build', 'object.cjs']);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.equal(canonical({ client_name: 'Acme CJS', description: 'From CommonJS' }));
    });

    it('a CommonJS module compiled from ESM (exports.default with __esModule)', () => {
      const run = runCli(['build', 'esm-interop.cjs']);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.equal(canonical({ client_name: 'Acme Interop' }));
    });

    it('an async function returning a builder', () => {
      const run = runCli(['build', 'async-function.mjs']);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.equal(canonical({ client_name: 'Acme Async', description: 'From an async function' }));
    });

    it('a JSON manifest', () => {
      const run = runCli(['build', 'valid.json']);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.equal(
        canonical({
          client_name: 'Acme App',
          description: 'Keys out of canonical order, to show that build canonicalises',
        }),
      );
    });
  });

  describe('modules that do not give a manifest exit 1 with a clear message', () => {
    it('a module that throws while loading', () => {
      // FILE:LINE:COLUMN of the failing line (throws.mjs line 2, where the Error is made), never a stack trace.
      expectFailure(runCli(['build', 'throws.mjs']), ['throws.mjs:2:7: cannot load: cannot reach the configuration service']);
    });

    it('a file build does not read (.txt): names what it reads, without a TypeScript hint', () => {
      const file = join(tmp(), 'manifest.txt');
      writeFileSync(file, '{}');
      const run = runCli(['build', file]);
      expect(run.status).to.equal(1);
      expect(run.stderr).to.match(
        /cannot load: "\.txt" is not a module build reads; give a \.js, \.mjs or \.cjs module, a \.json file, or a \.ts\/\.mts\/\.cts module run through tsx\n$/,
      );
      expect(run.stderr).to.not.include('npx tsx');
    });

    it('a module that throws something that is not an Error, with a message: the message', () => {
      const file = join(tmp(), 'throws-object.mjs');
      writeFileSync(file, "throw { message: 'not configured' };\nexport default {};\n");
      const run = runCli(['build', file]);
      expect(run.status).to.equal(1);
      expect(run.stderr).to.include('cannot load: not configured').and.not.include('[object Object]');
    });

    it('a module without a default export', () => {
      expectFailure(runCli(['build', 'no-default.mjs']), [`no-default.mjs: has no default export; ${EXPECTED}`]);
    });

    it('a default export that is neither a builder nor a manifest object', () => {
      expectFailure(runCli(['build', 'not-a-manifest.mjs']), [`not-a-manifest.mjs: the default export is an array; ${EXPECTED}`]);
    });

    it('a default export function that throws', () => {
      expectFailure(runCli(['build', 'function-throws.mjs']), [
        'function-throws.mjs:3:9: the default export threw: MANIFEST_ENV is not set',
      ]);
    });

    it('a module whose build() throws ManifestValidationError on import: its issues, one per line, at the line that threw', () => {
      expectFailure(runCli(['build', 'builds-on-import.mjs']), [
        'builds-on-import.mjs:4:58: client_name: must not be blank [blank]',
        'builds-on-import.mjs:4:58: cannot load: ManifestValidationError (1 issue)',
      ]);
    });

    it('a module whose httpsUrl() throws on import: the issue at the line of the call', () => {
      expectFailure(runCli(['build', 'https-url-on-import.mjs']), [
        'https-url-on-import.mjs:4:14: (root): must start with "https://" [url_not_https]',
        'https-url-on-import.mjs:4:14: cannot load: ManifestValidationError (1 issue)',
      ]);
    });

    it('a missing module', () => {
      expectFailure(runCli(['build', 'missing.mjs']), ['missing.mjs: file not found']);
    });

    it('a TypeScript module without a loader, pointing to tsx', () => {
      const path = join(tmp(), 'manifest.ts');
      writeFileSync(path, "export default { client_name: 'Typed' } satisfies object;\n");
      const run = runCli(['build', path]);
      expect(run.status).to.equal(1);
      expect(lines(run.stderr)).to.have.length(1);
      expect(run.stderr).to.include(`${path}: cannot load: this Node.js cannot import ".ts" files`);
      expect(run.stderr).to.include('add tsx to the project (npm install --save-dev tsx)');
      expect(run.stderr).to.match(new RegExp(`run the CLI through tsx: npx tsx \\S+ build ${path.replaceAll('.', '\\.')}\n$`));
    });

    it('a TypeScript module in a project that has tsx: built through tsx, its failures at their line of the .ts file', () => {
      const project = join(tmp(), 'with-tsx');
      mkdirSync(join(project, 'node_modules'), { recursive: true });
      // The project's own tsx, as `npm install --save-dev tsx` puts it there.
      symlinkSync(dirname(TSX_PACKAGE), join(project, 'node_modules', 'tsx'));
      writeFileSync(
        join(project, 'manifest.mts'),
        "interface Named { client_name: string }\nconst name: string = process.env['LP_NAME'] ?? 'Typed';\n" +
          'export default { client_name: name } satisfies Named;\n',
      );
      const run = runCli(['build', 'manifest.mts'], { cwd: project, env: { LP_NAME: 'Typed App' } });
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.equal(canonical({ client_name: 'Typed App' }));
      writeFileSync(
        join(project, 'fails.ts'),
        "const ready: boolean = false;\nif (!ready) throw new Error('not ready');\nexport default {};\n",
      );
      expectFailure(runCli(['build', 'fails.ts'], { cwd: project }), ['fails.ts:2:19: cannot load: not ready']);
      // A syntax error: esbuild's words at its position, not tsx's "Transform failed with 1 error:".
      writeFileSync(join(project, 'syntax.ts'), "const a: number = 1;\nexport default { client_name: 'x' ,, };\n");
      expectFailure(runCli(['build', 'syntax.ts'], { cwd: project }), [
        'syntax.ts:2:36: cannot load: Expected identifier but found ","',
      ]);
    });

    it('the tsx command it suggests works from the directory it was run in (a subdirectory of the project)', () => {
      const sub = join(tmp(), 'app2', 'sub');
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(tmp(), 'app2', 'm.ts'), "const name: string = 'Typed';\nexport default { client_name: name };\n");
      const run = runCli(['build', '../m.ts'], { cwd: sub });
      expect(run.status).to.equal(1);
      const hint = /run the CLI through tsx: npx tsx (\S+) build \.\.\/m\.ts\n$/.exec(run.stderr);
      expect(hint, run.stderr).to.not.equal(null);
      // The path names the CLI's ES module entry from where the user is, not from the project root.
      expect(realpathSync(resolve(sub, hint![1]!))).to.equal(realpathSync(CLI.replace(/\.cjs$/, '.js')));
      // And the suggested command does build it there (tsx from this repository stands for `npx tsx`).
      const tsx = spawnSync(process.execPath, [TSX_CLI, hint![1]!, 'build', '../m.ts'], {
        cwd: sub,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
        timeout: 20_000,
      });
      expect(tsx.status, tsx.stderr).to.equal(0);
      expect(JSON.parse(tsx.stdout)).to.deep.equal({ client_name: 'Typed' });
    });
  });

  describe('CommonJS modules: module.exports is the default export', () => {
    const write = (name: string, text: string): string => {
      writeFileSync(join(tmp(), name), text);
      return name;
    };

    for (const [name, source, shown] of [
      ['named-only.cjs', "exports.manifest = { client_name: 'Acme' };\n", '{ manifest }'],
      [
        'named-several.cjs',
        "exports.manifest = { client_name: 'Acme' };\nexports.version = 2;\nexports['my-config'] = {};\n",
        '{ manifest, version, "my-config" }',
      ],
      [
        // TypeScript compiled to CommonJS from `export const manifest = …` (no `export default`).
        'compiled-named.cjs',
        "Object.defineProperty(exports, '__esModule', { value: true });\nexports.manifest = { client_name: 'Acme' };\n",
        '{ manifest }',
      ],
    ] as const) {
      it(`${name}: named exports with no manifest key are named as the problem, not validated as a manifest`, () => {
        expectFailure(runCli(['build', write(name, source)], { cwd: tmp() }), [
          `${name}: module.exports is ${shown}, named exports with no manifest key: ` +
            'export default / module.exports = a ManifestBuilder, a manifest object, or a function returning one',
        ]);
      });
    }

    it('named exports that are manifest keys are a manifest object (module.exports), as before', () => {
      const run = runCli(['build', write('named-keys.cjs', "exports.client_name = 'Acme';\nexports.description = 'D';\n")], {
        cwd: tmp(),
      });
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.equal(canonical({ client_name: 'Acme', description: 'D' }));
    });

    it('module.exports = an object with a wrong key is still validated (its issues say what is wrong)', () => {
      const run = runCli(['build', write('typo.cjs', "module.exports = { clientName: 'Acme' };\n")], { cwd: tmp() });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.include('typo.cjs: clientName:').and.to.include('[unknown_key]');
    });
  });

  describe("ES module syntax in a file Node.js reads as CommonJS: our line only, never Node's warning", () => {
    const project = (name: string): string => {
      const dir = join(tmp(), name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), '{ "name": "no-type" }\n');
      writeFileSync(
        join(dir, 'm.js'),
        "import { env } from 'node:process';\nexport default { client_name: env.NAME ?? 'Acme' };\n",
      );
      writeFileSync(join(dir, 'e.js'), "export default { client_name: 'Acme' };\n");
      writeFileSync(join(dir, 'm.cjs'), "import { env } from 'node:process';\nexport default { client_name: 'Acme' };\n");
      return dir;
    };
    // How Node.js before 20.19 (which this package supports from 20.12) loads them: as CommonJS, a syntax error.
    const OLD_NODE = { NODE_OPTIONS: '--no-experimental-require-module --no-experimental-detect-module' };

    for (const [file, line] of [
      [
        'm.js',
        'm.js:1:1: cannot load: Cannot use import statement outside a module; it is read as CommonJS: ' +
          'set "type": "module" in its package.json, or rename it .mjs',
      ],
      [
        'e.js',
        "e.js:1:1: cannot load: Unexpected token 'export'; it is read as CommonJS: " +
          'set "type": "module" in its package.json, or rename it .mjs',
      ],
    ] as const) {
      it(`${file} where Node.js does not detect ES module syntax: one line that says what to change`, () => {
        expectFailure(runCli(['build', file], { cwd: project('old-node'), env: OLD_NODE }), [line]);
      });
    }

    it('a .cjs file: one line, rename it .mjs', () => {
      expectFailure(runCli(['build', 'm.cjs'], { cwd: project('cjs') }), [
        'm.cjs:1:1: cannot load: Cannot use import statement outside a module; ' +
          'a .cjs file is CommonJS: rename it .mjs to write it as an ES module',
      ]);
    });

    it('where Node.js detects it (and parses the file twice): built, with one warning line of ours', () => {
      const dir = project('detects');
      const run = runCli(['build', 'm.js'], { cwd: join(dir) });
      expect(run.status, run.stderr).to.equal(0);
      expect(JSON.parse(run.stdout)).to.deep.equal({ client_name: 'Acme' });
      expect(lines(run.stderr)).to.deep.equal([
        'm.js: warning: an ES module in a package without "type": "module" (Node.js parsed it twice to find out): ' +
          'set "type": "module" in package.json, or rename it .mjs',
      ]);
    });

    it("other warnings are Node's own, as Node prints them", () => {
      const dir = project('other-warning');
      writeFileSync(
        join(dir, 'warns.mjs'),
        "process.emitWarning('a warning of the module');\nexport default { client_name: 'A' };\n",
      );
      const run = runCli(['build', 'warns.mjs'], { cwd: dir });
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stderr).to.match(/^\(node:\d+\) Warning: a warning of the module$/m);
    });
  });

  describe("a module that fails says where, in the user's file, and never prints a stack trace or its source", () => {
    const write = (name: string, text: string): string => {
      const path = join(tmp(), name);
      writeFileSync(path, text);
      return path;
    };
    const expectOneLine = (run: CliRun, line: string): void => {
      expectFailure(run, [line]);
      expect(run.stderr).not.to.match(/^\s+at /m);
    };

    it('a syntax error in an ES module: its line and column', () => {
      write('syntax.mjs', `const token = '${SECRET}';\nexport default {\n  client_name: 'Acme',,\n};\n`);
      const run = runCli(['build', 'syntax.mjs'], { cwd: tmp() });
      expectOneLine(run, "syntax.mjs:3:23: cannot load: Unexpected token ','");
      expect(run.stderr).not.to.include(SECRET);
    });

    it('a syntax error in a CommonJS module: its line and column', () => {
      write('syntax.cjs', `module.exports = {\n  client_name: 'Acme' 'x',\n};\n`);
      expectOneLine(runCli(['build', 'syntax.cjs'], { cwd: tmp() }), 'syntax.cjs:2:23: cannot load: Unexpected string');
    });

    it("an error thrown in a helper the module imports: the helper's failing line, relative to the working directory", () => {
      mkdirSync(join(tmp(), 'lib'), { recursive: true });
      write('lib/config.mjs', 'export function endpoint(env) {\n  return env.settings.url;\n}\n');
      write(
        'uses-helper.mjs',
        "import { endpoint } from './lib/config.mjs';\nexport default () => ({ client_name: endpoint({}) });\n",
      );
      expectOneLine(
        runCli(['build', 'uses-helper.mjs'], { cwd: tmp() }),
        "lib/config.mjs:2:23: the default export threw: Cannot read properties of undefined (reading 'url')",
      );
    });
  });

  describe('JSON modules, profiles and --strict', () => {
    it('a repeated key in a JSON manifest fails the build with duplicate_key and its positions', () => {
      const path = join(tmp(), 'duplicate.json');
      writeFileSync(path, '{\n  "client_name": "A",\n  "client_name": "B"\n}\n');
      expectFailure(runCli(['build', path]), [
        `${path}:3:3: client_name: key "client_name" appears more than once in this object (at line 2, column 3 and at line 3, column 3); a JSON reader keeps only the last, silently: remove one [duplicate_key]`,
        `${path}: build failed with 1 issue (general profile)`,
      ]);
    });

    it('a "$schema" naming connector.schema.json selects the connector profile for a manifest object', () => {
      const path = join(tmp(), 'connector-schema.json');
      writeFileSync(path, JSON.stringify({ $schema: 'schema/connector.schema.json', client_name: 'Acme' }));
      const run = runCli(['build', path]);
      expect(run.status).to.equal(1);
      expect(lines(run.stderr).at(-1)).to.equal(`${path}: build failed with 2 issues (connector profile, from "$schema")`);
    });

    it('--strict fails on a warning and writes nothing; without it the build succeeds', () => {
      const target = join(tmp(), 'strict-out.json');
      const run = runCli(['build', 'warning-only.json', '--strict', '--out', target]);
      expect(run.status).to.equal(1);
      expect(lines(run.stderr)).to.have.length(2);
      expect(lines(run.stderr)[1]).to.equal(
        `warning-only.json: build failed with 1 warning (--strict) (general profile); ${target} was not written`,
      );
      expect(readdirSync(tmp())).not.to.include('strict-out.json');
      expect(runCli(['build', 'warning-only.json', '--out', target]).status).to.equal(0);
    });
  });

  describe('validation', () => {
    it('an invalid builder: every issue on stderr, nothing on stdout, no secret anywhere', () => {
      const run = runCli(['build', 'invalid-builder.mjs']);
      expectFailure(run, [
        'invalid-builder.mjs: capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].headers[0].header_value: must be visible ASCII, space or tab only: no control characters such as CR, LF or NUL, which could split or fold the header (the value is not shown because it may be a secret) [header_value_control_character]',
        'invalid-builder.mjs: build failed with 1 issue (general profile)',
      ]);
      expect(run.stderr).not.to.include(SECRET);
    });

    it('prints warnings on stderr and still builds', () => {
      const run = runCli(['build', 'warning-only.json']);
      expect(run.status).to.equal(0);
      expect(JSON.parse(run.stdout)).to.deep.equal({ client_name: 'Acme App', response_types: ['code'] });
      expect(run.stderr).to.equal(
        'warning-only.json:3:3: warning: response_types: response_types has "code" but grant_types lacks "authorization_code" [code_without_authorization_code]\n',
      );
    });

    it('checks a builder against its own profile, with or without --profile', () => {
      const tooLong =
        'long-name-connector.mjs: client_name: must be at most 100 characters in the connector profile (got 101) [too_long]';
      for (const extra of [[], ['--profile', 'general']]) {
        const run = runCli(['build', 'long-name-connector.mjs', ...extra]);
        expect(run.status).to.equal(1);
        expect(lines(run.stderr)[0]).to.equal(tooLong);
      }
    });

    it('checks a builder against --profile as well when it names another profile', () => {
      expect(runCli(['build', 'general-builder.mjs']).status).to.equal(0);
      expectFailure(runCli(['build', 'general-builder.mjs', '--profile', 'connector']), [
        // a connector with no webhook: a warning
        `general-builder.mjs: warning: capabilities: there is no "capabilities" object, so ${NO_WEBHOOK}`,
        'general-builder.mjs: grant_types: is required in the connector profile: set it to ["client_credentials"] [required]',
        'general-builder.mjs: scope: is required in the connector profile: set it to "msg.consumer" [required]',
        'general-builder.mjs: build failed with 2 issues (general and connector profiles)',
      ]);
    });

    it('checks a manifest object against --profile (general by default)', () => {
      const run = runCli(['build', 'object.cjs', '--profile', 'connector']);
      expect(run.status).to.equal(1);
      expect(lines(run.stderr).slice(0, 2)).to.deep.equal([
        `object.cjs: warning: capabilities: there is no "capabilities" object, so ${NO_WEBHOOK}`,
        'object.cjs: grant_types: is required in the connector profile: set it to ["client_credentials"] [required]',
      ]);
    });
  });

  describe('usage errors exit 2', () => {
    const cases: [string, string[], RegExp][] = [
      ['no module', [], /^lp-app-manifest: no module given; see "lp-app-manifest build --help"\n$/],
      ['two modules', ['object.cjs', 'valid.json'], /unexpected argument 'valid.json' \(build takes one module\)/],
      ['an unknown profile', ['object.cjs', '--profile', 'strict'], /unknown profile 'strict'/],
      ['an unknown option', ['object.cjs', '--output', 'x.json'], /unknown option '--output'/],
      [
        'a --timeout that is no number of seconds',
        ['object.cjs', '--timeout', '0'],
        /option '--timeout' must be a number of seconds/,
      ],
    ];
    for (const [name, args, pattern] of cases) {
      it(`for ${name}`, () => {
        const run = runCli(['build', ...args]);
        expect(run.status).to.equal(2);
        expect(run.stdout).to.equal('');
        expect(lines(run.stderr)).to.have.length(1);
        expect(run.stderr).to.match(pattern);
      });
    }
  });

  describe('--out', () => {
    const outDir = (name: string): string => {
      const dir = join(tmp(), name);
      mkdirSync(dir);
      return dir;
    };

    it('writes the manifest, keeps the old file mode, prints nothing and leaves no temporary file', () => {
      const dir = outDir('ok');
      const target = join(dir, 'manifest.json');
      writeFileSync(target, 'OLD', { mode: 0o640 });
      const run = runCli(['build', 'object.cjs', '--out', target]);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout + run.stderr).to.equal('');
      // The profile travels with the file: a "$schema" first (the package is not installed where the temporary directory is).
      expect(readFileSync(target, 'utf8')).to.equal(
        canonical({
          $schema: './node_modules/lp-app-manifest/schema/general.schema.json',
          client_name: 'Acme CJS',
          description: 'From CommonJS',
        }),
      );
      expect(statSync(target).mode & 0o777).to.equal(0o640);
      expect(readdirSync(dir)).to.deep.equal(['manifest.json']);
    });

    for (const [why, module, lastLine] of [
      ['the manifest is invalid', 'invalid-builder.mjs', /build failed with 1 issue \(general profile\); .* was not written$/],
      ['the module throws', 'throws.mjs', /cannot load: cannot reach the configuration service$/],
    ] as const) {
      it(`leaves an existing target untouched, and no temporary file, when ${why}`, () => {
        const dir = outDir(module);
        const target = join(dir, 'manifest.json');
        writeFileSync(target, 'OLD');
        const run = runCli(['build', module, '--out', target]);
        expect(run.status).to.equal(1);
        expect(lines(run.stderr).at(-1)).to.match(lastLine);
        expect(readFileSync(target, 'utf8')).to.equal('OLD');
        expect(readdirSync(dir)).to.deep.equal(['manifest.json']);
      });
    }

    it('fails clearly when the target is a directory, leaving no temporary file', () => {
      const dir = outDir('is-dir');
      mkdirSync(join(dir, 'manifest.json'));
      const run = runCli(['build', 'object.cjs', '--out', join(dir, 'manifest.json')]);
      expectFailure(run, [`${join(dir, 'manifest.json')}: cannot write: is a directory`]);
      expect(readdirSync(dir)).to.deep.equal(['manifest.json']);
    });

    it('refuses a pipe as the target (a rename would replace it with a file), leaving it a pipe', () => {
      const dir = outDir('fifo');
      const target = join(dir, 'manifest.json');
      expect(spawnSync('mkfifo', [target]).status).to.equal(0);
      const run = runCli(['build', 'object.cjs', '--out', target]);
      expectFailure(run, [
        `${target}: cannot write: is a device, a pipe or a socket, not a file: give a file path (or leave the option out to print to stdout)`,
      ]);
      expect(statSync(target).isFIFO()).to.equal(true);
      expect(readdirSync(dir)).to.deep.equal(['manifest.json']);
    });

    it('fails clearly when the directory does not exist', () => {
      const target = join(tmp(), 'no-such-dir', 'manifest.json');
      expectFailure(runCli(['build', 'object.cjs', '--out', target]), [`${target}: cannot write: the directory does not exist`]);
    });
  });
});

describe('lp-app-manifest build --out: the profile travels with the file', () => {
  requireBuiltCli();
  const tmp = useTempDir();
  const SCHEMAS = resolve(CLI, '../../schema');

  it('writes a "$schema" of the profile it checked, relative to the file\'s folder; stdout stays the manifest alone', () => {
    const root = join(tmp(), 'project');
    mkdirSync(join(root, 'manifests'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{ "private": true }\n');
    cpSync(SCHEMAS, join(root, 'node_modules', 'lp-app-manifest', 'schema'), { recursive: true });
    const target = join(root, 'manifests', 'connector.json');
    const run = runCli(['build', 'connector-builder.mjs', '--out', target]);
    expect(run.status, run.stderr).to.equal(0);
    const written = JSON.parse(readFileSync(target, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written)[0]).to.equal('$schema');
    expect(written['$schema']).to.equal('../node_modules/lp-app-manifest/schema/connector.schema.json');
    const { $schema: _schema, ...manifest } = written;
    const printed = runCli(['build', 'connector-builder.mjs']);
    expect(JSON.parse(printed.stdout)).to.deep.equal(manifest);
    expect(printed.stdout).not.to.contain('$schema');

    // validate reads the profile back: a connector edited to a general-only scope fails, as a connector.
    writeFileSync(target, JSON.stringify({ ...written, scope: 'msg.consumer livedeflect' }, null, 2));
    const checked = runCli(['validate', target]);
    expect(checked.status, checked.stdout).to.equal(1);
    expect(checked.stdout).to.contain('[connector_required_value]').and.contain('invalid (connector profile, from "$schema")');
  });

  it('a JSON manifest keeps the profile it was checked against (its "$schema"); a general builder is written as general', () => {
    const object = join(tmp(), 'object.json');
    writeFileSync(object, JSON.stringify({ $schema: 'x/connector.schema.json', ...CONNECTOR }));
    const fromJson = join(tmp(), 'from-json.json');
    expect(runCli(['build', object, '--out', fromJson]).status).to.equal(0);
    expect(JSON.parse(readFileSync(fromJson, 'utf8'))).to.have.property(
      '$schema',
      './node_modules/lp-app-manifest/schema/connector.schema.json',
    );
    const general = join(tmp(), 'general.json');
    expect(runCli(['build', 'general-builder.mjs', '--out', general]).status).to.equal(0);
    expect(JSON.parse(readFileSync(general, 'utf8'))).to.have.property(
      '$schema',
      './node_modules/lp-app-manifest/schema/general.schema.json',
    );
  });
});

/** A minimal connector manifest. */
const CONNECTOR = {
  client_name: 'Acme',
  grant_types: ['client_credentials'],
  scope: 'msg.consumer',
  capabilities: { webhooks: { 'ms.MessagingEventNotification.ContentEvent': { endpoint: 'https://hooks.example.com/lp' } } },
};
