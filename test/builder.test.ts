import { expect } from 'chai';
import {
  httpsUrl,
  isHttpsUrl,
  ManifestBuilder,
  ManifestValidationError,
  type ConnectorGrantTypesMessage,
  type ConnectorScopeMessage,
  type ManifestBuilderInterface,
  type MissingClientNameMessage,
  type ValidationIssue,
} from '../src/index.js';
import { connectorTemplate } from './helpers/fixtures.js';
import { strictAssign } from './helpers/strict.js';

const CONTENT = 'ms.MessagingEventNotification.ContentEvent';
const CONV = 'cqm.ExConversationChangeNotification';

/** Calls build() and returns the ManifestValidationError it throws. */
function buildError(build: () => unknown): ManifestValidationError {
  try {
    build();
  } catch (error) {
    expect(error).to.be.instanceOf(ManifestValidationError);
    return error as ManifestValidationError;
  }
  expect.fail('build() did not throw');
}

const codesAt = (issues: readonly ValidationIssue[]): string[] => issues.map((i) => `${i.path} ${i.code}`);

/** Every object and array reachable from a value, with its path. */
function* nodes(value: unknown, path = '$'): Generator<[string, object]> {
  if (typeof value !== 'object' || value === null) return;
  yield [path, value];
  for (const [key, child] of Object.entries(value)) yield* nodes(child, `${path}.${key}`);
}

describe('ManifestBuilder', () => {
  describe('starting points', () => {
    it('general() starts empty: only client_name is needed', () => {
      expect(ManifestBuilder.general().clientName('My App').build()).to.deep.equal({ client_name: 'My App' });
    });

    it('connector() starts from the documented template', () => {
      const template = connectorTemplate();
      const manifest = ManifestBuilder.connector().clientName('Acme').build();
      expect(manifest.grant_types).to.deep.equal(template['grant_types']);
      expect(manifest.scope).to.equal('msg.consumer');
      expect(manifest.logo_uri).to.equal(template['logo_uri']);
      expect(manifest.capabilities?.engagement).to.deep.equal((template['capabilities'] as { engagement: unknown }).engagement);
      expect(manifest.capabilities?.webhooks).to.equal(undefined);
    });

    it('carries its profile', () => {
      expect(ManifestBuilder.general().profile).to.equal('general');
      expect(ManifestBuilder.connector().profile).to.equal('connector');
    });
  });

  describe('immutability', () => {
    it('returns a new builder from every method and leaves the original unchanged', () => {
      const base = ManifestBuilder.general().clientName('Base');
      const before = JSON.stringify(base.build());
      const calls: ((b: ManifestBuilderInterface<'general', true>) => unknown)[] = [
        (b) => b.clientName('Other'),
        (b) => b.localizedClientName('fr', 'Autre'),
        (b) => b.displayName('Shown'),
        (b) => b.description('More'),
        (b) => b.grantTypes('client_credentials'),
        (b) => b.responseTypes('token'),
        (b) => b.redirectUris('https://acme.com/cb'),
        (b) => b.scope('msg.consumer'),
        (b) => b.logoUri('/logo.png'),
        (b) => b.enabled(false),
        (b) => b.quickLaunchEnabled(),
        (b) => b.entryUri('https://acme.com/launch'),
        (b) => b.webhook(CONTENT, 'https://acme.com/hook'),
        (b) => b.withoutWebhook(CONTENT),
        (b) => b.retryRetention(60),
        (b) => b.engagement((current) => current),
      ];
      for (const call of calls) {
        const next = call(base);
        expect(next, call.toString()).to.not.equal(base);
        expect(JSON.stringify(base.build()), call.toString()).to.equal(before);
      }
    });

    it('lets one base branch into one manifest per environment', () => {
      const base = ManifestBuilder.connector().clientName('Acme').description('Shared');
      const staging = base.webhook(CONTENT, 'https://staging.acme.com/lp').build();
      const production = base.webhook(CONTENT, 'https://acme.com/lp').retryRetention(3600).build();
      expect(staging.capabilities?.webhooks?.[CONTENT]?.endpoint).to.equal('https://staging.acme.com/lp');
      expect(staging.capabilities?.webhooks?.retry).to.equal(undefined);
      expect(production.capabilities?.webhooks?.[CONTENT]?.endpoint).to.equal('https://acme.com/lp');
      expect(production.capabilities?.webhooks?.retry).to.deep.equal({ retention_time: 3600 });
      expect(base.build().capabilities?.webhooks).to.equal(undefined);
    });

    it('is itself frozen, so nobody can patch a shared base', () => {
      const base = ManifestBuilder.general();
      expect(Object.isFrozen(base)).to.equal(true);
      expect(() => strictAssign(base, 'clientName', () => base)).to.throw(TypeError);
    });
  });

  describe('the built manifest', () => {
    const full = () =>
      ManifestBuilder.connector()
        .clientName('Acme')
        .localizedClientName('fr-FR', 'Acme FR')
        .description('d')
        .redirectUris('https://acme.com/cb')
        .webhook(CONTENT, 'https://acme.com/hook', { maxRetries: 0, headers: { 'X-Token': 'secret' } })
        .retryRetention(600);

    it('is deep-frozen: writing at any level throws in strict mode', () => {
      const manifest = full().build();
      let count = 0;
      for (const [path, node] of nodes(manifest)) {
        count++;
        expect(Object.isFrozen(node), path).to.equal(true);
        expect(() => strictAssign(node, 'injected', 1), path).to.throw(TypeError);
        const firstKey = Object.keys(node)[0];
        if (firstKey !== undefined) expect(() => strictAssign(node, firstKey, 'changed'), path).to.throw(TypeError);
      }
      expect(count).to.be.greaterThan(10);
    });

    it('is plain JSON data: parse(stringify(m)) deep-equals it, and every object is a plain object', () => {
      const manifest = full().build();
      expect(JSON.parse(JSON.stringify(manifest))).to.deep.equal(manifest);
      for (const [path, node] of nodes(manifest)) {
        const proto: unknown = Object.getPrototypeOf(node);
        expect(proto === Object.prototype || proto === Array.prototype, path).to.equal(true);
      }
    });

    it('shares no object with what the caller passed in', () => {
      const headers: Record<string, string> = { 'X-Token': 'one' };
      const visitorBehavior = ['flow'] as ('flow' | 'cart_value')[];
      const settings = {
        designEngagement: false,
        designWindow: false,
        entryPoint: ['section'] as ['section'],
        visitorBehavior,
        targetAudience: [],
        goal: [],
        consumerIdentity: ['auth'] as ['auth'],
        languageSelection: false,
      } as const;
      const builder = ManifestBuilder.connector()
        .clientName('Acme')
        .webhook(CONTENT, 'https://acme.com/hook', { headers })
        .engagement(settings);
      const first = JSON.stringify(builder.build());
      headers['X-Token'] = 'two';
      headers['X-Other'] = 'three';
      visitorBehavior.push('cart_value');
      expect(JSON.stringify(builder.build())).to.equal(first);
    });

    it('is deterministic: the same content in any call order gives the same bytes', () => {
      const a = ManifestBuilder.general()
        .webhook(CONV, 'https://acme.com/conv')
        .webhook(CONTENT, 'https://acme.com/content')
        .localizedClientName('fr', 'Fr')
        .localizedClientName('de', 'De')
        .grantTypes('refresh_token', 'client_credentials', 'refresh_token')
        .scope('msg.consumer', 'msg.consumer')
        .clientName('App')
        .build();
      const b = ManifestBuilder.general()
        .clientName('App')
        .grantTypes('client_credentials', 'refresh_token')
        .localizedClientName('de', 'De')
        .scope('msg.consumer')
        .localizedClientName('fr', 'Fr')
        .webhook(CONTENT, 'https://acme.com/content')
        .webhook(CONV, 'https://acme.com/conv')
        .build();
      expect(JSON.stringify(a)).to.equal(JSON.stringify(b));
      expect(Object.keys(a)).to.deep.equal([
        'client_name',
        'client_name#de',
        'client_name#fr',
        'grant_types',
        'scope',
        'capabilities',
      ]);
      expect(a.grant_types).to.deep.equal(['client_credentials', 'refresh_token']);
      expect(Object.keys(a.capabilities?.webhooks ?? {})).to.deep.equal([CONTENT, CONV]);
    });
  });

  describe('setters', () => {
    it('maps webhook options to the manifest names', () => {
      const manifest = ManifestBuilder.general()
        .clientName('x')
        .webhook(CONTENT, 'https://acme.com/hook', { maxRetries: 3, headers: { 'X-A': '1', 'X-B': '2' } })
        .build();
      expect(manifest.capabilities?.webhooks?.[CONTENT]).to.deep.equal({
        endpoint: 'https://acme.com/hook',
        max_retries: 3,
        headers: [
          { header_name: 'X-A', header_value: '1' },
          { header_name: 'X-B', header_value: '2' },
        ],
      });
    });

    it('replaces an earlier subscription to the same event, and withoutWebhook removes it', () => {
      const twice = ManifestBuilder.general()
        .clientName('x')
        .webhook(CONTENT, 'https://a.com/1')
        .webhook(CONTENT, 'https://a.com/2');
      expect(twice.build().capabilities?.webhooks?.[CONTENT]).to.deep.equal({ endpoint: 'https://a.com/2' });
      expect(twice.withoutWebhook(CONTENT).build()).to.deep.equal({ client_name: 'x' });
    });

    it('puts the retry policy under capabilities.webhooks.retry.retention_time', () => {
      const manifest = ManifestBuilder.general().clientName('x').retryRetention(3600).build();
      expect(manifest).to.deep.equal({ client_name: 'x', capabilities: { webhooks: { retry: { retention_time: 3600 } } } });
    });

    it('writes localized names as client_name#<tag>', () => {
      const manifest = ManifestBuilder.general().clientName('Acme').localizedClientName('fr-FR', 'Connecteur Acme').build();
      expect(manifest['client_name#fr-FR']).to.equal('Connecteur Acme');
    });

    it('sets the flags and URIs', () => {
      const manifest = ManifestBuilder.general()
        .clientName('x')
        .displayName('Shown')
        .enabled(false)
        .quickLaunchEnabled()
        .entryUri('https://acme.com/launch')
        .logoUri('https://cdn.acme.com/logo.png')
        .responseTypes('code')
        .grantTypes('authorization_code')
        .redirectUris('https://acme.com/cb', 'http://localhost:8080/cb')
        .build();
      expect(manifest).to.deep.equal({
        client_name: 'x',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['https://acme.com/cb', 'http://localhost:8080/cb'],
        logo_uri: 'https://cdn.acme.com/logo.png',
        enabled: false,
        display_name: 'Shown',
        quick_launch_enabled: true,
        entry_uri: 'https://acme.com/launch',
      });
    });

    it('takes the engagement block as an object, mapped to the manifest names', () => {
      const manifest = ManifestBuilder.general()
        .clientName('x')
        .engagement({
          designEngagement: true,
          designWindow: false,
          entryPoint: ['url', 'section'],
          visitorBehavior: ['flow'],
          targetAudience: ['ip'],
          goal: ['lead'],
          consumerIdentity: ['unauth', 'auth'],
          languageSelection: true,
        })
        .build();
      expect(manifest.capabilities?.engagement).to.deep.equal({
        design_engagement: true,
        design_window: false,
        entry_point: ['section', 'url'],
        visitor_behavior: ['flow'],
        target_audience: ['ip'],
        goal: ['lead'],
        consumer_identity: ['auth', 'unauth'],
        language_selection: true,
      });
    });

    it('gives an engagement callback the current block, or the documented defaults when there is none', () => {
      let seen: unknown;
      const manifest = ManifestBuilder.general()
        .clientName('x')
        .engagement((current) => {
          seen = current;
          return { ...current, entryPoint: ['url'], languageSelection: true };
        })
        .build();
      const template = connectorTemplate() as { capabilities: { engagement: Record<string, unknown> } };
      expect(seen).to.include({ designEngagement: false, designWindow: false, languageSelection: false });
      expect((seen as { visitorBehavior: unknown }).visitorBehavior).to.deep.equal(
        template.capabilities.engagement['visitor_behavior'],
      );
      expect(manifest.capabilities?.engagement?.entry_point).to.deep.equal(['url']);
      expect(manifest.capabilities?.engagement?.language_selection).to.equal(true);
      expect(Object.isFrozen(seen)).to.equal(true);
    });
  });

  describe('build() errors', () => {
    it('reports every problem at once, with paths and codes', () => {
      const error = buildError(() =>
        ManifestBuilder.connector()
          .clientName(' ')
          .localizedClientName('fr_FR', 'x')
          .webhook(CONTENT, 'https://acme.com/hook', { headers: { 'X-LivePerson-Id': 'v' } })
          .retryRetention(1)
          .build(),
      );
      expect(codesAt(error.issues)).to.deep.equal([
        'client_name blank',
        '["client_name#fr_FR"] invalid_language_tag',
        'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].headers[0].header_name reserved_header_name',
        'capabilities.webhooks.retry.retention_time out_of_range',
      ]);
      expect(error.message.split('\n')).to.have.length(5);
      expect(error.message).to.match(/^Invalid manifest \(4 issues\):/);
    });

    it('catches what untyped JavaScript gets wrong, at build() time, with a hint', () => {
      const loose = ManifestBuilder.general() as unknown as Record<
        string,
        (...args: unknown[]) => Record<string, (...args: unknown[]) => unknown>
      >;
      const builder = loose['webhook']!(CONTENT, 'http://acme.com/hook', { maxRetry: 3 }) as unknown as Record<
        string,
        (...args: unknown[]) => unknown
      >;
      const error = buildError(() => builder['build']!());
      expect(codesAt(error.issues)).to.deep.equal([
        'client_name required',
        'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].maxRetry unknown_key',
        'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].endpoint url_not_https',
      ]);
      expect(error.issues[1]?.message).to.contain('did you mean "max_retries"?');
    });

    it('words a mistake the compiler would have caught as the compiler does: one text, two worlds', () => {
      type Loose = Record<string, (...args: unknown[]) => Loose>;
      // build() before clientName(...), from untyped code.
      const unnamed = buildError(() => (ManifestBuilder.general() as unknown as Loose)['build']!());
      expect(unnamed.message).to.contain('client_name: build() needs clientName(...) first [required]');
      const expectedName: MissingClientNameMessage = 'build() needs clientName(...) first';
      expect(unnamed.message).to.contain(expectedName);
      // A connector's grant types without client_credentials, and another scope, past the types.
      const connector = ManifestBuilder.connector().clientName('Acme') as unknown as Loose;
      const wrong = buildError(() => connector['grantTypes']!('refresh_token')['scope']!('livedeflect')['build']!());
      const grants: ConnectorGrantTypesMessage = 'a connector needs grantTypes(...) to include "client_credentials"';
      const scope: ConnectorScopeMessage = 'a connector\'s scope is exactly "msg.consumer"';
      expect(wrong.message).to.contain(`grant_types: ${grants} [connector_required_value]`);
      expect(wrong.message).to.contain(`scope: ${scope} [connector_required_value]`);
      // The issues keep the validator's words, which say the same in JSON terms.
      expect(unnamed.issues[0].message).to.equal('is required');
      expect(wrong.issues.map((issue) => issue.message)).to.deep.equal([
        'must be a list that includes "client_credentials" in the connector profile',
        'must be "msg.consumer" in the connector profile',
      ]);
      // Other issues of the same codes keep the validator's words in the message too.
      const other = buildError(() =>
        (ManifestBuilder.connector().clientName('Acme') as unknown as Loose)['engagement']!((current: object) => ({
          ...current,
          designWindow: true,
        }))['build']!(),
      );
      expect(other.message).to.contain('capabilities.engagement.design_window: must be false in the connector profile');
    });

    it('options from untyped code: an option it does not take, or options that are not an object, are invalid_options', () => {
      type Loose = Record<string, (...args: unknown[]) => unknown>;
      const named = ManifestBuilder.general().clientName('A') as unknown as Loose;
      const misspelled = buildError(() => named['build']!({ stric: true }));
      expect(misspelled.issues.map((issue) => [issue.code, issue.path])).to.deep.equal([['invalid_options', '']]);
      expect(misspelled.message).to.contain('unknown option "stric"; did you mean "strict"? (the options are strict, env)');
      expect(buildError(() => named['build']!('strict')).message).to.contain(
        'the options must be an object (with strict, env), got a string',
      );
      const validated = named['validate']!({ environment: {} }) as { ok: boolean; issues?: readonly ValidationIssue[] };
      expect(validated.ok).to.equal(false);
      expect(validated.issues?.[0]?.message).to.equal('unknown option "environment" (the options are env)');
      const from = buildError(() =>
        (ManifestBuilder as unknown as Loose)['from']!({ client_name: 'A' }, { profil: 'connector' }),
      );
      expect(from.message).to.contain('unknown option "profil"; did you mean "profile"? (the options are profile)');
      // What the types allow still works, with and without options.
      expect(named['build']!({ strict: true, env: {} })).to.deep.equal({ client_name: 'A' });
      expect(named['build']!(undefined)).to.deep.equal({ client_name: 'A' });
    });

    it("words an unknown webhook option or engagement setting as the option it most likely means, in the builder's terms", () => {
      type Loose = Record<string, (...args: unknown[]) => Loose>;
      const loose = ManifestBuilder.general().clientName('A') as unknown as Loose;
      const error = buildError(() =>
        loose['webhook']!(CONTENT, 'https://acme.com/hook', { maxRetry: 3 })['engagement']!((current: object) => ({
          ...current,
          languageSelect: true,
        }))['build']!(),
      );
      expect(error.message).to.contain(
        'maxRetry: unknown option "maxRetry" of webhook(event, endpoint, options); did you mean "maxRetries"? [unknown_key]',
      );
      expect(error.message).to.contain(
        'languageSelect: unknown option "languageSelect" of engagement(...); did you mean "languageSelection"? [unknown_key]',
      );
    });

    it('never shows a header value in the error', () => {
      const secret = 'tok-SECRET-123\r\nX-Evil: 1';
      const error = buildError(() =>
        ManifestBuilder.general()
          .clientName('x')
          .webhook(CONTENT, 'https://acme.com/h', { headers: { 'X-T': secret } })
          .build(),
      );
      expect(error.issues.map((i) => i.code)).to.deep.equal(['header_value_control_character']);
      expect(error.message).to.not.contain('SECRET');
      expect(JSON.stringify(error.issues)).to.not.contain('SECRET');
    });

    it('validate() gives the same verdict without throwing', () => {
      const result = ManifestBuilder.general().retryRetention(0).validate();
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.issues.map((i) => i.code)).to.deep.equal(['required', 'out_of_range']);
      const good = ManifestBuilder.general().clientName('x').webhook(CONTENT, 'https://localhost/h').validate();
      expect(good.ok).to.equal(true);
      expect(good.warnings.map((w) => w.code)).to.deep.equal(['unreachable_endpoint_host']);
    });
  });

  describe('build({ strict: true })', () => {
    // Valid, with two warnings: an endpoint LivePerson cannot reach, and max_retries beside a retention time.
    const warned = () =>
      ManifestBuilder.connector()
        .clientName('Acme')
        .webhook(CONTENT, 'https://localhost/lp', { maxRetries: 3 })
        .retryRetention(3600);
    const WARNINGS = [
      'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].endpoint unreachable_endpoint_host',
      'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].max_retries max_retries_with_retention',
    ];

    it('throws ManifestValidationError listing the warnings, in its issues and its message', () => {
      const error = buildError(() => warned().build({ strict: true }));
      expect(codesAt(error.issues).sort()).to.deep.equal([...WARNINGS].sort());
      expect(error.issues.every((issue) => issue.severity === 'warning')).to.equal(true);
      expect(codesAt(error.warnings).sort()).to.deep.equal([...WARNINGS].sort());
      expect(error.message).to.match(/^Invalid manifest \(2 warnings\):\n {2}⚠ /);
      expect(error.message).to.contain('[unreachable_endpoint_host]');
      expect(error.message).to.contain('[max_retries_with_retention]');
    });

    it('lists the warnings after the errors when there are both', () => {
      const error = buildError(() => warned().description('x'.repeat(300)).build({ strict: true }));
      expect(error.issues[0]?.code).to.equal('too_long');
      expect(error.issues.slice(1).map((issue) => issue.severity)).to.deep.equal(['warning', 'warning']);
      expect(error.message).to.match(/^Invalid manifest \(1 issue, 2 warnings\):\n {2}✖ .*\n {2}⚠ .*\n {2}⚠ /);
      // without strict, the same build throws for the error only
      expect(buildError(() => warned().description('x'.repeat(300)).build()).issues.map((issue) => issue.code)).to.deep.equal([
        'too_long',
      ]);
    });

    it('returns the same manifest as build() when there is no warning', () => {
      const clean = ManifestBuilder.connector().clientName('Acme').webhook(CONTENT, 'https://hooks.acme.com/lp');
      expect(clean.build({ strict: true })).to.deep.equal(clean.build());
    });

    it('leaves build() without options (or with strict: false or undefined) as it was: warnings do not throw', () => {
      const manifest = warned().build();
      expect(manifest.capabilities?.webhooks?.[CONTENT]?.endpoint).to.equal('https://localhost/lp');
      expect(warned().build({ strict: false })).to.deep.equal(manifest);
      expect(warned().build({ strict: undefined })).to.deep.equal(manifest);
      expect(warned().build({})).to.deep.equal(manifest);
    });

    it('takes strict as true or false only, and never crashes on odd options from untyped code', () => {
      const build = warned().build as unknown as (options?: unknown) => unknown;
      const loose = warned();
      for (const options of [null, { strict: false }, { strict: undefined }]) {
        expect(() => build.call(loose, options), JSON.stringify(options)).to.not.throw();
      }
      // A strict that is not a boolean is not taken for false in silence (a deploy gate would pass).
      for (const [options, message] of [
        [{ strict: 'true' }, 'option "strict" must be true or false, got a string'],
        [{ strict: 1 }, 'option "strict" must be true or false, got a number'],
        [{ env: 'x' }, 'option "env" must be an object, got a string'],
        [{ env: null }, 'option "env" must be an object, got null'],
      ] as const) {
        expect(buildError(() => build.call(loose, options)).message, JSON.stringify(options)).to.contain(message);
      }
      const throwing = {
        get strict(): boolean {
          throw new Error('getter');
        },
      };
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      // Options that are not a plain object, or cannot be read: a clear error (invalid_options), never a crash or a silent default.
      for (const [i, options] of ['strict', 1, [], Object.create({ strict: true }), throwing, revoked.proxy].entries()) {
        const error = buildError(() => build.call(loose, options));
        expect(
          error.issues.map((issue) => issue.code),
          `options #${i}`,
        ).to.deep.equal(['invalid_options']);
      }
    });
  });

  describe('from()', () => {
    it('loads an existing manifest; building it again gives its canonical form', () => {
      const template = connectorTemplate();
      const loaded = ManifestBuilder.from(template, { profile: 'connector' });
      expect(loaded.profile).to.equal('connector');
      expect(JSON.stringify(loaded.build())).to.equal(JSON.stringify(template));
    });

    it('returns a builder that edits like any other', () => {
      const loaded = ManifestBuilder.from(connectorTemplate(), { profile: 'connector' });
      const edited = loaded.description('Changed').withoutWebhook(CONV).build();
      expect(edited.description).to.equal('Changed');
      expect(edited.capabilities?.webhooks?.[CONV]).to.equal(undefined);
      expect(loaded.build().capabilities?.webhooks?.[CONV]).to.not.equal(undefined);
    });

    it('throws ManifestValidationError with every issue for an invalid manifest', () => {
      const error = buildError(() => ManifestBuilder.from({ client_name: '', scope: 'x', extra: 1 }));
      expect(codesAt(error.issues)).to.deep.equal(['extra unknown_key', 'client_name blank', 'scope invalid_scope']);
    });

    it('rejects an unknown profile with a clear issue', () => {
      const error = buildError(() => ManifestBuilder.from({ client_name: 'x' }, { profile: 'agent' as 'general' }));
      expect(error.issues[0].code).to.equal('invalid_profile');
    });

    it('does not keep a reference to its input', () => {
      const input = { client_name: 'x', grant_types: ['client_credentials'] };
      const loaded = ManifestBuilder.from(input);
      input.grant_types.push('bogus');
      input.client_name = 'changed';
      expect(loaded.build()).to.deep.equal({ client_name: 'x', grant_types: ['client_credentials'] });
    });
  });
});

describe('httpsUrl() and isHttpsUrl()', () => {
  it('returns a valid https URL unchanged', () => {
    expect(httpsUrl('https://hooks.acme.com/lp?x=1')).to.equal('https://hooks.acme.com/lp?x=1');
    expect(isHttpsUrl('https://hooks.acme.com/lp')).to.equal(true);
  });

  it('throws ManifestValidationError naming the problem and, if given, the label', () => {
    for (const [value, code] of [
      ['http://hooks.acme.com', 'url_not_https'],
      ['https://user:pw@hooks.acme.com', 'url_has_credentials'],
      ['https:// hooks.acme.com', 'url_has_whitespace'],
      ['https://', 'url_malformed'],
    ] as const) {
      const error = buildError(() => httpsUrl(value, 'CONV_URL'));
      expect(error.issues.map((i) => `${i.path} ${i.code}`)).to.deep.equal([`CONV_URL ${code}`]);
      expect(isHttpsUrl(value)).to.equal(false);
    }
  });

  it('reports an unset environment variable as a value that is not set (not as a manifest)', () => {
    const error = buildError(() => httpsUrl(process.env['SURELY_NOT_SET_LP_APP_MANIFEST'], 'SURELY_NOT_SET_LP_APP_MANIFEST'));
    expect(error.message).to.equal(
      'Invalid value of SURELY_NOT_SET_LP_APP_MANIFEST (1 issue):\n' +
        '  ✖ SURELY_NOT_SET_LP_APP_MANIFEST: is not set (undefined); it must be an "https://" URL [url_missing]',
    );
  });

  it('reports an empty value as empty', () => {
    const error = buildError(() => httpsUrl('', 'CONV_URL'));
    expect(error.message).to.contain('CONV_URL: is empty; it must be an "https://" URL [url_empty]');
    expect(error.message).not.to.contain('must start with');
  });

  it('does not crash on non-strings from untyped code', () => {
    expect(isHttpsUrl(42)).to.equal(false);
    expect(isHttpsUrl(null)).to.equal(false);
    const error = buildError(() => httpsUrl(42 as unknown as string));
    expect(error.issues[0].code).to.equal('invalid_type');
  });
});

describe('long chains', () => {
  it('builds a 200-call chain', () => {
    // The type with its defaults is a named builder: build() compiles on it, no cast needed.
    let builder: ManifestBuilderInterface<'general'> = ManifestBuilder.general().clientName('x');
    for (let i = 0; i < 200; i++) builder = builder.description(`d${i}`);
    expect(builder.build().description).to.equal('d199');
  });
});
