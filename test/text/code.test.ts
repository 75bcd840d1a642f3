/**
 * `manifestToCode`: a manifest's JSON as a module that builds it with `ManifestBuilder`. Each example
 * is compiled (one strict program for all of them) and run with its variables, and must build what
 * `validateTemplate` returns for the JSON with the same variables, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { validateTemplate, type Profile } from 'lp-app-manifest';
import { manifestFromInstallation } from 'lp-app-manifest/installations';
import { manifestToCode } from 'lp-app-manifest/text';
import { biomeFormatted, compileAndBuild, type BuiltModule } from '../helpers/generated-code.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** One example: the JSON, how it is turned into code, and the variables it is built with. */
interface Example {
  readonly name: string;
  readonly json: unknown;
  readonly profile?: Profile;
  readonly env: Readonly<Record<string, string>>;
}

const CONTENT = 'ms.MessagingEventNotification.ContentEvent';
const CONVERSATION = 'cqm.ExConversationChangeNotification';

/** A header value no code may show. */
const SECRET = 'sk_live_0123456789abcdef';

const EXAMPLES: readonly Example[] = [
  // LivePerson's pages' manifests (test/fixtures/seeds, copied byte for byte from developers.liveperson.com).
  {
    name: 'installing-liveperson-applications',
    json: fixture('seeds/page-000-installing-liveperson-applications.json'),
    env: { LP_CONTENTEVENT_NAME: 'VALUE', LP_RICHCONTENTEVENT_NAME: 'VALUE' },
  },
  {
    name: 'connector-template',
    json: fixture('seeds/page-003-app-install-manifest-for-connectors.json'),
    profile: 'connector',
    env: {},
  },
  {
    name: 'connector-getting-started',
    json: fixture('seeds/page-004-connector-api-getting-started.json'),
    profile: 'connector',
    env: {},
  },
  {
    name: 'connector-with-schema',
    json: fixture('connector-with-editor-schema.json'),
    env: {},
  },
  {
    name: 'headers',
    json: {
      client_name: 'Acme',
      capabilities: {
        webhooks: {
          [CONTENT]: {
            endpoint: 'https://hooks.acme.com/lp',
            max_retries: 2,
            headers: [
              { header_name: 'X-Api-Key', header_value: SECRET },
              { header_name: 'Authorization', header_value: '${{ LP_TOKEN }}' },
              { header_name: 'x_api_key', header_value: `Bearer ${SECRET}` },
              { header_name: 'X-Mixed', header_value: 'Bearer ${{ LP_TOKEN }}' },
              { header_name: '__proto__', header_value: 'p' },
            ],
          },
        },
      },
    },
    env: {
      LP_CONTENTEVENT_X_API_KEY: SECRET,
      LP_TOKEN: 'tok',
      LP_CONTENTEVENT_X_API_KEY_2: `Bearer ${SECRET}`,
      LP_CONTENTEVENT_X_MIXED: 'Bearer tok',
      LP_CONTENTEVENT_PROTO: 'p',
    },
  },
  {
    name: 'placeholders',
    json: {
      client_name: '${{ APP }} (staging)',
      'client_name#fr': '${{ APP_FR }}',
      description: 'Costs $${{ PRICE }}, no placeholder',
      redirect_uris: ['https://${{ HOST }}/cb', 'com.acme.app:/cb'],
      logo_uri: '${{ CDN }}/logo.png',
      entry_uri: 'https://acme.com/${{ ENTRY_PATH }}',
      capabilities: {
        webhooks: {
          [CONTENT]: { endpoint: '${{ LP_CONTENT_URL }}' },
          [CONVERSATION]: { endpoint: '${{ BASE }}/conversation' },
        },
      },
    },
    env: {
      APP: 'Acme',
      APP_FR: 'Acmé',
      HOST: 'acme.com',
      CDN: 'https://cdn.acme.com',
      ENTRY_PATH: 'launch',
      LP_CONTENT_URL: 'https://hooks.acme.com/content',
      BASE: 'https://hooks.acme.com',
    },
  },
  {
    name: 'weird strings',
    json: {
      client_name: "it's `back` ${x} */ \\ \"q\" 'q'",
      description: 'lone \ud800 and \udc00, a pair \ud83d\ude00, $${{ X }} and $$${{ MONEY }}, \u2028\u2029\t\n\u0000\u007f',
      display_name: '``${{ TICK }}`${',
    },
    env: { MONEY: '5', TICK: '`${a}`' },
  },
  {
    name: 'connector without a logo',
    json: { client_name: 'Acme', grant_types: ['client_credentials'], scope: 'msg.consumer' },
    profile: 'connector',
    env: {},
  },
  { name: 'empty capabilities', json: { client_name: 'Acme', capabilities: {} }, env: {} },
  {
    name: 'empty webhooks, engagement',
    json: {
      client_name: 'Acme',
      capabilities: {
        webhooks: {},
        engagement: {
          design_engagement: true,
          design_window: false,
          entry_point: ['url'],
          visitor_behavior: [],
          target_audience: [],
          goal: [],
          consumer_identity: ['auth', 'unauth'],
          language_selection: true,
        },
      },
    },
    env: {},
  },
  {
    name: 'integer-like header names',
    json: {
      client_name: 'Acme',
      capabilities: {
        webhooks: {
          [CONTENT]: {
            endpoint: 'https://hooks.acme.com/lp',
            headers: [
              { header_name: 'X-B', header_value: 'b' },
              { header_name: '7', header_value: 'seven' },
            ],
          },
          [CONVERSATION]: { endpoint: 'https://hooks.acme.com/conv', headers: [{ header_name: 'X-C', header_value: 'c' }] },
          retry: { retention_time: 60 },
        },
      },
    },
    env: { LP_CONTENTEVENT_X_B: 'b', LP_CONTENTEVENT_7: 'seven', LP_EXCONVERSATIONCHANGENOTIFICATION_X_C: 'c' },
  },
  {
    name: 'every top-level field',
    json: {
      client_name: 'Acme',
      'client_name#de-DE': 'Acme DE',
      description: '',
      grant_types: ['client_credentials', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['https://acme.com/cb', 'https://acme.com/cb'],
      scope: 'msg.consumer faas.lambdas',
      logo_uri: 'https://cdn.acme.com/logo.png',
      enabled: false,
      display_name: 'Acme',
      quick_launch_enabled: true,
      entry_uri: 'https://acme.com/launch',
      enabled_for_profiles: [42, 7],
      capabilities: { webhooks: { retry: { retention_time: 3600 } } },
    },
    env: {},
  },
];

describe('manifestToCode', () => {
  let codes: string[] = [];
  let built: BuiltModule[] = [];
  let errors = '';

  before(function () {
    this.timeout(120_000);
    codes = EXAMPLES.map(({ name, json, profile }) => {
      const result = manifestToCode(json, profile === undefined ? undefined : { profile });
      if (!result.ok) throw new Error(`${name}: ${result.issues.map((issue) => issue.message).join('; ')}`);
      return result.code;
    });
    ({ errors, built } = compileAndBuild(codes.map((code, i) => ({ code, env: EXAMPLES[i]!.env }))));
  });

  it('writes modules that compile (strict, exactOptionalPropertyTypes, nodenext)', () => {
    expect(errors).to.equal('');
  });

  for (const [i, example] of EXAMPLES.entries()) {
    it(`builds what validate returns, byte for byte: ${example.name}`, () => {
      const expected = validateTemplate(example.json, {
        profile: example.profile ?? (JSON.stringify(example.json).includes('connector.schema.json') ? 'connector' : 'general'),
        env: example.env,
      });
      if (!expected.ok) throw new Error(expected.issues.map((issue) => issue.message).join('; '));
      expect(built[i]).to.deep.equal({ ok: true, json: JSON.stringify(expected.manifest) });
    });
  }

  it('writes what Biome would: formatting the modules changes nothing', function () {
    this.timeout(60_000);
    for (const code of codes) expect(biomeFormatted(code)).to.equal(code);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    for (const [i, { json, profile }] of EXAMPLES.entries()) {
      const again = manifestToCode(structuredClone(json), profile === undefined ? undefined : { profile });
      expect(again.ok && again.code).to.equal(codes[i]);
    }
  });

  it('starts from ManifestBuilder.connector() for a connector and leaves out what the template already sets', () => {
    const code = codes[1]!;
    expect(code).to.include('export default ManifestBuilder.connector()');
    for (const method of ['.grantTypes(', '.scope(', '.logoUri(', '.engagement(']) expect(code).not.to.include(method);
    expect(code).to.include(".clientName('App name')");
  });

  it('uses the builder methods, one per field, not an object literal', () => {
    const code = codes[EXAMPLES.findIndex((example) => example.name === 'every top-level field')]!;
    for (const call of [
      ".clientName('Acme')",
      ".localizedClientName('de-DE', 'Acme DE')",
      ".description('')",
      ".grantTypes('client_credentials', 'refresh_token')",
      ".responseTypes('code')",
      ".redirectUris('https://acme.com/cb', 'https://acme.com/cb')",
      ".scope('msg.consumer', 'faas.lambdas')",
      ".logoUri('https://cdn.acme.com/logo.png')",
      '.enabled(false)',
      ".displayName('Acme')",
      '.quickLaunchEnabled(true)',
      ".entryUri('https://acme.com/launch')",
      '.enabledForProfiles(42, 7)',
      '.retryRetention(3600);',
    ])
      expect(code).to.include(call);
    expect(code).to.include('export default ManifestBuilder.general()');
  });

  it('never writes a header value: each is env() with the name pull gives it, listed in the header comment', () => {
    const i = EXAMPLES.findIndex((example) => example.name === 'headers');
    const code = codes[i]!;
    expect(code).not.to.include(SECRET);
    expect(code).not.to.include('Bearer');
    const result = manifestToCode(EXAMPLES[i]!.json);
    expect(result.ok && result.variables).to.deep.equal([
      'LP_CONTENTEVENT_X_API_KEY',
      'LP_TOKEN',
      'LP_CONTENTEVENT_X_API_KEY_2',
      'LP_CONTENTEVENT_X_MIXED',
      'LP_CONTENTEVENT_PROTO',
    ]);
    expect(code).to.include("['__proto__']: env('LP_CONTENTEVENT_PROTO')");
    for (const name of result.ok ? result.variables : []) expect(code).to.match(new RegExp(`^ \\* +${name} `, 'm'));
  });

  it('names header values as pull does (one function): the same variables as manifestFromInstallation hides', () => {
    const json = fixture('seeds/page-000-installing-liveperson-applications.json');
    const result = manifestToCode(json);
    const { hidden } = manifestFromInstallation(json);
    expect(result.ok && result.variables).to.deep.equal(hidden.map((header) => header.variable));
  });

  it('writes placeholders as env(): whole, inside a template literal, and typed as a reference where a URL starts with one', () => {
    const code = codes[EXAMPLES.findIndex((example) => example.name === 'placeholders')]!;
    expect(code).to.include(".clientName(`${env('APP')} (staging)`)");
    expect(code).to.include(".localizedClientName('fr', env('APP_FR'))");
    expect(code).to.include(".description('Costs $${{ PRICE }}, no placeholder')");
    expect(code).to.include(".redirectUris(`https://${env('HOST')}/cb`, 'com.acme.app:/cb')");
    expect(code).to.include(".logoUri(`${env('CDN')}/logo.png` as EnvReference)");
    expect(code).to.include(".entryUri(`https://acme.com/${env('ENTRY_PATH')}`)");
    expect(code).to.include(`.webhook('${CONTENT}', env('LP_CONTENT_URL'))`);
    expect(code).to.include("import { env, type EnvReference, ManifestBuilder } from 'lp-app-manifest';");
  });

  it('escapes what would end or break a literal or a comment', () => {
    const code = codes[EXAMPLES.findIndex((example) => example.name === 'weird strings')]!;
    expect(code).not.to.match(/[\u2028\u2029]/);
    expect(code).not.to.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(code).to.include('\\uD800');
    expect(code).to.include('\\u2028');
    // The only */ of the module ends its header comment.
    expect(code.indexOf('*/')).to.equal(code.indexOf(' */\nimport') + 1);
  });

  it('chooses the profile as validate does: the option, else "$schema", else general', () => {
    const json = fixture('connector-with-editor-schema.json');
    const fromSchema = manifestToCode(json);
    expect(fromSchema.ok && fromSchema.code).to.include('ManifestBuilder.connector()');
    const general = manifestToCode(json, { profile: 'general' });
    expect(general.ok && general.code).to.include('ManifestBuilder.general()');
    const { $schema: _schema, ...withoutSchema } = json;
    const byDefault = manifestToCode(withoutSchema);
    expect(byDefault.ok && byDefault.code).to.include('ManifestBuilder.general()');
  });

  it('refuses an invalid manifest with every issue, and never quotes a client_secret', () => {
    const result = manifestToCode({ client_name: '', client_secret: SECRET, scope: 'nope' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.code)).to.have.members(['server_assigned_key', 'blank', 'invalid_scope']);
    expect(JSON.stringify(result.issues)).not.to.include(SECRET);
  });

  it('refuses what the connector rules reject when asked for them', () => {
    const result = manifestToCode({ client_name: 'Acme' }, { profile: 'connector' });
    expect(result.ok).to.equal(false);
  });

  it('runs in a browser: the text bundle imports no Node.js module, and the library only through its main entry (no second validator)', () => {
    const bundle = readFileSync(new URL('../../dist/text.js', import.meta.url), 'utf8');
    const importsOf = (text: string): string[] =>
      [...text.matchAll(/^(?:import|export) .* from '([^']+)';$/gm)].map((match) => match[1]!);
    // The main entry, as './index.js' (the same module 'lp-app-manifest' resolves to), and the JSON reader the CLI shares.
    expect([...new Set(importsOf(bundle))].sort()).to.deep.equal(['./index.js', './text-shared.js']);
    const shared = readFileSync(new URL('../../dist/text-shared.js', import.meta.url), 'utf8');
    expect(importsOf(shared)).to.deep.equal([]);
    for (const text of [bundle, shared]) {
      expect(text).not.to.match(/\bfrom 'node:|require\(/);
      expect(text).not.to.include('function validateManifest(');
    }
    expect(bundle).to.include('function manifestToCode(');
  });

  it('returns an issue, not a throw, for options it cannot read', () => {
    const result = manifestToCode({ client_name: 'Acme' }, { profile: 'Connector' as Profile });
    expect(result.ok).to.equal(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).to.deep.equal(['invalid_profile']);
  });
});
