/**
 * The shape every command has. One {@link Command} value describes a command
 * completely: the program's dispatch, its top-level `--help` and the
 * command's own `--help` all read it (see `COMMANDS` in commands.ts).
 */
import type { ExitCode, Io } from './io.js';

/** One option of a command, as `node:util` parseArgs takes it, plus its line in `--help`. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Whether it may be given more than once (its value is then the list, in order). */
  readonly multiple?: boolean;
  /** The value's placeholder in `--help` (`<file>`), for a string option. */
  readonly value?: string;
  /** What it does, for `--help`; `\n` starts a continuation line. */
  readonly help: string;
}

/** The options a command takes, by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What a command's `run` gets: its options, typed from its {@link OptionSpecs}, and its positional arguments. */
export interface CommandInput<TOptions extends OptionSpecs> {
  readonly values: {
    readonly [TName in keyof TOptions]?: TOptions[TName]['type'] extends 'string'
      ? TOptions[TName]['multiple'] extends true
        ? readonly string[]
        : string
      : boolean;
  };
  readonly positionals: readonly string[];
}

/** A subcommand of `lp-app-manifest`. */
export interface Command<TOptions extends OptionSpecs = OptionSpecs> {
  /** The word that selects it: `lp-app-manifest <name>`. */
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** What follows `lp-app-manifest <name>` in its usage line: `[options] <file...>`. */
  readonly usage: string;
  /** The paragraph under the usage line. */
  readonly description: string;
  /** Its options (`-h, --help` is added to every command by the program). */
  readonly options: TOptions;
  /** Whether it takes positional arguments (file names). */
  readonly positionals: boolean;
  /** Text after the options in `--help` (output format, exit status); may be empty. */
  readonly epilogue?: string;
  /**
   * Runs the command; throws `UsageError` for a bad command line, and returns
   * the exit code otherwise (it never calls `process.exit`, so output is
   * flushed). A command loads what only it needs (a parser, an image decoder)
   * inside `run`, with `await import(…)`, so that other commands do not pay
   * for it at start-up.
   */
  run(input: CommandInput<TOptions>, io: Io): Promise<ExitCode>;
}

/**
 * Declares a command, checking `run` against its own options. The result
 * goes in the `COMMANDS` table of commands.ts: one entry registers it.
 *
 * @example
 * ```ts
 * import { defineCommand } from './command.js';
 * import { EXIT } from './io.js';
 *
 * export const helloCommand = defineCommand({
 *   name: 'hello',
 *   summary: 'say hello',
 *   usage: '[options]',
 *   description: 'Prints a greeting.',
 *   options: { name: { type: 'string', value: '<name>', help: 'whom to greet' } },
 *   positionals: false,
 *   async run({ values }, io) {
 *     io.stdout(`hello, ${values.name ?? 'world'}\n`);
 *     return EXIT.ok;
 *   },
 * });
 * ```
 */
export function defineCommand<const TOptions extends OptionSpecs>(command: Command<TOptions>): Command {
  return command as unknown as Command;
}
