/**
 * `node:fs` for the CLI's start-up path, loaded with `require`. An ES import
 * of `node:fs` makes Node build the module's whole namespace, which reads its
 * lazy `promises` property and so loads fs/promises and Node's streams: a few
 * milliseconds of every cold start, for nothing `validate` uses.
 *
 * @example
 * ```ts
 * import { fs } from './node-fs.js';
 *
 * fs.writeSync(1, 'hello\n');
 * ```
 */
import { createRequire } from 'node:module';

/** The `node:fs` module (callback and synchronous API). */
export const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
