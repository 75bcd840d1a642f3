/**
 * What the JSON Schema gives an editor beyond a verdict: VS Code's JSON language service
 * (microsoft/vscode-json-languageservice, src/jsonSchema.ts and src/parser/jsonParser.ts) shows a
 * pattern's `patternErrorMessage` instead of "String does not match the pattern of …" (the whole
 * pattern, hundreds of characters), a failed `const`/`contains`'s `errorMessage`, `markdownDescription`
 * on hover, and inserts `defaultSnippets`. Its `not` has no message of its own ("Matches a schema
 * that is not allowed"), so no pattern is left inside a `not`.
 */
import { expect } from 'chai';
import {
  JSON_SCHEMA_EDITOR_KEYWORDS,
  manifestJsonSchema,
  MESSAGES,
  PROFILES,
  validateManifest,
  WEBHOOK_EVENTS,
  type JsonSchemaValue,
  type Profile,
} from '../../src/index.js';
import { newAjv, strictAjvWithoutEditorKeywords } from './helpers/verdicts.js';

type SchemaObject = { [keyword: string]: JsonSchemaValue };

/** Every object of a JSON value, with its path, and whether it is a schema (not a value inside `defaultSnippets`, `enum`, …). */
function* schemas(value: JsonSchemaValue, path = '#'): Generator<[string, SchemaObject]> {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* schemas(item, `${path}/${i}`);
    return;
  }
  yield [path, value];
  for (const [key, child] of Object.entries(value)) {
    if (['defaultSnippets', 'enum', 'const', 'required'].includes(key)) continue;
    if (key === 'properties' || key === 'patternProperties' || key === '$defs') {
      for (const [name, sub] of Object.entries(child as SchemaObject)) yield* schemas(sub, `${path}/${key}/${name}`);
    } else yield* schemas(child, `${path}/${key}`);
  }
}

/**
 * The text VS Code inserts for a snippet body (jsonCompletion.ts, getInsertTextForSnippetValue): the
 * body as JSON, each string quoted as JSON unless it starts with `^` (then written as it is).
 */
function insertText(body: unknown): string {
  if (typeof body === 'string') return body.startsWith('^') ? body.slice(1) : JSON.stringify(body);
  if (Array.isArray(body)) return `[${body.map(insertText).join(',')}]`;
  if (typeof body === 'object' && body !== null)
    return `{${Object.entries(body)
      .map(([key, value]) => `${JSON.stringify(key)}:${insertText(value)}`)
      .join(',')}}`;
  return JSON.stringify(body);
}

/** A snippet's text once the user accepts it as offered: each `${1:default}` its default, each `${1|a,b|}` its first choice, `\$` a `$`. */
function filledIn(snippet: string): string {
  return snippet.replace(
    /\\([$}\\])|\$\{\d+:([^}]*)\}|\$\{\d+\|([^,|]*)[^|]*\|\}|\$\d+/g,
    (_, escaped?: string, placeholder?: string, choice?: string) => escaped ?? placeholder ?? choice ?? '',
  );
}

const BASE: Record<Profile, Record<string, unknown>> = {
  general: { client_name: 'Acme' },
  connector: { client_name: 'Acme Connector', grant_types: ['client_credentials'], scope: 'msg.consumer' },
};

/** Where each snippet goes in a manifest, by the schema path it is offered at. */
const PLACES: Record<string, (value: unknown) => Record<string, unknown>> = {
  '#/properties/capabilities/properties/webhooks': (value) => ({ capabilities: { webhooks: value } }),
  '#/$defs/webhook': (value) => ({ capabilities: { webhooks: { [WEBHOOK_EVENTS[0]]: value } } }),
  '#/$defs/webhook/properties/headers/items': (value) => ({
    capabilities: { webhooks: { [WEBHOOK_EVENTS[0]]: { endpoint: 'https://hooks.acme.com/lp', headers: [value] } } },
  }),
  '#/properties/capabilities/properties/engagement': (value) => ({ capabilities: { engagement: value } }),
};

describe('the JSON Schema in an editor (VS Code keywords)', () => {
  for (const profile of PROFILES) {
    describe(`(${profile})`, () => {
      const schema = manifestJsonSchema(profile);
      const all = [...schemas(schema)];

      it('gives every pattern a readable patternErrorMessage, and leaves no pattern inside a not', () => {
        let patterns = 0;
        for (const [path, node] of all) {
          if (typeof node['pattern'] === 'string') {
            patterns++;
            const message = node['patternErrorMessage'];
            expect(message, `${path} has a pattern without a patternErrorMessage`).to.be.a('string');
            expect((message as string).length, path).to.be.within(10, 500);
            expect(message, path).not.to.include(node['pattern']);
          } else expect(node, path).not.to.have.property('patternErrorMessage');
          const not = node['not'];
          if (typeof not === 'object' && not !== null && !Array.isArray(not))
            expect(not, `${path}/not: VS Code says only "Matches a schema that is not allowed"`).not.to.have.property('pattern');
        }
        // client_name, description, display_name, the localized names, logo_uri, entry_uri, scope, redirect URIs, endpoint, header name and value
        expect(patterns).to.be.greaterThanOrEqual(15);
      });

      it('words each pattern as the validator words the same fault, where one issue code says it', () => {
        const messages = new Set(all.map(([, node]) => node['patternErrorMessage']).filter((m) => typeof m === 'string'));
        for (const message of [
          MESSAGES.blank({}),
          MESSAGES.control_character({}),
          MESSAGES.invalid_logo_uri({}),
          MESSAGES.invalid_redirect_uri({}),
          MESSAGES.redirect_uri_has_fragment({}),
          MESSAGES.invalid_header_name({}),
          MESSAGES.reserved_header_name({ prefix: 'x-liveperson-' }),
        ])
          expect([...messages], message).to.include(message);
      });

      it('gives a connector value that must be present the validator’s message (errorMessage)', () => {
        const properties = schema['properties'] as SchemaObject;
        const grantTypes = properties['grant_types'] as SchemaObject;
        const scope = properties['scope'] as SchemaObject;
        if (profile === 'connector') {
          expect(grantTypes['errorMessage']).to.equal(
            MESSAGES.connector_required_value({ rule: 'includes', expected: 'client_credentials' }),
          );
          expect(scope['errorMessage']).to.equal(MESSAGES.connector_required_value({ rule: 'equals', expected: 'msg.consumer' }));
        } else {
          expect(grantTypes).not.to.have.property('errorMessage');
          expect(scope).not.to.have.property('errorMessage');
        }
      });

      it('puts a markdownDescription beside every description of a property, with the source of each top-level field', () => {
        let described = 0;
        for (const [path, node] of all) {
          if (typeof node['description'] !== 'string' || !/\/(?:properties|patternProperties)\/[^/]+$/.test(path)) continue;
          expect(node['markdownDescription'], path).to.be.a('string');
          expect(node['markdownDescription'] as string, path).to.include(node['description'] as string);
          described++;
        }
        expect(described).to.be.greaterThan(30);
        const clientName = (schema['properties'] as SchemaObject)['client_name'] as SchemaObject;
        expect(clientName['markdownDescription']).to.match(/\n\nSource: .*RFC 7591 §2\.$/);
      });

      it('offers snippets for the webhooks, a webhook, a header and the engagement block, each valid once filled in', () => {
        const offered = all.filter(([, node]) => node['defaultSnippets'] !== undefined);
        expect(offered.map(([path]) => path).sort()).to.deep.equal(Object.keys(PLACES).sort());
        const check = newAjv().compile(schema);
        for (const [path, node] of offered) {
          const snippets = node['defaultSnippets'] as { label: string; description: string; body: unknown }[];
          expect(snippets.length, path).to.be.greaterThan(0);
          for (const snippet of snippets) {
            expect(snippet.label, path).to.be.a('string').and.not.equal('');
            expect(snippet.description, path).to.be.a('string').and.not.equal('');
            const text = insertText(snippet.body);
            expect(text, `${path}: a snippet with nothing to fill in`).to.match(/\$\{1[:|]/);
            const value = JSON.parse(filledIn(text)) as unknown;
            const manifest = { ...BASE[profile], ...PLACES[path]!(value) };
            expect(check(manifest), `${path} ${JSON.stringify(manifest)}: ${JSON.stringify(check.errors)}`).to.equal(true);
            const result = validateManifest(manifest, { profile });
            expect(result.ok, `${path}: ${JSON.stringify(result.ok ? [] : result.issues)}`).to.equal(true);
          }
        }
      });

      it('writes a header value as a ${{ }} placeholder, never a literal secret', () => {
        const headers = all.find(([path]) => path === '#/$defs/webhook/properties/headers/items')![1];
        const [snippet] = headers['defaultSnippets'] as { body: { header_value: string } }[];
        expect(JSON.parse(filledIn(insertText(snippet!.body)))).to.deep.equal({
          header_name: 'X-Api-Key',
          header_value: '${{ LP_WEBHOOK_TOKEN }}',
        });
      });

      it('cannot be compiled by a strict ajv that is not told of the editor keywords', () => {
        expect(() => strictAjvWithoutEditorKeywords().compile(schema)).to.throw(/unknown keyword/);
      });
    });
  }

  it('uses exactly the editor keywords JSON_SCHEMA_EDITOR_KEYWORDS names (beyond draft 2020-12)', () => {
    const draft = new Set(Object.keys(strictAjvWithoutEditorKeywords().RULES.keywords));
    const used = new Set<string>();
    for (const profile of PROFILES)
      for (const [, node] of schemas(manifestJsonSchema(profile)))
        for (const key of Object.keys(node)) if (!draft.has(key) && !key.startsWith('$')) used.add(key);
    for (const key of ['title', 'description', 'type']) used.delete(key);
    expect([...used].sort()).to.deep.equal([...JSON_SCHEMA_EDITOR_KEYWORDS].sort());
  });
});
