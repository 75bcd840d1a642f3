/**
 * Reading untrusted input without ever throwing: a getter or proxy trap that
 * throws, or an object that is not plain data, becomes a value the validator
 * can report instead of a crash.
 */

/** Returned when a value could not be read. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/** A plain data object: `{}` or `Object.create(null)`, from any realm. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  // An object from another realm (vm, iframe) has its own Object.prototype.
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Describes a value's type for a message, without echoing the value. Never
 * throws: a proxy or getter that throws while it is looked at (a revoked
 * proxy, a `getPrototypeOf` trap) is described as unreadable.
 */
export function describeType(value: unknown): string {
  const described = guarded(() => describeReadable(value));
  return described === UNREADABLE ? 'a value that could not be read' : described;
}

function describeReadable(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  if (type === 'number') return Number.isFinite(value) ? 'a number' : String(value);
  if (type === 'undefined') return type;
  // 'a string', 'a boolean', 'a bigint', 'a symbol', 'a function'
  if (type !== 'object') return `a ${type}`;
  if (isPlainObject(value)) return 'an object';
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object that is not plain data';
}

/** Runs a read, turning any exception into {@link UNREADABLE}. */
export function guarded<TValue>(read: () => TValue): TValue | typeof UNREADABLE {
  try {
    return read();
  } catch {
    return UNREADABLE;
  }
}

/** Own enumerable string keys, or {@link UNREADABLE}. */
export const ownKeys = (value: object): string[] | typeof UNREADABLE => guarded(() => Object.keys(value));
