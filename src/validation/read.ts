/**
 * Reading the input: what kind of value it is, and `readObject` and
 * `readArray` for the containers the walk goes through. They read own data
 * only, each value once, and tell the walk what they are reading, so that a
 * read that throws (a getter or a proxy: no JSON parser makes one) becomes one
 * issue there (see `runValidation`, the one guard).
 */
import type { Path } from './paths.js';
import type { Walk } from './state.js';

/**
 * Whether a value is a plain data object: `{}` or `Object.create(null)`, from
 * any realm (not an array, a class instance, a Map…).
 *
 * @example
 * ```ts
 * import { isPlainObject } from './read.js';
 *
 * isPlainObject({ client_name: 'Acme' }); // true
 * isPlainObject(new Map()); // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  // An object from another realm (vm, iframe) has its own Object.prototype.
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Describes a value's type for a message, without echoing the value.
 *
 * @example
 * ```ts
 * import { describeType } from './read.js';
 *
 * describeType([]); // 'an array'
 * describeType(new Date()); // 'an instance of Date'
 * ```
 */
export function describeType(value: unknown): string {
  const { received, className } = receivedOf(value);
  return describeReceived(received, className);
}

/**
 * What kind of value was found where another was expected (`invalid_type`'s
 * `received`): a tag, worded in `invalid_type`'s message ("an array"). `instance` is an
 * object of a class (its name in `className`), `non_plain_object` one that is
 * neither plain data nor of a named class, `unreadable` one whose reading threw.
 *
 * @example
 * ```ts
 * import type { ReceivedType } from 'lp-app-manifest';
 *
 * const received: ReceivedType = 'array';
 * ```
 */
export type ReceivedType =
  | 'null'
  | 'undefined'
  | 'array'
  | 'object'
  | 'instance'
  | 'non_plain_object'
  | 'number'
  | 'NaN'
  | 'Infinity'
  | '-Infinity'
  | 'string'
  | 'boolean'
  | 'bigint'
  | 'symbol'
  | 'function'
  | 'unreadable';

const RECEIVED_WORDS: { readonly [TType in ReceivedType]: string } = {
  null: 'null',
  undefined: 'undefined',
  array: 'an array',
  object: 'an object',
  instance: 'an instance',
  non_plain_object: 'an object that is not plain data',
  number: 'a number',
  NaN: 'NaN',
  Infinity: 'Infinity',
  '-Infinity': '-Infinity',
  string: 'a string',
  boolean: 'a boolean',
  bigint: 'a bigint',
  symbol: 'a symbol',
  function: 'a function',
  unreadable: 'a value that could not be read',
};

/** The words for a {@link ReceivedType} (`an instance of Date` with its class name). */
export const describeReceived = (received: ReceivedType, className?: string): string =>
  received === 'instance' && className !== undefined ? `an instance of ${className}` : RECEIVED_WORDS[received];

/** The kind of a value, and its class name for an instance. */
export function receivedOf(value: unknown): { received: ReceivedType; className?: string } {
  if (value === null) return { received: 'null' };
  if (Array.isArray(value)) return { received: 'array' };
  const type = typeof value;
  if (type === 'number') {
    if (Number.isFinite(value)) return { received: 'number' };
    return { received: Number.isNaN(value) ? 'NaN' : (value as number) > 0 ? 'Infinity' : '-Infinity' };
  }
  if (type !== 'object') return { received: type as 'undefined' | 'string' | 'boolean' | 'bigint' | 'symbol' | 'function' };
  if (isPlainObject(value)) return { received: 'object' };
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name !== '' ? { received: 'instance', className: name } : { received: 'non_plain_object' };
}

// ---- reading objects and arrays for the walk ----

/** A list of known keys, where each is in it, and a list of as many `undefined`s to copy. */
export interface Keys {
  readonly list: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly blank: readonly undefined[];
}

export const keysOf = (list: readonly string[]): Keys => ({
  list,
  index: new Map(list.map((key, i) => [key, i])),
  blank: list.map(() => undefined),
});

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Reads a plain object's own entries into a list in the order of `known`
 * (`undefined` where a key is absent). Every key not in `known` is reported,
 * or, when `extras` is given, added to it for the caller to look at. Each
 * value is read once.
 */
export function readObject(
  walk: Walk,
  value: unknown,
  path: Path,
  known: Keys,
  extras?: [string, unknown][],
): unknown[] | undefined {
  walk.reading(path);
  if (!isPlainObject(value)) return walk.wrongType(path, value, 'object');
  // A copy of a filled list (fast, and not holey: a hole would read through to a polluted Array.prototype).
  const slots: unknown[] = known.blank.slice();
  // for…in with an own-key check is the fastest way through plain data in V8 (each value is a
  // field load). It also visits what a polluted Object.prototype adds: the check skips that.
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    walk.readingKey = key;
    const entry = value[key];
    walk.readingKey = undefined;
    const index = known.index.get(key);
    if (index !== undefined) slots[index] = entry;
    else if (extras !== undefined) extras.push([key, entry]);
    else walk.unknownKey(path, key, known);
  }
  return slots;
}

/** Reads an array's items, up to the first hole. */
export function readArray(walk: Walk, value: unknown, path: Path): unknown[] | undefined {
  walk.reading(path);
  if (!Array.isArray(value)) return walk.wrongType(path, value, 'array');
  const length = value.length;
  const items: unknown[] = [];
  for (let i = 0; i < length; i++) {
    walk.readingKey = i;
    if (!hasOwn.call(value, i)) {
      items.push(undefined);
      break;
    }
    items.push(value[i]);
  }
  walk.readingKey = undefined;
  return items;
}
