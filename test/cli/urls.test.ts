/**
 * URLs as written, through the CLI: the examples of the rules (test/validate/urls.test.ts has
 * them at every field) fail `validate` with their code, and the documented template passes with
 * a warning per placeholder endpoint.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, runCli, useTempDir } from './helpers.js';

interface Report {
  readonly files: readonly {
    readonly issues: readonly { code: string; path: string }[];
    readonly warnings: readonly { code: string; path: string }[];
  }[];
}

describe('lp-app-manifest validate: URLs as written', () => {
  requireBuiltCli();
  const dir = useTempDir();

  function validateJson(name: string, manifest: unknown): { status: number | null; report: Report } {
    const file = join(dir(), name);
    writeFileSync(file, JSON.stringify(manifest, null, 2));
    const run = runCli(['validate', '--format', 'json', file]);
    return { status: run.status, report: JSON.parse(run.stdout) as Report };
  }

  const withEndpoint = (endpoint: string) => ({
    client_name: 'Acme',
    capabilities: { webhooks: { 'cqm.ExConversationChangeNotification': { endpoint } } },
  });
  const ENDPOINT = 'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint';

  for (const [name, manifest, code, path] of [
    [
      'a backslash before "@" in a redirect URI',
      { client_name: 'Acme', redirect_uris: ['https://evil.example.com\\@apps.example.com/cb'] },
      'url_has_credentials',
      'redirect_uris[0]',
    ],
    ['an unfilled placeholder', withEndpoint('https://{domain}/event/ContentEvent'), 'url_placeholder', ENDPOINT],
    ['an upper-case scheme', withEndpoint('HTTPS://hooks.example.com/lp'), 'url_scheme_not_lower_case', ENDPOINT],
    ['a host read as another', withEndpoint('https://0x7f.1/lp'), 'url_host_mismatch', ENDPOINT],
    ['a non-ASCII host', { client_name: 'Acme', entry_uri: 'https://bücher.example/launch' }, 'url_not_ascii', 'entry_uri'],
    ['a scheme written twice', withEndpoint('https://http://hooks.acme-corp.com/lp'), 'url_scheme_repeated', ENDPOINT],
    ['an angle-bracket placeholder', withEndpoint('https://<your-domain>/webhook'), 'url_placeholder', ENDPOINT],
  ] as const) {
    it(`${name}: exit 1, ${code} at ${path}`, () => {
      const { status, report } = validateJson('manifest.json', manifest);
      expect(status).to.equal(1);
      expect(report.files[0]!.issues.map((issue) => [issue.code, issue.path])).to.deep.equal([[code, path]]);
    });
  }

  it('"https://" + "a.".repeat(100000) + "!": exit 1 with the host and the length, at once', () => {
    const { status, report } = validateJson('long.json', withEndpoint(`https://${'a.'.repeat(100_000)}!`));
    expect(status).to.equal(1);
    expect(report.files[0]!.issues.map((issue) => issue.code)).to.have.members(['url_too_long', 'url_invalid_host']);
  });

  it('a single-label endpoint host: exit 0, with a warning', () => {
    const { status, report } = validateJson('single.json', withEndpoint('https://your/webhooks/endpoint'));
    expect(status).to.equal(0);
    expect(report.files[0]!.warnings.map((warning) => [warning.code, warning.path])).to.deep.equal([
      ['single_label_host', ENDPOINT],
    ]);
  });

  it('a fragment in an endpoint: exit 0, a warning at the line and column of the endpoint that names the URL requested', () => {
    const file = join(dir(), 'fragment.json');
    writeFileSync(file, JSON.stringify(withEndpoint('https://hooks.example.com/foo?query=123#ct=1000'), null, 2));
    const run = runCli(['validate', file]);
    expect(run.status).to.equal(0);
    // JSON.stringify(…, null, 2) puts "endpoint" on line 6, column 9.
    expect(run.stdout).to.contain(
      `${file}:6:9: warning: ${ENDPOINT}: has a fragment ("#…"), which is never sent in a request (RFC 3986 §3.5): LivePerson will request "https://hooks.example.com/foo?…" with the query as written (not shown: a query may hold a key)`,
    );
    expect(run.stdout).not.to.contain('query=123');
    expect(run.stdout).to.contain('[endpoint_has_fragment]');
  });
});
