/**
 * `lp-app-manifest build`: builds a manifest from a module (a builder, an
 * object, or a function returning either) or a JSON file, validates it and
 * prints the canonical JSON, or writes it atomically with `--out`. A module
 * runs in a Node.js process of its own (build-runner.ts), never in this one.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Profile, TemplateVariables } from '../index.js';
import { ROOT_PLACE, secretStrings } from '../rules/secrets.js';
import type { CliIssue } from './file-issues.js';
import { ALLOW_KEY_OPTION, readAllowKeys } from './allow-keys.js';
import { readProfile } from './args.js';
import { BuildFailure, checkExport, type Checked, type ModuleOutcome } from './build-check.js';
import { defineCommand } from './command.js';
import { readTimeout } from './deploy.js';
import { DOTENV_OPTION, loadVariables } from './dotenv.js';
import { checkOpenable, decodeJsonText, readBytes } from './files.js';
import { errorMessage, EXIT, UsageError } from './io.js';
import { parseJsonText } from './json-text.js';
import { formatIssueLine, plural, shownFileName, type LocatedIssue } from './report.js';
import { chooseProfile, profileNote } from './profile.js';
import { schemaReference } from './schema-ref.js';
import { describeWriteError, writeFileAtomic } from './write-atomic.js';

/** What was checked; for a JSON file, also its repeated keys and where each path is. */
interface Built {
  readonly checked: Checked;
  /** For a JSON file checked as general only by default that looks like a connector: which profile, and how to choose. */
  readonly note?: string | undefined;
  readonly duplicates: readonly LocatedIssue[];
  readonly locate: ((paths: readonly (readonly (string | number)[])[]) => LocatedIssue['position'][]) | undefined;
}

/** What the module's process is told: where the module is, and the command's options it needs. */
interface Run {
  readonly name: string;
  readonly path: string;
  readonly cwd: string;
  readonly profile: Profile | undefined;
  readonly env: TemplateVariables;
  readonly timeoutMs: number;
  /** Top-level keys `--allow-key` lets through (a manifest object's or JSON file's). */
  readonly allowKeys: readonly string[];
}

/** Reads and checks a JSON manifest or template, as `validate` reads it. */
async function buildJson(run: Run): Promise<Built> {
  const bytes = await readBytes(run.path);
  const text = bytes.ok ? decodeJsonText(bytes.value) : bytes;
  if (!text.ok) throw new BuildFailure([`${run.name}: ${text.issue.message}`]);
  const parsed = parseJsonText(text.value);
  if (!parsed.ok) throw new BuildFailure([`${run.name}: ${parsed.issue.message}`]);
  const { value, duplicates, locate } = parsed.document;
  const note = profileNote(value, chooseProfile(value, run.profile));
  return { checked: await checkExport(run.name, value, run.profile, run.env, run.allowKeys), note, duplicates, locate };
}

/** The module's process (dist/cli/build-runner.cjs), beside this chunk. */
const RUNNER = fileURLToPath(new URL('build-runner.cjs', import.meta.url));

/**
 * Node's flags for the module's process: the CLI's own (a loader the CLI runs under, such as tsx, loads
 * the module too) and, for a TypeScript module, tsx's loader where the module's project has tsx, else
 * Node's own type stripping where this Node.js has it but not on by default (22.6 to 22.17). Without
 * either, the import fails and build-runner.ts says how to run it.
 */
function nodeFlags(path: string): string[] {
  if (!/\.[cm]?ts$/i.test(path)) return process.execArgv;
  try {
    return [...process.execArgv, '--import', pathToFileURL(createRequire(path).resolve('tsx')).href];
  } catch {
    const stripping = (process.features as { typescript?: unknown }).typescript;
    const flag = '--experimental-strip-types';
    return [...process.execArgv, ...(!stripping && process.allowedNodeEnvironmentFlags.has(flag) ? [flag] : [])];
  }
}

/**
 * Runs the module in a Node.js process of its own, with `env` as its environment, and waits for the one
 * line it writes to its file descriptor 3 (see build-runner.ts) and for its end. Its stdout goes to our
 * stderr. A process that ends without that line, or has not written it within the timeout, fails the build.
 */
async function buildModule(run: Run): Promise<Built> {
  const child = spawn(
    process.execPath,
    [...nodeFlags(run.path), RUNNER, run.path, run.name, run.profile ?? '', JSON.stringify(run.allowKeys)],
    {
      cwd: run.cwd,
      env: run.env,
      stdio: ['inherit', 2, 'inherit', 'pipe'],
    },
  );
  const channel = (child.stdio[3] as Readable).setEncoding('utf8');
  const outcome = await new Promise<ModuleOutcome>((done) => {
    let text = '';
    let ended: string | undefined;
    const stopped = (why: string): void =>
      done({ ok: false, lines: [`${run.name}: stopped before the command finished: ${why}`] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      stopped(`the module gave no manifest within ${run.timeoutMs / 1000} s (--timeout)`);
    }, run.timeoutMs);
    // Done once the line has come and the process has ended (a process it started may hold the pipe open).
    const finish = (): void => {
      if (ended === undefined || !text.endsWith('\n')) return;
      clearTimeout(timer);
      done(JSON.parse(text) as ModuleOutcome);
    };
    channel.on('data', (chunk: string) => {
      text += chunk;
      finish();
    });
    child.on('exit', (code, signal) => {
      ended = signal ?? `exit status ${code}`;
      finish();
    });
    child.on('close', () => {
      clearTimeout(timer);
      stopped(`its process ended (${ended}) before it gave a manifest`);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      stopped(`cannot start Node.js for it: ${errorMessage(error)}`);
    });
  });
  channel.destroy();
  if (!outcome.ok) throw new BuildFailure(outcome.lines);
  return { checked: outcome.checked, duplicates: [], locate: undefined };
}

/** The issues with their positions (a JSON file has them; a module's manifest has none). */
function locateAll(built: Built, issues: readonly CliIssue[]): LocatedIssue[] {
  const positions = built.locate?.(issues.map((issue) => issue.segments));
  return issues.map((issue, i) => ({ issue, position: positions?.[i] }));
}

/** The default of `--timeout` for `build`, in seconds: a module that has not given its manifest by then fails. */
const BUILD_TIMEOUT_SECONDS = 60;

/** `lp-app-manifest build <module> [--out FILE] [--profile P] [--strict] [--timeout S]` */
export const buildCommand = defineCommand({
  name: 'build',
  summary: 'build a manifest from a JS or JSON module and print it',
  usage: '[options] <module>',
  description: `Builds a manifest from a module and prints it as canonical JSON.

<module> is a .js, .mjs or .cjs module (or .ts, .mts, .cts where the project
has tsx or Node.js strips types) whose default export is a ManifestBuilder, a
manifest object, or a (possibly async) function returning either; or a .json
manifest file or template. The module runs in a Node.js process of its own, with the --dotenv
variables in its environment. \${{ NAME }} placeholders and env('NAME')
references are filled from the environment variable NAME (and the --dotenv
files); every unset one is an error (unresolved_placeholder).`,
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
    timeout: {
      type: 'string',
      value: '<seconds>',
      help: `fail when the module has not given its manifest after this\nlong (default ${BUILD_TIMEOUT_SECONDS})`,
    },
    ...DOTENV_OPTION,
    ...ALLOW_KEY_OPTION,
  },
  positionals: true,
  epilogue: `Errors and warnings go to stderr, and so does what the module prints; a
module that throws is reported with the file, line and column of the failing
line, and so is a promise it leaves rejected, a throw in its timers or its
call of process.exit(). Exit status: 0 built, 1 invalid (or any warning with
--strict) or the module failed, 2 for a usage error.`,
  async run({ values, positionals }, io) {
    const profile = readProfile(values.profile);
    const [name, ...extra] = positionals;
    if (name === undefined) throw new UsageError('no module given');
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument '${extra[0]}' (build takes one module)`);
    const out = values.out;
    if (out === '') throw new UsageError(`option '--out' needs a file name`);
    const timeoutMs = values.timeout === undefined ? BUILD_TIMEOUT_SECONDS * 1000 : readTimeout(values.timeout);
    const allowKeys = readAllowKeys(values['allow-key']);
    const path = resolve(io.cwd, name);
    const unchanged = out === undefined ? '' : `; ${out} was not written`;

    // The environment wins over every file, as in the module's own process.env.
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

    try {
      const problem = await checkOpenable(path);
      if (problem !== undefined) throw new BuildFailure([`${name}: ${problem.message}`]);
      const run: Run = { name, path, cwd: io.cwd, profile, env: variables.variables, timeoutMs, allowKeys };
      const built = extname(path).toLowerCase() === '.json' ? await buildJson(run) : await buildModule(run);
      const { result, profile: checkedAgainst, schemaProfile, mismatch, secretVariables } = built.checked;
      const errors = [...built.duplicates, ...locateAll(built, result.ok ? [] : result.issues)];
      const warnings = locateAll(built, [...(mismatch === undefined ? [] : [mismatch]), ...result.warnings]);
      if (warnings.length > 0) io.stderr(`${warnings.map((warning) => formatIssueLine(name, warning)).join('\n')}\n`);
      if (built.note !== undefined) io.stderr(`${shownFileName(name)}: note: ${built.note}\n`);
      const against = `(${checkedAgainst})`;
      if (errors.length > 0 || !result.ok) {
        throw new BuildFailure([
          ...errors.map((issue) => formatIssueLine(name, issue)),
          `${name}: build failed with ${plural(errors.length, 'issue')} ${against}${unchanged}`,
        ]);
      }
      // A key --allow-key names is a warning --strict lets pass: the run asked for it by name.
      const failing = warnings.filter(({ issue }) => issue.code !== 'allowed_unknown_key');
      if (values.strict === true && failing.length > 0) {
        throw new BuildFailure([
          `${name}: build failed with ${plural(failing.length, 'warning')} (--strict) ${against}${unchanged}`,
        ]);
      }
      // The library's canonical order makes this byte-identical for the same manifest.
      if (out === undefined) {
        // stdout is the manifest alone, as LivePerson's install call takes it (a pipe, a request body).
        io.stdout(`${JSON.stringify(result.manifest, null, 2)}\n`);
        return EXIT.ok;
      }
      // A file is the project's copy, which validate, plan and apply read again: its profile travels with it, as a
      // "$schema" relative to its folder (which plan and apply never send: the validated manifest has no "$schema").
      const target = resolve(io.cwd, out);
      const schema = schemaReference(schemaProfile, dirname(target));
      const json = `${JSON.stringify({ $schema: schema.ref, ...result.manifest }, null, 2)}\n`;
      // Webhook header values are where secrets go (tokens, API keys), wherever they came from: a manifest
      // that has any is for its owner's eyes only.
      const secret = secretVariables.length > 0 || secretStrings(result.manifest, ROOT_PLACE).length > 0;
      try {
        await writeFileAtomic(target, json, { secret });
      } catch (error) {
        throw new BuildFailure([`${out}: cannot write: ${describeWriteError(error)}`]);
      }
      if (secret) {
        const what =
          secretVariables.length === 0
            ? 'webhook header values, which often are secrets'
            : `the header value${secretVariables.length === 1 ? '' : 's'} of ${secretVariables.join(', ')}`;
        io.stderr(`${out}: written with mode 0600 (owner only): it holds ${what}\n`);
      }
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof BuildFailure)) throw error;
      io.stderr(`${error.lines.join('\n')}\n`);
      return EXIT.failure;
    }
  },
});
