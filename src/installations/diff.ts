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
  isHttpToken,
  isSecretKey,
  isShownKey,
  KEY_NOT_SHOWN,
  placeUnder,
  redact,
  ROOT_PLACE,
  secretStrings,
  type Place,
} from '../rules/secrets.js';
import { HEADERS } from '../rules/tables.js';
import { isObject, sameJson } from './json.js';

/** What stands in for a secret value in a {@link ManifestChange}: the value itself is never kept. */
export { HIDDEN_VALUE };

/**
 * One difference between two manifests. `path` is a JSON path as the
 * validator prints it (`capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].endpoint`),
 * `segments` the same as keys and indexes. Values are plain JSON with every
 * secret replaced by {@link HIDDEN_VALUE}; `hidden` is `true` when a value
 * at `path` (before, after, or both) is not shown and reads {@link HIDDEN_VALUE}:
 * a secret, or a string that holds one. An object or a list that is added
 * is listed field by field (one change per path); a removed list item by
 * item (each webhook header, each redirect URI is a removal of its own).
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

/** Whether a value is an object or a list with something in it: added or removed, it is listed item by item. */
const hasItems = (value: Json): value is Json[] | { [key: string]: Json } =>
  (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0);

/** The name field of the items of a list node that names its items (webhook `headers`: `header_name`). */
const uniqueNameAt = (place: Place): string | undefined =>
  typeof place === 'object' && place.type === 'list' ? place.uniqueName : undefined;

/**
 * The items of two lists of objects, paired: by the name field of a list that names its items
 * (a header by its `header_name`) when every item on both sides has its own name, else by index.
 * Each pair is `[index before, index after]`; `-1` where that side has no such item.
 */
function pairItems(a: readonly Json[], b: readonly Json[], name: string | undefined): [number, number][] {
  const names = (list: readonly Json[]): string[] | undefined => {
    if (name === undefined) return undefined;
    const out = list.map((item) => (isObject(item) && typeof item[name] === 'string' ? (item[name] as string) : undefined));
    return out.every((each) => each !== undefined) && new Set(out).size === out.length ? (out as string[]) : undefined;
  };
  const [namesA, namesB] = [names(a), names(b)];
  if (namesA === undefined || namesB === undefined) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i): [number, number] => [
      i < a.length ? i : -1,
      i < b.length ? i : -1,
    ]);
  }
  // Maps, not searches: a hostile list of many items stays linear.
  const indexA = new Map(namesA.map((each, i) => [each, i]));
  const inB = new Set(namesB);
  const pairs: [number, number][] = namesB.map((each, j): [number, number] => [indexA.get(each) ?? -1, j]);
  namesA.forEach((each, i) => {
    if (!inB.has(each)) pairs.push([i, -1]);
  });
  return pairs;
}

/** Pushes an addition: an object or a list item by item (one line per field), anything else whole. */
function added(b: Json, segments: (string | number)[], place: Place, out: ManifestChange[]): void {
  if (!isHiddenWhole(b, place) && hasItems(b)) {
    if (Array.isArray(b))
      b.forEach((item, i) => {
        added(item, [...segments, i], placeUnder(place, i), out);
      });
    else {
      let hiddenKeys = 0;
      for (const key of Object.keys(b)) {
        // A key that is not a name is shown neither in the path nor with its value; several are numbered, as redact numbers them.
        if (isShownKey(key)) added(b[key] as Json, [...segments, key], placeUnder(place, key), out);
        else {
          hiddenKeys++;
          const shown = hiddenKeys === 1 ? KEY_NOT_SHOWN : `${KEY_NOT_SHOWN} ${hiddenKeys}`;
          added(b[key] as Json, [...segments, shown], 'hidden', out);
        }
      }
    }
    return;
  }
  const after = redact(b, place);
  out.push({
    kind: 'added',
    path: formatJsonPath(segments),
    segments: Object.freeze([...segments]),
    after,
    hidden: after === HIDDEN_VALUE,
  });
}

/** Pushes a removal: a list item by item (each header, each redirect URI is a deletion of its own), anything else whole. */
function removed(a: Json, segments: (string | number)[], place: Place, out: ManifestChange[]): void {
  if (!isHiddenWhole(a, place) && Array.isArray(a) && a.length > 0) {
    a.forEach((item, i) => {
      removed(item, [...segments, i], placeUnder(place, i), out);
    });
    return;
  }
  const before = redact(a, place);
  out.push({
    kind: 'removed',
    path: formatJsonPath(segments),
    segments: Object.freeze([...segments]),
    before,
    hidden: before === HIDDEN_VALUE,
  });
}

function walk(
  a: Json | undefined,
  b: Json | undefined,
  segments: (string | number)[],
  place: Place,
  out: ManifestChange[],
): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    added(b as Json, segments, place, out);
    return;
  }
  if (b === undefined) {
    removed(a, segments, place, out);
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
    for (const [i, j] of pairItems(a, b, uniqueNameAt(place))) {
      if (j === -1) removed(a[i] as Json, [...segments, i], placeUnder(place, i), out);
      else if (i === -1) added(b[j] as Json, [...segments, j], placeUnder(place, j), out);
      else walk(a[i], b[j], [...segments, j], placeUnder(place, j), out);
    }
    return;
  }
  if (!hidden && Array.isArray(a) && Array.isArray(b) && isPrimitiveList(a) && isPrimitiveList(b)) {
    // Lists of plain values (redirect URIs): each value gone is a removal of its own, each new one an addition.
    // Each value of A takes the first unclaimed equal value of B (by its JSON text: plain values only), in linear time.
    const waiting = new Map<string, number[]>();
    b.forEach((item, j) => {
      const key = JSON.stringify(item);
      const queue = waiting.get(key);
      if (queue === undefined) waiting.set(key, [j]);
      else queue.push(j);
    });
    const claimed = new Set<number>();
    const gone: number[] = [];
    const heads = new Map<string, number>();
    a.forEach((item, i) => {
      const key = JSON.stringify(item);
      const queue = waiting.get(key);
      const head = heads.get(key) ?? 0;
      if (queue === undefined || head >= queue.length) gone.push(i);
      else {
        claimed.add(queue[head]!);
        heads.set(key, head + 1);
      }
    });
    const fresh = b.map((_, j) => j).filter((j) => !claimed.has(j));
    if (gone.length > 0 || fresh.length > 0) {
      for (const i of gone) removed(a[i] as Json, [...segments, i], placeUnder(place, i), out);
      for (const j of fresh) added(b[j] as Json, [...segments, j], placeUnder(place, j), out);
      return;
    }
    // Only the order changed: the list as a whole.
  }
  if (!hidden && Array.isArray(a) && Array.isArray(b) && (a.length === 0 || b.length === 0)) {
    // A list emptied or filled: each item is a removal or an addition of its own.
    if (a.length > 0) removed(a, segments, place, out);
    else added(b, segments, place, out);
    return;
  }
  const listed = (value: Json): boolean => hasItems(value) && !isHiddenWhole(value, place);
  if ((listed(a) || listed(b)) && !(isPrimitiveList(a) && isPrimitiveList(b))) {
    // An object or a list where the other side has something else: what it held is removed, the new value added, one line per path.
    removed(a, segments, place, out);
    added(b, segments, place, out);
    return;
  }
  const [before, after] = [redact(a, place), redact(b, place)];
  const path = formatJsonPath(segments);
  const frozen = Object.freeze([...segments]);
  out.push({ kind: 'changed', path, segments: frozen, before, after, hidden: before === HIDDEN_VALUE || after === HIDDEN_VALUE });
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
  // A value hidden here is hidden as a whole: the change says so, as it does for a value hidden where it stands.
  out['hidden'] = change.hidden || out['before'] === HIDDEN_VALUE || out['after'] === HIDDEN_VALUE;
  return out as unknown as ManifestChange;
}

const show = (value: unknown): string => JSON.stringify(value) ?? 'null';

/** The name field of a webhook header (`header_name`), read from the rules tree. */
const HEADER_NAME_FIELD = HEADERS.uniqueName;

/**
 * One change as one line: `+ path: value` (added), `- path: value` (removed;
 * a removed object reads `- path`, followed by its `header_name` in
 * parentheses when it is a header: `- …headers[0] (Authorization)`),
 * `~ path: before → after` (changed). A hidden value reads `(hidden)`,
 * unquoted; a value that is shown is JSON.
 *
 * @example
 * ```ts
 * import { diffManifests, formatManifestChange } from 'lp-app-manifest/installations';
 *
 * const [change] = diffManifests({ client_name: 'a' }, { client_name: 'b' }).changes;
 * if (change !== undefined) formatManifestChange(change); // '~ client_name: "a" → "b"'
 * ```
 */
export function formatManifestChange(change: ManifestChange): string {
  const path = change.path === '' ? '(root)' : change.path;
  const text = (value: unknown): string => (change.hidden && value === HIDDEN_VALUE ? HIDDEN_VALUE : show(value));
  if (change.kind === 'added') return `+ ${path}: ${text(change.after)}`;
  if (change.kind === 'removed') {
    const { before } = change;
    if (!isObject(before)) return `- ${path}: ${text(before)}`;
    const name = before[HEADER_NAME_FIELD];
    return typeof name === 'string' && name !== HIDDEN_VALUE && isHttpToken(name) ? `- ${path} (${name})` : `- ${path}`;
  }
  return `~ ${path}: ${text(change.before)} → ${text(change.after)}`;
}

/**
 * One line per change (see {@link formatManifestChange}), without a trailing
 * newline; `''` when the diff is empty. With `limit`, at most that many
 * changes are listed, then one line `… and N more changes`, so a huge input
 * gives bounded output.
 *
 * @param diff - What {@link diffManifests} returned.
 * @param options - `limit`: the most changes listed (default: all).
 *
 * @example
 * ```ts
 * import { diffManifests, formatManifestDiff } from 'lp-app-manifest/installations';
 *
 * formatManifestDiff(diffManifests({ client_name: 'a' }, { client_name: 'b' })); // '~ client_name: "a" → "b"'
 * ```
 */
export function formatManifestDiff(diff: ManifestDiff, options: { readonly limit?: number } = {}): string {
  return formatChanges(diff.changes, options.limit).join('\n');
}

/** The lines of some changes, at most `limit` of them and then one line saying how many more. */
function formatChanges(changes: readonly ManifestChange[], limit = Number.POSITIVE_INFINITY): string[] {
  const lines = changes.slice(0, Math.max(0, limit)).map(formatManifestChange);
  const more = changes.length - lines.length;
  if (more > 0) lines.push(`… and ${more.toLocaleString('en-US')} more ${more === 1 ? 'change' : 'changes'}`);
  return lines;
}
