/**
 * Manifest templates on the command line: `${{ NAME }}` placeholders filled
 * from the environment and `--dotenv` files, by `validate` and `build`.
 */
import { expect } from 'chai';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanEnvLines } from '../../src/cli/dotenv.js';
import { validateManifest } from '../../src/index.js';
import { lines, requireBuiltCli, runCli, useTempDir } from './helpers.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/template/', import.meta.url));
const CONTENT = 'ms.MessagingEventNotification.ContentEvent';
/** Unset in every run, whatever the test runner's own environment holds. */
const CLEAN = { LP_APP_NAME: undefined, LP_HOOKS_HOST: undefined, LP_WEBHOOK_TOKEN: undefined, LP_CONTENT_URL: undefined };

describe('CLI: templates and --dotenv', () => {
  const dir = useTempDir();
  before(requireBuiltCli);

  const copyExample = (): string => {
    cpSync(EXAMPLE, dir(), { recursive: true });
    return dir();
  };
  const write = (name: string, text: string): string => {
    writeFileSync(join(dir(), name), text);
    return name;
  };

  it('builds the example template for two environments from two .env files', () => {
    const cwd = copyExample();
    for (const [environment, host, name] of [
      ['staging', 'staging-hooks.acme.com', 'Acme Connector (staging)'],
      ['production', 'hooks.acme.com', 'Acme Connector'],
    ] as const) {
      const out = `manifest.${environment}.json`;
      const run = runCli(['build', 'manifest.template.json', '--dotenv', `.env.${environment}`, '--out', out], {
        cwd,
        env: { ...CLEAN, LP_WEBHOOK_TOKEN: `tok-${environment}` },
      });
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stderr).to.contain(`${out}: written with mode 0600 (owner only): it holds the header value of LP_WEBHOOK_TOKEN`);
      expect(run.stderr).to.not.contain(`tok-${environment}`);
      expect(statSync(join(cwd, out)).mode & 0o777).to.equal(0o600);
      const manifest = JSON.parse(readFileSync(join(cwd, out), 'utf8')) as unknown;
      const result = validateManifest(manifest, { profile: 'connector' });
      expect(result.ok).to.equal(true);
      if (!result.ok) continue;
      expect(result.manifest.client_name).to.equal(name);
      expect(result.manifest.capabilities?.webhooks?.[CONTENT]?.endpoint).to.equal(`https://${host}/lp/content`);
      expect(result.manifest.capabilities?.webhooks?.[CONTENT]?.headers?.[0]?.header_value).to.equal(`tok-${environment}`);
    }
  });

  it('reports every unset variable at once, at its line, beside a manifest error, and writes nothing', () => {
    const template = write(
      'two-missing.json',
      JSON.stringify(
        {
          client_name: '${{ LP_APP_NAME }}',
          description: 'x'.repeat(300),
          capabilities: { webhooks: { [CONTENT]: { endpoint: '${{ LP_CONTENT_URL }}' } } },
        },
        null,
        2,
      ),
    );
    const run = runCli(['build', template, '--out', 'out.json'], { cwd: dir(), env: CLEAN });
    expect(run.status).to.equal(1);
    const reported = lines(run.stderr);
    expect(reported.filter((line) => line.includes('[unresolved_placeholder]'))).to.have.length(2);
    expect(run.stderr).to.match(/two-missing\.json:2:3: client_name: the variable LP_APP_NAME .* is not set/);
    expect(run.stderr).to.contain('LP_CONTENT_URL');
    expect(run.stderr).to.contain('[too_long]');
    expect(existsSync(join(dir(), 'out.json'))).to.equal(false);
  });

  it('an empty variable is unset, except in description', () => {
    const template = write(
      'empty.json',
      JSON.stringify({ client_name: '${{ LP_APP_NAME }}', description: '${{ LP_DESCRIPTION }}' }),
    );
    const run = runCli(['validate', template], { cwd: dir(), env: { ...CLEAN, LP_APP_NAME: '', LP_DESCRIPTION: '' } });
    expect(run.status).to.equal(1);
    expect(run.stdout).to.contain('client_name: the variable LP_APP_NAME (placeholder ${{ LP_APP_NAME }}) is set but empty');
    expect(run.stdout).to.not.contain('LP_DESCRIPTION');
  });

  it('validates a value where it lands and names its variable: http:// in a URL, a placeholder inside a URL', () => {
    const template = write(
      'url.json',
      JSON.stringify({ client_name: 'Acme', capabilities: { webhooks: { [CONTENT]: { endpoint: '${{ LP_CONTENT_URL }}' } } } }),
    );
    const run = runCli(['validate', template], { cwd: dir(), env: { ...CLEAN, LP_CONTENT_URL: 'http://hooks.acme.com/lp' } });
    expect(run.status).to.equal(1);
    expect(run.stdout).to.contain(
      `capabilities.webhooks["${CONTENT}"].endpoint: must start with "https://" (from LP_CONTENT_URL) [url_not_https]`,
    );
    const inside = write(
      'inside.json',
      JSON.stringify({ client_name: 'Acme', entry_uri: 'https://${{ LP_HOOKS_HOST }}/launch' }),
    );
    const ok = runCli(['validate', inside], { cwd: dir(), env: { ...CLEAN, LP_HOOKS_HOST: 'apps.acme.com' } });
    expect(ok.status, ok.stdout).to.equal(0);
    const bad = runCli(['validate', inside], { cwd: dir(), env: { ...CLEAN, LP_HOOKS_HOST: 'apps acme' } });
    expect(bad.status).to.equal(1);
    expect(bad.stdout).to.contain('(from LP_HOOKS_HOST)');
  });

  it('never shows a secret with CR/LF that lands in a header value', () => {
    const cwd = copyExample();
    const run = runCli(['build', 'manifest.template.json', '--dotenv', '.env.production'], {
      cwd,
      env: { ...CLEAN, LP_WEBHOOK_TOKEN: 'tok-SECRET\r\nX-Evil: 1' },
    });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('(from LP_WEBHOOK_TOKEN) [header_value_control_character]');
    expect(run.stdout + run.stderr).to.not.contain('SECRET');
    const json = runCli(['validate', '--format', 'json', '--dotenv', '.env.production', 'manifest.template.json'], {
      cwd,
      env: { ...CLEAN, LP_WEBHOOK_TOKEN: 'tok-SECRET\r\nX-Evil: 1' },
    });
    expect(json.status).to.equal(1);
    expect(json.stdout).to.contain('header_value_control_character');
    expect(json.stdout + json.stderr).to.not.contain('SECRET');
  });

  it('writes any manifest with a header value with mode 0600, wherever the value came from', () => {
    const manifest = write(
      'plain-secret.json',
      JSON.stringify({
        client_name: 'Acme',
        capabilities: {
          webhooks: {
            [CONTENT]: { endpoint: 'https://hooks.acme.com/lp', headers: [{ header_name: 'X-T', header_value: 'tok-plain' }] },
          },
        },
      }),
    );
    const run = runCli(['build', manifest, '--out', 'plain.json'], { cwd: dir(), env: CLEAN });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.contain('plain.json: written with mode 0600 (owner only): it holds webhook header values');
    expect(run.stderr).to.not.contain('tok-plain');
    expect(statSync(join(dir(), 'plain.json')).mode & 0o777).to.equal(0o600);
    const none = write('no-secret.json', JSON.stringify({ client_name: 'Acme' }));
    const plain = runCli(['build', none, '--out', 'none.json'], { cwd: dir(), env: CLEAN });
    expect(plain.status, plain.stderr).to.equal(0);
    expect(plain.stderr).to.equal('');
  });

  it('writes a literal ${{ as $${{', () => {
    const template = write(
      'literal.json',
      JSON.stringify({ client_name: 'Acme', description: 'Uses $${{ NAME }} in its own templates' }),
    );
    const run = runCli(['build', template], { cwd: dir(), env: CLEAN });
    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout)).to.deep.equal({ client_name: 'Acme', description: 'Uses ${{ NAME }} in its own templates' });
  });

  it('--dotenv: later files win, and the environment wins over files', () => {
    const first = write('first.env', 'LP_APP_NAME=first\nLP_HOOKS_HOST=first.example.com\n');
    const second = write('second.env', 'LP_APP_NAME=second\n');
    const template = write(
      'order.json',
      JSON.stringify({ client_name: '${{ LP_APP_NAME }}', entry_uri: 'https://${{ LP_HOOKS_HOST }}/x' }),
    );
    const files = runCli(['build', template, '--dotenv', first, '--dotenv', second], { cwd: dir(), env: CLEAN });
    expect(files.status, files.stderr).to.equal(0);
    expect(JSON.parse(files.stdout)).to.deep.equal({ client_name: 'second', entry_uri: 'https://first.example.com/x' });
    const environment = runCli(['build', template, '--dotenv', first, '--dotenv', second], {
      cwd: dir(),
      env: { ...CLEAN, LP_APP_NAME: 'from-env' },
    });
    expect(JSON.parse(environment.stdout)).to.deep.equal({ client_name: 'from-env', entry_uri: 'https://first.example.com/x' });
  });

  it('--dotenv: a line that is not NAME=value is a warning at its line, its text not shown; a quoted value may span lines', () => {
    const env = write(
      'typo.env',
      '# the app\nLP_APP_NAME=Acme\nLP_TOKEN sk-SECRET-typo\nLP_NOTE="first\nsecond line\nlast"\n\nexport LP_OTHER=1\n',
    );
    const template = write('typo.json', JSON.stringify({ client_name: '${{ LP_APP_NAME }}' }));
    for (const command of ['validate', 'build']) {
      const run = runCli([command, template, '--dotenv', env], { cwd: dir(), env: CLEAN });
      expect(run.status, run.stderr).to.equal(0);
      expect(lines(run.stderr), command).to.deep.equal([
        'typo.env:3: warning: not a NAME=value line, so it was skipped (its text is not shown: it may hold a secret)',
      ]);
      expect(run.stdout + run.stderr).to.not.contain('SECRET');
    }
    expect(scanEnvLines('A=1\nB\nC="x\ny"\n  \n#c\nD').skipped).to.deep.equal([2, 7]);
  });

  it('--dotenv: a skipped line never swallows the next variable; a value cut at # is a warning at its line, its text not shown', () => {
    const env = write(
      'cut.env',
      'LP_TOKEN sk-SECRET-typo\r\nLP_APP_NAME=Acme\r\nLP_KEY=abc#SECRET-tail\r\nLP_QUOTED="x#y"\r\nLP_NOTE=plain # a comment\r\n',
    );
    const template = write(
      'cut.json',
      JSON.stringify({ client_name: '${{ LP_APP_NAME }}', description: '${{ LP_QUOTED }} ${{ LP_NOTE }}' }),
    );
    const run = runCli(['build', template, '--dotenv', env], { cwd: dir(), env: CLEAN });
    expect(run.status, run.stderr).to.equal(0);
    // Node's parser alone reads the first two lines as one variable, `LP_TOKEN sk-SECRET-typo\nLP_APP_NAME`, and leaves LP_APP_NAME unset.
    expect(JSON.parse(run.stdout)).to.deep.equal({ client_name: 'Acme', description: 'x#y plain' });
    expect(lines(run.stderr)).to.deep.equal([
      'cut.env:1: warning: not a NAME=value line, so it was skipped (its text is not shown: it may hold a secret)',
      'cut.env:3: warning: the value has a # after other text, where a .env comment starts, so it was cut there; quote the value ("…") to keep the # (its text is not shown: it may hold a secret)',
    ]);
    expect(run.stdout + run.stderr).to.not.contain('SECRET');
    expect(scanEnvLines('A=b#c\nB=#c\nC= #c\nD="b#c"\nE=b #c').cut).to.deep.equal([1]);
  });

  it('--dotenv missing or unreadable: a one-line error naming it, exit 1, nothing written', () => {
    const template = write('t.json', JSON.stringify({ client_name: 'Acme' }));
    const missing = runCli(['build', template, '--dotenv', 'nope.env', '--out', 'out.json'], { cwd: dir(), env: CLEAN });
    expect(missing.status).to.equal(1);
    expect(lines(missing.stderr)[0]).to.equal('--dotenv nope.env: file not found [file_not_found]');
    expect(existsSync(join(dir(), 'out.json'))).to.equal(false);
    const unreadable = write('locked.env', 'A=1\n');
    chmodSync(join(dir(), unreadable), 0o000);
    const locked = runCli(['validate', template, '--dotenv', unreadable], {
      cwd: dir(),
      env: CLEAN,
      unprivileged: true,
    });
    expect(locked.status).to.equal(1);
    expect(locked.stderr).to.contain('--dotenv locked.env:');
    const noValue = runCli(['validate', template, '--dotenv'], { cwd: dir(), env: CLEAN });
    expect(noValue.status).to.equal(2);
  });

  it('validate --allow-unresolved checks a template without its variables', () => {
    const cwd = copyExample();
    const run = runCli(['validate', '--allow-unresolved', 'manifest.template.json'], { cwd, env: CLEAN });
    expect(run.status, run.stdout).to.equal(0);
    expect(
      lines(run.stdout).filter((line) => line.includes('warning:') && line.includes('[unresolved_placeholder]')),
    ).to.have.length(5);
    expect(run.stdout).to.contain('manifest.template.json: valid (connector profile, from "$schema"): 5 warnings');
    const without = runCli(['validate', 'manifest.template.json'], { cwd, env: CLEAN });
    expect(without.status).to.equal(1);
    expect(readdirSync(cwd)).to.include('manifest.template.json');
  });

  it('validate --allow-unresolved --strict: a gate without secrets passes on the unset placeholders, and fails on any other warning', () => {
    const cwd = copyExample();
    // The pull-request gate: the committed .env.staging, without LP_WEBHOOK_TOKEN (a secret the gate lacks).
    const gate = ['validate', '--allow-unresolved', '--strict', '--dotenv', '.env.staging'];
    const pass = runCli([...gate, 'manifest.template.json'], { cwd, env: CLEAN });
    expect(pass.status, pass.stdout).to.equal(0);
    expect(lines(pass.stdout).filter((line) => line.includes('[unresolved_placeholder]'))).to.have.length(2);
    expect(pass.stdout).to.contain('manifest.template.json: valid (connector profile, from "$schema"): 2 warnings\n');
    expect(pass.stdout).not.to.contain('fails --strict');
    const json = runCli([...gate, '--format', 'json', 'manifest.template.json'], { cwd, env: CLEAN });
    expect(json.status).to.equal(0);
    expect((JSON.parse(json.stdout) as { summary: unknown }).summary).to.deep.include({ warnings: 2, strict: true, failed: 0 });
    const github = runCli([...gate, '--format', 'github', 'manifest.template.json'], { cwd, env: CLEAN });
    expect(github.status).to.equal(0);
    expect(
      lines(github.stdout).filter((line) => line.startsWith('::warning ') && line.includes('unresolved_placeholder')),
    ).to.have.length(2);
    expect(github.stdout).not.to.contain('::error');

    // Any other warning still fails the gate: here a private-network endpoint, beside the allowed placeholders.
    const template = JSON.parse(readFileSync(join(cwd, 'manifest.template.json'), 'utf8')) as any;
    template.capabilities.webhooks['cqm.ExConversationChangeNotification'].endpoint = 'https://10.0.0.7/lp/conversations';
    write('private.template.json', JSON.stringify(template, null, 2));
    for (const format of ['text', 'json', 'github']) {
      const fail = runCli([...gate, '--format', format, 'private.template.json'], { cwd, env: CLEAN });
      expect(fail.status, `${format}: ${fail.stdout}`).to.equal(1);
      if (format === 'text')
        expect(fail.stdout).to.contain(
          'private.template.json: valid (connector profile, from "$schema"): 3 warnings (fails --strict)',
        );
      if (format === 'json') expect((JSON.parse(fail.stdout) as { summary: unknown }).summary).to.deep.include({ failed: 1 });
      if (format === 'github') {
        expect(lines(fail.stdout).filter((line) => line.startsWith('::error '))).to.have.length(1);
        expect(lines(fail.stdout).filter((line) => line.startsWith('::warning '))).to.have.length(2);
      }
    }
    // Without --allow-unresolved, the unset secret is an error, as before.
    const strictOnly = runCli(['validate', '--strict', '--dotenv', '.env.staging', 'manifest.template.json'], {
      cwd,
      env: CLEAN,
    });
    expect(strictOnly.status).to.equal(1);
    expect(strictOnly.stdout).to.contain('manifest.template.json: invalid');
  });
});
