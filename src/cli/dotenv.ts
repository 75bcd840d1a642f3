/**
 * The variables a manifest template is filled from: `.env` files named by
 * `--dotenv` (repeatable; a later file wins over an earlier one), then the
 * process environment, which wins over every file, as with other dotenv
 * tools: a value set in CI or on the command line is never overridden by a
 * file. Files are parsed by Node's own `.env` parser (`util.parseEnv`).
 */
import { isUtf8 } from 'node:buffer';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { makeIssue, type TemplateVariables, type ValidationIssue } from '../index.js';
import type { OptionSpecs } from './command.js';
import { readBytes } from './files.js';

/** The option of every command that reads a manifest or template: where its `${{ NAME }}` placeholders come from. */
export const DOTENV_OPTION = {
  dotenv: {
    type: 'string',
    multiple: true,
    value: '<file>',
    help: 'fill ${{ NAME }} placeholders and env(...) references from\nthis .env file too (repeatable: a later file wins; the\nenvironment wins over files)',
  },
} as const satisfies OptionSpecs;

/** The variables, or the first `--dotenv` file that could not be read, with its file-level issue. */
export type DotenvResult =
  | { readonly ok: true; readonly variables: TemplateVariables }
  | { readonly ok: false; readonly file: string; readonly issue: ValidationIssue };

/**
 * Reads the `--dotenv` files in order (resolved against `cwd`) and lays the
 * process environment over them.
 *
 * @example
 * ```ts
 * import { loadVariables } from './dotenv.js';
 *
 * const loaded = await loadVariables(['.env.production'], process.cwd());
 * if (loaded.ok) console.log(Object.keys(loaded.variables).length);
 * ```
 */
export async function loadVariables(
  files: readonly string[],
  cwd: string,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<DotenvResult> {
  const variables: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const file of files) {
    const read = await readBytes(resolve(cwd, file));
    if (!read.ok) return { ok: false, file, issue: read.issue };
    if (!isUtf8(read.value)) return { ok: false, file, issue: makeIssue([], 'file_not_utf8', {}) };
    Object.assign(variables, parseEnv(Buffer.from(read.value).toString('utf8')));
  }
  for (const [name, value] of Object.entries(environment)) if (value !== undefined) variables[name] = value;
  return { ok: true, variables };
}
