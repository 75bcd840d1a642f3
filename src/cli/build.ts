/**
 * `lp-app-manifest build`: runs a module that describes a manifest (a builder,
 * an object, or a function returning either), validates it and prints the
 * canonical JSON, or writes it atomically with `--out`.
 */
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { match, P } from 'ts-pattern';
import { validateManifest, type Profile, type ValidationResult } from '../index.js';
import { HELP_OPTION, parseCommandLine, PROFILE_OPTION, PROGRAM, readProfile } from './args.js';
import type { Command } from './command.js';
import { checkOpenable, readJson } from './files.js';
import { errorCode, errorMessage, EXIT, UsageError, type ExitCode, type Io } from './io.js';
import { formatIssueLine, plural, toReportIssue, type ReportIssue } from './report.js';
import { writeFileAtomic } from './write-atomic.js';

const HELP = `Usage: ${PROGRAM} build [options] <module>

Builds a manifest from a module and prints it as canonical JSON.

<module> is a .js, .mjs or .cjs module whose default export is a
ManifestBuilder, a manifest object, or a (possibly async) function returning
either; or a .json manifest file.

Options:
  --out <file>      write the manifest to this file instead of stdout; the file
                    is replaced atomically and left untouched if the build fails
  --profile <name>  general or connector. A builder is always checked against
                    its own profile; --profile adds a check against this one.
                    A manifest object is checked against --profile only
                    (default: general).
  -h, --help        show this help

Errors and warnings go to stderr. Exit status: 0 built, 1 invalid or the module
failed to load, 2 for a usage error.`;

/** What `build` needs from a builder. Recognised by shape: the builder class is private to the library. */
interface BuilderLike {
  readonly profile: string;
  validate(): ValidationResult;
}

/** A build that cannot go on: the lines to print on stderr. */
class BuildFailure extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

const EXPECTED = 'export default a ManifestBuilder, a manifest object, or a function returning one';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isBuilderLike(value: unknown): value is BuilderLike {
  return (
    isObject(value) &&
    typeof value['validate'] === 'function' &&
    typeof value['build'] === 'function' &&
    typeof value['profile'] === 'string'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value) || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object';
  }
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}

/** A ManifestValidationError, recognised by shape: the module may have loaded its own copy of the library. */
function validationErrorIssues(error: unknown): ReportIssue[] | undefined {
  if (!isObject(error) || error['name'] !== 'ManifestValidationError' || !Array.isArray(error['issues'])) return undefined;
  return (error['issues'] as unknown[]).filter(isObject).map((issue) => ({
    code: String(issue['code']) as ReportIssue['code'],
    severity: issue['severity'] === 'warning' ? 'warning' : 'error',
    path: String(issue['path'] ?? ''),
    message: String(issue['message'] ?? ''),
  }));
}

function loadFailure(module: string, what: string, error: unknown): BuildFailure {
  const issues = validationErrorIssues(error);
  if (issues !== undefined) {
    return new BuildFailure([
      ...issues.map((issue) => formatIssueLine(module, issue)),
      `${module}: ${what} ManifestValidationError (${plural(issues.length, 'issue')})`,
    ]);
  }
  if (errorCode(error) === 'ERR_UNKNOWN_FILE_EXTENSION') {
    return new BuildFailure([
      `${module}: cannot load: this Node.js cannot import ${JSON.stringify(extname(module))} files; ` +
        `for TypeScript, run the CLI through tsx: npx tsx ./node_modules/${PROGRAM}/dist/cli.js build ${module}`,
    ]);
  }
  return new BuildFailure([`${module}: ${what} ${errorMessage(error)}`]);
}

/** Loads the module's default export and settles it: calls a function, awaits a promise. */
async function loadDefault(module: string, path: string): Promise<unknown> {
  const problem = await checkOpenable(path);
  if (problem !== undefined) throw new BuildFailure([`${module}: ${problem.message}`]);

  if (extname(path).toLowerCase() === '.json') {
    const read = await readJson(path);
    if (!read.ok) throw new BuildFailure([`${module}: ${read.problem.message}`]);
    return read.value;
  }

  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw loadFailure(module, 'cannot load:', error);
  }
  if (!('default' in namespace)) throw new BuildFailure([`${module}: has no default export; ${EXPECTED}`]);
  let value = namespace['default'];
  // A CommonJS module compiled from ESM (`exports.default = …`, `__esModule`) arrives one level deeper.
  if (isObject(value) && value['__esModule'] === true && 'default' in value) value = value['default'];
  try {
    return await (typeof value === 'function' ? (value as () => unknown)() : value);
  } catch (error) {
    throw loadFailure(module, 'the default export threw:', error);
  }
}

type Source =
  | { readonly kind: 'builder'; readonly builder: BuilderLike }
  | { readonly kind: 'object'; readonly manifest: Record<string, unknown> }
  | { readonly kind: 'other'; readonly description: string };

function classify(value: unknown): Source {
  if (isBuilderLike(value)) return { kind: 'builder', builder: value };
  if (isPlainObject(value)) return { kind: 'object', manifest: value };
  return { kind: 'other', description: describeValue(value) };
}

/**
 * Validates what the module gave. A builder knows its profile, and its
 * `validate()` applies it; `--profile`, when it names another profile, is a
 * further requirement on the result (e.g. "this general builder's output must
 * also pass the connector rules"), never a way to skip the builder's own.
 */
function validateSource(module: string, source: Source, profile: Profile | undefined): ValidationResult {
  return match(source)
    .with({ kind: 'builder' }, ({ builder }) => {
      let result: ValidationResult;
      try {
        result = builder.validate();
      } catch (error) {
        throw loadFailure(module, "the builder's validate() threw:", error);
      }
      if (!isObject(result) || typeof result.ok !== 'boolean') {
        throw new BuildFailure([`${module}: the builder's validate() returned something unexpected`]);
      }
      if (!result.ok || profile === undefined || profile === builder.profile) return result;
      return validateManifest(result.manifest, { profile });
    })
    .with({ kind: 'object' }, ({ manifest }) => validateManifest(manifest, { profile: profile ?? 'general' }))
    .with({ kind: 'other' }, ({ description }) => {
      throw new BuildFailure([`${module}: the default export is ${description}; ${EXPECTED}`]);
    })
    .exhaustive();
}

function describeWriteError(error: unknown): string {
  return match(errorCode(error))
    .with('ENOENT', () => 'the directory does not exist')
    .with(P.union('EACCES', 'EPERM', 'EROFS'), () => 'permission denied')
    .with(P.union('EISDIR', 'ENOTEMPTY', 'EEXIST'), () => 'is a directory')
    .with('ENOSPC', () => 'no space left on the device')
    .otherwise(() => errorMessage(error));
}

/** `lp-app-manifest build <module> [--out FILE] [--profile P]` */
export const buildCommand: Command = {
  name: 'build',
  summary: 'build a manifest from a JS or JSON module and print it',
  help: HELP,
  async run(args: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandLine({
      args: [...args],
      options: { ...HELP_OPTION, ...PROFILE_OPTION, out: { type: 'string' } },
      allowPositionals: true,
    });
    if (values.help === true) {
      io.stdout(`${HELP}\n`);
      return EXIT.ok;
    }
    const profile = readProfile(values.profile);
    const [module, ...extra] = positionals;
    if (module === undefined) throw new UsageError('no module given');
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument '${extra[0]}' (build takes one module)`);
    const out = values.out;
    if (out === '') throw new UsageError(`option '--out' needs a file name`);

    try {
      const source = classify(await loadDefault(module, resolve(io.cwd, module)));
      const result = validateSource(module, source, profile);
      const warnings = result.warnings.map((warning) => formatIssueLine(module, toReportIssue(warning)));
      if (warnings.length > 0) io.stderr(`${warnings.join('\n')}\n`);
      if (!result.ok) {
        const unchanged = out === undefined ? '' : `; ${out} was not written`;
        throw new BuildFailure([
          ...result.issues.map((issue) => formatIssueLine(module, toReportIssue(issue))),
          `${module}: build failed with ${plural(result.issues.length, 'issue')}${unchanged}`,
        ]);
      }
      // The library's canonical order makes this byte-identical for the same manifest.
      const json = `${JSON.stringify(result.manifest, null, 2)}\n`;
      if (out === undefined) io.stdout(json);
      else {
        try {
          await writeFileAtomic(resolve(io.cwd, out), json);
        } catch (error) {
          throw new BuildFailure([`${out}: cannot write: ${describeWriteError(error)}`]);
        }
      }
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof BuildFailure)) throw error;
      io.stderr(`${error.lines.join('\n')}\n`);
      return EXIT.failure;
    }
  },
};
