/**
 * The parts of `node:fs` the CLI's start-up path uses, by name. The
 * executable is CommonJS (see rollup.config.mjs), where these named imports
 * become property reads of `require('node:fs')`: nothing else of the module
 * is touched, so its lazy `promises` property, which loads fs/promises and
 * Node's streams, stays unread.
 *
 * @example
 * ```ts
 * import { fs } from './node-fs.js';
 *
 * fs.writeSync(1, 'hello\n');
 * ```
 */
import {
  close,
  closeSync,
  fstat,
  fstatSync,
  open,
  openSync,
  read,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';

/** `node:fs`'s functions that the start-up path calls (callback and synchronous API). */
export const fs = {
  close,
  closeSync,
  fstat,
  fstatSync,
  open,
  openSync,
  read,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} as const;
