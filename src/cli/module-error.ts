/**
 * Where a user's module failed: the file, line and column of the failing line
 * (from the error's stack, whose positions Node and tsx already map to the
 * user's source), or of a syntax error; never the stack itself, and never
 * the source line V8 quotes beside a syntax error.
 */
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from './json-text.js';

/** A place in a file, and the error's own message when the place came from a compiler's report. */
export interface ErrorSite extends Position {
  readonly file: string;
}

/** This package's own files (dist/: the CLI and the library) are never the user's failing line. */
const packageDir = (): string => dirname(createRequire(import.meta.url).resolve('lp-app-manifest')) + sep;

/** `file:///a/b.mjs` or `/a/b.mjs` → `/a/b.mjs`; anything else (node:internal, evalmachine) → undefined. */
function filePath(location: string): string | undefined {
  if (location.startsWith('file://')) {
    try {
      return fileURLToPath(location);
    } catch {
      return undefined;
    }
  }
  return isAbsolute(location) ? location : undefined;
}

/** A frame of the user's code: not Node's, not a dependency's, not this package's. */
const isUserFile = (path: string, ownDir: string): boolean =>
  !path.startsWith(ownDir) && !path.split(/[/\\]/).includes('node_modules');

const FRAME = /^\s+at (?:.*?\()?(.+?):(\d+):(\d+)\)?$/;

/** The first frame of the stack that is in the user's code. */
function userFrame(stack: string): ErrorSite | undefined {
  const ownDir = packageDir();
  for (const line of stack.split('\n')) {
    const frame = FRAME.exec(line);
    if (frame === null) continue;
    const file = filePath(frame[1]!);
    if (file !== undefined && isUserFile(file, ownDir)) return { file, line: Number(frame[2]), column: Number(frame[3]) };
  }
  return undefined;
}

/**
 * The position in V8's "arrow message" of a syntax error: `FILE:LINE`, the
 * source line, then a line of carets under the fault (read for its column
 * only; the source line is never kept).
 */
function arrowSite(text: string): ErrorSite | undefined {
  const lines = text.split('\n');
  for (let i = 0; i + 2 < lines.length; i++) {
    const head = /^(.+):(\d+)$/.exec(lines[i]!);
    const caret = lines[i + 2]!.indexOf('^');
    if (head === null || caret === -1 || lines[i + 2]!.slice(0, caret).trim() !== '') continue;
    const file = filePath(head[1]!);
    if (file !== undefined) return { file, line: Number(head[2]), column: caret + 1 };
  }
  return undefined;
}

/** esbuild's (tsx's) report of a TypeScript syntax error: `FILE:LINE:COLUMN: ERROR: …`. */
const ESBUILD_ERROR = /^(.+?):(\d+):(\d+): ERROR: /m;

/**
 * Where an error thrown while loading or running a user's module happened.
 * A SyntaxError of an ES module carries no position in Node 20, so the module
 * is checked once more with `node --check` (only then, on the failure path).
 *
 * @example
 * ```ts
 * import { pathToFileURL } from 'node:url';
 * import { errorSite } from './module-error.js';
 *
 * const modulePath = '/project/manifest.mjs';
 * try {
 *   await import(pathToFileURL(modulePath).href);
 * } catch (error) {
 *   const site = errorSite(error, modulePath); // { file: '/project/manifest.mjs', line: 3, column: 9 }
 * }
 * ```
 */
export async function errorSite(error: unknown, modulePath: string): Promise<ErrorSite | undefined> {
  if (!(error instanceof Error)) return undefined;
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const esbuild = ESBUILD_ERROR.exec(error.message);
  if (esbuild !== null) {
    const file = filePath(esbuild[1]!) ?? modulePath;
    return { file, line: Number(esbuild[2]), column: Number(esbuild[3]) + 1 };
  }
  if (error.name === 'SyntaxError') {
    const site = arrowSite(stack);
    if (site !== undefined) return site;
    if (/\.[cm]?js$/i.test(modulePath)) {
      const { spawnSync } = await import('node:child_process');
      const check = spawnSync(process.execPath, ['--check', modulePath], { encoding: 'utf8', timeout: 10_000 });
      return arrowSite(check.stderr ?? '');
    }
    return undefined;
  }
  return userFrame(stack);
}

/**
 * Where an error the module raised outside of what `build` awaits (a promise it left rejected, a throw in
 * a timer) happened: the failing line of the user's code, from the error's stack only. Synchronous, so it
 * can be said as the process ends.
 *
 * @example
 * ```ts
 * import { faultSite } from './module-error.js';
 *
 * process.on('uncaughtException', (error) => {
 *   const site = faultSite(error); // { file: '/project/manifest.mjs', line: 4, column: 11 }, or undefined
 * });
 * ```
 */
export function faultSite(error: unknown): ErrorSite | undefined {
  if (!(error instanceof Error)) return undefined;
  const stack = typeof error.stack === 'string' ? error.stack : '';
  return (error.name === 'SyntaxError' ? arrowSite(stack) : undefined) ?? userFrame(stack);
}

/** A path or a module name as a shell word: quoted when it holds anything but the usual path characters. */
const shellWord = (word: string): string => (/^[\w./\\:@%+=,-]+$/.test(word) ? word : `"${word}"`);

/**
 * The command that runs this CLI through tsx for a TypeScript module, from the working directory: the
 * CLI's ES module entry (`dist/cli.js`, where it really is, relative to `cwd` or absolute, whichever is
 * shorter), so it works from any directory of the project and on every system (npm's `.bin` holds
 * wrapper scripts on Windows, not the JavaScript file).
 *
 * @example
 * ```ts
 * import { tsxCommand } from './module-error.js';
 *
 * tsxCommand('/project/src', '../manifest.ts');
 * // 'npx tsx ../node_modules/lp-app-manifest/dist/cli.js build ../manifest.ts'
 * ```
 */
export function tsxCommand(cwd: string, moduleName: string): string {
  const cli = join(packageDir(), 'cli.js');
  const fromCwd = relative(cwd, cli);
  const path =
    fromCwd === '' || isAbsolute(fromCwd) || fromCwd.length > cli.length
      ? cli
      : fromCwd.startsWith('.')
        ? fromCwd
        : `.${sep}${fromCwd}`;
  return `npx tsx ${shellWord(path)} build ${shellWord(moduleName)}`;
}

/**
 * A site as `FILE:LINE:COLUMN`, the file named as the user gave it when it is
 * the module itself, otherwise relative to the working directory.
 *
 * @example
 * ```ts
 * import { formatSite } from './module-error.js';
 *
 * formatSite({ file: '/project/manifest.mjs', line: 3, column: 9 }, '/project/manifest.mjs', 'manifest.mjs', '/project');
 * // 'manifest.mjs:3:9'
 * ```
 */
export function formatSite(site: ErrorSite, modulePath: string, moduleName: string, cwd: string): string {
  const name = site.file === modulePath ? moduleName : relative(cwd, site.file) || site.file;
  return `${name}:${site.line}:${site.column}`;
}
