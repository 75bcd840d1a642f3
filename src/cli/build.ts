/**
 * `lp-app-manifest build`: runs a module that describes a manifest (a builder,
 * an object, or a function returning either), validates it and prints the
 * canonical JSON, or writes it atomically with `--out`.
 */
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
import { PROGRAM, readProfile } from './args.js';
import { defineCommand } from './command.js';
import { DOTENV_OPTION, loadVariables } from './dotenv.js';
import { checkOpenable, decodeJsonText, readBytes } from './files.js';
import { errorCode, errorMessage, EXIT, UsageError } from './io.js';
import { parseJsonText } from './json-text.js';
import { errorSite, formatSite } from './module-error.js';
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
      `${module.name}: cannot load: this Node.js cannot import ${JSON.stringify(extname(module.name))} files; ` +
        `for TypeScript, run the CLI through tsx: npx tsx ./node_modules/${PROGRAM}/dist/cli.js build ${module.name}`,
    ]);
  }
  // FILE:LINE:COLUMN of the failing line in the user's code (or of the syntax error), never the stack.
  const site = await errorSite(error, module.path);
  const where = site === undefined ? module.name : formatSite(site, module.path, module.name, module.cwd);
  return new BuildFailure([`${where}: ${what} ${errorMessage(error)}`]);
}

/** What the module gave, settled; for a JSON file, also its repeated keys and where each path is. */
interface Loaded {
  readonly value: unknown;
  readonly duplicates: readonly LocatedIssue[];
  readonly locate: ((paths: readonly (readonly (string | number)[])[]) => LocatedIssue['position'][]) | undefined;
}

/** Loads the module's default export and settles it: calls a function, awaits a promise. */
async function loadDefault(module: ModuleFile): Promise<Loaded> {
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
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(module.path).href)) as Record<string, unknown>;
  } catch (error) {
    throw await loadFailure(module, 'cannot load:', error);
  }
  if (!('default' in namespace)) throw new BuildFailure([`${module.name}: has no default export; ${EXPECTED}`]);
  const exported = namespace['default'];
  // A CommonJS module compiled from ESM (`exports.default = …`, `__esModule`) arrives one level deeper.
  const value = await readExport(module, () =>
    isObject(exported) && exported['__esModule'] === true && 'default' in exported ? exported['default'] : exported,
  );
  try {
    return { value: await (typeof value === 'function' ? (value as () => unknown)() : value), duplicates: [], locate: undefined };
  } catch (error) {
    throw await loadFailure(module, 'the default export threw:', error);
  }
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

/** The variables used in header values (secrets) of a template, a builder's or a JSON file's. */
function secretVariablesOf(template: unknown): string[] {
  const variables = new Set<string>();
  for (const use of listPlaceholders(template)) {
    if (use.segments[use.segments.length - 1] === 'header_value') for (const variable of use.variables) variables.add(variable);
  }
  return [...variables];
}

/** Whether a (valid, canonical) manifest has any webhook header with a value. */
function hasHeaderValues(manifest: unknown): boolean {
  const webhooks = (manifest as { capabilities?: { webhooks?: Record<string, { headers?: { header_value?: string }[] }> } })
    .capabilities?.webhooks;
  return Object.values(webhooks ?? {}).some((webhook) =>
    (webhook.headers ?? []).some((header) => (header.header_value ?? '') !== ''),
  );
}

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
file, line and column of the failing line. Exit status: 0 built, 1 invalid
(or any warning with --strict) or the module failed to load, 2 for a usage
error.`,
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
      values.dotenv === undefined ? { ok: true as const, variables: process.env } : await loadVariables(values.dotenv, io.cwd);
    if (!variables.ok) {
      io.stderr(
        `${formatIssueLine(`--dotenv ${variables.file}`, variables.issue, { fileLevel: true })}\n${name}: not built${unchanged}\n`,
      );
      return EXIT.failure;
    }

    try {
      const loaded = await loadDefault(module);
      const checked = await readExport(module, () =>
        validateSource(module, classify(loaded.value), profile, variables.variables),
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
      if (out === undefined) io.stdout(json);
      else {
        // Webhook header values are where secrets go (tokens, API keys), wherever they came from: a manifest
        // that has any is for its owner's eyes only.
        const variables = checked.secretVariables;
        const secret = variables.length > 0 || hasHeaderValues(result.manifest);
        try {
          await writeFileAtomic(resolve(io.cwd, out), json, { secret });
        } catch (error) {
          throw new BuildFailure([`${out}: cannot write: ${describeWriteError(error)}`]);
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
      io.stderr(`${error.lines.join('\n')}\n`);
      return EXIT.failure;
    }
  },
});
