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
import type { TemplateVariables } from '../index.js';
import type { OptionSpecs } from './command.js';
import { fileIssue, type FileIssue } from './file-issues.js';
import { readBytes } from './files.js';

/** What {@link scanEnvLines} finds in a `.env` text (line numbers from 1). */
export interface EnvLineScan {
  /** Lines Node's parser cannot read: not blank, not a `#` comment, without a `=`, and not inside a quoted value that spans lines. */
  readonly skipped: readonly number[];
  /** `NAME=value` lines whose unquoted value has a `#` right after other text (`KEY=abc#def`): the parser cuts the value there. */
  readonly cut: readonly number[];
}

/**
 * The lines of a `.env` text that Node's parser would read other than as written: lines without a
 * `=` (`skipped`), which it skips without a word, and worse, joins with the next line, so that the
 * variable there reads as unset; and unquoted values with a `#` inside (`cut`), which it cuts at
 * the `#` (a secret often holds one). A typo such as `LP_TOKEN abc` would otherwise leave a
 * variable unset, or set only in the environment, silently.
 */
export function scanEnvLines(text: string): EnvLineScan {
  const skipped: number[] = [];
  const cut: number[] = [];
  let open: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (open !== undefined) {
      if (line.includes(open)) open = undefined;
      return;
    }
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    if (equals === -1) {
      skipped.push(index + 1);
      return;
    }
    // A value that opens a quote it does not close on this line goes on to the line that closes it.
    const value = line.slice(equals + 1).trim();
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      if (!value.slice(1).includes(quote)) open = quote;
    } else if (/[^\s#]#/.test(value)) cut.push(index + 1);
  });
  return { skipped, cut };
}

/** The text with the given lines (from 1) made blank, line endings kept: what Node's parser should read. */
const withoutLines = (text: string, lines: readonly number[]): string => {
  if (lines.length === 0) return text;
  const blank = new Set(lines);
  return text
    .split('\n')
    .map((line, index) => (blank.has(index + 1) ? (line.endsWith('\r') ? '\r' : '') : line))
    .join('\n');
};

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
  | { readonly ok: false; readonly file: string; readonly issue: FileIssue };

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
  warn: (line: string) => void = () => undefined,
): Promise<DotenvResult> {
  const variables: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const file of files) {
    const read = await readBytes(resolve(cwd, file));
    if (!read.ok) return { ok: false, file, issue: read.issue };
    if (!isUtf8(read.value)) return { ok: false, file, issue: fileIssue([], 'file_not_utf8', {}) };
    const text = Buffer.from(read.value).toString('utf8');
    const { skipped, cut } = scanEnvLines(text);
    for (const line of skipped) {
      warn(`${file}:${line}: warning: not a NAME=value line, so it was skipped (its text is not shown: it may hold a secret)`);
    }
    for (const line of cut) {
      warn(
        `${file}:${line}: warning: the value has a # after other text, where a .env comment starts, so it was cut there; quote the value ("…") to keep the # (its text is not shown: it may hold a secret)`,
      );
    }
    // A skipped line is left out before parsing: Node's parser would read it and the next line as one.
    Object.assign(variables, parseEnv(withoutLines(text, skipped)));
  }
  for (const [name, value] of Object.entries(environment)) if (value !== undefined) variables[name] = value;
  return { ok: true, variables };
}
