/**
 * What every command gets from the outside world, so commands stay plain
 * functions of their arguments (and could be run in-process).
 */

/** Where a command writes and which directory relative paths start from. */
export interface Io {
  /** Results: reports, manifests, schemas. */
  readonly stdout: (text: string) => void;
  /** Errors and warnings, so that `> file` captures only the result. */
  readonly stderr: (text: string) => void;
  /** Standard input, read for the file name `-`. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** The directory relative file arguments are resolved against. */
  readonly cwd: string;
}

/** The exit codes, the same for every command. */
export const EXIT = {
  /** Everything checked is valid (warnings allowed). */
  ok: 0,
  /** Something is invalid, unreadable or failed to build. */
  failure: 1,
  /** The command line itself is wrong: unknown option, missing argument, bad value. */
  usage: 2,
  /** `diff` and `plan` with `--exit-code`: there are differences (or changes to make). */
  differences: 3,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A mistake in the command line; the CLI prints its message on one line and
 * exits with {@link EXIT}.usage.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The first line of an error's message, for one-line reports of errors we did not make. */
export function errorMessage(error: unknown): string {
  // Something thrown that is not an Error but has a message (`throw { message: '…' }`) says it, not "[object Object]".
  const text = guardedMessage(error);
  const message = text ?? (error instanceof Error ? error.message : safeString(error));
  const firstLine = message.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return firstLine === '' ? (error instanceof Error ? error.name : 'unknown error') : firstLine;
}

/** An error's `message`, where it has a string one (read without throwing). */
function guardedMessage(error: unknown): string | undefined {
  try {
    const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** `String(value)`, or a word for a value that cannot be made a string (a null-prototype object, a throwing toString). */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'a value that cannot be shown';
  }
}

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
