/**
 * The top level of `lp-app-manifest`: `--help`, `--version`, and routing to a
 * command of the {@link COMMANDS} table, whose module it loads only then. `--help` is handled here only, for
 * the program and for every command, from the table's entries.
 */
import { createRequire } from 'node:module';
import type { ParseArgsConfig } from 'node:util';
import { parseCommandLine, PROGRAM } from './args.js';
import type { Command, CommandInput, OptionSpecs } from './command.js';
import { COMMAND_NAMES, COMMANDS, isCommandName, loadCommands } from './commands.js';
import { errorMessage, EXIT, UsageError, type ExitCode, type Io } from './io.js';

/** `-h, --help`, which the program and every command take. */
const HELP_OPTION = { help: { type: 'boolean', short: 'h', help: 'show this help' } } as const satisfies OptionSpecs;

const commandNames = (): string => [...COMMAND_NAMES, 'help'].join(', ');

/** The option lines of a help text, their descriptions aligned. */
function optionLines(options: OptionSpecs): string[] {
  const entries = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`;
    return { flag, help: spec.help.split('\n') };
  });
  const width = Math.max(...entries.map((entry) => entry.flag.length)) + 2;
  return entries.flatMap(({ flag, help }) => help.map((line, i) => `  ${(i === 0 ? flag : '').padEnd(width)}${line}`.trimEnd()));
}

const programHelp = (commands: readonly Command[]): string =>
  [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'LivePerson Application Install Manifests: check them, build them from code or templates, and install them.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(10)}${command.summary}`),
    `  ${'help'.padEnd(10)}show this help, or a command's: help <command>`,
    '',
    'Options:',
    ...optionLines({ ...HELP_OPTION, version: { type: 'boolean', help: 'show the version' } }),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options.`,
  ].join('\n');

/**
 * A command's `--help`, made from its table entry.
 *
 * @example
 * ```ts
 * import { COMMANDS } from './commands.js';
 * import { commandHelp } from './program.js';
 *
 * console.log(commandHelp(await COMMANDS.validate()));
 * ```
 */
export function commandHelp(command: Command): string {
  return [
    `Usage: ${PROGRAM} ${command.name} ${command.usage}`,
    '',
    command.description,
    '',
    'Options:',
    ...optionLines({ ...command.options, ...HELP_OPTION }),
    ...(command.epilogue === undefined ? [] : ['', command.epilogue]),
  ].join('\n');
}

/** The package's version, read through the package's own name (its "exports" expose package.json). */
function version(): string {
  const manifest: unknown = createRequire(import.meta.url)('lp-app-manifest/package.json');
  const value = typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
  return typeof value === 'string' ? value : 'unknown';
}

/** parseArgs' configuration for a table of options. */
const parseOptions = (options: OptionSpecs): NonNullable<ParseArgsConfig['options']> =>
  Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...(spec.short === undefined ? {} : { short: spec.short }),
        ...(spec.multiple === true ? { multiple: true } : {}),
      },
    ]),
  );

async function runCommand(command: Command, args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    options: parseOptions({ ...command.options, ...HELP_OPTION }),
    allowPositionals: command.positionals,
  });
  if (values['help'] === true) {
    io.stdout(`${commandHelp(command)}\n`);
    return EXIT.ok;
  }
  return command.run({ values, positionals } as CommandInput<OptionSpecs>, io);
}

async function dispatch(args: readonly string[], io: Io): Promise<ExitCode> {
  // Options before the command belong to the program; everything from the command on belongs to it.
  const at = args.findIndex((arg) => !arg.startsWith('-'));
  const own = at === -1 ? args : args.slice(0, at);
  const { values } = parseCommandLine({
    args: [...own],
    options: parseOptions({ ...HELP_OPTION, version: { type: 'boolean', help: '' } }),
  });
  // `help` alone, as git and npm take it, is --help; `help <command>` and `--help <command>` are `<command> --help`.
  const helpFor = args[at] === 'help' ? args[at + 1] : values['help'] === true ? args[at] : undefined;
  const programHelpFor = helpFor === undefined || helpFor === 'help' || helpFor === '--help' || helpFor === '-h';
  if (programHelpFor && (values['help'] === true || args[at] === 'help')) {
    io.stdout(`${programHelp(await loadCommands())}\n`);
    return EXIT.ok;
  }
  const extra = args[at] === 'help' ? args[at + 2] : values['help'] === true ? args[at + 1] : undefined;
  if (extra !== undefined) {
    throw new UsageError(`unexpected argument '${extra}' after ${args[at] === 'help' ? 'help' : '--help'} ${helpFor}`);
  }
  if (helpFor !== undefined) {
    if (!isCommandName(helpFor)) {
      throw new UsageError(`unknown command '${helpFor}' (use one of: ${commandNames()}); see "${PROGRAM} --help"`);
    }
    io.stdout(`${commandHelp(await COMMANDS[helpFor]())}\n`);
    return EXIT.ok;
  }
  if (values['version'] === true) {
    if (at !== -1) throw new UsageError(`unexpected argument '${args[at]}' after --version`);
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const name = args[at];
  if (at === -1 || name === undefined)
    throw new UsageError(`no command given (use one of: ${commandNames()}); see "${PROGRAM} --help"`);
  if (!isCommandName(name))
    throw new UsageError(`unknown command '${name}' (use one of: ${commandNames()}); see "${PROGRAM} --help"`);
  const command = await COMMANDS[name]();
  try {
    return await runCommand(command, args.slice(at + 1), io);
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
 * import { runProgram } from './program.js';
 *
 * process.exitCode = await runProgram(process.argv.slice(2), {
 *   stdout: (text) => process.stdout.write(text),
 *   stderr: (text) => process.stderr.write(text),
 *   stdin: process.stdin,
 *   cwd: process.cwd(),
 * });
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
