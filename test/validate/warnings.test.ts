import { expect } from 'chai';
import { ManifestBuilder, ManifestValidationError, validateManifest } from '../../src/index.js';
import {
  ACCEPT_STATUS,
  CONTENT,
  CONTENT_PATH,
  expectIssue,
  expectValid,
  minimal,
  minimalWith,
  PROFILES_UNDER_TEST,
  RICH_CONTENT,
  template,
  templateWith,
  warningsOf,
  withValue,
  type Json,
} from './helpers.js';

const RETRY = ['capabilities', 'webhooks', 'retry'] as const;
const ENDPOINT = 'https://hooks.example.com/lp';

/** A general manifest whose ContentEvent webhook has this `max_retries`, with or without a retention time. */
function retries(maxRetries: number, retentionTime?: number): Json {
  const manifest = minimalWith(['capabilities', 'webhooks', CONTENT], { endpoint: ENDPOINT, max_retries: maxRetries });
  return retentionTime === undefined ? manifest : withValue(manifest, RETRY, { retention_time: retentionTime });
}

describe('validateManifest: warnings', () => {
  describe('max_retries while retry.retention_time is set', () => {
    it('warns at the max_retries of the webhook', () => {
      const { warnings } = expectValid(retries(3, 3600));
      expect(warnings.map(({ code, path, severity }) => ({ code, path, severity }))).to.deep.equal([
        { code: 'max_retries_with_retention', path: `${CONTENT_PATH}.max_retries`, severity: 'warning' },
      ]);
      expect(warnings[0]?.segments).to.deep.equal(['capabilities', 'webhooks', CONTENT, 'max_retries']);
    });

    it('warns for every webhook with max_retries above 0 (the connector template has three)', () => {
      expect(warningsOf(templateWith(RETRY, { retention_time: 60 }), 'connector')).to.have.deep.members([
        { code: 'max_retries_with_retention', path: `capabilities.webhooks["${CONTENT}"].max_retries` },
        { code: 'max_retries_with_retention', path: `capabilities.webhooks["${RICH_CONTENT}"].max_retries` },
        { code: 'max_retries_with_retention', path: `capabilities.webhooks["${ACCEPT_STATUS}"].max_retries` },
      ]);
    });

    it('does not warn for max_retries: 0, the opt-out from the retry policy', () => {
      expect(warningsOf(retries(0, 3600))).to.deep.equal([]);
    });

    it('does not warn without a retry policy', () => {
      expect(warningsOf(retries(5))).to.deep.equal([]);
      expect(warningsOf(template(), 'connector')).to.deep.equal([]);
    });

    it('does not warn when retry has no retention_time (that is an error of its own)', () => {
      const result = validateManifest(withValue(retries(3), RETRY, {}));
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.issues.map(({ code, path }) => ({ code, path }))).to.deep.equal([
        { code: 'required', path: 'capabilities.webhooks.retry.retention_time' },
      ]);
      expect(result.warnings).to.deep.equal([]);
    });
  });

  describe('OAuth consistency (RFC 7591 §2.1)', () => {
    it('warns when response_types has "code" but grant_types lacks "authorization_code"', () => {
      expect(warningsOf({ ...minimal(), response_types: ['code'], grant_types: ['client_credentials'] })).to.deep.equal([
        { code: 'code_without_authorization_code', path: 'response_types' },
      ]);
    });

    it('warns the same when grant_types is absent', () => {
      expect(warningsOf({ ...minimal(), response_types: ['token', 'code'] })).to.deep.equal([
        { code: 'code_without_authorization_code', path: 'response_types' },
      ]);
    });

    it('warns when grant_types has "authorization_code" but there are no redirect_uris', () => {
      expect(warningsOf({ ...minimal(), grant_types: ['authorization_code'] })).to.deep.equal([
        { code: 'authorization_code_without_redirect_uris', path: 'grant_types' },
      ]);
    });

    it('warns the same when redirect_uris is empty', () => {
      expect(warningsOf({ ...minimal(), grant_types: ['authorization_code'], redirect_uris: [] })).to.deep.equal([
        { code: 'authorization_code_without_redirect_uris', path: 'grant_types' },
      ]);
    });

    it('does not warn when code, authorization_code and redirect_uris go together', () => {
      const manifest = {
        ...minimal(),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['https://app.example.com/cb'],
      };
      expect(warningsOf(manifest)).to.deep.equal([]);
    });

    it('does not warn for response types other than code', () => {
      expect(warningsOf({ ...minimal(), response_types: ['token', 'id_token'] })).to.deep.equal([]);
    });

    it('warns in the connector profile too', () => {
      expect(warningsOf(templateWith(['response_types'], ['code']), 'connector')).to.deep.equal([
        { code: 'code_without_authorization_code', path: 'response_types' },
      ]);
    });
  });

  describe('a webhook endpoint LivePerson cannot reach', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      describe(`in the ${profile} profile`, () => {
        const withEndpoint = (endpoint: string): Json =>
          withValue(profile === 'connector' ? template() : minimal(), ['capabilities', 'webhooks', CONTENT], { endpoint });

        for (const [endpoint, host] of [
          ['https://localhost/lp', 'localhost'],
          ['https://LOCALHOST:8443/lp', 'localhost'],
          ['https://localhost./lp', 'localhost.'],
          ['https://127.0.0.1/lp', '127.0.0.1'],
          ['https://127.10.20.30:8443/lp', '127.10.20.30'],
          ['https://10.0.0.1/lp', '10.0.0.1'],
          ['https://10.255.255.255/lp', '10.255.255.255'],
          ['https://172.16.0.1/lp', '172.16.0.1'],
          ['https://172.20.1.1/lp', '172.20.1.1'],
          ['https://172.31.255.255/lp', '172.31.255.255'],
          ['https://192.168.1.10/lp', '192.168.1.10'],
          ['https://[::1]/lp', '[::1]'],
          ['https://[::1]:8443/lp', '[::1]'],
          ['https://printer.local/lp', 'printer.local'],
          ['https://hooks.office.LOCAL/lp', 'hooks.office.local'],
          ['https://printer.local./lp', 'printer.local.'],
          // beyond SPEC.md's list: unspecified, link-local, CGNAT, IPv6 unique-local and link-local, IPv4-mapped
          ['https://0.0.0.0/lp', '0.0.0.0'],
          ['https://[::]/lp', '[::]'],
          ['https://169.254.169.254/latest/meta-data', '169.254.169.254'],
          ['https://100.64.0.1/lp', '100.64.0.1'],
          ['https://100.127.255.254/lp', '100.127.255.254'],
          ['https://[fd12:3456::1]/lp', '[fd12:3456::1]'],
          ['https://[fc00::1]/lp', '[fc00::1]'],
          ['https://[fe80::1]/lp', '[fe80::1]'],
          ['https://[febf::1]/lp', '[febf::1]'],
          ['https://[::ffff:7f00:1]/lp', '[::ffff:7f00:1]'],
          ['https://[::ffff:a01:203]/lp', '[::ffff:a01:203]'],
          ['https://[::FFFF:C0A8:1]/lp', '[::ffff:c0a8:1]'],
          ['https://[::ffff:ac10:1]/lp', '[::ffff:ac10:1]'],
        ] as const) {
          it(`warns for ${endpoint}`, () => {
            const { warnings } = expectValid(withEndpoint(endpoint), profile);
            expect(warnings.map(({ code, path }) => ({ code, path }))).to.deep.equal([
              { code: 'unreachable_endpoint_host', path: `${CONTENT_PATH}.endpoint` },
            ]);
            expect(warnings[0]?.message).to.contain(JSON.stringify(host));
          });
        }

        for (const endpoint of [
          'https://172.15.0.1/lp',
          'https://172.32.0.1/lp',
          'https://192.169.0.1/lp',
          'https://11.0.0.1/lp',
          'https://128.0.0.1/lp',
          'https://hooks.example.com/lp',
          'https://localhost.example.com/lp',
          'https://local.example.com/lp',
          'https://10.example.com/lp',
          'https://hooks.mylocal/lp',
          'https://[2001:db8::1]/lp',
          'https://100.63.255.255/lp',
          'https://100.128.0.1/lp',
          'https://169.255.0.1/lp',
          'https://1.0.0.1/lp',
          'https://223.255.255.255/lp',
          'https://internal.example.com/lp',
          'https://[fec0::1]/lp',
          'https://[fb00::1]/lp',
          'https://[::ffff:808:808]/lp',
          'https://[::ffff:ac20:1]/lp',
        ]) {
          it(`does not warn for ${endpoint}`, () => {
            expect(warningsOf(withEndpoint(endpoint), profile)).to.deep.equal([]);
          });
        }

        // Every spelling of an IPv6 address is that address (RFC 4291 §2.2): warned about as the parser writes it.
        for (const [endpoint, host] of [
          ['https://[0:0:0:0:0:0:0:1]:8443/lp', '[::1]'],
          ['https://[::ffff:127.0.0.1]/lp', '[::ffff:7f00:1]'],
          ['https://[::ffff:10.1.2.3]/lp', '[::ffff:a01:203]'],
        ] as const) {
          it(`warns on ${endpoint}, naming ${host}`, () => {
            const { warnings } = expectValid(withEndpoint(endpoint), profile);
            expect(warnings.map((w) => [w.code, w.params])).to.deep.equal([['unreachable_endpoint_host', { host }]]);
          });
        }

        // Other spellings of IPv4 addresses are errors (not the host as written), whose message names the host to write.
        for (const [endpoint, host] of [['https://0x7f.1/lp', '127.0.0.1']] as const) {
          it(`rejects ${endpoint}, naming ${host}, which is then warned about`, () => {
            const issue = expectIssue(withEndpoint(endpoint), profile, 'url_host_mismatch', `${CONTENT_PATH}.endpoint`);
            expect(issue.message).to.contain(`write ${JSON.stringify(host)}`);
            const fixed = endpoint.replace(/^https:\/\/(\[[^\]]*\]|[^/:]*)/, `https://${host}`);
            expect(warningsOf(withEndpoint(fixed), profile).map((w) => w.code)).to.deep.equal(['unreachable_endpoint_host']);
          });
        }
      });
    }
  });

  describe('never fail validation or build()', () => {
    const everyWarning = (): Json => ({
      ...retries(3, 3600),
      capabilities: {
        webhooks: { [CONTENT]: { endpoint: 'https://localhost/lp', max_retries: 3 }, retry: { retention_time: 3600 } },
      },
      grant_types: ['authorization_code'],
      response_types: ['code', 'token'],
    });

    it('come back with ok: true, all of them at once', () => {
      const result = validateManifest(everyWarning());
      expect(result.ok).to.equal(true);
      expect(result.warnings.map(({ code }) => code)).to.have.members([
        'max_retries_with_retention',
        'authorization_code_without_redirect_uris',
        'unreachable_endpoint_host',
      ]);
      for (const warning of result.warnings) expect(warning.severity).to.equal('warning');
    });

    it('come back beside errors, and never among them', () => {
      const result = validateManifest({ ...everyWarning(), client_name: '' });
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.issues.map(({ code, path }) => ({ code, path }))).to.deep.equal([{ code: 'blank', path: 'client_name' }]);
      expect(result.warnings).to.have.length(3);
    });

    it('do not make ManifestBuilder.build() throw (general)', () => {
      const builder = ManifestBuilder.general()
        .clientName('Acme')
        .grantTypes('authorization_code')
        .responseTypes('code', 'token')
        .webhook(CONTENT, 'https://192.168.1.10/lp', { maxRetries: 3 })
        .retryRetention(3600);
      expect(builder.validate().warnings.map(({ code }) => code)).to.have.members([
        'max_retries_with_retention',
        'authorization_code_without_redirect_uris',
        'unreachable_endpoint_host',
      ]);
      const manifest = builder.build();
      expect(manifest.client_name).to.equal('Acme');
    });

    it('do not make ManifestBuilder.build() throw (connector)', () => {
      const builder = ManifestBuilder.connector()
        .clientName('Acme')
        .webhook(CONTENT, 'https://printer.local/lp', { maxRetries: 2 })
        .retryRetention(60);
      expect(builder.validate().warnings.map(({ code }) => code)).to.have.members([
        'unreachable_endpoint_host',
        'max_retries_with_retention',
      ]);
      expect(() => builder.build()).not.to.throw();
    });

    it('are carried by the ManifestValidationError when build() fails for another reason', () => {
      const builder = ManifestBuilder.general().clientName(' ').webhook(CONTENT, 'https://localhost/lp');
      expect(() => builder.build()).to.throw(ManifestValidationError);
      try {
        builder.build();
      } catch (error) {
        if (!(error instanceof ManifestValidationError)) throw error;
        expect(error.issues.map(({ code }) => code)).to.deep.equal(['blank']);
        expect(error.warnings.map(({ code }) => code)).to.deep.equal(['unreachable_endpoint_host']);
      }
    });
  });

  describe('text left from a template (template_leftover)', () => {
    const leftovers = (value: unknown, profile: 'general' | 'connector' = 'general') =>
      expectValid(value, profile)
        .warnings.filter(({ code }) => code === 'template_leftover')
        .map(({ path, params }) => ({ path, params }));

    for (const [endpoint, host] of [
      ['https://your-domain.com/webhook', 'your-domain.com'],
      ['https://YOUR-APP.example.com/', 'your-app.example.com'],
      ['https://hooks.your-company.example/lp', 'hooks.your-company.example'],
      ['https://Your-Host.example.com:8443/lp?x=1', 'your-host.example.com'],
    ]) {
      it(`warns on the host of ${endpoint}: a label starting "your-"`, () => {
        expect(leftovers(minimalWith(['capabilities', 'webhooks', CONTENT], { endpoint }))).to.deep.equal([
          { path: `${CONTENT_PATH}.endpoint`, params: { kind: 'host', value: host, origin: 'your_label' } },
        ]);
      });
    }

    it('warns on the host that init writes, in every URL field the rules tree has (endpoint, entry_uri, redirect_uris, logo_uri)', () => {
      const value = {
        ...minimalWith(['capabilities', 'webhooks', CONTENT], { endpoint: 'https://example.com/lp/webhooks/content' }),
        entry_uri: 'https://example.com./sso',
        redirect_uris: ['https://hooks.example.com/cb', 'https://your-app.example.net/cb'],
        logo_uri: 'https://EXAMPLE.com/logo.png',
      };
      expect(leftovers(value)).to.deep.equal([
        { path: 'redirect_uris[1]', params: { kind: 'host', value: 'your-app.example.net', origin: 'your_label' } },
        { path: 'logo_uri', params: { kind: 'host', value: 'example.com', origin: 'init_starter' } },
        { path: 'entry_uri', params: { kind: 'host', value: 'example.com.', origin: 'init_starter' } },
        { path: `${CONTENT_PATH}.endpoint`, params: { kind: 'host', value: 'example.com', origin: 'init_starter' } },
      ]);
    });

    for (const endpoint of [
      'https://hooks.example.com/lp',
      'https://yourdomain.com/lp',
      'https://my-your-app.com/lp',
      'https://example.com.evil.test/lp',
      'https://hooks.example.com/your-domain/lp',
      'https://hooks.example.com/lp?host=your-domain.com',
    ]) {
      it(`does not warn on ${endpoint}`, () => {
        expect(leftovers(minimalWith(['capabilities', 'webhooks', CONTENT], { endpoint }))).to.deep.equal([]);
      });
    }

    for (const [key, text, origin] of [
      ['client_name', 'App name', 'liveperson_template'],
      ['description', 'App description', 'liveperson_template'],
      ['client_name', 'My First LE-App', 'liveperson_template'],
      ['description', 'This is my first LE-App', 'liveperson_template'],
      ['client_name', '  app NAME ', 'liveperson_template'],
      ['client_name', 'My App', 'init_starter'],
      ['client_name', 'My Connector', 'init_starter'],
      ['description', 'What the app does, in a sentence', 'init_starter'],
      ['description', 'What the connector does, in a sentence', 'init_starter'],
      ['client_name', '{Your App Name}', 'placeholder'],
      ['description', '{ describe your app here }', 'placeholder'],
      ['client_name', '<app name>', 'placeholder'],
      ['client_name#fr', 'App name', 'liveperson_template'],
    ] as const) {
      it(`warns on ${key} ${JSON.stringify(text)} (${origin})`, () => {
        const path = key.includes('#') ? `["${key}"]` : key;
        expect(leftovers({ ...minimal(), [key]: text })).to.deep.equal([{ path, params: { kind: 'text', value: text, origin } }]);
      });
    }

    for (const text of ['Acme App', 'My App for Acme', 'The {best} app', 'App name and more', '{a} {b}']) {
      it(`does not warn on the name ${JSON.stringify(text)}`, () => {
        expect(leftovers(minimalWith(['client_name'], text))).to.deep.equal([]);
      });
    }

    it("warns on LivePerson's documented template, which stays valid, and on every placeholder of init's starter", () => {
      const starter = ManifestBuilder.connector()
        .clientName('My Connector')
        .description('What the connector does, in a sentence');
      const built = starter.webhook(CONTENT, 'https://example.com/lp/webhooks/content').toTemplate();
      expect(leftovers(built, 'connector').map(({ path }) => path)).to.deep.equal([
        'client_name',
        'description',
        `${CONTENT_PATH}.endpoint`,
      ]);
    });
  });

  describe('a connector with no webhook (connector_without_webhooks)', () => {
    const noWebhooks: [string, Json, string, string][] = [
      ['no capabilities', withValue(template(), ['capabilities'], undefined), 'capabilities', 'capabilities'],
      [
        'capabilities without webhooks',
        withValue(template(), ['capabilities', 'webhooks'], undefined),
        'capabilities.webhooks',
        'webhooks',
      ],
      [
        'webhooks with only retry',
        withValue(template(), ['capabilities', 'webhooks'], { retry: { retention_time: 60 } }),
        'capabilities.webhooks',
        'events',
      ],
      ['an empty webhooks object', withValue(template(), ['capabilities', 'webhooks'], {}), 'capabilities.webhooks', 'events'],
    ];
    for (const [what, value, path, missing] of noWebhooks) {
      it(`warns in the connector profile on ${what}, and not in the general one`, () => {
        const stripped = JSON.parse(JSON.stringify(value)) as Json;
        const { warnings } = expectValid(stripped, 'connector');
        expect(warnings.map(({ code, path: at, params }) => ({ code, path: at, params }))).to.deep.equal([
          { code: 'connector_without_webhooks', path, params: { missing } },
        ]);
        expect(warnings[0]?.message).to.contain('a Connector API app receives nothing without a webhook');
        expect(warningsOf(stripped, 'general')).to.deep.equal([]);
      });
    }

    it('does not warn on a connector with one webhook', () => {
      expect(
        warningsOf(withValue(template(), ['capabilities', 'webhooks'], { [CONTENT]: { endpoint: ENDPOINT } }), 'connector'),
      ).to.deep.equal([]);
    });

    it("warns on the builder's connector with no webhook (build() still succeeds)", () => {
      const built = ManifestBuilder.connector().clientName('Acme').build();
      const { warnings } = expectValid(built, 'connector');
      expect(warnings.map(({ code }) => code)).to.deep.equal(['connector_without_webhooks']);
    });
  });
});
