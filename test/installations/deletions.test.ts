/**
 * Deletions are a decision: a plan lists what an update would remove in a section of its own, and
 * apply carries it out only with --allow-deletes. Also the plan's other formats (json, markdown)
 * and diff's markdown and bound. The built CLI as a child process, against the fake LivePerson over HTTP.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, useTempDir } from '../cli/helpers.js';
import { startFakeLivePerson, type FakeLivePerson, type JsonObject } from '../fake-liveperson/server.js';
import { runCliAsync } from './run-cli.js';

const CONTENT_EVENT = 'ms.MessagingEventNotification.ContentEvent';
const HEADERS_PATH = `capabilities.webhooks["${CONTENT_EVENT}"].headers`;
const HEADER_SECRET = 'Bearer del-secret-5e6f7a8b9c';

/** A manifest with one webhook; with an `Authorization` header when `header`. */
const manifest = ({ header = false, endpoint = 'https://hooks.example.com/lp' } = {}): JsonObject => ({
  client_name: 'Bot',
  capabilities: {
    webhooks: {
      [CONTENT_EVENT]: {
        endpoint,
        ...(header ? { headers: [{ header_name: 'Authorization', header_value: HEADER_SECRET }] } : {}),
      },
    },
  },
});

describe('CLI plan and apply: deletions are a decision (against the fake LivePerson)', () => {
  requireBuiltCli();
  const temp = useTempDir();
  let fake: FakeLivePerson;
  let file: string;
  let id: string;

  beforeEach(async () => {
    fake = await startFakeLivePerson();
    // Installed with an Authorization header; the manifest has none (and a new endpoint).
    id = fake.seed(manifest({ header: true })).id;
    file = join(temp(), 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest({ endpoint: 'https://hooks.example.com/v2' })));
  });
  afterEach(() => fake.close());

  const run = (args: string[]) => runCliAsync(args, fake.env(), temp());
  const storedHeaders = (): unknown =>
    ((fake.installations.get(id)!.body['capabilities'] as any).webhooks[CONTENT_EVENT] as JsonObject)['headers'];
  const expectNoSecret = (output: { stdout: string; stderr: string }): void => {
    expect(output.stdout + output.stderr).not.to.include('del-secret');
    expect(output.stdout + output.stderr).not.to.include(fake.credentials.bearer);
  };

  it('apply --yes without --allow-deletes stops before any write, naming the header and the flag; with it, the header is removed', async () => {
    const refused = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
    expect(refused.status, refused.stderr).to.equal(1);
    expect(refused.stderr).to.include(`not applied: the plan has 1 deletion (${HEADERS_PATH}[0] (Authorization))`);
    expect(refused.stderr).to.include('--allow-deletes').and.include('nothing was written');
    expect(fake.writes()).to.deep.equal([]);
    expect(storedHeaders()).to.have.length(1);
    expect(refused.stdout).to.include('1 deletion (apply carries it out only with --allow-deletes):');
    expectNoSecret(refused);

    fake.resetLog();
    const allowed = await run(['apply', file, '--account', fake.account, '--app', id, '--yes', '--allow-deletes']);
    expect(allowed.status, allowed.stderr).to.equal(0);
    expect(fake.writes()).to.have.length(1);
    expect(storedHeaders()).to.equal(undefined);
    expect((fake.installations.get(id)!.body['capabilities'] as any).webhooks[CONTENT_EVENT].endpoint).to.equal(
      'https://hooks.example.com/v2',
    );
    expectNoSecret(allowed);
  });

  it('apply without deletions needs no --allow-deletes', async () => {
    writeFileSync(file, JSON.stringify(manifest({ header: true, endpoint: 'https://hooks.example.com/v2' })));
    const result = await run(['apply', file, '--account', fake.account, '--app', id, '--yes']);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).not.to.include('deletion');
    expect(fake.writes()).to.have.length(1);
  });

  it('plan prints one line per changed path and the deletions in a section of their own, never a whole object', async () => {
    const result = await run(['plan', file, '--account', fake.account, '--app', id]);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout.split('\n')).to.deep.equal([
      `Installation ${id} in account ${fake.account}: 2 changes to match ${file}.`,
      `~ capabilities.webhooks["${CONTENT_EVENT}"].endpoint: "https://hooks.example.com/lp" → "https://hooks.example.com/v2"`,
      '',
      '1 deletion (apply carries it out only with --allow-deletes):',
      `- ${HEADERS_PATH}[0] (Authorization)`,
      '',
    ]);
    expectNoSecret(result);
  });

  it('plan --format json is the plan as data: a stable shape, deterministic, secrets hidden', async () => {
    const first = await run(['plan', file, '--account', fake.account, '--app', id, '--format', 'json']);
    const second = await run(['plan', file, '--account', fake.account, '--app', id, '--format', 'json']);
    expect(first.status, first.stderr).to.equal(0);
    expect(second.stdout).to.equal(first.stdout);
    expect(JSON.parse(first.stdout)).to.deep.equal({
      version: 1,
      action: 'update',
      account: fake.account,
      id,
      summary: { added: 0, changed: 1, removed: 1 },
      needsAllowDeletes: true,
      changes: [
        {
          kind: 'changed',
          path: `capabilities.webhooks["${CONTENT_EVENT}"].endpoint`,
          segments: ['capabilities', 'webhooks', CONTENT_EVENT, 'endpoint'],
          before: 'https://hooks.example.com/lp',
          after: 'https://hooks.example.com/v2',
          hidden: false,
        },
        {
          kind: 'removed',
          path: `${HEADERS_PATH}[0]`,
          segments: ['capabilities', 'webhooks', CONTENT_EVENT, 'headers', 0],
          before: { header_name: 'Authorization', header_value: '(hidden)' },
          hidden: false,
        },
      ],
    });
    expectNoSecret(first);
    expect(fake.writes()).to.deep.equal([]);
  });

  it('plan --format markdown: the deletions open, the other changes in a diff block inside <details>', async () => {
    const result = await run(['plan', file, '--account', fake.account, '--app', id, '--format', 'markdown']);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.equal(
      [
        `**lp-app-manifest plan**: update installation \`${id}\` in account \`${fake.account}\`, to match \`${file}\`: 2 changes.`,
        '',
        '**1 deletion (apply carries it out only with `--allow-deletes`):**',
        '',
        '```diff',
        `- ${HEADERS_PATH}[0] (Authorization)`,
        '```',
        '',
        '<details><summary>Show 1 change</summary>',
        '',
        '```diff',
        `! capabilities.webhooks["${CONTENT_EVENT}"].endpoint: "https://hooks.example.com/lp" → "https://hooks.example.com/v2"`,
        '```',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
    expectNoSecret(result);
  });

  it('plan --format markdown of a create, and of no changes; an unknown format is a usage error', async () => {
    writeFileSync(file, JSON.stringify({ ...manifest({ header: true }), client_name: 'New' }));
    const create = await run(['plan', file, '--account', fake.account, '--format', 'markdown']);
    expect(create.status, create.stderr).to.equal(0);
    expect(create.stdout).to.include('**lp-app-manifest plan**: create a new installation from');
    expect(create.stdout).to.include(`+ ${HEADERS_PATH}[0].header_value: (hidden)`);
    expectNoSecret(create);
    writeFileSync(file, JSON.stringify(manifest({ header: true })));
    const none = await run(['plan', file, '--account', fake.account, '--app', id, '--format', 'markdown']);
    expect(none.stdout).to.match(/^\*\*lp-app-manifest plan\*\*: no changes to installation `[^`]+` in account/);
    const usage = await run(['plan', file, '--account', fake.account, '--format', 'yaml']);
    expect(usage.status).to.equal(2);
    expect(usage.stderr).to.include("unknown format 'yaml' (use text, json or markdown)");
  });
});

describe('CLI diff: markdown and a bounded output', () => {
  requireBuiltCli();
  const temp = useTempDir();

  it('diff --format markdown puts the changes in a diff block inside <details>, secrets hidden', async () => {
    const a = join(temp(), 'a.json');
    const b = join(temp(), 'b.json');
    writeFileSync(a, JSON.stringify(manifest({ header: true })));
    writeFileSync(b, JSON.stringify({ ...manifest(), description: 'holds Bearer del-secret-5e6f7a8b9c' }));
    const result = await runCliAsync(['diff', a, b, '--format', 'markdown'], {}, temp());
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.equal(
      [
        `**lp-app-manifest diff** \`${a}\` → \`${b}\`: 2 changes.`,
        '',
        '<details><summary>Show 2 changes</summary>',
        '',
        '```diff',
        `- ${HEADERS_PATH}[0] (Authorization)`,
        '+ description: (hidden)',
        '```',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
    const same = await runCliAsync(['diff', a, a, '--format', 'markdown'], {}, temp());
    expect(same.stdout).to.equal(`**lp-app-manifest diff** \`${a}\` → \`${a}\`: no changes.\n`);
  });

  it('diff bounds a huge difference: 1,000 lines, then how many more; json lists 1,000 and counts the rest', async () => {
    const a = join(temp(), 'few.json');
    const b = join(temp(), 'many.json');
    writeFileSync(a, JSON.stringify({ client_name: 'Bot' }));
    writeFileSync(
      b,
      JSON.stringify({ client_name: 'Bot', scope: Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`k${i}`, i])) }),
    );
    const text = await runCliAsync(['diff', a, b], {}, temp());
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).to.have.length(1001);
    expect(lines[0]).to.equal('+ scope.k0: 0');
    expect(lines[1000]).to.equal('… and 1,500 more changes');
    const json = JSON.parse((await runCliAsync(['diff', a, b, '--format', 'json'], {}, temp())).stdout);
    expect(json.equal).to.equal(false);
    expect(json.changes).to.have.length(1000);
    expect(json.more).to.equal(1500);
    const markdown = (await runCliAsync(['diff', a, b, '--format', 'markdown'], {}, temp())).stdout;
    expect(markdown).to.include('Show 2,500 changes').and.include('… and 1,500 more changes');
    expect(markdown.split('\n').length).to.be.below(1020);
  });

  it('a backtick run in a file name or value never ends the markdown early', async () => {
    const a = join(temp(), 'x`y.json');
    const b = join(temp(), 'z.json');
    writeFileSync(a, JSON.stringify({ client_name: 'Bot' }));
    writeFileSync(b, JSON.stringify({ client_name: 'Bot', description: '```\n</details>' }));
    const result = await runCliAsync(['diff', a, b, '--format', 'markdown'], {}, temp());
    expect(result.stdout).to.include(`\`\`${a}\`\``);
    expect(result.stdout).to.include('````diff\n+ description: "```\\n</details>"\n````');
  });
});
