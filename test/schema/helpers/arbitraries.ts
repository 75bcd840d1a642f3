/**
 * fast-check generators of manifests, derived from the spec tables: valid
 * manifests of either profile (with every optional part), and single-field
 * mutations of them.
 */
import fc from 'fast-check';
import {
  ENGAGEMENT_FIELDS,
  HEADER_KEYS,
  LOCALIZED_NAME_PREFIX,
  LOOPBACK_REDIRECT_HOSTS,
  MAX_RETRIES,
  MISSPELLED_WEBHOOK_EVENTS,
  RESERVED_HEADER_PREFIX,
  RETENTION_TIME,
  RETRY_KEY,
  RETRY_KEYS,
  TOP_LEVEL_FIELDS,
  WEBHOOK_EVENTS,
  WEBHOOK_KEYS,
  CAPABILITY_KEYS,
  type BooleanRule,
  type EnumListRule,
  type FieldSpec,
  type ProfileLimit,
  type RedirectUrisRule,
  type ScopeRule,
  type StringRule,
} from '../../../src/spec/tables.js';
import type { Profile } from '../../../src/index.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
type Path = readonly (string | number)[];

const limitOf = (limit: ProfileLimit, profile: Profile): number => (typeof limit === 'number' ? limit : limit[profile]);
const isRequired = (spec: FieldSpec, profile: Profile): boolean =>
  spec.required === 'always' || (spec.required === 'connector' && profile === 'connector');
const TOP_LEVEL_KEYS = Object.keys(TOP_LEVEL_FIELDS) as (keyof typeof TOP_LEVEL_FIELDS)[];
const fieldSpec = (key: string): FieldSpec => TOP_LEVEL_FIELDS[key as keyof typeof TOP_LEVEL_FIELDS];

// ---------------------------------------------------------------- characters

const codePoint = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp));
const ascii = codePoint(0x20, 0x7e);
const bmp = fc.oneof(codePoint(0xa0, 0xd7ff), codePoint(0xe000, 0xfffd));
const astral = codePoint(0x10000, 0x10ffff);
/** Lone surrogates are valid in JSON strings; both sides must count them alike. */
const loneSurrogate = codePoint(0xd800, 0xdfff);
const unicodeSpace = fc.constantFrom(' ', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff');
const c0 = codePoint(0x00, 0x1f);
const c1 = codePoint(0x80, 0x9f);
const del = fc.constant('\u007f');

/** Characters of a name: no control characters. */
const nameChar = fc.oneof(
  { weight: 10, arbitrary: ascii },
  { weight: 3, arbitrary: bmp },
  { weight: 1, arbitrary: astral },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: unicodeSpace },
);
/** Any character. */
const anyChar = fc.oneof(
  { weight: 10, arbitrary: nameChar },
  { weight: 1, arbitrary: c0 },
  { weight: 1, arbitrary: del },
  { weight: 1, arbitrary: c1 },
);
/** Characters of a header value: anything but C0 (tab aside) and DEL. */
const headerValueChar = fc.oneof(
  { weight: 10, arbitrary: nameChar },
  { weight: 1, arbitrary: fc.constant('\t') },
  { weight: 1, arbitrary: c1 },
);
/** What a header value must not contain. */
const headerValueForbidden = fc.oneof(fc.constantFrom('\r', '\n', '\r\n', '\u0000', '\u007f', '\u001b', '\u0008', '\u000b'), c0.filter((ch) => ch !== '\t'));

/** A string of at most `max` code points: usually short, sometimes exactly `max` long. */
function text(unit: fc.Arbitrary<string>, max: number, min = 0): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit, minLength: min, maxLength: Math.min(max, 24) }) },
    { weight: 1, arbitrary: fc.string({ unit, minLength: max, maxLength: max }) },
  );
}

const notBlank = (value: string): boolean => /\S/u.test(value);

/** Upper-cases the letters of `value` chosen by the bits of `mask`. */
const withCase = (value: string, mask: number): string =>
  [...value].map((ch, i) => ((mask >>> (i % 31)) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join('');
const anyCase = (value: string): fc.Arbitrary<string> => fc.nat().map((mask) => withCase(value, mask));

// ---------------------------------------------------------------- URLs

const port = fc.integer({ min: 0, max: 65_535 }).map(String);
const segment = fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,12}$/).filter((s) => !/%(?![0-9A-Fa-f]{2})/.test(s));
const pathPart = fc.array(segment, { maxLength: 4 }).map((parts) => parts.map((p) => `/${p}`).join(''));
const query = fc.option(fc.stringMatching(/^\?[A-Za-z0-9=&_.-]{0,16}$/), { nil: '' });
const simpleHost = fc.oneof(
  fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\.[a-z]{2,6}){0,2}$/),
  fc.constantFrom('localhost', '127.0.0.1', '10.1.2.3', '[::1]', '[2001:db8::1]', 'your', 'xn--bcher-kva.example', 'EXAMPLE.COM'),
);

/** `https://` URLs the WHATWG parser accepts. */
const httpsUrl = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.webUrl({
      validSchemes: ['https'],
      withQueryParameters: true,
      authoritySettings: { withIPv4: true, withIPv6: true, withIPv4Extended: true, withPort: true },
    }),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(simpleHost, fc.option(port, { nil: undefined }), pathPart, query)
      .map(([host, p, path, q]) => `https://${host}${p === undefined ? '' : `:${p}`}${path}${q}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'https://your/webhooks/endpoint',
      'https://a',
      'https://example.com?',
      'https://example.com\\path',
      'https://example.com:/',
      'https://example.com/@user',
      'https://example.com#frag',
      'https://example.com/a b'.replace(' ', '%20'),
    ),
  },
);
const httpsUrlUpTo = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: httpsUrl.filter((url) => url.length <= max) },
    // exactly `max` characters long
    { weight: 1, arbitrary: fc.constant(`https://example.com/${'a'.repeat(Math.max(0, max - 20))}`.slice(0, max)) },
  );

const rootPath = fc.oneof(
  pathPart.map((path) => `/${path.replace(/^\/+/, '')}`),
  fc.constant('/src/modules/campaigns/assets/img/software/Mobile-App.png'),
);
const logoUriUpTo = (max: number): fc.Arbitrary<string> =>
  fc.oneof(rootPath.filter((path) => path.length <= max), httpsUrlUpTo(max));

const loopbackRedirect = fc
  .tuple(fc.constantFrom(...LOOPBACK_REDIRECT_HOSTS).chain(anyCase), fc.option(port, { nil: undefined }), pathPart, query)
  .map(([host, p, path, q]) => `http://${host}${p === undefined ? '' : `:${p}`}${path}${q}`);
const privateUseRedirect = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9+.-]{0,6}\.[a-z0-9+.-]{0,6}$/),
    fc.constantFrom(':/cb', ':/oauth2redirect', ':cb', '://callback/path', ':/'),
  )
  .map(([scheme, rest]) => `${scheme}${rest}`);
const redirectUriUpTo = (max: number): fc.Arbitrary<string> =>
  fc
    .oneof(httpsUrlUpTo(max), loopbackRedirect, privateUseRedirect)
    .filter((uri) => uri.length <= max && !uri.includes('#'));

// ---------------------------------------------------------------- fields

function stringArb(rule: StringRule, profile: Profile): fc.Arbitrary<string> {
  const max = limitOf(rule.maxLength, profile);
  if (rule.format === 'https-url') return httpsUrlUpTo(max);
  if (rule.format === 'logo-uri') return logoUriUpTo(max);
  const unit = rule.noControlCharacters ? nameChar : anyChar;
  return rule.notBlank ? text(unit, max, 1).filter(notBlank) : text(unit, max);
}

/** A list of unique enum values, in any order, meeting the profile's rules. */
function enumListArb(rule: EnumListRule, profile: Profile): fc.Arbitrary<string[]> {
  const exactly = profile === 'connector' ? rule.connectorExactly : undefined;
  const mustInclude = profile === 'connector' ? rule.connectorMustInclude : undefined;
  if (exactly !== undefined) return fc.shuffledSubarray([...exactly], { minLength: exactly.length });
  return fc
    .tuple(fc.shuffledSubarray([...rule.values], { minLength: rule.minItems ?? 0 }), fc.nat())
    .map(([values, at]) => {
      if (mustInclude === undefined || values.includes(mustInclude)) return values;
      const index = at % (values.length + 1);
      return [...values.slice(0, index), mustInclude, ...values.slice(index)];
    });
}

const booleanArb = (rule: BooleanRule, profile: Profile): fc.Arbitrary<boolean> =>
  profile === 'connector' && rule.connectorExactly !== undefined ? fc.constant(rule.connectorExactly) : fc.boolean();

const scopeArb = (rule: ScopeRule, profile: Profile): fc.Arbitrary<string> =>
  profile === 'connector' && rule.connectorExactly !== undefined
    ? fc.constant(rule.connectorExactly)
    : fc.shuffledSubarray([...rule.values], { minLength: 1 }).map((values) => values.join(' '));

const redirectUrisArb = (rule: RedirectUrisRule): fc.Arbitrary<string[]> =>
  fc.array(redirectUriUpTo(rule.itemMaxLength), { maxLength: 3 });

const headerName = fc
  .oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,16}$/) },
    { weight: 2, arbitrary: fc.constantFrom('Authorization', 'X-Api-Key', 'x-liveperson', 'X-LivePersonal', 'NAME', 'a') },
  )
  .filter((name) => !name.toLowerCase().startsWith(RESERVED_HEADER_PREFIX));

const headerArb: fc.Arbitrary<JsonObject> = fc.record({
  header_name: headerName,
  header_value: text(headerValueChar, 64),
} satisfies Record<(typeof HEADER_KEYS)[number], fc.Arbitrary<Json>>);

const webhookArb: fc.Arbitrary<JsonObject> = fc.record(
  {
    endpoint: httpsUrl,
    max_retries: fc.integer(MAX_RETRIES),
    // names that differ only in case are a known difference: generate few of them
    headers: fc.uniqueArray(headerArb, { maxLength: 3, selector: (header) => String(header['header_name']).toLowerCase() }),
  } satisfies Record<(typeof WEBHOOK_KEYS)[number], fc.Arbitrary<Json>>,
  { requiredKeys: ['endpoint'] },
);

const retryArb: fc.Arbitrary<JsonObject> = fc.record({
  retention_time: fc.oneof(fc.integer(RETENTION_TIME), fc.constantFrom(RETENTION_TIME.min, RETENTION_TIME.max)),
} satisfies Record<(typeof RETRY_KEYS)[number], fc.Arbitrary<Json>>);

const webhooksArb: fc.Arbitrary<JsonObject> = fc.record(
  {
    ...Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event, webhookArb])),
    [RETRY_KEY]: retryArb,
  },
  { requiredKeys: [] },
);

function engagementArb(profile: Profile): fc.Arbitrary<JsonObject> {
  const fields: Record<string, fc.Arbitrary<Json>> = {};
  for (const [field, rule] of Object.entries(ENGAGEMENT_FIELDS)) {
    fields[field] = rule.type === 'boolean' ? booleanArb(rule, profile) : enumListArb(rule, profile);
  }
  return fc.record(fields);
}

const capabilitiesArb = (profile: Profile): fc.Arbitrary<JsonObject> =>
  fc.record(
    { webhooks: webhooksArb, engagement: engagementArb(profile) } satisfies Record<
      (typeof CAPABILITY_KEYS)[number],
      fc.Arbitrary<Json>
    >,
    { requiredKeys: [] },
  );

function fieldArb(spec: FieldSpec, profile: Profile): fc.Arbitrary<Json> {
  switch (spec.type) {
    case 'string':
      return stringArb(spec, profile);
    case 'enum-list':
      return enumListArb(spec, profile);
    case 'boolean':
      return booleanArb(spec, profile);
    case 'scope':
      return scopeArb(spec, profile);
    case 'redirect-uris':
      return redirectUrisArb(spec);
    case 'capabilities':
      return capabilitiesArb(profile);
  }
}

// ---------------------------------------------------------------- language tags

const letters = (min: number, max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[A-Za-z]{${min},${max}}$`));
const alnums = (min: number, max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const optional = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.option(arb, { nil: '' });

/** A well-formed RFC 5646 language tag, from its ABNF (§2.1), in any case. */
export const languageTag: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.tuple(letters(2, 3), fc.array(letters(3, 3), { maxLength: 3 })).map(([l, ext]) => [l, ...ext].join('-')),
          letters(4, 4),
          letters(5, 8),
        ),
        optional(letters(4, 4).map((s) => `-${s}`)),
        optional(fc.oneof(letters(2, 2), fc.stringMatching(/^[0-9]{3}$/)).map((s) => `-${s}`)),
        fc.array(fc.oneof(alnums(5, 8), fc.stringMatching(/^[0-9][A-Za-z0-9]{3}$/)), { maxLength: 2 }),
        fc.array(
          fc.tuple(fc.stringMatching(/^[0-9A-WY-Za-wy-z]$/), fc.array(alnums(2, 8), { minLength: 1, maxLength: 2 })),
          { maxLength: 1 },
        ),
        optional(fc.array(alnums(1, 8), { minLength: 1, maxLength: 2 }).map((parts) => `-x-${parts.join('-')}`)),
      )
      .map(
        ([language, script, region, variants, extensions, privateUse]) =>
          language +
          script +
          region +
          variants.map((v) => `-${v}`).join('') +
          extensions.map(([singleton, parts]) => `-${singleton}-${parts.join('-')}`).join('') +
          privateUse,
      ),
  },
  { weight: 1, arbitrary: fc.array(alnums(1, 8), { minLength: 1, maxLength: 2 }).map((p) => `x-${p.join('-')}`) },
  { weight: 1, arbitrary: fc.constantFrom('i-klingon', 'en-GB-oed', 'zh-min-nan', 'art-lojban', 'sgn-CH-DE').chain(anyCase) },
  { weight: 2, arbitrary: fc.constantFrom('en', 'EN', 'de-CH', 'de-ch', 'fr', 'zh-Hant-TW', 'es-419') },
);

function localizedNamesArb(profile: Profile): fc.Arbitrary<[string, string][]> {
  return fc.uniqueArray(fc.tuple(languageTag, stringArb(TOP_LEVEL_FIELDS.client_name, profile)), {
    maxLength: 3,
    selector: ([tag]) => tag.toLowerCase(),
  });
}

// ---------------------------------------------------------------- manifests

/** A manifest the validator must accept under `profile`, with any of the optional parts. */
export function validManifest(profile: Profile): fc.Arbitrary<JsonObject> {
  const fields: Record<string, fc.Arbitrary<Json>> = {};
  for (const key of TOP_LEVEL_KEYS) fields[key] = fieldArb(fieldSpec(key), profile);
  const requiredKeys = TOP_LEVEL_KEYS.filter((key) => isRequired(fieldSpec(key), profile));
  return fc.tuple(fc.record(fields, { requiredKeys }), localizedNamesArb(profile)).map(([manifest, names]) => {
    // optional keys fast-check leaves out are absent, never `undefined`
    const out = { ...manifest } as JsonObject;
    for (const [tag, name] of names) setOwn(out, `${LOCALIZED_NAME_PREFIX}${tag}`, name);
    return out;
  });
}

// ---------------------------------------------------------------- mutations

/** A place in a valid manifest, and what kind of value the spec puts there. */
type Site =
  | { readonly kind: 'object'; readonly path: Path; readonly known: readonly string[] }
  | { readonly kind: 'string'; readonly path: Path; readonly rule: StringRule; readonly max: number }
  | { readonly kind: 'redirect-uri'; readonly path: Path; readonly max: number }
  | { readonly kind: 'array'; readonly path: Path; readonly items: readonly Json[] }
  | { readonly kind: 'enum-list'; readonly path: Path; readonly rule: EnumListRule }
  | { readonly kind: 'boolean'; readonly path: Path }
  | { readonly kind: 'integer'; readonly path: Path; readonly range: { readonly min: number; readonly max: number } }
  | { readonly kind: 'scope'; readonly path: Path; readonly rule: ScopeRule }
  | { readonly kind: 'header-name'; readonly path: Path; readonly siblings: readonly string[] }
  | { readonly kind: 'header-value'; readonly path: Path; readonly value: string }
  | { readonly kind: 'localized-key'; readonly path: Path; readonly tag: string };

/** One change to one place: set a value (or add a key), delete a key, or rename a key. */
export interface Mutation {
  readonly label: string;
  readonly path: Path;
  readonly change: { readonly op: 'set'; readonly value: Json } | { readonly op: 'delete' } | { readonly op: 'rename'; readonly to: string };
}

const asObject = (value: Json | undefined): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;

function collectSites(manifest: JsonObject, profile: Profile): Site[] {
  const sites: Site[] = [{ kind: 'object', path: [], known: TOP_LEVEL_KEYS }];
  for (const [key, value] of Object.entries(manifest)) {
    const path = [key];
    if (key.startsWith(LOCALIZED_NAME_PREFIX)) {
      sites.push({ kind: 'localized-key', path, tag: key.slice(LOCALIZED_NAME_PREFIX.length) });
      sites.push({ kind: 'string', path, rule: TOP_LEVEL_FIELDS.client_name, max: limitOf(TOP_LEVEL_FIELDS.client_name.maxLength, profile) });
      continue;
    }
    const spec = fieldSpec(key);
    switch (spec.type) {
      case 'string':
        sites.push({ kind: 'string', path, rule: spec, max: limitOf(spec.maxLength, profile) });
        break;
      case 'enum-list':
        sites.push({ kind: 'enum-list', path, rule: spec });
        break;
      case 'boolean':
        sites.push({ kind: 'boolean', path });
        break;
      case 'scope':
        sites.push({ kind: 'scope', path, rule: spec });
        break;
      case 'redirect-uris': {
        const items = value as Json[];
        sites.push({ kind: 'array', path, items });
        items.forEach((_, i) => sites.push({ kind: 'redirect-uri', path: [...path, i], max: spec.itemMaxLength }));
        break;
      }
      case 'capabilities':
        collectCapabilitySites(asObject(value) ?? {}, sites);
        break;
    }
  }
  return sites;
}

function collectCapabilitySites(capabilities: JsonObject, sites: Site[]): void {
  sites.push({ kind: 'object', path: ['capabilities'], known: CAPABILITY_KEYS });
  const webhooks = asObject(capabilities['webhooks']);
  if (webhooks !== undefined) {
    const at = ['capabilities', 'webhooks'];
    sites.push({ kind: 'object', path: at, known: [...WEBHOOK_EVENTS, RETRY_KEY] });
    for (const [event, body] of Object.entries(webhooks)) {
      const webhook = asObject(body) ?? {};
      if (event === RETRY_KEY) {
        sites.push({ kind: 'object', path: [...at, event], known: RETRY_KEYS });
        sites.push({ kind: 'integer', path: [...at, event, 'retention_time'], range: RETENTION_TIME });
        continue;
      }
      const hook = [...at, event];
      sites.push({ kind: 'object', path: hook, known: WEBHOOK_KEYS });
      sites.push({ kind: 'string', path: [...hook, 'endpoint'], rule: { type: 'string', maxLength: Infinity, format: 'https-url' }, max: Infinity });
      if ('max_retries' in webhook) sites.push({ kind: 'integer', path: [...hook, 'max_retries'], range: MAX_RETRIES });
      const headers = webhook['headers'];
      if (Array.isArray(headers)) {
        sites.push({ kind: 'array', path: [...hook, 'headers'], items: headers });
        const names = headers.map((header) => String(asObject(header)?.['header_name']));
        headers.forEach((header, i) => {
          const h = [...hook, 'headers', i];
          sites.push({ kind: 'object', path: h, known: HEADER_KEYS });
          sites.push({ kind: 'header-name', path: [...h, 'header_name'], siblings: names.filter((_, j) => j !== i) });
          sites.push({ kind: 'header-value', path: [...h, 'header_value'], value: String(asObject(header)?.['header_value']) });
        });
      }
    }
  }
  const engagement = asObject(capabilities['engagement']);
  if (engagement !== undefined) {
    const at = ['capabilities', 'engagement'];
    sites.push({ kind: 'object', path: at, known: Object.keys(ENGAGEMENT_FIELDS) });
    for (const [field, rule] of Object.entries(ENGAGEMENT_FIELDS)) {
      sites.push(rule.type === 'boolean' ? { kind: 'boolean', path: [...at, field] } : { kind: 'enum-list', path: [...at, field], rule });
    }
  }
}

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

const BAD_TAGS = ['', 'e', 'en_US', 'en-', '-en', 'toolongtag', 'en--US', 'x', 'en-x', 'en-US-x', '123', 'en US', 'a-DE', 'en-a', 'de-CH-1901-x'];

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

function setMutation(label: string, path: Path, value: fc.Arbitrary<Json>): fc.Arbitrary<Mutation> {
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

function siteMutations(site: Site): fc.Arbitrary<Mutation>[] {
  const { path } = site;
  switch (site.kind) {
    case 'object': {
      const extra: string[] = [];
      if (path.length === 0) extra.push(`${LOCALIZED_NAME_PREFIX}en`, `${LOCALIZED_NAME_PREFIX}`, `${LOCALIZED_NAME_PREFIX}xx_YY`, 'client_name#EN');
      if (path.at(-1) === 'webhooks') extra.push(...Object.keys(MISSPELLED_WEBHOOK_EVENTS));
      const key = fc.oneof(
        fc.constantFrom(...site.known).chain(typoOf),
        fc.string({ minLength: 1, maxLength: 12 }),
        ...(extra.length > 0 ? [fc.constantFrom(...extra)] : []),
      );
      return [
        fc.tuple(key, anyJson).map(([k, v]): Mutation => ({ label: 'unknown key', path: [...path, k], change: { op: 'set', value: v } })),
        fc.tuple(fc.constantFrom(...site.known), key).map(([from, to]): Mutation => ({ label: 'renamed key', path: [...path, from], change: { op: 'rename', to } })),
      ];
    }
    case 'string': {
      const { rule, max } = site;
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
        out.push(setMutation('URL with forbidden character', path, insertAt('https://example.com/x', fc.oneof(c0, del, c1, unicodeSpace))));
      }
      if (rule.format === undefined && !rule.notBlank) out.push(setMutation('any text', path, fc.string({ unit: anyChar, maxLength: 8 })));
      return out;
    }
    case 'redirect-uri':
      return [
        setMutation('wrong type', path, anyJson),
        setMutation('bad redirect URI', path, fc.constantFrom(...BAD_REDIRECT_URIS, ...BAD_HTTPS_URLS)),
        setMutation('length limit', path, aroundLimit(site.max, 'https://example.com/')),
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
    case 'array':
      return site.items.length === 0
        ? [setMutation('wrong type', path, anyJson)]
        : [
            setMutation('wrong type', path, anyJson),
            fc.nat().map((n): Mutation => ({
              label: 'duplicate item',
              path,
              change: { op: 'set', value: [...site.items, site.items[n % site.items.length]!] },
            })),
          ];
    case 'enum-list': {
      const { values } = site.rule;
      const near = values.flatMap((v) => [v.toUpperCase(), `${v} `, v.replace('_', '-')]);
      return [
        setMutation('wrong type', path, anyJson),
        setMutation('enum list', path, fc.array(fc.constantFrom(...values), { maxLength: values.length + 1 })),
        setMutation(
          'unknown enum value',
          path,
          fc.tuple(fc.shuffledSubarray([...values]), fc.oneof(fc.constantFrom(...near), fc.string({ maxLength: 8 }), anyJson)).map(
            ([list, odd]) => [...list, odd],
          ),
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
            fc.array(fc.constantFrom(...values, 'openid', 'MSG.CONSUMER', ''), { minLength: 1, maxLength: 3 }).map((t) => t.join(' ')),
            fc.constantFrom('', ' ', `${values[0]!} `, ` ${values[0]!}`, `${values[0]!}  ${values[0]!}`, `${values[0]!}\t`, `${values[0]!} `.repeat(11)),
          ),
        ),
        setMutation('length limit', path, aroundLimit(site.rule.maxLength)),
      ];
    }
    case 'header-name':
      return [
        setMutation('wrong type', path, anyJson),
        setMutation(
          'bad header name',
          path,
          fc.oneof(
            fc.constantFrom('', 'X Header', 'X-Header:', 'Ünicode', 'X-Header\r\n', '(x)', 'a/b', 'a@b', '"q"', 'x\u0000'),
            anyCase(RESERVED_HEADER_PREFIX).chain((prefix) => fc.constantFrom(prefix, `${prefix}signature`, `${prefix}account-id`)),
          ),
        ),
        ...(site.siblings.length > 0
          ? [setMutation('duplicate header name', path, fc.constantFrom(...site.siblings).chain(anyCase))]
          : []),
      ];
    case 'header-value':
      return [
        setMutation('wrong type', path, anyJson),
        setMutation('header value control character', path, insertAt(site.value, headerValueForbidden)),
        setMutation('header value allowed character', path, insertAt(site.value, fc.oneof(fc.constant('\t'), c1, astral))),
      ];
    case 'localized-key':
      return [
        fc
          .oneof(fc.constantFrom(...BAD_TAGS), languageTag, anyCase(site.tag))
          .map((tag): Mutation => ({ label: 'language tag', path, change: { op: 'rename', to: `${LOCALIZED_NAME_PREFIX}${tag}` } })),
        fc.tuple(anyCase(site.tag), fc.string({ unit: nameChar, minLength: 1, maxLength: 8 })).map(
          ([tag, name]): Mutation => ({ label: 'duplicate language tag', path: [`${LOCALIZED_NAME_PREFIX}${tag}`], change: { op: 'set', value: name } }),
        ),
      ];
  }
}

/** A key deletion: a missing required field where the key is required, harmless where not. */
const deletion = (site: Site): fc.Arbitrary<Mutation>[] =>
  site.path.length === 0 || site.kind === 'localized-key' ? [] : [fc.constant<Mutation>({ label: 'missing field', path: site.path, change: { op: 'delete' } })];

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
  if (change.op === 'set') setOwn(object, key, change.value);
  else {
    const value = object[key];
    delete object[key];
    if (change.op === 'rename' && value !== undefined) setOwn(object, change.to, value);
  }
  return copy;
}

/** Sets an own property, even `__proto__`. */
function setOwn(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A valid manifest of `profile` with one mutation, and the mutation's label. */
export function mutatedManifest(profile: Profile): fc.Arbitrary<{ readonly value: Json; readonly label: string }> {
  return validManifest(profile).chain((manifest) => {
    const sites = collectSites(manifest, profile);
    return fc
      .constantFrom(...sites)
      .chain((site) => fc.oneof(...siteMutations(site), ...deletion(site)))
      .map((mutation) => ({ value: applyMutation(manifest, mutation), label: mutation.label }));
  });
}
