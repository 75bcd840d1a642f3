/**
 * `${{ NAME }}` placeholders in manifest strings: how they are written, found
 * and filled. A placeholder stands for the value of an environment variable;
 * it may be a whole string value or part of one
 * (`"https://${{ LP_HOST }}/lp/content"`). `$${{` writes a literal `${{`.
 */

/** A variable name: a letter or `_`, then letters, digits and `_` (as POSIX shells name variables). */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A piece of a template string: literal text, or a variable's name. */
export type TemplatePart = { readonly text: string } | { readonly variable: string };

/** What a template string is made of; `malformed` is true when a `${{` starts no placeholder. */
export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  readonly variables: readonly string[];
  readonly malformed: boolean;
}

/** Whether a string may hold a placeholder or an escape at all (cheap test before parsing). */
export function mayHoldPlaceholder(value: string): boolean {
  return value.includes('${{');
}

/** The rest of a placeholder after its `${{`: optional blanks, a name, optional blanks, `}}`. */
const PLACEHOLDER_REST = /[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}/y;

/**
 * Splits a string into literal text and placeholders.
 *
 * Only a run of `$` right before `{{` means anything: each `$$` in it is one
 * literal `$`, and an odd `$` left over starts a placeholder. So `${{ X }}` is
 * a placeholder, `$${{` a literal `${{`, and `$$${{ X }}` a `$` then a
 * placeholder. Any other `$` is itself. Linear in the length of the string.
 *
 * @example
 * ```ts
 * import { parseTemplate } from './placeholders.js';
 *
 * parseTemplate('https://${{ LP_HOST }}/lp'); // parts: [{ text: 'https://' }, { variable: 'LP_HOST' }, { text: '/lp' }]
 * ```
 */
export function parseTemplate(value: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const variables: string[] = [];
  let malformed = false;
  let text = '';
  let done = 0;
  for (let braces = value.indexOf('{{'); braces !== -1; braces = value.indexOf('{{', braces + 2)) {
    let run = 0;
    while (braces - run - 1 >= done && value.charCodeAt(braces - run - 1) === 0x24 /* $ */) run++;
    if (run === 0) continue;
    const runStart = braces - run;
    text += value.slice(done, runStart) + '$'.repeat(run >> 1);
    done = braces + 2;
    if ((run & 1) === 0) {
      text += '{{';
      continue;
    }
    PLACEHOLDER_REST.lastIndex = done;
    const rest = PLACEHOLDER_REST.exec(value);
    if (rest === null) {
      malformed = true;
      text += '${{';
      continue;
    }
    const name = rest[1]!;
    if (text !== '') parts.push({ text });
    text = '';
    parts.push({ variable: name });
    if (!variables.includes(name)) variables.push(name);
    done = PLACEHOLDER_REST.lastIndex;
    braces = done - 2;
  }
  text += value.slice(done);
  if (text !== '' || parts.length === 0) parts.push({ text });
  return { parts, variables, malformed };
}

/** Writes a variable's placeholder in the one canonical spelling, `${{ NAME }}`. */
export function placeholder(name: string): string {
  return `\${{ ${name} }}`;
}

/**
 * Escapes literal text for a manifest template, so that it reads back as
 * itself rather than as placeholders: every run of `$` right before `{{` is
 * doubled (`${{` becomes `$${{`), and so is a run at the end of the text when
 * a placeholder follows it (`beforePlaceholder`).
 *
 * @param text - Literal text, e.g. a name typed by a user.
 * @param beforePlaceholder - Whether a `${{ NAME }}` placeholder will follow the text directly.
 *
 * @example
 * ```ts
 * import { escapeTemplateText, validateTemplate } from 'lp-app-manifest';
 *
 * const name = escapeTemplateText('Uses ${{ NAME }} syntax'); // 'Uses $${{ NAME }} syntax'
 * const result = validateTemplate({ client_name: name }, { env: {} });
 * if (result.ok) console.log(result.manifest.client_name); // 'Uses ${{ NAME }} syntax'
 * ```
 */
export function escapeTemplateText(text: string, beforePlaceholder = false): string {
  let out = '';
  let done = 0;
  const doubleRunBefore = (end: number): void => {
    let run = 0;
    while (end - run - 1 >= done && text.charCodeAt(end - run - 1) === 0x24 /* $ */) run++;
    out += text.slice(done, end) + '$'.repeat(run);
    done = end;
  };
  for (let braces = text.indexOf('{{'); braces !== -1; braces = text.indexOf('{{', braces + 2)) doubleRunBefore(braces);
  if (beforePlaceholder) doubleRunBefore(text.length);
  return out + text.slice(done);
}
