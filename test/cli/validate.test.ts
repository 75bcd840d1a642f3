import { expect } from 'chai';
import { chmodSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES, validateManifest, type IssueCode, type ValidateOptions } from '../../src/index.js';
import { lines, png, requireBuiltCli, runCli, useTempDir, type CliRun } from './helpers.js';

/** The header value in the fixtures: no output may ever contain it. */
const SECRET = 'sup3r-s3cret-value';

const CONTENT_EVENT = 'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"]';

/** A message as the library words it (the library's own tests pin its text; these tests pin where the CLI puts it). */
const message = (value: unknown, code: IssueCode, options?: ValidateOptions): string => {
  const result = validateManifest(value, options);
  const found = [...(result.ok ? [] : result.issues), ...result.warnings].find((issue) => issue.code === code);
  if (found === undefined) throw new Error(`no ${code} issue`);
  return found.message;
};
const HEADER_VALUE_MESSAGE = message(
  {
    client_name: 'a',
    capabilities: {
      webhooks: {
        'cqm.ExConversationChangeNotification': {
          endpoint: 'https://a.example.com/x',
          headers: [{ header_name: 'X', header_value: 'a\r\nb' }],
        },
      },
    },
  },
  'header_value_control_character',
);
const REQUIRED_GRANT_TYPES = `${message({ client_name: 'a', scope: 'msg.consumer' }, 'required', { profile: 'connector' })} [required]`;
const REQUIRED_SCOPE = `${message({ client_name: 'a', grant_types: ['client_credentials'] }, 'required', { profile: 'connector' })} [required]`;
/** A connector-profile manifest with no capabilities, so no webhook: a warning. */
const NO_CAPABILITIES = `${MESSAGES.connector_without_webhooks({ missing: 'capabilities' })} [connector_without_webhooks]`;

/** A usage or file error: the exit code, one line on stderr, no stack trace. */
function expectOneLineError(run: CliRun, status: number, pattern: RegExp): void {
  expect(run.status, run.stderr).to.equal(status);
  expect(lines(run.stderr)).to.have.length(1);
  expect(run.stderr).to.match(pattern);
  expect(run.stderr).not.to.match(/^\s+at /m);
}

/** A file that cannot be used: one line on stderr, exit 1, counted as invalid. */
function expectFileProblem(path: string, message: string, code: string): void {
  const run = runCli(['validate', path]);
  // A syntax error is where the editor can jump to it: FILE:LINE:COLUMN, as every other issue.
  const at = /at line (\d+), column (\d+)$/.exec(message);
  const where = at === null ? path : `${path}:${at[1]}:${at[2]}`;
  expectOneLineError(run, 1, new RegExp(`^${escape(`${where}: ${message} [${code}]`)}\\n$`));
  expect(run.stdout).to.equal('1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings\n');
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
      expect(run.stdout).to.equal(
        'valid.json: valid (general profile)\n1 file checked: 1 valid, 0 invalid, 0 issues, 0 warnings\n',
      );
      expect(run.stderr).to.equal('');
    });

    it('prints one line per issue, FILE:LINE:COLUMN first, warnings marked, then the file and the summary, and exits 1', () => {
      const run = runCli(['validate', 'invalid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        'invalid.json:2:3: client_name: must not be blank [blank]',
        `invalid.json:7:9: ${CONTENT_EVENT}.endpoint: must start with "https://" [url_not_https]`,
        `invalid.json:8:51: ${CONTENT_EVENT}.headers[0].header_value: ${HEADER_VALUE_MESSAGE} [header_value_control_character]`,
        'invalid.json:3:3: warning: response_types: response_types has "code" but grant_types lacks "authorization_code" [code_without_authorization_code]',
        'invalid.json: invalid (general profile): 3 issues, 1 warning',
        '1 file checked: 0 valid, 1 invalid, 3 issues, 1 warning',
      ]);
      expect(run.stderr).to.equal('');
    });

    it('exits 0 when a file has warnings only', () => {
      const run = runCli(['validate', 'warning-only.json']);
      expect(run.status).to.equal(0);
      expect(lines(run.stdout)).to.deep.equal([
        'warning-only.json:3:3: warning: response_types: response_types has "code" but grant_types lacks "authorization_code" [code_without_authorization_code]',
        'warning-only.json: valid (general profile): 1 warning',
        '1 file checked: 1 valid, 0 invalid, 0 issues, 1 warning',
      ]);
    });

    it('applies the connector rules with --profile connector; a missing key points at the object that should hold it', () => {
      const run = runCli(['validate', '--profile', 'connector', 'valid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        `valid.json:1:1: grant_types: ${REQUIRED_GRANT_TYPES}`,
        `valid.json:1:1: scope: ${REQUIRED_SCOPE}`,
        `valid.json:1:1: warning: capabilities: ${NO_CAPABILITIES}`,
        'valid.json: invalid (connector profile): 2 issues, 1 warning',
        '1 file checked: 0 valid, 1 invalid, 2 issues, 1 warning',
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
      expect(report.summary).to.deep.equal({ files: 3, valid: 1, invalid: 2, issues: 4, warnings: 1, strict: false, failed: 2 });
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
        line: 2,
        column: 3,
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
          line: 3,
          column: 3,
          message: 'response_types has "code" but grant_types lacks "authorization_code"',
        },
      ]);
      expect(missing?.issues).to.deep.equal([{ code: 'file_not_found', severity: 'error', path: '', message: 'file not found' }]);
    });

    it('never prints a header value, in text or in JSON', () => {
      for (const format of ['text', 'json']) {
        const run = runCli(['validate', '--format', format, 'invalid.json']);
        expect(run.status).to.equal(1);
        expect(run.stdout + run.stderr).not.to.include(SECRET);
        expect(run.stdout + run.stderr).not.to.include('X-Evil');
      }
    });

    it('escapes a line break in a file name, so no name starts a line of its own (a ::error command in a CI log)', () => {
      const name = 'evil\n::error file=x::boom.json';
      const path = tmpFile(name, '{"client_name": ""}');
      const run = runCli(['validate', path]);
      expect(run.status).to.equal(1);
      expect(run.stdout).to.not.match(/^::error/m);
      expect(run.stdout).to.include('evil\\n::error file=x::boom.json:1:2: client_name: must not be blank [blank]');
    });

    it('never prints a pasted header line used as a key, even one written twice (text, JSON, github)', () => {
      const line = `Authorization: Bearer ${SECRET}`;
      const path = tmpFile(
        'pasted-line.json',
        `{\n  "client_name": "A",\n  "capabilities": {"webhooks": {"cqm.ExConversationChangeNotification": {"endpoint": "https://a.example.com/x",\n    "headers": [{"header_name": "X-A", "header_value": "a",\n      ${JSON.stringify(line)}: 1, ${JSON.stringify(line)}: 2}]}}}\n}\n`,
      );
      for (const format of ['text', 'json', 'github']) {
        const run = runCli(['validate', '--format', format, path]);
        expect(run.status, format).to.equal(1);
        expect(run.stdout + run.stderr, format).not.to.include(SECRET);
        expect(run.stdout + run.stderr, format)
          .to.include('duplicate_key_not_shown')
          .and.to.include('unknown_key_not_shown');
      }
      expect(runCli(['validate', path]).stdout).to.match(
        /pasted-line\.json:5:\d+: capabilities\.webhooks\["cqm\.ExConversationChangeNotification"\]\.headers\[0\]: a key that is not a name/,
      );
    });
  });

  it('never prints a key written inside a secret place (a header value or client_secret as an object), even twice; nor in diff', () => {
    const header = tmpFile(
      'secret-object.json',
      `{"client_name": "A", "capabilities": {"webhooks": {"cqm.ExConversationChangeNotification": {"endpoint": "https://a.example.com/x",
          "headers": [{"header_name": "X-A", "header_value": {${JSON.stringify(SECRET)}: 1, ${JSON.stringify(SECRET)}: 2}}]}}}}`,
    );
    const clientSecret = tmpFile(
      'client-secret-object.json',
      `{"client_name": "A", "client_secret": {${JSON.stringify(SECRET)}: 1, ${JSON.stringify(SECRET)}: 2}}`,
    );
    for (const path of [header, clientSecret]) {
      for (const format of ['text', 'json', 'github']) {
        const run = runCli(['validate', '--format', format, path]);
        expect(run.status, format).to.equal(1);
        expect(run.stdout + run.stderr, format).not.to.include(SECRET);
        expect(run.stdout + run.stderr, format).to.include('duplicate_key_not_shown');
      }
      const diff = runCli(['diff', path, path]);
      expect(diff.stdout + diff.stderr).not.to.include(SECRET);
      expect(diff.stdout + diff.stderr).to.include('a key inside a value that is never shown');
    }
  });

  describe('usage errors exit 2 with one line on stderr', () => {
    const cases: [string, string[], RegExp][] = [
      [
        'an unknown option',
        ['--strcit', 'valid.json'],
        /^lp-app-manifest: unknown option '--strcit'; see "lp-app-manifest validate --help"\n$/,
      ],
      ['an unknown profile', ['--profile', 'strict', 'valid.json'], /unknown profile 'strict' \(use general or connector\)/],
      ['no files', [], /no files given/],
      ['an unknown format', ['--format', 'xml', 'valid.json'], /unknown format 'xml' \(use text, json, github or markdown\)/],
      ['standard input twice', ['-', 'valid.json', '-'], /standard input \(-\) is named more than once/],
      ['an option given twice', ['--logo', 'a.png', '--logo', 'b.png', 'valid.json'], /option '--logo' is given more than once/],
      ['an option without its value', ['valid.json', '--profile'], /option '--profile' needs a value; see/],
      [
        'a value that starts with "-" (parseArgs takes it for an option)',
        ['--profile', '-x', 'valid.json'],
        /option '--profile' needs a value \(a value that starts with "-" is written --profile=<value>\)/,
      ],
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
    it('a missing file', () => expectFileProblem('nothing-here.json', 'file not found', 'file_not_found'));

    it('a folder with no .json file (validate checks the .json files of a folder; see folders.test.ts)', () => {
      const dir = join(tmp(), 'a-directory.json');
      mkdirSync(dir);
      expectFileProblem(
        dir,
        'no .json file in this folder or its subfolders (node_modules and folders whose name starts with "." are not searched)',
        'folder_without_json',
      );
    });

    it('an empty file, and one with only white space', () => {
      expectFileProblem(tmpFile('empty.json', ''), 'file is empty', 'file_empty');
      expectFileProblem(tmpFile('blank.json', ' \n\t\r\n'), 'file is empty', 'file_empty');
    });

    it('a file it may not read', () => {
      const dir = join(tmp(), 'locked');
      mkdirSync(dir);
      chmodSync(dir, 0o755);
      const path = join(dir, 'secret.json');
      writeFileSync(path, '{"client_name": "Acme"}');
      chmodSync(path, 0o000);
      const run = runCli(['validate', path], { unprivileged: true });
      expectOneLineError(
        run,
        1,
        new RegExp(`^${escape(`${path}: permission denied: cannot read the file [file_unreadable]`)}\\n$`),
      );
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
      expectOneLineError(
        run,
        1,
        /not valid JSON: unexpected character \(expected a value\) at line 2, column 56 \[invalid_json\]/,
      );
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
      expect(run.stdout).to.equal(`${path}: valid (general profile)\n1 file checked: 1 valid, 0 invalid, 0 issues, 0 warnings\n`);
    });

    it('reads standard input for the file name -', () => {
      const run = runCli(['validate', '-', 'valid.json'], { input: '\uFEFF{"client_name": ""}' });
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        '-:1:2: client_name: must not be blank [blank]',
        '-: invalid (general profile): 1 issue',
        'valid.json: valid (general profile)',
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
        `${path}:1:25: description: must be at most 256 characters in the general profile (got ${size}) [too_long]`,
        `${path}: invalid (general profile): 1 issue`,
        '1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings',
      ]);
    });
  });

  describe('duplicate keys (JSON.parse would keep the last one silently)', () => {
    const DUPLICATE_ENDPOINT = `{
  "client_name": "Acme",
  "capabilities": {
    "webhooks": {
      "ms.MessagingEventNotification.ContentEvent": {
        "endpoint": "http://staging-hooks.example.com/lp",
        "endpoint": "https://hooks.example.com/lp"
      }
    }
  }
}
`;

    it('a repeated member name is a duplicate_key error at its path, with both positions, and exit 1', () => {
      const path = tmpFile('duplicate-endpoint.json', DUPLICATE_ENDPOINT);
      const run = runCli(['validate', path]);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        `${path}:7:9: ${CONTENT_EVENT}.endpoint: key "endpoint" appears more than once in this object (at line 6, column 9 and at line 7, column 9); a JSON reader keeps only the last, silently: remove one [duplicate_key]`,
        `${path}: invalid (general profile): 1 issue`,
        '1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings',
      ]);
    });

    it('a repeated webhook event, whose first block (and its Authorization header) would vanish', () => {
      const block = (endpoint: string) =>
        `{"endpoint": "${endpoint}", "headers": [{"header_name": "Authorization", "header_value": "${SECRET}"}]}`;
      const text = `{"client_name": "Acme", "capabilities": {"webhooks": {\n"cqm.ExConversationChangeNotification": ${block('https://a.example.com/lp')},\n"cqm.ExConversationChangeNotification": ${block('https://b.example.com/lp')}}}}`;
      const run = runCli(['validate', '--format', 'json', tmpFile('duplicate-event.json', text)]);
      expect(run.status).to.equal(1);
      expect(run.stdout).not.to.include(SECRET);
      const report = JSON.parse(run.stdout) as { files: { issues: Record<string, unknown>[] }[] };
      expect(report.files[0]?.issues).to.deep.equal([
        {
          code: 'duplicate_key',
          severity: 'error',
          path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"]',
          line: 3,
          column: 1,
          message:
            'key "cqm.ExConversationChangeNotification" appears more than once in this object (at line 2, column 1 and at line 3, column 1); a JSON reader keeps only the last, silently: remove one',
        },
      ]);
    });

    it('comments and trailing commas, which jsonc-parser would allow, are still not JSON', () => {
      const path = tmpFile('comment.json', '{\n  // the name\n  "client_name": "Acme"\n}\n');
      expectFileProblem(path, 'not valid JSON: comments are not allowed in JSON at line 2, column 3', 'invalid_json');
    });
  });

  describe('where each issue is', () => {
    it('--format json gives line and column, and file-level issues keep the key order of the others', () => {
      const run = runCli(['validate', '--format', 'json', 'invalid.json', 'missing.json', tmpFile('broken.json', '{"a": }')]);
      const report = JSON.parse(run.stdout) as {
        files: { file: string; profile: string | null; issues: Record<string, unknown>[] }[];
      };
      const [invalid, missing, broken] = report.files;
      expect(invalid?.profile).to.equal('general');
      expect(missing?.profile).to.equal(null);
      expect(Object.keys(invalid?.issues[0] ?? {})).to.deep.equal(['code', 'severity', 'path', 'line', 'column', 'message']);
      expect(Object.keys(missing?.issues[0] ?? {})).to.deep.equal(['code', 'severity', 'path', 'message']);
      expect(broken?.issues[0]).to.deep.equal({
        code: 'invalid_json',
        severity: 'error',
        path: '',
        line: 1,
        column: 7,
        message: 'not valid JSON: expected a value at line 1, column 7',
      });
    });

    it('a missing key inside an object points at that object', () => {
      const text =
        '{\n  "client_name": "Acme",\n  "capabilities": {"webhooks": {\n    "cqm.ExConversationChangeNotification": {"max_retries": 1}\n  }}\n}';
      const run = runCli(['validate', tmpFile('no-endpoint.json', text)]);
      expect(run.status).to.equal(1);
      expect(run.stdout).to.match(
        /^\S+no-endpoint\.json:4:5: capabilities\.webhooks\["cqm\.ExConversationChangeNotification"\]\.endpoint: .*\[required\]$/m,
      );
    });

    it('--format github prints GitHub Actions annotations, escaped, warnings as ::warning', () => {
      const dir = join(tmp(), 'gh');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a,b:c.json'), '{\n  "client_name": "",\n  "response_types": ["code"],\n  "100%": 1\n}\n');
      const run = runCli(['validate', '--format', 'github', 'a,b:c.json', 'missing.json'], { cwd: dir });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.equal('');
      expect(lines(run.stdout)).to.deep.equal([
        `::error file=a%2Cb%3Ac.json,line=4,col=3,title=unknown_key::["100%25"]: unknown key "100%25" [unknown_key]`,
        '::error file=a%2Cb%3Ac.json,line=2,col=3,title=blank::client_name: must not be blank [blank]',
        '::warning file=a%2Cb%3Ac.json,line=3,col=3,title=code_without_authorization_code::response_types: response_types has "code" but grant_types lacks "authorization_code" [code_without_authorization_code]',
        '::error file=missing.json,title=file_not_found::file not found [file_not_found]',
        '2 files checked: 0 valid, 2 invalid, 3 issues, 1 warning',
      ]);
    });

    it('never prints a header value in the github format either', () => {
      const run = runCli(['validate', '--format', 'github', 'invalid.json']);
      expect(run.stdout + run.stderr).not.to.include(SECRET);
      expect(run.stdout).to.include('::error file=invalid.json,line=8,col=51,title=header_value_control_character::');
    });
  });

  describe('--strict', () => {
    it('exits 1 when there is any warning, and says so; without it, warnings pass', () => {
      expect(runCli(['validate', 'warning-only.json']).status).to.equal(0);
      const run = runCli(['validate', '--strict', 'warning-only.json', 'valid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout).slice(1)).to.deep.equal([
        'warning-only.json: valid (general profile): 1 warning (fails --strict)',
        'valid.json: valid (general profile)',
        '2 files checked: 2 valid, 0 invalid, 0 issues, 1 warning (1 valid with warnings, failing --strict)',
      ]);
      expect(runCli(['validate', '--strict', 'valid.json']).status).to.equal(0);
      // The JSON report says the same as the exit code.
      const json = runCli(['validate', '--strict', '--format', 'json', 'warning-only.json', 'valid.json']);
      expect(json.status).to.equal(1);
      expect((JSON.parse(json.stdout) as { summary: unknown }).summary).to.deep.equal({
        files: 2,
        valid: 2,
        invalid: 0,
        issues: 0,
        warnings: 1,
        strict: true,
        failed: 1,
      });
      // GitHub annotations: a warning that fails the run is an error, so the pull request shows why the check failed.
      const github = runCli(['validate', '--strict', '--format', 'github', 'warning-only.json']);
      expect(github.status).to.equal(1);
      expect(github.stdout).to.match(/^::error file=warning-only\.json,line=\d+,col=\d+,title=\w+::/m);
      expect(github.stdout).to.not.contain('::warning');
      expect(runCli(['validate', '--format', 'github', 'warning-only.json']).stdout).to.match(
        /^::warning file=warning-only\.json/m,
      );
    });
  });

  describe('profiles', () => {
    const withSchema = (schema: string) =>
      tmpFile(`schema-${schema.length}.json`, `{\n  "$schema": ${JSON.stringify(schema)},\n  "client_name": "Acme"\n}\n`);

    it('a "$schema" naming connector.schema.json selects the connector profile, and the output names it', () => {
      for (const schema of [
        './node_modules/lp-app-manifest/schema/connector.schema.json',
        'https://unpkg.com/lp-app-manifest/schema/connector.schema.json?v=1',
      ]) {
        const path = withSchema(schema);
        const run = runCli(['validate', path]);
        expect(run.status).to.equal(1);
        expect(lines(run.stdout)).to.deep.equal([
          `${path}:1:1: grant_types: ${REQUIRED_GRANT_TYPES}`,
          `${path}:1:1: scope: ${REQUIRED_SCOPE}`,
          `${path}:1:1: warning: capabilities: ${NO_CAPABILITIES}`,
          `${path}: invalid (connector profile, from "$schema"): 2 issues, 1 warning`,
          '1 file checked: 0 valid, 1 invalid, 2 issues, 1 warning',
        ]);
      }
    });

    it('another "$schema" leaves the general profile', () => {
      const path = withSchema('https://example.com/my.schema.json');
      expect(lines(runCli(['validate', path]).stdout)[0]).to.equal(`${path}: valid (general profile)`);
    });

    it('--profile wins over "$schema"; when they disagree, a schema_profile_mismatch warning at $schema (exit 1 with --strict)', () => {
      const path = withSchema('../schema/connector.schema.json');
      const run = runCli(['validate', '--profile', 'general', path]);
      expect(run.status).to.equal(0);
      expect(lines(run.stdout)).to.deep.equal([
        `${path}:2:3: warning: $schema: "$schema" names the connector schema, but the general profile was asked for (--profile); checked against general [schema_profile_mismatch]`,
        `${path}: valid (general profile): 1 warning`,
        '1 file checked: 1 valid, 0 invalid, 0 issues, 1 warning',
      ]);
      expect(runCli(['validate', '--strict', '--profile', 'general', path]).status).to.equal(1);
      expect(runCli(['validate', '--profile', 'connector', path]).stdout).not.to.include('schema_profile_mismatch');
    });
  });

  describe('--logo', () => {
    it('accepts a 70x70 image', () => {
      const run = runCli(['validate', '--logo', tmpFile('logo-70.png', png(70, 70)), 'valid.json']);
      expect(run.status, run.stdout + run.stderr).to.equal(0);
      expect(run.stdout).to.equal(
        'valid.json: valid (general profile)\n1 file checked: 1 valid, 0 invalid, 0 issues, 0 warnings\n',
      );
    });

    it('rejects an image of another size', () => {
      const logo = tmpFile('logo-64.png', png(64, 70));
      const run = runCli(['validate', '--logo', logo, 'valid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        `valid.json:1:1: logo_uri: logo ${JSON.stringify(logo)} is 64x70 pixels; it must be exactly 70x70 [logo_wrong_size]`,
        'valid.json: invalid (general profile): 1 issue',
        '1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings',
      ]);
    });

    it('rejects a file that is not an image', () => {
      const logo = tmpFile('logo.png', 'this is text, not a PNG');
      const run = runCli(['validate', '--logo', logo, 'valid.json']);
      expect(run.status).to.equal(1);
      expect(run.stdout).to.include(`valid.json:1:1: logo_uri: logo ${JSON.stringify(logo)} is not an image`);
      expect(run.stdout).to.include('[logo_unreadable]');
    });

    it('rejects a missing logo file, naming it as given', () => {
      const run = runCli(['validate', '--logo', 'no-logo.png', 'valid.json']);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        'valid.json:1:1: logo_uri: logo "no-logo.png": file not found [logo_unreadable]',
        'valid.json: invalid (general profile): 1 issue',
        '1 file checked: 0 valid, 1 invalid, 1 issue, 0 warnings',
      ]);
    });
  });
});

/** Escapes a string for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('lp-app-manifest validate: which profile a file without one was checked against', () => {
  requireBuiltCli();
  const tmp = useTempDir();
  /** A connector, as `build` wrote it before it wrote a "$schema": nothing says which profile it is for. */
  const CONNECTOR = {
    client_name: 'Acme',
    grant_types: ['client_credentials'],
    scope: 'msg.consumer livedeflect',
    capabilities: { webhooks: { 'ms.MessagingEventNotification.ContentEvent': { endpoint: 'https://hooks.example.com/lp' } } },
  };
  const NOTE =
    'checked against the general profile, the default (no --profile, no "$schema"), but it looks like a Connector API app (scope "msg.consumer", grant "client_credentials"): check it with --profile connector, or add "$schema": ".../connector.schema.json" (as init and build --out write)';

  it('names the default profile and suggests --profile connector for a file that looks like a connector', () => {
    writeFileSync(join(tmp(), 'built.json'), JSON.stringify(CONNECTOR, null, 2));
    const text = runCli(['validate', 'built.json'], { cwd: tmp() });
    expect(text.status).to.equal(0);
    expect(lines(text.stdout)).to.deep.equal([
      `built.json: note: ${NOTE}`,
      'built.json: valid (general profile)',
      '1 file checked: 1 valid, 0 invalid, 0 issues, 0 warnings',
    ]);
    // The suggestion is right: as a connector, the scope fails.
    expect(runCli(['validate', '--profile', 'connector', 'built.json'], { cwd: tmp() }).status).to.equal(1);
  });

  it('keeps --format json as documented (the note on stderr) and gives GitHub a notice', () => {
    writeFileSync(join(tmp(), 'built.json'), JSON.stringify(CONNECTOR, null, 2));
    const json = runCli(['validate', '--format', 'json', 'built.json'], { cwd: tmp() });
    expect(json.status).to.equal(0);
    expect(Object.keys((JSON.parse(json.stdout) as { files: object[] }).files[0]!)).to.deep.equal([
      'file',
      'profile',
      'valid',
      'issues',
      'warnings',
    ]);
    expect(json.stderr).to.equal(`built.json: note: ${NOTE}\n`);
    const github = runCli(['validate', '--format', 'github', '--strict', 'built.json'], { cwd: tmp() });
    expect(github.status).to.equal(0);
    expect(lines(github.stdout)[0]).to.equal(`::notice file=built.json::${NOTE}`);
  });

  it('says nothing more where a profile was chosen, or the file does not look like a connector', () => {
    writeFileSync(join(tmp(), 'built.json'), JSON.stringify(CONNECTOR, null, 2));
    writeFileSync(join(tmp(), 'schema.json'), JSON.stringify({ $schema: 'general.schema.json', ...CONNECTOR }));
    writeFileSync(
      join(tmp(), 'app.json'),
      JSON.stringify({ ...CONNECTOR, grant_types: ['authorization_code'], redirect_uris: ['https://a.example.com/cb'] }),
    );
    for (const args of [['--profile', 'general', 'built.json'], ['schema.json'], ['app.json']]) {
      const run = runCli(['validate', ...args], { cwd: tmp() });
      expect(run.stdout + run.stderr, args.join(' ')).not.to.contain('note:');
    }
  });
});
