/**
 * `build` runs the user's module in its own process: what that module does to
 * the process (never settling, exiting, printing) never makes a failed build
 * look like a success, nor corrupts the manifest on stdout.
 */
import { expect } from 'chai';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

  // The module's timer fires once the command has set its exit code, i.e. after the manifest was written.
  const AFTER = (what: string): string =>
    `setInterval(() => { if (process.exitCode === 0) ${what}; }, 1);\nexport default { client_name: 'x' };\n`;

  it('after --out was written: exit 1, one line, and the file put back as it was (content and mode)', () => {
    module('after.mjs', AFTER("throw new Error('too late')"));
    const target = join(dir(), 'after.json');
    writeFileSync(target, 'OLD\n');
    chmodSync(target, 0o640);
    const run = runCli(['build', 'after.mjs', '--out', 'after.json'], { cwd: dir() });
    expectFailure(run, [
      'after.mjs:1:55: uncaught exception after after.json was written: too late; after.json was put back as it was',
    ]);
    expect(readFileSync(target, 'utf8')).to.equal('OLD\n');
    expect(statSync(target).mode & 0o777).to.equal(0o640);
    expect(readdirSync(dir()).filter((file) => file.endsWith('.tmp'))).to.deep.equal([]);
  });

  it('after --out was written where there was no file: exit 1, one line, and the file removed', () => {
    module('after-new.mjs', AFTER("Promise.reject(new Error('too late'))"));
    const run = runCli(['build', 'after-new.mjs', '--out', 'new.json'], { cwd: dir() });
    expectFailure(run, [
      'after-new.mjs:1:64: unhandled promise rejection after new.json was written: too late; new.json was removed',
    ]);
    expect(existsSync(join(dir(), 'new.json'))).to.equal(false);
  });

  it('after the manifest was printed: exit 1, and one line saying not to use it', () => {
    module('after-print.mjs', AFTER("throw new Error('too late')"));
    const run = runCli(['build', 'after-print.mjs'], { cwd: dir() });
    expect(run.status, run.stderr).to.equal(1);
    expect(lines(run.stderr)).to.deep.equal([
      'after-print.mjs:1:55: uncaught exception after the manifest was printed: too late; ' +
        'the build failed: do not use the manifest printed on stdout',
    ]);
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
