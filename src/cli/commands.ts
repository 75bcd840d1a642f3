/**
 * The commands of `lp-app-manifest`, in the order `--help` lists them. The
 * program's dispatch and every `--help` read this table only. To add a
 * command, write its module (a `defineCommand(…)` value) and add one entry:
 * its name and how to load it. A command's module is loaded only when it
 * runs (or for `--help`), so what it imports costs no other command's start-up.
 */
import type { Command } from './command.js';
// validate, whose start-up is what most runs (CI, editors, hooks) wait for, is in the CLI's first
// file; every other command is a chunk of its own (dist/cli/…), read only when it runs.
import { validateCommand } from './validate.js';

/** Every command, by name: a loader of its module's command. */
export const COMMANDS = {
  validate: async () => validateCommand,
  fix: async () => (await import('./fix.js')).fixCommand,
  build: async () => (await import('./build.js')).buildCommand,
  schema: async () => (await import('./schema.js')).schemaCommand,
  init: async () => (await import('./init.js')).initCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  pull: async () => (await import('./pull.js')).pullCommand,
  plan: async () => (await import('./plan.js')).planCommand,
  apply: async () => (await import('./apply.js')).applyCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  code: async () => (await import('./code.js')).codeCommand,
  web: async () => (await import('./web.js')).webCommand,
} as const satisfies Readonly<Record<string, () => Promise<Command>>>;

/** One of the commands' names. */
export type CommandName = keyof typeof COMMANDS;

/** The command names, in table order. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as readonly CommandName[];

/** Whether a word names a command. */
export const isCommandName = (word: string): word is CommandName => Object.hasOwn(COMMANDS, word);

/**
 * Every command, loaded, in table order (for the top-level `--help`).
 *
 * @example
 * ```ts
 * import { loadCommands } from './commands.js';
 *
 * console.log((await loadCommands()).map((command) => command.name).join(', ')); // validate, build, schema, init, …
 * ```
 */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_NAMES.map((name) => COMMANDS[name]()));
}
