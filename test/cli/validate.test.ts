import { expect } from 'chai';
import { chmodSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lines, png, requireBuiltCli, runCli, useTempDir, type CliRun } from './helpers.js';

/** The header value in the fixtures: no output may ever contain it. */
const SECRET = 'sup3r-s3cret-value';

const CONTENT_EVENT = 'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"]';

/** A usage or file error: the exit code, one line on stderr, no stack trace. */
function expectOneLineError(run: CliRun, status: number, pattern: RegExp): void {
  expect(run.status, run.stderr).to.equal(status);
  expect(lines(run.stderr)).to.have.length(1);
  expect(run.stderr).to.match(pattern);
  expect(run.stderr).not.to.match(/^\s+at /m);
}

describe('lp-app-manifest validate', () => {
  requireBuiltCli();
  const tmp = useTempDir();
  const tmpFile = (name: string, content: string | Uint8Array): string => {
    const path = join(tmp(), name);
    writeFileSync(path, content);
    return path;
  };

  describe('reports', () => {
    it('prints only the summary for a valid file, and exits 0', () => {
      const run = runCli(['validate', 'valid.json']);
      expect(run.status).to.equal(0);
      expect(run.stdout).to.equal('1 file checked: 1 valid, 0 invalid, 0 issues, 0 warnings\n');
      expect(run.stderr).to.equal('');
    });

    it('prints one line per issue, warnings marked, then the summary, and exits 1', () => {
      const run = runCli(['validate', 'invalid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        'invalid.json: client_name: must not be blank [blank]',
        `invalid.json: ${CONTENT_EVENT}.endpoint: must start with "https://" [url_not_https]`,
        `invalid.json: ${CONTENT_EVENT}.headers[0].header_value: must not contain control characters such as CR, LF or NUL (the value is not shown because it may be a secret) [header_value_control_character]`,
        'invalid.json: warning: response_types: response_types has "code" but grant_types lacks "authorization_code" [code_without_authorization_code]',
        '1 file checked: 0 valid, 1 invalid, 3 issues, 1 warning',
      ]);
      expect(run.stderr).to.equal('');
    });

    it('exits 0 when a file has warnings only', () => {
      const run = runCli(['validate', 'warning-only.json']);
      expect(run.status).to.equal(0);
      expect(lines(run.stdout)).to.deep.equal([
        'warning-only.json: warning: response_types: response_types has "code" but grant_types lacks "authorization_code" [code_without_authorization_code]',
        '1 file checked: 1 valid, 0 invalid, 0 issues, 1 warning',
      ]);
    });

    it('applies the connector rules with --profile connector', () => {
      const run = runCli(['validate', '--profile', 'connector', 'valid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        'valid.json: grant_types: is required [required]',
        'valid.json: scope: is required [required]',
        '1 file checked: 0 valid, 1 invalid, 2 issues, 0 warnings',
      ]);
    });

    it('checks every file, reports an unreadable one on stderr and counts it as invalid', () => {
      const run = runCli(['validate', 'valid.json', 'missing.json', 'warning-only.json']);
      expect(run.status).to.equal(1);
      expect(run.stderr).to.equal('missing.json: file not found [file_not_found]\n');
      expect(lines(run.stdout).at(-1)).to.equal('3 files checked: 2 valid, 1 invalid, 1 issue, 1 warning');
    });

    it('prints a machine-readable report with --format json', () => {
      const run = runCli(['validate', '--format', 'json', 'valid.json', 'invalid.json', 'missing.json']);
      expect(run.status).to.equal(1);
      expect(run.stderr).to.equal('');
      const report = JSON.parse(run.stdout) as {
        files: { file: string; valid: boolean; issues: Record<string, unknown>[]; warnings: Record<string, unknown>[] }[];
        summary: Record<string, number>;
      };
      expect(report.summary).to.deep.equal({ files: 3, valid: 1, invalid: 2, issues: 4, warnings: 1 });
      expect(report.files.map(({ file, valid }) => ({ file, valid }))).to.deep.equal([
        { file: 'valid.json', valid: true },
        { file: 'invalid.json', valid: false },
        { file: 'missing.json', valid: false },
      ]);
      const [, invalid, missing] = report.files;
      expect(invalid?.issues[0]).to.deep.equal({
        code: 'blank',
        severity: 'error',
        path: 'client_name',
        message: 'must not be blank',
      });
      expect(invalid?.issues.map((issue) => issue['code'])).to.deep.equal([
        'blank',
        'url_not_https',
        'header_value_control_character',
      ]);
      expect(invalid?.warnings).to.deep.equal([
        {
          code: 'code_without_authorization_code',
          severity: 'warning',
          path: 'response_types',
          message: 'response_types has "code" but grant_types lacks "authorization_code"',
        },
      ]);
      expect(missing?.issues).to.deep.equal([
        { code: 'file_not_found', severity: 'error', path: '', message: 'file not found' },
      ]);
    });

    it('never prints a header value, in text or in JSON', () => {
      for (const format of ['text', 'json']) {
        const run = runCli(['validate', '--format', format, 'invalid.json']);
        expect(run.status).to.equal(1);
        expect(run.stdout + run.stderr).not.to.include(SECRET);
        expect(run.stdout + run.stderr).not.to.include('X-Evil');
      }
    });
  });

  describe('usage errors exit 2 with one line on stderr', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown option', ['--strict', 'valid.json'], /^lp-app-manifest: unknown option '--strict'; see "lp-app-manifest validate --help"\n$/],
      ['an unknown profile', ['--profile', 'strict', 'valid.json'], /unknown profile 'strict' \(use general or connector\)/],
      ['no files', [], /no files given/],
      ['an unknown format', ['--format', 'xml', 'valid.json'], /unknown format 'xml' \(use text or json\)/],
      ['an option without its value', ['valid.json', '--profile'], /option '--profile' needs a value/],
    ];
    for (const [name, args, pattern] of cases) {
      it(`for ${name}`, () => {
        const run = runCli(['validate', ...args]);
        expectOneLineError(run, 2, pattern);
        expect(run.stdout).to.equal('');
      });
    }
  });

  describe('file problems get one clear line on stderr, exit 1', () => {
    const expectFileProblem = (path: string, message: string, code: string): void => {
      const run = runCli(['validate', path]);
      expectOneLineError(run, 1, new RegExp(`^${escape(`${path}: ${message} [${code}]`)}\\n$`));
      expect(run.stdout).to.equal('1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings\n');
    };

    it('a missing file', () => expectFileProblem('nothing-here.json', 'file not found', 'file_not_found'));

    it('a directory', () => {
      const dir = join(tmp(), 'a-directory.json');
      mkdirSync(dir);
      expectFileProblem(dir, 'is a directory, not a file', 'file_is_directory');
    });

    it('an empty file, and one with only white space', () => {
      expectFileProblem(tmpFile('empty.json', ''), 'file is empty', 'file_empty');
      expectFileProblem(tmpFile('blank.json', ' \n\t\r\n'), 'file is empty', 'file_empty');
    });

    it('a file it may not read', () => {
      // Root reads anything whatever the mode: as root, run the CLI as "nobody" instead.
      const dir = join(tmp(), 'locked');
      mkdirSync(dir);
      chmodSync(dir, 0o755);
      const path = join(dir, 'secret.json');
      writeFileSync(path, '{"client_name": "Acme"}');
      chmodSync(path, 0o000);
      const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
      const run = runCli(['validate', path], user === undefined ? {} : { user });
      expectOneLineError(run, 1, new RegExp(`^${escape(`${path}: permission denied: cannot read the file [file_unreadable]`)}\\n$`));
    });

    it('a file that is not JSON, with the line and column of the error', () => {
      const path = tmpFile('trailing-comma.json', '{\n  "client_name": "Acme",\n  "description": "An app",\n}\n');
      expectFileProblem(path, 'not valid JSON: trailing comma before "}" at line 4, column 1', 'invalid_json');
      const crlf = tmpFile('crlf.json', '{\r\n  "client_name": "Acme"\r\n  "description": "An app"\r\n}');
      expectFileProblem(crlf, 'not valid JSON: expected "," or "}" at line 3, column 3', 'invalid_json');
    });

    it('a syntax error inside a header value, without quoting the value', () => {
      const text = `{"capabilities": {"webhooks": {"cqm.ExConversationChangeNotification": {"endpoint": "https://a.example.com",\n  "headers": [{"header_name": "X-Key", "header_value": '${SECRET}'}]}}}}`;
      const path = tmpFile('single-quoted.json', text);
      const run = runCli(['validate', path]);
      expectOneLineError(run, 1, /not valid JSON: unexpected character \(expected a value\) at line 2, column 56 \[invalid_json\]/);
      expect(run.stdout + run.stderr).not.to.include(SECRET);
    });

    it('a file that is not UTF-8', () => {
      const latin1 = Buffer.from('{"client_name": "Caf\xe9"}', 'latin1');
      expectFileProblem(tmpFile('latin1.json', latin1), 'is not UTF-8 text (save it as UTF-8)', 'file_not_utf8');
    });

    it('a file over the size limit, before reading it', () => {
      const path = tmpFile('huge.json', '');
      truncateSync(path, 100 * 1024 * 1024); // sparse: costs no disk and no time
      expectFileProblem(path, 'file is too large (100.0 MB; the limit is 64.0 MB)', 'file_too_large');
    });
  });

  describe('unusual but readable files', () => {
    it('accepts and strips a UTF-8 byte order mark', () => {
      const path = tmpFile('bom.json', `\uFEFF${JSON.stringify({ client_name: 'Acme' })}`);
      const run = runCli(['validate', path]);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.equal('1 file checked: 1 valid, 0 invalid, 0 issues, 0 warnings\n');
    });

    it('reads standard input for the file name -', () => {
      const run = runCli(['validate', '-', 'valid.json'], { input: '\uFEFF{"client_name": ""}' });
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        '-: client_name: must not be blank [blank]',
        '2 files checked: 1 valid, 1 invalid, 1 issue, 0 warnings',
      ]);
    });

    it('stops reading an endless device at the size limit', () => {
      const run = runCli(['validate', '/dev/zero']);
      expectOneLineError(run, 1, /^\/dev\/zero: file is too large \(over the limit of 64\.0 MB\) \[file_too_large\]\n$/);
    });

    it('reads a 50 MB file and reports on it without echoing it', () => {
      const size = 50 * 1024 * 1024;
      const path = tmpFile('50mb.json', `{"client_name": "Acme", "description": "${'a'.repeat(size)}"}`);
      const run = runCli(['validate', path]);
      expect(run.status, run.stderr).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        `${path}: description: must be at most 256 characters in the general profile (got ${size}) [too_long]`,
        '1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings',
      ]);
    });
  });

  describe('--logo', () => {
    it('accepts a 70x70 image', () => {
      const run = runCli(['validate', '--logo', tmpFile('logo-70.png', png(70, 70)), 'valid.json']);
      expect(run.status, run.stdout + run.stderr).to.equal(0);
      expect(run.stdout).to.equal('1 file checked: 1 valid, 0 invalid, 0 issues, 0 warnings\n');
    });

    it('rejects an image of another size', () => {
      const logo = tmpFile('logo-64.png', png(64, 70));
      const run = runCli(['validate', '--logo', logo, 'valid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        `valid.json: logo_uri: logo ${JSON.stringify(logo)} is 64x70 pixels; it must be exactly 70x70 [logo_wrong_size]`,
        '1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings',
      ]);
    });

    it('rejects a file that is not an image', () => {
      const logo = tmpFile('logo.png', 'this is text, not a PNG');
      const run = runCli(['validate', '--logo', logo, 'valid.json']);
      expect(run.status).to.equal(1);
      expect(run.stdout).to.include(`valid.json: logo_uri: logo ${JSON.stringify(logo)} is not an image`);
      expect(run.stdout).to.include('[logo_unreadable]');
    });

    it('rejects a missing logo file, naming it as given', () => {
      const run = runCli(['validate', '--logo', 'no-logo.png', 'valid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        'valid.json: logo_uri: logo "no-logo.png": file not found [logo_unreadable]',
        '1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings',
      ]);
    });
  });
});

/** Escapes a string for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
