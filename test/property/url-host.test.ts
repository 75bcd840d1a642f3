/**
 * The https URL check reads a URL as written (RFC 3986), and runs the WHATWG
 * parser only where it could read the host otherwise (checks.ts). Here it is
 * held, on generated URLs, to two oracles written apart from it:
 * - RFC 3986's grammar (Appendix A, as one regular expression below) and the
 *   host rules (RFC 1123 / RFC 1035 labels, at most 253 characters in all);
 * - the WHATWG parser itself (`new URL()`): a URL is accepted exactly when it
 *   is RFC 3986, has no user info, a valid host and port, and the parser finds
 *   the same host as written (lower-cased), which is then the host given; an
 *   IPv6 literal is one address in any of its spellings (RFC 4291 §2.2), so any
 *   the parser reads is accepted, and its host is the parser's form. A scheme
 *   written twice (`https://http://host`, a host `http` with an empty port to
 *   RFC 3986) is rejected.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { parseHttpsUrl, singleLabelHost, unreachableHost } from '../../src/validation/checks.js';
import { validateManifest } from '../../src/index.js';
import { UNREACHABLE_HOST_PATTERNS } from '../../src/rules/tables.js';
import { assertProperty } from './support.js';

const SEED = 0x5eed_0090;

/** The WHATWG parser's host, or `undefined` where it rejects the URL or finds no host. */
function whatwgHost(value: string): string | undefined {
  try {
    const { hostname } = new URL(value);
    return hostname === '' ? undefined : hostname;
  } catch {
    return undefined;
  }
}

// RFC 3986 Appendix A, for `https://` URIs (an authority, then path-abempty, query, fragment).
const unreserved = '[A-Za-z0-9\\-._~]';
const pctEncoded = '%[0-9A-Fa-f]{2}';
const subDelims = "[!$&'()*+,;=]";
const pchar = `(?:${unreserved}|${pctEncoded}|${subDelims}|[:@])`;
const userinfo = `(?:${unreserved}|${pctEncoded}|${subDelims}|:)*`;
const regName = `(?:${unreserved}|${pctEncoded}|${subDelims})*`;
const ipLiteral = `\\[(?:[0-9A-Fa-f:.]+|[Vv][0-9A-Fa-f]+\\.(?:${unreserved}|${subDelims}|:)+)\\]`;
const RFC3986_HTTPS_URI = new RegExp(
  `^https://(?:(?<userinfo>${userinfo})@)?(?<host>${ipLiteral}|${regName})(?::(?<port>[0-9]*))?` +
    `(?:/${pchar}*)*(?:\\?(?:${pchar}|[/?])*)?(?:#(?:${pchar}|[/?])*)?$`,
);
/** RFC 1123 §2.1 / RFC 1035 §2.3.4 host names: labels of 1 to 63 letters, digits, "-", not at either end; a trailing dot. */
const DNS_NAME =
  /^(?=.{1,253}\.?$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;

/** What the check must give for a `https://` URL, from the two oracles: the host, or "rejected". */
function expected(value: string): string | 'rejected' {
  const match = RFC3986_HTTPS_URI.exec(value);
  if (match === null || /^https:\/\/https?:\/\//i.test(value)) return 'rejected';
  const { userinfo: user, host, port } = match.groups!;
  if (user !== undefined || host === undefined || host === '') return 'rejected';
  if (port !== undefined && port !== '' && Number(port) > 65535) return 'rejected';
  if (!host.startsWith('[') && !DNS_NAME.test(host)) return 'rejected';
  const parsed = whatwgHost(value);
  if (host.startsWith('[')) return parsed ?? 'rejected';
  return parsed !== undefined && parsed === host.toLowerCase() ? parsed : 'rejected';
}

function expectAgreement(value: string): void {
  const parsed = parseHttpsUrl(value);
  const want = expected(value);
  if ('code' in parsed) expect(want, `${JSON.stringify(value)} rejected with ${parsed.code}`).to.equal('rejected');
  else expect(parsed.hostname, JSON.stringify(value)).to.equal(want);
}

/**
 * Pieces of authorities: the characters of hosts, and the ones that make a
 * parser rewrite or reject a host, or two parsers disagree (IPv4 in decimal,
 * octal and hex, IDNA `xn--` labels, percent-encoding, ports, brackets,
 * backslashes and "@", non-ASCII letters, some of which fold to ASCII:
 * "ſ" and the Kelvin sign), and characters RFC 3986 does not allow.
 */
const PIECES = [
  'a',
  'b',
  'x',
  'n',
  'Z',
  'K',
  '0',
  '1',
  '9',
  '-',
  '.',
  '..',
  '_',
  '~',
  '%',
  '%41',
  '%4',
  '%zz',
  ':',
  ':443',
  ':99999',
  ':65535',
  '[',
  ']',
  '[::1]',
  '[0::1]',
  '[v1.x]',
  'xn--',
  'xn--nxasmq6b',
  'XN--',
  'xn--a',
  'xn--bcher-kva',
  '0x',
  '0x7f',
  '017',
  '127',
  '256',
  '1.2.3.4',
  'localhost',
  'local',
  'a'.repeat(63),
  'b'.repeat(64),
  'ſ',
  '\u212a',
  'é',
  'ü',
  'ß',
  '\u00ad',
  '\u200b',
  '*',
  '!',
  '$',
  "'",
  '(',
  ',',
  ';',
  '=',
  '@',
  '\\',
  '/',
  '?',
  '#',
  '{',
  '}',
  '${x}',
  '|',
  '^',
  '`',
  '"',
  '<',
  '>',
  ' ',
];
const authority = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
const rest = fc.constantFrom(
  '',
  '/',
  '/lp/events',
  '?q=1',
  '#frag',
  '/a b',
  '\\path',
  '/a\tb',
  '/\u0085',
  '/\u00a0',
  '?\u2028',
  '/@x',
  '/é',
  '/a|b',
  '/%zz',
  '/%41',
  '/%4',
  '#a#b',
  '/[x]',
  '/{x}',
  '?q=/?:@',
  "/!$&'()*+,;=",
  '/~_.-',
);

describe('https URLs as written: the check agrees with RFC 3986 and with the WHATWG parser', () => {
  it(`for any authority and rest, the host both oracles give, or a rejection (seed ${SEED})`, () => {
    assertProperty('https URL as written', SEED, fc.tuple(authority, rest), ([host, tail]) =>
      expectAgreement(`https://${host}${tail}`),
    );
  });

  it('long hosts: 253 characters and labels of 63 at most, on generated names', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,70}[a-z0-9])?$/);
    const name = fc.array(label, { minLength: 1, maxLength: 8 }).map((labels) => labels.join('.'));
    assertProperty('https URL host length', SEED + 1, fc.tuple(name, fc.boolean()), ([host, dot]) =>
      expectAgreement(`https://${host}${dot ? '.' : ''}/lp`),
    );
  });

  it('plain host names, lower-cased, are the host the parser gives', () => {
    for (const [url, host] of [
      ['https://hooks.example.com/lp', 'hooks.example.com'],
      ['https://HOOKS.Example.COM', 'hooks.example.com'],
      ['https://intranet?x', 'intranet'],
      ['https://a-b--c.d.example#f', 'a-b--c.d.example'],
      ['https://1a.2b.example', '1a.2b.example'],
      ['https://1.2.3.4/', '1.2.3.4'],
      ['https://[::1]/', '[::1]'],
      ['https://[FE80::1]/', '[fe80::1]'],
      ['https://[0::1]/', '[::1]'],
      ['https://[1080:0:0:0:8:800:200C:417A]/', '[1080::8:800:200c:417a]'],
      ['https://xn--nxasmq6b.example/', 'xn--nxasmq6b.example'],
      ['https://example.com./', 'example.com.'],
      ['https://example.com:443/', 'example.com'],
    ] as const) {
      expect(parseHttpsUrl(url), url).to.deep.equal({ hostname: host });
      expect(whatwgHost(url)).to.equal(host);
    }
  });

  it('hosts the parser rewrites, rejects, or reads as another host are rejected, each with its code', () => {
    for (const [url, code] of [
      ['https://127.1/', 'url_host_mismatch'],
      ['https://0x7f.0.0.1/', 'url_host_mismatch'],
      ['https://[0::1', 'url_invalid_host'],
      ['https://http://b.example/', 'url_scheme_repeated'],
      ['https://example.0x10/', 'url_invalid_host'],
      ['https://example.123/', 'url_invalid_host'],
      ['https://xn--a.example/', 'url_invalid_host'],
      ['https://ſ.example/', 'url_not_ascii'],
      ['https://\u212a.example/', 'url_not_ascii'],
      ['https://a\\@b.example/', 'url_has_credentials'],
      ['https:/b.example/', 'url_not_https'],
      ['https://example.com:99999/', 'url_invalid_port'],
    ] as const) {
      const parsed = parseHttpsUrl(url);
      expect('code' in parsed && parsed.code, url).to.equal(code);
    }
  });

  // The warnings of a valid endpoint are the same whichever way the check took (the short one for common URLs, or
  // the long one): a fragment exactly when there is a "#", a trailing dot exactly when the parser's host ends in one.
  it(`the warnings on a valid endpoint follow from the URL, whichever way it was checked (seed ${SEED + 2})`, () => {
    assertProperty('endpoint warnings', SEED + 2, fc.tuple(authority, rest), ([host, tail]) => {
      const url = `https://${host}${tail}`;
      const result = validateManifest({
        client_name: 'Acme',
        capabilities: { webhooks: { 'cqm.ExConversationChangeNotification': { endpoint: url } } },
      });
      if (!result.ok) return;
      const codes = result.warnings.map((warning) => warning.code);
      const hostname = whatwgHost(url)!;
      expect(codes.includes('endpoint_has_fragment'), url).to.equal(url.includes('#'));
      const otherHostWarning = codes.includes('unreachable_endpoint_host') || codes.includes('single_label_host');
      expect(codes.includes('trailing_dot_host'), url).to.equal(hostname.endsWith('.') && !otherHostWarning);
    });
  });

  it('a single label is a single label as the parser reads it too', () => {
    for (const [url, single] of [
      ['https://your/webhooks/endpoint', true],
      ['https://your./x', true],
      ['https://hooks.example.com/', false],
      ['https://1.2.3.4/', false],
      ['https://[::1]/', false],
    ] as const) {
      const parsed = parseHttpsUrl(url);
      if ('code' in parsed) expect.fail(url);
      expect(singleLabelHost(parsed) !== undefined, url).to.equal(single);
      expect(whatwgHost(url)!.replace(/\.$/, '').includes('.') || whatwgHost(url)!.startsWith('['), url).to.equal(!single);
    }
  });
});

describe('unreachable hosts: the combined pattern', () => {
  it('the patterns without the i flag match no letters, so one case-insensitive pattern is the same test', () => {
    for (const pattern of UNREACHABLE_HOST_PATTERNS) {
      if (!pattern.flags.includes('i')) expect(pattern.source, pattern.source).not.to.match(/[a-zA-Z](?<!\\[a-zA-Z])/);
    }
  });

  it('a host is unreachable exactly when one of the patterns matches it', () => {
    const hosts = [
      'localhost',
      'LOCALHOST',
      'a.localhost',
      'printer.local',
      'printer.local.',
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.32.0.1',
      '192.168.1.1',
      '[::1]',
      '0.0.0.0',
      '[::]',
      '169.254.169.254',
      '100.64.0.1',
      '100.128.0.1',
      '[fd00::1]',
      '[FE80::1]',
      '[::ffff:7f00:1]',
      '[::ffff:808:808]',
      'hooks.example.com',
      'localhost.example.com',
      '8.8.8.8',
    ];
    for (const hostname of hosts) {
      const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
      const expected = UNREACHABLE_HOST_PATTERNS.some((pattern) => pattern.test(name)) ? hostname : undefined;
      expect(unreachableHost({ hostname }), hostname).to.equal(expected);
    }
  });
});
