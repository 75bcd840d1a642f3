import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, runCli, useTempDir } from './helpers.js';

const CONTENT_EVENT = 'ms.MessagingEventNotification.ContentEvent';

/** A manifest whose one webhook has `count` headers with empty values: `count` warnings. */
const withEmptyHeaders = (count: number): string =>
  JSON.stringify(
    {
      client_name: 'Acme',
      capabilities: {
        webhooks: {
          [CONTENT_EVENT]: {
            endpoint: 'https://hooks.example.com/lp',
            headers: Array.from({ length: count }, (_, i) => ({ header_name: `X-Header-${i}`, header_value: '' })),
          },
        },
      },
    },
    null,
    2,
  );

describe('validate --format github: within what GitHub shows', () => {
  requireBuiltCli();
  const tmp = useTempDir();

  it('annotates 10 warnings, lists the rest in the log and says how many in one notice', () => {
    writeFileSync(join(tmp(), 'w12.json'), withEmptyHeaders(12));
    const run = runCli(['validate', '--format', 'github', 'w12.json'], { cwd: tmp() });
    expect(run.status).to.equal(0);
    expect(run.stdout.match(/^::warning /gm)).to.have.length(10);
    expect(run.stdout.match(/^not annotated: w12\.json:\d+:\d+: warning: .*headers\[1[01]\]\.header_value: /gm)).to.have.length(
      2,
    );
    expect(run.stdout).to.match(/^::notice title=more issues than GitHub annotates::2 warnings not annotated /m);
    expect(run.stdout.match(/^::notice /gm)).to.have.length(1);
  });

  it('with --strict a warning is an error annotation, and is counted as a warning, as the summary line counts it', () => {
    writeFileSync(join(tmp(), 'w12.json'), withEmptyHeaders(12));
    const run = runCli(['validate', '--strict', '--format', 'github', 'w12.json'], { cwd: tmp() });
    expect(run.status).to.equal(1);
    expect(run.stdout.match(/^::error /gm)).to.have.length(10);
    expect(run.stdout).not.to.match(/^::warning /m);
    expect(run.stdout).to.match(/^::notice title=more issues than GitHub annotates::2 warnings not annotated /m);
    expect(run.stdout.trim().split('\n').at(-1)).to.include('12 warnings');
  });

  it('10 of each kind fit: no notice', () => {
    writeFileSync(join(tmp(), 'w10.json'), withEmptyHeaders(10));
    const run = runCli(['validate', '--format', 'github', 'w10.json'], { cwd: tmp() });
    expect(run.stdout.match(/^::warning /gm)).to.have.length(10);
    expect(run.stdout).not.to.include('::notice');
    expect(run.stdout).not.to.include('not annotated');
  });

  it('never starts a plain line with "::" (a file named like a workflow command stays text)', () => {
    writeFileSync(join(tmp(), '::error::x.json'), withEmptyHeaders(12));
    const run = runCli(['validate', '--format', 'github', '::error::x.json'], { cwd: tmp() });
    const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(commands.every((line) => /^::(warning|notice) /.test(line))).to.equal(true);
    expect(commands.filter((line) => line.startsWith('::warning file=%3A%3Aerror%3A%3Ax.json,'))).to.have.length(10);
  });
});

describe('validate --format markdown', () => {
  requireBuiltCli();
  const tmp = useTempDir();

  it('a table of files and, per file, its issues in a <details> block, text escaped', () => {
    writeFileSync(join(tmp(), 'ok.json'), JSON.stringify({ client_name: 'Acme' }));
    writeFileSync(join(tmp(), 'a|b<i>.json'), '{\n  "client_name": "",\n  "bad_key": 1\n}\n');
    const run = runCli(['validate', '--format', 'markdown', 'ok.json', 'a|b<i>.json'], { cwd: tmp() });
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal(
      [
        '### lp-app-manifest validate: 2 files checked: 1 valid, 1 invalid, 2 issues, 0 warnings',
        '',
        '| file | profile | result | issues | warnings |',
        '| --- | --- | --- | ---: | ---: |',
        '| ok.json | general | ✅ valid | 0 | 0 |',
        '| a\\|b&lt;i&gt;.json | general | ❌ invalid | 2 | 0 |',
        '',
        '<details><summary>a\\|b&lt;i&gt;.json: 2 issues</summary>',
        '',
        '| line:column | severity | issue |',
        '| --- | --- | --- |',
        '| 3:3 | error | bad\\_key: unknown key "bad\\_key" \\[unknown\\_key\\] |',
        '| 2:3 | error | client\\_name: must not be blank \\[blank\\] |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('lists at most 200 issue rows, and says how many more', () => {
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`unknown_${i}`, i]));
    writeFileSync(join(tmp(), 'many.json'), JSON.stringify({ client_name: 'Acme', ...many }, null, 2));
    const run = runCli(['validate', '--format', 'markdown', 'many.json'], { cwd: tmp() });
    expect(run.stdout.match(/^\| \d+:\d+ \| error \| /gm)).to.have.length(200);
    expect(run.stdout).to.include(
      '… and 50 more issues not listed here: `validate` on the file lists up to 1,000 issues and 1,000 warnings.',
    );
  });

  it('never shows a header value', () => {
    const secret = 'Bearer s3cr3t-t0ken';
    writeFileSync(
      join(tmp(), 'secret.json'),
      JSON.stringify({
        client_name: 'Acme',
        capabilities: {
          webhooks: {
            [CONTENT_EVENT]: {
              endpoint: 'https://hooks.example.com/lp',
              headers: [{ header_name: 'Authorization', header_value: ` ${secret}\u0001` }],
            },
          },
        },
      }),
    );
    const run = runCli(['validate', '--format', 'markdown', 'secret.json'], { cwd: tmp() });
    expect(run.stdout).to.include('header\\_value');
    expect(run.stdout).not.to.include('s3cr3t');
  });

  it('carries the note a file checked as general by default gets when it looks like a connector', () => {
    writeFileSync(
      join(tmp(), 'connector.json'),
      JSON.stringify({ client_name: 'Acme', grant_types: ['client_credentials'], scope: 'msg.consumer' }),
    );
    const run = runCli(['validate', '--format', 'markdown', 'connector.json'], { cwd: tmp() });
    expect(run.stdout).to.match(
      /^- connector\.json: note: checked against the general profile, the default .*--profile connector/m,
    );
  });

  it('a --dotenv file that cannot be read is reported in every format: an annotation, an entry of the JSON report', () => {
    writeFileSync(join(tmp(), 'ok.json'), JSON.stringify({ client_name: 'Acme' }));
    const github = runCli(['validate', '--format', 'github', '--dotenv', '.env.missing', 'ok.json'], { cwd: tmp() });
    expect(github.status).to.equal(1);
    expect(github.stdout).to.match(
      /^::error file=--dotenv \.env\.missing,title=file_not_found::file not found \[file_not_found\]$/m,
    );
    const json = runCli(['validate', '--format', 'json', '--dotenv', '.env.missing', 'ok.json'], { cwd: tmp() });
    const report = JSON.parse(json.stdout) as { files: { file: string; valid: boolean }[]; summary: { failed: number } };
    expect(report.files).to.deep.include({
      file: '--dotenv .env.missing',
      profile: null,
      valid: false,
      issues: [{ code: 'file_not_found', severity: 'error', path: '', message: 'file not found' }],
      warnings: [],
    });
    expect(report.summary.failed).to.equal(1);
    const text = runCli(['validate', '--dotenv', '.env.missing', 'ok.json'], { cwd: tmp() });
    expect(text.stderr).to.equal('--dotenv .env.missing: file not found [file_not_found]\n');
  });
});
