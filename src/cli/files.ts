/**
 * Reading the files the CLI is pointed at, with every way that can go wrong
 * turned into a one-line message and a stable code instead of a stack trace.
 */
import { open } from 'node:fs/promises';
import { errorCode } from './io.js';
import { findJsonSyntaxError, lineColumn } from './json-position.js';

/**
 * Why a file could not be used; these codes appear in `validate --format json`
 * reports beside the library's issue codes.
 */
export type FileProblemCode =
  | 'file_not_found'
  | 'file_unreadable'
  | 'file_is_directory'
  | 'file_too_large'
  | 'file_empty'
  | 'file_not_utf8'
  | 'invalid_json';

/** A file that could not be read or parsed. The message never quotes the file's content. */
export interface FileProblem {
  readonly code: FileProblemCode;
  readonly message: string;
}

/** What a read gives: the value, or the problem. */
export type ReadResult<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly problem: FileProblem };

/**
 * The largest file the CLI reads. A real manifest is a few kilobytes; this is
 * far above that yet far below V8's maximum string length (about 512 MB), so
 * a wrong file gets a clear message instead of an out-of-memory crash.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const FILE_PROBLEM_CODES: ReadonlySet<string> = new Set<FileProblemCode>([
  'file_not_found',
  'file_unreadable',
  'file_is_directory',
  'file_too_large',
  'file_empty',
  'file_not_utf8',
  'invalid_json',
]);

/** Whether an issue code is one of the file problems (as opposed to a problem inside the manifest). */
export const isFileProblemCode = (code: string): code is FileProblemCode => FILE_PROBLEM_CODES.has(code);

const problem = (code: FileProblemCode, message: string): { ok: false; problem: FileProblem } => ({
  ok: false,
  problem: { code, message },
});

function describeFsError(error: unknown): { ok: false; problem: FileProblem } {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
      return problem('file_not_found', 'file not found');
    case 'ENOTDIR':
      return problem('file_not_found', 'file not found (a part of the path is not a directory)');
    case 'EISDIR':
      return problem('file_is_directory', 'is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return problem('file_unreadable', 'permission denied: cannot read the file');
    default:
      return problem('file_unreadable', `cannot read the file (${code ?? 'unknown error'})`);
  }
}

const JSON_SPACE_ONLY = /^[ \t\n\r]*$/;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Reads a whole file as bytes, refusing directories and anything over `maxBytes`.
 *
 * @example
 * ```ts
 * const read = await readBytes('logo.png');
 * if (!read.ok) console.error(read.problem.message);
 * ```
 */
export async function readBytes(path: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult<Uint8Array>> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return describeFsError(error);
  }
  try {
    // One handle for stat and read, so the checks apply to the file that is read.
    const stats = await handle.stat();
    if (stats.isDirectory()) return problem('file_is_directory', 'is a directory, not a file');
    const tooLarge = (size?: number) =>
      problem(
        'file_too_large',
        size === undefined
          ? `file is too large (over the limit of ${megabytes(maxBytes)})`
          : `file is too large (${megabytes(size)}; the limit is ${megabytes(maxBytes)})`,
      );
    if (stats.isFile()) return stats.size > maxBytes ? tooLarge(stats.size) : { ok: true, value: await handle.readFile() };
    // A pipe or device (/dev/stdin, /dev/zero) has no size to check first: read it up to the limit.
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(1024 * 1024) });
      if (bytesRead === 0) return { ok: true, value: Buffer.concat(chunks, total) };
      total += bytesRead;
      if (total > maxBytes) return tooLarge();
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } catch (error) {
    return describeFsError(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Checks that a path names a regular file this process may open, without
 * reading it (for files that something else will load, such as a module).
 *
 * @example
 * ```ts
 * await checkOpenable('missing.mjs'); // { code: 'file_not_found', message: 'file not found' }
 * ```
 */
export async function checkOpenable(path: string): Promise<FileProblem | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    return stats.isDirectory() ? { code: 'file_is_directory', message: 'is a directory, not a file' } : undefined;
  } catch (error) {
    return describeFsError(error).problem;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Reads and parses a JSON file: UTF-8, a leading byte order mark allowed (and
 * dropped). A syntax error is reported with its line and column, never with
 * the text around it (the file may hold secrets).
 *
 * @example
 * ```ts
 * const read = await readJson('manifest.json');
 * // { ok: false, problem: { code: 'invalid_json', message: 'not valid JSON: expected "," or "}" at line 3, column 5' } }
 * ```
 */
export async function readJson(path: string): Promise<ReadResult<unknown>> {
  const bytes = await readBytes(path);
  return bytes.ok ? parseJsonBytes(bytes.value) : bytes;
}

/**
 * Reads a stream to its end (standard input, for the file name `-`), up to
 * {@link MAX_FILE_BYTES}.
 *
 * @example
 * ```ts
 * const read = await readStream(process.stdin);
 * ```
 */
export async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<ReadResult<Uint8Array>> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > MAX_FILE_BYTES) return problem('file_too_large', `input is too large (over the limit of ${megabytes(MAX_FILE_BYTES)})`);
      chunks.push(bytes);
    }
  } catch (error) {
    return describeFsError(error);
  }
  return { ok: true, value: Buffer.concat(chunks, total) };
}

/**
 * Decodes and parses JSON bytes, with the same rules and messages as {@link readJson}.
 *
 * @example
 * ```ts
 * parseJsonBytes(new TextEncoder().encode('{"client_name": "Acme"}')); // { ok: true, value: { client_name: 'Acme' } }
 * ```
 */
export function parseJsonBytes(bytes: Uint8Array): ReadResult<unknown> {
  let text: string;
  try {
    // fatal: a stray Latin-1 byte is an error, not a silent U+FFFD in the manifest.
    // A UTF-8 byte order mark is dropped by the decoder itself (ignoreBOM: false).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return problem('file_not_utf8', 'is not UTF-8 text (save it as UTF-8)');
  }
  if (JSON_SPACE_ONLY.test(text)) return problem('file_empty', 'file is empty');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return problem('invalid_json', describeSyntaxError(text));
  }
}

function describeSyntaxError(text: string): string {
  const error = findJsonSyntaxError(text);
  // The scanner agrees with JSON.parse (see its tests); this is only a safety net.
  if (error === undefined) return 'not valid JSON';
  const { line, column } = lineColumn(text, error.offset);
  return `not valid JSON: ${error.reason} at line ${line}, column ${column}`;
}
