/**
 * The rules the JSON Schema cannot express: for each, one concrete input on
 * which ajv and the validator disagree, the predicate the differential test
 * uses to skip it, and its line in docs/schema-differences.md.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { IssueCode, Profile } from '../../src/index.js';
import { validateManifest } from '../../src/index.js';
import { connectorTemplate } from '../helpers/fixtures.js';
import { KNOWN_DIFFERENCE_IDS, knownDifferences, type KnownDifferenceId } from './helpers/known-differences.js';
import { verdicts } from './helpers/verdicts.js';

type JsonObject = Record<string, unknown>;

const base = (): JsonObject => ({ client_name: 'App' });
const withWebhook = (webhook: JsonObject): JsonObject => ({
  ...base(),
  capabilities: { webhooks: { 'cqm.ExConversationChangeNotification': webhook } },
});

interface Case {
  readonly name: string;
  readonly profile: Profile;
  readonly value: JsonObject;
  /** What the schema says; the validator says the opposite. */
  readonly schemaAccepts: boolean;
  /** When the validator rejects: the code it gives. */
  readonly code?: IssueCode;
}

const CASES: Record<KnownDifferenceId, readonly Case[]> = {
  'duplicate-header-name': [
    {
      name: 'two headers whose names differ only in case',
      profile: 'general',
      value: withWebhook({
        endpoint: 'https://example.com/hook',
        headers: [
          { header_name: 'X-Api-Key', header_value: 'a' },
          { header_name: 'x-api-key', header_value: 'b' },
        ],
      }),
      schemaAccepts: true,
      code: 'duplicate_header_name',
    },
    {
      name: 'the same header name twice, with different values (uniqueItems sees different items)',
      profile: 'connector',
      value: {
        ...connectorTemplate(),
        capabilities: {
          webhooks: {
            'ms.MessagingEventNotification.ContentEvent': {
              endpoint: 'https://example.com/hook',
              headers: [
                { header_name: 'NAME', header_value: 'one' },
                { header_name: 'NAME', header_value: 'two' },
              ],
            },
          },
        },
      },
      schemaAccepts: true,
      code: 'duplicate_header_name',
    },
  ],
  'duplicate-language-tag': [
    {
      name: 'client_name#en and client_name#EN',
      profile: 'general',
      value: { ...base(), 'client_name#en': 'App', 'client_name#EN': 'App' },
      schemaAccepts: true,
      code: 'duplicate_language_tag',
    },
  ],
  'language-tag-length': [
    {
      name: 'a well-formed tag of 256 characters',
      profile: 'general',
      value: { ...base(), [`client_name#en-a${'-abcdefgh'.repeat(28)}`]: 'App' },
      schemaAccepts: true,
      code: 'invalid_language_tag',
    },
  ],
  'duplicate-scope-value': [
    {
      name: 'msg.consumer twice (general profile)',
      profile: 'general',
      value: { ...base(), scope: 'msg.consumer msg.consumer' },
      schemaAccepts: true,
      code: 'duplicate_item',
    },
    {
      name: 'a faas.<name> value twice (general profile)',
      profile: 'general',
      value: { ...base(), scope: 'msg.consumer faas.a faas.a' },
      schemaAccepts: true,
      code: 'duplicate_item',
    },
  ],
  'whatwg-url-parsing': [
    {
      name: 'an endpoint with a port above 65535',
      profile: 'general',
      value: withWebhook({ endpoint: 'https://example.com:99999/hook' }),
      schemaAccepts: true,
      code: 'url_invalid_port',
    },
    {
      name: 'an entry_uri with an IPv4 part above 255',
      profile: 'general',
      value: { ...base(), entry_uri: 'https://1.2.3.256/launch' },
      schemaAccepts: true,
      code: 'url_invalid_host',
    },
    {
      name: 'an endpoint whose host the WHATWG parser reads as another (127.1 is 127.0.0.1)',
      profile: 'general',
      value: withWebhook({ endpoint: 'https://127.1/hook' }),
      schemaAccepts: true,
      code: 'url_host_mismatch',
    },
    {
      name: 'a logo_uri with an IP literal that is no IPv6 address',
      profile: 'general',
      value: { ...base(), logo_uri: 'https://[1::2::3]/logo.png' },
      schemaAccepts: true,
      code: 'url_invalid_host',
    },
    {
      name: 'a plain-http redirect URI to an IPv6 address that is not loopback',
      profile: 'general',
      value: { ...base(), redirect_uris: ['http://[::2]/cb'] },
      schemaAccepts: true,
      code: 'redirect_uri_insecure_http',
    },
    {
      name: 'an endpoint with an "xn--" label that is not punycode',
      profile: 'general',
      value: withWebhook({ endpoint: 'https://xn--a.example.com/hook' }),
      schemaAccepts: true,
      code: 'url_invalid_host',
    },
    {
      name: 'a loopback redirect URI with a port above 65535',
      profile: 'general',
      value: { ...base(), redirect_uris: ['http://localhost:65536/cb'] },
      schemaAccepts: true,
      code: 'url_invalid_port',
    },
    {
      name: 'a private-use redirect URI with an invalid port',
      profile: 'general',
      value: { ...base(), redirect_uris: ['com.example.app://host:99999/cb'] },
      schemaAccepts: true,
      code: 'invalid_redirect_uri',
    },
  ],
};

/** A JSON round trip, as a manifest file would be read. */
const json = (value: JsonObject): unknown => JSON.parse(JSON.stringify(value));

describe('known differences between the JSON Schema and validateManifest()', () => {
  for (const id of KNOWN_DIFFERENCE_IDS) {
    describe(id, () => {
      for (const { name, profile, value, schemaAccepts, code } of CASES[id]) {
        it(`${name}: the schema ${schemaAccepts ? 'accepts' : 'rejects'} it, the validator ${schemaAccepts ? 'rejects' : 'accepts'} it`, () => {
          const input = json(value);
          const verdict = verdicts(input, profile);
          expect(verdict.schema, verdict.explain()).to.equal(schemaAccepts);
          expect(verdict.validator, verdict.explain()).to.equal(!schemaAccepts);
          if (code !== undefined) {
            const result = validateManifest(input, { profile });
            expect(result.ok ? [] : result.issues.map((issue) => issue.code)).to.deep.equal([code]);
          }
          expect(knownDifferences(input, profile), 'the differential test must skip exactly this').to.deep.equal([id]);
        });
      }
    });
  }

  it('the predicate names nothing for the fixes of these inputs, which both sides judge alike', () => {
    const fixed: [Profile, JsonObject][] = [
      [
        'general',
        withWebhook({
          endpoint: 'https://example.com/hook',
          headers: [
            { header_name: 'X-Api-Key', header_value: 'a' },
            { header_name: 'X-Other', header_value: 'b' },
          ],
        }),
      ],
      ['general', { ...base(), 'client_name#en': 'App', 'client_name#de': 'App' }],
      ['general', { ...base(), scope: 'msg.consumer' }],
      ['connector', { ...base(), grant_types: ['client_credentials'], scope: 'msg.consumer msg.consumer' }],
      ['general', withWebhook({ endpoint: 'https://example.com:9999/hook' })],
      ['general', { ...base(), redirect_uris: ['http://127.0.0.1/cb', 'http://LOCALHOST:8080/cb', 'http://[::1]/cb'] }],
      ['general', { ...base(), redirect_uris: ['http://127.0.0.2/cb', 'https://user@example.com/cb'] }],
      ['general', withWebhook({ endpoint: 'https://example.com:99999 /hook' })],
      // URLs both sides reject as written (the schema's patterns say these rules)
      ['general', { ...base(), redirect_uris: ['http://127.1/cb', 'http://[0:0::1]/cb', 'http://127.0.0.1./cb'] }],
      ['general', withWebhook({ endpoint: 'https://evil.example.com\\@apps.example.com/cb' })],
      ['general', withWebhook({ endpoint: 'https://{domain}/event/ContentEvent' })],
      ['general', withWebhook({ endpoint: `https://${'a.'.repeat(1000)}!` })],
      [
        'general',
        withWebhook({ endpoint: `https://${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}/hook` }),
      ],
      ['general', withWebhook({ endpoint: 'HTTPS://hooks.example.com/lp' })],
      ['general', withWebhook({ endpoint: 'https://http://hooks.acme-corp.com/lp' })],
      ['general', { ...base(), redirect_uris: ['com.example.app://user:pass@host/cb'] }],
      ['general', { ...base(), response_types: ['id_token token', 'token id_token'] }],
      ['general', { ...base(), response_types: ['code id_token'] }],
      ['general', withWebhook({ endpoint: 'https://bücher.example/lp' })],
      ['general', withWebhook({ endpoint: 'https://hooks.example.com/100%' })],
      ['general', withWebhook({ endpoint: `https://hooks.example.com/${'a'.repeat(2048)}` })],
      ['general', { ...base(), logo_uri: '/logo|1.png' }],
      ['general', { ...base(), logo_uri: '//cdn.example.com/logo.png' }],
      // and URLs both accept
      ['general', withWebhook({ endpoint: 'https://your/webhooks/endpoint' })],
      ['general', { ...base(), logo_uri: '/logo%201.png?v=2#x', entry_uri: 'https://[2001:db8::1]:443/a?b=c#d' }],
      ['general', { ...base(), redirect_uris: ['com.example.app:/cb', 'https://xn--bcher-kva.example/cb'] }],
      ['general', { ...base(), redirect_uris: ['http://[0:0:0:0:0:0:0:1]:8080/cb', 'com.example.app://host/cb@x'] }],
      ['general', withWebhook({ endpoint: 'https://[1080:0:0:0:8:800:200C:417A]/index.html#x' })],
      ['general', { ...base(), response_types: ['token id_token', 'code'] }],
    ];
    for (const [profile, value] of fixed) {
      expect(knownDifferences(value, profile), JSON.stringify(value)).to.deep.equal([]);
      const verdict = verdicts(value, profile);
      expect(verdict.schema, verdict.explain()).to.equal(verdict.validator);
    }
  });

  it('docs/schema-differences.md has one table row per known difference, and no other', () => {
    const doc = readFileSync(new URL('../../docs/schema-differences.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((line) => /^\|\s*`[a-z-]+`\s*\|/.test(line));
    const ids = rows.map((row) => /^\|\s*`([a-z-]+)`/.exec(row)![1]);
    expect(ids).to.deep.equal([...KNOWN_DIFFERENCE_IDS]);
  });
});
