/**
 * `apply` on a terminal: it shows the plan and asks; only "y" or "yes" writes.
 * In-process (a child process has no terminal to test with), against the fake LivePerson.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProgram } from '../../src/cli/program.js';
import { startFakeLivePerson, type FakeLivePerson } from '../fake-liveperson/server.js';

/** Standard input that is a terminal and answers `answer`. */
function terminal(answer: string): AsyncIterable<string> & { isTTY: true } {
  return {
    isTTY: true,
    async *[Symbol.asyncIterator]() {
      yield answer;
    },
  };
}

describe('CLI apply on a terminal (in-process)', () => {
  let fake: FakeLivePerson;
  let dir: string;
  const saved = { ...process.env };
  beforeEach(async () => {
    fake = await startFakeLivePerson();
    dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-prompt-'));
    Object.assign(process.env, fake.env());
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    for (const key of Object.keys(process.env)) if (key.startsWith('LP_')) delete process.env[key];
    Object.assign(process.env, saved);
  });

  for (const [answer, writes] of [
    ['y\n', 1],
    ['yes\n', 1],
    ['n\n', 0],
    ['\n', 0],
    ['', 0],
  ] as const) {
    it(`answering ${JSON.stringify(answer)} ${writes === 1 ? 'applies' : 'writes nothing'}`, async () => {
      const { id } = fake.seed({ client_name: 'Bot', enabled: false });
      const file = join(dir, 'manifest.json');
      writeFileSync(file, JSON.stringify({ client_name: 'Bot', enabled: true }));
      let stdout = '';
      let stderr = '';
      const status = await runProgram(['apply', file, '--account', fake.account, '--app', id], {
        stdout: (text) => void (stdout += text),
        stderr: (text) => void (stderr += text),
        stdin: terminal(answer),
        cwd: dir,
      });
      expect(stdout).to.include('~ enabled: false → true');
      expect(stderr).to.include(`Apply 1 change to account ${fake.account}? [y/N]`);
      expect(fake.writes()).to.have.length(writes);
      expect(status).to.equal(writes === 1 ? 0 : 1);
      if (writes === 0) expect(stderr).to.include('declined; nothing was written');
    });
  }
});
