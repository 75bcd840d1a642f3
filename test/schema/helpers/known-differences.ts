/**
 * The rules a JSON Schema cannot express, and a predicate that names the one a
 * value runs into. The differential test skips exactly these values (and
 * counts them); known-differences.test.ts shows each one on a concrete input,
 * and docs/schema-differences.md lists them for users.
 */
import { PRIVATE_USE_SCHEME_SOURCE, URL_AUTHORITY_END_SOURCE, URL_FORBIDDEN_SOURCE } from '../../../src/spec/patterns.js';
import { LOCALIZED_NAME_PREFIX, LOOPBACK_REDIRECT_HOSTS, WEBHOOK_EVENTS } from '../../../src/spec/tables.js';
import type { Profile } from '../../../src/index.js';

export const KNOWN_DIFFERENCE_IDS = [
  'duplicate-header-name',
  'duplicate-language-tag',
  'duplicate-scope-value',
  'whatwg-url-parsing',
  'loopback-host-spelling',
] as const;

export type KnownDifferenceId = (typeof KNOWN_DIFFERENCE_IDS)[number];

const URL_FORBIDDEN = new RegExp(URL_FORBIDDEN_SOURCE, 'u');
const AUTHORITY_END = new RegExp(URL_AUTHORITY_END_SOURCE, 'u');
const PRIVATE_USE_SCHEME = new RegExp(`^${PRIVATE_USE_SCHEME_SOURCE}`, 'u');
const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
/** An authority that is one of LOOPBACK_REDIRECT_HOSTS as written (any case), with an optional port: what the schema accepts. */
const LOOPBACK_AS_WRITTEN = new RegExp(`^(?:${LOOPBACK_REDIRECT_HOSTS.map(escapeRegExp).join('|')})(?::[0-9]*)?$`, 'i');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function authorityAsWritten(url: string, prefix: string): string {
  const rest = url.slice(prefix.length);
  const end = rest.search(AUTHORITY_END);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The host name the WHATWG parser gives, or `undefined` if it rejects the URL. */
function whatwgHostname(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * An `https://` URL that passes every check the schema's pattern makes (no
 * white space or controls, a non-empty authority without `@`), but that the
 * WHATWG parser rejects or reads without a host.
 */
export function httpsUrlNeedsWhatwg(url: string): boolean {
  if (URL_FORBIDDEN.test(url) || !url.startsWith('https://')) return false;
  const authority = authorityAsWritten(url, 'https://');
  if (authority === '' || authority.includes('@')) return false;
  const host = whatwgHostname(url);
  return host === undefined || host === '';
}

/** Which difference a redirect URI runs into, if any. */
export function redirectUriDifference(uri: string): KnownDifferenceId | undefined {
  if (URL_FORBIDDEN.test(uri) || uri.includes('#')) return undefined;
  if (uri.startsWith('https://')) return httpsUrlNeedsWhatwg(uri) ? 'whatwg-url-parsing' : undefined;
  if (uri.startsWith('http://')) {
    const authority = authorityAsWritten(uri, 'http://');
    if (authority.includes('@')) return undefined;
    const host = whatwgHostname(uri);
    const written = LOOPBACK_AS_WRITTEN.test(authority);
    if (written && host === undefined) return 'whatwg-url-parsing';
    const loopback = host !== undefined && (LOOPBACK_REDIRECT_HOSTS as readonly string[]).includes(host);
    if (!written && loopback) return 'loopback-host-spelling';
    return undefined;
  }
  return PRIVATE_USE_SCHEME.test(uri) && whatwgHostname(uri) === undefined ? 'whatwg-url-parsing' : undefined;
}

const logoUriNeedsWhatwg = (uri: string): boolean =>
  !(uri.startsWith('/') && !uri.startsWith('//')) && httpsUrlNeedsWhatwg(uri);

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
