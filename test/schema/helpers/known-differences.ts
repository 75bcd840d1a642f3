/**
 * The rules a JSON Schema cannot express, and a predicate that names the one a
 * value runs into. The differential test skips exactly these values (and
 * counts them); known-differences.test.ts shows each one on a concrete input,
 * and docs/schema-differences.md lists them for users.
 */
import { PRIVATE_USE_SCHEME_SOURCE } from '../../../src/rules/patterns.js';
import { LOCALIZED_NAME_PREFIX, WEBHOOK_EVENTS } from '../../../src/rules/tables.js';
import type { Profile } from '../../../src/index.js';

export const KNOWN_DIFFERENCE_IDS = [
  'duplicate-header-name',
  'duplicate-language-tag',
  'language-tag-length',
  'duplicate-scope-value',
  'whatwg-url-parsing',
] as const;

export type KnownDifferenceId = (typeof KNOWN_DIFFERENCE_IDS)[number];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The host name the WHATWG parser gives, or `undefined` if it rejects the URL. */
function whatwgHostname(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

// RFC 3986 as written, for what the schema's patterns can see (written here apart from them).
const UNIT = "(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})";
const REST = `(?:[/?]${UNIT}*)?(?:#${UNIT}*)?`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** `https://` or `http://`, a host of DNS labels (at most 253 characters) or in brackets, a port of digits, the rest as written. */
const AS_WRITTEN = new RegExp(
  `^https?://(?<host>(?=[^/?#:]{1,253}(?:[/?#:]|\\.[/?#:]|\\.?$))(?:${LABEL}\\.)*${LABEL}\\.?|\\[[0-9A-Fa-f:.]+\\])(?::(?<port>[0-9]*))?${REST}$`,
);
const PRIVATE_USE_AS_WRITTEN = new RegExp(`^${PRIVATE_USE_SCHEME_SOURCE}${UNIT}*$`, 'u');

/**
 * A URL that passes every check the schema's patterns make (RFC 3986 as
 * written, a host of DNS labels or in brackets, a port of digits), that the
 * validator rejects: a port above 65535, a host that the WHATWG parser
 * rejects or reads as another host (`1.2.3.256`, `127.1`, `xn--a`), or an IP
 * literal it rejects (`[1::2::3]`; any spelling it reads, `[0::1]`, is the address).
 */
export function urlNeedsWhatwg(url: string): boolean {
  const match = AS_WRITTEN.exec(url);
  if (match === null) return false;
  const { host, port } = match.groups as { host: string; port?: string };
  if (port !== undefined && port !== '' && Number(port) > 65535) return true;
  if (host.startsWith('[')) return whatwgHostname(url) === undefined;
  return whatwgHostname(url) !== host.toLowerCase();
}

/** An `https://` URL on which the schema and the validator disagree (see {@link urlNeedsWhatwg}). */
export const httpsUrlNeedsWhatwg = (url: string): boolean => url.startsWith('https://') && urlNeedsWhatwg(url);

/** Which difference a redirect URI runs into, if any. */
export function redirectUriDifference(uri: string): KnownDifferenceId | undefined {
  if (uri.includes('#')) return undefined;
  if (uri.startsWith('https://')) return httpsUrlNeedsWhatwg(uri) ? 'whatwg-url-parsing' : undefined;
  if (uri.startsWith('http://')) {
    // The schema knows the loopback hosts as written (any case); the parser reads them alike, but a port may be too big.
    const loopback = /^http:\/\/(?:localhost|127\.0\.0\.1|(\[[0-9A-Fa-f:.]+\]))(?::([0-9]*))?(?:[/?]|$)/i.exec(uri);
    if (loopback === null || !AS_WRITTEN.test(uri)) return undefined;
    // Any IP literal passes the schema: the parser says whether it is [::1] (another spelling of it is).
    if (loopback[1] !== undefined && whatwgHostname(uri) !== '[::1]') return 'whatwg-url-parsing';
    return Number(loopback[2] ?? 0) > 65535 ? 'whatwg-url-parsing' : undefined;
  }
  return PRIVATE_USE_AS_WRITTEN.test(uri) && whatwgHostname(uri) === undefined ? 'whatwg-url-parsing' : undefined;
}

const logoUriNeedsWhatwg = (uri: string): boolean => httpsUrlNeedsWhatwg(uri);

function hasCaseInsensitiveDuplicate(values: readonly string[]): boolean {
  const folded = values.map((value) => value.toLowerCase());
  return new Set(folded).size !== folded.length;
}

function headerNameDuplicates(webhook: unknown): boolean {
  if (!isObject(webhook) || !Array.isArray(webhook['headers'])) return false;
  const names = (webhook['headers'] as unknown[]).flatMap((header) =>
    isObject(header) && typeof header['header_name'] === 'string' ? [header['header_name']] : [],
  );
  return hasCaseInsensitiveDuplicate(names);
}

/**
 * The known differences a value runs into, in the order of
 * {@link KNOWN_DIFFERENCE_IDS}: the places where the schema and the validator
 * may disagree because of a rule the schema cannot express.
 */
export function knownDifferences(value: unknown, profile: Profile): KnownDifferenceId[] {
  if (!isObject(value)) return [];
  const found = new Set<KnownDifferenceId>();
  const webhooks = isObject(value['capabilities']) ? value['capabilities']['webhooks'] : undefined;
  const events = isObject(webhooks) ? WEBHOOK_EVENTS.map((event) => webhooks[event]) : [];

  if (events.some(headerNameDuplicates)) found.add('duplicate-header-name');

  const tags = Object.keys(value).flatMap((key) =>
    key.startsWith(LOCALIZED_NAME_PREFIX) ? [key.slice(LOCALIZED_NAME_PREFIX.length)] : [],
  );
  if (hasCaseInsensitiveDuplicate(tags)) found.add('duplicate-language-tag');
  // The validator's bound on a tag (a safe size for its pattern; RFC 5646 sets none a schema pattern could say).
  if (tags.some((tag) => tag.length > 255)) found.add('language-tag-length');

  // The connector profile requires exactly "msg.consumer", which the schema can say.
  const scope = value['scope'];
  if (profile === 'general' && typeof scope === 'string') {
    const tokens = scope.split(' ');
    if (new Set(tokens).size !== tokens.length) found.add('duplicate-scope-value');
  }

  const urlDifferences: (KnownDifferenceId | undefined)[] = [];
  const entryUri = value['entry_uri'];
  if (typeof entryUri === 'string' && httpsUrlNeedsWhatwg(entryUri)) urlDifferences.push('whatwg-url-parsing');
  const logoUri = value['logo_uri'];
  if (typeof logoUri === 'string' && logoUriNeedsWhatwg(logoUri)) urlDifferences.push('whatwg-url-parsing');
  const redirects = value['redirect_uris'];
  if (Array.isArray(redirects)) {
    for (const uri of redirects as unknown[]) if (typeof uri === 'string') urlDifferences.push(redirectUriDifference(uri));
  }
  for (const webhook of events) {
    const endpoint = isObject(webhook) ? webhook['endpoint'] : undefined;
    if (typeof endpoint === 'string' && httpsUrlNeedsWhatwg(endpoint)) urlDifferences.push('whatwg-url-parsing');
  }
  for (const id of urlDifferences) if (id !== undefined) found.add(id);

  return KNOWN_DIFFERENCE_IDS.filter((id) => found.has(id));
}
