/**
 * Generators of valid manifests, built from the spec tables (src/spec/tables.ts):
 * the fields, their order, the enum values, the limits and what each profile
 * requires all come from there, so a rule added to a table is generated here
 * too. What the tables do not hold (the shape of a URL, an HTTP token, a
 * language tag) is written from its RFC, as an oracle independent of the
 * validator's own patterns.
 *
 * Every generated manifest is canonical: keys in spec order, localized names
 * sorted after `client_name`, enum lists as subsets in table order. That is
 * exactly what the validator returns, so `validateManifest(m).manifest` must
 * deep-equal `m`.
 */
import fc from 'fast-check';
import type { Profile } from '../../src/index.js';
import {
  CAPABILITY_KEYS,
  ENGAGEMENT_FIELDS,
  HEADER_KEYS,
  LOCALIZED_NAME_PREFIX,
  LOOPBACK_REDIRECT_HOSTS,
  MAX_RETRIES_VALUES,
  PROFILES,
  RESERVED_HEADER_PREFIX,
  RETENTION_TIME,
  RETRY_KEY,
  RETRY_KEYS,
  TOP_LEVEL_FIELDS,
  WEBHOOK_EVENTS,
  WEBHOOK_KEYS,
  type BooleanRule,
  type EnumListRule,
  type FieldSpec,
  type ProfileLimit,
  type ScopeRule,
  type StringRule,
} from '../../src/spec/tables.js';
import { prng, type Json } from './support.js';

export const limitOf = (limit: ProfileLimit, profile: Profile): number =>
  typeof limit === 'number' ? limit : limit[profile];

export const profileArb: fc.Arbitrary<Profile> = fc.constantFrom(...PROFILES);

// ---------------------------------------------------------------- characters

/** RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA */
export const TCHARS = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Whether a header name is an RFC 9110 token (the oracle, written apart from src/spec/patterns.ts). */
export const isToken = (name: string): boolean => name.length > 0 && [...name].every((ch) => TCHARS.includes(ch));

/** Whether a header value has a character that could split or fold a header: C0 except HTAB, or DEL (SPEC.md). */
export const hasForbiddenValueCharacter = (value: string): boolean =>
  [...value].some((ch) => {
    const code = ch.codePointAt(0)!;
    return (code < 0x20 && code !== 0x09) || code === 0x7f;
  });

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

const SPECIAL_CHARACTERS = ['é', 'ß', '中', '😀', '\u00a0', '\u2028', '\t', '\ud800', '\u0085', '\u200b'];

/** One code point: mostly printable ASCII, sometimes anything Unicode has (controls, astral, a lone surrogate). */
export function anyCodePoint(rand: Rand): string {
  const roll = rand.int(0, 99);
  if (roll < 78) return String.fromCharCode(rand.int(0x20, 0x7e));
  if (roll < 86) {
    const code = rand.int(0xa0, 0xfffd);
    return code >= 0xd800 && code <= 0xdfff ? 'x' : String.fromCharCode(code);
  }
  if (roll < 91) return String.fromCodePoint(rand.int(0x10000, 0x10ffff));
  if (roll < 95) return String.fromCharCode(rand.chance(0.5) ? rand.int(0, 0x1f) : rand.int(0x7f, 0x9f));
  return rand.pick(SPECIAL_CHARACTERS);
}

/** A string of `min..max` code points. */
export function codePoints(rand: Rand, min: number, max: number, char: (rand: Rand) => string = anyCodePoint): string {
  let out = '';
  for (let i = rand.length(min, max); i > 0; i--) out += char(rand);
  return out;
}

/** Text that passes a {@link StringRule} without a format. */
function textFor(rule: StringRule, profile: Profile): fc.Arbitrary<string> {
  const max = limitOf(rule.maxLength, profile);
  const char = rule.noControlCharacters
    ? (rand: Rand): string => {
        const ch = anyCodePoint(rand);
        return isControl(ch.codePointAt(0)!) ? 'x' : ch;
      }
    : anyCodePoint;
  return seeded((rand) => {
    const text = codePoints(rand, rule.notBlank ? 1 : 0, max, char);
    // A non-blank string has a character that is not white space; swap one in where there is none.
    return rule.notBlank && !/\S/u.test(text) ? `x${text.slice(1)}` : text;
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

// ---------------------------------------------------------------- URLs

const LABEL_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function label(rand: Rand): string {
  const length = rand.int(1, 8);
  if (length < 3) return rand.chars(LABEL_CHARS, length);
  return rand.chars(LABEL_CHARS, 1) + rand.chars(`${LABEL_CHARS}-`, length - 2) + rand.chars(LABEL_CHARS, 1);
}

/** A host a WHATWG parser accepts: DNS names, IPv4, IPv6, an IDN. */
function host(rand: Rand): string {
  const roll = rand.int(0, 9);
  if (roll < 7) {
    const labels = Array.from({ length: rand.int(1, 3) }, () => label(rand));
    return [...labels, rand.pick(['com', 'io', 'example', 'co.uk'])].join('.');
  }
  if (roll < 8) return Array.from({ length: 4 }, () => rand.int(0, 255)).join('.');
  return rand.pick(['[2001:db8::1]', 'bücher.example', 'EXAMPLE.COM', 'hooks.acme.com.', 'xn--bcher-kva.example']);
}

const port = (rand: Rand): string => (rand.chance(0.2) ? `:${rand.int(1, 65_535)}` : '');

/** Characters that may appear in a path or query as written (no white space, no `#`, no backslash). */
const PATH_CHARS = [...'abcXYZ019-._~!$&\'()*+,;=:@/', '%20', 'é'];
const path = (rand: Rand): string => `/${rand.chars(PATH_CHARS, rand.int(0, 12))}`;
const query = (rand: Rand): string => (rand.chance(0.2) ? `?${rand.chars(PATH_CHARS, rand.int(0, 8))}` : '');

/** An `https://` URL with a host: a valid webhook endpoint or entry URI. Never longer than 128. */
export const makeHttpsUrl = (rand: Rand): string =>
  `https://${host(rand)}${port(rand)}${rand.chance(0.7) ? path(rand) : ''}${query(rand)}`;
export const httpsUrl: fc.Arbitrary<string> = seeded(makeHttpsUrl);

/** A root-relative path, `/…` but not `//…`, without white space or controls. */
const ROOT_PATH_FIRST = [...'abcXYZ019-._~', 'é', '%20'];
const ROOT_PATH_REST = [...ROOT_PATH_FIRST, '/'];
function rootPath(rand: Rand): string {
  if (rand.chance(0.1)) return '/';
  return `/${rand.chars(ROOT_PATH_FIRST, 1)}${rand.chars(ROOT_PATH_REST, rand.int(0, 20))}`;
}

/** A valid redirect URI (RFC 6749 §3.1.2, RFC 8252 §7.1 and §7.3), no fragment, at most 128 characters. */
const redirectUri: fc.Arbitrary<string> = seeded((rand) => {
  const roll = rand.int(0, 2);
  if (roll === 0) return makeHttpsUrl(rand);
  if (roll === 1) return `http://${rand.pick(LOOPBACK_REDIRECT_HOSTS)}${port(rand)}${path(rand)}`;
  // A private-use scheme with a dot (RFC 8252 §7.1); a scheme starts with a letter (RFC 3986 §3.1).
  return `${rand.chars(LETTERS, rand.int(1, 4))}.${label(rand)}:${rootPath(rand)}`;
});

// ---------------------------------------------------------------- language tags

/** A well-formed RFC 5646 tag: language[-script][-region], or a private-use or grandfathered one. */
export const languageTag: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: seeded((rand) => {
      const script = rand.chance(0.3) ? `-${rand.chars(LETTERS, 4)}` : '';
      const region = rand.chance(0.5) ? `-${rand.chance(0.8) ? rand.chars(LETTERS, 2) : rand.chars(DIGITS, 3)}` : '';
      return `${rand.chars(LETTERS, rand.int(2, 3))}${script}${region}`;
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('x-private', 'i-klingon', 'en-GB-oed', 'zh-min-nan', 'de-CH-1901', 'sl-rozaj-biske') },
);

// ---------------------------------------------------------------- fields

/** A subset of an enum table, in table order, honouring the rule in this profile. */
function enumListFor(rule: EnumListRule, profile: Profile): fc.Arbitrary<string[]> {
  // A new array every time (fc.constant would hand out one array to every run).
  if (profile === 'connector' && rule.connectorExactly !== undefined) return fc.constant(rule.connectorExactly).map((exactly) => [...exactly]);
  const must = profile === 'connector' ? rule.connectorMustInclude : undefined;
  const minLength = rule.minItems ?? 0;
  // Mostly a few values (small manifests keep 10,000 runs fast), sometimes any number up to all of them.
  const subset = fc.oneof(
    { weight: 4, arbitrary: fc.subarray([...rule.values], { minLength, maxLength: Math.min(rule.values.length, Math.max(minLength, 3)) }) },
    { weight: 1, arbitrary: fc.subarray([...rule.values], { minLength }) },
  );
  return subset.map((values) => rule.values.filter((value) => value === must || values.includes(value)));
}

function booleanFor(rule: BooleanRule, profile: Profile): fc.Arbitrary<boolean> {
  return profile === 'connector' && rule.connectorExactly !== undefined ? fc.constant(rule.connectorExactly) : fc.boolean();
}

function scopeFor(rule: ScopeRule, profile: Profile): fc.Arbitrary<string> {
  if (profile === 'connector' && rule.connectorExactly !== undefined) return fc.constant(rule.connectorExactly);
  return fc.subarray([...rule.values], { minLength: 1 }).map((values) => values.join(' '));
}

function stringFor(rule: StringRule, profile: Profile): fc.Arbitrary<string> {
  const max = limitOf(rule.maxLength, profile);
  const within = (value: string): boolean => [...value].length <= max;
  if (rule.format === 'https-url') return httpsUrl.filter(within);
  if (rule.format === 'logo-uri') return seeded((rand) => (rand.chance(0.5) ? makeHttpsUrl(rand) : rootPath(rand))).filter(within);
  return textFor(rule, profile);
}

export interface Header {
  header_name: string;
  header_value: string;
}

const HEADER_NAMES = ['Authorization', 'X-Api-Key', 'x-acme-signature', 'X-LivePerson', 'x-livepersonal', '__proto__', '123'];

/** An RFC 9110 token that is not one of LivePerson's own header names. */
export function makeHeaderName(rand: Rand): string {
  const name = rand.chance(0.2) ? rand.pick(HEADER_NAMES) : rand.chars(TCHARS, rand.int(1, 16));
  return name.toLowerCase().startsWith(RESERVED_HEADER_PREFIX) ? `y${name}` : name;
}

/** A header value: anything but C0 controls (a tab is fine) and DEL. */
export const makeHeaderValue = (rand: Rand): string =>
  codePoints(rand, 0, 24, (r) => {
    const ch = anyCodePoint(r);
    return hasForbiddenValueCharacter(ch) ? ' ' : ch;
  });

/** Up to four headers with names that differ case-insensitively. */
export function makeHeaders(rand: Rand): Header[] {
  const seen = new Set<string>();
  const out: Header[] = [];
  for (let i = rand.int(0, 4); i > 0; i--) {
    const name = makeHeaderName(rand);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push({ [HEADER_KEYS[0]]: name, [HEADER_KEYS[1]]: makeHeaderValue(rand) } as Header);
  }
  return out;
}

const [ENDPOINT, MAX_RETRIES_KEY, HEADERS_KEY] = WEBHOOK_KEYS;

/** One webhook: an endpoint, maybe `max_retries`, maybe headers (keys in canonical order). */
export function makeWebhook(rand: Rand): Json {
  const out: Json = { [ENDPOINT]: makeHttpsUrl(rand) };
  if (rand.chance(0.5)) out[MAX_RETRIES_KEY] = rand.pick(MAX_RETRIES_VALUES);
  if (rand.chance(0.6)) out[HEADERS_KEY] = makeHeaders(rand);
  return out;
}

/** `capabilities.webhooks`: any subset of the events, and maybe a retry policy, in canonical order. */
export const webhooks: fc.Arbitrary<Json> = fc
  .tuple(fc.subarray([...WEBHOOK_EVENTS]), fc.option(fc.integer({ min: RETENTION_TIME.min, max: RETENTION_TIME.max })), fc.integer())
  .map(([events, retention, seed]) => {
    const rand = new Rand(seed);
    const out: Json = {};
    for (const event of events) out[event] = makeWebhook(rand);
    if (retention !== null) out[RETRY_KEY] = { [RETRY_KEYS[0]]: retention };
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

function fieldFor(spec: FieldSpec, profile: Profile): fc.Arbitrary<unknown> {
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
      return fc.array(redirectUri.filter((uri) => [...uri].length <= spec.itemMaxLength), { maxLength: 3 });
    case 'capabilities':
      return capabilitiesFor(profile);
  }
}

const isRequired = (spec: FieldSpec, profile: Profile): boolean =>
  'required' in spec && (spec.required === 'always' || (spec.required === 'connector' && profile === 'connector'));

/**
 * A valid, canonical manifest of the profile: every top-level field of the
 * table, optional ones present or not, with localized names.
 */
export function manifestFor(profile: Profile): fc.Arbitrary<Json> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, spec] of Object.entries(TOP_LEVEL_FIELDS) as [string, FieldSpec][]) {
    model[key] = fieldFor(spec, profile);
    if (isRequired(spec, profile)) requiredKeys.push(key);
  }
  const localizedNames = fc.uniqueArray(fc.tuple(languageTag, textFor(TOP_LEVEL_FIELDS.client_name, profile)), {
    selector: ([tag]) => tag.toLowerCase(),
    maxLength: 3,
  });
  return fc
    .tuple(fc.record(model, { requiredKeys: requiredKeys as never[], noNullPrototype: true }) as fc.Arbitrary<Json>, localizedNames)
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
