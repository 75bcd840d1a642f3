/**
 * Markdown for a pull-request comment or a GitHub step summary
 * (`$GITHUB_STEP_SUMMARY`): text from a manifest or a message is escaped, so
 * that it can neither break a table nor become markup (a link, an image, HTML).
 */

/** The most issue rows a Markdown report lists in all: GitHub's step summary holds at most 1 MiB. */
export const MARKDOWN_ROWS = 200;

const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;' } as const;

/**
 * Text as it reads, in a Markdown paragraph or a table cell: HTML's special
 * characters as entities, Markdown's punctuation escaped with `\`, line breaks
 * and `|` made harmless.
 *
 * @example
 * ```ts
 * import { markdownText } from './markdown.js';
 *
 * markdownText('a | b <img>'); // 'a \\| b &lt;img&gt;'
 * ```
 */
export const markdownText = (text: string): string =>
  text
    .replace(/[&<>]/g, (ch) => HTML[ch as keyof typeof HTML])
    .replace(/[\\`*_[\]()#+!|~]/g, (ch) => `\\${ch}`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');

/**
 * A table row of cells already escaped with {@link markdownText}.
 *
 * @example
 * ```ts
 * import { markdownRow } from './markdown.js';
 *
 * markdownRow(['a', 'b']); // '| a | b |'
 * ```
 */
export const markdownRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
