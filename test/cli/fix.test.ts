/**
 * `lp-app-manifest fix`: the repairs of a manifest file printed as a diff (secrets masked), a line
 * per repair and what remains as validate prints it; --write saves them; the exit status says
 * whether errors remain.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from './helpers.js';

describe('lp-app-manifest fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fix-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return name;
  };

  it('prints the repairs as a unified diff with secrets hidden, a line per repair, and what remains as validate prints it', () => {
    const file = write(
      'm.json',
      '{\n  "client_name": "Acme",\n  "client_secret": "s3cr3t-value",\n  "enabled": "true",\n  "logo_uri": "http://cdn.example.com/logo.png"\n}\n',
    );
    const run = runCli(['fix', file], { cwd: dir });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.equal('');
    expect(run.stdout).not.to.include('s3cr3t-value');
    const validate = runCli(['validate', file], { cwd: dir });
    const remaining = validate.stdout.split('\n').filter((line) => line.includes('logo_uri'));
    expect(remaining).to.have.length(1);
    expect(run.stdout).to.equal(
      [
        '--- a/m.json',
        '+++ b/m.json',
        '@@ -1,6 +1,5 @@',
        ' {',
        '   "client_name": "Acme",',
        '-  "client_secret": "(hidden)",',
        '-  "enabled": "true",',
        '+  "enabled": true,',
        '   "logo_uri": "http://cdn.example.com/logo.png"',
        ' }',
        'm.json:3:3: repaired: remove "client_secret": LivePerson assigns it when the app is installed, and a secret does not belong in a manifest file [server_assigned_key]',
        'm.json:4:3: repaired: write true (a boolean), not the string "true" [invalid_type]',
        // Not written: the places are those of the repaired text, said before them.
        'm.json: left after the repairs, at their lines in the repaired text (the + side of the diff):',
        remaining[0]!.replace('m.json:5:', 'm.json:4:'),
        'm.json: 2 repairs (not written: --write saves them); 1 issue and 0 warnings left (general profile)',
        '',
      ].join('\n'),
    );
    // Without --write, the file is as it was.
    expect(readFileSync(join(dir, file), 'utf8')).to.include('s3cr3t-value');
  });

  it('a placeholder whose variable is unset (a pulled file) is a warning, not an error to repair: exit 0 once the rest is repaired', () => {
    const file = write(
      'pulled.json',
      JSON.stringify(
        {
          client_name: 'Acme',
          response_types: 'code',
          grant_types: ['authorization_code'],
          redirect_uris: ['https://app.example.com/cb'],
          capabilities: {
            webhooks: {
              'ms.MessagingEventNotification.ContentEvent': {
                endpoint: 'https://hooks.example.com/lp',
                headers: [{ header_name: 'Authorization', header_value: '${{ LP_CONTENTEVENT_AUTHORIZATION }}' }],
              },
            },
          },
        },
        null,
        2,
      ),
    );
    const run = runCli(['fix', '--write', file], { cwd: dir, env: { LP_CONTENTEVENT_AUTHORIZATION: '' } });
    expect(run.status, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.include('[unresolved_placeholder]').and.include(': warning: ');
    expect(run.stdout).to.include('1 repair, written to pulled.json; 0 issues and 1 warning left');
    expect(JSON.parse(readFileSync(join(dir, file), 'utf8')).response_types).to.deep.equal(['code']);
  });

  it("never prints a URL's user information or query in the diff, with or without a byte order mark", () => {
    for (const bom of ['', '\ufeff']) {
      const file = write(
        'urls.json',
        `${bom}{\n  "client_name": "Acme",\n  "enabled": "true",\n  "capabilities": { "webhooks": { "ms.MessagingEventNotification.ContentEvent": { "endpoint": "https://user:PASSWD99@hooks.acme.com/lp?token=QTOKEN77" } } }\n}\n`,
      );
      const run = runCli(['fix', file], { cwd: dir });
      expect(run.stdout).to.include('"enabled": true');
      expect(run.stdout + run.stderr).not.to.match(/PASSWD99|QTOKEN77/);
      // Nothing else is hidden: the diff can be read.
      expect(run.stdout).to.include('"client_name": "Acme"');
    }
  });

  it('--write through a symbolic link repairs the file it names, and the link stays a link', () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'target.json'), '{ "client_name": "Acme", "enabled": "true" }');
    symlinkSync(join('sub', 'target.json'), join(dir, 'link.json'));
    const run = runCli(['fix', '--write', 'link.json'], { cwd: dir });
    expect(run.status, run.stdout + run.stderr).to.equal(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).to.equal(true);
    expect(readFileSync(join(dir, 'sub', 'target.json'), 'utf8')).to.equal('{ "client_name": "Acme", "enabled": true }');
  });

  it('--write never replaces a read-only file (as a rename would, for anyone who may write the folder)', () => {
    chmodSync(dir, 0o777);
    const file = write('locked.json', '{ "client_name": "Acme", "enabled": "true" }');
    chmodSync(join(dir, file), 0o444);
    const run = runCli(['fix', '--write', file], { cwd: dir, unprivileged: true });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.equal(
      'locked.json: cannot write: the file is read-only (make it writable to repair it); the file was left as it was\n',
    );
    expect(readFileSync(join(dir, file), 'utf8')).to.include('"true"');
  });

  it('--write saves the repaired file, keeping its CRLF line ends, tab indentation and byte order mark; exit 0 when no error remains', () => {
    const file = write(
      'm.json',
      '\ufeff{\r\n\t"client_name": "Acme",\r\n\t"client_id": "x",\r\n\t"response_types": "code",\r\n}\r\n',
    );
    const run = runCli(['fix', '--write', file], { cwd: dir });
    expect(run.status).to.equal(0);
    expect(run.stdout).not.to.include('--- a/');
    expect(run.stdout).to.match(/m\.json: 3 repairs, written to m\.json; 0 issues and 1 warning left \(general profile\)\n$/);
    expect(readFileSync(join(dir, file), 'utf8')).to.equal(
      '\ufeff{\r\n\t"client_name": "Acme",\r\n\t"response_types": ["code"]\r\n}\r\n',
    );
    // Nothing left to repair: it says so, and leaves the file alone.
    const again = runCli(['fix', '--write', file], { cwd: dir });
    expect(again.status).to.equal(0);
    expect(again.stdout.split('\n')[0]).to.equal('m.json: nothing to repair');
  });

  it('with --profile, writes the "$schema" init would write for that profile', () => {
    const file = write('m.json', '{\n  "client_name": "Acme"\n}\n');
    const run = runCli(['fix', '--write', '--profile', 'connector', file], { cwd: dir });
    expect(run.status).to.equal(1); // the connector profile's required fields remain
    const init = JSON.parse(runCli(['init', '--profile', 'connector'], { cwd: dir }).stdout) as { $schema: string };
    expect(JSON.parse(readFileSync(join(dir, file), 'utf8'))).to.deep.equal({ $schema: init.$schema, client_name: 'Acme' });
    expect(run.stdout).to.include('repaired: add "$schema"');
  });

  it('says when there is nothing to repair, and what remains', () => {
    const file = write('m.json', '{ "client_name": "" }\n');
    const run = runCli(['fix', file], { cwd: dir });
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal(
      'm.json: nothing to repair\nm.json:1:3: client_name: must not be blank [blank]\nm.json: 1 issue and 0 warnings left (general profile)\n',
    );
  });

  it('reports a file it cannot read as validate does (stderr, exit 1), and usage errors with exit 2', () => {
    const missing = runCli(['fix', 'missing.json'], { cwd: dir });
    expect(missing.status).to.equal(1);
    expect(missing.stdout).to.equal('');
    expect(missing.stderr).to.equal('missing.json: file not found [file_not_found]\n');
    for (const args of [['fix'], ['fix', 'a.json', 'b.json'], ['fix', '-'], ['fix', '--profile', 'nope', 'a.json']]) {
      const run = runCli(args, { cwd: dir });
      expect(run.status, args.join(' ')).to.equal(2);
      expect(run.stderr, args.join(' ')).to.match(/^lp-app-manifest: /);
    }
  });

  it('a text that is not JSON and cannot be repaired stays an error, placed as validate places it', () => {
    const file = write('m.json', '{ "client_name": "Acme" "enabled": true }');
    const run = runCli(['fix', file], { cwd: dir });
    expect(run.status).to.equal(1);
    expect(run.stdout).to.include('m.json:1:25: not valid JSON: expected "," or "}" at line 1, column 25 [invalid_json]');
  });

  it('is listed in --help', () => {
    const help = runCli(['--help']);
    expect(help.stdout).to.match(/\n {2}fix +repair the mechanical mistakes in a manifest file\n/);
  });
});
