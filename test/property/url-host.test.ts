/**
 * The https URL check takes a short cut for plain host names (checks.ts,
 * SIMPLE_HTTPS_URL) instead of running the WHATWG parser on every endpoint. Here
 * both ways are held to the parser itself: for any URL, the check accepts it
 * with exactly the host `new URL()` gives, or rejects it as malformed exactly
 * when `new URL()` throws or gives no host.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { parseHttpsUrl, unreachableHost } from '../../src/validation/checks.js';
import { UNREACHABLE_HOST_PATTERNS } from '../../src/spec/tables.js';
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

function expectAgreement(value: string): void {
  const parsed = parseHttpsUrl(value);
  // Decided before any parsing, from the string as written (test/validate/urls.test.ts covers them).
  if (parsed === 'url_has_whitespace' || parsed === 'url_has_credentials') return;
  // Stricter than the parser on purpose: "https:///host" and "https://\\host" have no host as written.
  if (/^https:\/\/[/\\?#]/.test(value)) {
    expect(parsed, value).to.equal('url_malformed');
    return;
  }
  if (typeof parsed !== 'string') {
    expect(parsed.hostname, value).to.equal(whatwgHost(value));
    // What the checks before parsing reject is never accepted, short cut or not.
    expect(value, 'accepted').to.match(/^https:\/\/[^/\\?#@]+(?:[/\\?#]|$)/);
    expect(value, 'accepted').not.to.match(/[\s\u0000-\u001F\u007F-\u009F]/u);
  }
  else if (parsed === 'url_malformed') expect(whatwgHost(value), value).to.equal(undefined);
}

/**
 * Pieces of authorities: the characters of simple hosts, and the ones that
 * make the parser rewrite or reject a host (IPv4 in decimal and hex, IDNA
 * `xn--` labels, percent-encoding, ports, brackets, non-ASCII letters that
 * fold to ASCII under Unicode case folding: "ſ" and the Kelvin sign).
 */
const PIECES = [
  'a', 'b', 'x', 'n', 'Z', 'K', '0', '1', '9', '-', '.', '..', '_', '%', '%41', ':', ':443', ':99999', '[', ']',
  '[::1]', 'xn--', 'xn--nxasmq6b', 'XN--', 'xn--a', '0x', '0x7f', '127', '256', '1.2.3.4', 'localhost', 'local',
  'ſ', '\u212a', 'é', 'ß', '\u00ad', '\u200b', '*', '!', '~', '@', '\\', '/', '?', '#',
];
const authority = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
const rest = fc.constantFrom('', '/', '/lp/events', '?q=1', '#frag', '/a b', '\\path', '/a\tb', '/\u0085', '/\u00a0', '?\u2028', '/@x', '/é');

describe('https URLs: the short cut for plain hosts agrees with the WHATWG parser', () => {
  it(`for any authority, the same host or the same rejection as new URL() (seed ${SEED})`, () => {
    assertProperty('https URL host', SEED, fc.tuple(authority, rest), ([host, tail]) => expectAgreement(`https://${host}${tail}`));
  });

  it('plain host names take the short cut with the host the parser gives, lowercased', () => {
    for (const [url, host] of [
      ['https://hooks.example.com/lp', 'hooks.example.com'],
      ['https://HOOKS.Example.COM', 'hooks.example.com'],
      ['https://intranet?x', 'intranet'],
      ['https://a-b--c.d-.example#f', 'a-b--c.d-.example'],
      ['https://1a.2b.example', '1a.2b.example'],
    ] as const) {
      expect(parseHttpsUrl(url)).to.deep.equal({ hostname: host });
      expect(whatwgHost(url)).to.equal(host);
    }
  });

  it('hosts the parser rewrites or rejects are left to it', () => {
    for (const [url, host] of [
      ['https://127.1/', '127.0.0.1'],
      ['https://0x7f.0.0.1/', '127.0.0.1'],
      ['https://example.0x10/', undefined],
      ['https://example.123/', undefined],
      ['https://xn--nxasmq6b.example/', 'xn--nxasmq6b.example'],
      ['https://xn--a.example/', undefined],
      ['https://ſ.example/', 's.example'],
      ['https://\u212a.example/', 'k.example'],
      ['https://example.com./', 'example.com.'],
      ['https://example.com:443/', 'example.com'],
      ['https://example.com:99999/', undefined],
    ] as const) {
      const parsed = parseHttpsUrl(url);
      if (host === undefined) expect(parsed, url).to.equal('url_malformed');
      else expect(parsed, url).to.have.property('hostname', host);
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
    const hosts = ['localhost', 'LOCALHOST', 'a.localhost', 'printer.local', 'printer.local.', '127.0.0.1', '10.1.2.3', '172.16.0.1',
      '172.32.0.1', '192.168.1.1', '[::1]', '0.0.0.0', '[::]', '169.254.169.254', '100.64.0.1', '100.128.0.1', '[fd00::1]',
      '[FE80::1]', '[::ffff:7f00:1]', '[::ffff:808:808]', 'hooks.example.com', 'localhost.example.com', '8.8.8.8'];
    for (const hostname of hosts) {
      const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
      const expected = UNREACHABLE_HOST_PATTERNS.some((pattern) => pattern.test(name)) ? hostname : undefined;
      expect(unreachableHost({ hostname }), hostname).to.equal(expected);
    }
  });
});
