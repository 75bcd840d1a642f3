/**
 * A manifest's JSON text, checked and each issue placed in it: what the command line's `validate`
 * and `fix` and the web page show, from one function, so they say the same thing at the same place.
 */
import { findNodeAtOffset } from 'jsonc-parser';
import { validateTemplate, type Profile, type TemplateVariables, type ValidationIssue } from '../index.js';
import { profileChoice } from '../rules/profiles.js';
import { duplicateKeyIssue, textIssue, type TextLevelIssue } from './issues.js';
import { locateOffsets, parseManifestText, positionsOf, type TextPosition } from './parse.js';
import { offsetAt, offsetsAt, spanOf, treeOf, type Tree } from './place.js';
import { repairOf, trialBudget, type RepairContext } from './repairs.js';

/**
 * One text edit, jsonc-parser's `Edit` shape: replace `length` UTF-16 code units at `offset` with `content`.
 *
 * @example
 * ```ts
 * import type { TextEdit } from 'lp-app-manifest/text';
 *
 * const edit: TextEdit = { offset: 24, length: 1, content: '' }; // removes one character
 * ```
 */
export interface TextEdit {
  /** Where the edit starts, in UTF-16 code units from the start of the text. */
  readonly offset: number;
  /** How many UTF-16 code units it replaces (0: an insertion). */
  readonly length: number;
  /** What it writes there (`''`: a deletion). */
  readonly content: string;
}

/**
 * The one correct repair of an issue: the edits of the text that make it, and what it does in words.
 *
 * @example
 * ```ts
 * import { checkManifestText, type Repair } from 'lp-app-manifest/text';
 *
 * const checked = checkManifestText('{ "client_name": "Acme", "enabled": "true" }');
 * const repair: Repair | undefined = checked.issues[0]?.repair;
 * console.log(repair?.title); // 'write true (a boolean), not the string "true"'
 * ```
 */
export interface Repair {
  /** What changes, in words; it never quotes a header value or a `client_secret`. */
  readonly title: string;
  /** The edits, in the text the issue was found in (apply them with jsonc-parser's `applyEdits`). */
  readonly edits: readonly TextEdit[];
}

/**
 * An issue placed in the text: the validator's (or the text's own: not JSON, a repeated key, a
 * `"$schema"` for another profile) with where it is, and its repair when it has exactly one.
 *
 * @example
 * ```ts
 * import { checkManifestText, type TextIssue } from 'lp-app-manifest/text';
 *
 * const [issue]: readonly TextIssue[] = checkManifestText('{\n  "client_name": ""\n}').issues;
 * console.log(`${issue?.start.line}:${issue?.start.column} ${issue?.message}`); // 2:3 must not be blank
 * ```
 */
export interface TextIssue {
  /** The stable code: the library's (`IssueCode`) or the text's (`TextIssueCode`). */
  readonly code: string;
  /** `error` makes the manifest invalid; `warning` is valid but probably a mistake. */
  readonly severity: 'error' | 'warning';
  /** The JSON path, as the validator writes it (`''`: the whole manifest). */
  readonly path: string;
  /** The same place as keys and array indexes. */
  readonly segments: readonly (string | number)[];
  /** The issue's data, by code (`IssueParams`, `TextIssueParams`). */
  readonly params: unknown;
  /** What is wrong and how to fix it, in English. Never a header value or a `client_secret`. */
  readonly message: string;
  /** Where the command line's `validate` points (1-based line and column): a member's name, a value, or for a missing key the object it belongs in. */
  readonly start: TextPosition;
  /** The line and column of {@link TextIssue.to}, where the span ends. */
  readonly end: TextPosition;
  /** The span to underline, in UTF-16 offsets: the value (its name, for an issue about a key; its object's name or opening brace, for a missing key). */
  readonly from: number;
  /** The end of the span (exclusive). */
  readonly to: number;
  /** The one correct repair, where the issue has one (see {@link fixManifestText}). */
  readonly repair?: Repair;
}

/**
 * Options of {@link checkManifestText} and {@link fixManifestText}.
 *
 * @example
 * ```ts
 * import { checkManifestText, type CheckManifestTextOptions } from 'lp-app-manifest/text';
 *
 * const options: CheckManifestTextOptions = { profile: 'connector', env: { LP_HOST: 'hooks.example.com' } };
 * checkManifestText('{ "client_name": "Acme" }', options);
 * ```
 */
export interface CheckManifestTextOptions {
  /** The rule set; else the one the text's `"$schema"` names, else `general` (as `validate`). */
  readonly profile?: Profile | undefined;
  /** The variables `${{ NAME }}` placeholders are filled from (none if not given: each is then unresolved). */
  readonly env?: TemplateVariables | undefined;
  /** Report unset placeholders as warnings (as `validateTemplate`). */
  readonly allowUnresolved?: boolean | undefined;
  /** Top-level keys let through unchecked, with a warning each (as `validateManifest`'s `allowKeys`). */
  readonly allowKeys?: readonly string[] | undefined;
  /**
   * How many of the validator's issues, and of its warnings, are listed (a positive integer; default
   * 1,000, as `validate` lists them). `fixManifestText` lists them all while it repairs.
   */
  readonly maxIssues?: number | undefined;
}

/**
 * A checked text: whether it is a valid manifest, the profile it was checked against, and its issues and warnings placed in it.
 *
 * @example
 * ```ts
 * import { checkManifestText, type CheckedManifestText } from 'lp-app-manifest/text';
 *
 * const checked: CheckedManifestText = checkManifestText('{ "client_name": "Acme" }');
 * console.log(checked.ok, checked.profile); // true general
 * ```
 */
export interface CheckedManifestText {
  /** No error (warnings allowed). */
  readonly ok: boolean;
  /** The profile checked against. */
  readonly profile: Profile;
  /** The errors: the text is not JSON, repeated keys, then the validator's. */
  readonly issues: readonly TextIssue[];
  /** The warnings: a `"$schema"` for another profile, then the validator's. */
  readonly warnings: readonly TextIssue[];
}

/** An issue before it is placed. */
type Found = ValidationIssue | TextLevelIssue;

/**
 * Checks a manifest's JSON text as the command line's `validate` does (strict JSON, repeated keys,
 * the profile from the options or `"$schema"`, placeholders filled from `env`), and places each
 * issue: `start` is the line and column `validate` prints, `from`/`to` the span to underline. An
 * issue with exactly one correct repair carries it (`repair`). Never throws; never quotes a secret.
 *
 * @example
 * ```ts
 * import { checkManifestText } from 'lp-app-manifest/text';
 *
 * const checked = checkManifestText('{\n  "client_name": "Acme",\n  "grant_types": "client_credentials"\n}');
 * for (const issue of checked.issues) console.log(`${issue.start.line}:${issue.start.column} ${issue.message} [${issue.code}]`);
 * // 3:3 must be an array, got a string [invalid_type]
 * ```
 */
export function checkManifestText(text: string, options: CheckManifestTextOptions = {}): CheckedManifestText {
  if (typeof text !== 'string') text = '';
  // A byte order mark is not part of the JSON (RFC 8259 §8.1): lines and columns are counted without it, as the
  // command line reads a file, and offsets are of the text as given.
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  const body = bom === 0 ? text : text.slice(1);
  const parsed = parseManifestText(body);
  if (!parsed.ok) {
    const at = parsed.position === undefined ? body.length : offsetAt(body, parsed.position.line, parsed.position.column);
    const issue = textIssue([], 'invalid_json', {
      reason: parsed.reason,
      line: parsed.position?.line,
      column: parsed.position?.column,
    });
    const to = Math.min(at + 1, body.length);
    const [start, end] = positionsOf(body, [at, to]) as [TextPosition, TextPosition];
    const profile = options.profile ?? 'general';
    const repair = repairOf(issue, {
      text,
      body,
      bom,
      tree: undefined,
      value: undefined,
      profile,
      at,
      options,
      budget: trialBudget(body),
      members: new Map(),
      targets: new Map(),
    });
    return {
      ok: false,
      profile,
      issues: [placed(issue, start, end, bom + at, bom + to, repair)],
      warnings: [],
    };
  }
  const { value } = parsed;
  const choice = profileChoice(value, options.profile);
  const result = validateTemplate(value, {
    profile: choice.profile,
    env: options.env ?? {},
    allowUnresolved: options.allowUnresolved,
    allowKeys: options.allowKeys,
    maxIssues: options.maxIssues,
  });
  const tree = treeOf(body);
  const context = {
    text,
    body,
    bom,
    tree,
    value,
    profile: choice.profile,
    at: 0,
    options,
    budget: trialBudget(body),
    members: new Map(),
    targets: new Map(),
  };
  // Repeated keys first, at the repetition (as validate); then the validator's issues, placed where validate places them.
  // Offsets and positions in one pass over the text each (a hostile file repeats a name by the thousand).
  const ats = offsetsAt(
    body,
    parsed.duplicates.map((duplicate) => duplicate.again),
  );
  const tos = ats.map((at) => {
    const key = tree === undefined ? undefined : findNodeAtOffset(tree, at);
    return key === undefined ? at : key.offset + key.length;
  });
  const ends = positionsOf(body, tos);
  const duplicates = parsed.duplicates.map((duplicate, i) => {
    const issue = duplicateKeyIssue(duplicate);
    const at = ats[i]!;
    return placed(issue, duplicate.again, ends[i]!, bom + at, bom + tos[i]!, repairOf(issue, { ...context, at }));
  });
  const errors: Found[] = result.ok ? [] : [...result.issues];
  const warnings: Found[] = [
    ...(choice.mismatch === undefined ? [] : [textIssue(['$schema'], 'schema_profile_mismatch', choice.mismatch)]),
    ...result.warnings,
  ];
  const place = placer(body, tree, bom, context);
  return {
    ok: duplicates.length === 0 && errors.length === 0,
    profile: choice.profile,
    issues: [...duplicates, ...place(errors)],
    warnings: place(warnings),
  };
}

/** Places issues found in a parsed text: the line and column `validate` prints, and the span. */
function placer(body: string, tree: Tree, bom: number, context: RepairContext) {
  return (found: readonly Found[]): TextIssue[] => {
    const offsets = locateOffsets(
      body,
      found.map((issue) => issue.segments),
    );
    const spans = found.map((issue) => spanOf(tree, issue.segments, issue.code));
    const positions = positionsOf(body, [...offsets, ...spans.map((span) => span.to)]);
    return found.map((issue, i) =>
      placed(
        issue,
        positions[i]!,
        positions[found.length + i]!,
        bom + spans[i]!.from,
        bom + spans[i]!.to,
        repairOf(issue, { ...context, at: offsets[i]! }),
      ),
    );
  };
}

function placed(
  issue: Found,
  start: TextPosition,
  end: TextPosition,
  from: number,
  to: number,
  repair: Repair | undefined,
): TextIssue {
  const { code, severity, path, segments, params, message } = issue;
  return Object.freeze({
    code,
    severity,
    path,
    segments,
    params,
    message,
    start,
    end,
    from,
    to,
    ...(repair === undefined ? {} : { repair }),
  });
}
