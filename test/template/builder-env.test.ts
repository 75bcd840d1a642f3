/**
 * env('NAME') in the builder: references filled by build(), every problem in
 * one ManifestValidationError, toTemplate() and from() going back and forth.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { env, ManifestBuilder, validateManifest, validateTemplate } from '../../src/index.js';
import { manifestCase } from '../property/arbitraries.js';
import { assertProperty, prng, type Json } from '../property/support.js';
import { placeholder } from '../../src/template/placeholders.js';
import { thrownBy as thrown } from '../helpers/thrown.js';

const CONTENT = 'ms.MessagingEventNotification.ContentEvent';
const ENDPOINT = `capabilities.webhooks["${CONTENT}"].endpoint`;
const HEADER_VALUE = `capabilities.webhooks["${CONTENT}"].headers[0].header_value`;
/** The fields env() references go to (the builder's setters that take a deployment value). */
const REFERENCE_FIELDS =
  /^(?:client_name(?:#.*)?|display_name|description|logo_uri|entry_uri|redirect_uris|endpoint|header_value)$/;

const builder = () =>
  ManifestBuilder.connector()
    .clientName(env('LP_APP_NAME'))
    .description(env('LP_DESCRIPTION'))
    .webhook(CONTENT, env('LP_CONTENT_URL'), { headers: { 'X-Acme-Token': env('LP_WEBHOOK_TOKEN') } })
    .entryUri(env('LP_ENTRY_URI'));

const ENV = {
  LP_APP_NAME: 'Acme Connector',
  LP_DESCRIPTION: '',
  LP_CONTENT_URL: 'https://hooks.acme.com/lp/content',
  LP_WEBHOOK_TOKEN: 'tok-123',
  LP_ENTRY_URI: 'https://apps.acme.com/launch',
};

describe('env() references in the builder', () => {
  it('env() is the placeholder ${{ NAME }}', () => {
    expect(env('LP_HOST')).to.equal('${{ LP_HOST }}');
  });

  it('env() refuses a name that is not a variable name, at the call, naming it', () => {
    for (const name of ['1BAD', 'A-B', '', 'A }} ${{ B', 'a b']) {
      expect(() => env(name), name).to.throw(TypeError, `env(${JSON.stringify(name)}): a variable name is`);
    }
    // Untyped JavaScript: no name at all is not the variable "undefined".
    for (const name of [undefined, 42, null]) {
      expect(() => (env as (name?: unknown) => string)(name), String(name)).to.throw(
        TypeError,
        'env(name): the name of a variable is a string, got',
      );
    }
  });

  it('build({ env }) fills every reference and returns the canonical manifest', () => {
    const manifest = builder().build({ env: ENV });
    expect(manifest.client_name).to.equal('Acme Connector');
    expect(manifest.description).to.equal('');
    expect(manifest.entry_uri).to.equal('https://apps.acme.com/launch');
    expect(manifest.capabilities?.webhooks?.[CONTENT]?.headers?.[0]?.header_value).to.equal('tok-123');
    expect(Object.isFrozen(manifest)).to.equal(true);
  });

  it('build() reads process.env by default', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, ENV);
      expect(builder().build().client_name).to.equal('Acme Connector');
    } finally {
      for (const key of Object.keys(ENV)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it('reports every unset or invalid reference in one error, at its path, naming the variable, never the secret', () => {
    const error = thrown(() =>
      builder().build({
        env: { ...ENV, LP_APP_NAME: undefined, LP_CONTENT_URL: 'http://hooks.acme.com/lp', LP_WEBHOOK_TOKEN: 'SECRET\r\n' },
      }),
    );
    const issues = error.issues.map(({ code, path }) => `${path} ${code}`).sort();
    expect(issues).to.deep.equal(
      [
        `${ENDPOINT} url_not_https`,
        `${HEADER_VALUE} header_value_control_character`,
        'client_name unresolved_placeholder',
      ].sort(),
    );
    expect(error.message)
      .to.contain('LP_APP_NAME')
      .and.to.contain('(from LP_CONTENT_URL)')
      .and.to.contain('(from LP_WEBHOOK_TOKEN)');
    expect(error.message).to.not.contain('SECRET');
  });

  it('strict mode sees the warnings of filled values', () => {
    const error = thrown(() => builder().build({ strict: true, env: { ...ENV, LP_CONTENT_URL: 'https://localhost/lp' } }));
    expect(error.issues.map((issue) => issue.code)).to.include('unreachable_endpoint_host');
  });

  it('validate({ env }) does not throw and says the same', () => {
    const result = builder().validate({ env: { ...ENV, LP_ENTRY_URI: '' } });
    expect(result.ok).to.equal(false);
    if (!result.ok)
      expect(result.issues.map((issue) => `${issue.path} ${issue.code}`)).to.deep.equal(['entry_uri unresolved_placeholder']);
  });

  it('toTemplate() writes the references as placeholders, checks the rest, and from() reads them back', () => {
    const template = builder().toTemplate();
    expect(template.client_name).to.equal('${{ LP_APP_NAME }}');
    expect(template.capabilities?.webhooks?.[CONTENT]?.endpoint).to.equal('${{ LP_CONTENT_URL }}');
    expect(Object.isFrozen(template)).to.equal(true);
    const again = ManifestBuilder.from(JSON.parse(JSON.stringify(template)), { profile: 'connector' });
    expect(JSON.stringify(again.toTemplate())).to.equal(JSON.stringify(template));
    expect(JSON.stringify(again.build({ env: ENV }))).to.equal(JSON.stringify(builder().build({ env: ENV })));
    const broken = builder().description('x'.repeat(300));
    expect(thrown(() => broken.toTemplate()).issues.map((issue) => issue.code)).to.deep.equal(['too_long']);
  });

  it('a placeholder where only known values go (scope) must be set, even when unresolved ones are allowed', () => {
    const error = thrown(() => ManifestBuilder.from({ client_name: 'Acme', scope: '${{ LP_SCOPE }}' }));
    expect(error.issues.map(({ code, path }) => `${path} ${code}`)).to.deep.equal(['scope unresolved_placeholder']);
    expect(error.message).to.not.contain('stand-in');
    // With the variable set, the same template builds.
    expect(
      validateTemplate({ client_name: 'Acme', scope: '${{ LP_SCOPE }}' }, { env: { LP_SCOPE: 'msg.consumer' } }).ok,
    ).to.equal(true);
  });

  it('a builder without references builds exactly as before, whatever env says', () => {
    const plain = ManifestBuilder.general().clientName('Acme').description('${literal} {{ not a placeholder }}');
    expect(JSON.stringify(plain.build({ env: { literal: 'x' } }))).to.equal(
      '{"client_name":"Acme","description":"${literal} {{ not a placeholder }}"}',
    );
  });

  it('property: toTemplate() → from() → build({ env }) gives back the manifest, byte for byte', () => {
    assertProperty(
      'template round trip',
      0x7e_3915,
      fc.tuple(manifestCase, fc.integer()),
      ([{ profile, manifest }, seed]) => {
        const random = prng(seed);
        const values: Record<string, string> = {};
        let count = 0;
        // Some non-empty values of the fields env() goes to become references; the builder starts from the rest.
        const visit = (value: unknown, key = ''): unknown => {
          if (typeof value === 'string') {
            if (!REFERENCE_FIELDS.test(key) || value === '' || value.includes('{{') || random() < 0.6) return value;
            const name = `V_${count++}`;
            values[name] = value;
            return placeholder(name);
          }
          if (Array.isArray(value)) return value.map((item) => visit(item, key));
          if (value !== null && typeof value === 'object')
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
          return value;
        };
        const expected = validateManifest(manifest, { profile });
        if (!expected.ok) throw new Error('the generator made an invalid manifest');
        const referenced = ManifestBuilder.from(visit(manifest) as Json, { profile });
        const template = JSON.parse(JSON.stringify(referenced.toTemplate())) as Json;
        const rebuilt = ManifestBuilder.from(template, { profile }).build({ env: values });
        expect(JSON.stringify(rebuilt)).to.equal(JSON.stringify(expected.manifest));
      },
      500,
    );
  });
});
