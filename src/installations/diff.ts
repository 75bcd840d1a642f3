/**
 * A semantic diff of two manifests (or installations): what was added,
 * removed or changed, by JSON path, after canonical ordering. Secret values
 * (webhook `header_value`, `client_secret`, anything named like a password,
 * token or key, and anything of a malformed webhook header but a
 * `header_name` that is an HTTP token) are never part of the result: a
 * changed one reads as changed.
 */
import { isHttpToken, manifestJsonSchema, validateManifest } from '../index.js';
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
 * (an installation with server fields, an invalid manifest) is compared as is,
 * without its `$schema`.
 */
function canonical(value: unknown): Json | undefined {
  const result = validateManifest(value, { profile: 'general' });
  const json = toJson(result.ok ? result.manifest : value);
  // `$schema` is editor metadata, never part of a manifest's output: left out of an invalid one too.
  if (!isObject(json) || !Object.hasOwn(json, '$schema')) return json;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(json)) if (key !== '$schema') define(out, key, json[key] as Json);
  return out;
}

function define(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The user information of a URL (`user:password@`), which may hold a password. */
const URL_USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/;

/**
 * Where a value sits, for what of it may be shown. A webhook header is an
 * object `{ header_name, header_value }`, and a malformed one (a pasted
 * `Authorization: Bearer …` line, a misspelled key) may hold a secret
 * anywhere: under any `headers` (or any key naming a header), only a
 * `header_name` that is an HTTP token is shown. Under any key naming webhooks
 * (`capabilities.webhooks`, misspelled event names included), a webhook shows
 * only the keys the manifest format gives it (`endpoint`, `max_retries`) and
 * its headers so. Secret-named keys ({@link isSecretKey}) are hidden anywhere.
 */
type Place = 'plain' | 'webhooks' | 'webhook' | 'headers' | 'header' | 'header-name' | 'hidden';

interface WebhookShape {
  /** The keys of a webhook the manifest format shows (its `headers` aside). */
  readonly webhookKeys: readonly string[];
  /** The keys of `capabilities.webhooks` that are not webhooks (the retry policy). */
  readonly otherKeys: readonly string[];
}

interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: { readonly [key: string]: SchemaNode };
  readonly items?: SchemaNode;
  readonly $defs?: { readonly [key: string]: SchemaNode };
}

let shape: WebhookShape | undefined;

/** Read once, lazily, from the manifest JSON Schema: the package's one statement of these rules. */
function webhookShape(): WebhookShape {
  if (shape === undefined) {
    const schema = manifestJsonSchema('general') as unknown as SchemaNode;
    const webhook = schema.$defs?.['webhook'] ?? {};
    const webhooks = schema.properties?.['capabilities']?.properties?.['webhooks']?.properties ?? {};
    shape = Object.freeze({
      webhookKeys: Object.freeze(Object.keys(webhook.properties ?? {}).filter((key) => key !== 'headers')),
      otherKeys: Object.freeze(Object.keys(webhooks).filter((key) => webhooks[key]?.$ref === undefined)),
    });
  }
  return shape;
}

const HEADERS_KEY = /header/i;
const WEBHOOKS_KEY = /webhook/i;

/** Where the value under `key` (a key or an index) of a value at `place` sits. */
function placeOf(place: Place, key: string | number): Place {
  switch (place) {
    case 'plain':
      if (typeof key === 'number') return 'plain';
      if (isSecretKey(key)) return 'hidden';
      if (HEADERS_KEY.test(key)) return 'headers';
      return WEBHOOKS_KEY.test(key) ? 'webhooks' : 'plain';
    case 'webhooks':
      return typeof key === 'string' && webhookShape().otherKeys.includes(key) ? 'plain' : 'webhook';
    case 'webhook':
      if (key === 'headers') return 'headers';
      return typeof key === 'string' && webhookShape().webhookKeys.includes(key) ? 'plain' : 'hidden';
    case 'headers':
      return typeof key === 'number' ? 'header' : 'hidden';
    case 'header':
      return key === 'header_name' ? 'header-name' : 'hidden';
    default:
      return 'hidden';
  }
}

/**
 * Whether the value at `place` is shown as a whole value hidden: anything at
 * a hidden place, a header name that is not a token, and, under webhooks, a
 * value of the wrong kind (a string where a header should be, an array
 * where a webhook should be) or an object with a key that is not a token (a
 * pasted `Authorization: Bearer …` used as a key): none of it is shown, its
 * keys included.
 */
function isHiddenWhole(value: Json, place: Place): boolean {
  switch (place) {
    case 'plain':
      return false;
    case 'hidden':
      return true;
    case 'header-name':
      return !isHttpToken(value);
    case 'headers':
      return !Array.isArray(value);
    default:
      return !isObject(value) || !Object.keys(value).every(isHttpToken);
  }
}

/**
 * A copy of the value at `place` with every secret replaced by
 * {@link HIDDEN_VALUE} (see {@link Place}), and the user information of any
 * URL (`https://user:password@host`) hidden too.
 */
function redact(value: Json, place: Place): Json {
  if (isHiddenWhole(value, place)) return HIDDEN_VALUE;
  if (typeof value === 'string') return value.replace(URL_USERINFO, `$1${HIDDEN_VALUE}@`);
  if (Array.isArray(value)) return value.map((item, i) => redact(item, placeOf(place, i)));
  if (isObject(value)) {
    const out: { [key: string]: Json } = {};
    let hiddenKeys = 0;
    for (const key of Object.keys(value)) {
      // A key that is not a name is shown as the path shows it, numbered when there are several, its value hidden.
      if (!isHttpToken(key.trim())) {
        hiddenKeys++;
        define(out, hiddenKeys === 1 ? KEY_NOT_SHOWN : `${KEY_NOT_SHOWN} ${hiddenKeys}`, HIDDEN_VALUE);
      } else define(out, key, redact(value[key] as Json, placeOf(place, key)));
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

/** What a diff's path says in place of a key that is not an HTTP token. */
const KEY_NOT_SHOWN = '(a key that is not a name, not shown)';

const isPrimitiveList = (value: Json): boolean =>
  Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');

function walk(
  a: Json | undefined,
  b: Json | undefined,
  segments: (string | number)[],
  place: Place,
  out: ManifestChange[],
): void {
  const path = formatJsonPath(segments);
  const frozen = Object.freeze([...segments]);
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    const added = b as Json;
    out.push({ kind: 'added', path, segments: frozen, after: redact(added, place), hidden: isHiddenWhole(added, place) });
    return;
  }
  if (b === undefined) {
    out.push({ kind: 'removed', path, segments: frozen, before: redact(a, place), hidden: isHiddenWhole(a, place) });
    return;
  }
  if (equalJson(a, b)) return;
  const hidden = isHiddenWhole(a, place) || isHiddenWhole(b, place);
  if (!hidden && isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !Object.hasOwn(a, key))];
    for (const key of keys) {
      // A key that is not a name (a pasted "Authorization: Bearer …" line, maybe) is shown neither in the path nor its value.
      const named = isHttpToken(key.trim());
      walk(
        a[key] as Json | undefined,
        b[key] as Json | undefined,
        [...segments, named ? key : KEY_NOT_SHOWN],
        named ? placeOf(place, key) : 'hidden',
        out,
      );
    }
    return;
  }
  if (!hidden && Array.isArray(a) && Array.isArray(b) && !isPrimitiveList(a) && !isPrimitiveList(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...segments, i], placeOf(place, i), out);
    return;
  }
  const [before, after] = [redact(a, place), redact(b, place)];
  out.push({ kind: 'changed', path, segments: frozen, before, after, hidden: before === HIDDEN_VALUE && after === HIDDEN_VALUE });
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
 * plain values (`grant_types`) as a whole. `$schema` (editor metadata) is left
 * out. Secret values never appear in the result (see {@link isSecretKey}): a
 * changed header value is reported as changed, with both sides
 * {@link HIDDEN_VALUE}. Under webhook `headers` (in `capabilities.webhooks`,
 * misspelled event names included), nothing of an item is shown but a
 * `header_name` that is an HTTP token (`isHttpToken` of the main entry): a string where a
 * header should be, a misspelled key's value, a name or key that is not a
 * token (it may be a pasted `Authorization: Bearer …` line) read
 * {@link HIDDEN_VALUE}, as does anything of a webhook but its `endpoint` and
 * `max_retries`. A string hidden once is hidden wherever else it stands.
 * Never throws.
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
  walk(a, b, [], 'plain', changes);
  // A secret (a header value, a client_secret) may also stand in another field: hidden there too.
  const secrets = [...new Set([...secretStrings(a, 'plain'), ...secretStrings(b, 'plain')])];
  const shown = secrets.length === 0 ? changes : changes.map((change) => hideSecretStrings(change, secrets));
  return deepFreeze({ equal: changes.length === 0, changes: shown });
}

/** Every string that {@link redact} hides (header values, client_secret, …), the keys of a hidden object included. */
function secretStrings(value: Json | undefined, place: Place): string[] {
  if (value === undefined) return [];
  if (isHiddenWhole(value, place)) return allStrings(value).filter((text) => text !== '');
  if (Array.isArray(value)) return value.flatMap((item, i) => secretStrings(item, placeOf(place, i)));
  if (isObject(value)) return Object.keys(value).flatMap((key) => secretStrings(value[key] as Json, placeOf(place, key)));
  return [];
}

/** Every string in a value, its keys included. */
function allStrings(value: Json): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (isObject(value)) return Object.keys(value).flatMap((key) => [key, ...allStrings(value[key] as Json)]);
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
