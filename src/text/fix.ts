/**
 * `fixManifestText`: every mechanical repair of a manifest's JSON text applied, until none is left.
 */
import { modify } from 'jsonc-parser';
import { profileChoice, schemaProfile } from '../rules/profiles.js';
import { EDITOR_SCHEMA_KEY } from '../rules/tables.js';
import {
  checkManifestText,
  type CheckedManifestText,
  type CheckManifestTextOptions,
  type TextEdit,
  type TextIssue,
} from './check.js';
import { positionsOf, type TextPosition } from './parse.js';
import { offsetAt, offsetsAt } from './place.js';
import { formattingOf } from './repairs.js';

/**
 * Options of {@link fixManifestText}: those of `checkManifestText`, and the `"$schema"` to write.
 *
 * @example
 * ```ts
 * import { fixManifestText, type FixManifestTextOptions } from 'lp-app-manifest/text';
 *
 * const options: FixManifestTextOptions = {
 *   profile: 'connector',
 *   schema: './node_modules/lp-app-manifest/schema/connector.schema.json',
 * };
 * fixManifestText('{ "client_name": "Acme" }', options).text;
 * // '{\n  "$schema": "./node_modules/lp-app-manifest/schema/connector.schema.json",\n  "client_name": "Acme"\n}'
 * ```
 */
export interface FixManifestTextOptions extends CheckManifestTextOptions {
  /**
   * The `"$schema"` of the profile asked for (`profile`): written where the text has none or names the other
   * profile's schema. It must name `<profile>.schema.json` (else it is not written). Where the schema is, relative
   * to the file, the caller knows (the command line's `fix` writes what `init` writes).
   */
  readonly schema?: string | undefined;
}

/**
 * One repair made: the issue's code and path, what the repair did, and where the issue was in the
 * text as given (1-based line and column).
 *
 * @example
 * ```ts
 * import { fixManifestText, type AppliedRepair } from 'lp-app-manifest/text';
 *
 * const applied: readonly AppliedRepair[] = fixManifestText('{ "client_name": "Acme", "enabled": "true" }').applied;
 * // [{ code: 'invalid_type', path: 'enabled', title: 'write true (a boolean), not the string "true"', start: { line: 1, column: 26 } }]
 * ```
 */
export interface AppliedRepair {
  /** The code of the issue repaired (`schema_missing`: a `"$schema"` written where there was none). */
  readonly code: string;
  /** The issue's JSON path. */
  readonly path: string;
  /** What the repair did, in words (never a header value or a `client_secret`). */
  readonly title: string;
  /** Where the issue was, in the text as given. */
  readonly start: TextPosition;
}

/**
 * What {@link fixManifestText} gives: the repaired text, the repairs made, and the repaired text checked.
 *
 * @example
 * ```ts
 * import { fixManifestText, type FixedManifestText } from 'lp-app-manifest/text';
 *
 * const fixed: FixedManifestText = fixManifestText('{ "client_name": "Acme", }');
 * console.log(fixed.text, fixed.check.ok); // { "client_name": "Acme" } true
 * ```
 */
export interface FixedManifestText {
  /** The repaired text (`===` the text given when nothing was repaired). */
  readonly text: string;
  /** The repairs made, in the order made. */
  readonly applied: readonly AppliedRepair[];
  /** The repaired text, checked: what is left. */
  readonly check: CheckedManifestText;
}

/** The most rounds of repairs: each round repairs what does not overlap, then checks again. */
const MAX_ROUNDS = 100;

/**
 * Applies every repair `checkManifestText` offers (and the `"$schema"` given), round after round,
 * until none is left: each round applies the repairs that do not overlap, then checks the text
 * again (a repair can reveal or change another). Keeps the text's indentation, key order and line
 * ends. Never throws; never writes a repair that changes what the manifest means.
 *
 * @example
 * ```ts
 * import { fixManifestText } from 'lp-app-manifest/text';
 *
 * const fixed = fixManifestText('{\n  "client_name": "Acme",\n  "response_types": "code",\n  "client_id": "abc",\n}\n');
 * console.log(fixed.text); // {\n  "client_name": "Acme",\n  "response_types": ["code"]\n}\n
 * for (const repair of fixed.applied) console.log(`${repair.start.line}:${repair.start.column} ${repair.title}`);
 * ```
 */
export function fixManifestText(text: string, options: FixManifestTextOptions = {}): FixedManifestText {
  if (typeof text !== 'string') text = '';
  const original = text;
  // What was repaired, and where its issue was in the text as given (an offset, made a position at the end).
  const made: { readonly code: string; readonly path: string; readonly title: string; readonly offset: number }[] = [];
  // Each round's edits, to find where a later repair's issue was in the text as given.
  const rounds: Round[] = [];
  const originalOffset = (offset: number): number => {
    let at = offset;
    for (let i = rounds.length - 1; i >= 0; i--) at = offsetBefore(at, rounds[i]!);
    return at;
  };
  // Every issue is looked at while repairing, not only the first 1,000 a check lists; what is left is listed as asked.
  const repairing = { ...options, maxIssues: Number.MAX_SAFE_INTEGER };
  let check = checkManifestText(text, repairing);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen: {
      readonly issue: TextIssue | undefined;
      readonly code: string;
      readonly path: string;
      readonly title: string;
      readonly from: number;
      readonly edits: readonly TextEdit[];
    }[] = [];
    const taken = new TakenRanges();
    const schema = schemaRepair(text, options, check);
    if (schema !== undefined && taken.claim(schema.edits)) chosen.push(schema);
    const repairable = [...check.issues, ...check.warnings].filter((issue) => issue.repair !== undefined);
    // Where validate points, in this round's text: one pass over it for all.
    const bom = bomOf(text);
    const froms = offsetsAt(
      text.slice(bom),
      repairable.map((issue) => issue.start),
    );
    for (const [i, issue] of repairable.entries()) {
      const candidate = {
        issue,
        code: issue.code,
        path: issue.path,
        title: issue.repair!.title,
        from: bom + froms[i]!,
        edits: issue.repair!.edits,
      };
      if (taken.claim(candidate.edits)) chosen.push(candidate);
    }
    if (chosen.length === 0) break;
    const edits = chosen.flatMap((repair) => repair.edits).sort((a, b) => a.offset - b.offset);
    for (const repair of chosen)
      made.push({ code: repair.code, path: repair.path, title: repair.title, offset: originalOffset(repair.from) });
    text = applySorted(text, edits);
    rounds.push(roundOf(edits));
    check = checkManifestText(text, repairing);
  }
  if (options.maxIssues !== Number.MAX_SAFE_INTEGER) check = checkManifestText(text, options);
  const bom = bomOf(original);
  const starts = positionsOf(
    original.slice(bom),
    made.map((repair) => Math.max(repair.offset - bom, 0)),
  );
  const applied: AppliedRepair[] = made.map(({ code, path, title }, i) => ({ code, path, title, start: starts[i]! }));
  return { text: applied.length === 0 ? original : text, applied, check };
}

const bomOf = (text: string): number => (text.startsWith('\ufeff') ? 1 : 0);

/**
 * The text with `edits` (sorted by offset, none overlapping) applied, in one pass: what jsonc-parser's
 * `applyEdits` gives, which copies the whole text once per edit (a round of a hostile file's
 * thousands of repairs would then take time in their number times the text's length).
 */
function applySorted(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const { offset, length, content } of edits) {
    parts.push(text.slice(at, offset), content);
    at = offset + length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * The parts of the text a round's repairs edit, sorted: a repair whose edits touch one (or insert
 * where one edits) waits for the next round. A binary search each: a round may hold a thousand.
 */
class TakenRanges {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];

  /** Takes the ranges of `edits` if none touches one taken already; whether it did. */
  claim(edits: readonly TextEdit[]): boolean {
    const ranges = edits.map((edit) => [edit.offset, edit.offset + Math.max(edit.length, 1)] as const);
    if (ranges.some(([start, end]) => this.#touches(start, end))) return false;
    for (const [start, end] of ranges) {
      const at = this.#firstEndingAfter(start);
      this.#starts.splice(at, 0, start);
      this.#ends.splice(at, 0, end);
    }
    return true;
  }

  /** The index of the first taken range that ends after `offset`. */
  #firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.#ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#ends[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #touches(start: number, end: number): boolean {
    const at = this.#firstEndingAfter(start);
    return at < this.#starts.length && this.#starts[at]! < end;
  }
}

/** A round's edits (sorted, not overlapping), with where each starts in the text after the round and the shift before it. */
interface Round {
  readonly edits: readonly TextEdit[];
  /** Each edit's start in the text after the round. */
  readonly starts: readonly number[];
  /** How far the text after the round is shifted at each edit's start, by the edits before it. */
  readonly shifts: readonly number[];
}

function roundOf(edits: readonly TextEdit[]): Round {
  const starts: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  for (const edit of edits) {
    starts.push(edit.offset + shift);
    shifts.push(shift);
    shift += edit.content.length - edit.length;
  }
  return { edits, starts, shifts };
}

/** Where an offset of the text after a round was before it (inside an edit's new content: where the edit was). */
function offsetBefore(offset: number, { edits, starts, shifts }: Round): number {
  // The last edit that starts at or before the offset (a binary search: a round may hold a thousand edits).
  let low = 0;
  let high = edits.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (found === -1) return offset;
  const edit = edits[found]!;
  if (offset < starts[found]! + edit.content.length) return edit.offset;
  return offset - (shifts[found]! + edit.content.length - edit.length);
}

/** The `"$schema"` given, written where the text has none or names the other profile's schema. */
function schemaRepair(text: string, options: FixManifestTextOptions, check: CheckedManifestText) {
  const { schema, profile } = options;
  if (schema === undefined || profile === undefined || schemaProfile({ [EDITOR_SCHEMA_KEY]: schema }) !== profile)
    return undefined;
  if (check.issues.some((issue) => issue.code === 'invalid_json' || issue.code.startsWith('duplicate_key'))) return undefined;
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  const body = text.slice(bom);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const written = (value as Record<string, unknown>)[EDITOR_SCHEMA_KEY];
  const missing = !Object.hasOwn(value, EDITOR_SCHEMA_KEY);
  if (!missing && (typeof written !== 'string' || profileChoice(value, profile).mismatch === undefined)) return undefined;
  const edits = modify(body, [EDITOR_SCHEMA_KEY], schema, {
    formattingOptions: formattingOf(body),
    getInsertionIndex: () => 0,
  }).map((edit) => ({ ...edit, offset: edit.offset + bom }));
  const mismatch = check.warnings.find((issue) => issue.code === 'schema_profile_mismatch');
  return {
    issue: mismatch,
    code: missing ? 'schema_missing' : 'schema_profile_mismatch',
    path: EDITOR_SCHEMA_KEY,
    title: `${missing ? 'add' : 'write'} "$schema": ${JSON.stringify(schema)}, the ${profile} profile's schema`,
    from: mismatch === undefined ? bom : bom + offsetAt(body, mismatch.start.line, mismatch.start.column),
    edits,
  };
}
