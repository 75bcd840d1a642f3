import type { ValidationIssue } from './issues.js';

/**
 * Formats one issue as a line: `PATH: MESSAGE [code]` (`(root)` for the whole manifest).
 *
 * @example
 * ```ts
 * formatIssue(issue); // 'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint: must start with "https://" [url_not_https]'
 * ```
 */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path === '' ? '(root)' : issue.path}: ${issue.message} [${issue.code}]`;
}

function summarize(issues: readonly ValidationIssue[]): string {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  return [`Invalid manifest (${count}):`, ...issues.map((issue) => `  ✖ ${formatIssue(issue)}`)].join('\n');
}

/**
 * Thrown by `build()`, `httpsUrl()` and `ManifestBuilder.from()` when a
 * manifest or value breaks the rules. `issues` lists every problem at once;
 * `message` is a readable multi-line summary of them. No header value ever
 * appears in either.
 *
 * @example
 * ```ts
 * try {
 *   ManifestBuilder.general().clientName('').build();
 * } catch (error) {
 *   if (error instanceof ManifestValidationError) {
 *     console.error(error.message);
 *     // Invalid manifest (1 issue):
 *     //   ✖ client_name: must not be blank [blank]
 *     error.issues[0].code; // 'blank'
 *   }
 * }
 * ```
 */
export class ManifestValidationError extends Error {
/** Always `'ManifestValidationError'`, also across copies of the library. */
  override readonly name = 'ManifestValidationError';
  /** Every error found (never empty), each with a code, a path and a message. */
  readonly issues: readonly [ValidationIssue, ...ValidationIssue[]];
  /** Warnings found beside the errors. */
  readonly warnings: readonly ValidationIssue[];

  constructor(issues: readonly [ValidationIssue, ...ValidationIssue[]], warnings: readonly ValidationIssue[] = []) {
    super(summarize(issues));
    this.issues = issues;
    this.warnings = warnings;
  }
}
