/**
 * The one generator of valid manifests, and of their parts (URLs, language
 * tags, headers, webhooks, engagement), built from the rules tables
 * (src/rules/tables.ts): the fields, their order, the enum values, the limits
 * and what each profile requires all come from there, so a rule added to a
 * table is generated here too. What the tables do not hold (the shape of a
 * URL, an HTTP token, a language tag) is written from its RFC, as an oracle
 * independent of the validator's own patterns.
 *
 * The property tests of this folder use it, and so does the differential test
 * of the JSON Schema (test/schema/differential.test.ts, through validManifest()
 * in test/schema/helpers/arbitraries.ts, with `avoidKnownDifferences`): both
 * hold the validator to the same idea of a valid manifest.
 *
 * Every generated manifest is canonical: keys in spec order, localized names
 * sorted after `client_name`, enum lists as subsets in table order. That is
 * exactly what the validator returns, so `validateManifest(m).manifest` must
 * deep-equal `m`. {@link scramble} writes the same manifest another way.
 */
import fc from 'fast-check';
import type { Profile } from '../../src/index.js';
import {
  CAPABILITY_KEYS,
  EDITOR_SCHEMA_KEY,
  ENGAGEMENT_FIELDS,
  FRAMING_HEADER_NAMES,
  HEADER_KEYS,
  LOCALIZED_NAME_PREFIX,
  LOOPBACK_REDIRECT_HOSTS,
  PROFILES,
  RESERVED_HEADER_PREFIX,
  RETENTION_TIME,
  RETRY_KEY,
  RETRY_KEYS,
  TOP_LEVEL_FIELDS,
  WEBHOOK,
  WEBHOOK_EVENTS,
  type BooleanRule,
  type CAPABILITIES,
  type EnumListRule,
  type FieldSpec,
  type IdListRule,
  type LeafRule,
  type ProfileLimit,
  type ScopeRule,
  type StringRule,
} from '../../src/rules/tables.js';
import { prng, shuffled, type Json } from './support.js';

export const limitOf = (limit: ProfileLimit, profile: Profile): number => (typeof limit === 'number' ? limit : limit[profile]);

/** Whether a top-level field is required in the profile. */
export const isRequired = (spec: FieldSpec, profile: Profile): boolean =>
  'required' in spec && (spec.required === 'always' || (spec.required === 'connector' && profile === 'connector'));

export const profileArb: fc.Arbitrary<Profile> = fc.constantFrom(...PROFILES);

/** What {@link manifestFor} may generate. */
export interface ManifestOptions {
  /**
   * Only manifests on which the JSON Schema and the validator can agree: none
   * that runs into a known difference (test/schema/helpers/known-differences.ts).
   * Every known difference is an invalid manifest, which this generator never
   * makes anyway: header names and language tags differ case-insensitively,
   * scope values are unique, every URL's host is read alike by every parser.
   * (A loopback host spelled another way, `http://127.1/cb`, was once a
   * valid manifest the schema rejected; the validator now rejects it too.)
   */
  readonly avoidKnownDifferences?: boolean;
}

/** The key at `index` of one of the rules' key lists (derived from the rules tree, so typed as lists, not tuples). */
export function keyAt<TKey extends string>(keys: readonly TKey[], index: number): TKey {
  const key = keys[index];
  if (key === undefined) throw new Error(`the rules' key list ${JSON.stringify(keys)} has no key ${index}`);
  return key;
}

// ---------------------------------------------------------------- characters

/** RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA */
export const TCHARS = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Whether a header name is an RFC 9110 token (the oracle, written apart from src/rules/patterns.ts). */
export const isToken = (name: string): boolean => name.length > 0 && [...name].every((ch) => TCHARS.includes(ch));

/** Whether a header value has a character that could split or fold a header: C0 except HTAB, or DEL (RFC 9110 §5.5). */
export const hasForbiddenValueCharacter = (value: string): boolean =>
  [...value].some((ch) => {
    const code = ch.codePointAt(0)!;
    return (code < 0x20 && code !== 0x09) || code === 0x7f;
  });

/** Whether a header value is visible US-ASCII, space and HTAB only (RFC 9110 §5.5 field-vchar without obs-text): the oracle. */
export const isAsciiHeaderValue = (value: string): boolean =>
  [...value].every((ch) => {
    const code = ch.codePointAt(0)!;
    return code === 0x09 || (code >= 0x20 && code <= 0x7e);
  });

/** Whether a header name frames or routes the request (compared case-insensitively). */
export const isFramingHeaderName = (name: string): boolean =>
  FRAMING_HEADER_NAMES.some((framing) => framing.toLowerCase() === name.toLowerCase());

/** C0, DEL and C1: the control characters a name must not contain. */
const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);

/**
 * Random choices for one generated leaf value. Leaf strings come from one
 * generated integer each (fast-check still decides the structure: which keys,
 * how many items), which keeps 10,000 runs per property fast; the seed of the
 * property replays them exactly.
 */
export class Rand {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = prng(seed);
  }
  /** An integer in `min..max`. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.#next() < probability;
  }
  pick<TItem>(items: ArrayLike<TItem>): TItem {
    return items[this.int(0, items.length - 1)]!;
  }
  /** `count` characters from `chars` (a string of BMP characters, or a list of strings), joined. */
  chars(chars: ArrayLike<string>, count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += this.pick(chars);
    return out;
  }
  /** A length in `min..max`: mostly short, now and then right at the limit. */
  length(min: number, max: number): number {
    if (max > 12 && this.chance(0.1)) return this.int(Math.max(min, max - 1), max);
    return this.int(min, Math.max(min, Math.min(max, 12)));
  }
}

/** An arbitrary of values made from one random integer. */
export const seeded = <TValue>(make: (rand: Rand) => TValue): fc.Arbitrary<TValue> =>
  fc.integer().map((seed) => make(new Rand(seed)));

/** `value` with each letter in upper or lower case, at random. */
export const anyCase = (value: string, rand: Rand): string =>
  [...value].map((ch) => (rand.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase())).join('');

/** White space beyond ASCII, a lone surrogate of each half, and a few more that trip up string code. */
const SPECIAL_CHARACTERS = [
  'é',
  'ß',
  '中',
  '😀',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u2028',
  '\t',
  '\ud800',
  '\udfff',
  '\u0085',
  '\u200b',
];

/**
 * One code point: mostly printable ASCII, sometimes anything Unicode has
 * (controls, astral, a lone surrogate: valid in a JSON string, and both sides
 * must count it alike).
 */
export function anyCodePoint(rand: Rand): string {
  const roll = rand.int(0, 99);
  if (roll < 77) return String.fromCharCode(rand.int(0x20, 0x7e));
  if (roll < 85) {
    const code = rand.int(0xa0, 0xfffd);
    return code >= 0xd800 && code <= 0xdfff ? 'x' : String.fromCharCode(code);
  }
  if (roll < 90) return String.fromCodePoint(rand.int(0x10000, 0x10ffff));
  if (roll < 94) return String.fromCharCode(rand.chance(0.5) ? rand.int(0, 0x1f) : rand.int(0x7f, 0x9f));
  if (roll < 96) return String.fromCharCode(rand.int(0xd800, 0xdfff));
  return rand.pick(SPECIAL_CHARACTERS);
}

/** One code point of a name: {@link anyCodePoint}, but never a control character. */
export function nameCodePoint(rand: Rand): string {
  const ch = anyCodePoint(rand);
  return isControl(ch.codePointAt(0)!) ? 'x' : ch;
}

/** A string of `min..max` code points. */
export function codePoints(rand: Rand, min: number, max: number, char: (rand: Rand) => string = anyCodePoint): string {
  let out = '';
  for (let i = rand.length(min, max); i > 0; i--) out += char(rand);
  return out;
}

/** Text that passes a {@link StringRule} without a format. */
export function textFor(rule: StringRule, profile: Profile): fc.Arbitrary<string> {
  const max = limitOf(rule.maxLength, profile);
  const char = rule.noControlCharacters ? nameCodePoint : anyCodePoint;
  return seeded((rand) => {
    // No "${{": ManifestBuilder.from() reads it as a placeholder (found when a new field shifted the random stream).
    const text = codePoints(rand, rule.notBlank ? 1 : 0, max, char).replaceAll('${{', '$ {');
    // A non-blank string has a character that is not white space; swap one in where there is none.
    return rule.notBlank && !/\S/u.test(text) ? `x${text.slice(1)}` : text;
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALPHANUMS = LETTERS + DIGITS;

// ---------------------------------------------------------------- URLs

const LABEL_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function label(rand: Rand): string {
  const length = rand.int(1, 8);
  if (length < 3) return rand.chars(LABEL_CHARS, length);
  return rand.chars(LABEL_CHARS, 1) + rand.chars(`${LABEL_CHARS}-`, length - 2) + rand.chars(LABEL_CHARS, 1);
}

/**
 * An IPv4 address (a 32-bit number) in one of the spellings the WHATWG parser
 * reads: mostly dotted decimal, else 1 to 4 parts (the last one fills the
 * bytes left) in decimal, hex or octal, maybe with a trailing dot. `127.1`,
 * `0x7f000001` and `0177.0.0.1.` are all 127.0.0.1.
 */
export function spellIpv4(rand: Rand, address: number): string {
  const bytes = [address >>> 24, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff];
  if (rand.chance(0.5)) return bytes.join('.');
  const count = rand.int(1, 4);
  const parts = [...bytes.slice(0, count - 1), bytes.slice(count - 1).reduce((value, byte) => value * 256 + byte, 0)];
  const spelled = parts.map((part) => {
    const roll = rand.int(0, 3);
    if (roll === 0) return `${rand.pick(['0x', '0X'])}${anyCase(part.toString(16), rand)}`;
    if (roll === 1) return `0${part.toString(8)}`;
    return String(part);
  });
  return `${spelled.join('.')}${rand.chance(0.1) ? '.' : ''}`;
}

/**
 * An IPv6 address (eight 16-bit groups) in brackets, in one of the spellings
 * RFC 4291 §2.2 allows: hex digits in either case, with leading zeros or not,
 * a run of zero groups written `::` or not, the last 32 bits in dotted decimal
 * or not. `[0:0::1]` and `[::0.0.0.1]` are both `[::1]`.
 */
export function spellIpv6(rand: Rand, groups: readonly number[]): string {
  const dotted = rand.chance(0.15);
  const pieces = (dotted ? groups.slice(0, 6) : groups).map((group) =>
    anyCase(group.toString(16).padStart(rand.chance(0.1) ? 4 : 1, '0'), rand),
  );
  const [g6, g7] = [groups[6]!, groups[7]!];
  const tail = dotted ? [`${g6 >>> 8}.${g6 & 0xff}.${g7 >>> 8}.${g7 & 0xff}`] : [];
  // The runs of zero groups `::` may stand for.
  const runs: [number, number][] = [];
  for (let start = 0; start < pieces.length; start++) {
    for (let end = start + 1; end <= pieces.length && groups[end - 1] === 0; end++) runs.push([start, end]);
  }
  if (runs.length === 0 || rand.chance(0.3)) return `[${[...pieces, ...tail].join(':')}]`;
  const [start, end] = rand.pick(runs);
  return `[${pieces.slice(0, start).join(':')}::${[...pieces.slice(end), ...tail].join(':')}]`;
}

const ODD_HOSTS = [
  '[2001:db8::1]',
  '[2001:DB8::1]',
  'EXAMPLE.COM',
  'hooks.acme.com.',
  'xn--bcher-kva.example',
  'localhost',
  '127.0.0.1',
  '10.1.2.3',
  '[::1]',
  'your',
  'a',
];

/** An IPv6 address as the WHATWG parser writes it: `[0:0::1]` as `[::1]`, hex digits in lower case. */
const canonicalIpv6 = (spelled: string): string => new URL(`https://${spelled}/`).hostname;

/**
 * A host written as every parser reads it (checks.ts): DNS names, IPv4 in
 * dotted decimal, IPv6 as the WHATWG parser writes it (hex digits in either
 * case), an IDN in punycode, one label. (The other spellings of addresses
 * that the parser reads are errors, and the URL property tests have them.)
 */
function host(rand: Rand): string {
  const roll = rand.int(0, 19);
  if (roll < 13) {
    const labels = Array.from({ length: rand.int(1, 3) }, () => label(rand));
    return [...labels, rand.pick(['com', 'io', 'example', 'co.uk'])].join('.');
  }
  if (roll < 15) return [rand.int(0, 255), rand.int(0, 255), rand.int(0, 255), rand.int(0, 255)].join('.');
  if (roll < 17) {
    const spelled = canonicalIpv6(
      spellIpv6(
        rand,
        Array.from({ length: 8 }, () => (rand.chance(0.4) ? 0 : rand.int(0, 0xffff))),
      ),
    );
    return rand.chance(0.2) ? spelled.toUpperCase() : spelled;
  }
  return rand.pick(ODD_HOSTS);
}

/** Mostly none; else 0 to 65535, maybe with leading zeros, or empty (`host:`: the default port). */
function port(rand: Rand): string {
  if (!rand.chance(0.2)) return '';
  const roll = rand.int(0, 9);
  if (roll === 0) return ':';
  if (roll === 1) return `:${rand.pick([0, 65_535])}`;
  if (roll === 2) return `:0${rand.int(0, 9_999)}`;
  return `:${rand.int(1, 65_535)}`;
}

/** Characters that may appear in a path or query as written (RFC 3986: no white space, `#`, backslash or non-ASCII). */
const PATH_CHARS = [..."abcXYZ019-._~!$&'()*+,;=:@/", '%20', '%2F', '%41', '%C3%A9', '?'];
const path = (rand: Rand): string => `/${rand.chars(PATH_CHARS, rand.int(0, 12))}`;
const query = (rand: Rand): string => (rand.chance(0.2) ? `?${rand.chars(PATH_CHARS, rand.int(0, 8))}` : '');
const fragment = (rand: Rand): string => (rand.chance(0.05) ? `#${rand.chars(PATH_CHARS, rand.int(0, 8))}` : '');

/** https URLs that look wrong but are valid: one label, an empty query or port, `@` in the path. */
const ODD_HTTPS_URLS = [
  'https://your/webhooks/endpoint',
  'https://a',
  'https://example.com?',
  'https://example.com:/',
  'https://example.com/@user',
  'https://example.com/a%20b',
  'https://example.com/?q=a/b?c',
];

/** An `https://` URL with a host: a valid webhook endpoint or entry URI; with a fragment now and then, unless `withFragment` is false. */
export function makeHttpsUrl(rand: Rand, withFragment = true): string {
  if (rand.chance(0.03)) return rand.pick(ODD_HTTPS_URLS);
  const tail = `${rand.chance(0.7) ? path(rand) : ''}${query(rand)}${withFragment ? fragment(rand) : ''}`;
  return `https://${host(rand)}${port(rand)}${tail}`;
}
export const httpsUrl: fc.Arbitrary<string> = seeded((rand) => makeHttpsUrl(rand));

/** A root-relative path, `/…` but not `//…`, without white space or controls. */
const ROOT_PATH_FIRST = [...'abcXYZ019-._~', '%C3%A9', '%20'];
const ROOT_PATH_REST = [...ROOT_PATH_FIRST, '/'];
function rootPath(rand: Rand): string {
  const roll = rand.int(0, 19);
  if (roll < 2) return '/';
  if (roll < 3) return '/src/modules/campaigns/assets/img/software/Mobile-App.png';
  return `/${rand.chars(ROOT_PATH_FIRST, 1)}${rand.chars(ROOT_PATH_REST, rand.int(0, 20))}`;
}

/** Characters of one code point each that may follow a path's first character. */
const FILL_CHARS = "abcXYZ019-._~!$&'()*+,;=:@/";

/**
 * Values of `make` no longer than `max` code points; now and then exactly
 * `max` long: `prefix` filled up with path characters.
 */
function upTo(max: number, make: (rand: Rand) => string, prefix: (rand: Rand) => string): fc.Arbitrary<string> {
  return seeded((rand) => {
    if (!rand.chance(0.05)) return make(rand);
    const start = prefix(rand);
    return start + rand.chars(FILL_CHARS, max - [...start].length);
  }).filter((value) => [...value].length <= max);
}
const httpsPrefix = (rand: Rand): string => `https://${host(rand)}/`;

/**
 * A loopback host of an `http://` redirect URI, as LOOPBACK_REDIRECT_HOSTS
 * writes it (`localhost` in any case). Spelled another way that the URL
 * parser reads as the same host (`127.1`, `[0:0::1]`, `l%6Fcalhost`), it is
 * an error: not the host as written.
 */
const loopbackHost = (rand: Rand): string => anyCase(rand.pick(LOOPBACK_REDIRECT_HOSTS), rand);

/** RFC 3986 §3.1: a scheme is a letter, then letters, digits, "+", "-" and "."; RFC 8252 §7.1: a private-use one has a dot. */
const SCHEME_CHARS = `${ALPHANUMS}+-`;
const PRIVATE_USE_RESTS = ['/cb', '/oauth2redirect', 'cb', '//callback/path', '/'];

/** A valid redirect URI (RFC 6749 §3.1.2, RFC 8252 §7.1 and §7.3), no fragment. */
function makeRedirectUri(rand: Rand, _options: ManifestOptions): string {
  const roll = rand.int(0, 2);
  if (roll === 0) return makeHttpsUrl(rand, false);
  if (roll === 1) return `http://${loopbackHost(rand)}${port(rand)}${rand.chance(0.8) ? path(rand) : ''}${query(rand)}`;
  const scheme = `${rand.chars(LETTERS, 1)}${rand.chars(SCHEME_CHARS, rand.int(0, 6))}.${rand.chars(`${SCHEME_CHARS}.`, rand.int(0, 6))}`;
  return `${scheme}:${rand.chance(0.5) ? rootPath(rand) : rand.pick(PRIVATE_USE_RESTS)}`;
}

// ---------------------------------------------------------------- language tags

const SINGLETONS = ALPHANUMS.replace(/x/gi, '');
/** `count` subtags of `min..max` characters from `chars`, each after a hyphen. */
const subtags = (rand: Rand, chars: string, min: number, max: number, count: number): string =>
  Array.from({ length: count }, () => `-${rand.chars(chars, rand.int(min, max))}`).join('');
/** The `x` that starts private use after a langtag (`de-CH-x-phonebk`), in either case (RFC 5646 §2.1.1). */
const LANGTAG_PRIVATE_USE: readonly string[] = ['x', 'X'];
const GRANDFATHERED = ['i-klingon', 'i-default', 'en-GB-oed', 'zh-min-nan', 'art-lojban', 'sgn-CH-DE'];
const COMMON_TAGS = ['en', 'EN', 'de-CH', 'de-ch', 'fr', 'zh-Hant-TW', 'es-419', 'de-CH-1901', 'sl-rozaj-biske', 'x-private'];

/**
 * A well-formed RFC 5646 tag, from the ABNF of §2.1 (langtag: language with
 * extlangs, script, region, variants, an extension, private use; or a
 * privateuse or grandfathered tag), in any case.
 */
export function makeLanguageTag(rand: Rand): string {
  const roll = rand.int(0, 11);
  if (roll < 8) {
    const kind = rand.int(0, 9);
    const language =
      kind < 8
        ? rand.chars(LETTERS, rand.int(2, 3)) + (rand.chance(0.1) ? subtags(rand, LETTERS, 3, 3, rand.int(1, 3)) : '')
        : rand.chars(LETTERS, kind === 8 ? 4 : rand.int(5, 8));
    const script = rand.chance(0.3) ? subtags(rand, LETTERS, 4, 4, 1) : '';
    const region = rand.chance(0.5) ? `-${rand.chance(0.8) ? rand.chars(LETTERS, 2) : rand.chars(DIGITS, 3)}` : '';
    const variants = rand.chance(0.15)
      ? Array.from({ length: rand.int(1, 2) }, () =>
          rand.chance(0.5) ? subtags(rand, ALPHANUMS, 5, 8, 1) : `-${rand.chars(DIGITS, 1)}${rand.chars(ALPHANUMS, 3)}`,
        ).join('')
      : '';
    const extension = rand.chance(0.1) ? `-${rand.chars(SINGLETONS, 1)}${subtags(rand, ALPHANUMS, 2, 8, rand.int(1, 2))}` : '';
    const privateUse = rand.chance(0.1)
      ? `-${rand.pick(LANGTAG_PRIVATE_USE)}${subtags(rand, ALPHANUMS, 1, 8, rand.int(1, 2))}`
      : '';
    return language + script + region + variants + extension + privateUse;
  }
  if (roll < 9) return `${rand.pick(['x', 'X'])}${subtags(rand, ALPHANUMS, 1, 8, rand.int(1, 2))}`;
  if (roll < 10) return anyCase(rand.pick(GRANDFATHERED), rand);
  return rand.pick(COMMON_TAGS);
}
export const languageTag: fc.Arbitrary<string> = seeded(makeLanguageTag);

// ---------------------------------------------------------------- fields

/** A subset of an enum table, in table order, honouring the rule in this profile. */
function enumListFor(rule: EnumListRule, profile: Profile): fc.Arbitrary<string[]> {
  // A new array every time (fc.constant would hand out one array to every run).
  if (profile === 'connector' && rule.connectorExactly !== undefined)
    return fc.constant(rule.connectorExactly).map((exactly) => [...exactly]);
  const must = profile === 'connector' ? rule.connectorMustInclude : undefined;
  const minLength = rule.minItems ?? 0;
  // Mostly a few values (small manifests keep 10,000 runs fast), sometimes any number up to all of them.
  const subset = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.subarray([...rule.values], { minLength, maxLength: Math.min(rule.values.length, Math.max(minLength, 3)) }),
    },
    { weight: 1, arbitrary: fc.subarray([...rule.values], { minLength }) },
  );
  return subset.map((values) => rule.values.filter((value) => value === must || values.includes(value)));
}

function booleanFor(rule: BooleanRule, profile: Profile): fc.Arbitrary<boolean> {
  return profile === 'connector' && rule.connectorExactly !== undefined ? fc.constant(rule.connectorExactly) : fc.boolean();
}

/** A `faas.<name>` name: letters, digits, `.`, `_` and `-` (written apart from src/rules/patterns.ts). */
const SCOPE_NAME_CHARS = `${LETTERS}${DIGITS}._-`;

/**
 * Scope values, each once, single spaces: the table's values in table order, then `<prefix><name>`
 * values (unique) in the order made, which is the canonical form the validator writes.
 */
function scopeFor(rule: ScopeRule, profile: Profile): fc.Arbitrary<string> {
  if (profile === 'connector' && rule.connectorExactly !== undefined) return fc.constant(rule.connectorExactly);
  const prefix = rule.prefix;
  const named =
    prefix === undefined
      ? fc.constant<string[]>([])
      : fc.uniqueArray(
          seeded((rand) => `${prefix}${rand.chars(SCOPE_NAME_CHARS, rand.int(1, 12))}`),
          { maxLength: 3 },
        );
  return fc
    .tuple(fc.subarray([...rule.values]), named)
    .filter(([values, names]) => values.length + names.length > 0)
    .map(([values, names]) => [...values, ...names].join(' '))
    .filter((scope) => [...scope].length <= rule.maxLength);
}

/** Unique positive integers up to `rule.max`: mostly small ids, now and then the largest. */
function idListFor(rule: IdListRule): fc.Arbitrary<number[]> {
  const id = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 100_000 }) },
    fc.constantFrom(1, rule.max),
    fc.integer({ min: 1, max: rule.max }),
  );
  return fc.uniqueArray(id, { maxLength: 4 });
}

function stringFor(rule: StringRule, profile: Profile): fc.Arbitrary<string> {
  const max = limitOf(rule.maxLength, profile);
  if (rule.format === 'https-url') return upTo(max, makeHttpsUrl, httpsPrefix);
  if (rule.format === 'logo-uri') {
    return upTo(
      max,
      (rand) => (rand.chance(0.5) ? makeHttpsUrl(rand) : rootPath(rand)),
      (rand) => (rand.chance(0.5) ? `/${rand.chars(ROOT_PATH_FIRST, 1)}` : httpsPrefix(rand)),
    );
  }
  return textFor(rule, profile);
}

export interface Header {
  header_name: string;
  header_value: string;
}

/**
 * Names people use, near misses of LivePerson's prefix and of the framing names that are not
 * them, and the body's own (valid, with a warning).
 */
const HEADER_NAMES = [
  'Authorization',
  'X-Api-Key',
  'x-acme-signature',
  'X-LivePerson',
  'x-liveperson',
  'x-livepersonal',
  'X-LivePersonal',
  '__proto__',
  '123',
  'NAME',
  'a',
  'X-Host',
  'Hosts',
  'TE-x',
  'Content-Type',
  'content-encoding',
];

/** An RFC 9110 token that is not one of LivePerson's own header names, nor one that frames or routes the request. */
export function makeHeaderName(rand: Rand): string {
  const name = rand.chance(0.2) ? rand.pick(HEADER_NAMES) : rand.chars(TCHARS, rand.int(1, 16));
  return name.toLowerCase().startsWith(RESERVED_HEADER_PREFIX) || isFramingHeaderName(name) ? `y${name}` : name;
}

/** Visible US-ASCII, space and HTAB: what a header value may hold. */
const HEADER_VALUE_CHARS = `\t${Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')}`;

/** A header value: visible ASCII, space and tab; empty or padded now and then (valid, with a warning). */
export const makeHeaderValue = (rand: Rand): string => rand.chars(HEADER_VALUE_CHARS, rand.length(0, 64));

/** Up to four headers with names that differ case-insensitively. */
export function makeHeaders(rand: Rand): Header[] {
  const seen = new Set<string>();
  const out: Header[] = [];
  for (let i = rand.int(0, 4); i > 0; i--) {
    const name = makeHeaderName(rand);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push({ [keyAt(HEADER_KEYS, 0)]: name, [keyAt(HEADER_KEYS, 1)]: makeHeaderValue(rand) } as unknown as Header);
  }
  return out;
}

/**
 * One webhook, field by field of the rules' webhook node (keys in canonical
 * order): the endpoint always, each optional integer or list maybe.
 */
export function makeWebhook(rand: Rand): Json {
  const out: Json = {};
  for (const [key, field] of Object.entries(WEBHOOK.fields)) {
    const required = 'required' in field && field.required === 'always';
    switch (field.type) {
      case 'endpoint':
        out[key] = makeHttpsUrl(rand);
        break;
      case 'integer':
        if (required || rand.chance(0.5)) out[key] = rand.int(field.min, field.max);
        break;
      case 'list':
        if (required || rand.chance(0.6)) out[key] = makeHeaders(rand);
        break;
      default:
        // A field of a new kind fails to compile here, until it has a generator.
        field satisfies never;
    }
  }
  return out;
}

/** `capabilities.webhooks`: any subset of the events, and maybe a retry policy, in canonical order. */
export const webhooks: fc.Arbitrary<Json> = fc
  .tuple(
    fc.subarray([...WEBHOOK_EVENTS]),
    fc.option(fc.integer({ min: RETENTION_TIME.min, max: RETENTION_TIME.max })),
    fc.integer(),
  )
  .map(([events, retention, seed]) => {
    const rand = new Rand(seed);
    const out: Json = {};
    for (const event of events) out[event] = makeWebhook(rand);
    if (retention !== null) out[RETRY_KEY] = { [keyAt(RETRY_KEYS, 0)]: retention };
    return out;
  });

export function engagementFor(profile: Profile): fc.Arbitrary<Json> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, rule] of Object.entries(ENGAGEMENT_FIELDS)) {
    model[key] = rule.type === 'boolean' ? booleanFor(rule, profile) : enumListFor(rule, profile);
  }
  return fc.record(model, { noNullPrototype: true });
}

export function capabilitiesFor(profile: Profile): fc.Arbitrary<Json> {
  const parts: Record<(typeof CAPABILITY_KEYS)[number], fc.Arbitrary<Json>> = {
    webhooks,
    engagement: engagementFor(profile),
  };
  return fc.record(Object.fromEntries(CAPABILITY_KEYS.map((key) => [key, parts[key]])), {
    requiredKeys: [],
    noNullPrototype: true,
  });
}

type TopLevelSpec = (typeof TOP_LEVEL_FIELDS)[keyof typeof TOP_LEVEL_FIELDS];

function fieldFor(spec: TopLevelSpec, profile: Profile, options: ManifestOptions): fc.Arbitrary<unknown> {
  if (spec.type !== 'object') return leafFor(spec, profile, options);
  // The one object among the top-level fields: a second one fails to compile here, until it has an arbitrary.
  const only: typeof CAPABILITIES = spec;
  void only;
  return capabilitiesFor(profile);
}

/** A valid value of a leaf, one case per kind of leaf. */
function leafFor(spec: LeafRule, profile: Profile, options: ManifestOptions): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'string':
      return stringFor(spec, profile);
    case 'enum-list':
      return enumListFor(spec, profile);
    case 'boolean':
      return booleanFor(spec, profile);
    case 'scope':
      return scopeFor(spec, profile);
    case 'redirect-uris':
      return fc.array(
        upTo(spec.itemMaxLength, (rand) => makeRedirectUri(rand, options), httpsPrefix),
        { maxLength: 3 },
      );
    case 'id-list':
      return idListFor(spec);
    case 'integer':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'endpoint':
      return httpsUrl;
    case 'header-name':
      return seeded(makeHeaderName);
    case 'header-value':
      return seeded(makeHeaderValue);
    default:
      return spec satisfies never;
  }
}

// ---------------------------------------------------------------- manifests

/**
 * A valid, canonical manifest of the profile: every top-level field of the
 * table, optional ones present or not, with localized names.
 */
export function manifestFor(profile: Profile, options: ManifestOptions = {}): fc.Arbitrary<Json> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, spec] of Object.entries(TOP_LEVEL_FIELDS)) {
    model[key] = fieldFor(spec, profile, options);
    if (isRequired(spec, profile)) requiredKeys.push(key);
  }
  const localizedNames = fc.uniqueArray(fc.tuple(languageTag, textFor(TOP_LEVEL_FIELDS.client_name, profile)), {
    selector: ([tag]) => tag.toLowerCase(),
    maxLength: 3,
  });
  return fc
    .tuple(
      fc.record(model, { requiredKeys: requiredKeys as never[], noNullPrototype: true }) as fc.Arbitrary<Json>,
      localizedNames,
    )
    .map(([fields, localized]) => {
      const out: Json = {};
      for (const key of Object.keys(TOP_LEVEL_FIELDS)) {
        if (key in fields) out[key] = fields[key];
        if (key === 'client_name' && 'client_name' in fields) {
          const sorted = localized.map(([tag, name]) => [`${LOCALIZED_NAME_PREFIX}${tag}`, name] as const);
          sorted.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          for (const [localizedKey, name] of sorted) out[localizedKey] = name;
        }
      }
      return out;
    });
}

export interface ManifestCase {
  readonly profile: Profile;
  readonly manifest: Json;
}

/** A profile and a valid manifest of it. */
export const manifestCase: fc.Arbitrary<ManifestCase> = fc.oneof(
  ...PROFILES.map((profile) => manifestFor(profile).map((manifest): ManifestCase => ({ profile, manifest }))),
);

const ENUM_LIST_KEYS = new Set<string>(
  [...Object.entries(TOP_LEVEL_FIELDS), ...Object.entries(ENGAGEMENT_FIELDS)]
    .filter(([, spec]) => spec.type === 'enum-list')
    .map(([key]) => key),
);

/**
 * The same manifest written differently: keys and enum lists in random
 * order (duplicates are an error, `duplicate_item`), some objects without a
 * prototype (`Object.create(null)`, as some parsers make them), and mostly an
 * editor's `$schema` key. Arrays whose order means something (headers,
 * redirect URIs) keep it.
 */
export function scramble(manifest: Json, seed: number): Json {
  const random = prng(seed);
  const visit = (value: unknown, key: string | undefined): unknown => {
    if (Array.isArray(value)) {
      if (key !== undefined && ENUM_LIST_KEYS.has(key)) return shuffled(value, random);
      return value.map((item) => visit(item, undefined));
    }
    if (typeof value === 'object' && value !== null) {
      const out: Json = random() < 0.2 ? Object.create(null) : {};
      for (const entryKey of shuffled(Object.keys(value), random)) out[entryKey] = visit((value as Json)[entryKey], entryKey);
      return out;
    }
    return value;
  };
  const scrambled = visit(manifest, undefined) as Json;
  if (random() < 0.3) return scrambled;
  // An editor's "$schema" key, somewhere among the others: accepted, and left out of the output.
  const entries = Object.entries(scrambled);
  entries.splice(Math.floor(random() * (entries.length + 1)), 0, [
    EDITOR_SCHEMA_KEY,
    './node_modules/lp-app-manifest/schema/general.schema.json',
  ]);
  return Object.fromEntries(entries);
}
