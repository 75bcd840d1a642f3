/**
 * Hostile input by the million: the issues are counted exactly but listed up
 * to a cap, in the library and in every CLI format, so that memory and output
 * stay bounded whatever the input (issue 18 §6). The time and memory this
 * takes at the CLI's size limit are measured in `npm run bench` (bench/scale.ts),
 * not here: these tests assert only counts and lists.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ManifestBuilder,
  ManifestValidationError,
  validateManifest,
  validateTemplate,
  type IssueCounts,
  type ValidationResult,
} from '../../src/index.js';
import { requireBuiltCli, runCli, useTempDir } from '../cli/helpers.js';

/** A manifest with `count` unknown keys (`extra_0`, …) beside its name. */
function withUnknownKeys(count: number): Record<string, unknown> {
  const input: Record<string, unknown> = { client_name: 'Acme' };
  for (let i = 0; i < count; i++) input[`extra_${i}`] = i;
  return input;
}

/** Every issue of a result, listed or left out, by code. */
function allCounts(result: ValidationResult): Record<string, number> {
  const counts: Record<string, number> = { ...result.omitted };
  for (const issue of [...(result.ok ? [] : result.issues), ...result.warnings])
    counts[issue.code] = (counts[issue.code] ?? 0) + 1;
  return counts;
}

describe('hostile input at scale: issues counted exactly, listed up to a cap', () => {
  it('validateManifest lists 1,000 issues by default and counts the rest in omitted', () => {
    const result = validateManifest(withUnknownKeys(2_500));
    if (result.ok) expect.fail('valid');
    expect(result.issues).to.have.length(1_000);
    expect(result.issues.map((issue) => issue.path).slice(0, 2)).to.deep.equal(['extra_0', 'extra_1']);
    expect(result.omitted).to.deep.equal({ unknown_key: 1_500 });
    expect(Object.isFrozen(result.omitted)).to.equal(true);
  });

  it('maxIssues sets the cap; the counts are exact by code, whatever mix of codes there is', () => {
    const input = withUnknownKeys(300);
    input['redirect_uris'] = Array.from({ length: 200 }, (_, i) => `http://a.example/${i}`);
    input['grant_types'] = Array.from({ length: 100 }, () => 7);
    const result = validateManifest(input, { maxIssues: 50 });
    if (result.ok) expect.fail('valid');
    expect(result.issues).to.have.length(50);
    expect(allCounts(result)).to.deep.equal({ unknown_key: 300, redirect_uri_insecure_http: 200, invalid_type: 100 });
    // The same input, every issue listed: the same counts, each one an issue.
    const all = validateManifest(input, { maxIssues: Number.POSITIVE_INFINITY });
    if (all.ok) expect.fail('valid');
    expect(all.issues).to.have.length(600);
    expect(all.omitted).to.equal(undefined);
    expect(all.issues.slice(0, 50)).to.deep.equal(result.issues);
  });

  it('warnings are capped as well, on a valid manifest too', () => {
    const headers = Array.from({ length: 1_500 }, (_, i) => ({ header_name: `X-${i}`, header_value: ` v${i} ` }));
    const input = {
      client_name: 'Acme',
      capabilities: { webhooks: { 'cqm.ExConversationChangeNotification': { endpoint: 'https://a.example.com', headers } } },
    };
    const result = validateManifest(input);
    if (!result.ok) expect.fail(JSON.stringify(result.issues.slice(0, 3)));
    expect(result.warnings).to.have.length(1_000);
    expect(result.omitted).to.deep.equal({ header_value_whitespace: 500 });
  });

  it('a result that was not cut has no omitted at all', () => {
    const result = validateManifest(withUnknownKeys(3));
    expect(result).not.to.have.property('omitted');
  });

  it('maxIssues must be a positive integer or Infinity: anything else is invalid_options', () => {
    for (const maxIssues of [0, -1, 1.5, Number.NaN, '10', null]) {
      const result = validateManifest({ client_name: 'Acme' }, { maxIssues } as never);
      if (result.ok) expect.fail(`valid with maxIssues ${String(maxIssues)}`);
      expect(result.issues.map((issue) => issue.code)).to.deep.equal(['invalid_options']);
      expect(result.issues[0].message).to.match(/^option "maxIssues" must be a positive integer or Infinity, got /);
    }
  });

  it('validateTemplate counts the unset placeholders past the cap, beside the validator issues', () => {
    const template = {
      ...withUnknownKeys(40),
      redirect_uris: Array.from({ length: 30 }, (_, i) => `https://\${{ HOST_${i} }}/cb`),
    };
    const result = validateTemplate(template, { env: {}, maxIssues: 10 });
    if (result.ok) expect.fail('valid');
    expect(result.issues).to.have.length(10);
    expect(allCounts(result)).to.deep.equal({ unresolved_placeholder: 30, unknown_key: 40 });
  });

  it('ManifestValidationError counts every issue in its first line and ends with "… and N more"', () => {
    let error: unknown;
    try {
      ManifestBuilder.from(withUnknownKeys(1_234));
    } catch (thrown) {
      error = thrown;
    }
    if (!(error instanceof ManifestValidationError)) expect.fail('no ManifestValidationError');
    const lines = error.message.split('\n');
    expect(lines[0]).to.equal('Invalid manifest (1,234 issues):');
    expect(lines).to.have.length(1 + 1_000 + 1);
    expect(lines.at(-1)).to.equal('  … and 234 more: unknown_key ×234');
    expect(error.omitted).to.deep.equal({ unknown_key: 234 } satisfies IssueCounts);
  });
});

describe('hostile input at scale, in the CLI', () => {
  requireBuiltCli();
  const dir = useTempDir();
  /** Writes a file into the directory the CLI runs in: its name, as the CLI prints it. */
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir(), name), text);
    return name;
  };
  const KEYS = 2_500;
  const unknownKeys = (): string => file('keys.json', JSON.stringify(withUnknownKeys(KEYS)));

  it('text: the first 1,000 issues, then "… and 1,500 more", and exact counts', () => {
    const run = runCli(['validate', unknownKeys()], { cwd: dir() });
    expect(run.status).to.equal(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).to.have.length(1_000 + 3);
    expect(lines[0]).to.match(/^keys\.json:1:\d+: extra_0: /);
    expect(lines[1_000]).to.equal('keys.json: … and 1,500 more: unknown_key ×1,500');
    expect(lines[1_001]).to.equal('keys.json: invalid (general profile): 2,500 issues');
    expect(lines[1_002]).to.equal('1 file checked: 0 valid, 1 invalid, 2,500 issues, 0 warnings');
  });

  it('--format json: the first 1,000 issues, omitted by code, and exact totals', () => {
    const run = runCli(['validate', '--format', 'json', unknownKeys()], { cwd: dir() });
    expect(run.status).to.equal(1);
    const report = JSON.parse(run.stdout) as {
      files: { issues: unknown[]; omitted?: IssueCounts; valid: boolean }[];
      summary: { issues: number; invalid: number };
    };
    expect(report.files[0]?.issues).to.have.length(1_000);
    expect(report.files[0]?.omitted).to.deep.equal({ unknown_key: 1_500 });
    expect(report.summary.issues).to.equal(KEYS);
    expect(report.summary.invalid).to.equal(1);
  });

  it('--format github: 10 annotations (what GitHub shows), the rest of the first 1,000 as log lines, one line for the others', () => {
    const run = runCli(['validate', '--format', 'github', unknownKeys()], { cwd: dir() });
    expect(run.status).to.equal(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).to.have.length(1_000 + 3);
    expect(lines.slice(0, 10).every((line) => line.startsWith('::error file=keys.json,line=1,'))).to.equal(true);
    expect(lines.slice(10, 1_000).every((line) => line.startsWith('not annotated: keys.json:1:'))).to.equal(true);
    expect(lines[1_000]).to.equal('not annotated: keys.json: … and 1,500 more: unknown_key ×1,500');
    expect(lines[1_001]).to.match(/^::notice title=more issues than GitHub annotates::2,490 errors not annotated /);
  });

  it('repeated keys past the cap are counted as well, before the validator issues', () => {
    const members = Array.from({ length: 1_200 }, () => '"description": "d"').join(', ');
    const run = runCli(['validate', '--format', 'json', file('repeated.json', `{ "client_name": "Acme", ${members} }`)], {
      cwd: dir(),
    });
    expect(run.status).to.equal(1);
    const report = JSON.parse(run.stdout) as { files: { issues: { code: string }[]; omitted?: IssueCounts }[] };
    expect(report.files[0]?.issues).to.have.length(1_000);
    expect(report.files[0]?.issues.every((issue) => issue.code === 'duplicate_key')).to.equal(true);
    expect(report.files[0]?.omitted).to.deep.equal({ duplicate_key: 199 });
  });

  it('diff (and plan, apply, which read files alike) lists the first 1,000 repeated keys and counts the rest', () => {
    const members = Array.from({ length: 1_200 }, () => '"description": "d"').join(', ');
    const repeated = file('repeated-diff.json', `{ "client_name": "Acme", ${members} }`);
    const run = runCli(['diff', repeated, repeated], { cwd: dir() });
    expect(run.status).to.equal(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes('[duplicate_key]'))).to.have.length(1_000);
    expect(lines.at(-1)).to.equal('repeated-diff.json: … and 199 more: duplicate_key ×199');
  });
});
