/**
 * Assigns in strict mode, where writing to a frozen object throws a TypeError
 * (mocha may load specs as CommonJS, which is sloppy mode unless told otherwise).
 */
export function strictAssign(target: object, key: PropertyKey, value: unknown): void {
  // biome-ignore lint/suspicious/noRedundantUseStrict: tsx may compile a spec to CommonJS, which is sloppy mode without it
  'use strict';
  (target as Record<PropertyKey, unknown>)[key] = value;
}

/** Pushes onto an array in strict mode. */
export function strictPush(target: unknown[], value: unknown): void {
  // biome-ignore lint/suspicious/noRedundantUseStrict: tsx may compile a spec to CommonJS, which is sloppy mode without it
  'use strict';
  target.push(value);
}
