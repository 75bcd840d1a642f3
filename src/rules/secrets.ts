/**
 * What may be shown: the one owner of the promise "never show a secret". Every output asks here
 * (the validator's walk, templates, the CLI's JSON text reader, `diff`, `plan` and `pull`), and the
 * answers come from the rules tree: a field flagged `secret` (a header value), a server-assigned
 * key flagged `secret` (`client_secret`), and any key that is not a name (it may be a whole
 * `Authorization: Bearer …` line pasted into the wrong place).
 *
 * This module imports only the rules: the library, the installations code and the CLI each ask it.
 */
import type { FieldSpec } from './nodes.js';
import { childOf, nodeAt } from './places.js';
import { HEADERS, MANIFEST, WEBHOOKS } from './tables.js';

/** What stands in for a value that is not shown. */
export const HIDDEN_VALUE = '(hidden)';

// ---- names: which keys may be shown (a module of their own, so that a reader of JSON text loads no tree) ----

export { firstHiddenKey, isHttpToken, isShownKey, keyStartOf } from './names.js';
import { firstHiddenKey, isHttpToken, isShownKey } from './names.js';

// ---- the variable that holds a header value ----

/** Upper case, every run of other characters as one `_`, none at either end. */
const namePart = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/**
 * `LP_<EVENT>_<HEADER>`: the last part of the event key and the header name,
 * upper case, other characters as `_`. A header name that is not an HTTP
 * token (it may be a pasted `Authorization: Bearer …` line) is never used:
 * `LP_<EVENT>_HEADER_<n>`, `n` its place in the list (from 1); so is an event
 * key that is not one. A name already taken gets `_2`, `_3`, … so that two
 * header values never share a variable. `pull` names the header values it
 * hides this way, and `lp-app-manifest code` the `env('NAME')` of each.
 *
 * @param event - The webhook's event key (`ms.MessagingEventNotification.ContentEvent`).
 * @param header - The header's `header_name`, as written (anything: only an HTTP token is used).
 * @param index - The header's place in its webhook's `headers` list, from 0.
 * @param taken - The names already given (and any other name to avoid); the name returned is added.
 */
export function headerVariableName(event: string, header: unknown, index: number, taken: Set<string>): string {
  const eventPart = (isHttpToken(event) ? namePart(event.split('.').at(-1) ?? event) : '') || 'WEBHOOK';
  const headerPart = (isHttpToken(header) ? namePart(header) : '') || `HEADER_${index + 1}`;
  const base = `LP_${eventPart}_${headerPart}`.slice(0, 100);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 100 - String(n).length - 1)}_${n}`;
  taken.add(name);
  return name;
}

// ---- secret places of a manifest ----

/** Whether a key the server assigns holds a secret (`client_secret`). Read when asked: a module-level read would keep the tree in every bundle. */
const isSecretAssigned = (key: string): boolean => {
  const assigned: Readonly<Record<string, { readonly secret?: true }>> = MANIFEST.assigned;
  return Object.hasOwn(assigned, key) && assigned[key]!.secret === true;
};

/** Whether the value at `segments` of a manifest is a secret: a field flagged `secret` (a header value), or `client_secret`. */
export function isSecretPlace(segments: readonly (string | number)[]): boolean {
  const [first] = segments;
  if (segments.length === 1 && typeof first === 'string' && isSecretAssigned(first)) return true;
  return nodeAt(segments)?.secret === true;
}

/**
 * How much of a path may be shown: up to the first key that is not a name (`hiddenKey`: it may be a
 * pasted `Authorization: Bearer …` line), or up to a secret place itself (`inSecret`: a header value,
 * `client_secret`; nothing written inside one is shown, not even a key). `undefined`: all of it.
 */
export function hiddenPart(
  segments: readonly (string | number)[],
): { readonly shown: number; readonly hiddenKey: string | undefined } | undefined {
  const keyAt = firstHiddenKey(segments);
  const end = keyAt === -1 ? segments.length : keyAt;
  for (let length = 1; length < end; length++)
    if (isSecretPlace(segments.slice(0, length))) return { shown: length, hiddenKey: undefined };
  return keyAt === -1 ? undefined : { shown: keyAt, hiddenKey: String(segments[keyAt]) };
}

/**
 * The variables whose values are secrets: those of a placeholder in a secret place (a header
 * value). Such a value is a secret wherever else it lands too.
 */
export function secretVariables(
  uses: readonly { readonly segments: readonly (string | number)[]; readonly variables: readonly string[] }[],
): Set<string> {
  return new Set(uses.filter((use) => isSecretPlace(use.segments)).flatMap((use) => use.variables));
}

/** Whether a text is, or holds, one of `secrets` (a short secret only when whole: four characters could be anywhere). */
export const holdsSecret = (text: string, secrets: readonly string[]): boolean =>
  secrets.some((secret) => text === secret || (secret.length >= 4 && text.includes(secret)));

/** The params of an issue that quote what was written (a value, a part or a place of it, a suggestion made from it). */
const QUOTING_PARAMS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'value',
  'key',
  'suggestion',
  'host',
  'tag',
  'other',
  'name',
  'character',
  'parsed',
  'percentEncoded',
  'punycodeHost',
  'placeholder',
  'written',
  'position',
]);

/** Whether params quote anything of what was written, at any depth. */
export function quotesWritten(params: unknown): boolean {
  if (Array.isArray(params)) return params.some(quotesWritten);
  if (params === null || typeof params !== 'object') return false;
  return Object.entries(params).some(([name, item]) => QUOTING_PARAMS.has(name) || quotesWritten(item));
}

/** Params with everything that quotes what was written replaced by {@link HIDDEN_VALUE}, deep-frozen. */
export function hideQuoted(params: unknown, name = ''): unknown {
  if (QUOTING_PARAMS.has(name)) return HIDDEN_VALUE;
  if (Array.isArray(params)) return Object.freeze(params.map((item) => hideQuoted(item, name)));
  if (params !== null && typeof params === 'object') {
    return Object.freeze(Object.fromEntries(Object.entries(params).map(([key, item]) => [key, hideQuoted(item, key)])));
  }
  return params;
}

// ---- values shown in part: any JSON, valid or not (diff, plan) ----

const SECRET_NAME = /secret|password|passwd|token|authorization|api[-_]?key|app[-_]?key|^header_value$/i;

/**
 * Whether a key holds a secret by its name: a webhook `header_value` (it often carries
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
export const isSecretKey = (key: string | number): boolean => typeof key === 'string' && SECRET_NAME.test(key);

/**
 * Where a value sits in any JSON, for what of it may be shown: a node of the rules tree, `loose`
 * (a value the tree does not rule: only secret-named keys are hidden, and a key naming headers or
 * webhooks is read as such), or `hidden`.
 */
export type Place = FieldSpec | 'loose' | 'hidden';

/** The root of a manifest, as a {@link Place}. */
export const ROOT_PLACE: Place = MANIFEST;

/** Keys outside the tree that name a place holding secrets (a misspelled `"Headers"`, a `"webhook"` key). */
const LOOSE_PLACES: readonly (readonly [RegExp, FieldSpec])[] = [
  [/header/i, HEADERS],
  [/webhook/i, WEBHOOKS],
];

let guarded: ReadonlySet<FieldSpec> | undefined;

/**
 * The guarded nodes: those that hold a secret below them, from the first list or events node down
 * (the webhooks, a webhook, its headers, a header). A malformed one may hold a secret anywhere (a
 * pasted `Authorization: Bearer …` line, a misspelled key): of it, only the keys of the tree that
 * hold no secret are shown, and all of it is hidden when it is not the shape the tree says.
 */
function guardedNodes(): ReadonlySet<FieldSpec> {
  if (guarded !== undefined) return guarded;
  const found = new Set<FieldSpec>();
  const mark = (node: FieldSpec, inside: boolean): boolean => {
    const within = inside || node.type === 'list' || node.type === 'events';
    const children =
      node.type === 'object'
        ? Object.values(node.fields)
        : node.type === 'list'
          ? [node.items]
          : node.type === 'events'
            ? [node.each, ...Object.values(node.also)]
            : [];
    let holds = node.secret === true;
    for (const child of children) holds = mark(child, within) || holds;
    if (holds && within) found.add(node);
    return holds;
  };
  mark(MANIFEST, false);
  guarded = found;
  return found;
}

/** Where the value under `key` (a key or an index) of a value at `place` sits. */
export function placeUnder(place: Place, key: string | number): Place {
  if (place === 'hidden') return 'hidden';
  if (place !== 'loose') {
    if (place.type === 'header-name') return 'hidden';
    const child = childOf(place, key);
    if (child !== undefined) return child.secret === true ? 'hidden' : child;
    if (place.type === 'list' || guardedNodes().has(place)) return 'hidden';
    if (place === MANIFEST && typeof key === 'string' && isSecretAssigned(key)) return 'hidden';
  }
  if (typeof key === 'number') return 'loose';
  if (isSecretKey(key)) return 'hidden';
  for (const [pattern, node] of LOOSE_PLACES) if (pattern.test(key)) return node;
  return 'loose';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether the value at `place` is hidden as a whole: anything at a hidden place, a header name
 * that is not a token, and, at a guarded node, a value of the wrong kind (a string where a header
 * should be, an array where a webhook should be) or an object with a key that is not a token.
 */
export function isHiddenWhole(value: unknown, place: Place): boolean {
  if (place === 'loose') return false;
  if (place === 'hidden') return true;
  if (place.type === 'header-name') return !isHttpToken(value);
  if (!guardedNodes().has(place)) return false;
  if (place.type === 'list') return !Array.isArray(value);
  return !isObject(value) || !Object.keys(value).every(isHttpToken);
}

/** What a shown path or copy says in place of a key that is not a name. */
export const KEY_NOT_SHOWN = '(a key that is not a name, not shown)';

/** The user information of a URL (`user:password@`), which may hold a password. */
const URL_USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/;

/** The query of a URL (`?…`, up to a fragment), which often holds a key (`?code=…`, `?api_key=…`). */
const URL_QUERY = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^?#]*)\?[^#]*/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function define(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A copy of a JSON value at `place` that may be shown: every secret replaced by
 * {@link HIDDEN_VALUE}, a key that is not a name shown as {@link KEY_NOT_SHOWN} (numbered when
 * there are several) with its value hidden, and the user information of any URL
 * (`https://user:password@host`) and its query (`?code=…`, where keys are often sent) hidden too.
 */
export function redact(value: Json, place: Place): Json {
  if (isHiddenWhole(value, place)) return HIDDEN_VALUE;
  if (typeof value === 'string')
    return value.replace(URL_USERINFO, `$1${HIDDEN_VALUE}@`).replace(URL_QUERY, `$1?${HIDDEN_VALUE}`);
  if (Array.isArray(value)) return value.map((item, i) => redact(item, placeUnder(place, i)));
  if (isObject(value)) {
    const out: { [key: string]: Json } = {};
    let hiddenKeys = 0;
    for (const key of Object.keys(value)) {
      if (!isShownKey(key)) {
        hiddenKeys++;
        define(out, hiddenKeys === 1 ? KEY_NOT_SHOWN : `${KEY_NOT_SHOWN} ${hiddenKeys}`, HIDDEN_VALUE);
      } else define(out, key, redact(value[key] as Json, placeUnder(place, key)));
    }
    return out;
  }
  return value;
}

/** Every string that {@link redact} hides in a JSON value at `place` (the keys of a hidden object included), none empty. */
export function secretStrings(value: unknown, place: Place): string[] {
  if (value === undefined) return [];
  if (isHiddenWhole(value, place)) return allStrings(value).filter((text) => text !== '');
  if (Array.isArray(value)) return value.flatMap((item, i) => secretStrings(item, placeUnder(place, i)));
  if (isObject(value)) return Object.keys(value).flatMap((key) => secretStrings(value[key], placeUnder(place, key)));
  return [];
}

/** Every string in a value, its keys included. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (isObject(value)) return Object.keys(value).flatMap((key) => [key, ...allStrings(value[key])]);
  return [];
}

/** A copy of a value with every string that is, or holds, one of `secrets` replaced by {@link HIDDEN_VALUE}. */
export function hideSecretsIn(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return holdsSecret(value, secrets) ? HIDDEN_VALUE : value;
  if (Array.isArray(value)) return value.map((item) => hideSecretsIn(item, secrets));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hideSecretsIn(item, secrets)]));
  return value;
}
