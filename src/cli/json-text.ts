/**
 * JSON text as the CLI reads it: the library's reading with positions
 * (lp-app-manifest/text), its findings turned into the CLI's issues, each
 * with the position it points at.
 */
import { duplicateKeyIssue } from '../text/issues.js';
import { parseManifestText, type TextPosition } from '../text/read.js';
import { fileIssue, type CliIssueCounts, type FileIssue } from './file-issues.js';
import { MAX_LISTED } from './report.js';

/** A 1-based line and column, the way editors show them. */
export type Position = TextPosition;

/** A JSON text that parsed: its value, its repeated keys, and a way to find where a path is. */
export interface JsonDocument {
  readonly value: unknown;
  /** One `duplicate_key` issue per repeated member name, at its path and the position of the repetition, in text order: the first {@link MAX_LISTED}. */
  readonly duplicates: readonly { readonly issue: FileIssue; readonly position: Position }[];
  /** The repeated names past those, counted by code. */
  readonly omittedDuplicates: CliIssueCounts | undefined;
  /** Where the value at each path starts (a member: its name); a path not in the text gives its nearest ancestor's position. */
  locate(paths: readonly (readonly (string | number)[])[]): Position[];
}

/**
 * Parses a JSON text (already decoded, byte order mark removed).
 *
 * @example
 * ```ts
 * import { parseJsonText } from './json-text.js';
 *
 * const parsed = parseJsonText('{"a": 1, "a": 2}');
 * if (parsed.ok) console.log(parsed.document.duplicates[0]?.issue.message);
 * // key "a" appears more than once in this object (at line 1, column 2 and at line 1, column 10); …
 * ```
 */
export function parseJsonText(
  text: string,
):
  | { readonly ok: true; readonly document: JsonDocument }
  | { readonly ok: false; readonly issue: FileIssue; readonly position: Position | undefined } {
  const parsed = parseManifestText(text, { maxDuplicates: MAX_LISTED });
  if (!parsed.ok) {
    const { reason, position } = parsed;
    return {
      ok: false,
      issue: fileIssue([], 'invalid_json', { reason, line: position?.line, column: position?.column }),
      position,
    };
  }
  // Neither a name that is not an HTTP token nor anything inside a secret place is shown: duplicateKeyIssue decides.
  const duplicates = parsed.duplicates.map((duplicate) => ({ issue: duplicateKeyIssue(duplicate), position: duplicate.again }));
  const { count, notShown } = parsed.omittedDuplicates;
  const omittedDuplicates =
    count === 0
      ? undefined
      : Object.fromEntries(
          [
            ['duplicate_key', count - notShown],
            ['duplicate_key_not_shown', notShown],
          ].filter(([, n]) => n !== 0),
        );
  return { ok: true, document: { value: parsed.value, duplicates, omittedDuplicates, locate: parsed.locate } };
}
