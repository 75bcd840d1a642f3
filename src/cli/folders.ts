/**
 * The files a folder argument stands for: `validate manifests/` checks every
 * `.json` file in the folder and its subfolders, so a command line never
 * depends on a shell that expands `*.json` (Windows' shells don't).
 */
import { join, resolve } from 'node:path';
import { fileIssue, type FileIssue } from './file-issues.js';
import { errorCode } from './io.js';
import { fs } from './node-fs.js';

/** One file to check, as the command line names it, or a folder that could not be listed. */
export interface ListedFile {
  /** The path as shown: the argument, or the folder argument joined with the names below it. */
  readonly file: string;
  /** Set when this entry cannot be checked: a folder that cannot be read, or holds no `.json` file. */
  readonly problem?: FileIssue;
}

/** Folders that are never searched: installed packages, and hidden folders such as `.git`. */
const skipped = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

const isJsonName = (name: string): boolean => name.toLowerCase().endsWith('.json');

// Plain code-unit order, not the locale's: the same folder lists the same way on every machine.
const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function isDirectory(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    // A path that cannot be looked at is read as a file: the read then says what is wrong with it.
    return false;
  }
}

/** Adds the `.json` files in `folder` and below it, name by name; a folder that cannot be read is an entry with its problem. */
function addFolder(path: string, shown: string, out: ListedFile[]): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = fs.readdirSync(path, { withFileTypes: true }).sort(byName);
  } catch (error) {
    out.push({ file: shown, problem: fileIssue([], 'file_unreadable', { errno: errorCode(error) }) });
    return;
  }
  for (const entry of entries) {
    const childPath = join(path, entry.name);
    const childShown = join(shown, entry.name);
    // A linked folder is not followed (a link can loop back), a linked file is checked.
    if (entry.isDirectory()) {
      if (!skipped(entry.name)) addFolder(childPath, childShown, out);
    } else if (isJsonName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && !isDirectory(childPath)))) {
      // A link to a file is checked; a link to nothing is listed too, and its read says what is wrong.
      out.push({ file: childShown });
    }
  }
}

/**
 * The files the arguments name: a file (or `-`) as it is, a folder as the
 * `.json` files in it and its subfolders (skipping `node_modules` and hidden
 * folders), each folder's entries in name order. A folder with no `.json`
 * file is an entry with the problem `folder_without_json`, so a check of an
 * empty or mistyped folder fails instead of passing with nothing checked.
 *
 * @example
 * ```ts
 * import { listFiles } from './folders.js';
 *
 * listFiles(['manifests', 'extra.json'], process.cwd());
 * // [{ file: 'manifests/a.json' }, { file: 'manifests/staging/b.json' }, { file: 'extra.json' }]
 * ```
 */
export function listFiles(args: readonly string[], cwd: string): ListedFile[] {
  const out: ListedFile[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    if (arg === '-' || !isDirectory(path)) {
      out.push({ file: arg });
      continue;
    }
    const before = out.length;
    addFolder(path, arg, out);
    if (out.length === before) out.push({ file: arg, problem: fileIssue([], 'folder_without_json', {}) });
  }
  return out;
}
