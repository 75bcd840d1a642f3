/**
 * `build` runs the user's module in its own process: what that module does to
 * the process (never settling, exiting, printing) never makes a failed build
 * look like a success, nor corrupts the manifest on stdout.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lines, requireBuiltCli, runCli, useTempDir, type CliRun } from './helpers.js';

describe('CLI build: what the module does to the process', () => {
  const dir = useTempDir();
  before(requireBuiltCli);
  const module = (name: string, source: string): string => {
    writeFileSync(join(dir(), name), source);
    return name;
  };

  for (const [name, source] of [
    ['never-settles.mjs', 'export default () => new Promise(() => {});'],
    ['pending-export.mjs', 'export default new Promise(() => {});'],
    ['top-level-await.mjs', 'await new Promise(() => {});\nexport default { client_name: "A" };'],
    ['exits.mjs', 'process.exit(0);\nexport default { client_name: "A" };'],
  ] as const) {
    it(`${name}: exit 1 with a message, nothing written`, () => {
      const run = runCli(['build', module(name, source), '--out', 'out.json'], { cwd: dir() });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.contain('stopped before the command finished');
      expect(existsSync(join(dir(), 'out.json'))).to.equal(false);
    });
  }

  it('one line says which: the process.exit() call at its line, or a promise that never settles', () => {
    for (const [name, line] of [
      ['exits.mjs', 'exits.mjs:1:9: stopped before the command finished: the module called process.exit()'],
      [
        'never-settles.mjs',
        'never-settles.mjs: stopped before the command finished: the module left a promise that never settles',
      ],
    ] as const) {
      const run = runCli(['build', name], { cwd: dir() });
      expect(run.status, run.stderr).to.equal(1);
      expect(run.stdout).to.equal('');
      expect(lines(run.stderr)).to.deep.equal([line]);
    }
  });

  it('a module that never settles and keeps its process busy fails at --timeout, nothing written', () => {
    module('busy.mjs', 'export default () => new Promise(() => { setInterval(() => {}, 1000); });\n');
    const run = runCli(['build', 'busy.mjs', '--timeout', '1', '--out', 'busy.json'], { cwd: dir() });
    expect(run.status, run.stderr).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(lines(run.stderr)).to.deep.equal([
      'busy.mjs: stopped before the command finished: the module gave no manifest within 1 s (--timeout)',
    ]);
    expect(existsSync(join(dir(), 'busy.json'))).to.equal(false);
  });

  describe('--dotenv: the module runs with the files in its environment', () => {
    const ENV_MODULE = "export default { client_name: `Acme (${process.env.LP_ENV ?? 'staging'})` };\n";
    const name = (run: CliRun): unknown => (JSON.parse(run.stdout) as { client_name: unknown }).client_name;

    it('a module that reads process.env builds the environment the file names', () => {
      module('env.mjs', ENV_MODULE);
      writeFileSync(join(dir(), '.env.prod'), 'LP_ENV=prod\n');
      writeFileSync(join(dir(), '.env.qa'), 'LP_ENV=qa\n');
      const unset = { LP_ENV: undefined };
      const staging = runCli(['build', 'env.mjs'], { cwd: dir(), env: unset });
      expect(staging.status, staging.stderr).to.equal(0);
      expect(name(staging)).to.equal('Acme (staging)');
      const prod = runCli(['build', 'env.mjs', '--dotenv', '.env.prod'], { cwd: dir(), env: unset });
      expect(prod.status, prod.stderr).to.equal(0);
      expect(prod.stderr).to.equal('');
      expect(name(prod)).to.equal('Acme (prod)');
      // A later file wins over an earlier one.
      const later = runCli(['build', 'env.mjs', '--dotenv', '.env.qa', '--dotenv', '.env.prod'], { cwd: dir(), env: unset });
      expect(name(later)).to.equal('Acme (prod)');
    });

    it('a variable set in the environment wins over every file', () => {
      module('env.mjs', ENV_MODULE);
      writeFileSync(join(dir(), '.env.prod'), 'LP_ENV=prod\n');
      const run = runCli(['build', 'env.mjs', '--dotenv', '.env.prod'], { cwd: dir(), env: { LP_ENV: 'from-ci' } });
      expect(run.status, run.stderr).to.equal(0);
      expect(name(run)).to.equal('Acme (from-ci)');
    });
  });

  for (const [name, source] of [
    ['proxy-get.mjs', "export default new Proxy({}, { get() { throw new Error('boom'); } });"],
    ['proxy-prototype.mjs', "export default new Proxy({}, { getPrototypeOf() { throw new Error('boom'); } });"],
    ['proxy-revoked.mjs', 'const p = Proxy.revocable({}, {}); p.revoke(); export default p.proxy;'],
  ] as const) {
    it(`${name}: a default export that throws when read is named as the problem, exit 1, nothing written`, () => {
      const run = runCli(['build', module(name, source), '--out', 'out.json'], { cwd: dir() });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.match(
        new RegExp(`^${name.replace('.', '\\.')}: the default export could not be read \\(a getter or proxy threw: `),
      );
      expect(run.stderr).to.not.contain('unexpected error');
      expect(existsSync(join(dir(), 'out.json'))).to.equal(false);
    });
  }

  it('a module that leaves a timer running does not keep the command from exiting', () => {
    const run = runCli(
      ['build', module('timer.mjs', 'setInterval(() => {}, 1000);\nexport default { client_name: "A" };'), '--out', 'timer.json'],
      {
        cwd: dir(),
      },
    );
    expect(run.status, run.stderr).to.equal(0);
    expect(existsSync(join(dir(), 'timer.json'))).to.equal(true);
  });

  it("a module's console output goes to stderr, so stdout is the manifest only", () => {
    const run = runCli(
      [
        'build',
        module('noisy.mjs', 'console.log("noise"); process.stdout.write("more\\n"); export default { client_name: "A" };'),
      ],
      {
        cwd: dir(),
      },
    );
    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout)).to.deep.equal({ client_name: 'A' });
    expect(run.stderr).to.contain('noise').and.to.contain('more');
  });
});

describe('CLI build: errors the module raises outside of what build awaits', () => {
  const dir = useTempDir();
  before(requireBuiltCli);
  const module = (name: string, source: string): string => {
    writeFileSync(join(dir(), name), source);
    return name;
  };
  /** Exit 1, nothing on stdout, exactly these lines on stderr: never a stack frame, never the source line. */
  const expectFailure = (run: CliRun, stderr: readonly string[]): void => {
    expect(run.status, run.stderr).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(lines(run.stderr)).to.deep.equal(stderr);
  };

  for (const [name, source, line] of [
    [
      'rejects.mjs',
      "Promise.reject(new Error('x'));\nexport default { client_name: 'x' };\n",
      'rejects.mjs:1:16: unhandled promise rejection: x',
    ],
    [
      'rejects-plain.mjs',
      "Promise.reject('not an Error');\nexport default { client_name: 'x' };\n",
      'rejects-plain.mjs: unhandled promise rejection: not an Error',
    ],
    [
      'timer-throws.mjs',
      "setTimeout(() => { throw new Error('late'); }, 0);\nexport default { client_name: 'x' };\n",
      'timer-throws.mjs:1:26: uncaught exception: late',
    ],
    [
      'function-rejects.mjs',
      "export default () => {\n  Promise.reject(new Error('in the function'));\n  return { client_name: 'x' };\n};\n",
      'function-rejects.mjs:2:18: unhandled promise rejection: in the function',
    ],
    [
      // Without the fault, this module would never settle: the fault ends the build, with its own line.
      'throws-while-pending.mjs',
      "export default () => {\n  setTimeout(() => { throw new Error('gave up'); }, 0);\n  return new Promise(() => {});\n};\n",
      'throws-while-pending.mjs:2:28: uncaught exception: gave up',
    ],
    [
      'rejects.cjs',
      "Promise.reject(new Error('from CommonJS'));\nmodule.exports = { client_name: 'x' };\n",
      'rejects.cjs:1:16: unhandled promise rejection: from CommonJS',
    ],
  ] as const) {
    it(`${name}: one line, exit 1, nothing on stdout, --out left as it was`, () => {
      module(name, source);
      expectFailure(runCli(['build', name], { cwd: dir() }), [line]);
      writeFileSync(join(dir(), 'kept.json'), 'OLD\n');
      expectFailure(runCli(['build', name, '--out', 'kept.json'], { cwd: dir() }), [line]);
      expect(readFileSync(join(dir(), 'kept.json'), 'utf8')).to.equal('OLD\n');
      expect(readdirSync(dir()).filter((file) => file.endsWith('.tmp'))).to.deep.equal([]);
    });
  }

  it('a rejection alongside a module that fails to load: both, one line each', () => {
    module('both.mjs', "Promise.reject(new Error('first'));\nawait 0;\nthrow new Error('second');\nexport default {};\n");
    const run = runCli(['build', 'both.mjs'], { cwd: dir() });
    expect(run.status, run.stderr).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(lines(run.stderr).sort()).to.deep.equal([
      'both.mjs:1:16: unhandled promise rejection: first',
      'both.mjs:3:7: cannot load: second',
    ]);
  });

  it('what the module leaves running ends with its process, before the output is written: it cannot fail the build later', () => {
    // The timer keeps the module's process alive and would throw a minute later; --out is written once that process has ended.
    module(
      'leaves-timer.mjs',
      "import { writeFileSync } from 'node:fs';\nwriteFileSync('module.pid', String(process.pid));\n" +
        "setInterval(() => { throw new Error('too late'); }, 60_000);\nexport default { client_name: 'x' };\n",
    );
    const run = runCli(['build', 'leaves-timer.mjs', '--out', 'leaves-timer.json'], { cwd: dir() });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout + run.stderr).to.equal('');
    expect(JSON.parse(readFileSync(join(dir(), 'leaves-timer.json'), 'utf8'))).to.deep.equal({
      $schema: './node_modules/lp-app-manifest/schema/general.schema.json',
      client_name: 'x',
    });
    const pid = Number(readFileSync(join(dir(), 'module.pid'), 'utf8'));
    expect(pid).to.be.greaterThan(0).and.not.equal(process.pid);
    expect(() => process.kill(pid, 0))
      .to.throw()
      .with.property('code', 'ESRCH');
  });
});

describe('CLI process: an error nothing awaited, outside of a module build runs', () => {
  const dir = useTempDir();
  before(requireBuiltCli);

  it('is one line and exit 1, never a stack trace (here from code preloaded into the process)', () => {
    writeFileSync(join(dir(), 'preload.cjs'), "setTimeout(() => { throw new Error('from outside'); }, 0);\n");
    writeFileSync(join(dir(), 'valid.json'), '{ "client_name": "A" }\n');
    const run = runCli(['validate', 'valid.json'], { cwd: dir(), env: { NODE_OPTIONS: '--require ./preload.cjs' } });
    expect(run.status, run.stderr).to.equal(1);
    expect(lines(run.stderr)).to.deep.equal(['lp-app-manifest: unexpected error: from outside']);
    expect(run.stderr).to.not.match(/^\s+at /m);
  });
});
