/**
 * The walk over the spec tree (`src/spec/tables.ts`): objects, lists and events
 * here, the leaves in `leaves.ts`. It reads only the shapes the spec knows
 * (never deeper than the tree), so hostile input (cycles, huge nesting,
 * throwing getters, proxies) cannot make it recurse, hang or throw. While it
 * walks, it writes a fresh, canonical copy of the manifest, so the result
 * shares nothing with the input; the cross-field checks (`cross-field.ts`) run
 * on that copy at the end of {@link walkManifest}.
 */
import {
  EDITOR_SCHEMA_KEY,
  LOCALIZED_NAME_PREFIX,
  MANIFEST,
  SECRET_SERVER_ASSIGNED_KEY,
  SERVER_ASSIGNED_KEYS,
} from '../spec/tables.js';
import type { EventsNode, FieldSpec, LeafRule, ListNode, ObjectNode, StringRule } from '../spec/nodes.js';
import { closest, isHeaderName, isLanguageTag } from './checks.js';
import { runCrossFieldChecks } from './cross-field.js';
import { NO_PARAMS as NONE } from './issues.js';
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

/** A node as the walk uses it: on a null prototype, its containers with their keys looked up once. */
type Ready = (LeafRule | ReadyObject | ReadyList | ReadyEvents) & { readonly required?: 'always' | 'connector' };

interface ReadyObject {
  readonly type: 'object';
  readonly required?: 'always' | 'connector';
  readonly keys: Keys;
  readonly entries: readonly (readonly [string, Ready])[];
}

interface ReadyList {
  readonly type: 'list';
  readonly items: ReadyObject;
  /** Where `uniqueName` is among the items' fields, or -1. */
  readonly uniqueIndex: number;
}

interface ReadyEvents {
  readonly type: 'events';
  /** The events, then the `also` keys. */
  readonly keys: Keys;
  readonly eventCount: number;
  readonly each: ReadyObject;
  readonly entries: readonly (readonly [string, Ready])[];
  readonly misspelled: Readonly<Record<string, string>>;
}

/**
 * A copy on a null prototype, so that reading a setting the spec leaves out
 * never reaches a polluted `Object.prototype` (where a `minItems` or
 * `required` would change the rules). Made with `Object.setPrototypeOf`: V8
 * keeps such an object's properties fast, where `{ __proto__: null, … }` and
 * `Object.create(null)` make a dictionary (about 8 % slower validation,
 * measured with bench/compare.ts).
 */
const own = <TValue extends object>(value: TValue): TValue => Object.setPrototypeOf({ ...value }, null) as TValue;

const readyEntries = (fields: { readonly [key: string]: FieldSpec }): (readonly [string, Ready])[] =>
  Object.entries(fields).map(([key, spec]) => [key, ready(spec)] as const);

/** `required`, where the spec says: a key to copy only when it is set, as the leaves have it. */
const requiredOf = (spec: { readonly required?: 'always' | 'connector' }): { readonly required?: 'always' | 'connector' } =>
  spec.required === undefined ? {} : { required: spec.required };

function readyObject(node: ObjectNode & { readonly required?: 'always' | 'connector' }): ReadyObject {
  const entries = readyEntries(node.fields);
  return own({ type: 'object', keys: keysOf(entries.map(([key]) => key)), entries, ...requiredOf(node) });
}

function readyList(node: ListNode & { readonly required?: 'always' | 'connector' }): ReadyList {
  const items = readyObject(node.items);
  const uniqueIndex = node.uniqueName === undefined ? -1 : (items.keys.index.get(node.uniqueName) ?? -1);
  return own({ type: 'list', items, uniqueIndex, ...requiredOf(node) });
}

function readyEvents(node: EventsNode & { readonly required?: 'always' | 'connector' }): ReadyEvents {
  const entries = readyEntries(node.also);
  return own({
    type: 'events',
    keys: keysOf([...node.events, ...entries.map(([key]) => key)]),
    eventCount: node.events.length,
    each: readyObject(node.each),
    entries,
    misspelled: own(node.misspelled),
    ...requiredOf(node),
  });
}

function ready(spec: FieldSpec): Ready {
  switch (spec.type) {
    case 'object':
      return readyObject(spec);
    case 'list':
      return readyList(spec);
    case 'events':
      return readyEvents(spec);
    default:
      return own(spec);
  }
}

// Pure, so that bundles which do not validate drop it (see checks.ts).
const ROOT: ReadyObject = /* @__PURE__ */ readyObject(MANIFEST);
const CLIENT_NAME_RULE = /* @__PURE__ */ (() => ROOT.entries.find(([key]) => key === 'client_name')![1] as StringRule)();
const SERVER_ASSIGNED: ReadonlySet<string> = /* @__PURE__ */ new Set(SERVER_ASSIGNED_KEYS);

const hasOwn = Object.prototype.hasOwnProperty;

// ---- the walk ----

function walkNode(walk: Walk, rule: Ready, value: unknown, path: Path): unknown {
  switch (rule.type) {
    case 'string':
      return walkString(walk, value, path, rule);
    case 'enum-list':
      return walkEnumList(walk, value, path, rule);
    case 'boolean':
      return walkBoolean(walk, value, path, rule);
    case 'scope':
      return walkScope(walk, value, path, rule);
    case 'redirect-uris':
      return walkRedirectUris(walk, value, path, rule);
    case 'id-list':
      return walkIdList(walk, value, path, rule);
    case 'integer':
      return walkInteger(walk, value, path, rule);
    case 'endpoint':
      return walkEndpoint(walk, value, path, rule);
    case 'header-name':
      return walkHeaderName(walk, value, path, rule);
    case 'header-value':
      return walkHeaderValue(walk, value, path, rule);
    case 'object':
      return walkObject(walk, rule, value, path);
    case 'list':
      return walkList(walk, rule, value, path);
    case 'events':
      return walkEvents(walk, rule, value, path);
  }
}

/** The value a connector needs in a field it requires (`["client_credentials"]`, `"msg.consumer"`), if the spec says. */
function connectorValueOf(rule: Ready): string | readonly string[] | undefined {
  if (rule.type === 'scope' && rule.connectorExactly !== undefined) return rule.connectorExactly;
  if (rule.type !== 'enum-list') return undefined;
  if (rule.connectorExactly !== undefined) return [...rule.connectorExactly];
  return rule.connectorMustInclude === undefined ? undefined : [rule.connectorMustInclude];
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
  const entries = node.entries;
  for (let i = 0; i < entries.length; i++) {
    const [key, rule] = entries[i]!;
    const value = slots[i];
    if (value === undefined) {
      if (rule.required === 'always') walk.report(at(path, key), 'required', NONE);
      else if (rule.required === 'connector' && walk.connector) {
        walk.report(at(path, key), 'required', { expected: connectorValueOf(rule) });
      }
    } else {
      const result = walkNode(walk, rule, value, at(path, key));
      if (result !== undefined) out[key] = result;
    }
    if (after !== undefined) after(key, value !== undefined, out);
  }
  return out;
}

function walkObject(walk: Walk, node: ReadyObject, value: unknown, path: Path): JsonObject | undefined {
  const slots = readObject(walk, value, path, node.keys);
  return slots === undefined ? undefined : walkFields(walk, node, slots, path);
}

/**
 * A list of objects. Where the spec names a unique field, two items whose
 * values there are the same in any case are `duplicate_header_name` (only
 * names that are tokens are compared, and so quoted in a message: one that is
 * not may be a whole "Name: secret" line pasted into the wrong field, and it
 * is reported already).
 */
function walkList(walk: Walk, node: ReadyList, value: unknown, path: Path): JsonObject[] | undefined {
  const items = readArray(walk, value, path);
  if (items === undefined) return undefined;
  const unique = node.uniqueIndex;
  const uniqueKey = unique === -1 ? '' : node.items.keys.list[unique]!;
  const seen = new Map<string, string>();
  const out: JsonObject[] = [];
  for (let i = 0; i < items.length; i++) {
    const where = at(path, i);
    const slots = readObject(walk, items[i], where, node.items.keys);
    if (slots === undefined) continue;
    out.push(walkFields(walk, node.items, slots, where));
    const name = slots[unique];
    if (unique !== -1 && typeof name === 'string' && isHeaderName(name)) {
      const folded = name.toLowerCase();
      if (seen.has(folded)) walk.report(at(where, uniqueKey), 'duplicate_header_name', { name });
      else seen.set(folded, name);
    }
  }
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
    const where = at(path, key);
    const misspelled = hasOwn.call(node.misspelled, key);
    const suggestion = misspelled ? node.misspelled[key] : closest(key, keys);
    if (misspelled && suggestion !== undefined) walk.report(where, 'misspelled_webhook_event', { key, suggestion });
    else walk.report(where, 'unknown_key', { key, suggestion });
    const index = suggestion === undefined ? -1 : node.keys.index.get(suggestion)!;
    if (index !== -1 && index < node.eventCount) walkObject(walk, node.each, body, where);
  }
  const out: JsonObject = walk.keep({});
  for (let i = 0; i < keys.length; i++) {
    const body = slots[i];
    const key = keys[i]!;
    const rule = i < node.eventCount ? node.each : node.entries[i - node.eventCount]![1];
    if (body === undefined) {
      if (rule.required === 'always') walk.report(at(path, key), 'required', NONE);
      continue;
    }
    const result = walkNode(walk, rule, body, at(path, key));
    if (result !== undefined) out[key] = result;
  }
  return out;
}

// ---- the root ----

/** Checks `client_name#<tag>` entries and returns them sorted by tag. */
function walkLocalizedNames(walk: Walk, localized: [string, unknown][], hasClientName: boolean): [string, string][] {
  const tags = new Map<string, string>();
  const out: [string, string][] = [];
  for (const [key, value] of localized.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
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
 * The whole manifest: the root object of the spec tree, and the keys only the
 * root may have beside its fields (localized names, `$schema`, and the
 * server-assigned keys, each an error of its own). Returns the canonical copy,
 * or `undefined` when the input is not an object.
 */
export function walkManifest(walk: Walk, input: unknown): JsonObject | undefined {
  const extras: [string, unknown][] = [];
  const slots = readObject(walk, input, null, ROOT.keys, extras);
  if (slots === undefined) return undefined;
  const localized: [string, unknown][] = [];
  for (const extra of extras) {
    const [key, value] = extra;
    if (key === EDITOR_SCHEMA_KEY) {
      if (typeof value !== 'string') walk.wrongType(at(null, key), value, 'string');
    } else if (key.startsWith(LOCALIZED_NAME_PREFIX)) localized.push(extra);
    else if (SERVER_ASSIGNED.has(key)) {
      // Its value is never read: client_secret holds a secret.
      walk.report(at(null, key), 'server_assigned_key', { key, secret: key === SECRET_SERVER_ASSIGNED_KEY });
    } else walk.unknownKey(null, key, ROOT.keys.list);
  }
  const out = walkFields(
    walk,
    ROOT,
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
  return out;
}
