/**
 * The process `build` runs a user's module in (`dist/cli/build-runner.cjs MODULE NAME [PROFILE]`):
 * build.ts starts it with the `--dotenv` variables in its environment, its stdout on the CLI's
 * stderr (so the CLI's stdout carries the manifest only) and a pipe as file descriptor 3. It imports
 * the module, settles its default export, checks it as the command checks a JSON file
 * (build-check.ts, on the value itself), writes one JSON line to the pipe (the checked result, or
 * the lines that say why there is none) and exits. Whatever the module does to a process (exit,
 * never settle, print, leave a timer or an error that nothing awaits) happens to this one; the
 * command writes nothing before the line has come. A failure is one line at the failing line of
 * the user's code, `FILE:LINE:COLUMN` (from the error's stack, whose positions Node and tsx map to
 * the user's source, or from a syntax error's report): never the stack, never the source line.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Profile, ValidationIssue } from '../index.js';
import { EDITOR_SCHEMA_KEY, LOCALIZED_NAME_PREFIX, TOP_LEVEL_FIELDS } from '../rules/tables.js';
import { isPlainObject } from '../internal.js';
import { BuildFailure, checkExport, EXPECTED, ValidateThrew, type ModuleOutcome } from './build-check.js';
import { errorCode, errorMessage } from './io.js';
import { formatIssueLine, plural } from './report.js';

const [path = '', name = '', profile = '', allowKeys = '[]'] = process.argv.slice(2);
const cwd = process.cwd();

/** This package's files (dist/: the CLI, this runner, the library) are never the user's failing line. */
const ownDir = dirname(createRequire(import.meta.url).resolve('lp-app-manifest')) + sep;

/** `file:///a/b.mjs` or `/a/b.mjs` → `/a/b.mjs`; anything else (node:internal, evalmachine) → undefined. */
function filePath(location: string): string | undefined {
  try {
    if (location.startsWith('file://')) return fileURLToPath(location);
  } catch {
    return undefined;
  }
  return isAbsolute(location) ? location : undefined;
}

/** A file as messages name it: the module as the user gave it, any other file relative to the working directory. */
function fileName(location: string): string {
  const file = filePath(location) ?? location;
  return file === path ? name : relative(cwd, file) || file;
}

/** A frame of a stack, and esbuild's (tsx's) report of a TypeScript syntax error: `FILE:LINE:COLUMN: ERROR: …`. */
const FRAME = /^\s+at (?:.*?\()?(.+?):(\d+):(\d+)\)?$/;
const ESBUILD_ERROR = /^(.+?):(\d+):(\d+): ERROR: (.*)$/m;

/** The first frame of a stack in the user's code: not Node's, not a dependency's, not this package's. */
function userFrame(stack: string): string | undefined {
  for (const line of stack.split('\n')) {
    const frame = FRAME.exec(line);
    const file = frame === null ? undefined : filePath(frame[1]!);
    if (file !== undefined && !file.startsWith(ownDir) && !file.split(/[/\\]/).includes('node_modules')) {
      return `${fileName(file)}:${frame![2]}:${frame![3]}`;
    }
  }
  return undefined;
}

/** The position in V8's "arrow message" of a syntax error (`FILE:LINE`, the source line, carets): the source line is never kept. */
function arrowSite(text: string): string | undefined {
  const lines = text.split('\n');
  for (let i = 0; i + 2 < lines.length; i++) {
    const head = /^(.+):(\d+)$/.exec(lines[i]!);
    const caret = lines[i + 2]!.indexOf('^');
    const file = head === null ? undefined : filePath(head[1]!);
    if (file !== undefined && caret !== -1 && lines[i + 2]!.slice(0, caret).trim() === '') {
      return `${fileName(file)}:${head![2]}:${caret + 1}`;
    }
  }
  return undefined;
}

/**
 * Where an error of the module happened, `FILE:LINE:COLUMN`, or the module's name. A SyntaxError of an
 * ES module carries no position in Node 20, so the module is checked once more with `node --check`.
 */
function whereFailed(error: unknown): string {
  if (!(error instanceof Error)) return name;
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const esbuild = ESBUILD_ERROR.exec(error.message);
  if (esbuild !== null) return `${fileName(esbuild[1]!)}:${esbuild[2]}:${Number(esbuild[3]) + 1}`;
  let site = error.name === 'SyntaxError' ? arrowSite(stack) : undefined;
  if (site === undefined && error.name === 'SyntaxError' && /\.[cm]?js$/i.test(path)) {
    site = arrowSite(spawnSync(process.execPath, ['--check', path], { encoding: 'utf8', timeout: 10_000 }).stderr ?? '');
  }
  return site ?? userFrame(stack) ?? name;
}

/** A path as a shell word: quoted when it holds anything but the usual path characters. */
const shellWord = (word: string): string => (/^[\w./\\:@%+=,-]+$/.test(word) ? word : `"${word}"`);

/**
 * Why Node cannot import the file: for TypeScript, the command that runs the CLI through tsx (whose
 * loader the module's process then gets too), naming the CLI's ES module entry where it really is from
 * the working directory (relative or absolute, whichever is shorter): npm's `.bin` holds wrapper scripts
 * on Windows, not the JavaScript file.
 */
function cannotImport(): string {
  const extension = extname(name);
  if (!/^\.[cm]?tsx?$/i.test(extension)) {
    return `${name}: cannot load: ${JSON.stringify(extension)} is not a module build reads; give a .js, .mjs or .cjs module, a .json file, or a .ts/.mts/.cts module run through tsx`;
  }
  const cli = join(ownDir, 'cli.js');
  const fromCwd = relative(cwd, cli);
  const shown =
    fromCwd === '' || isAbsolute(fromCwd) || fromCwd.length > cli.length
      ? cli
      : fromCwd.startsWith('.')
        ? fromCwd
        : `.${sep}${fromCwd}`;
  return (
    `${name}: cannot load: this Node.js cannot import ${JSON.stringify(extension)} files; for TypeScript, add tsx to the ` +
    `project (npm install --save-dev tsx), or run the CLI through tsx: npx tsx ${shellWord(shown)} build ${shellWord(name)}`
  );
}

/** V8's errors for `import` and `export` in a module Node.js reads as CommonJS. */
const ESM_IN_COMMONJS = /^(Cannot use import statement outside a module|Unexpected token 'export')/;

/**
 * The lines that say why the module failed at `what` (`cannot load:`, `the default export threw:`): the
 * issues of a ManifestValidationError it threw (recognised by shape: the module may have its own copy of
 * the library), what to do about a file Node cannot import, or one line at the failing line.
 */
function failureLines(what: string, error: unknown): string[] {
  const issues = (error as { name?: unknown; issues?: unknown } | null)?.issues;
  if ((error as { name?: unknown } | null)?.name === 'ManifestValidationError' && Array.isArray(issues)) {
    // At the line of the user's code that threw it (an `httpsUrl('http://…')` or a `build()` at the module's top level).
    const where = whereFailed(error);
    return [
      ...(issues as ValidationIssue[]).map((issue) => formatIssueLine(where, issue)),
      `${where}: ${what} ManifestValidationError (${plural(issues.length, 'issue')})`,
    ];
  }
  if (errorCode(error) === 'ERR_UNKNOWN_FILE_EXTENSION') return [cannotImport()];
  const where = whereFailed(error);
  // ES module syntax in a .cjs file, or in a .js file without "type": "module" where Node does not detect it.
  const hint = !(error instanceof SyntaxError && ESM_IN_COMMONJS.test(error.message))
    ? ''
    : /\.cjs(:|$)/i.test(where)
      ? '; a .cjs file is CommonJS: rename it .mjs to write it as an ES module'
      : '; it is read as CommonJS: set "type": "module" in its package.json, or rename it .mjs';
  // tsx's message starts "Transform failed with 1 error:"; what failed is on esbuild's line.
  const message = (error instanceof Error ? ESBUILD_ERROR.exec(error.message)?.[4] : undefined) ?? errorMessage(error);
  return [`${where}: ${what} ${message}${hint}`];
}

let sent = false;
/** Writes the outcome for the command, once, synchronously: so it is written from an 'exit' listener too. */
function send(outcome: ModuleOutcome): void {
  if (sent) return;
  sent = true;
  let bytes = Buffer.from(`${JSON.stringify(outcome)}\n`);
  while (bytes.length > 0) bytes = bytes.subarray(writeSync(3, bytes));
}

// The process ends before the outcome was sent: the module called process.exit() (the call is on this
// stack, at a line of the user's code), or it left a promise that never settles and nothing else to run.
process.on('exit', () => {
  const where = whereFailed(new Error('exit'));
  const why = where === name ? 'the module left a promise that never settles' : 'the module called process.exit()';
  send({ ok: false, lines: [`${where}: stopped before the command finished: ${why}`] });
});

/** Errors the module raises where nothing awaits them (a promise it leaves rejected, a throw in a timer): one line each. */
const faults: string[] = [];
let faulted = (): void => undefined;
const firstFault = new Promise<undefined>((resolve) => {
  faulted = () => resolve(undefined);
});
for (const [event, kind] of [
  ['uncaughtException', 'uncaught exception'],
  ['unhandledRejection', 'unhandled promise rejection'],
] as const) {
  process.on(event, (error: unknown) => {
    faults.push(`${whereFailed(error)}: ${kind}: ${errorMessage(error)}`);
    faulted();
  });
}

// Node.js's warnings about the module's type, said as one line of ours instead of Node's three or four: a
// `.js` ES module in a package without "type": "module" that Node parsed twice to find out (the build goes
// on), and the advice Node prints beside the syntax error of an ES module read as CommonJS (dropped: the
// error's line says it). Every other warning goes to Node's own listeners; with --no-warnings there are none.
const nodeListeners = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: unknown }) => {
  if (warning.message.startsWith('To load an ES module')) return;
  const typeless =
    nodeListeners.length > 0 && warning.code === 'MODULE_TYPELESS_PACKAGE_JSON'
      ? /^Module type of (\S+) is not/.exec(warning.message)
      : null;
  if (typeless === null) {
    for (const listener of nodeListeners) listener.call(process, warning);
    return;
  }
  const packageJson = /add "type": "module" to (.+?)\.?$/m.exec(warning.message)?.[1];
  process.stderr.write(
    `${fileName(typeless[1]!)}: warning: an ES module in a package without "type": "module" (Node.js parsed it twice ` +
      `to find out): set "type": "module" in ${packageJson === undefined ? 'its package.json' : fileName(packageJson)}, or rename it .mjs\n`,
  );
});

/**
 * A CommonJS module's default export is its `module.exports`. One that only sets named exports
 * (`exports.manifest = {…}`, found by Node's CommonJS export lexer: the namespace's other names)
 * gives an object of those names: when none of them is a manifest key, that is the mistake to name,
 * rather than the issues of validating it as a manifest. Returns the export otherwise.
 */
function notNamedExportsOnly(namespace: Record<string, unknown>, exported: unknown): unknown {
  const ignored = new Set(['default', '__esModule', 'module.exports']);
  if (Object.keys(namespace).every((key) => ignored.has(key)) || !isPlainObject(exported)) return exported;
  // Only the module's own module.exports (in require.cache), never an ES module's default export.
  const cache = createRequire(import.meta.url).cache;
  if ((cache[path] ?? cache[realpathSync(path)])?.exports !== exported) return exported;
  const keys = Object.keys(exported).filter((key) => !ignored.has(key));
  const manifestKeys = new Set([...Object.keys(TOP_LEVEL_FIELDS), EDITOR_SCHEMA_KEY]);
  if (keys.length === 0 || keys.some((key) => manifestKeys.has(key) || key.startsWith(LOCALIZED_NAME_PREFIX))) return exported;
  const shown = keys.slice(0, 5).map((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)));
  throw new BuildFailure([
    `${name}: module.exports is { ${shown.join(', ')}${keys.length > 5 ? ', …' : ''} }, named exports with no ` +
      'manifest key: export default / module.exports = a ManifestBuilder, a manifest object, or a function returning one',
  ]);
}

/** The module's default export; a CommonJS module compiled from ESM (`exports.default`, `__esModule`) has it one level deeper. */
function defaultExport(namespace: Record<string, unknown>): unknown {
  const exported = namespace['default'] as Record<string, unknown> | null;
  if (typeof exported !== 'object' || exported === null || exported['__esModule'] !== true) {
    return notNamedExportsOnly(namespace, exported);
  }
  return 'default' in exported ? exported['default'] : notNamedExportsOnly({ ...namespace, ...exported }, exported);
}

/** Imports the module, settles its default export (calls a function, awaits a promise) and checks it. */
async function build(): Promise<ModuleOutcome> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, lines: failureLines('cannot load:', error) };
  }
  if (!('default' in namespace)) return { ok: false, lines: [`${name}: has no default export; ${EXPECTED}`] };
  try {
    const exported = defaultExport(namespace);
    let value: unknown;
    try {
      value = await (typeof exported === 'function' ? (exported as () => unknown)() : exported);
    } catch (error) {
      return { ok: false, lines: failureLines('the default export threw:', error) };
    }
    return {
      ok: true,
      checked: await checkExport(
        name,
        value,
        (profile || undefined) as Profile | undefined,
        process.env,
        JSON.parse(allowKeys) as string[],
      ),
    };
  } catch (error) {
    if (error instanceof BuildFailure) return { ok: false, lines: error.lines };
    if (error instanceof ValidateThrew) return { ok: false, lines: failureLines("the builder's validate() threw:", error.cause) };
    // Reading the export itself (its kind, `$schema`, its placeholders): a getter or a proxy trap threw.
    return {
      ok: false,
      lines: [`${name}: the default export could not be read (a getter or proxy threw: ${errorMessage(error)}); ${EXPECTED}`],
    };
  }
}

/** Runs the build, gives the module's pending work its turn, sends the outcome and ends the process. */
async function main(): Promise<never> {
  const work = build();
  await Promise.race([work, firstFault]);
  // One turn of the event loop for what the module started (its zero-delay timers; the rejections Node
  // reports once nothing else is queued), to fail before anything is sent.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setImmediate(resolve));
  // The build's outcome if it has one by now (a settled promise wins a race against a plain value).
  const outcome = await Promise.race([work, undefined]);
  send(
    faults.length === 0 && outcome !== undefined
      ? outcome
      : { ok: false, lines: [...(outcome?.ok === false ? outcome.lines : []), ...faults] },
  );
  // The module's timers and sockets end with the process.
  process.exit(0);
}

void main();
