// The tsd assertions as plain types, so that test-d/*.test-d.ts can be type-checked by any
// TypeScript version, including 7.0 (the native compiler, no JS API for tsd to drive).
// tsd-check.mjs copies each test-d file next to this one, imports it instead of 'tsd', and
// rewrites `expectType<T>(value)` and `expectNotAssignable<T>(value)` to
// `expectType<T>()(value)` / `expectNotAssignable<T>()(value)`: the second call infers the
// argument's own type U, which a single call with an explicit <T> cannot.
// A failed assertion is a compiler error on the assertion: TS2554 "Expected 3 arguments, but
// got 1" (the missing arguments are named `expected` and `actual`).

/** Exactly the same type (tsd's `isTypeIdenticalTo`, not mutual assignability). */
type Identical<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** A constraint that keeps literal arguments literal (`'a'`, not `string`), as tsd sees them. */
type Literal = string | number | bigint | boolean | symbol | object | null | undefined;

/** tsd: the type of `value` is identical to T (contextually typed by T, like tsd's `value: T`). */
export declare function expectType<T>(): <U extends T>(
  value: U,
  ...notIdentical: Identical<T, U> extends true ? [] : [expected: T, actual: U]
) => void;

/** tsd: the type of `value` is assignable to T. */
export declare function expectAssignable<T>(value: T): void;

/** tsd: the type of `value` (not contextually typed) is not assignable to T. */
export declare function expectNotAssignable<T>(): <U extends Literal>(
  value: U,
  ...assignable: [U] extends [T] ? [expected: T, actual: U] : []
) => void;

/** tsd: at least one compiler error inside the call; checked by tsd-check.mjs, not by types. */
export declare function expectError<T = any>(value: T): void;

/** tsd: `value` is `never`. */
export declare function expectNever(value: never): never;
