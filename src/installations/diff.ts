/**
 * A semantic diff of two manifests (or installations): what was added,
 * removed or changed, by JSON path, after canonical ordering. Secret values
 * (webhook `header_value`, `client_secret`, anything named like a password,
 * token or key) are never part of the result: a changed one reads as changed.
 */
import { validateManifest } from '../index.js';
import { isObject } from './json.js';

/** What stands in for a secret value in a {@link ManifestChange}: the value itself is never kept. */
export const HIDDEN_VALUE = '(hidden)';

/**
 * One difference between two manifests. `path` is a JSON path as the
 * validator prints it (`capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].endpoint`),
 * `segments` the same as keys and indexes. Values are plain JSON with every
 * secret replaced by {@link HIDDEN_VALUE}; `hidden` is `true` when the value
 * at `path` is itself a secret.
 *
 * @example
 * ```ts
 * import type { ManifestChange } from 'lp-app-manifest/installations';
 *
 * const change: ManifestChange = { kind: 'changed', path: 'enabled', segments: ['enabled'], before: false, after: true, hidden: false };
 * ```
 */
export type ManifestChange =
  | {
      readonly kind: 'added';
      readonly path: string;
      readonly segments: readonly (string | number)[];
      readonly after: unknown;
      readonly hidden: boolean;
    }
  | {
      readonly kind: 'removed';
      readonly path: string;
      readonly segments: readonly (string | number)[];
      readonly before: unknown;
      readonly hidden: boolean;
    }
  | {
      readonly kind: 'changed';
      readonly path: string;
      readonly segments: readonly (string | number)[];
      readonly before: unknown;
      readonly after: unknown;
      readonly hidden: boolean;
    };

/**
 * The differences from one manifest to another, in canonical order; `equal`
 * is `true` when there are none. Deep-frozen plain JSON.
 *
 * @example
 * ```ts
 * import { diffManifests, type ManifestDiff } from 'lp-app-manifest/installations';
 *
 * const diff: ManifestDiff = diffManifests({ client_name: 'a' }, { client_name: 'b' });
 * console.log(diff.equal); // false
 * ```
 */
export interface ManifestDiff {
  readonly equal: boolean;
  readonly changes: readonly ManifestChange[];
}

const SECRET_KEY = /secret|password|passwd|token|authorization|api[-_]?key|app[-_]?key|^header_value$/i;

/**
 * Whether a key holds a secret: a webhook `header_value` (it often carries
 * an API key or a signature secret), `client_secret`, or any key whose name
 * contains secret, password, token, authorization or api key.
 *
 * @example
 * ```ts
 * import { isSecretKey } from 'lp-app-manifest/installations';
 *
 * isSecretKey('header_value'); // true
 * isSecretKey('endpoint'); // false
 * ```
 */
export const isSecretKey = (key: string | number): boolean => typeof key === 'string' && SECRET_KEY.test(key);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats path segments as the validator does: `a.b[0]["x.y"]`.
 *
 * @example
 * ```ts
 * import { formatJsonPath } from 'lp-app-manifest/installations';
 *
 * formatJsonPath(['capabilities', 'webhooks', 'ms.MessagingEventNotification.ContentEvent', 'headers', 0]);
 * // 'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].headers[0]'
 * ```
 */
export function formatJsonPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A plain JSON copy (drops what JSON would drop), never throwing on odd input. */
function toJson(value: unknown, depth = 0): Json | undefined {
  if (depth > 64) return null;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1) ?? null);
  if (isObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value)) {
      const item = toJson(value[key], depth + 1);
      if (item !== undefined)
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return undefined;
}

/**
 * The canonical form: a valid manifest is what `validateManifest` returns
 * (keys and enum values in spec order, `$schema` left out); anything else
 * (an installation with server fields, an invalid manifest) is compared as is.
 */
function canonical(value: unknown): Json | undefined {
  const result = validateManifest(value, { profile: 'general' });
  return toJson(result.ok ? result.manifest : value);
}

/** The user information of a URL (`user:password@`), which may hold a password. */
const URL_USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/;

/**
 * A copy with every secret value replaced by {@link HIDDEN_VALUE}, and the
 * user information of any URL (`https://user:password@host`) hidden too.
 */
function redact(value: Json, hidden = false): Json {
  if (hidden) return HIDDEN_VALUE;
  if (typeof value === 'string') return value.replace(URL_USERINFO, `$1${HIDDEN_VALUE}@`);
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (isObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: redact(value[key] as Json, isSecretKey(key)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

function equalJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => equalJson(item, b[i] as Json));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && equalJson(a[key] as Json, b[key] as Json))
    );
  }
  return false;
}

const isPrimitiveList = (value: Json): boolean =>
  Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');

function walk(
  a: Json | undefined,
  b: Json | undefined,
  segments: (string | number)[],
  hidden: boolean,
  out: ManifestChange[],
): void {
  const path = formatJsonPath(segments);
  const frozen = Object.freeze([...segments]);
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    out.push({ kind: 'added', path, segments: frozen, after: redact(b as Json, hidden), hidden });
    return;
  }
  if (b === undefined) {
    out.push({ kind: 'removed', path, segments: frozen, before: redact(a, hidden), hidden });
    return;
  }
  if (equalJson(a, b)) return;
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !Object.hasOwn(a, key))];
    for (const key of keys)
      walk(a[key] as Json | undefined, b[key] as Json | undefined, [...segments, key], hidden || isSecretKey(key), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && !isPrimitiveList(a) && !isPrimitiveList(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...segments, i], hidden, out);
    return;
  }
  out.push({ kind: 'changed', path, segments: frozen, before: redact(a, hidden), after: redact(b, hidden), hidden });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * Compares two manifests semantically: both are put in canonical order first
 * (a valid manifest as `validateManifest` returns it, so key order and the
 * order of enum lists such as `grant_types` do not count), then every added,
 * removed and changed value is listed by JSON path. Objects are compared key
 * by key, lists of objects (webhook `headers`) item by item, and lists of
 * plain values (`grant_types`) as a whole. Secret values never appear in the
 * result (see {@link isSecretKey}): a changed header value is reported as
 * changed, with both sides {@link HIDDEN_VALUE}. Never throws.
 *
 * @param before - The manifest or installation as it is (e.g. installed).
 * @param after - The manifest as it would be (e.g. the local file).
 * @returns The changes, deep-frozen; `equal` when there are none.
 *
 * @example
 * ```ts
 * import { diffManifests, formatManifestDiff } from 'lp-app-manifest/installations';
 *
 * const diff = diffManifests(
 *   { client_name: 'Bot', enabled: false },
 *   { client_name: 'Bot', enabled: true, description: 'Answers FAQs' },
 * );
 * console.log(formatManifestDiff(diff));
 * // ~ enabled: false → true
 * // + description: "Answers FAQs"
 * ```
 */
export function diffManifests(before: unknown, after: unknown): ManifestDiff {
  const changes: ManifestChange[] = [];
  const [a, b] = [canonical(before), canonical(after)];
  walk(a, b, [], false, changes);
  // A secret (a header value, a client_secret) may also stand in another field: hidden there too.
  const secrets = [...new Set([...secretStrings(a), ...secretStrings(b)])];
  const shown = secrets.length === 0 ? changes : changes.map((change) => hideSecretStrings(change, secrets));
  return deepFreeze({ equal: changes.length === 0, changes: shown });
}

/** Every string under a secret-named key (header values, client_secret, …). */
function secretStrings(value: Json | undefined, secret = false): string[] {
  if (typeof value === 'string') return secret && value !== '' ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => secretStrings(item, secret));
  if (isObject(value)) return Object.keys(value).flatMap((key) => secretStrings(value[key] as Json, secret || isSecretKey(key)));
  return [];
}

/** A change with every string that is, or holds, a secret replaced by {@link HIDDEN_VALUE} (a short secret only when whole). */
function hideSecretStrings(change: ManifestChange, secrets: readonly string[]): ManifestChange {
  const hide = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return secrets.some((secret) => value === secret || (secret.length >= 4 && value.includes(secret))) ? HIDDEN_VALUE : value;
    }
    if (Array.isArray(value)) return value.map(hide);
    if (isObject(value as Json))
      return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, hide(item)]));
    return value;
  };
  const out: Record<string, unknown> = { ...change };
  if ('before' in change) out['before'] = hide(change.before);
  if ('after' in change) out['after'] = hide(change.after);
  return out as unknown as ManifestChange;
}

const show = (value: unknown): string => JSON.stringify(value) ?? 'null';

/**
 * One line per change: `+ path: value` (added), `- path: value` (removed),
 * `~ path: before → after` (changed), without a trailing newline; `''` when
 * the diff is empty. A secret reads `~ path: (hidden) → (hidden)`.
 *
 * @example
 * ```ts
 * import { diffManifests, formatManifestDiff } from 'lp-app-manifest/installations';
 *
 * formatManifestDiff(diffManifests({ client_name: 'a' }, { client_name: 'b' })); // '~ client_name: "a" → "b"'
 * ```
 */
export function formatManifestDiff(diff: ManifestDiff): string {
  return diff.changes
    .map((change) => {
      const path = change.path === '' ? '(root)' : change.path;
      const text = (value: unknown): string => (change.hidden ? HIDDEN_VALUE : show(value));
      if (change.kind === 'added') return `+ ${path}: ${text(change.after)}`;
      if (change.kind === 'removed') return `- ${path}: ${text(change.before)}`;
      return `~ ${path}: ${text(change.before)} → ${text(change.after)}`;
    })
    .join('\n');
}
