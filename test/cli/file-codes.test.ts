import { expect } from 'chai';
import { chmodSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_ISSUE_CODES, fileIssue, type FileIssueCode } from '../../src/cli/file-issues.js';
import { ISSUE_CODES } from '../../src/index.js';
import { png, requireBuiltCli, runCli, useTempDir } from './helpers.js';

interface Reported {
  readonly code: string;
  readonly severity: string;
}

/**
 * The file-level codes are the CLI's, not the library's: not in `ISSUE_CODES`,
 * listed in docs/rules.md, and each one is produced by the CLI here, in its
 * `--format json` report. Typed by `FileIssueCode`, so a new file-level code
 * without a case is a compile error.
 */
describe('the file-level issue codes', () => {
  requireBuiltCli();
  const tmp = useTempDir();
  const file = (name: string, content: string | Uint8Array): string => {
    const path = join(tmp(), name);
    writeFileSync(path, content);
    return path;
  };
  const huge = (): string => {
    const path = file('huge.json', '');
    truncateSync(path, 65 * 1024 * 1024);
    return path;
  };

  /**
   * The arguments of a `validate --format json` run that reports the code, or, for a code that
   * `validate` cannot meet, the command line of another command that prints it on stderr.
   */
  const CASES: { readonly [TCode in FileIssueCode]: () => readonly string[] | { readonly stderrOf: readonly string[] } } = {
    file_not_found: () => ['no-such-file.json'],
    file_unreadable: () => {
      const dir = join(tmp(), 'locked');
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, 0o755);
      const path = join(dir, 'secret.json');
      writeFileSync(path, '{"client_name": "Acme"}');
      chmodSync(path, 0o000);
      return [path];
    },
    // validate checks the .json files of a folder; the commands that take one manifest refuse one.
    file_is_directory: () => {
      mkdirSync(join(tmp(), 'dir.json'), { recursive: true });
      return { stderrOf: ['diff', join(tmp(), 'dir.json'), file('valid-for-diff.json', '{"client_name": "Acme"}')] };
    },
    folder_without_json: () => {
      mkdirSync(join(tmp(), 'no-manifests', 'node_modules', 'x'), { recursive: true });
      writeFileSync(join(tmp(), 'no-manifests', 'node_modules', 'x', 'package.json'), '{}');
      writeFileSync(join(tmp(), 'no-manifests', 'notes.txt'), 'not json');
      return [join(tmp(), 'no-manifests')];
    },
    file_too_large: () => [huge()],
    file_empty: () => [file('empty.json', ' \n')],
    file_not_utf8: () => [file('latin1.json', Buffer.from('{"client_name": "Caf\xe9"}', 'latin1'))],
    invalid_json: () => [file('invalid.json', '{"client_name": "Acme",}')],
    duplicate_key: () => [file('duplicate.json', '{"client_name": "A", "client_name": "B"}')],
    duplicate_key_not_shown: () => [
      file('duplicate-line.json', '{"client_name": "A", "Authorization: Bearer x": 1, "Authorization: Bearer x": 2}'),
    ],
    logo_unreadable: () => ['--logo', 'no-logo.png', 'valid.json'],
    logo_wrong_size: () => ['--logo', file('logo.png', png(64, 64)), 'valid.json'],
    schema_profile_mismatch: () => [
      '--profile',
      'general',
      file('mismatch.json', '{"$schema": "connector.schema.json", "client_name": "A"}'),
    ],
  };

  for (const code of FILE_ISSUE_CODES) {
    it(`${code}: reported by the CLI, and not a library IssueCode`, () => {
      const args = CASES[code]();
      expect(ISSUE_CODES as readonly string[]).not.to.include(code);
      if ('stderrOf' in args) {
        const run = runCli(args.stderrOf);
        expect(run.status).to.equal(1);
        expect(run.stderr).to.include(`[${code}]`);
        return;
      }
      const run = runCli(['validate', '--format', 'json', ...args], { unprivileged: code === 'file_unreadable' });
      const report = JSON.parse(run.stdout) as { files: { issues: Reported[]; warnings: Reported[] }[] };
      const reported = report.files.flatMap((entry) => [...entry.issues, ...entry.warnings]);
      expect(reported.map((issue) => issue.code)).to.include(code);
    });
  }

  it('file_too_large gives megabytes, and bytes where the two would read the same in megabytes', () => {
    const MIB = 1024 * 1024;
    const message = (size: number | undefined): string => fileIssue([], 'file_too_large', { limit: 64 * MIB, size }).message;
    expect(message(100 * MIB)).to.equal('file is too large (100.0 MB; the limit is 64.0 MB)');
    expect(message(64 * MIB + 1)).to.equal('file is too large (67,108,865 bytes; the limit is 67,108,864 bytes)');
    expect(message(undefined)).to.equal('file is too large (over the limit of 64.0 MB)');
  });

  it('are listed, each with its severity, in docs/rules.md', () => {
    const rules = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    for (const code of FILE_ISSUE_CODES) expect(rules).to.match(new RegExp(`^\\| \`${code}\` \\| (error|warning) \\|`, 'm'));
  });
});
