/**
 * Values no JSON parser makes, and checks that a validation result is sound
 * whatever went in.
 */
import { runInNewContext } from 'node:vm';
import { expect } from 'chai';
import { ISSUE_CODES, type ValidationResult } from '../../src/index.js';
import { formatPath } from '../../src/validation/paths.js';

const TRAPS = [
  'get',
  'set',
  'has',
  'ownKeys',
  'getOwnPropertyDescriptor',
  'getPrototypeOf',
  'setPrototypeOf',
  'defineProperty',
  'deleteProperty',
  'isExtensible',
  'preventExtensions',
  'apply',
  'construct',
] as const;

/** Whether a value may stand in a manifest: a string, a boolean or a finite number other than -0. */
const isJsonLeaf = (value: unknown): boolean =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0));

/** A proxy whose every trap throws. */
export function throwingProxy<TTarget extends object>(target: TTarget): TTarget {
  const handler: ProxyHandler<TTarget> = {};
  for (const trap of TRAPS) {
    (handler as Record<string, unknown>)[trap] = () => {
      throw new Error(`trap ${trap} called`);
    };
  }
  return new Proxy(target, handler);
}

/** A proxy that was revoked: any operation on it, `Array.isArray` included, throws a TypeError. */
export function revokedProxy(target: object): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** `[[[…]]]`, `depth` levels deep, built without recursion. */
export function deepArray(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** `{ a: { a: … } }`, `depth` levels deep. */
export function deepObject(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** An object whose getter for `key` throws. */
export function withThrowingGetter(target: object, key: string | number): object {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      throw new Error('getter');
    },
  });
  return target;
}

/** An object from another realm (a vm context), as an iframe or worker might hand over. */
export const otherRealm = <TValue>(value: TValue): TValue => runInNewContext(`(${JSON.stringify(value)})`) as TValue;

const CODES: ReadonlySet<string> = new Set(ISSUE_CODES);
/** However large the input: a quoted key or value is cut to 100 characters in a message, 400 in a path (× 6 when escaped). */
const MAX_MESSAGE = 2_000;
const MAX_PATH = 10_000;

/**
 * A result is sound: frozen all the way down; a valid manifest is plain JSON
 * (what JSON.parse(JSON.stringify()) gives back, with no -0, NaN, undefined
 * or prototype other than Object's and Array's); issues are well-formed, with
 * a known code, a path that is their segments formatted, and a message of
 * bounded size however large the input.
 */
export function expectSound(result: ValidationResult): void {
  const fail = (why: string): never => expect.fail(`${why}: ${JSON.stringify(result).slice(0, 2_000)}`);
  if (typeof result.ok !== 'boolean') fail('ok is not a boolean');
  // One pass over the result: everything frozen; in the manifest, only plain JSON data.
  const stack: [unknown, boolean][] = [[result, false]];
  while (stack.length > 0) {
    const [node, inManifest] = stack.pop()!;
    if (typeof node !== 'object' || node === null) {
      if (inManifest && !isJsonLeaf(node)) fail('manifest value that is not JSON');
      continue;
    }
    if (!Object.isFrozen(node)) fail('not deep-frozen');
    const plainPrototype = Array.isArray(node) ? Array.prototype : Object.prototype;
    if (inManifest && Object.getPrototypeOf(node) !== plainPrototype) fail('manifest node with a foreign prototype');
    for (const [key, value] of Object.entries(node)) stack.push([value, inManifest || (node === result && key === 'manifest')]);
  }
  for (const warning of result.warnings) if (warning.severity !== 'warning') fail('a warning that is not one');
  if (result.ok) return;
  if (!Array.isArray(result.issues) || result.issues.length === 0) fail('invalid without issues');
  for (const issue of [...result.issues, ...result.warnings]) {
    if (!CODES.has(issue.code)) fail(`unknown code ${issue.code}`);
    if (!issue.segments.every((s) => typeof s === 'string' || typeof s === 'number')) fail('bad segments');
    if (issue.path !== formatPath(issue.segments)) fail('path is not its segments');
    if (typeof issue.message !== 'string' || issue.message.length > MAX_MESSAGE || issue.path.length > MAX_PATH)
      fail('message or path too long');
  }
  for (const issue of result.issues) if (issue.severity !== 'error') fail('an issue that is not an error');
}
