import { expect } from 'chai';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import {
  CONSUMER_IDENTITIES,
  ENTRY_POINTS,
  GOALS,
  GRANT_TYPES,
  manifestJsonSchema,
  PROFILES,
  RESPONSE_TYPES,
  TARGET_AUDIENCES,
  VISITOR_BEHAVIORS,
  WEBHOOK_EVENTS,
  type JsonSchemaValue,
  type Profile,
} from '../../src/index.js';
import {
  EDITOR_SCHEMA_KEY,
  ENGAGEMENT_FIELDS,
  FRAMING_HEADER_NAMES,
  SERVER_ASSIGNED_KEYS,
  HEADER_KEYS,
  MAX_RETRIES,
  RETENTION_TIME,
  RETRY_KEY,
  RETRY_KEYS,
  TOP_LEVEL_FIELDS,
  WEBHOOK_KEYS,
  type ProfileLimit,
} from '../../src/rules/tables.js';
import { newAjv } from './helpers/verdicts.js';

type SchemaObject = { [keyword: string]: JsonSchemaValue };

/** Follows a path of keys into a schema, failing the test if a step is missing. */
function at(schema: JsonSchemaValue, ...path: string[]): SchemaObject {
  let node: JsonSchemaValue | undefined = schema;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`no object at ${path.join('.')}`);
    node = node[key];
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`no object at ${path.join('.')}`);
  return node;
}

const limitOf = (limit: ProfileLimit, profile: Profile): number => (typeof limit === 'number' ? limit : limit[profile]);

/** Every object node of a JSON value, with its path. */
function* objects(value: JsonSchemaValue, path = '#'): Generator<[string, object]> {
  if (typeof value !== 'object' || value === null) return;
  yield [path, value];
  for (const [key, child] of Object.entries(value)) yield* objects(child, `${path}/${key}`);
}

describe('manifestJsonSchema()', () => {
  for (const profile of PROFILES) {
    describe(`(${profile})`, () => {
      const schema = manifestJsonSchema(profile);

      it('is a draft 2020-12 schema with its own $id, a title and a description', () => {
        expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
        expect(schema.$id).to.equal(`https://unpkg.com/lp-app-manifest/schema/${profile}.schema.json`);
        expect(schema.title).to.include(profile);
        expect(schema.description).to.be.a('string').and.not.equal('');
      });

      it('is valid against the draft 2020-12 meta-schema and compiles with ajv in strict mode', () => {
        const ajv = newAjv();
        expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).to.equal(true);
        expect(() => ajv.compile(schema)).not.to.throw();
      });

      it('closes every object: additionalProperties is false wherever properties are listed', () => {
        for (const [path, node] of objects(schema)) {
          if ('properties' in node && !path.endsWith('/properties')) {
            expect((node as SchemaObject)['additionalProperties'], path).to.equal(false);
          }
        }
      });

      it('gives every property a description, for editors to show', () => {
        let described = 0;
        for (const [path, node] of objects(schema)) {
          if (!path.endsWith('/properties') && !path.endsWith('/patternProperties')) continue;
          for (const [key, property] of Object.entries(node)) {
            expect((property as SchemaObject)['description'], `${path}/${key}`)
              .to.be.a('string')
              .and.not.equal('');
            described++;
          }
        }
        expect(described).to.be.greaterThan(30);
      });

      it('takes the top-level fields, their limits and which are required from the rules table', () => {
        const properties = at(schema, 'properties');
        // every manifest field, then the "$schema" key editors read
        expect(Object.keys(properties)).to.deep.equal([...Object.keys(TOP_LEVEL_FIELDS), EDITOR_SCHEMA_KEY]);
        expect(at(properties, EDITOR_SCHEMA_KEY)['type']).to.equal('string');
        for (const [field, spec] of Object.entries(TOP_LEVEL_FIELDS)) {
          if ('maxLength' in spec) expect(at(properties, field)['maxLength'], field).to.equal(limitOf(spec.maxLength, profile));
        }
        const required = Object.entries(TOP_LEVEL_FIELDS)
          .filter(([, spec]) => 'required' in spec && (spec.required === 'always' || profile === 'connector'))
          .map(([field]) => field);
        expect(schema['required']).to.deep.equal(required);
        expect(at(properties, 'redirect_uris', 'items')['maxLength']).to.equal(TOP_LEVEL_FIELDS.redirect_uris.itemMaxLength);
      });

      it('lists the enum values of the rules tables, as unique items', () => {
        const properties = at(schema, 'properties');
        expect(at(properties, 'grant_types', 'items')['enum']).to.deep.equal(GRANT_TYPES);
        // A response type of several values in any order (RFC 6749 §3.1.1), and each value once however written.
        expect(at(properties, 'response_types', 'items')['enum']).to.deep.equal([...RESPONSE_TYPES, 'token id_token']);
        expect(at(properties, 'response_types')['allOf']).to.deep.equal([
          { not: { contains: { enum: ['id_token token', 'token id_token'] }, minContains: 2 } },
        ]);
        const engagement = at(properties, 'capabilities', 'properties', 'engagement');
        expect(engagement['required']).to.deep.equal(Object.keys(ENGAGEMENT_FIELDS));
        const lists = {
          entry_point: ENTRY_POINTS,
          visitor_behavior: VISITOR_BEHAVIORS,
          target_audience: TARGET_AUDIENCES,
          goal: GOALS,
          consumer_identity: CONSUMER_IDENTITIES,
        };
        for (const [field, values] of Object.entries(lists)) {
          const list = at(engagement, 'properties', field);
          expect(at(list, 'items')['enum'], field).to.deep.equal(values);
          expect(list['uniqueItems'], field).to.equal(true);
        }
        expect(at(engagement, 'properties', 'entry_point')['minItems']).to.equal(1);
      });

      it('takes the webhook events and keys, the retry policy and the integer ranges from the rules table', () => {
        const webhooks = at(schema, 'properties', 'capabilities', 'properties', 'webhooks');
        expect(Object.keys(at(webhooks, 'properties'))).to.deep.equal([...WEBHOOK_EVENTS, RETRY_KEY]);
        const retry = at(webhooks, 'properties', RETRY_KEY);
        expect(Object.keys(at(retry, 'properties'))).to.deep.equal(RETRY_KEYS);
        expect(retry['required']).to.deep.equal(RETRY_KEYS);
        expect(at(retry, 'properties', 'retention_time')).to.include({
          type: 'integer',
          minimum: RETENTION_TIME.min,
          maximum: RETENTION_TIME.max,
        });
        const webhook = at(schema, '$defs', 'webhook');
        expect(Object.keys(at(webhook, 'properties'))).to.deep.equal(WEBHOOK_KEYS);
        expect(webhook['required']).to.deep.equal(['endpoint']);
        expect(at(webhook, 'properties', 'max_retries')).to.include({
          type: 'integer',
          minimum: MAX_RETRIES.min,
          maximum: MAX_RETRIES.max,
        });
        const header = at(webhook, 'properties', 'headers', 'items');
        expect(Object.keys(at(header, 'properties'))).to.deep.equal(HEADER_KEYS);
        expect(header['required']).to.deep.equal(HEADER_KEYS);
      });

      it('says the header, scope, enabled_for_profiles and server-assigned key rules (ajv on concrete inputs)', () => {
        const check = newAjv().compile(schema);
        const base =
          profile === 'connector'
            ? { client_name: 'x', grant_types: ['client_credentials'], scope: 'msg.consumer' }
            : { client_name: 'x' };
        const withHeader = (header_name: string, header_value: string) => ({
          ...base,
          capabilities: {
            webhooks: {
              [WEBHOOK_EVENTS[0]]: { endpoint: 'https://hooks.example.com/lp', headers: [{ header_name, header_value }] },
            },
          },
        });
        for (const name of FRAMING_HEADER_NAMES) {
          expect(check(withHeader(name, '0')), name).to.equal(false);
          expect(check(withHeader(name.toLowerCase(), '0')), name).to.equal(false);
          expect(check(withHeader(`X-${name}`, '0')), `X-${name}`).to.equal(true);
          expect(check(withHeader(`${name}s`, '0')), `${name}s`).to.equal(true);
        }
        expect(check(withHeader('Content-Type', 'application/json')), 'a warning, not an error').to.equal(true);
        for (const value of ['测试', 'café', '\u0085', 'a\r\nb', '\u007f'])
          expect(check(withHeader('X-Tenant', value)), JSON.stringify(value)).to.equal(false);
        for (const value of ['', ' padded ', 'Bearer\tabc', '!~'])
          expect(check(withHeader('X-Tenant', value)), JSON.stringify(value)).to.equal(true);
        const scope = (value: string) => check({ ...base, scope: value });
        expect(scope('msg.consumer')).to.equal(true);
        for (const value of ['msg.consumer faas.lambdas', 'livedeflect', 'faas.a-b_c.1'])
          expect(scope(value), value).to.equal(profile === 'general');
        for (const value of ['msg.consumer  livedeflect', ' msg.consumer', 'faas.', 'faas.a/b', 'openid'])
          expect(scope(value), value).to.equal(false);
        const ids = (value: unknown) => check({ ...base, enabled_for_profiles: value });
        expect(ids([42, 43])).to.equal(true);
        expect(ids([])).to.equal(true);
        for (const value of [[0], [1.5], [42, 42], ['42'], [2 ** 53], 42])
          expect(ids(value), JSON.stringify(value)).to.equal(false);
        for (const key of SERVER_ASSIGNED_KEYS) expect(check({ ...base, [key]: 'x' }), key).to.equal(false);
      });

      it('gives the retention time its unit and its longest in words', () => {
        const retention = at(
          schema,
          'properties',
          'capabilities',
          'properties',
          'webhooks',
          'properties',
          RETRY_KEY,
          'properties',
          'retention_time',
        );
        expect(retention['description']).to.contain('An integer from 2 to 259200 seconds (3 days).');
      });
    });
  }

  it('adds the connector rules only to the connector profile', () => {
    const general = manifestJsonSchema('general');
    const connector = manifestJsonSchema('connector');
    const engagement = (schema: SchemaObject): SchemaObject =>
      at(schema, 'properties', 'capabilities', 'properties', 'engagement', 'properties');
    expect(at(connector, 'properties', 'grant_types')['contains']).to.deep.equal({ const: 'client_credentials' });
    expect(at(general, 'properties', 'grant_types')).not.to.have.property('contains');
    expect(at(connector, 'properties', 'scope')['const']).to.equal('msg.consumer');
    expect(at(general, 'properties', 'scope')).not.to.have.property('const');
    for (const field of ['design_engagement', 'design_window']) {
      expect(at(engagement(connector), field)['const'], field).to.equal(false);
      expect(at(engagement(general), field), field).not.to.have.property('const');
    }
    expect(at(engagement(connector), 'consumer_identity')).to.include({ minItems: 1, maxItems: 1 });
    expect(at(engagement(connector), 'consumer_identity')['contains']).to.deep.equal({ const: 'auth' });
    expect(at(engagement(general), 'consumer_identity')).not.to.have.property('contains');
  });

  it('returns a fresh object on each call, sharing nothing, that the caller may change', () => {
    const first = manifestJsonSchema('connector');
    const pristine = JSON.stringify(first);
    at(first, 'properties', 'client_name')['maxLength'] = 1;
    (at(first, 'properties', 'grant_types', 'items')['enum'] as JsonSchemaValue[]).push('implicit');
    first.title = 'changed';
    const second = manifestJsonSchema('connector');
    expect(JSON.stringify(second)).to.equal(pristine);
    const seen = new Set<object>();
    for (const [path, node] of objects(second)) {
      expect(seen.has(node), `${path} is shared`).to.equal(false);
      seen.add(node);
    }
    for (const [, node] of objects(first)) expect(seen.has(node)).to.equal(false);
  });

  it('throws a TypeError for an unknown profile from untyped code', () => {
    expect(() => manifestJsonSchema('strict' as Profile)).to.throw(TypeError, /general.*connector/);
  });
});

describe('the schema code and tree-shaking', () => {
  const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
  const bundle = async (names: string): Promise<string> => {
    const result = await build({
      stdin: { contents: `export { ${names} } from ${JSON.stringify(entry)};`, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  };

  it('stays out of a bundle that imports only ManifestBuilder and validateManifest', async () => {
    const code = await bundle('ManifestBuilder, validateManifest');
    expect(code).to.include('connector');
    expect(code).not.to.include('json-schema.org');
    expect(code).not.to.include('manifestJsonSchema');
    expect(code).not.to.include('The webhook that receives');
  });

  it('is in a bundle that imports manifestJsonSchema', async () => {
    const code = await bundle('manifestJsonSchema');
    expect(code).to.include('json-schema.org/draft/2020-12/schema');
  });
});
