/**
 * The issues the CLI reports, in one shape for the library's manifest issues
 * and the CLI's own file and logo problems.
 */
import type { IssueCode, ValidationIssue } from '../index.js';
import type { FileProblemCode } from './files.js';
import type { LogoProblem } from './logo.js';

/**
 * One issue as the CLI prints it and as `--format json` reports it. Only
 * these four fields are copied from a library issue, and its messages never
 * contain header values, so a report cannot leak a secret.
 */
export interface ReportIssue {
  readonly code: IssueCode | FileProblemCode | LogoProblem['code'];
  readonly severity: 'error' | 'warning';
  /** A JSON path into the manifest; `''` for the whole manifest or file. */
  readonly path: string;
  readonly message: string;
}

/**
 * Copies the public fields of a library issue.
 *
 * @example
 * ```ts
 * const issues = result.ok ? [] : result.issues.map(toReportIssue);
 * ```
 */
export const toReportIssue = (issue: ValidationIssue): ReportIssue => ({
  code: issue.code,
  severity: issue.severity,
  path: issue.path,
  message: issue.message,
});

/**
 * One issue as a line: `FILE: PATH: MESSAGE [code]`, `FILE: warning: PATH: MESSAGE [code]`
 * for a warning (the library's `formatIssue` shape, prefixed with the file), or
 * `FILE: MESSAGE [code]` for a problem with the file itself.
 *
 * @example
 * ```ts
 * formatIssueLine('manifest.json', issue); // 'manifest.json: client_name: must not be blank [blank]'
 * ```
 */
export function formatIssueLine(file: string, issue: ReportIssue, { fileLevel = false } = {}): string {
  const where = fileLevel ? '' : `${issue.path === '' ? '(root)' : issue.path}: `;
  const severity = issue.severity === 'warning' ? 'warning: ' : '';
  return `${file}: ${severity}${where}${issue.message} [${issue.code}]`;
}

/**
 * `1 issue`, `2 issues`.
 *
 * @example
 * ```ts
 * plural(2, 'warning'); // '2 warnings'
 * ```
 */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
