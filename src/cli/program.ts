/**
 * The top level of `lp-app-manifest`: `--help`, `--version`, and routing to a command.
 */
import { createRequire } from 'node:module';
import { match } from 'ts-pattern';
import { HELP_OPTION, parseCommandLine, PROGRAM } from './args.js';
import { buildCommand } from './build.js';
import { COMMAND_NAMES, isCommandName, type Command, type CommandName } from './command.js';
import { initCommand } from './init.js';
import { errorMessage, EXIT, UsageError, type ExitCode, type Io } from './io.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

const commandFor = (name: CommandName): Command =>
  match(name)
    .with('validate', () => validateCommand)
    .with('build', () => buildCommand)
    .with('schema', () => schemaCommand)
    .with('init', () => initCommand)
    .exhaustive();

const HELP = `Usage: ${PROGRAM} <command> [options]

LivePerson Application Install Manifests: validate, build and start them.

Commands:
${COMMAND_NAMES.map((name) => `  ${name.padEnd(10)}${commandFor(name).summary}`).join('\n')}

Options:
  -h, --help  show this help
  --version   show the version

Run "${PROGRAM} <command> --help" for a command's options.`;

/**
 * The package's version. Read through the package's own name (its
 * "exports" expose package.json), which works from dist/ and from src/ alike.
 */
function version(): string {
  const manifest: unknown = createRequire(import.meta.url)('lp-app-manifest/package.json');
  const value = typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
  return typeof value === 'string' ? value : 'unknown';
}

async function dispatch(args: readonly string[], io: Io): Promise<ExitCode> {
  // Options before the command belong to the program; everything from the command on belongs to it.
  const at = args.findIndex((arg) => !arg.startsWith('-'));
  const own = at === -1 ? args : args.slice(0, at);
  const { values } = parseCommandLine({ args: [...own], options: { ...HELP_OPTION, version: { type: 'boolean' } } });
  if (values.help === true) {
    io.stdout(`${HELP}\n`);
    return EXIT.ok;
  }
  if (values.version === true) {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const name = args[at];
  if (at === -1 || name === undefined) throw new UsageError(`no command given (use one of: ${COMMAND_NAMES.join(', ')}); see "${PROGRAM} --help"`);
  if (!isCommandName(name)) throw new UsageError(`unknown command '${name}' (use one of: ${COMMAND_NAMES.join(', ')}); see "${PROGRAM} --help"`);
  try {
    return await commandFor(name).run(args.slice(at + 1), io);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${error.message}; see "${PROGRAM} ${name} --help"`);
    throw error;
  }
}

/**
 * Runs the program with its arguments (without `node` and the script) and
 * returns the exit code. Every error ends as one line on stderr, never a
 * stack trace: a usage error with exit code 2, anything unexpected with 1.
 *
 * @example
 * ```ts
 * process.exitCode = await runProgram(process.argv.slice(2), { stdout, stderr, cwd: process.cwd() });
 * ```
 */
export async function runProgram(args: readonly string[], io: Io): Promise<ExitCode> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${PROGRAM}: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`${PROGRAM}: unexpected error: ${errorMessage(error)}\n`);
    return EXIT.failure;
  }
}
