/**
 * `fixManifestText`: every mechanical repair of a manifest's JSON text applied, until none is left.
 */
import { applyEdits, modify } from 'jsonc-parser';
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
import { offsetAt } from './place.js';
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
  const applied: AppliedRepair[] = [];
  // Each round's edits, to find where a later repair's issue was in the text as given.
  const rounds: TextEdit[][] = [];
  const startOf = (offset: number): TextPosition => {
    let at = offset;
    for (let i = rounds.length - 1; i >= 0; i--) at = offsetBefore(at, rounds[i]!);
    const bom = original.startsWith('\ufeff') ? 1 : 0;
    return positionsOf(original.slice(bom), [Math.max(at - bom, 0)])[0]!;
  };
  let check = checkManifestText(text, options);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen: {
      readonly issue: TextIssue | undefined;
      readonly code: string;
      readonly path: string;
      readonly title: string;
      readonly from: number;
      readonly edits: readonly TextEdit[];
    }[] = [];
    const schema = schemaRepair(text, options, check);
    if (schema !== undefined) chosen.push(schema);
    for (const issue of [...check.issues, ...check.warnings]) {
      if (issue.repair === undefined) continue;
      const candidate = {
        issue,
        code: issue.code,
        path: issue.path,
        title: issue.repair.title,
        // Where validate points, in this round's text.
        from: bomOf(text) + offsetAt(text.slice(bomOf(text)), issue.start.line, issue.start.column),
        edits: issue.repair.edits,
      };
      if (chosen.every((other) => !overlaps(other.edits, candidate.edits))) chosen.push(candidate);
    }
    if (chosen.length === 0) break;
    const edits = chosen.flatMap((repair) => repair.edits).sort((a, b) => a.offset - b.offset);
    for (const repair of chosen)
      applied.push({ code: repair.code, path: repair.path, title: repair.title, start: startOf(repair.from) });
    text = applyEdits(text, edits);
    rounds.push(edits);
    check = checkManifestText(text, options);
  }
  return { text: applied.length === 0 ? original : text, applied, check };
}

const bomOf = (text: string): number => (text.startsWith('\ufeff') ? 1 : 0);

/** Whether two sets of edits touch the same text (or one inserts where the other edits). */
function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.offset < y.offset + Math.max(y.length, 1) && y.offset < x.offset + Math.max(x.length, 1)));
}

/** Where an offset of the text after `edits` was before them (inside an edit's new content: where the edit was). */
function offsetBefore(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    const start = edit.offset + shift;
    if (offset < start) break;
    if (offset < start + edit.content.length) return edit.offset;
    shift += edit.content.length - edit.length;
  }
  return offset - shift;
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
