/**
 * `${{ NAME }}` placeholders: filled from variables, validated where they
 * land, every unset one reported at once, a secret never shown.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  listPlaceholders,
  ManifestBuilder,
  ManifestValidationError,
  MESSAGES,
  validateManifest,
  validateTemplate,
  type ValidationIssue,
} from '../../src/index.js';
import { escapeTemplateText, parseTemplate, placeholder } from '../../src/template/placeholders.js';
import { manifestCase } from '../property/arbitraries.js';
import { revokedProxy, throwingProxy, withThrowingGetter } from '../property/hostile.js';
import { assertProperty, prng, type Json } from '../property/support.js';

const CONTENT = 'ms.MessagingEventNotification.ContentEvent';
const CONVERSATION = 'cqm.ExConversationChangeNotification';
const CONTENT_ENDPOINT = `capabilities.webhooks["${CONTENT}"].endpoint`;
const CONTENT_HEADER_VALUE = `capabilities.webhooks["${CONTENT}"].headers[0].header_value`;

const template = (): Json => ({
  client_name: 'Acme ${{ LP_ENV }}',
  capabilities: {
    webhooks: {
      [CONTENT]: {
        endpoint: 'https://${{LP_HOST}}/lp/content',
        headers: [{ header_name: 'X-Acme-Token', header_value: '${{ LP_WEBHOOK_TOKEN }}' }],
      },
      [CONVERSATION]: { endpoint: '${{ LP_CONVERSATION_URL }}' },
    },
  },
});

const ENV = {
  LP_ENV: 'production',
  LP_HOST: 'hooks.acme.com',
  LP_WEBHOOK_TOKEN: 'tok-123',
  LP_CONVERSATION_URL: 'https://hooks.acme.com/lp/conversations',
};

const summary = (issues: readonly ValidationIssue[]) => issues.map(({ code, path, severity }) => ({ code, path, severity }));

describe('parseTemplate', () => {
  it('finds whole and inner placeholders, with or without spaces', () => {
    expect(parseTemplate('${{X}}').parts).to.deep.equal([{ variable: 'X' }]);
    expect(parseTemplate('https://${{  LP_HOST\t}}/a').parts).to.deep.equal([
      { text: 'https://' },
      { variable: 'LP_HOST' },
      { text: '/a' },
    ]);
    expect(parseTemplate('${{ A }}${{ B }}${{ A }}').variables).to.deep.equal(['A', 'B']);
  });

  it('reads $${{ as a literal ${{, and $$${{ X }} as a $ and a placeholder', () => {
    const parsed = parseTemplate('cost: $${{ PRICE }}');
    expect(parsed).to.deep.equal({ parts: [{ text: 'cost: ${{ PRICE }}' }], variables: [], malformed: false });
    expect(parseTemplate('$$${{ X }}').parts).to.deep.equal([{ text: '$' }, { variable: 'X' }]);
    expect(parseTemplate('$$$${{ X }}').parts).to.deep.equal([{ text: '$${{ X }}' }]);
    expect(parseTemplate('a$$b $ {{ c }} $$').parts).to.deep.equal([{ text: 'a$$b $ {{ c }} $$' }]);
  });

  it('escapes literal text so that it reads back as itself, also right before a placeholder', () => {
    for (const text of ['a ${{ b }} ${{', '$$${{', 'x$', '$', '{{', '$${{$', 'plain']) {
      expect(parseTemplate(escapeTemplateText(text)).parts, text).to.deep.equal([{ text }]);
      expect(parseTemplate(`${escapeTemplateText(text, true)}${placeholder('V')}`).parts, text).to.deep.equal([
        { text },
        { variable: 'V' },
      ]);
    }
  });

  it('marks a ${{ that starts no placeholder', () => {
    for (const text of ['${{ 1X }}', '${{ X', '${{ X-Y }}', '${{}}', 'a ${{ '])
      expect(parseTemplate(text).malformed, text).to.equal(true);
  });

  it('writes placeholders in one spelling', () => {
    expect(placeholder('LP_HOST')).to.equal('${{ LP_HOST }}');
  });

  it('works in linear time on hostile text', () => {
    const hostile =
      '${{ '.repeat(200_000) + '$'.repeat(200_000) + '${{ A'.repeat(100_000) + '{'.repeat(200_000) + '$'.repeat(200_000);
    const started = performance.now();
    parseTemplate(hostile);
    escapeTemplateText(hostile, true);
    expect(performance.now() - started).to.be.lessThan(2_000);
  });
});

describe('validateTemplate', () => {
  it('fills every placeholder and returns the canonical manifest', () => {
    const result = validateTemplate(template(), { env: ENV, profile: 'general' });
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    if (!result.ok) return;
    expect(result.manifest.client_name).to.equal('Acme production');
    expect(result.manifest.capabilities?.webhooks?.[CONTENT]?.endpoint).to.equal('https://hooks.acme.com/lp/content');
    expect(result.manifest.capabilities?.webhooks?.[CONTENT]?.headers?.[0]?.header_value).to.equal('tok-123');
    expect(Object.isFrozen(result.manifest.capabilities?.webhooks)).to.equal(true);
  });

  it('reports every unset variable at once, at its path, beside the other issues', () => {
    const input = { ...template(), description: 'x'.repeat(300) };
    const result = validateTemplate(input, { env: { LP_ENV: 'staging', LP_CONVERSATION_URL: ENV.LP_CONVERSATION_URL } });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(summary(result.issues)).to.deep.equal([
      { code: 'unresolved_placeholder', path: CONTENT_ENDPOINT, severity: 'error' },
      { code: 'unresolved_placeholder', path: CONTENT_HEADER_VALUE, severity: 'error' },
      { code: 'too_long', path: 'description', severity: 'error' },
    ]);
    expect(result.issues[0].message).to.contain('LP_HOST').and.to.contain('not set');
    expect(result.issues[1]?.message).to.contain('LP_WEBHOOK_TOKEN');
  });

  it('treats an empty variable as unset, except where the manifest allows an empty value (description)', () => {
    const result = validateTemplate(
      { ...template(), description: '${{ DESCRIPTION }}' },
      { env: { ...ENV, LP_HOST: '', DESCRIPTION: '' } },
    );
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(summary(result.issues)).to.deep.equal([{ code: 'unresolved_placeholder', path: CONTENT_ENDPOINT, severity: 'error' }]);
    expect(result.issues[0].message).to.contain('LP_HOST').and.to.contain('empty');
  });

  it('validates a value where it lands and names the variable it came from', () => {
    const result = validateTemplate(template(), { env: { ...ENV, LP_CONVERSATION_URL: 'http://hooks.acme.com/lp' } });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => `${issue.path}: ${issue.message}`)).to.deep.equal([
      `capabilities.webhooks["${CONVERSATION}"].endpoint: must start with "https://" (from LP_CONVERSATION_URL)`,
    ]);
  });

  it('never shows a secret that lands in a header value, even one with CR/LF', () => {
    const secret = 'tok-SECRET\r\nX-Evil: 1';
    const result = validateTemplate(template(), { env: { ...ENV, LP_WEBHOOK_TOKEN: secret } });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(summary(result.issues)).to.deep.equal([
      { code: 'header_value_control_character', path: CONTENT_HEADER_VALUE, severity: 'error' },
    ]);
    expect(result.issues[0].message).to.contain('(from LP_WEBHOOK_TOKEN)');
    // Its params quote nothing of the value, so the message still says what is wrong with it.
    expect(result.issues[0].message).to.equal(`${MESSAGES.header_value_control_character({})} (from LP_WEBHOOK_TOKEN)`);
    expect(JSON.stringify(result)).to.not.contain('SECRET');
  });

  it('says once what it hides: a secret that breaks a field in several places is one issue there', () => {
    const secret = 'SECRET-a SECRET-b SECRET-c';
    const manifest = {
      client_name: 'Acme',
      scope: '${{ TOKEN }}',
      capabilities: {
        webhooks: {
          [CONVERSATION]: {
            endpoint: 'https://hooks.acme.com/lp',
            headers: [{ header_name: 'X-T', header_value: '${{ TOKEN }}' }],
          },
        },
      },
    };
    const result = validateTemplate(manifest, { env: { TOKEN: secret } });
    if (result.ok) expect.fail('valid');
    expect(result.issues.map((issue) => `${issue.code}@${issue.path}`)).to.deep.equal(['invalid_scope@scope']);
    expect(JSON.stringify(result.issues)).to.not.contain('SECRET');
  });

  it('reports a malformed placeholder, and keeps a literal ${{ written as $${{', () => {
    const bad = validateTemplate({ client_name: 'Acme ${{ 1X }}' }, { env: {} });
    expect(bad.ok).to.equal(false);
    if (!bad.ok)
      expect(summary(bad.issues)).to.deep.equal([{ code: 'malformed_placeholder', path: 'client_name', severity: 'error' }]);
    const literal = validateTemplate({ client_name: 'Acme $${{ not a variable }}' }, { env: {} });
    expect(literal.ok).to.equal(true);
    if (literal.ok) expect(literal.manifest.client_name).to.equal('Acme ${{ not a variable }}');
  });

  it('with allowUnresolved, reports unset variables as warnings and checks the rest', () => {
    const result = validateTemplate(template(), { env: {}, allowUnresolved: true, profile: 'general' });
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.code)).to.deep.equal(Array(4).fill('unresolved_placeholder'));
    // Unknown values stay as written.
    expect(result.manifest.capabilities?.webhooks?.[CONVERSATION]?.endpoint).to.equal('${{ LP_CONVERSATION_URL }}');
    const broken = validateTemplate({ ...template(), description: 'x'.repeat(300) }, { env: {}, allowUnresolved: true });
    expect(broken.ok).to.equal(false);
    if (!broken.ok) expect(summary(broken.issues)).to.deep.equal([{ code: 'too_long', path: 'description', severity: 'error' }]);
  });

  it('with allowUnresolved, a placeholder where only known values go is an error, whatever else is wrong', () => {
    const alone = validateTemplate({ client_name: 'Acme', scope: '${{ LP_SCOPE }}' }, { env: {}, allowUnresolved: true });
    const beside = validateTemplate(
      { client_name: 'Acme', client_nme: 'x', scope: '${{ LP_SCOPE }}' },
      { env: {}, allowUnresolved: true },
    );
    for (const result of [alone, beside]) {
      expect(result.ok).to.equal(false);
      if (result.ok) continue;
      expect(result.issues.filter((issue) => issue.code === 'unresolved_placeholder').map((issue) => issue.path)).to.deep.equal([
        'scope',
      ]);
      expect(result.warnings.filter((issue) => issue.code === 'unresolved_placeholder')).to.deep.equal([]);
      expect(JSON.stringify(result)).to.not.contain('stand-in');
    }
    if (!beside.ok) expect(beside.issues.map((issue) => issue.code)).to.include('unknown_key');
  });

  it('with allowUnresolved, a fault of the text around a placeholder is still found and named (the gate checks the URL)', () => {
    const at = (endpoint: string) => ({ client_name: 'Acme', capabilities: { webhooks: { [CONTENT]: { endpoint } } } });
    const plain = validateTemplate(at('http://${{ LP_HOST }}/lp'), { env: {}, allowUnresolved: true });
    expect(plain.ok).to.equal(false);
    if (!plain.ok) {
      // The URL's own fault, worded as itself and not "(from LP_HOST)": no value of LP_HOST makes http:// https.
      expect(plain.issues.map((issue) => [issue.code, issue.message])).to.deep.equal([
        ['url_not_https', 'must start with "https://"'],
      ]);
      expect(plain.warnings.map((issue) => issue.code)).to.deep.equal(['unresolved_placeholder']);
    }
    const fragment = validateTemplate(at('https://${{ LP_HOST }}/lp#ct=1000'), { env: {}, allowUnresolved: true });
    expect(fragment.ok).to.equal(true);
    expect(fragment.warnings.map((issue) => issue.code)).to.deep.equal(['unresolved_placeholder', 'endpoint_has_fragment']);
    // What it quotes of the value shows the placeholder, never a stand-in.
    expect(fragment.warnings[1]?.message).to.include('LivePerson will request "https://${{ LP_HOST }}/lp"');
    expect(JSON.stringify(fragment)).to.not.contain('stand-in');
    // What depends on the value is not said: the stand-in's single-label host, a fault of a URL made of two variables.
    for (const endpoint of ['https://${{ LP_HOST }}/lp', 'https://${{ LP_HOST }}/${{ LP_PATH }}#x', '${{ LP_URL }}#x']) {
      const result = validateTemplate(at(endpoint), { env: {}, allowUnresolved: true });
      expect(result.ok, endpoint).to.equal(true);
      expect(
        result.warnings.every((issue) => issue.code === 'unresolved_placeholder'),
        endpoint,
      ).to.equal(true);
      expect(JSON.stringify(result), endpoint).to.not.contain('stand-in');
    }
  });

  it('never shows the value of a variable used in a header value, wherever else it lands', () => {
    const secret = 'SECRETZ q<';
    const input = {
      client_name: 'Acme',
      grant_types: ['${{ TOKEN }}'],
      scope: 'x ${{ TOKEN }}',
      capabilities: {
        webhooks: {
          [CONTENT]: { endpoint: 'https://hooks.acme.com/lp', headers: [{ header_name: 'X-T', header_value: '${{ TOKEN }}' }] },
        },
      },
    };
    const result = validateTemplate(input, { env: { TOKEN: secret } });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).to.include.members(['grant_types[0]', 'scope']);
    expect(JSON.stringify(result)).to.not.contain('SECRETZ');
    expect(result.issues.find((issue) => issue.path === 'grant_types[0]')?.message)
      .to.contain('the value is not shown')
      .and.to.contain('(from TOKEN)');
  });

  it('hides a short secret only where it lands, never by rewriting other messages', () => {
    for (const secret of ['e', 'a', ' ', 'NAME', 'is']) {
      const input = {
        client_name: 'Acme',
        client_nme: 'typo',
        capabilities: {
          webhooks: {
            [CONTENT]: { endpoint: 'https://hooks.acme.com/lp', headers: [{ header_name: 'X-T', header_value: '${{ T }}' }] },
          },
        },
      };
      const result = validateTemplate(input, { env: { T: secret } });
      expect(result.ok).to.equal(false);
      if (result.ok) continue;
      const expected = validateManifest({
        ...input,
        capabilities: {
          webhooks: {
            [CONTENT]: { endpoint: 'https://hooks.acme.com/lp', headers: [{ header_name: 'X-T', header_value: secret }] },
          },
        },
      });
      if (expected.ok) throw new Error('expected the typo to be reported');
      expect(
        result.issues.map((issue) => issue.message),
        secret,
      ).to.deep.equal(expected.issues.map((issue) => issue.message));
      expect(JSON.stringify(result)).to.not.contain('(hidden)');
    }
  });

  it('reads only own variables: ${{ constructor }} and inherited keys are unset', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const result = validateTemplate({ client_name: `\${{ ${name} }}` }, { env: {} });
      expect(result.ok, name).to.equal(false);
      if (!result.ok)
        expect(
          result.issues.map((issue) => issue.code),
          name,
        ).to.deep.equal(['unresolved_placeholder']);
    }
    const inherited = validateTemplate(
      { client_name: '${{ SEC }}' },
      { env: Object.create({ SEC: 'inherited' }) as Record<string, string> },
    );
    expect(inherited.ok).to.equal(false);
  });

  it('returns exactly what validateManifest returns for a manifest without placeholders', () => {
    const manifest = { client_name: 'Acme', description: 'plain' };
    expect(JSON.stringify(validateTemplate(manifest, { env: ENV }))).to.equal(JSON.stringify(validateManifest(manifest)));
  });

  it('from untyped JavaScript, no options or no env means no variable is set', () => {
    const call = validateTemplate as (template: unknown, options?: unknown) => ReturnType<typeof validateTemplate>;
    for (const options of [undefined, null, {}, { profile: 'connector' }]) {
      const result = call({ client_name: '${{ LP_APP_NAME }}' }, options);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.issues.map((issue) => issue.code)).to.include('unresolved_placeholder');
    }
  });

  it('never throws on hostile input', () => {
    const cyclic: Json = { client_name: '${{ X }}' };
    cyclic['self'] = cyclic;
    const getter = Object.defineProperty({ client_name: 'a' }, 'description', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    let deep: Json = { client_name: '${{ X }}' };
    for (let i = 0; i < 100_000; i++) deep = { capabilities: deep };
    for (const input of [cyclic, getter, proxy, deep, null, 42, '${{ X }}', [['${{ X }}']]]) {
      const result = validateTemplate(input, { env: { X: 'x' } });
      expect(result.ok).to.equal(false);
    }
  });

  it('a template, options or env whose reading throws: one issue, never a throw (validateTemplate, listPlaceholders, the builder)', () => {
    // Made afresh for each use: a getter or proxy no JSON parser makes, where a template, its options or env go.
    const unreadable = (key: string): object[] => [throwingProxy({}), revokedProxy({}), withThrowingGetter({}, key)];
    const name = (value: object): object => ({ client_name: '${{ NAME }}', description: value });
    const one = (result: ReturnType<typeof validateTemplate>, what: string): void => {
      if (result.ok) expect.fail(`${what}: valid`);
      expect(
        result.issues.map((issue) => issue.code),
        what,
      ).to.have.length(1);
      expect(result.issues[0].code, what).to.be.oneOf(['invalid_options', 'unreadable_value']);
    };
    const call = validateTemplate as (template: unknown, options?: unknown) => ReturnType<typeof validateTemplate>;
    for (const [i, value] of unreadable('description').entries()) {
      one(call(value, { env: { NAME: 'x' } }), `template #${i}`);
      one(call(name(value), { env: { NAME: 'x' } }), `a value in the template #${i}`);
      expect(
        listPlaceholders(name(value)).map((use) => use.path),
        `listPlaceholders #${i}`,
      ).to.deep.equal(['client_name']);
    }
    for (const [i, options] of unreadable('env').entries()) one(call(name({}), options), `options #${i}`);
    for (const [i, env] of unreadable('NAME').entries()) one(call(name({}), { env }), `env #${i}`);
    // The builder: validate() says so, build() and from() throw only ManifestValidationError.
    const builder = ManifestBuilder.general().clientName('${{ NAME }}');
    const loose = builder as unknown as { validate(options: unknown): ReturnType<typeof validateTemplate> };
    for (const [i, options] of [...unreadable('env'), ...unreadable('NAME').map((env) => ({ env }))].entries()) {
      one(loose.validate(options), `builder.validate() #${i}`);
      expect(() => builder.build(options as never), `build() #${i}`).to.throw(ManifestValidationError);
    }
    for (const [i, options] of unreadable('profile').entries())
      expect(() => ManifestBuilder.from({ client_name: 'x' }, options as never), `from() #${i}`).to.throw(
        ManifestValidationError,
      );
  });
});

describe('validateTemplate, property: placeholders filled with the values they replaced give back the same manifest', () => {
  it('byte for byte, for random valid manifests and random placeholders', () => {
    assertProperty(
      'placeholders round-trip',
      0x7e_3914,
      fc.tuple(manifestCase, fc.integer()),
      ([{ profile, manifest }, seed]) => {
        const random = prng(seed);
        const env: Record<string, string> = {};
        let count = 0;
        const visit = (value: unknown): unknown => {
          if (typeof value === 'string') {
            // An empty variable is an error outside description (tested above), so empty values stay literal here.
            if (value === '' || random() < 0.5) return escapeTemplateText(value);
            const name = `V_${count++}`;
            if (value.length >= 2 && random() < 0.5) {
              // A placeholder inside the value.
              const from = Math.floor(random() * value.length);
              const to = from + 1 + Math.floor(random() * (value.length - from));
              env[name] = value.slice(from, to);
              return `${escapeTemplateText(value.slice(0, from), true)}${placeholder(name)}${escapeTemplateText(value.slice(to))}`;
            }
            env[name] = value;
            return placeholder(name);
          }
          if (Array.isArray(value)) return value.map(visit);
          if (value !== null && typeof value === 'object')
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)]));
          return value;
        };
        const expected = validateManifest(manifest, { profile });
        const actual = validateTemplate(visit(manifest), { profile, env });
        if (!expected.ok) throw new Error('the generator made an invalid manifest');
        if (!actual.ok) throw new Error(`rejected: ${JSON.stringify(summary(actual.issues))}`);
        expect(JSON.stringify(actual.manifest)).to.equal(JSON.stringify(expected.manifest));
      },
      1_000,
    );
  });
});
