/**
 * The walk over the rules tree (`src/rules/tables.ts`): objects, lists and events
 * here, the leaves in `leaves.ts`. It reads only the shapes the rules know
 * (never deeper than the tree), so hostile input (cycles, huge nesting,
 * throwing getters, proxies) cannot make it recurse, hang or throw. While it
 * walks, it writes a fresh, canonical copy of the manifest, so the result
 * shares nothing with the input; the cross-field checks (`cross-field.ts`) run
 * on that copy at the end of {@link walkManifest}.
 */
import { isSecretPlace, isShownKey, keyStartOf } from '../rules/secrets.js';
import { EDITOR_SCHEMA_KEY, LOCALIZED_NAME_PREFIX, MANIFEST, SERVER_ASSIGNED_KEYS } from '../rules/tables.js';
import type { FieldSpec, ObjectNode, StringRule } from '../rules/nodes.js';
import { closest, isLanguageTag } from './checks.js';
import { runCrossFieldChecks } from './cross-field.js';
import { NO_PARAMS as NONE } from './issue.js';
import {
  walkBoolean,
  walkEndpoint,
  walkEnumList,
  walkHeaderName,
  walkHeaderValue,
  walkIdList,
  walkInteger,
  walkRedirectUris,
  walkScope,
  walkString,
} from './leaves.js';
import { at, type Path } from './paths.js';
import { keysOf, readArray, readObject, type Keys } from './read.js';
import type { Walk } from './state.js';

type JsonObject = Record<string, unknown>;

// ---- the tree, made ready to walk ----

/** What walks one value of a node: reports its issues, returns its canonical form (or `undefined`). */
type Run = (walk: Walk, value: unknown, path: Path) => unknown;

/**
 * A field as the walk uses it: its key, whether it is required, what a
 * connector must put there (the `required` issue's `expected`), and the walker
 * of its node, chosen once (the walk calls it, instead of branching on the
 * node's kind for every value).
 */
interface ReadyField {
  readonly key: string;
  readonly required: 'always' | 'connector' | undefined;
  readonly expected: string | readonly string[] | undefined;
  readonly run: Run;
}

interface ReadyObject {
  readonly keys: Keys;
  readonly fields: readonly ReadyField[];
}

/**
 * A copy on a null prototype, so that reading a setting the rules leave out
 * never reaches a polluted `Object.prototype` (where a `minItems` or
 * `required` would change the rules). Made with `Object.setPrototypeOf`: V8
 * keeps such an object's properties fast, where `{ __proto__: null, … }` and
 * `Object.create(null)` make a dictionary (about 8 % slower validation,
 * measured with bench/compare.ts).
 */
const own = <TValue extends object>(value: TValue): TValue => Object.setPrototypeOf({ ...value }, null) as TValue;

/** The value a connector needs in a field it requires (`["client_credentials"]`, `"msg.consumer"`), if the rules say. */
function connectorValueOf(rule: FieldSpec): string | readonly string[] | undefined {
  if (rule.type === 'scope' && rule.connectorExactly !== undefined) return rule.connectorExactly;
  if (rule.type !== 'enum-list') return undefined;
  if (rule.connectorExactly !== undefined) return [...rule.connectorExactly];
  return rule.connectorMustInclude === undefined ? undefined : [rule.connectorMustInclude];
}

function readyObject(node: ObjectNode): ReadyObject {
  return readyFields(node.fields);
}

function readyFields(specs: { readonly [key: string]: FieldSpec }): ReadyObject {
  const fields = Object.entries(specs).map(([key, spec]): ReadyField => {
    const rule = own(spec);
    return own({ key, required: rule.required, expected: connectorValueOf(rule), run: runnerOf(rule) });
  });
  return own({
    keys: keysOf(fields.map((field) => field.key)),
    fields,
  });
}

/** The walker of a node: a leaf's walker with its rule, or the walk of a container made ready. */
function runnerOf(spec: FieldSpec): Run {
  switch (spec.type) {
    case 'string':
      return (walk, value, path) => walkString(walk, value, path, spec);
    case 'enum-list':
      return (walk, value, path) => walkEnumList(walk, value, path, spec);
    case 'boolean':
      return (walk, value, path) => walkBoolean(walk, value, path, spec);
    case 'scope':
      return (walk, value, path) => walkScope(walk, value, path, spec);
    case 'redirect-uris':
      return (walk, value, path) => walkRedirectUris(walk, value, path, spec);
    case 'id-list':
      return (walk, value, path) => walkIdList(walk, value, path, spec);
    case 'integer':
      return (walk, value, path) => walkInteger(walk, value, path, spec);
    case 'endpoint':
      return (walk, value, path) => walkEndpoint(walk, value, path, spec);
    case 'header-name':
      return (walk, value, path) => walkHeaderName(walk, value, path, spec);
    case 'header-value':
      return (walk, value, path) => walkHeaderValue(walk, value, path, spec);
    case 'object': {
      const node = readyObject(spec);
      return (walk, value, path) => walkObject(walk, node, value, path);
    }
    case 'list': {
      const items = readyObject(spec.items);
      const unique = spec.uniqueName !== undefined;
      return (walk, value, path) => walkList(walk, items, unique, value, path);
    }
    case 'events': {
      const node: ReadyEvents = own({
        keys: keysOf([...spec.events, ...Object.keys(spec.also)]),
        eventCount: spec.events.length,
        each: readyObject(spec.each),
        also: readyFields(spec.also),
        misspelled: own(spec.misspelled),
      });
      return (walk, value, path) => walkEvents(walk, node, value, path);
    }
  }
}

interface ReadyEvents {
  /** The events, then the `also` keys. */
  readonly keys: Keys;
  readonly eventCount: number;
  readonly each: ReadyObject;
  readonly also: ReadyObject;
  readonly misspelled: Readonly<Record<string, string>>;
}

/** The root, made ready on the first walk (not at import: a program that never validates, or the CLI's cold start, pays nothing for it). */
let ROOT: ReadyObject | undefined;
const CLIENT_NAME_RULE: StringRule = /* @__PURE__ */ (() => own(MANIFEST.fields.client_name))();
const SERVER_ASSIGNED: ReadonlySet<string> = /* @__PURE__ */ new Set(SERVER_ASSIGNED_KEYS);

const hasOwn = Object.prototype.hasOwnProperty;

// ---- the walk ----

/** Reports a field that is missing, if it is required (in this profile). */
function reportMissing(walk: Walk, field: ReadyField, path: Path): void {
  if (field.required === 'always') walk.report(at(path, field.key), 'required', NONE);
  else if (field.required === 'connector' && walk.connector) {
    walk.report(at(path, field.key), 'required', { expected: field.expected });
  }
}

/**
 * The fields of an object, read by {@link readObject} into `slots`, in the
 * spec's order: each missing required one reported, each present one walked
 * into the output. `after` runs after each field (the root puts the localized
 * names right after `client_name`).
 */
function walkFields(
  walk: Walk,
  node: ReadyObject,
  slots: readonly unknown[],
  path: Path,
  after?: (key: string, present: boolean, out: JsonObject) => void,
): JsonObject {
  const out: JsonObject = walk.keep({});
  const fields = node.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = slots[i];
    if (value === undefined) reportMissing(walk, field, path);
    else {
      const result = field.run(walk, value, at(path, field.key));
      if (result !== undefined) out[field.key] = result;
    }
    if (after !== undefined) after(field.key, value !== undefined, out);
  }
  return out;
}

function walkObject(walk: Walk, node: ReadyObject, value: unknown, path: Path): JsonObject | undefined {
  const slots = readObject(walk, value, path, node.keys);
  return slots === undefined ? undefined : walkFields(walk, node, slots, path);
}

/**
 * A list of objects. Where the rules name a unique field (the header names),
 * the names seen so far in this list are kept in `walk.names`, for the name's
 * walker to compare (see `walkHeaderName`).
 */
function walkList(walk: Walk, items: ReadyObject, unique: boolean, value: unknown, path: Path): JsonObject[] | undefined {
  const list = readArray(walk, value, path);
  if (list === undefined) return undefined;
  const outer = walk.names;
  walk.names = unique ? new Map() : undefined;
  const out: JsonObject[] = [];
  for (let i = 0; i < list.length; i++) {
    const where = at(path, i);
    const slots = readObject(walk, list[i], where, items.keys);
    if (slots !== undefined) out.push(walkFields(walk, items, slots, where));
  }
  walk.names = outer;
  return walk.keep(out);
}

/**
 * An object keyed by event: each event's body walked as `each`, the `also`
 * keys by their own rules. A misspelled event name is reported with the real
 * one; the body under it, or under any key close to an event name, is still
 * checked, so fixing the name reveals nothing new.
 */
function walkEvents(walk: Walk, node: ReadyEvents, value: unknown, path: Path): JsonObject | undefined {
  const extras: [string, unknown][] = [];
  const slots = readObject(walk, value, path, node.keys, extras);
  if (slots === undefined) return undefined;
  const keys = node.keys.list;
  for (const [key, body] of extras) {
    // Not a name: a pasted header line, maybe; never shown, and its body, under no event name, is not walked.
    if (!isShownKey(key)) {
      walk.report(path, 'unknown_key_not_shown', { start: keyStartOf(key) });
      continue;
    }
    const where = at(path, key);
    const misspelled = hasOwn.call(node.misspelled, key);
    const suggestion = misspelled ? node.misspelled[key] : closest(key, keys);
    if (misspelled && suggestion !== undefined) walk.report(where, 'misspelled_webhook_event', { key, suggestion });
    else walk.report(where, 'unknown_key', { key, suggestion });
    const index = suggestion === undefined ? -1 : node.keys.index.get(suggestion)!;
    if (index !== -1 && index < node.eventCount) walkObject(walk, node.each, body, where);
  }
  const out: JsonObject = walk.keep({});
  for (let i = 0; i < node.eventCount; i++) {
    const body = slots[i];
    if (body === undefined) continue;
    const result = walkObject(walk, node.each, body, at(path, keys[i]!));
    if (result !== undefined) out[keys[i]!] = result;
  }
  const also = node.also.fields;
  for (let i = 0; i < also.length; i++) {
    const field = also[i]!;
    const body = slots[node.eventCount + i];
    if (body === undefined) reportMissing(walk, field, path);
    else {
      const result = field.run(walk, body, at(path, field.key));
      if (result !== undefined) out[field.key] = result;
    }
  }
  return out;
}

// ---- the root ----

/** Checks `client_name#<tag>` entries and returns them sorted by tag. */
function walkLocalizedNames(walk: Walk, localized: [string, unknown][], hasClientName: boolean): [string, string][] {
  const tags = new Map<string, string>();
  const out: [string, string][] = [];
  for (const [key, value] of localized.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // A tag that is not a name (a pasted "Authorization: Bearer …" after the #) is never shown, as any such key.
    if (!isShownKey(key)) {
      walk.report(null, 'unknown_key_not_shown', { start: keyStartOf(key) });
      continue;
    }
    const where = at(null, key);
    const tag = key.slice(LOCALIZED_NAME_PREFIX.length);
    if (!isLanguageTag(tag)) walk.report(where, 'invalid_language_tag', { tag });
    else {
      const other = tags.get(tag.toLowerCase());
      if (other !== undefined) walk.report(where, 'duplicate_language_tag', { tag, other });
      else tags.set(tag.toLowerCase(), tag);
    }
    if (!hasClientName) walk.report(where, 'localized_name_without_client_name', NONE);
    if (value === undefined) continue;
    const name = walkString(walk, value, where, CLIENT_NAME_RULE);
    if (name !== undefined) out.push([key, name]);
  }
  return out;
}

/**
 * The whole manifest: the root object of the rules tree, and the keys only the
 * root may have beside its fields (localized names, `$schema`, and the
 * server-assigned keys, each an error of its own). Returns the canonical copy,
 * or `undefined` when the input is not an object.
 */
export function walkManifest(walk: Walk, input: unknown): JsonObject | undefined {
  const extras: [string, unknown][] = [];
  ROOT ??= readyObject(MANIFEST);
  const root = ROOT;
  const slots = readObject(walk, input, null, root.keys, extras);
  if (slots === undefined) return undefined;
  const localized: [string, unknown][] = [];
  const allowed = new Map<string, unknown>();
  for (const extra of extras) {
    const [key, value] = extra;
    if (key === EDITOR_SCHEMA_KEY) {
      if (typeof value !== 'string') walk.wrongType(at(null, key), value, 'string');
    } else if (key.startsWith(LOCALIZED_NAME_PREFIX)) localized.push(extra);
    else if (SERVER_ASSIGNED.has(key)) {
      // Its value is never read: it may be a secret (client_secret).
      walk.report(at(null, key), 'server_assigned_key', { key, secret: isSecretPlace([key]) });
    } else if (walk.allowKeys.includes(key)) allowed.set(key, value);
    else walk.unknownKey(null, key, root.keys);
  }
  const out = walkFields(
    walk,
    root,
    slots,
    null,
    localized.length === 0
      ? undefined
      : (key, present, fields) => {
          if (key !== 'client_name') return;
          for (const [name, value] of walkLocalizedNames(walk, localized, present)) fields[name] = value;
        },
  );
  runCrossFieldChecks(walk, out);
  // Keys allowKeys lets through: after the known fields, in the order it names them, as written (a copy).
  for (const key of walk.allowKeys) {
    if (!allowed.has(key)) continue;
    const where = at(null, key);
    walk.report(where, 'allowed_unknown_key', { key });
    walk.reading(where);
    const copy = copyJson(walk, allowed.get(key), 0);
    if (copy === NOT_JSON) walk.wrongType(where, allowed.get(key), 'json');
    else out[key] = copy;
  }
  return out;
}

const NOT_JSON: unique symbol = Symbol('not JSON');

/** Deeper than a manifest of a later release would nest a field: what is deeper is not JSON data to pass through. */
const MAX_ALLOWED_DEPTH = 64;

/**
 * A fresh copy of JSON data (plain objects, arrays, strings, finite numbers, booleans, null), every
 * container kept for freezing; {@link NOT_JSON} for anything else, a cycle or nesting past
 * {@link MAX_ALLOWED_DEPTH}. A read that throws ends the walk there (runValidation's guard).
 */
function copyJson(walk: Walk, value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_JSON;
  if (typeof value !== 'object' || depth >= MAX_ALLOWED_DEPTH) return NOT_JSON;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_JSON;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = copyJson(walk, value[i], depth + 1);
      if (item === NOT_JSON) return NOT_JSON;
      out.push(item);
    }
    return walk.keep(out);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return NOT_JSON;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    const item = copyJson(walk, (value as JsonObject)[key], depth + 1);
    if (item === NOT_JSON) return NOT_JSON;
    // Defined, never assigned: a "__proto__" key stays a key.
    Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return walk.keep(out);
}
