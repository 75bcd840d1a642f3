import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { CLI, lines, requireBuiltCli, runCli } from './helpers.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin?: Record<string, string>;
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
        for (const command of ['validate', 'build', 'schema', 'init']) expect(run.stdout).to.match(new RegExp(`^  ${command} `, 'm'));
      });
    }

    it('--version prints the version from package.json', () => {
      const run = runCli(['--version']);
      expect(run.status).to.equal(0);
      expect(run.stdout).to.equal(`${packageJson.version}\n`);
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

  describe('usage errors: exit 2, one line on stderr, nothing on stdout', () => {
    const cases: [string, string[], string][] = [
      ['no command', [], 'lp-app-manifest: no command given (use one of: validate, build, schema, init); see "lp-app-manifest --help"'],
      ['an unknown command', ['check'], `lp-app-manifest: unknown command 'check' (use one of: validate, build, schema, init); see "lp-app-manifest --help"`],
      ['an unknown option before the command', ['--verbose', 'validate'], "lp-app-manifest: unknown option '--verbose'"],
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
      expect(packageJson.bin).to.deep.equal({ 'lp-app-manifest': './dist/cli.js' });
      expect(readFileSync(CLI, 'utf8')).to.match(/^#!\/usr\/bin\/env node\n(?!#!)/);
      expect(statSync(CLI).mode & 0o111).to.equal(0o111);
      const run = spawnSync(CLI, ['--version'], { encoding: 'utf8', timeout: 20_000 });
      expect(run.stdout).to.equal(`${packageJson.version}\n`);
    });

    it('uses the library through its public entry, without a second copy of the validator', () => {
      const source = readFileSync(CLI, 'utf8');
      expect(source).to.match(/^import \{[^}]*\bvalidateManifest\b[^}]*\} from 'lp-app-manifest';$/m);
      expect(source).not.to.include('function walkManifest');
      expect(source).not.to.include('class ManifestValidationError');
      expect(source).not.to.include("LivePerson's table misspells it");
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
