/**
 * `apply` on a terminal: it shows the plan and asks; only "y" or "yes" writes.
 * In-process (a child process has no terminal to test with), against the fake LivePerson.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProgram } from '../../src/cli/program.js';
import { startFakeLivePerson, type FakeLivePerson, type JsonObject } from '../fake-liveperson/server.js';

/** Standard input that is a terminal and answers `answer`. */
function terminal(answer: string): AsyncIterable<string> & { isTTY: true } {
  return {
    isTTY: true,
    async *[Symbol.asyncIterator]() {
      yield answer;
    },
  };
}

const CONTENT_EVENT = 'ms.MessagingEventNotification.ContentEvent';

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

  // A plan that deletes (the installed Authorization header, left out of the manifest) asks a second question.
  for (const [answer, writes] of [
    ['y\ny\n', 1],
    ['y\nyes\n', 1],
    ['y\nn\n', 0],
    ['y\n', 0],
    ['n\ny\n', 0],
  ] as const) {
    it(`with a deletion, answering ${JSON.stringify(answer)} ${writes === 1 ? 'applies it' : 'writes nothing'}`, async () => {
      const webhook = (headers: JsonObject[]): JsonObject => ({
        client_name: 'Bot',
        capabilities: { webhooks: { [CONTENT_EVENT]: { endpoint: 'https://hooks.example.com/lp', headers } } },
      });
      const { id } = fake.seed(webhook([{ header_name: 'Authorization', header_value: 'Bearer prompt-secret-1a2b' }]));
      const file = join(dir, 'manifest.json');
      writeFileSync(file, JSON.stringify(webhook([])));
      let stdout = '';
      let stderr = '';
      const status = await runProgram(['apply', file, '--account', fake.account, '--app', id], {
        stdout: (text) => void (stdout += text),
        stderr: (text) => void (stderr += text),
        stdin: terminal(answer),
        cwd: dir,
      });
      const removed = `capabilities.webhooks["${CONTENT_EVENT}"].headers[0] (Authorization)`;
      expect(stdout).to.include(`- ${removed}`);
      // The emptied list is its one header removed: one change, nothing said of the empty list.
      expect(stderr).to.include(`Apply 1 change to account ${fake.account}? [y/N]`);
      expect(fake.writes()).to.have.length(writes);
      expect(status).to.equal(writes === 1 ? 0 : 1);
      if (answer.startsWith('y')) expect(stderr).to.include(`Carry out the 1 deletion listed above (${removed})? [y/N]`);
      else expect(stderr).not.to.include('Carry out');
      if (writes === 0 && answer.startsWith('y')) {
        expect(stderr).to.include(`not applied: declined 1 deletion (${removed}); pass --allow-deletes`);
      }
      if (writes === 1) expect(fake.installations.get(id)!.body['capabilities']).to.deep.equal(webhook([])['capabilities']);
      expect(stdout + stderr).not.to.include('prompt-secret');
    });
  }
});
