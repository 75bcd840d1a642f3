/**
 * Writing a file so that readers see the old content or the new, never half
 * of it (even on Ctrl-C): write a temporary file beside the target, flush it,
 * rename it over. A file that holds a secret is written readable by its owner
 * only, from the first byte.
 */
import { lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode, errorMessage } from './io.js';

/** How to write: `secret: true` makes the file mode 0600 (owner read/write only), whatever it replaces. */
export interface WriteOptions {
  readonly secret?: boolean;
}

/**
 * Replaces `target` with `data` atomically. On any failure the target is left
 * as it was and the temporary file is removed, then the error is rethrown. A
 * target that is a device, a pipe or a socket is refused (`code: 'ENOTFILE'`):
 * the rename would replace it; a symbolic link is replaced, not followed.
 * Without `secret`, the file keeps the mode of the file it replaces (a new
 * one gets the umask's default).
 *
 * @example
 * ```ts
 * import { ManifestBuilder } from 'lp-app-manifest';
 * import { writeFileAtomic } from './write-atomic.js';
 *
 * const manifest = ManifestBuilder.general().clientName('Acme App').build();
 * await writeFileAtomic('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
 * await writeFileAtomic('credentials.json', '{"client_secret":"…"}\n', { secret: true });
 * ```
 */
export async function writeFileAtomic(target: string, data: string, { secret = false }: WriteOptions = {}): Promise<void> {
  // A rename would replace a device or a pipe (/dev/stdout, a FIFO) with a regular file: refuse it.
  const existing = await lstat(target).catch(() => undefined);
  if (
    existing !== undefined &&
    (existing.isCharacterDevice() || existing.isBlockDevice() || existing.isFIFO() || existing.isSocket())
  ) {
    throw Object.assign(
      new Error('is a device, a pipe or a socket, not a file: give a file path (or leave the option out to print to stdout)'),
      {
        code: 'ENOTFILE',
      },
    );
  }
  // node:crypto takes longer to load than the rest of the CLI: only a write pays for it.
  const { randomBytes } = await import('node:crypto');
  // Same directory, so the rename never crosses file systems (which would not be atomic).
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = secret
    ? 0o600
    : await stat(target).then(
        (stats) => stats.mode & 0o777,
        () => undefined,
      );
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    // A secret's file is created 0600, so it is never readable by others, not even for a moment.
    handle = await open(temp, 'wx', secret ? 0o600 : 0o666);
    await handle.writeFile(data, 'utf8');
    if (mode !== undefined) await handle.chmod(mode);
    // Flush before renaming: otherwise a crash can leave the new name pointing at an empty file.
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Why a file could not be written, in words (`the directory does not exist`), for every command
 * that writes one (`build --out`, `init --out`, `pull --out`).
 *
 * @example
 * ```ts
 * import { describeWriteError } from './write-atomic.js';
 *
 * describeWriteError(Object.assign(new Error('x'), { code: 'ENOENT' })); // 'the directory does not exist'
 * ```
 */
export function describeWriteError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'the directory does not exist';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
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
