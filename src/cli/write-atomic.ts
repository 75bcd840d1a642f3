/**
 * Writing a file so that readers see the old content or the new, never half
 * of it: write a temporary file beside the target, flush it, rename it over.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `target` with `data` atomically. On any failure the target is left
 * as it was and the temporary file is removed, then the error is rethrown.
 *
 * @example
 * ```ts
 * await writeFileAtomic('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
 * ```
 */
export async function writeFileAtomic(target: string, data: string): Promise<void> {
  // Same directory, so the rename never crosses file systems (which would not be atomic).
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // Keep the permissions of the file being replaced; a new file gets the umask's default.
  const existingMode = await stat(target).then(
    (stats) => stats.mode & 0o777,
    () => undefined,
  );
  let handle;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data, 'utf8');
    if (existingMode !== undefined) await handle.chmod(existingMode);
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
