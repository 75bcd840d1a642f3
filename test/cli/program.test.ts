import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COMMAND_NAMES, loadCommands } from '../../src/cli/commands.js';
import { CLI, lines, requireBuiltCli, runCli } from './helpers.js';

/** The commands, loaded, in the order of the one table that registers them. */
const LOADED = await loadCommands();
const NAMES = [...LOADED.map((command) => command.name), 'help'].join(', ');

/** The chunks of the commands other than validate, which the CLI loads when they run. */
const CLI_CHUNKS = join(dirname(CLI), 'cli');

/** The ES module that runs the CLI, for `node --import tsx …/dist/cli.js` (docs/cli.md). */
const ESM_CLI = join(dirname(CLI), 'cli.js');

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin?: Record<string, string>;
  exports?: Record<string, { require?: { default?: string } }>;
};

describe('lp-app-manifest (the program)', () => {
  requireBuiltCli();

  describe('help and version', () => {
    for (const flag of ['--help', '-h']) {
      it(`${flag} lists the commands on stdout and exits 0`, () => {
        const run = runCli([flag]);
        expect(run.status).to.equal(0);
        expect(run.stderr).to.equal('');
        expect(run.stdout).to.match(/^Usage: lp-app-manifest <command> \[options\]\n/);
        for (const command of ['validate', 'build', 'schema', 'init'])
          expect(run.stdout).to.match(new RegExp(`^  ${command} `, 'm'));
      });
    }

    it("help, as git and npm take it: alone the program's help, with a command that command's", () => {
      expect(runCli(['help']).stdout).to.equal(runCli(['--help']).stdout);
      const init = runCli(['help', 'init']);
      expect(init.status).to.equal(0);
      expect(init.stdout).to.equal(runCli(['init', '--help']).stdout);
      const unknown = runCli(['help', 'nope']);
      expect(unknown.status).to.equal(2);
      expect(lines(unknown.stderr)).to.deep.equal([
        `lp-app-manifest: unknown command 'nope' (use one of: ${NAMES}); see "lp-app-manifest --help"`,
      ]);
    });

    it("help is listed; --help <command> is that command's help; help help is the program's", () => {
      expect(runCli(['--help']).stdout).to.match(/^ {2}help +show this help, or a command's: help <command>$/m);
      expect(runCli(['--help', 'init']).stdout).to.equal(runCli(['init', '--help']).stdout);
      expect(runCli(['help', 'help']).stdout).to.equal(runCli(['--help']).stdout);
      expect(runCli(['help', '--help']).stdout).to.equal(runCli(['--help']).stdout);
      for (const [via, ...args] of [
        ['help', 'help', 'init', 'extra'],
        ['--help', '--help', 'init', 'extra'],
      ] as const) {
        const run = runCli([...args]);
        expect(run.status, args.join(' ')).to.equal(2);
        expect(lines(run.stderr)).to.deep.equal([`lp-app-manifest: unexpected argument 'extra' after ${via} init`]);
      }
    });

    it('--version prints the version from package.json, and takes no argument', () => {
      const run = runCli(['--version']);
      expect(run.status).to.equal(0);
      expect(run.stdout).to.equal(`${packageJson.version}\n`);
      const extra = runCli(['--version', 'extra']);
      expect(extra.status).to.equal(2);
      expect(lines(extra.stderr)).to.deep.equal(["lp-app-manifest: unexpected argument 'extra' after --version"]);
      expect(extra.stdout).to.equal('');
    });

    const commands = [
      ['validate', '--help'],
      ['build', '-h'],
      ['schema', '--help'],
      ['init', '-h'],
    ] as const;
    for (const [command, flag] of commands) {
      it(`${command} ${flag} prints the command's usage and exits 0`, () => {
        const run = runCli([command, flag]);
        expect(run.status).to.equal(0);
        expect(run.stderr).to.equal('');
        expect(run.stdout).to.match(new RegExp(`^Usage: lp-app-manifest ${command} \\[options\\]`));
        expect(run.stdout).to.include('-h, --help');
      });
    }
  });

  describe('one table of commands', () => {
    it('--help lists every command of the table, with its summary, in its order, then help', () => {
      const listed = lines(runCli(['--help']).stdout).filter((line) => /^ {2}[a-z]+ {2,}/.test(line));
      expect(listed.map((line) => line.trim().split(/\s+/, 1)[0])).to.deep.equal([...COMMAND_NAMES, 'help']);
      for (const command of LOADED) expect(runCli(['--help']).stdout).to.include(command.summary);
    });

    it('each entry of the table loads the command of its name', () => {
      expect(LOADED.map((command) => command.name)).to.deep.equal([...COMMAND_NAMES]);
    });

    for (const command of LOADED) {
      it(`${command.name} --help is made from its entry: usage, description, every option, -h`, () => {
        const run = runCli([command.name, '--help']);
        expect(run.status).to.equal(0);
        expect(run.stdout).to.match(new RegExp(`^Usage: lp-app-manifest ${command.name} `));
        expect(run.stdout).to.include(command.description.split('\n')[0]);
        for (const name of Object.keys(command.options)) expect(run.stdout).to.match(new RegExp(`^  (-\\w, )?--${name}\\b`, 'm'));
        expect(run.stdout).to.match(/^ {2}-h, --help +show this help$/m);
      });
    }
  });

  describe('usage errors: exit 2, one line on stderr, nothing on stdout', () => {
    const cases: [string, string[], string][] = [
      ['no command', [], `lp-app-manifest: no command given (use one of: ${NAMES}); see "lp-app-manifest --help"`],
      [
        'an unknown command',
        ['check'],
        `lp-app-manifest: unknown command 'check' (use one of: ${NAMES}); see "lp-app-manifest --help"`,
      ],
      ['an unknown option before the command', ['--verbose', 'validate'], "lp-app-manifest: unknown option '--verbose'"],
      [
        'a --timeout of 0',
        ['plan', 'manifest.json', '--account', '12345678', '--timeout', '0'],
        'lp-app-manifest: option \'--timeout\' must be a number of seconds, more than 0 and at most 3600 (e.g. --timeout 30); see "lp-app-manifest plan --help"',
      ],
    ];
    for (const [name, args, message] of cases) {
      it(`for ${name}`, () => {
        const run = runCli(args);
        expect(run.status).to.equal(2);
        expect(run.stdout).to.equal('');
        expect(lines(run.stderr)).to.deep.equal([message]);
      });
    }
  });

  describe('the executable', () => {
    it('is the package bin, runs directly through its #! line, and is executable', () => {
      expect(packageJson.bin).to.deep.equal({ 'lp-app-manifest': './dist/cli.cjs' });
      // dist/cli.js, the ES module path that docs/cli.md gives for `node --import tsx …/dist/cli.js`, runs the same program.
      for (const file of [CLI, ESM_CLI]) {
        expect(readFileSync(file, 'utf8')).to.match(/^#!\/usr\/bin\/env node\n(?!#!)/);
        expect(statSync(file).mode & 0o111).to.equal(0o111);
        const run = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 20_000 });
        expect(run.stdout).to.equal(`${packageJson.version}\n`);
      }
    });

    it('uses the library through its public entry, without a second copy of the validator', () => {
      const source = readFileSync(CLI, 'utf8');
      // The file that the package's "exports" give require('lp-app-manifest'), required by its path next to the CLI.
      expect(packageJson.exports?.['.']?.require?.default).to.equal('./dist/index.cjs');
      const library = /^var (\w+) = require\('\.\/index\.cjs'\);$/m.exec(source)?.[1];
      expect(library).to.be.a('string');
      expect(source).to.include(`${library}.validateTemplate(`);
      expect(source).not.to.include('function walkManifest');
      expect(source).not.to.include('class ManifestValidationError');
      expect(source).not.to.include("LivePerson's table misspells it");
    });

    it('loads at start-up only Node built-ins that start fast and the library (its main and text entries): the rest when a command needs it', () => {
      // image-size (--logo), ts-pattern (build), node:crypto (--out): a static import would make every run pay for
      // them (issue 11: the cold start). node:child_process, which build runs a module with, is in build's chunk only.
      const source = readFileSync(CLI, 'utf8');
      const statics = [...source.matchAll(/^(?:var \w+ = )?require\('([^']+)'\);$/gm)].map((found) => found[1]);
      expect(statics).to.include('./index.cjs');
      // Of lp-app-manifest/text, validate loads only its reading of JSON (dist/text-read.cjs, with the shared chunk it
      // requires): the repairs and jsonc-parser's editor and formatter are for fix, which loads dist/text.cjs.
      const cheap = [
        './index.cjs',
        './text-read.cjs',
        'node:util',
        'node:module',
        'node:path',
        'node:fs',
        'node:url',
        'node:buffer',
      ];
      expect(statics.filter((id) => !cheap.includes(id!))).to.deep.equal([]);
      const read = [
        readFileSync(new URL('../../dist/text-read.cjs', import.meta.url), 'utf8'),
        readFileSync(new URL('../../dist/text-shared.cjs', import.meta.url), 'utf8'),
      ].join('\n');
      expect(read).to.include('function parseManifestText(');
      expect(read).not.to.match(/function (setProperty|format|checkManifestText|fixManifestText)\(|require\('\.\/text\.cjs'\)/);
      const everything = [source, ...readdirSync(CLI_CHUNKS).map((file) => readFileSync(join(CLI_CHUNKS, file), 'utf8'))].join(
        '\n',
      );
      for (const lazy of ['image-size', 'ts-pattern', 'node:crypto'])
        expect(everything).to.include(`Promise.resolve().then(() => require('${lazy}'))`);
      // Every command but validate is a chunk of its own, loaded when it runs.
      expect(source).to.match(/Promise\.resolve\(\)\.then\(function \(\) \{ return require\('\.\/cli\/build\.cjs'\); \}\)/);
      // jsonc-parser, which every validate needs, is bundled (into the text entry) from its ES build rather than loaded as UMD.
      const text = readFileSync(new URL('../../dist/text-shared.cjs', import.meta.url), 'utf8');
      expect(text).to.include('function createScanner(');
      expect([everything, text].join('\n')).not.to.match(/from 'jsonc-parser'|require\('jsonc-parser'\)/);
    });

    it('reuses the library instead of copies: no isPlainObject, describeType or formatIssue of its own', () => {
      // What the CLI uses beyond the public API is the library's own source, src/internal.ts, bundled into the CLI
      // (no entry a user sees): src/cli defines none of these itself.
      const cliSources = new URL('../../src/cli/', import.meta.url);
      for (const file of readdirSync(cliSources)) {
        expect(readFileSync(new URL(file, cliSources), 'utf8')).not.to.match(
          /function (isPlainObject|describeType|describeValue|formatIssue|issueLine)\b|const (isPlainObject|describeType|issueLine) =/,
        );
      }
      const build = readFileSync(new URL('../../src/cli/build-check.ts', import.meta.url), 'utf8');
      expect(build).to.match(/^import \{ describeType, isPlainObject \} from '\.\.\/internal\.js';$/m);
      // One copy of each in the CLI: the chunks share the entry's. The process build runs a module in
      // (cli/build-runner.cjs) is a bundle of its own, by design (rollup.config.mjs), with one copy of its own.
      const chunks = readdirSync(CLI_CHUNKS).filter((file) => file !== 'build-runner.cjs');
      const bundled = [readFileSync(CLI, 'utf8'), ...chunks.map((file) => readFileSync(join(CLI_CHUNKS, file), 'utf8'))];
      expect(bundled.join('\n').match(/function describeType\(/g)).to.have.length(1);
      expect(readFileSync(join(CLI_CHUNKS, 'build-runner.cjs'), 'utf8').match(/function describeType\(/g)).to.have.length(1);
    });

    it('the library entry loads no CLI-only dependency', () => {
      for (const file of ['../../dist/index.js', '../../dist/index.cjs']) {
        const source = readFileSync(new URL(file, import.meta.url), 'utf8');
        expect(source).not.to.match(/['"](image-size|ts-pattern|jsonc-parser)['"]/);
      }
    });

    it('exits quietly when its reader closes the pipe early (lp-app-manifest schema | head)', async () => {
      const child = spawn(process.execPath, [CLI, 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).to.equal('');
      expect(status).to.equal(0);
    });
  });
});
