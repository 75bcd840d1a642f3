/**
 * `build` runs the user's module in its own process: what that module does to
 * the process (never settling, exiting, printing) never makes a failed build
 * look like a success, nor corrupts the manifest on stdout.
 */
import { expect } from 'chai';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, runCli, useTempDir } from './helpers.js';

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
