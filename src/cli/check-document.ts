/**
 * Checking a manifest file's parsed JSON as `validate` does, for `validate`,
 * `plan` and `apply` alike: the profile (`--profile`, else `"$schema"`), the
 * template filled from the variables, and every issue placed at its line and
 * column (repeated keys first, then the other errors; then the warnings).
 */
import { validateTemplate, type Profile, type TemplateVariables, type ValidationResult } from '../index.js';
import type { CliIssue } from './file-issues.js';
import type { JsonDocument } from './json-text.js';
import { chooseProfile, type ProfileChoice } from './profile.js';
import type { LocatedIssue } from './report.js';

/** A checked document: the profile chosen, the validator's result, and the issues and warnings with their positions. */
export interface CheckedDocument {
  readonly choice: ProfileChoice;
  readonly result: ValidationResult;
  /** The repeated keys, then the other errors (`extra` last). */
  readonly issues: readonly LocatedIssue[];
  /** A `"$schema"` that names another profile, then the validator's warnings. */
  readonly warnings: readonly LocatedIssue[];
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
  template: { readonly env: TemplateVariables; readonly allowUnresolved?: boolean | undefined },
  extra: readonly CliIssue[] = [],
): CheckedDocument {
  const { value, duplicates, locate } = document;
  const choice = chooseProfile(value, option);
  // ${{ NAME }} placeholders are filled from the variables; a manifest without any is checked as it is.
  const result = validateTemplate(value, {
    profile: choice.profile,
    env: template.env,
    allowUnresolved: template.allowUnresolved,
  });
  const issues = [...(result.ok ? [] : result.issues), ...extra];
  const warnings = [...(choice.mismatch === undefined ? [] : [choice.mismatch]), ...result.warnings];
  const positions = locate([...issues, ...warnings].map((issue) => issue.segments));
  return {
    choice,
    result,
    issues: [...duplicates, ...issues.map((issue, i) => ({ issue, position: positions[i] }))],
    warnings: warnings.map((issue, i) => ({ issue, position: positions[issues.length + i] })),
  };
}
