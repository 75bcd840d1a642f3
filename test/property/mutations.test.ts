/**
 * Every single mutation of a valid manifest that breaks a rule is rejected,
 * with an issue at the place that was changed (or at the new key). Each
 * mutation below names the rule it breaks (SPEC.md).
 */
import { HEADER_NAME_SOURCE } from '../../src/rules/patterns.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { validateManifest, type IssueCode, type Profile } from '../../src/index.js';
import {
  FRAMING_HEADER_NAMES,
  LOCALIZED_NAME_PREFIX,
  MISSPELLED_WEBHOOK_EVENTS,
  RESERVED_HEADER_PREFIX,
  SERVER_ASSIGNED_KEYS,
  WEBHOOK_EVENTS,
} from '../../src/rules/tables.js';
import { formatPath } from '../../src/validation/paths.js';
import { anyCase, limitOf, manifestCase, Rand, TCHARS } from './arbitraries.js';
import { jsonTypeOf, sitesOf, type Site } from './sites.js';
import { assertProperty, getAt, removeAt, setAt, updateAt, type Json, type Segments } from './support.js';

/** An HTTP token (RFC 9110 §5.6.2), as the rules' pattern says. */
const HTTP_TOKEN = new RegExp(HEADER_NAME_SOURCE, 'u');
const SEED = 0x5eed_0010;

const KINDS = [
  'wrong type',
  'required removed',
  'unknown key',
  'bad language tag',
  'duplicate language tag',
  'unknown event',
  'unknown enum value appended',
  'duplicate enum value',
  'too few items',
  'connector must include',
  'connector exact list',
  'unknown enum value',
  'bad redirect URI',
  'too long',
  'blank',
  'control character',
  'bad https URL',
  'bad logo URI',
  'bad scope',
  'connector boolean',
  'bad endpoint',
  'out of range',
  'header name not a token',
  'reserved header name',
  'duplicate header name',
  'CR/LF/control in header value',
  'framing header name',
  'non-ASCII header value',
  'server-assigned key',
  'bad agent-profile id',
  'duplicate agent-profile id',
];

/** One way to break one rule at one place. */
interface Mutation {
  /** A short name of the kind of mutation, to count them. */
  readonly kind: string;
  /** The rule it breaks, as SPEC.md words it. */
  readonly rule: string;
  /** The issue codes that rule is reported with. */
  readonly codes: readonly IssueCode[];
  /** Makes the broken manifest and says where the issue must be. */
  readonly make: (rand: Rand) => { readonly manifest: Json; readonly at: Segments };
}

type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** A JSON value of another type than `expected`, sometimes one that looks plausible. */
function wrongType(expected: JsonType, rand: Rand): unknown {
  const types = (['object', 'array', 'string', 'number', 'boolean', 'null'] as const).filter((t) => t !== expected);
  switch (rand.pick(types)) {
    case 'object':
      return rand.pick([{}, { endpoint: 'https://a.bc' }, { header_name: 'A', header_value: 'b' }, { 0: 'client_credentials' }]);
    case 'array':
      return rand.pick([[], ['x'], [{}], ['client_credentials'], [true]]);
    case 'string':
      return rand.pick(['', 'true', '3', 'https://a.bc', 'msg.consumer', 'client_credentials', '{}', '[]']);
    case 'number':
      return rand.pick([0, 1, -1, 3.5, 1e21, 259_200]);
    case 'boolean':
      return rand.chance(0.5);
    default:
      return null;
  }
}

/** `value` with `insert` put at a random position. */
function insertAt(value: string, insert: string, rand: Rand): string {
  const units = [...value];
  const at = rand.int(0, units.length);
  return [...units.slice(0, at), insert, ...units.slice(at)].join('');
}

/** Not `https://` exactly as written (SPEC.md: a lenient parser would also take `https:/host`). */
const NOT_HTTPS_URLS = [
  'http://hooks.acme.com/lp',
  'HTTPS://hooks.acme.com/lp',
  'Https://hooks.acme.com',
  'ftp://hooks.acme.com/',
  'https:/hooks.acme.com',
  'https:hooks.acme.com',
  'https:\\\\hooks.acme.com',
  '//hooks.acme.com/lp',
  'hooks.acme.com',
  'javascript:alert(1)',
  'wss://hooks.acme.com',
  '',
];
/** `https://`, but no host, or not a URL a WHATWG parser accepts. */
const MALFORMED_HTTPS_URLS = [
  'https://',
  'https:///lp',
  'https://?q',
  'https://#f',
  'https://:443/',
  'https://[::1',
  'https://a.b:99999/',
  'https://a..b%/',
];
/** A user name or password in the URL (SPEC.md: secrets belong in headers). */
const CREDENTIAL_URLS = [
  'https://user:pass@hooks.acme.com/',
  'https://user@hooks.acme.com',
  'https://:pw@hooks.acme.com',
  'https://a@b@hooks.acme.com',
];
const WHITESPACE = [' ', '\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u00a0', '\u2028', '\u3000', '\ufeff'];
const CONTROL = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0080', '\u0085', '\u009f'];
/** What a header value must not contain (SPEC.md: C0 but HTAB, and DEL), and sequences built from it. */
const HEADER_VALUE_BREAKERS = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((ch) => ch !== '\t'),
  '\u007f',
  '\r\n',
  '\r\nX-Injected: 1',
  '\r\n ', // obs-fold: a line break and white space continue a header line (RFC 9110 §5.5)
  '\r\n\t',
  '\n\n<html>',
  '\r\n\r\nGET / HTTP/1.1',
];
/** Characters outside the token grammar (RFC 9110 §5.6.2). */
const NOT_TCHARS = [...' "(),/:;<=>?@[\\]{}', '\t', '\r', '\n', '\u0000', '\u007f', 'é', 'İ', '\u00a0', '😀'];
const BAD_REDIRECT_URIS = [
  'https://evil.example.com\\@apps.example.com/cb', // parsers disagree on the host
  'http://127.1/cb', // a loopback host not as written
  'https://{domain}/cb',
  'com.example.app:/c|b',
  'http://acme.com/cb', // http, not to a loopback host
  'http://127.0.0.2/cb',
  'http://localhost.acme.com/cb',
  'https://acme.com/cb#frag', // a fragment
  'http://localhost/#',
  'cb', // not absolute
  '/cb',
  'com:/cb', // a private-use scheme without a dot
  '1com.acme:/cb', // a scheme starts with a letter
  'https://u:p@acme.com/',
  'http://u@localhost/',
  'http://localhost:99999/',
  'com.acme.app:/ cb',
  'https://acme.com/\u0000',
];
const BAD_LOGO_URIS = [
  'HTTPS://cdn.acme.com/logo.png',
  'https://cdn.acme.com/logo {x}.png',
  '/logo%.png',
  '/lögo.png',
  'http://acme.com/logo.png',
  'logo.png',
  '//cdn.acme.com/logo.png',
  'data:image/png;base64,AAAA',
  '/logo file.png',
  '/logo\u0000.png',
  'https://u:p@acme.com/logo.png',
  'https://',
  'file:///logo.png',
  '\\logo.png',
];
const BAD_SCOPES = [
  'msg.consumer msg.consumer',
  'msg.consumer ',
  ' msg.consumer',
  'msg.consumer  msg.consumer',
  'msg.Consumer',
  'openid',
  '',
  'msg.consumer\tprofile',
  'msg.consumer,openid',
  'faas.',
  'faas.a/b',
  'faas.x faas.x',
  'livedeflect  faas.x',
];
/** Beyond ASCII: what a header value must not hold (common HTTP clients refuse to send it). */
const NON_ASCII = ['é', '测试', '\u0080', '\u0085', '\u00a0', '\u010a', '\u010d', '😀', '\ud800', '\ufeff'];
/** Not a positive whole number that a JSON number holds exactly. */
const BAD_IDS = [0, -1, -0, 1.5, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY];
const BAD_LANGUAGE_TAGS = [
  '',
  'e',
  'en_US',
  'en-',
  '-en',
  'en--US',
  'x',
  '123',
  'fr FR',
  'toolonglanguage',
  'en-US-',
  'i-notreal',
  'en-a',
  'de-\u0000',
];
const BLANKS = ['', ' ', '   ', '\u00a0', '\u2028', '\u3000 ', '\ufeff'];
/** Keys a rules table never has: pollution-shaped names, near misses, anything. */
const UNKNOWN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  'Client_Name',
  'clientName',
  'client-name',
  'endpoint ',
  'Endpoint',
  'headers',
  'webhooks',
  'retry',
  'header_Value',
  'designEngagement',
  'max_retry',
  'retention',
  '0',
  'capabilities.webhooks',
];

/** A URL that breaks the https-URL rule, often the place's own URL changed a little. */
/** What makes a URL wrong as written (RFC 3986), inserted anywhere in a valid one. */
const NOT_AS_WRITTEN = ['\\', '{x}', '${X}', '|', '^', '`', '"', '<', '>', '[', ']', 'é', '😀', '%g', '%zz', '%4g'];

/** The codes of the rules on a URL as written, beside each field's own. */
const AS_WRITTEN_CODES: readonly IssueCode[] = [
  'url_empty',
  'url_scheme_not_lower_case',
  'url_placeholder',
  'url_not_ascii',
  'url_invalid_character',
  'url_invalid_percent_encoding',
  'url_invalid_host',
  'url_host_mismatch',
  'url_invalid_port',
];

function notAnHttpsUrl(rand: Rand, current: string): string {
  switch (rand.int(0, 5)) {
    case 5:
      return insertAt(current, rand.pick(NOT_AS_WRITTEN), rand);
    case 0:
      return rand.pick(NOT_HTTPS_URLS);
    case 1:
      return rand.pick(MALFORMED_HTTPS_URLS);
    case 2:
      return rand.pick(CREDENTIAL_URLS);
    case 3:
      return insertAt(current, rand.pick(WHITESPACE), rand);
    default:
      return current.replace(/^https:\/\//, rand.pick(['http://', 'https:/', 'https:///', '']));
  }
}

/** A string of exactly `length` code points, printable and not blank; astral characters count as one. */
function textOfLength(length: number, rand: Rand): string {
  const unit = rand.pick(['x', 'é', '中', '😀']);
  return unit.repeat(length);
}

/** Too long by 1 to 8 code points, but otherwise valid for the place. */
function tooLong(site: Site & { kind: 'string' | 'scope' | 'redirect-uri' }, profile: Profile, rand: Rand): string {
  const max =
    site.kind === 'string'
      ? limitOf(site.rule.maxLength, profile)
      : site.kind === 'scope'
        ? site.rule.maxLength
        : site.itemMaxLength;
  const length = max + rand.int(1, 8);
  if (site.kind === 'scope') return Array.from({ length: Math.ceil(length / 13) + 1 }, () => 'msg.consumer').join(' ');
  const format = site.kind === 'string' ? site.rule.format : 'https-url';
  const url = (): string => `https://a.bc/${'p'.repeat(length - 13)}`;
  if (format === 'https-url') return url();
  if (format === 'logo-uri') return rand.chance(0.5) ? `/${'p'.repeat(length - 1)}` : url();
  return textOfLength(length, rand);
}

function unknownKey(known: readonly string[], rand: Rand, root: boolean): string {
  for (;;) {
    const key = rand.chance(0.5)
      ? rand.pick(UNKNOWN_KEYS)
      : rand.chars('abcdefghijklmnopqrstuvwxyz_-.#0123456789 ', rand.int(1, 20));
    if (!known.includes(key) && !(root && key.startsWith(LOCALIZED_NAME_PREFIX))) return key;
  }
}

/** Every mutation that applies to a manifest, with the place it breaks. */
function mutationsOf(manifest: Json, profile: Profile): Mutation[] {
  const out: Mutation[] = [];
  const add = (kind: string, rule: string, codes: readonly IssueCode[], make: Mutation['make']): void => {
    out.push({ kind, rule, codes, make });
  };
  const replaceWith =
    (at: Segments, value: (rand: Rand) => unknown): Mutation['make'] =>
    (rand) => ({ manifest: at.length === 0 ? (value(rand) as Json) : setAt(manifest, at, value(rand)), at });
  const connector = profile === 'connector';

  for (const site of sitesOf(manifest, profile)) {
    const at = site.path;
    const current = getAt(manifest, at);

    const where = formatPath(at) || '(root)';
    add(
      'wrong type',
      `${where} has the JSON type the rules give it`,
      ['invalid_type'],
      replaceWith(at, (rand) => wrongType(jsonTypeOf(site), rand)),
    );
    if (site.required && at.length > 0 && typeof at[at.length - 1] === 'string') {
      add('required removed', `${where} is required`, ['required'], () => ({ manifest: removeAt(manifest, at), at }));
    }

    switch (site.kind) {
      case 'object': {
        const rule = `${where} has no keys but ${site.known.join(', ')}`;
        add(
          'unknown key',
          rule,
          ['unknown_key', 'unknown_key_not_shown', 'misspelled_webhook_event', 'server_assigned_key'],
          (rand) => {
            const key = unknownKey(site.known, rand, site.role === 'root');
            // A key that is not an HTTP token (a pasted header line, maybe) is reported at the object, unquoted.
            const hidden = !HTTP_TOKEN.test(key.trim());
            return { manifest: setAt(manifest, [...at, key], wrongType('null', rand)), at: hidden ? at : [...at, key] };
          },
        );
        if (site.role === 'root') {
          add(
            'server-assigned key',
            'a manifest carries no key LivePerson assigns on installation',
            ['server_assigned_key'],
            (rand) => {
              const key = rand.pick(SERVER_ASSIGNED_KEYS);
              return { manifest: setAt(manifest, [key], wrongType('null', rand)), at: [key] };
            },
          );
          add(
            'bad language tag',
            'a localized name needs a well-formed RFC 5646 language tag',
            ['invalid_language_tag', 'unknown_key_not_shown'],
            (rand) => {
              const key = `${LOCALIZED_NAME_PREFIX}${rand.pick(BAD_LANGUAGE_TAGS)}`;
              // A key that is not a name (a space in the tag, say) is reported at the root, unquoted.
              return { manifest: setAt(manifest, [key], 'Name'), at: HTTP_TOKEN.test(key.trim()) ? [key] : [] };
            },
          );
          const tags = Object.keys(manifest).filter((key) => key.startsWith(LOCALIZED_NAME_PREFIX));
          for (const key of tags) {
            const tag = key.slice(LOCALIZED_NAME_PREFIX.length);
            const swapped =
              LOCALIZED_NAME_PREFIX +
              [...tag].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
            if (swapped === key || swapped in manifest) continue;
            const rule = 'two localized names may not have the same tag (tags are case-insensitive)';
            add('duplicate language tag', rule, ['duplicate_language_tag'], () => ({
              manifest: setAt(manifest, [swapped], 'Name'),
              // Reported at the later of the two keys, in the sorted order the output uses.
              // biome-ignore lint/complexity/useMathMinMax: the keys are strings, compared as the output sorts them
              at: [swapped < key ? key : swapped],
            }));
          }
        }
        if (site.role === 'webhooks') {
          const events = Object.keys(current as Json).filter((key) => (WEBHOOK_EVENTS as readonly string[]).includes(key));
          const misspelled = Object.keys(MISSPELLED_WEBHOOK_EVENTS)[0]!;
          for (const event of events) {
            const rule = 'a webhook is keyed by one of the five event names (a misspelled one is rejected)';
            add('unknown event', rule, ['misspelled_webhook_event', 'unknown_key'], (rand) => {
              const renamed =
                rand.chance(0.5) && !(misspelled in (current as Json)) ? misspelled : `${event}${rand.pick(['s', ' ', 'X'])}`;
              const body = (current as Json)[event];
              return { manifest: setAt(removeAt(manifest, [...at, event]), [...at, renamed], body), at: [...at, renamed] };
            });
          }
        }
        break;
      }
      case 'enum-list': {
        const list = current as string[];
        add('unknown enum value appended', `${where} has only values from its table`, ['invalid_enum_value'], (rand) => {
          const index = list.length;
          const nearMisses = site.rule.values.flatMap((v) => [v.toUpperCase(), `${v} `]);
          const value = rand.pick([...nearMisses, 'unknown', '', 'client-credentials', 'id_token  token']);
          return { manifest: setAt(manifest, [...at, index], value), at: [...at, index] };
        });
        if (list.length > 0) {
          add('duplicate enum value', `${where} has unique items`, ['duplicate_item'], (rand) => ({
            manifest: setAt(manifest, [...at, list.length], rand.pick(list)),
            at: [...at, list.length],
          }));
        }
        if (site.rule.minItems !== undefined) {
          const rule = `${where} has at least ${site.rule.minItems} item`;
          add('too few items', rule, ['too_few_items'], () => ({ manifest: setAt(manifest, at, []), at }));
        }
        if (connector && site.rule.connectorMustInclude !== undefined) {
          const must = site.rule.connectorMustInclude;
          add('connector must include', `a connector's ${where} includes ${must}`, ['connector_required_value'], () => ({
            manifest: setAt(
              manifest,
              at,
              list.filter((v) => v !== must),
            ),
            at,
          }));
        }
        if (connector && site.rule.connectorExactly !== undefined) {
          const exactly = site.rule.connectorExactly;
          const others = site.rule.values.filter((v) => !exactly.includes(v));
          const rule = `a connector's ${where} is exactly ${JSON.stringify(exactly)}`;
          add('connector exact list', rule, ['connector_required_value'], (rand) => ({
            manifest: setAt(manifest, at, rand.chance(0.5) ? others : [...exactly, ...others]),
            at,
          }));
        }
        break;
      }
      case 'enum-item':
        add('unknown enum value', `${where} is a value from its table`, ['invalid_enum_value'], (rand) => ({
          manifest: setAt(manifest, at, `${current as string}${rand.pick(['_', 'x', ' ', 'S'])}`),
          at,
        }));
        break;
      case 'redirect-uri':
        add(
          'bad redirect URI',
          'a redirect URI is https, http to a loopback host, or a private-use scheme with a dot, without a fragment',
          [
            'redirect_uri_insecure_http',
            'redirect_uri_has_fragment',
            'invalid_redirect_uri',
            'url_has_credentials',
            'url_malformed',
            'url_has_whitespace',
            ...AS_WRITTEN_CODES,
          ],
          replaceWith(at, (rand) => rand.pick(BAD_REDIRECT_URIS)),
        );
        add(
          'too long',
          'a redirect URI is at most 128 characters',
          ['too_long'],
          replaceWith(at, (rand) => tooLong(site, profile, rand)),
        );
        break;
      case 'string': {
        const what = site.localized ? 'a localized client name' : formatPath(at);
        const max = limitOf(site.rule.maxLength, profile);
        const rule = `${what} is at most ${max} characters in the ${profile} profile`;
        add(
          'too long',
          rule,
          ['too_long'],
          replaceWith(at, (rand) => tooLong(site, profile, rand)),
        );
        if (site.rule.notBlank)
          add(
            'blank',
            `${what} is not blank`,
            ['blank'],
            replaceWith(at, (rand) => rand.pick(BLANKS)),
          );
        if (site.rule.noControlCharacters) {
          const rule = `${what} has no control characters`;
          add(
            'control character',
            rule,
            ['control_character'],
            replaceWith(at, (rand) => insertAt(current as string, rand.pick(CONTROL), rand)),
          );
        }
        if (site.rule.format === 'https-url') {
          const rule = `${what} is an https:// URL with a host, no credentials, no white space`;
          const codes: IssueCode[] = [
            'url_not_https',
            'url_malformed',
            'url_has_credentials',
            'url_has_whitespace',
            ...AS_WRITTEN_CODES,
          ];
          add(
            'bad https URL',
            rule,
            codes,
            replaceWith(at, (rand) => notAnHttpsUrl(rand, current as string)),
          );
        }
        if (site.rule.format === 'logo-uri') {
          const rule = `${what} is an https:// URL or a root-relative path`;
          const codes: IssueCode[] = [
            'invalid_logo_uri',
            'url_malformed',
            'url_has_credentials',
            'url_has_whitespace',
            ...AS_WRITTEN_CODES,
          ];
          add(
            'bad logo URI',
            rule,
            codes,
            replaceWith(at, (rand) => rand.pick(BAD_LOGO_URIS)),
          );
        }
        break;
      }
      case 'scope': {
        const rule = 'scope holds only supported values, separated by single spaces, no duplicates';
        add(
          'bad scope',
          rule,
          ['invalid_scope', 'duplicate_item', 'scope_spacing'],
          replaceWith(at, (rand) => rand.pick(BAD_SCOPES)),
        );
        add(
          'too long',
          'scope is at most 128 characters',
          ['too_long'],
          replaceWith(at, (rand) => tooLong(site, profile, rand)),
        );
        break;
      }
      case 'boolean':
        if (connector && site.rule.connectorExactly !== undefined) {
          const rule = `a connector's ${where} is ${String(site.rule.connectorExactly)}`;
          add(
            'connector boolean',
            rule,
            ['connector_required_value'],
            replaceWith(at, () => !site.rule.connectorExactly),
          );
        }
        break;
      case 'endpoint':
        add(
          'bad endpoint',
          'a webhook endpoint is an https:// URL with a host, no credentials, no white space',
          ['url_not_https', 'url_malformed', 'url_has_credentials', 'url_has_whitespace', ...AS_WRITTEN_CODES],
          replaceWith(at, (rand) => notAnHttpsUrl(rand, current as string)),
        );
        break;
      case 'integer': {
        const { min, max } = site.range;
        const outside = (rand: Rand): number =>
          rand.pick([min - 1, max + 1, min - rand.int(2, 1000), max + rand.int(2, 1e6), -1, 1e21, Number.MAX_SAFE_INTEGER + 2]);
        const fractional = (rand: Rand): number => rand.pick([min + 0.5, max - 0.25, 1e-7, 2.000001]);
        add(
          'out of range',
          `${where} is an integer in ${min}..${max}`,
          ['out_of_range', 'not_integer'],
          replaceWith(at, (rand) => (rand.chance(0.7) ? outside(rand) : fractional(rand))),
        );
        break;
      }
      case 'header_name': {
        add(
          'header name not a token',
          'a header name is an HTTP token (RFC 9110 §5.6.2)',
          ['invalid_header_name'],
          replaceWith(at, (rand) => (rand.chance(0.1) ? '' : insertAt(current as string, rand.pick(NOT_TCHARS), rand))),
        );
        add(
          'reserved header name',
          `a header name does not start with ${RESERVED_HEADER_PREFIX}`,
          ['reserved_header_name'],
          replaceWith(at, (rand) => `${anyCase(RESERVED_HEADER_PREFIX, rand)}${rand.chars(TCHARS, rand.int(0, 8))}`),
        );
        add(
          'framing header name',
          'a header name does not frame or route the request (RFC 9110 §7.6.1, RFC 9112 §6)',
          ['framing_header_name'],
          replaceWith(at, (rand) => anyCase(rand.pick(FRAMING_HEADER_NAMES), rand)),
        );
        const headersPath = at.slice(0, -2);
        const headers = getAt(manifest, headersPath) as unknown[];
        add(
          'duplicate header name',
          'no two headers have the same name, compared case-insensitively',
          ['duplicate_header_name'],
          (rand) => {
            const name = anyCase(current as string, rand);
            return {
              manifest: updateAt(manifest, headersPath, (parent, key) => {
                ((parent as Json)[key] as unknown[]).push({ header_name: name, header_value: 'v' });
              }),
              at: [...headersPath, headers.length, 'header_name'],
            };
          },
        );
        break;
      }
      case 'header_value':
        add(
          'CR/LF/control in header value',
          'a header value has no CR, LF, NUL or other control character but a tab, so nothing can split or fold a header',
          ['header_value_control_character'],
          replaceWith(at, (rand) => insertAt(current as string, rand.pick(HEADER_VALUE_BREAKERS), rand)),
        );
        add(
          'non-ASCII header value',
          'a header value is visible ASCII, space and tab only (RFC 9110 §5.5)',
          ['header_value_not_ascii'],
          replaceWith(at, (rand) => insertAt(current as string, rand.pick(NON_ASCII), rand)),
        );
        break;
      case 'id-list':
        if ((current as unknown[]).length > 0) {
          add('duplicate agent-profile id', 'agent-profile ids are unique', ['duplicate_item'], () => ({
            manifest: setAt(manifest, at, [...(current as unknown[]), (current as unknown[])[0]]),
            at: [...at, (current as unknown[]).length],
          }));
        }
        break;
      case 'id':
        add(
          'bad agent-profile id',
          'an agent-profile id is a positive whole number',
          ['invalid_agent_profile_id'],
          replaceWith(at, (rand) => rand.pick(BAD_IDS)),
        );
        break;
      case 'redirect-uris':
      case 'headers':
        break;
    }
  }
  return out;
}

describe('property: mutations that break a rule', () => {
  it(`every single rule-breaking mutation of a valid manifest is rejected at the mutated place (seed ${SEED})`, () => {
    // A kind of mutation first, then a place for it: every kind gets its share of the runs.
    const arbitrary = fc.tuple(manifestCase, fc.nat(), fc.nat(), fc.integer()).map(([testCase, pickKind, pickPlace, seed]) => {
      const byKind = new Map<string, Mutation[]>();
      for (const mutation of mutationsOf(testCase.manifest, testCase.profile)) {
        byKind.set(mutation.kind, [...(byKind.get(mutation.kind) ?? []), mutation]);
      }
      const kinds = [...byKind.values()];
      const candidates = kinds[pickKind % kinds.length]!;
      const mutation = candidates[pickPlace % candidates.length]!;
      return { ...testCase, mutation, ...mutation.make(new Rand(seed)) };
    });
    const kinds = new Map<string, number>();
    assertProperty('single rule-breaking mutations', SEED, arbitrary, ({ profile, mutation, manifest, at }) => {
      kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);
      const result = validateManifest(manifest, { profile });
      if (result.ok) expect.fail(`accepted, but breaks "${mutation.rule}" at ${JSON.stringify(at)}: ${JSON.stringify(manifest)}`);
      const hit = result.issues.find(
        (issue) => JSON.stringify(issue.segments) === JSON.stringify(at) && mutation.codes.includes(issue.code),
      );
      if (hit === undefined) {
        expect.fail(
          `"${mutation.rule}": expected one of ${mutation.codes.join('/')} at ${JSON.stringify(at)}, ` +
            `got ${JSON.stringify(result.issues.map(({ code, segments }) => ({ code, segments })))}`,
        );
      }
      for (const issue of result.issues) {
        if (issue.severity !== 'error' || issue.path !== formatPath(issue.segments))
          expect.fail(`malformed issue ${JSON.stringify(issue)}`);
      }
    });
    console.log(`        [fast-check] mutations by kind: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
    // Every kind of mutation was really made (a generator that never fires tests nothing).
    expect([...kinds.keys()]).to.have.members(KINDS);
  });
});
