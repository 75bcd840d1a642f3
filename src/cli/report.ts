/**
 * The issues the CLI reports (the library's, and its own about the files it
 * reads: file-issues.ts), and the three ways it prints them:
 * text lines an editor can follow, a JSON report, GitHub Actions annotations.
 */
import type { IssueCode, Profile } from '../index.js';
import { counted, formatOmitted, issueLine } from '../internal.js';
import { omittedCounts, type CliIssue, type CliIssueCounts, type FileIssueCode } from './file-issues.js';
import type { Position } from './json-text.js';

/**
 * One issue as `--format json` reports it: the library issue's public fields,
 * in its key order, plus where it is in the file when that is known. Messages
 * never contain header values, so a report cannot leak a secret.
 */
export interface ReportIssue {
  readonly code: IssueCode | FileIssueCode;
  readonly severity: 'error' | 'warning';
  /** A JSON path into the manifest; `''` for the whole manifest or file. */
  readonly path: string;
  /** 1-based; absent when the issue has no place in the file (the file cannot be read). */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** An issue and where it is, as the commands collect them. */
export interface LocatedIssue {
  readonly issue: CliIssue;
  readonly position: Position | undefined;
}

/**
 * The report form of an issue.
 *
 * @example
 * ```ts
 * import { validateManifest } from 'lp-app-manifest';
 * import { toReportIssue } from './report.js';
 *
 * const result = validateManifest({ client_name: '' });
 * const issues = result.ok ? [] : result.issues.map((issue) => toReportIssue({ issue, position: { line: 1, column: 2 } }));
 * ```
 */
export function toReportIssue(located: LocatedIssue | CliIssue): ReportIssue {
  const { issue, position } = locatedOf(located);
  return {
    code: issue.code,
    severity: issue.severity,
    path: issue.path,
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
    message: issue.message,
  };
}

const locatedOf = (located: LocatedIssue | CliIssue): LocatedIssue =>
  'issue' in located ? located : { issue: located, position: undefined };

/**
 * One issue as a line: `FILE:LINE:COLUMN: PATH: MESSAGE [code]` (the form
 * editors and terminals turn into a link; `FILE: PATH: …` when the position
 * is not known), `warning: ` before the path for a warning; `FILE: MESSAGE
 * [code]` for a problem with the file as a whole.
 *
 * @example
 * ```ts
 * import { validateManifest } from 'lp-app-manifest';
 * import { formatIssueLine } from './report.js';
 *
 * const result = validateManifest({ client_name: '' });
 * if (!result.ok) formatIssueLine('manifest.json', { issue: result.issues[0], position: { line: 1, column: 2 } });
 * // 'manifest.json:1:2: client_name: must not be blank [blank]'
 * ```
 */
export function formatIssueLine(file: string, located: LocatedIssue | CliIssue, { fileLevel = false } = {}): string {
  const { issue, position } = locatedOf(located);
  const name = shownFileName(file);
  const where = position === undefined ? name : `${name}:${position.line}:${position.column}`;
  const severity = issue.severity === 'warning' ? 'warning: ' : '';
  return fileLevel ? `${where}: ${severity}${issue.message} [${issue.code}]` : `${where}: ${severity}${issueLine(issue)}`;
}

/**
 * A file name as a line of text output shows it: control characters (a line break in a file's
 * name, say) escaped as in JSON, so a name can never start a line of its own, such as a
 * `::error` workflow command a CI log would act on.
 *
 * @example
 * ```ts
 * import { shownFileName } from './report.js';
 *
 * shownFileName('evil\n::error::x.json'); // 'evil\\n::error::x.json'
 * ```
 */
export const shownFileName = (file: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped.
  file.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => JSON.stringify(ch).slice(1, -1));

// GitHub's workflow-command escaping (actions/toolkit, packages/core/src/command.ts):
// in the message, %, CR and LF; in a property, also ":" and ",", which end a property.
export const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * One issue as a GitHub Actions annotation, which a pull request shows on its line:
 * `::error file=F,line=L,col=C,title=CODE::PATH: MESSAGE [CODE]` (`::warning` for a warning, unless
 * `failing`: a warning that fails the run, with `--strict`, is an `::error`).
 *
 * @example
 * ```ts
 * import { validateManifest } from 'lp-app-manifest';
 * import { formatAnnotation } from './report.js';
 *
 * const result = validateManifest({ client_name: '' });
 * if (!result.ok) formatAnnotation('manifest.json', { issue: result.issues[0], position: { line: 1, column: 2 } });
 * // '::error file=manifest.json,line=1,col=2,title=blank::client_name: must not be blank [blank]'
 * ```
 */
export function formatAnnotation(
  file: string,
  located: LocatedIssue | CliIssue,
  { fileLevel = false, failing = false } = {},
): string {
  const { issue, position } = locatedOf(located);
  const properties = [
    `file=${escapeProperty(file)}`,
    ...(position === undefined ? [] : [`line=${position.line}`, `col=${position.column}`]),
    `title=${escapeProperty(issue.code)}`,
  ];
  // As every other line: the message, then its code (a file's own problem has no path).
  const message = fileLevel ? `${issue.message} [${issue.code}]` : issueLine(issue);
  // A warning that fails the run (--strict) is an error annotation: a pull request shows why the check failed.
  return `::${failing ? 'error' : issue.severity} ${properties.join(',')}::${escapeData(message)}`;
}

/**
 * The line that stands for the issues of a file left out of a listing (`FILE: … and N more: code ×N`),
 * as text or, with `annotation`, as a GitHub Actions annotation (an error if any left out is one).
 *
 * @example
 * ```ts
 * import { formatOmittedLine } from './report.js';
 *
 * formatOmittedLine('manifest.json', { unknown_key: 2_499_000 }); // 'manifest.json: … and 2,499,000 more: unknown_key ×2,499,000'
 * ```
 */
export function formatOmittedLine(file: string, omitted: CliIssueCounts, { annotation = false, failing = false } = {}): string {
  if (!annotation) return `${shownFileName(file)}: ${formatOmitted(omitted)}`;
  const severity = failing || omittedCounts(omitted).errors > 0 ? 'error' : 'warning';
  return `::${severity} file=${escapeProperty(file)}::${escapeData(formatOmitted(omitted))}`;
}

/**
 * The most issues, and the most warnings, listed for one file, its repeated keys included: the rest are
 * counted ("… and N more"), so a hostile file gives a report of bounded size.
 */
export const MAX_LISTED = 1000;

/**
 * `1 issue`, `2 issues`.
 *
 * @example
 * ```ts
 * import { plural } from './report.js';
 *
 * plural(2, 'warning'); // '2 warnings'
 * ```
 */
export const plural = counted;

/** `connector profile`, as the text output names it. */
export const profileName = (profile: Profile | string): string => `${profile} profile`;

/**
 * How many annotations of one kind (error, warning, notice) GitHub shows for a step; it drops the
 * rest silently (actions/toolkit, docs/problem-matchers.md, "Limitations").
 */
export const ANNOTATIONS_PER_KIND = 10;

/** One finding for `--format github`: its annotation, and the plain line that stands for it past GitHub's limit. */
export interface Annotated {
  readonly kind: 'error' | 'warning' | 'notice';
  readonly annotation: string;
  readonly line: string;
  /**
   * What it stands for, counted as the summary line counts (a warning that fails `--strict` is
   * annotated as an error, and is still a warning): by default one finding of its `kind`; the line
   * of those left out of a listing stands for their numbers.
   */
  readonly counts?: { readonly error?: number; readonly warning?: number; readonly notice?: number };
}

/**
 * The lines of a `--format github` report: the first {@link ANNOTATIONS_PER_KIND} errors and warnings (and
 * notes, one fewer) as annotations, the rest as plain lines of the step's log (`not annotated: …`, never starting with `::`, so
 * never read as a workflow command), then one notice that says how many were not annotated.
 *
 * @example
 * ```ts
 * import { annotationLines } from './report.js';
 *
 * annotationLines([{ kind: 'error', annotation: '::error::x', line: 'x' }]); // ['::error::x']
 * ```
 */
export function annotationLines(found: readonly Annotated[]): string[] {
  const out: string[] = [];
  const shown = { error: 0, warning: 0, notice: 0 };
  const notAnnotated = { error: 0, warning: 0, notice: 0 };
  // One notice is kept for the line that says how many were not annotated.
  const limit = { error: ANNOTATIONS_PER_KIND, warning: ANNOTATIONS_PER_KIND, notice: ANNOTATIONS_PER_KIND - 1 };
  for (const { kind, annotation, line, counts = { [kind]: 1 } } of found) {
    if (shown[kind] < limit[kind]) {
      shown[kind] += 1;
      out.push(annotation);
    } else {
      for (const each of ['error', 'warning', 'notice'] as const) notAnnotated[each] += counts[each] ?? 0;
      out.push(`not annotated: ${line}`);
    }
  }
  if (notAnnotated.error + notAnnotated.warning + notAnnotated.notice > 0) {
    const counts = [
      ...(notAnnotated.error > 0 ? [plural(notAnnotated.error, 'error')] : []),
      ...(notAnnotated.warning > 0 ? [plural(notAnnotated.warning, 'warning')] : []),
      ...(notAnnotated.notice > 0 ? [plural(notAnnotated.notice, 'note')] : []),
    ].join(', ');
    out.push(
      `::notice title=more issues than GitHub annotates::${counts} not annotated (GitHub shows at most ${ANNOTATIONS_PER_KIND} annotations of each kind per step): see the lines that start with "not annotated:" in this step's log`,
    );
  }
  return out;
}

/**
 * A note about a file (not an issue: it never fails a run) as a GitHub Actions annotation:
 * `::notice file=F::MESSAGE`.
 *
 * @example
 * ```ts
 * import { formatNotice } from './report.js';
 *
 * formatNotice('manifest.json', 'checked against the general profile'); // '::notice file=manifest.json::checked against the general profile'
 * ```
 */
export const formatNotice = (file: string, message: string): string =>
  `::notice file=${escapeProperty(file)}::${escapeData(message)}`;
