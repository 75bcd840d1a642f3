import { expect } from 'chai';
import { ManifestBuilder } from '../../src/index.js';
import { ENGAGEMENT_FIELDS, TARGET_AUDIENCES, TOP_LEVEL_FIELDS } from '../../src/rules/tables.js';
import { readFixture } from '../helpers/fixtures.js';
import { CONTENT, ENGAGEMENT_FIELD_ORDER, expectClean, expectValid, template, type Json } from './helpers.js';

/** Every object and array in a value, the value included. */
function* nodes(value: unknown): Generator<object> {
  if (typeof value !== 'object' || value === null) return;
  yield value;
  for (const child of Object.values(value)) yield* nodes(child);
}

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reverseKeys(child)]),
  );
}

/** A manifest that sets every top-level field. */
function everything(): Json {
  const { capabilities } = template();
  return {
    client_name: 'Acme',
    'client_name#fr': 'Acmé',
    'client_name#de': 'Acme DE',
    description: 'Routes Acme chat into LivePerson',
    grant_types: ['client_credentials', 'authorization_code'],
    response_types: ['code'],
    redirect_uris: ['https://app.example.com/cb'],
    scope: 'msg.consumer',
    logo_uri: '/logo.png',
    enabled: true,
    display_name: 'Acme',
    quick_launch_enabled: false,
    entry_uri: 'https://sso.example.com/launch',
    capabilities,
  };
}

describe('validateManifest: the output', () => {
  describe('is deterministic', () => {
    it('puts top-level keys in table order, localized names right after client_name', () => {
      const manifest = expectClean(reverseKeys(everything()));
      expect(Object.keys(manifest)).to.deep.equal([
        'client_name',
        'client_name#de',
        'client_name#fr',
        'description',
        'grant_types',
        'response_types',
        'redirect_uris',
        'scope',
        'logo_uri',
        'enabled',
        'display_name',
        'quick_launch_enabled',
        'entry_uri',
        'capabilities',
      ]);
    });

    it('puts capabilities, engagement and webhook keys in table order', () => {
      const manifest = expectClean(reverseKeys(everything()));
      const capabilities = manifest['capabilities'] as Record<string, Json>;
      expect(Object.keys(capabilities)).to.deep.equal(['webhooks', 'engagement']);
      expect(Object.keys(capabilities['engagement'] ?? {})).to.deep.equal([...ENGAGEMENT_FIELD_ORDER]);
      expect(Object.keys(capabilities['webhooks'] ?? {})).to.deep.equal([
        'ms.MessagingEventNotification.ContentEvent',
        'ms.MessagingEventNotification.RichContentEvent',
        'ms.MessagingEventNotification.AcceptStatusEvent',
        'ms.MessagingEventNotification.ChatStateEvent',
        'cqm.ExConversationChangeNotification',
      ]);
    });

    it('gives byte-identical JSON for the same data in any key order', () => {
      const once = JSON.stringify(expectClean(everything()));
      expect(JSON.stringify(expectClean(everything()))).to.equal(once);
      expect(JSON.stringify(expectClean(reverseKeys(everything())))).to.equal(once);
    });

    it('gives enum arrays in table order', () => {
      const input = everything();
      input['grant_types'] = ['authorization_code', 'client_credentials'];
      const engagement = (input['capabilities'] as Record<string, Json>)['engagement'] ?? {};
      engagement['entry_point'] = ['url', 'section'];
      engagement['goal'] = ['lead', 'url'];
      const manifest = expectClean(input);
      expect(manifest['grant_types']).to.deep.equal(['client_credentials', 'authorization_code']);
      const out = (manifest['capabilities'] as Record<string, Json>)['engagement'] ?? {};
      expect(out['entry_point']).to.deep.equal(['section', 'url']);
      expect(out['goal']).to.deep.equal(['url', 'lead']);
    });

    it('keeps enum arrays that are in table order already, gaps and all', () => {
      const input = everything();
      const engagement = (input['capabilities'] as Record<string, Json>)['engagement'] ?? {};
      engagement['goal'] = ['purchase_total', 'lead', 'service_activity'];
      engagement['target_audience'] = [...TARGET_AUDIENCES.filter((_, i) => i % 3 !== 1)];
      const out = (expectClean(input)['capabilities'] as Record<string, Json>)['engagement'] ?? {};
      expect(out['goal']).to.deep.equal(['purchase_total', 'lead', 'service_activity']);
      expect(out['target_audience']).to.deep.equal(TARGET_AUDIENCES.filter((_, i) => i % 3 !== 1));
    });

    it('every enum list of the tables has at most 30 values (the validator keeps the values it has seen as bits of an int)', () => {
      const lists = [
        ...Object.values(TOP_LEVEL_FIELDS).flatMap((rule) =>
          'values' in rule && rule.type === 'enum-list' ? [rule.values] : [],
        ),
        ...Object.values(ENGAGEMENT_FIELDS).flatMap((rule) => ('values' in rule ? [rule.values] : [])),
      ];
      expect(lists).to.have.length.of.at.least(7);
      for (const values of lists) expect(values.length, values.join()).to.be.at.most(30);
    });

    it('de-duplicates enum values given to the builder, and orders them', () => {
      const manifest = ManifestBuilder.general()
        .clientName('Acme')
        .grantTypes('refresh_token', 'client_credentials', 'refresh_token')
        .build();
      expect(manifest.grant_types).to.deep.equal(['client_credentials', 'refresh_token']);
    });
  });

  describe('keeps the documented examples byte for byte', () => {
    it('the connector template, in the connector profile', () => {
      const fixture = readFixture('connector-template.json');
      const { manifest, warnings } = expectValid(fixture, 'connector');
      expect(JSON.stringify(manifest)).to.equal(JSON.stringify(fixture));
      // its placeholder endpoints, https://your/webhooks/endpoint, have a host of one label; its name and description are LivePerson's placeholders
      // in field order: the name and description first, then the endpoints under capabilities
      expect(warnings.map(({ code }) => code)).to.deep.equal([
        'template_leftover', // "App name"
        'template_leftover', // "App description"
        ...Array(5).fill('single_label_host'),
      ]);
    });

    it('the example of page 000, in the general profile', () => {
      const fixture = readFixture('general-example.json');
      const { manifest, warnings } = expectValid(fixture, 'general');
      expect(JSON.stringify(manifest)).to.equal(JSON.stringify(fixture));
      expect(warnings.map(({ code }) => code)).to.deep.equal([
        // "My First LE-App", "This is my first LE-App"
        'template_leftover',
        'template_leftover',
        ...Array(5).fill('single_label_host'),
        'code_without_authorization_code',
      ]);
    });

    it('the connector template with headers, in both profiles', () => {
      const fixture = readFixture('connector-with-headers.json');
      for (const profile of ['connector', 'general'] as const) {
        const { manifest, warnings } = expectValid(fixture, profile);
        expect(JSON.stringify(manifest)).to.equal(JSON.stringify(fixture));
        expect(warnings.length, profile).to.be.above(0);
        // the template's placeholders: its endpoints' one-label host, its name and description
        expect(
          warnings.every(({ code }) => code === 'single_label_host' || code === 'template_leftover'),
          profile,
        ).to.equal(true);
        expect(warnings.filter(({ code }) => code === 'template_leftover').map(({ path }) => path)).to.deep.equal([
          'client_name',
          'description',
        ]);
      }
    });
  });

  describe('is plain, frozen data of its own', () => {
    it('is deep-frozen: no write at any level takes effect', () => {
      const manifest = expectClean(everything());
      for (const node of nodes(manifest)) expect(Object.isFrozen(node), JSON.stringify(node)).to.equal(true);
      // Reflect.set reports a refused write whether or not the calling code is in strict mode
      expect(Reflect.set(manifest, 'client_name', 'Other')).to.equal(false);
      expect(manifest['client_name']).to.equal('Acme');
      const goal = ((manifest['capabilities'] as Record<string, Json>)['engagement']?.['goal'] ?? []) as string[];
      expect(() => goal.push('lead')).to.throw(TypeError);
      expect(goal).to.have.length(5);
    });

    it('shares nothing with the input', () => {
      const input = everything();
      const manifest = expectClean(input);
      const before = JSON.stringify(manifest);
      const inputNodes = new Set(nodes(input));
      for (const node of nodes(manifest)) expect(inputNodes.has(node)).to.equal(false);
      // and changing the input afterwards changes nothing
      (input['grant_types'] as string[]).push('refresh_token');
      ((input['capabilities'] as Record<string, Json>)['engagement'] ?? {})['design_window'] = true;
      input['client_name'] = 'Changed';
      expect(JSON.stringify(manifest)).to.equal(before);
    });

    it('is made of plain objects and arrays only', () => {
      const input = everything();
      const bare = Object.assign(Object.create(null) as Json, input);
      const manifest = expectClean(bare);
      for (const node of nodes(manifest)) {
        expect([Object.prototype, Array.prototype]).to.include(Object.getPrototypeOf(node));
      }
      expect(JSON.parse(JSON.stringify(manifest))).to.deep.equal(manifest);
    });

    it('drops keys whose value is undefined, as JSON does', () => {
      const manifest = expectClean({
        client_name: 'Acme',
        description: undefined,
        capabilities: {
          webhooks: { [CONTENT]: { endpoint: 'https://hooks.example.com/lp', max_retries: undefined } },
          engagement: undefined,
        },
      });
      expect(manifest).to.deep.equal({
        client_name: 'Acme',
        capabilities: { webhooks: { [CONTENT]: { endpoint: 'https://hooks.example.com/lp' } } },
      });
      for (const node of nodes(manifest)) expect(Object.values(node)).not.to.include(undefined);
    });
  });
});
