/**
 * Reading the files the CLI is pointed at, with every way that can go wrong
 * turned into an issue with a file-level code (`file_not_found`, …) and a
 * one-line message, never a stack trace.
 */
import { isUtf8 } from 'node:buffer';
import { promisify } from 'node:util';
import { fileIssue, type FileIssue } from './file-issues.js';
import { errorCode } from './io.js';
import { fs } from './node-fs.js';

/** A problem with a file: its file-level code and message (a {@link FileIssue} is one). */
export type FileProblem = Pick<FileIssue, 'code' | 'message'>;

/** What a read gives: the value, or the file-level issue that stopped it. The issue never quotes the file's content. */
export type ReadResult<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly issue: FileIssue };

/**
 * The largest file the CLI reads. A real manifest is a few kilobytes; this is
 * far above that yet far below V8's maximum string length (about 512 MB), so
 * a wrong file gets a clear message instead of an out-of-memory crash.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

// node:fs's callback API (see node-fs.ts), not node:fs/promises, which brings streams, readline
// and more: a few milliseconds of every run's start-up.
const openFile = promisify(fs.open);
const statFile = promisify(fs.fstat);
const readChunk = promisify(fs.read);
const closeFile = promisify(fs.close);

const fail = (issue: FileIssue): { ok: false; issue: FileIssue } => ({ ok: false, issue });

function describeFsError(error: unknown): FileIssue {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fileIssue([], 'file_not_found', { partIsNotDirectory: code === 'ENOTDIR' });
    case 'EISDIR':
      return fileIssue([], 'file_is_directory', {});
    default:
      return fileIssue([], 'file_unreadable', { errno: code });
  }
}

const tooLarge = (limit: number, size?: number): FileIssue => fileIssue([], 'file_too_large', { limit, size });

/**
 * Reads a whole file as bytes, refusing directories and anything over `maxBytes`.
 *
 * @example
 * ```ts
 * import { readBytes } from './files.js';
 *
 * const read = await readBytes('logo.png');
 * if (!read.ok) console.error(read.issue.message);
 * ```
 */
export async function readBytes(path: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult<Uint8Array>> {
  // A regular file is opened, checked and read synchronously: the CLI waits for it anyway, and the
  // asynchronous calls would start libuv's thread pool and take event-loop turns, about 2 ms of a
  // one-file validate's cold start. A pipe or device is read asynchronously, as it may never end.
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    return fail(describeFsError(error));
  }
  try {
    // One descriptor for stat and read, so the checks apply to the file that is read.
    const stats = fs.fstatSync(fd);
    if (stats.isDirectory()) return fail(fileIssue([], 'file_is_directory', {}));
    if (stats.isFile())
      return stats.size > maxBytes ? fail(tooLarge(maxBytes, stats.size)) : { ok: true, value: fs.readFileSync(fd) };
    // A pipe or device (/dev/stdin, /dev/zero) has no size to check first: read it up to the limit.
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(1024 * 1024);
      const { bytesRead } = await readChunk(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) return { ok: true, value: Buffer.concat(chunks, total) };
      total += bytesRead;
      if (total > maxBytes) return fail(tooLarge(maxBytes));
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } catch (error) {
    return fail(describeFsError(error));
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Nothing was written through it: a failed close loses nothing.
    }
  }
}

/**
 * Checks that a path names a regular file this process may open, without
 * reading it (for files that something else will load, such as a module).
 *
 * @example
 * ```ts
 * import { checkOpenable } from './files.js';
 *
 * (await checkOpenable('missing.mjs'))?.message; // 'file not found'
 * ```
 */
export async function checkOpenable(path: string): Promise<FileIssue | undefined> {
  let fd: number | undefined;
  try {
    fd = await openFile(path, 'r');
    const stats = await statFile(fd);
    return stats.isDirectory() ? fileIssue([], 'file_is_directory', {}) : undefined;
  } catch (error) {
    return describeFsError(error);
  } finally {
    if (fd !== undefined) await closeFile(fd).catch(() => undefined);
  }
}

/**
 * Reads a stream to its end (standard input, for the file name `-`), up to
 * {@link MAX_FILE_BYTES}.
 *
 * @example
 * ```ts
 * import { readStream } from './files.js';
 *
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
      if (total > MAX_FILE_BYTES) return fail(tooLarge(MAX_FILE_BYTES));
      chunks.push(bytes);
    }
  } catch (error) {
    return fail(describeFsError(error));
  }
  return { ok: true, value: Buffer.concat(chunks, total) };
}

const JSON_SPACE_ONLY = /^[ \t\n\r]*$/;

/**
 * Decodes the bytes of a JSON file: UTF-8 only (a stray Latin-1 byte is an
 * error, not a silent U+FFFD), a leading byte order mark dropped; a file of
 * nothing but white space is `file_empty`.
 *
 * @example
 * ```ts
 * import { decodeJsonText } from './files.js';
 *
 * decodeJsonText(new TextEncoder().encode('\uFEFF{}')); // { ok: true, value: '{}' }
 * ```
 */
export function decodeJsonText(bytes: Uint8Array): ReadResult<string> {
  // isUtf8 is strict (no lone surrogates, no overlong forms), like a fatal TextDecoder, and cheaper to start.
  if (!isUtf8(bytes)) return fail(fileIssue([], 'file_not_utf8', {}));
  const decoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (JSON_SPACE_ONLY.test(text)) return fail(fileIssue([], 'file_empty', {}));
  return { ok: true, value: text };
}
