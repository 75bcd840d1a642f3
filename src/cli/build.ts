/**
 * `lp-app-manifest build`: runs a module that describes a manifest (a builder,
 * an object, or a function returning either), validates it and prints the
 * canonical JSON, or writes it atomically with `--out`.
 */
import { chmodSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  describeType,
  isPlainObject,
  listPlaceholders,
  validateManifest,
  validateTemplate,
  type IssueCode,
  type TemplateVariables,
  type Profile,
  type ValidationIssue,
  type ValidationResult,
} from '../index.js';
import { readProfile } from './args.js';
import { defineCommand } from './command.js';
import { DOTENV_OPTION, loadVariables } from './dotenv.js';
import { checkOpenable, decodeJsonText, readBytes } from './files.js';
import { errorCode, errorMessage, EXIT, UsageError } from './io.js';
import { parseJsonText } from './json-text.js';
import { ROOT_PLACE, secretStrings, secretVariables } from '../rules/secrets.js';
import { EDITOR_SCHEMA_KEY, LOCALIZED_NAME_PREFIX, TOP_LEVEL_FIELDS } from '../rules/tables.js';
import { errorSite, faultSite, formatSite, tsxCommand } from './module-error.js';
import { chooseProfile } from './profile.js';
import { formatIssueLine, plural, profileName, type LocatedIssue } from './report.js';
import { writeFileAtomic } from './write-atomic.js';

/** What `build` needs from a builder. Recognised by shape: the builder class is private to the library. */
interface BuilderLike {
  readonly profile: string;
  validate(options?: { readonly env?: TemplateVariables }): ValidationResult;
  toTemplate?: () => unknown;
}

/** A build that cannot go on: the lines to print on stderr. */
class BuildFailure extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

const EXPECTED = 'export default a ManifestBuilder, a manifest object, or a function returning one';
/** The files build takes. */
const EXPECTED_FILES = 'give a .js, .mjs or .cjs module, a .json file, or a .ts/.mts/.cts module run through tsx';
/** The same for a CommonJS module, whose `module.exports` is its default export. */
const EXPECTED_CJS = 'export default / module.exports = a ManifestBuilder, a manifest object, or a function returning one';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isBuilderLike(value: unknown): value is BuilderLike {
  return (
    isObject(value) &&
    typeof value['validate'] === 'function' &&
    typeof value['build'] === 'function' &&
    typeof value['profile'] === 'string'
  );
}

/** A ManifestValidationError, recognised by shape: the module may have loaded its own copy of the library. */
function validationErrorIssues(error: unknown): ValidationIssue[] | undefined {
  if (!isObject(error) || error['name'] !== 'ManifestValidationError' || !Array.isArray(error['issues'])) return undefined;
  return (error['issues'] as unknown[]).filter(isObject).map(
    (issue) =>
      ({
        // Another copy of the library may know other codes; its issue is reported as it came.
        code: String(issue['code']) as IssueCode,
        severity: issue['severity'] === 'warning' ? 'warning' : 'error',
        path: String(issue['path'] ?? ''),
        segments: [],
        params: {},
        message: String(issue['message'] ?? ''),
      }) as ValidationIssue,
  );
}

/** Where the module is: its name as the user typed it, and its absolute path. */
interface ModuleFile {
  readonly name: string;
  readonly path: string;
  readonly cwd: string;
}

async function loadFailure(module: ModuleFile, what: string, error: unknown): Promise<BuildFailure> {
  const issues = validationErrorIssues(error);
  if (issues !== undefined) {
    return new BuildFailure([
      ...issues.map((issue) => formatIssueLine(module.name, issue)),
      `${module.name}: ${what} ManifestValidationError (${plural(issues.length, 'issue')})`,
    ]);
  }
  if (errorCode(error) === 'ERR_UNKNOWN_FILE_EXTENSION') {
    return new BuildFailure([
      /^\.[cm]?tsx?$/i.test(extname(module.name))
        ? `${module.name}: cannot load: this Node.js cannot import ${JSON.stringify(extname(module.name))} files; ` +
          `for TypeScript, run the CLI through tsx: ${tsxCommand(module.cwd, module.name)}`
        : `${module.name}: cannot load: ${JSON.stringify(extname(module.name))} is not a module build reads; ${EXPECTED_FILES}`,
    ]);
  }
  // FILE:LINE:COLUMN of the failing line in the user's code (or of the syntax error), never the stack.
  const site = await errorSite(error, module.path);
  const where = site === undefined ? module.name : formatSite(site, module.path, module.name, module.cwd);
  return new BuildFailure([`${where}: ${what} ${errorMessage(error)}${esmInCommonJsHint(error, site?.file ?? module.path)}`]);
}

/**
 * ES module syntax in a file Node.js reads as CommonJS (a `.js` file without `"type": "module"`, when
 * Node does not detect the syntax itself, or a `.cjs` file): what to change. It replaces the warning
 * Node prints beside the error (see {@link sayModuleWarnings}).
 */
function esmInCommonJsHint(error: unknown, file: string): string {
  if (!(error instanceof SyntaxError) || !ESM_IN_COMMONJS.test(error.message)) return '';
  return extname(file).toLowerCase() === '.cjs'
    ? '; a .cjs file is CommonJS: rename it .mjs to write it as an ES module'
    : '; it is read as CommonJS: set "type": "module" in its package.json, or rename it .mjs';
}

/** V8's errors for `import` and `export` in a CommonJS module (Node.js warns beside them). */
const ESM_IN_COMMONJS = /^(Cannot use import statement outside a module|Unexpected token 'export')/;

/**
 * Node.js's warnings about the module's type, each said as one line of ours instead of Node's three or
 * four (`(node:PID) Warning: …`, `(Use node --trace-warnings …)`): a `.js` ES module in a package without
 * `"type": "module"` that Node parsed twice to find out (a warning: the build goes on), and the advice
 * Node prints beside the syntax error of an ES module read as CommonJS (dropped: the error's line says
 * it, see {@link esmInCommonJsHint}). Every other warning goes to Node's own listeners, as before.
 */
function sayModuleWarnings(module: ModuleFile, say: (line: string) => void): void {
  const nodeListeners = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: unknown }) => {
    if (!(warning instanceof Error)) return;
    if (warning.message.startsWith('To load an ES module')) return;
    // With --no-warnings (or NODE_NO_WARNINGS=1) Node has no listener here, and ours is quiet too.
    const typeless =
      nodeListeners.length > 0 && warning.code === 'MODULE_TYPELESS_PACKAGE_JSON'
        ? /^Module type of (\S+) is not/.exec(warning.message)
        : null;
    if (typeless === null) {
      for (const listener of nodeListeners) listener.call(process, warning);
      return;
    }
    const name = (location: string): string => {
      let path = location;
      try {
        if (location.startsWith('file:')) path = fileURLToPath(location);
      } catch {
        // Not a file URL after all: said as Node wrote it.
      }
      return path === module.path ? module.name : relative(module.cwd, path) || path;
    };
    const packageJson = /add "type": "module" to (.+?)\.?$/m.exec(warning.message)?.[1];
    say(
      `${name(typeless[1]!)}: warning: an ES module in a package without "type": "module" (Node.js parsed it twice to ` +
        `find out): set "type": "module" in ${packageJson === undefined ? 'its package.json' : name(packageJson)}, or rename it .mjs`,
    );
  });
}

/** What the module gave, settled; for a JSON file, also its repeated keys and where each path is. */
interface Loaded {
  readonly value: unknown;
  readonly duplicates: readonly LocatedIssue[];
  readonly locate: ((paths: readonly (readonly (string | number)[])[]) => LocatedIssue['position'][]) | undefined;
}

/** Loads the module's default export and settles it: calls a function, awaits a promise. */
async function loadDefault(module: ModuleFile, say: (line: string) => void): Promise<Loaded> {
  const problem = await checkOpenable(module.path);
  if (problem !== undefined) throw new BuildFailure([`${module.name}: ${problem.message}`]);

  if (extname(module.path).toLowerCase() === '.json') {
    const bytes = await readBytes(module.path);
    const text = bytes.ok ? decodeJsonText(bytes.value) : bytes;
    if (!text.ok) throw new BuildFailure([`${module.name}: ${text.issue.message}`]);
    const parsed = parseJsonText(text.value);
    if (!parsed.ok) throw new BuildFailure([`${module.name}: ${parsed.issue.message}`]);
    return parsed.document;
  }

  // What the module prints (console.log, process.stdout) goes to stderr: stdout holds the manifest only,
  // so `build manifest.mjs > manifest.json` stays valid JSON. (The CLI itself writes with fs.writeSync.)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  sayModuleWarnings(module, say);
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(module.path).href)) as Record<string, unknown>;
  } catch (error) {
    throw await loadFailure(module, 'cannot load:', error);
  }
  if (!('default' in namespace)) throw new BuildFailure([`${module.name}: has no default export; ${EXPECTED}`]);
  const exported = namespace['default'];
  // A CommonJS module compiled from ESM (`exports.default = …`, `__esModule`) arrives one level deeper.
  const value = await readExport(module, () => {
    if (!isObject(exported) || exported['__esModule'] !== true) return notNamedExportsOnly(module, namespace, exported);
    if ('default' in exported) return exported['default'];
    return notNamedExportsOnly(module, { ...namespace, ...exported }, exported);
  });
  try {
    return { value: await (typeof value === 'function' ? (value as () => unknown)() : value), duplicates: [], locate: undefined };
  } catch (error) {
    throw await loadFailure(module, 'the default export threw:', error);
  }
}

/** Whether the module was loaded as CommonJS and this is its `module.exports` (Node keeps it in `require.cache`). */
function isModuleExports(module: ModuleFile, exported: unknown): boolean {
  const cache = createRequire(import.meta.url).cache;
  let real = module.path;
  try {
    real = realpathSync(module.path);
  } catch {
    // The module was loaded from this path: it is its own real path.
  }
  return (cache[module.path] ?? cache[real])?.exports === exported;
}

/**
 * A CommonJS module's default export is its `module.exports`. One that only sets named exports
 * (`exports.manifest = {…}`) gives an object of those names: when none of them is a manifest key,
 * that is the mistake to name, rather than the issues of validating it as a manifest. (Its named
 * exports, found by Node's CommonJS export lexer, are the namespace's other names; an ES module's
 * default export is never checked so.) Returns the export when it is not such an object.
 */
function notNamedExportsOnly(module: ModuleFile, namespace: Record<string, unknown>, exported: unknown): unknown {
  const ignored = new Set(['default', '__esModule', 'module.exports']);
  const named = Object.keys(namespace).filter((name) => !ignored.has(name));
  if (named.length === 0 || !isPlainObject(exported) || !isModuleExports(module, exported)) return exported;
  const keys = Object.keys(exported).filter((key) => !ignored.has(key));
  const manifestKeys = new Set([...Object.keys(TOP_LEVEL_FIELDS), EDITOR_SCHEMA_KEY]);
  if (keys.length === 0 || keys.some((key) => manifestKeys.has(key) || key.startsWith(LOCALIZED_NAME_PREFIX))) return exported;
  const shown = keys.slice(0, 5).map((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)));
  throw new BuildFailure([
    `${module.name}: module.exports is { ${shown.join(', ')}${keys.length > 5 ? ', …' : ''} }, named exports with no ` +
      `manifest key: ${EXPECTED_CJS}`,
  ]);
}

/**
 * Runs what reads the default export. The validator reads hostile values safely, but the
 * command looks at the export itself first (its kind, `$schema`, its placeholders): a getter
 * or a proxy trap that throws there is said to be the export's fault, with the module's name.
 */
async function readExport<TValue>(module: ModuleFile, read: () => TValue | Promise<TValue>): Promise<TValue> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BuildFailure || error instanceof ValidateThrew) throw error;
    throw new BuildFailure([
      `${module.name}: the default export could not be read (a getter or proxy threw: ${errorMessage(error)}); ${EXPECTED}`,
    ]);
  }
}

type Source =
  | { readonly kind: 'builder'; readonly builder: BuilderLike }
  | { readonly kind: 'object'; readonly manifest: Record<string, unknown> }
  | { readonly kind: 'other'; readonly description: string };

function classify(value: unknown): Source {
  if (isBuilderLike(value)) return { kind: 'builder', builder: value };
  if (isPlainObject(value)) return { kind: 'object', manifest: value };
  return { kind: 'other', description: describeType(value) };
}

interface Checked {
  readonly result: ValidationResult;
  /** The variables whose values landed in a header value (a secret): the output file is then written 0600. */
  readonly secretVariables: readonly string[];
  /** The profile(s) checked against, in words: `connector profile`. */
  readonly profile: string;
  readonly mismatch: ValidationIssue | undefined;
}

/**
 * Validates what the module gave. A builder knows its profile, and its
 * `validate()` applies it; `--profile`, when it names another profile, is a
 * further requirement on the result (e.g. "this general builder's output must
 * also pass the connector rules"), never a way to skip the builder's own. A
 * manifest object is checked against `--profile`, else the profile its
 * `"$schema"` names, else general. (ts-pattern pays here: an exhaustive match
 * over a closed union; it is loaded by `build` only.)
 */
async function validateSource(
  module: ModuleFile,
  source: Source,
  profile: Profile | undefined,
  env: TemplateVariables,
): Promise<Checked> {
  const { match } = await import('ts-pattern');
  try {
    return checkWith(match, module, source, profile, env);
  } catch (error) {
    if (error instanceof ValidateThrew) throw await loadFailure(module, "the builder's validate() threw:", error.cause);
    throw error;
  }
}

/** A builder's `validate()` threw: reported like a module that throws, with its failing line. */
class ValidateThrew extends Error {}

/** The variables used in secret places (header values) of a template, a builder's or a JSON file's. */
const secretVariablesOf = (template: unknown): string[] => [...secretVariables(listPlaceholders(template))];

/** Whether a (valid, canonical) manifest holds a secret (a webhook header value that is not empty). */
const holdsSecrets = (manifest: unknown): boolean => secretStrings(manifest, ROOT_PLACE).length > 0;

function builderTemplate(builder: BuilderLike): unknown {
  try {
    return builder.toTemplate?.();
  } catch {
    return undefined;
  }
}

function checkWith(
  match: typeof import('ts-pattern').match,
  module: ModuleFile,
  source: Source,
  profile: Profile | undefined,
  env: TemplateVariables,
): Checked {
  return match(source)
    .with({ kind: 'builder' }, ({ builder }): Checked => {
      let result: ValidationResult;
      try {
        // env('NAME') references are filled from the environment and the --dotenv files.
        result = builder.validate({ env });
      } catch (error) {
        throw new ValidateThrew('validate() threw', { cause: error });
      }
      if (!isObject(result) || typeof result.ok !== 'boolean') {
        throw new BuildFailure([`${module.name}: the builder's validate() returned something unexpected`]);
      }
      const own = profileName(builder.profile);
      const secretVariables = result.ok ? secretVariablesOf(builderTemplate(builder)) : [];
      if (!result.ok || profile === undefined || profile === builder.profile)
        return { result, secretVariables, profile: own, mismatch: undefined };
      return {
        result: validateManifest(result.manifest, { profile }),
        secretVariables,
        profile: `${builder.profile} and ${profile} profiles`,
        mismatch: undefined,
      };
    })
    .with({ kind: 'object' }, ({ manifest }): Checked => {
      const choice = chooseProfile(manifest, profile);
      const label = `${profileName(choice.profile)}${choice.from === 'schema' ? ', from "$schema"' : ''}`;
      return {
        result: validateTemplate(manifest, { profile: choice.profile, env }),
        secretVariables: secretVariablesOf(manifest),
        profile: label,
        mismatch: choice.mismatch,
      };
    })
    .with({ kind: 'other' }, ({ description }): never => {
      throw new BuildFailure([`${module.name}: the default export is ${description}; ${EXPECTED}`]);
    })
    .exhaustive();
}

function describeWriteError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'the directory does not exist';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return errorMessage(error);
  }
}

/** What `--out FILE` held before the build replaced it, to put it back if the module fails after all. */
type Previous =
  | { readonly kind: 'file'; readonly data: Buffer; readonly mode: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

async function readPrevious(path: string): Promise<Previous> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? { kind: 'file', data: await readFile(path), mode: stats.mode & 0o777 } : { kind: 'unknown' };
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? { kind: 'none' } : { kind: 'unknown' };
  }
}

/**
 * Puts `--out FILE` back as it was before the build (or removes it if there was none, or if what it held
 * could not be read), synchronously, as the process may be about to end. Says what it did.
 */
function putBack(out: string, path: string, previous: Previous): string {
  if (previous.kind !== 'file') {
    try {
      rmSync(path, { force: true });
      return `${out} was removed`;
    } catch (error) {
      return `${out} could not be removed (${describeWriteError(error)}): do not use it`;
    }
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.restore.tmp`);
  try {
    writeFileSync(temp, previous.data, { mode: 0o600, flag: 'w' });
    chmodSync(temp, previous.mode);
    renameSync(temp, path);
    return `${out} was put back as it was`;
  } catch (error) {
    rmSync(temp, { force: true });
    return `${out} could not be put back (${describeWriteError(error)}): do not use it`;
  }
}

/** Rejects the race of {@link ModuleFaults.watch}: the module failed outside of what the build awaited. */
const FAULTED = Symbol('faulted');

/**
 * Errors the user's module raises where `build` does not await them: a promise it leaves rejected (an
 * "unhandled rejection"), a throw in a timer or an event handler (an "uncaught exception"). Node would
 * print the stack and exit 1, perhaps after the manifest was printed. Here each is the module's failure,
 * one line at the failing line of the user's code: before the output, the build fails and writes
 * nothing; after it (a timer of the module firing while or after the manifest was written), the command
 * still exits 1 with that line, and `--out FILE` is put back as it was (see {@link putBack}); what was
 * printed on stdout cannot be taken back, and the line says not to use it.
 */
class ModuleFaults {
  private readonly lines: string[] = [];
  private reported = 0;
  private reject: ((reason: unknown) => void) | undefined;
  /** Rejects with {@link FAULTED} at the first fault; settles nothing otherwise. */
  private readonly faulted = new Promise<never>((_, reject) => {
    this.reject = reject;
  });
  /** Set once the output is written, or the command has returned: a fault then ends the process. */
  private after: { readonly written: string | undefined; readonly undo: (() => string) | undefined } | undefined;

  constructor(
    private readonly module: ModuleFile,
    private readonly say: (line: string) => void,
  ) {
    this.faulted.catch(() => undefined);
    process.on('uncaughtException', (error) => this.add('uncaught exception', error));
    process.on('unhandledRejection', (reason) => this.add('unhandled promise rejection', reason));
  }

  private add(kind: string, error: unknown): void {
    const site = faultSite(error);
    const where = site === undefined ? this.module.name : formatSite(site, this.module.path, this.module.name, this.module.cwd);
    const after = this.after;
    if (after === undefined) {
      this.lines.push(`${where}: ${kind}: ${errorMessage(error)}`);
      this.reject?.(FAULTED);
      return;
    }
    const outcome =
      after.written === undefined
        ? ''
        : after.undo === undefined
          ? '; the build failed: do not use the manifest printed on stdout'
          : `; ${after.undo()}`;
    this.say(
      `${where}: ${kind}${after.written === undefined ? '' : ` after ${after.written}`}: ${errorMessage(error)}${outcome}`,
    );
    process.exit(EXIT.failure);
  }

  /** Runs `work`, unless the module fails first. */
  async watch<TValue>(work: Promise<TValue>): Promise<TValue> {
    try {
      return await Promise.race([work, this.faulted]);
    } catch (error) {
      if (error === FAULTED) this.check();
      throw error;
    }
  }

  /**
   * Gives what the module started one turn of the event loop (its zero-delay timers, its rejected
   * promises, which Node reports only once nothing else is queued), then fails if it failed.
   */
  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setImmediate(resolve));
    this.check();
  }

  /** Throws the failure of the faults not reported yet, if any; `undo` puts back what was written. */
  check(undo?: () => string): void {
    if (this.reported === this.lines.length) return;
    const lines = this.unreported();
    if (undo !== undefined) lines.push(`${lines.pop()!}; ${undo()}`);
    throw new BuildFailure(lines);
  }

  /** The faults not reported yet, one line each. */
  unreported(): string[] {
    const lines = this.lines.slice(this.reported);
    this.reported = this.lines.length;
    return lines;
  }

  /** From now on, a fault is reported at once and ends the process with exit 1. */
  end(written?: { readonly what: string; readonly undo?: () => string }): void {
    this.after ??= { written: written?.what, undo: written?.undo };
  }
}

/** The issues with their positions (a JSON file has them; a module's manifest has none). */
function locateAll(loaded: Loaded, issues: readonly ValidationIssue[]): LocatedIssue[] {
  const positions = loaded.locate?.(issues.map((issue) => issue.segments));
  return issues.map((issue, i) => ({ issue, position: positions?.[i] }));
}

/** `lp-app-manifest build <module> [--out FILE] [--profile P] [--strict]` */
export const buildCommand = defineCommand({
  name: 'build',
  summary: 'build a manifest from a JS or JSON module and print it',
  usage: '[options] <module>',
  description: `Builds a manifest from a module and prints it as canonical JSON.

<module> is a .js, .mjs or .cjs module whose default export is a
ManifestBuilder, a manifest object, or a (possibly async) function returning
either; or a .json manifest file or template. \${{ NAME }} placeholders and
env('NAME') references are filled from the environment variable NAME (and
the --dotenv files); every unset one is an error (unresolved_placeholder).`,
  options: {
    out: {
      type: 'string',
      value: '<file>',
      help: 'write the manifest to this file instead of stdout; the file\nis replaced atomically and left untouched if the build fails',
    },
    profile: {
      type: 'string',
      value: '<name>',
      help: 'general or connector. A builder is always checked against\nits own profile; --profile adds a check against this one.\nA manifest object is checked against --profile, else the\nprofile its "$schema" names, else general.',
    },
    strict: { type: 'boolean', help: 'fail (exit 1, nothing written) when there is any warning' },
    ...DOTENV_OPTION,
  },
  positionals: true,
  epilogue: `Errors and warnings go to stderr; a module that throws is reported with the
file, line and column of the failing line, and so is a promise it leaves
rejected or a throw in its timers (if that comes after the output, the exit
status is still 1 and --out's file is put back as it was). Exit status: 0
built, 1 invalid (or any warning with --strict) or the module failed, 2 for
a usage error.`,
  async run({ values, positionals }, io) {
    const profile = readProfile(values.profile);
    const [name, ...extra] = positionals;
    if (name === undefined) throw new UsageError('no module given');
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument '${extra[0]}' (build takes one module)`);
    const out = values.out;
    if (out === '') throw new UsageError(`option '--out' needs a file name`);
    const module: ModuleFile = { name, path: resolve(io.cwd, name), cwd: io.cwd };
    const unchanged = out === undefined ? '' : `; ${out} was not written`;

    const variables =
      values.dotenv === undefined
        ? { ok: true as const, variables: process.env }
        : await loadVariables(values.dotenv, io.cwd, process.env, (line) => io.stderr(`${line}\n`));
    if (!variables.ok) {
      io.stderr(
        `${formatIssueLine(`--dotenv ${variables.file}`, variables.issue, { fileLevel: true })}\n${name}: not built${unchanged}\n`,
      );
      return EXIT.failure;
    }

    const say = (line: string): void => io.stderr(`${line}\n`);
    // The module runs in this process: what it fails at outside of what the build awaits fails the build too.
    const faults = extname(module.path).toLowerCase() === '.json' ? undefined : new ModuleFaults(module, say);
    const watch = <TValue>(work: Promise<TValue>): Promise<TValue> => (faults === undefined ? work : faults.watch(work));
    try {
      const loaded = await watch(loadDefault(module, say));
      const checked = await watch(
        readExport(module, () => validateSource(module, classify(loaded.value), profile, variables.variables)),
      );
      const { result, profile: checkedAgainst, mismatch } = checked;
      const errors = [...loaded.duplicates, ...locateAll(loaded, result.ok ? [] : result.issues)];
      const warnings = locateAll(loaded, [...(mismatch === undefined ? [] : [mismatch]), ...result.warnings]);
      if (warnings.length > 0) io.stderr(`${warnings.map((warning) => formatIssueLine(name, warning)).join('\n')}\n`);
      const against = `(${checkedAgainst})`;
      if (errors.length > 0 || !result.ok) {
        throw new BuildFailure([
          ...errors.map((issue) => formatIssueLine(name, issue)),
          `${name}: build failed with ${plural(errors.length, 'issue')} ${against}${unchanged}`,
        ]);
      }
      if (values.strict === true && warnings.length > 0) {
        throw new BuildFailure([
          `${name}: build failed with ${plural(warnings.length, 'warning')} (--strict) ${against}${unchanged}`,
        ]);
      }
      // The library's canonical order makes this byte-identical for the same manifest.
      const json = `${JSON.stringify(result.manifest, null, 2)}\n`;
      // Nothing is written until what the module left pending has had its turn (and perhaps failed).
      await faults?.settle();
      if (out === undefined) {
        io.stdout(json);
        faults?.end({ what: 'the manifest was printed' });
      } else {
        const path = resolve(io.cwd, out);
        const previous = faults === undefined ? undefined : await readPrevious(path);
        faults?.check();
        // Webhook header values are where secrets go (tokens, API keys), wherever they came from: a manifest
        // that has any is for its owner's eyes only.
        const variables = checked.secretVariables;
        const secret = variables.length > 0 || holdsSecrets(result.manifest);
        try {
          await writeFileAtomic(path, json, { secret });
        } catch (error) {
          throw new BuildFailure([`${out}: cannot write: ${describeWriteError(error)}`]);
        }
        if (previous !== undefined) {
          const undo = (): string => putBack(out, path, previous);
          // The module failed while the file was being written: the build fails, and the file is as it was.
          faults?.check(undo);
          faults?.end({ what: `${out} was written`, undo });
        }
        if (secret) {
          const what =
            variables.length === 0
              ? 'webhook header values, which often are secrets'
              : `the header value${variables.length === 1 ? '' : 's'} of ${variables.join(', ')}`;
          io.stderr(`${out}: written with mode 0600 (owner only): it holds ${what}\n`);
        }
      }
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof BuildFailure)) throw error;
      io.stderr(`${[...error.lines, ...(faults?.unreported() ?? [])].join('\n')}\n`);
      return EXIT.failure;
    } finally {
      faults?.end();
    }
  },
});
