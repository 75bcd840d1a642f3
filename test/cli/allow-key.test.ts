/**
 * `--allow-key KEY` on every command that validates a manifest: the key passes through as written,
 * with a warning that it is not checked; never a wildcard, never a known or server-assigned key.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lines, requireBuiltCli, runCli, useTempDir } from './helpers.js';

const WARNING =
  'warning: categories: "categories" is not a field this package knows: passed through as written, not checked, because allowKeys (--allow-key) names it [allowed_unknown_key]';

describe('CLI --allow-key', () => {
  requireBuiltCli();
  const tmp = useTempDir();
  const write = (name: string, value: unknown): string => {
    writeFileSync(join(tmp(), name), `${JSON.stringify(value, null, 2)}\n`);
    return name;
  };
  const manifest = { client_name: 'Acme', categories: ['crm', 'bots'], description: 'D' };

  it('validate: an unknown_key error without it; with it, a warning at its line, which --strict lets pass (it was asked for by name)', () => {
    const file = write('m.json', manifest);
    const without = runCli(['validate', file], { cwd: tmp() });
    expect(without.status).to.equal(1);
    expect(without.stdout).to.contain('[unknown_key]');
    const run = runCli(['validate', '--allow-key', 'categories', file], { cwd: tmp() });
    expect(run.status, run.stdout).to.equal(0);
    expect(lines(run.stdout)).to.deep.equal([
      `m.json:3:3: ${WARNING}`,
      'm.json: valid (general profile): 1 warning',
      '1 file checked: 1 valid, 0 invalid, 0 issues, 1 warning',
    ]);
    const strict = runCli(['validate', '--strict', '--allow-key', 'categories', file], { cwd: tmp() });
    expect(strict.status, strict.stdout).to.equal(0);
    expect(strict.stdout).to.contain('m.json: valid (general profile): 1 warning\n');
    // Any other warning still fails --strict.
    const other = write('other.json', { ...manifest, logo_uri: 'https://cdn.example.org./logo.png' });
    expect(runCli(['validate', '--strict', '--allow-key', 'categories', other], { cwd: tmp() }).status).to.equal(1);
    expect(runCli(['build', '--strict', '--allow-key', 'categories', file], { cwd: tmp() }).status).to.equal(0);
    expect(runCli(['build', '--strict', '--allow-key', 'categories', other], { cwd: tmp() }).status).to.equal(1);
  });

  it('build: writes the key as written, after the known fields, in the order --allow-key names them (JSON file and module)', () => {
    const file = write('two.json', { rank: 2, ...manifest });
    const run = runCli(['build', file, '--allow-key', 'categories', '--allow-key', 'rank', '--out', 'out.json'], { cwd: tmp() });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.contain(`two.json:4:3: ${WARNING}`);
    const out = JSON.parse(readFileSync(join(tmp(), 'out.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(out)).to.deep.equal(['$schema', 'client_name', 'description', 'categories', 'rank']);
    expect(out['categories']).to.deep.equal(['crm', 'bots']);
    writeFileSync(join(tmp(), 'object.mjs'), `export default ${JSON.stringify(manifest)};\n`);
    const module = runCli(['build', 'object.mjs', '--allow-key', 'categories'], { cwd: tmp() });
    expect(module.status, module.stderr).to.equal(0);
    expect(JSON.parse(module.stdout)).to.deep.equal({ client_name: 'Acme', description: 'D', categories: ['crm', 'bots'] });
    expect(runCli(['build', 'object.mjs'], { cwd: tmp() }).status).to.equal(1);
  });

  for (const [why, key, pattern] of [
    ['a known field', 'client_name', /option '--allow-key': "client_name" is a field the rules check/],
    ['a server-assigned key', 'client_secret', /option '--allow-key': "client_secret" is assigned by LivePerson/],
    ['a wildcard', '*', /there is no "allow every key"/],
    ['not a name', 'a b', /must be a key name/],
  ] as const) {
    it(`is a usage error (exit 2) for ${why}, on validate, build, plan and apply`, () => {
      write('m.json', manifest);
      for (const args of [
        ['validate', 'm.json'],
        ['build', 'm.json'],
        ['plan', 'm.json', '--account', '12345678'],
        ['apply', 'm.json', '--account', '12345678', '--yes'],
      ]) {
        const run = runCli([...args, '--allow-key', key], { cwd: tmp(), env: { LP_CSDS_URL: 'http://127.0.0.1:9/' } });
        expect(run.status, `${args[0]}: ${run.stderr}`).to.equal(2);
        expect(run.stderr, args[0]).to.match(pattern);
        expect(run.stdout).to.equal('');
      }
    });
  }

  it('names a key once: the same key twice is a usage error, as any option given twice', () => {
    const file = write('twice.json', manifest);
    const run = runCli(['validate', '--allow-key', 'categories', '--allow-key', 'categories', file], { cwd: tmp() });
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain(`option '--allow-key' names "categories" twice`);
  });
});
