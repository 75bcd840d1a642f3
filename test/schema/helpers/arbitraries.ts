/**
 * What the differential test (differential.test.ts) feeds the JSON Schema and
 * the validator: valid manifests from the one generator of valid manifests
 * (test/property/arbitraries.ts), kept clear of the known differences and
 * written in any order, and single-field mutations of them, at the places the
 * one collector of places finds (test/property/sites.ts).
 */
import fc from 'fast-check';
import {
  BODY_HEADER_NAMES,
  FRAMING_HEADER_NAMES,
  LOCALIZED_NAME_PREFIX,
  MISSPELLED_WEBHOOK_EVENTS,
  SERVER_ASSIGNED_KEYS,
  RESERVED_HEADER_PREFIX,
  type StringRule,
} from '../../../src/rules/tables.js';
import type { Profile } from '../../../src/index.js';
import {
  anyCase as anyCaseWith,
  codePoints,
  languageTag,
  limitOf,
  manifestFor,
  nameCodePoint,
  scramble,
  seeded,
} from '../../property/arbitraries.js';
import { sitesOf, type Site } from '../../property/sites.js';
import { defineData, getAt, type Segments } from '../../property/support.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

// ---------------------------------------------------------------- characters

const codePoint = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp));
const astral = codePoint(0x10000, 0x10ffff);
const unicodeSpace = fc.constantFrom(' ', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff');
const c0 = codePoint(0x00, 0x1f);
const c1 = codePoint(0x80, 0x9f);
const del = fc.constant('\u007f');

/** Beyond ASCII: what a header value must not contain either (C1 controls, Latin, astral, a lone surrogate). */
const nonAscii = fc.oneof(c1, codePoint(0xa0, 0xd7ff), astral, fc.constantFrom('\u010a', '\u010d', '\ud800', '\ufeff'));
/** Visible ASCII, space and tab: what a header value may contain. */
const headerValueAllowed = fc.oneof(fc.constantFrom('\t', ' '), codePoint(0x21, 0x7e));

/** What a header value must not contain. */
const headerValueForbidden = fc.oneof(
  fc.constantFrom('\r', '\n', '\r\n', '\u0000', '\u007f', '\u001b', '\u0008', '\u000b'),
  c0.filter((ch) => ch !== '\t'),
);

/** `value` with its letters in any case. */
const anyCase = (value: string): fc.Arbitrary<string> => seeded((rand) => anyCaseWith(value, rand));

// ---------------------------------------------------------------- manifests

/**
 * A manifest the validator must accept under `profile`, with any of the
 * optional parts: a generated valid manifest that runs into no known
 * difference, written in any order (keys, enum lists), with or without an
 * editor's `$schema` key, some objects without a prototype.
 */
export function validManifest(profile: Profile): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(manifestFor(profile, { avoidKnownDifferences: true }), fc.integer())
    .map(([manifest, seed]) => scramble(manifest, seed) as JsonObject);
}

// ---------------------------------------------------------------- mutations

/** One change to one place: set a value (or add a key), delete a key, or rename a key. */
export interface Mutation {
  readonly label: string;
  readonly path: Segments;
  readonly change:
    | { readonly op: 'set'; readonly value: Json }
    | { readonly op: 'delete' }
    | { readonly op: 'rename'; readonly to: string };
}

/** A place to mutate: a place of sitesOf() but an enum item, or the key of a localized name (its language tag). */
type Place =
  | Exclude<Site, { readonly kind: 'enum-item' }>
  | { readonly kind: 'language-tag'; readonly path: Segments; readonly tag: string };

/**
 * Where the mutations go: every place sitesOf() finds, but the items of an
 * enum list (the list is mutated whole), and each localized name twice: its
 * key, then its value.
 */
function placesOf(manifest: JsonObject, profile: Profile): Place[] {
  return sitesOf(manifest, profile).flatMap((site): Place[] => {
    if (site.kind === 'enum-item') return [];
    if (site.kind !== 'string' || !site.localized) return [site];
    const tag = String(site.path[0]).slice(LOCALIZED_NAME_PREFIX.length);
    return [{ kind: 'language-tag', path: site.path, tag }, site];
  });
}

/** An editor's `$schema` key: any string (left out of the validator's output). */
const EDITOR_SCHEMA_RULE: StringRule = { type: 'string', maxLength: Infinity };
/** A webhook endpoint: an https URL of any length. */
const ENDPOINT_RULE: StringRule = { type: 'string', maxLength: Infinity, format: 'https-url' };

const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -10, max: 300_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 6 }),
  fc.constant(null).map((): Json => []),
  fc.constant(null).map((): Json => ({})),
  fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);

/** A key close to a known one: one character changed, dropped or doubled, or a different case. */
function typoOf(key: string): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'case', 'underscore')).map(([n, how]) => {
    const i = n % key.length;
    switch (how) {
      case 'drop':
        return key.slice(0, i) + key.slice(i + 1);
      case 'double':
        return key.slice(0, i) + key[i]! + key.slice(i);
      case 'swap':
        return key.slice(0, i) + (key[i] === 'x' ? 'y' : 'x') + key.slice(i + 1);
      case 'case':
        return key.toUpperCase();
      default:
        return key.replace(/[_.]/g, '-');
    }
  });
}

const BAD_TAGS = [
  '',
  'e',
  'en_US',
  'en-',
  '-en',
  'toolongtag',
  'en--US',
  'x',
  'en-x',
  'en-US-x',
  '123',
  'en US',
  'a-DE',
  'en-a',
  'de-CH-1901-x',
];

const BAD_HTTPS_URLS = [
  'http://example.com/hook',
  'HTTPS://example.com',
  'Https://example.com',
  'https:/example.com',
  'https:example.com',
  'https//example.com',
  'ftp://example.com',
  '//example.com/x',
  'example.com',
  '',
  'https://',
  'https:///path',
  'https://?q',
  'https://#f',
  'https://\\host',
  'https://user@example.com',
  'https://user:secret@example.com/x',
  'https://@example.com',
  'https://exa mple.com',
  ' https://example.com',
  'https://example.com ',
  'https://example.com/\u0000',
  'https://example.com/a\nb',
  'https://example.com\u00a0',
  'https://example.com/\u0085',
  'https://example.com\u2028',
  'https://example.com/@x',
  'https://example.com\\@evil',
  'https://exa%41mple.com',
  'javascript:alert(1)',
  '/relative/path',
  '/',
  '//',
  'https://example.com#frag',
  'com.example.app:/cb',
];

const BAD_REDIRECT_URIS = [
  'http://localhost/cb',
  'http://LOCALHOST:8080/cb',
  'http://127.0.0.1:/',
  'http://[::1]/',
  'http://[::1]:8080?x',
  'http://localhost\\cb',
  'http://localhost',
  'http://example.com/cb',
  'http://localhost.example.com/',
  'http://localhost@evil/',
  'http://user@localhost/',
  'http://localhost:80@evil/',
  'http://localhost./',
  'http://127.0.0.2/',
  'http:/localhost/',
  'com.example.app:/cb',
  'com.example.app:/cb#x',
  'comexample:/cb',
  '1com.example:/cb',
  'com.example.app//cb',
  '.example:/cb',
  'com.example.app:/c b',
  'https://example.com/cb#',
  'https://example.com/cb#section',
  'urn:ietf:wg:oauth:2.0:oob',
];

function setMutation(label: string, path: Segments, value: fc.Arbitrary<Json>): fc.Arbitrary<Mutation> {
  return value.map((v): Mutation => ({ label, path, change: { op: 'set', value: v } }));
}

function insertAt(value: string, insert: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), insert).map(([n, ch]) => {
    const units = [...value];
    const i = n % (units.length + 1);
    return [...units.slice(0, i), ch, ...units.slice(i)].join('');
  });
}

/** Strings around a length limit: `max` and `max + 1` code points, in ASCII and astral characters. */
function aroundLimit(max: number, prefix = ''): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(max, max + 1), fc.constantFrom('a', '\u{1F600}', 'é'))
    .map(([length, ch]) => prefix + ch.repeat(Math.max(0, length - [...prefix].length)));
}

function siteMutations(site: Place, manifest: JsonObject, profile: Profile): fc.Arbitrary<Mutation>[] {
  const { path } = site;
  switch (site.kind) {
    case 'object': {
      const extra: string[] = [];
      if (path.length === 0) {
        extra.push(
          `${LOCALIZED_NAME_PREFIX}en`,
          `${LOCALIZED_NAME_PREFIX}`,
          `${LOCALIZED_NAME_PREFIX}xx_YY`,
          'client_name#EN',
          ...SERVER_ASSIGNED_KEYS,
        );
      }
      if (path.at(-1) === 'webhooks') extra.push(...Object.keys(MISSPELLED_WEBHOOK_EVENTS));
      const key = fc.oneof(
        fc.constantFrom(...site.known).chain(typoOf),
        fc.string({ minLength: 1, maxLength: 12 }),
        ...(extra.length > 0 ? [fc.constantFrom(...extra)] : []),
      );
      return [
        fc
          .tuple(key, anyJson)
          .map(([k, v]): Mutation => ({ label: 'unknown key', path: [...path, k], change: { op: 'set', value: v } })),
        fc
          .tuple(fc.constantFrom(...site.known), key)
          .map(([from, to]): Mutation => ({ label: 'renamed key', path: [...path, from], change: { op: 'rename', to } })),
      ];
    }
    case 'string':
    case 'endpoint':
    case 'editor-schema': {
      const rule = site.kind === 'string' ? site.rule : site.kind === 'endpoint' ? ENDPOINT_RULE : EDITOR_SCHEMA_RULE;
      const max = limitOf(rule.maxLength, profile);
      const out = [setMutation('wrong type', path, anyJson)];
      if (Number.isFinite(max)) {
        const prefix = rule.format === 'logo-uri' ? '/' : rule.format === 'https-url' ? 'https://example.com/' : '';
        out.push(setMutation('length limit', path, aroundLimit(max, prefix)));
      }
      if (rule.notBlank) out.push(setMutation('blank', path, fc.constantFrom('', ' ', '\u3000', '\u00a0\u2003', '\ufeff')));
      if (rule.noControlCharacters) out.push(setMutation('control character', path, insertAt('App', fc.oneof(c0, del, c1))));
      if (rule.format !== undefined) {
        out.push(setMutation('bad URL', path, fc.constantFrom(...BAD_HTTPS_URLS, ...BAD_REDIRECT_URIS)));
        out.push(
          setMutation(
            'fuzzed URL',
            path,
            fc.webUrl({
              validSchemes: ['http', 'https', 'ftp', 'com.example'],
              withFragments: true,
              withQueryParameters: true,
              authoritySettings: { withUserInfo: true, withPort: true, withIPv6: true, withIPv4Extended: true },
            }),
          ),
        );
        out.push(
          setMutation(
            'URL with forbidden character',
            path,
            insertAt('https://example.com/x', fc.oneof(c0, del, c1, unicodeSpace)),
          ),
        );
      }
      if (rule.format === undefined && !rule.notBlank)
        out.push(
          setMutation(
            'any text',
            path,
            seeded((rand) => codePoints(rand, 0, 8)),
          ),
        );
      return out;
    }
    case 'redirect-uri':
      return [
        setMutation('wrong type', path, anyJson),
        setMutation('bad redirect URI', path, fc.constantFrom(...BAD_REDIRECT_URIS, ...BAD_HTTPS_URLS)),
        setMutation('length limit', path, aroundLimit(site.itemMaxLength, 'https://example.com/')),
        setMutation(
          'fuzzed URL',
          path,
          fc.webUrl({
            validSchemes: ['http', 'https', 'com.example.app', 'myapp'],
            withFragments: true,
            withQueryParameters: true,
            authoritySettings: { withUserInfo: true, withPort: true, withIPv6: true },
          }),
        ),
      ];
    case 'redirect-uris':
    case 'headers': {
      const items = getAt(manifest, path) as Json[];
      return items.length === 0
        ? [setMutation('wrong type', path, anyJson)]
        : [
            setMutation('wrong type', path, anyJson),
            fc.nat().map(
              (n): Mutation => ({
                label: 'duplicate item',
                path,
                change: { op: 'set', value: [...items, items[n % items.length]!] },
              }),
            ),
          ];
    }
    case 'enum-list': {
      const { values } = site.rule;
      const near = values.flatMap((v) => [v.toUpperCase(), `${v} `, v.replace('_', '-')]);
      return [
        setMutation('wrong type', path, anyJson),
        setMutation('enum list', path, fc.array(fc.constantFrom(...values), { maxLength: values.length + 1 })),
        setMutation(
          'unknown enum value',
          path,
          fc
            .tuple(fc.shuffledSubarray([...values]), fc.oneof(fc.constantFrom(...near), fc.string({ maxLength: 8 }), anyJson))
            .map(([list, odd]) => [...list, odd]),
        ),
      ];
    }
    case 'boolean':
      return [setMutation('wrong type', path, anyJson), setMutation('boolean', path, fc.boolean())];
    case 'integer': {
      const { min, max } = site.range;
      return [
        setMutation('wrong type', path, anyJson),
        setMutation(
          'out of range',
          path,
          fc.oneof(
            fc.constantFrom(min - 1, max + 1, min, max, min + 0.5, -0, 1e21, 2 ** 53, -(2 ** 31), `${min}`),
            fc.integer({ min: min - 100, max: max * 2 + 100 }),
            fc.double({ min: min - 1, max: max + 1, noNaN: true }),
          ),
        ),
      ];
    }
    case 'scope': {
      const values = site.rule.values;
      return [
        setMutation('wrong type', path, anyJson),
        setMutation(
          'scope',
          path,
          fc.oneof(
            fc
              .array(
                fc.constantFrom(
                  ...values,
                  'openid',
                  'MSG.CONSUMER',
                  '',
                  'faas.lambdas',
                  'faas.a-b_c.d',
                  'faas.',
                  'faas.λ',
                  'faas.a/b',
                  'FAAS.x',
                ),
                {
                  minLength: 1,
                  maxLength: 3,
                },
              )
              .map((t) => t.join(' ')),
            fc.constantFrom(
              '',
              ' ',
              `${values[0]!} `,
              ` ${values[0]!}`,
              `${values[0]!}  ${values[0]!}`,
              `${values[0]!}\t`,
              `${values[0]!} `.repeat(11),
            ),
            fc.constantFrom('msg.consumer  livedeflect', ' faas.x', 'faas.x ', 'faas.x\tlivedeflect'),
          ),
        ),
        setMutation('length limit', path, aroundLimit(site.rule.maxLength)),
      ];
    }
    case 'header_name': {
      const index = path.at(-2) as number;
      const headers = getAt(manifest, path.slice(0, -2)) as JsonObject[];
      const siblings = headers.map((header) => String(header['header_name'])).filter((_, j) => j !== index);
      return [
        setMutation('wrong type', path, anyJson),
        setMutation(
          'bad header name',
          path,
          fc.oneof(
            fc.constantFrom('', 'X Header', 'X-Header:', 'Ünicode', 'X-Header\r\n', '(x)', 'a/b', 'a@b', '"q"', 'x\u0000'),
            anyCase(RESERVED_HEADER_PREFIX).chain((prefix) =>
              fc.constantFrom(prefix, `${prefix}signature`, `${prefix}account-id`),
            ),
          ),
        ),
        setMutation('framing header name', path, fc.constantFrom(...FRAMING_HEADER_NAMES).chain(anyCase)),
        setMutation('near a framing header name', path, fc.constantFrom('X-Host', 'Hosts', 'TE-x', 'Content-Length2', 'xHost')),
        ...(siblings.some((sibling) => BODY_HEADER_NAMES.some((body) => body.toLowerCase() === sibling.toLowerCase()))
          ? []
          : [setMutation('body header name (a warning)', path, fc.constantFrom(...BODY_HEADER_NAMES).chain(anyCase))]),
        ...(siblings.length > 0 ? [setMutation('duplicate header name', path, fc.constantFrom(...siblings).chain(anyCase))] : []),
      ];
    }
    case 'header_value': {
      const value = String(getAt(manifest, path));
      return [
        setMutation('wrong type', path, anyJson),
        setMutation('header value control character', path, insertAt(value, headerValueForbidden)),
        setMutation('header value not ASCII', path, insertAt(value, nonAscii)),
        setMutation('header value allowed character', path, insertAt(value, headerValueAllowed)),
      ];
    }
    case 'id-list': {
      const items = getAt(manifest, path) as Json[];
      return [
        setMutation('wrong type', path, anyJson),
        setMutation(
          'ids',
          path,
          fc.array(fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constantFrom(2 ** 53 - 1, 2 ** 53, 1.5, -0)), { maxLength: 4 }),
        ),
        ...(items.length === 0
          ? []
          : [
              fc.nat().map(
                (n): Mutation => ({
                  label: 'duplicate id',
                  path,
                  change: { op: 'set', value: [...items, items[n % items.length]!] },
                }),
              ),
            ]),
      ];
    }
    case 'id':
      return [
        setMutation('wrong type', path, anyJson),
        setMutation('bad id', path, fc.constantFrom(0, -1, 1.5, 2 ** 53, 2 ** 53 - 1, 1e21, '42')),
      ];
    case 'language-tag':
      return [
        fc
          .oneof(fc.constantFrom(...BAD_TAGS), languageTag, anyCase(site.tag))
          .map(
            (tag): Mutation => ({ label: 'language tag', path, change: { op: 'rename', to: `${LOCALIZED_NAME_PREFIX}${tag}` } }),
          ),
        fc
          .tuple(
            anyCase(site.tag),
            seeded((rand) => codePoints(rand, 1, 8, nameCodePoint)),
          )
          .map(
            ([tag, name]): Mutation => ({
              label: 'duplicate language tag',
              path: [`${LOCALIZED_NAME_PREFIX}${tag}`],
              change: { op: 'set', value: name },
            }),
          ),
      ];
  }
}

/** A key deletion: a missing required field where the key is required, harmless where not. */
const deletion = (site: Place): fc.Arbitrary<Mutation>[] =>
  site.path.length === 0 || site.kind === 'language-tag'
    ? []
    : [fc.constant<Mutation>({ label: 'missing field', path: site.path, change: { op: 'delete' } })];

/** Applies a mutation to a copy of `manifest`. */
export function applyMutation(manifest: JsonObject, mutation: Mutation): Json {
  const { path, change } = mutation;
  if (path.length === 0) return change.op === 'set' ? change.value : manifest;
  const copy = structuredClone(manifest);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key]!;
  const last = path.at(-1)!;
  if (Array.isArray(parent)) {
    if (change.op === 'set') parent[last as number] = change.value;
    else if (change.op === 'delete') parent.splice(last as number, 1);
    return copy;
  }
  const object = parent as JsonObject;
  const key = String(last);
  // an own property, even `__proto__`
  if (change.op === 'set') defineData(object, key, change.value);
  else {
    const value = object[key];
    delete object[key];
    if (change.op === 'rename' && value !== undefined) defineData(object, change.to, value);
  }
  return copy;
}

/** A valid manifest of `profile` with one mutation, and the mutation's label. */
export function mutatedManifest(profile: Profile): fc.Arbitrary<{ readonly value: Json; readonly label: string }> {
  return validManifest(profile).chain((manifest) =>
    fc
      .constantFrom(...placesOf(manifest, profile))
      .chain((site) => fc.oneof(...siteMutations(site, manifest, profile), ...deletion(site)))
      .map((mutation) => ({ value: applyMutation(manifest, mutation), label: mutation.label })),
  );
}
