/**
 * Checking a manifest file's parsed JSON as `validate` does, for `validate`,
 * `plan` and `apply` alike: the profile (`--profile`, else `"$schema"`), the
 * template filled from the variables, and every issue placed at its line and
 * column (repeated keys first, then the other errors; then the warnings).
 */
import { validateTemplate, type Profile, type TemplateVariables, type ValidationResult } from '../index.js';
import type { CliIssue, CliIssueCounts } from './file-issues.js';
import type { JsonDocument } from './json-text.js';
import { chooseProfile, type ProfileChoice } from './profile.js';
import { MAX_LISTED, type LocatedIssue } from './report.js';

/** A checked document: the profile chosen, the validator's result, and the issues and warnings with their positions. */
export interface CheckedDocument {
  readonly choice: ProfileChoice;
  readonly result: ValidationResult;
  /** The repeated keys, then the other errors (`extra` last). */
  readonly issues: readonly LocatedIssue[];
  /** A `"$schema"` that names another profile, then the validator's warnings. */
  readonly warnings: readonly LocatedIssue[];
  /** When the lists were cut at {@link MAX_LISTED}: the issues and warnings of each code left out. */
  readonly omitted: CliIssueCounts | undefined;
}

type CliCode = keyof CliIssueCounts;

/** The first `max` issues of a list, the rest counted by code into `omitted`. */
function listed<TItem extends { readonly code: CliCode }>(
  list: readonly TItem[],
  max: number,
  omitted: Map<CliCode, number>,
): TItem[] {
  for (const { code } of list.slice(max)) omitted.set(code, (omitted.get(code) ?? 0) + 1);
  return list.slice(0, max);
}

/**
 * Checks a parsed JSON document against the profile `option` (else the one its `"$schema"` names,
 * else general), filling its placeholders from `env`. `extra`: errors found apart (the logo), put
 * after the validator's.
 *
 * @example
 * ```ts
 * import { checkDocument } from './check-document.js';
 * import { parseJsonText } from './json-text.js';
 *
 * const parsed = parseJsonText('{ "client_name": "" }');
 * if (parsed.ok) console.log(checkDocument(parsed.document, undefined, { env: {} }).issues.length); // 1
 * ```
 */
export function checkDocument(
  document: JsonDocument,
  option: Profile | undefined,
  template: {
    readonly env: TemplateVariables;
    readonly allowUnresolved?: boolean | undefined;
    /** Top-level keys `--allow-key` lets through. */
    readonly allowKeys?: readonly string[] | undefined;
  },
  extra: readonly CliIssue[] = [],
): CheckedDocument {
  const { value, duplicates, omittedDuplicates, locate } = document;
  const choice = chooseProfile(value, option);
  // ${{ NAME }} placeholders are filled from the variables; a manifest without any is checked as it is.
  const result = validateTemplate(value, {
    profile: choice.profile,
    env: template.env,
    allowUnresolved: template.allowUnresolved,
    allowKeys: template.allowKeys,
    maxIssues: MAX_LISTED,
  });
  // Repeated keys come first, so the validator's issues are cut after them; only the listed ones are located.
  const omitted = new Map<CliCode, number>();
  for (const counts of [omittedDuplicates, result.omitted])
    for (const [code, count] of Object.entries(counts ?? {}) as [CliCode, number][])
      omitted.set(code, (omitted.get(code) ?? 0) + count);
  const shownDuplicates = listed(
    duplicates.map((duplicate) => ({ code: duplicate.issue.code, duplicate })),
    MAX_LISTED,
    omitted,
  ).map(({ duplicate }) => duplicate);
  const issues = listed([...(result.ok ? [] : result.issues), ...extra], MAX_LISTED - shownDuplicates.length, omitted);
  const warnings = listed([...(choice.mismatch === undefined ? [] : [choice.mismatch]), ...result.warnings], MAX_LISTED, omitted);
  const positions = locate([...issues, ...warnings].map((issue) => issue.segments));
  return {
    choice,
    result,
    issues: [...shownDuplicates, ...issues.map((issue, i) => ({ issue, position: positions[i] }))],
    warnings: warnings.map((issue, i) => ({ issue, position: positions[issues.length + i] })),
    omitted: omitted.size === 0 ? undefined : Object.fromEntries(omitted),
  };
}
