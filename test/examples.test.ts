import { expect } from 'chai';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateManifest } from '../src/index.js';
import { connectorTemplate } from './helpers/fixtures.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, 'examples');

/** Runs an example the way a user would (through tsx, importing the built package). */
function runExample(
  file: string,
  options: { env?: Record<string, string>; args?: string[]; cwd?: string } = {},
): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], ...options.env };
  return spawnSync(process.execPath, ['--import', 'tsx', join(examples, file), ...(options.args ?? [])], {
    cwd: options.cwd ?? root,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('examples/', () => {
  before(() => {
    if (!existsSync(join(root, 'dist', 'index.js')))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  });

  it('has a test for every example file', () => {
    expect(
      readdirSync(examples)
        .filter((f) => f.endsWith('.ts'))
        .sort(),
    ).to.deep.equal(['connector.ts', 'deploy-script.ts', 'general-app.ts']);
  });

  it('connector.ts prints exactly the documented template, and its placeholders (endpoints, name, description) as warnings on stderr', () => {
    const run = runExample('connector.ts');
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.equal(`${JSON.stringify(connectorTemplate(), null, 2)}\n`);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: capabilities.webhooks['));
    expect(warnings).to.have.length(5);
    expect(warnings[0]).to.contain('"your"');
    expect(run.stderr.split('\n').filter((line) => line.endsWith("replace it with your app's own text"))).to.deep.equal([
      'warning: client_name: "App name" is the placeholder text of LivePerson\'s documented template: replace it with your app\'s own text',
      'warning: description: "App description" is the placeholder text of LivePerson\'s documented template: replace it with your app\'s own text',
    ]);
  });

  it('general-app.ts prints a manifest that validates under the general profile', () => {
    const run = runExample('general-app.ts');
    expect(run.status, run.stderr).to.equal(0);
    const result = validateManifest(JSON.parse(run.stdout) as unknown, { profile: 'general' });
    expect(result.ok).to.equal(true);
    // the loopback redirect URI is allowed, and nothing in it deserves a warning
    expect(run.stderr).to.equal('');
  });

  describe('deploy-script.ts', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'lp-deploy-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes a valid connector manifest from environment variables', () => {
      const out = join(dir, 'manifest.json');
      const run = runExample('deploy-script.ts', {
        args: [out],
        env: {
          LP_ENV: 'production',
          LP_CONTENT_URL: 'https://hooks.acme.com/lp/content',
          LP_CONVERSATION_URL: 'https://hooks.acme.com/lp/conversations',
          LP_WEBHOOK_TOKEN: 'tok-123',
        },
      });
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.contain(`Wrote ${out} (production)`);
      const manifest = JSON.parse(readFileSync(out, 'utf8')) as unknown;
      const result = validateManifest(manifest, { profile: 'connector' });
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(result.manifest.client_name).to.equal('Acme Connector');
      expect(result.manifest.capabilities?.webhooks?.retry).to.deep.equal({ retention_time: 3600 });
      expect(readdirSync(dir)).to.deep.equal(['manifest.json']);
      expect(statSync(out).mode & 0o777).to.equal(0o600);
    });

    it('exits 1 listing every problem, writes nothing, and never prints the token', () => {
      const out = join(dir, 'manifest.json');
      const run = runExample('deploy-script.ts', {
        args: [out],
        env: {
          LP_CONTENT_URL: 'http://hooks.acme.com/lp',
          LP_CONVERSATION_URL: 'https://hooks.acme.com/lp/conversations',
          LP_WEBHOOK_TOKEN: 'tok-SECRET\r\nX-Evil: 1',
        },
      });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.contain('Cannot write');
      expect(run.stderr).to.contain(
        'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].endpoint: must start with "https://" (from LP_CONTENT_URL) [url_not_https]',
      );
      expect(run.stderr).to.match(
        /capabilities\.webhooks\["cqm\.ExConversationChangeNotification"\]\.headers\[0\]\.header_value: .*\(from LP_WEBHOOK_TOKEN\) \[header_value_control_character\]/,
      );
      expect(run.stderr + run.stdout).to.not.contain('SECRET');
      expect(readdirSync(dir)).to.deep.equal([]);
    });

    it('names every unset variable, and an empty secret, at once', () => {
      const run = runExample('deploy-script.ts', {
        args: [join(dir, 'm.json')],
        env: { LP_CONTENT_URL: 'https://a.example/x', LP_WEBHOOK_TOKEN: '' },
      });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.contain(
        'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint: the variable LP_CONVERSATION_URL (placeholder ${{ LP_CONVERSATION_URL }}) is not set',
      );
      expect(run.stderr).to.contain('the variable LP_WEBHOOK_TOKEN (placeholder ${{ LP_WEBHOOK_TOKEN }}) is set but empty');
      expect(readdirSync(dir)).to.deep.equal([]);
    });

    it('treats a warning as a failure (an endpoint LivePerson cannot reach)', () => {
      const run = runExample('deploy-script.ts', {
        args: [join(dir, 'm.json')],
        env: {
          LP_CONTENT_URL: 'https://localhost/lp',
          LP_CONVERSATION_URL: 'https://hooks.acme.com/c',
          LP_WEBHOOK_TOKEN: 'tok-123',
        },
      });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.contain('⚠ capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].endpoint');
      expect(run.stderr).to.contain('[unreachable_endpoint_host]');
      expect(readdirSync(dir)).to.deep.equal([]);
    });
  });
});
