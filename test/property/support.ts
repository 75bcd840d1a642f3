/**
 * Shared machinery of the property tests: how many runs, with which seed, and
 * small helpers to walk and change JSON trees by path.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'chai';
import fc from 'fast-check';
import { strictAssign } from '../helpers/strict.js';

/** A secret: 12 to 40 printable ASCII characters (quotes and backslashes included, so escaped forms are checked too). */
export const secretArb: fc.Arbitrary<string> = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 12,
  maxLength: 40,
});

/**
 * Runs per property: at least 10,000 (the CI default). `LP_FC_RUNS` can only
 * raise it, e.g. `LP_FC_RUNS=200000 npx mocha …` for a long local soak.
 */
export const RUNS = Math.max(10_000, Math.floor(Number(process.env['LP_FC_RUNS'] ?? 0)) || 0);

/**
 * `fc.assert` with a fixed seed and {@link RUNS} runs, counting the runs the
 * predicate really saw and printing them with the seed, so a failure can be
 * replayed with the same seed (fast-check also prints the seed and the path
 * of the counterexample).
 */
export function assertProperty<TValue>(
  label: string,
  seed: number,
  arbitrary: fc.Arbitrary<TValue>,
  predicate: (value: TValue) => void,
  numRuns: number = RUNS,
): void {
  let runs = 0;
  const started = performance.now();
  fc.assert(
    fc.property(arbitrary, (value) => {
      runs++;
      predicate(value);
    }),
    { numRuns, seed },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`        [fast-check] ${label}: ${runs} runs, seed ${seed} (${seconds}s)`);
  expect(runs, 'runs the predicate saw').to.be.at.least(numRuns);
}

export type Json = Record<string, unknown>;
export type Segments = readonly (string | number)[];

/** A deep copy of plain JSON data (own enumerable keys, including a `__proto__` key, kept as data). */
export function copyJson<TValue>(value: TValue): TValue {
  if (Array.isArray(value)) return value.map((item: unknown) => copyJson(item)) as TValue;
  if (typeof value === 'object' && value !== null) {
    const out: Json = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '__proto__') defineData(out, key, copyJson(child));
      else out[key] = copyJson(child);
    }
    return out as TValue;
  }
  return value;
}

/** Sets an own, enumerable data property; unlike `obj[key] = …`, this works for `__proto__` too. */
export function defineData(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value at a path, or `undefined`. */
export function getAt(root: unknown, segments: Segments): unknown {
  let node = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** A deep copy of `root` with the value at `segments` replaced (the new value itself is not copied). */
export function setAt(root: Json, segments: Segments, value: unknown): Json {
  return updateAt(root, segments, (parent, key) => defineData(parent, key, value));
}

/** A deep copy of `root` without the key or array item at `segments`. */
export function removeAt(root: Json, segments: Segments): Json {
  return updateAt(root, segments, (parent, key) => {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete (parent as Record<string | number, unknown>)[key];
  });
}

/** A deep copy of `root`, with `change` applied to the parent of `segments` (which must exist). */
export function updateAt(root: Json, segments: Segments, change: (parent: object, key: string | number) => void): Json {
  const copy = copyJson(root);
  let node: unknown = copy;
  for (const segment of segments.slice(0, -1)) node = (node as Record<string | number, unknown>)[segment];
  const last = segments[segments.length - 1];
  if (typeof node !== 'object' || node === null || last === undefined)
    throw new Error(`no parent at ${JSON.stringify(segments)}`);
  change(node, last);
  return copy;
}

/** Every object and array in a tree, with its path, parents first. Iterative, so it survives deep input. */
export function containers(root: unknown): [Segments, object][] {
  const out: [Segments, object][] = [];
  const stack: [Segments, unknown][] = [[[], root]];
  while (stack.length > 0) {
    const [path, node] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    out.push([path, node]);
    const entries = Array.isArray(node) ? node.map((item, index) => [index, item] as const) : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push([[...path, key], child]);
    }
  }
  return out;
}

/** Every object and array in a tree (no paths: the cheap version of {@link containers}). */
export function objectsOf(root: unknown): object[] {
  const out: object[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    out.push(node);
    for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
  }
  return out;
}

/**
 * Changes every object and array of a tree, in place: values replaced (a
 * string gets a CR LF), keys added and some deleted, arrays pushed and reversed.
 */
export function changeEverything(root: object, rand: { chance(probability: number): boolean }): void {
  for (const node of objectsOf(root)) {
    if (Array.isArray(node)) {
      node.push('changed');
      node.reverse();
      continue;
    }
    const record = node as Json;
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'string') record[key] = `${value}\r\nchanged`;
      else if (typeof value === 'number') record[key] = value + 1000;
      else if (typeof value === 'boolean') record[key] = !value;
      else if (rand.chance(0.2)) delete record[key];
    }
    record['changed'] = Object.create(null);
  }
}

export { prng } from '../helpers/prng.js';

/** A shuffled copy (Fisher–Yates). */
export function shuffled<TItem>(items: readonly TItem[], random: () => number): TItem[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A full garbage collection, where V8 allows one: each timed run then starts
 * from a clean heap, instead of paying for the garbage of earlier tests (a
 * large input's run otherwise meets a major collection that a small one
 * escapes, which looks like growth the code does not have).
 */
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();

/**
 * The fastest of a few runs, in milliseconds of CPU time this process spent
 * (user and system, all its threads): what the work itself costs. Wall time
 * would also count the time the process waited for a core while other
 * processes ran, which on a busy two-core machine made 16× the work look
 * like 70× to 100× the time.
 */
export function fastestMs(run: () => void, times: number): number {
  run();
  let fastest = Infinity;
  for (let i = 0; i < times; i++) {
    collectGarbage();
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
  }
  return fastest;
}

/** Fails if a result shares an object with what was given, or has an object that is not frozen. */
export function expectOwnFrozen(name: string, result: unknown, given: ReadonlySet<object>): void {
  for (const node of objectsOf(result)) {
    if (given.has(node)) expect.fail(`${name} shares an object with its input`);
    if (!Object.isFrozen(node)) expect.fail(`${name}: an object is not frozen`);
  }
}

/** A write to one object of a result, chosen at random, throws a TypeError in strict mode (every write at every level: sharing.test.ts). */
export function expectOneWriteThrows(result: unknown, random: () => number): void {
  const nodes = objectsOf(result);
  try {
    strictAssign(nodes[Math.floor(random() * nodes.length)]!, 'added', 1);
  } catch (error) {
    if (error instanceof TypeError) return;
    throw error;
  }
  expect.fail('a write to a result did not throw');
}
