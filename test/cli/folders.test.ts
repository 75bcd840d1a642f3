import { expect } from 'chai';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, runCli, useTempDir } from './helpers.js';

interface Report {
  readonly files: readonly { readonly file: string; readonly valid: boolean; readonly issues: readonly { code: string }[] }[];
}

/** `validate DIR`: the folder's .json files, recursively, in a stable order (Windows' shells don't expand *.json). */
describe('lp-app-manifest validate FOLDER', () => {
  requireBuiltCli();
  const tmp = useTempDir();
  const put = (path: string, content: string): void => {
    mkdirSync(join(tmp(), path, '..'), { recursive: true });
    writeFileSync(join(tmp(), path), content);
  };
  const VALID = JSON.stringify({ client_name: 'Acme' });

  before(() => {
    put('m/b.json', VALID);
    put('m/a.json', VALID);
    put('m/A-upper.JSON', VALID);
    put('m/z/inner.json', '{"client_name": ""}');
    put('m/a-b/x.json', VALID);
    put('m/notes.txt', 'not a manifest');
    put('m/node_modules/pkg/package.json', '{');
    put('m/.git/config.json', '{');
    put('elsewhere/linked.json', VALID);
    symlinkSync(join(tmp(), 'elsewhere'), join(tmp(), 'm', 'linked-folder'), 'dir');
    symlinkSync(join(tmp(), 'elsewhere', 'linked.json'), join(tmp(), 'm', 'linked-file.json'));
  });

  it('checks every .json file below it, folder by folder in name order, skipping node_modules, hidden and linked folders', () => {
    const run = runCli(['validate', '--format', 'json', 'm'], { cwd: tmp() });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files.map((file) => file.file)).to.deep.equal([
      'm/A-upper.JSON',
      'm/a-b/x.json',
      'm/a.json',
      'm/b.json',
      'm/linked-file.json',
      'm/z/inner.json',
    ]);
    expect(report.files.map((file) => file.valid)).to.deep.equal([true, true, true, true, true, false]);
    expect(run.status).to.equal(1);
  });

  it('gives the same list, in the same order, every time, with files and folders mixed in the arguments', () => {
    const args = ['validate', 'm/z', 'm/a.json', './m/a-b/'];
    const first = runCli(args, { cwd: tmp() });
    expect(first.stdout.split('\n').filter((line) => / \((general|connector) profile\)/.test(line))).to.deep.equal([
      'm/z/inner.json: invalid (general profile): 1 issue',
      'm/a.json: valid (general profile)',
      'm/a-b/x.json: valid (general profile)',
    ]);
    expect(runCli(args, { cwd: tmp() }).stdout).to.equal(first.stdout);
  });

  it('a folder with nothing to check fails, so a mistyped path never passes with nothing checked', () => {
    put('empty/readme.md', '# nothing');
    const run = runCli(['validate', 'empty', 'm/a.json'], { cwd: tmp() });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.match(/^empty: no \.json file in this folder or its subfolders .* \[folder_without_json\]\n$/);
    expect(run.stdout).to.match(/^m\/a\.json: valid \(general profile\)\n2 files checked: 1 valid, 1 invalid/);
  });

  it('a subfolder it may not read is an issue of that folder; the rest is still checked', () => {
    put('locked/ok.json', VALID);
    put('locked/secret/hidden.json', VALID);
    chmodSync(join(tmp(), 'locked', 'secret'), 0o000);
    try {
      const run = runCli(['validate', 'locked'], { cwd: tmp(), unprivileged: true });
      expect(run.stderr).to.equal('locked/secret: permission denied: cannot read the file [file_unreadable]\n');
      expect(run.stdout).to.include('locked/ok.json: valid (general profile)');
      expect(run.status).to.equal(1);
    } finally {
      chmodSync(join(tmp(), 'locked', 'secret'), 0o755);
    }
  });

  it('a link to nothing named .json is listed, and its read says so', () => {
    put('dangling/ok.json', VALID);
    symlinkSync(join(tmp(), 'nowhere.json'), join(tmp(), 'dangling', 'gone.json'));
    const run = runCli(['validate', 'dangling'], { cwd: tmp() });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.equal('dangling/gone.json: file not found [file_not_found]\n');
    expect(run.stdout).to.include('dangling/ok.json: valid (general profile)');
  });
});
