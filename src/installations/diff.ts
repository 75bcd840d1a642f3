/**
 * A semantic diff of two manifests (or installations): what was added,
 * removed or changed, by JSON path, after canonical ordering. Secret values
 * (webhook `header_value`, `client_secret`, anything named like a password,
 * token or key, and anything of a malformed webhook header but a
 * `header_name` that is an HTTP token) are never part of the result: a
 * changed one reads as changed.
 */
import { validateManifest } from '../index.js';
import {
  hideSecretsIn,
  HIDDEN_VALUE,
  isHiddenWhole,
  isSecretKey,
  isShownKey,
  KEY_NOT_SHOWN,
  placeUnder,
  redact,
  ROOT_PLACE,
  secretStrings,
  type Place,
} from '../rules/secrets.js';
import { isObject, sameJson } from './json.js';

/** What stands in for a secret value in a {@link ManifestChange}: the value itself is never kept. */
export { HIDDEN_VALUE };

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

export { isSecretKey };

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
  if (sameJson(a, b)) return;
  const hidden = isHiddenWhole(a, place) || isHiddenWhole(b, place);
  if (!hidden && isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !Object.hasOwn(a, key))];
    for (const key of keys) {
      // A key that is not a name (a pasted "Authorization: Bearer …" line, maybe) is shown neither in the path nor its value.
      const named = isShownKey(key);
      walk(
        a[key] as Json | undefined,
        b[key] as Json | undefined,
        [...segments, named ? key : KEY_NOT_SHOWN],
        named ? placeUnder(place, key) : 'hidden',
        out,
      );
    }
    return;
  }
  if (!hidden && Array.isArray(a) && Array.isArray(b) && !isPrimitiveList(a) && !isPrimitiveList(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...segments, i], placeUnder(place, i), out);
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
  walk(a, b, [], ROOT_PLACE, changes);
  // A secret (a header value, a client_secret) may also stand in another field: hidden there too.
  const secrets = [...new Set([...secretStrings(a, ROOT_PLACE), ...secretStrings(b, ROOT_PLACE)])];
  const shown = secrets.length === 0 ? changes : changes.map((change) => hideSecretStrings(change, secrets));
  return deepFreeze({ equal: changes.length === 0, changes: shown });
}

/** A change with every string that is, or holds, a secret replaced by {@link HIDDEN_VALUE} (a short secret only when whole). */
function hideSecretStrings(change: ManifestChange, secrets: readonly string[]): ManifestChange {
  const out: Record<string, unknown> = { ...change };
  if ('before' in change) out['before'] = hideSecretsIn(change.before, secrets);
  if ('after' in change) out['after'] = hideSecretsIn(change.after, secrets);
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
