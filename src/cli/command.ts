/**
 * The shape every command has, so the program can list, route and document them alike.
 */
import type { ExitCode, Io } from './io.js';

/** The commands, in the order `--help` lists them. */
export const COMMAND_NAMES = ['validate', 'build', 'schema', 'init'] as const;

/** One of {@link COMMAND_NAMES}. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Whether a word is a command's name. */
export const isCommandName = (word: string): word is CommandName => (COMMAND_NAMES as readonly string[]).includes(word);

/** A subcommand of `lp-app-manifest`. */
export interface Command {
  readonly name: CommandName;
  /** One line for the top-level help. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /**
   * Runs the command; throws `UsageError` for a bad command line, and
   * returns the exit code otherwise (it never calls `process.exit`, so output is flushed).
   */
  run(args: readonly string[], io: Io): Promise<ExitCode>;
}
