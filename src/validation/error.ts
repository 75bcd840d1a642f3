import { WARNING_CODES, type IssueCode, type IssueParams } from './codes.js';
import type { Issue, ValidationIssue } from './issue.js';
import type { IssueCounts } from './validate.js';

/**
 * Wording to use instead of the built-in English, per code: a function from
 * the code's {@link IssueParams} (and the issue, for its path) to the message.
 * Codes left out keep the issue's own `message`.
 *
 * @example
 * ```ts
 * import type { IssueMessages } from 'lp-app-manifest';
 *
 * const french: IssueMessages = {
 *   too_long: (p) => `au plus ${p.max} caractères (reçu ${p.actual})`,
 *   unknown_key: (p) => `clé inconnue "${p.key}"${p.suggestion === undefined ? '' : ` ; vouliez-vous dire "${p.suggestion}" ?`}`,
 * };
 * ```
 */
export type IssueMessages = {
  readonly [TCode in IssueCode]?: (params: IssueParams[TCode], issue: ValidationIssue<TCode>) => string;
};

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Formats one issue as a line: `PATH: MESSAGE [code]` (`(root)` for the whole
 * manifest). With `messages`, an issue whose code it has is worded by it from
 * the issue's `params`; any other keeps its own message.
 *
 * @param issue - An issue from `validateManifest()`, `validateTemplate()` or an error's `issues`.
 * @param messages - Optional wording per code (see {@link IssueMessages}); read only for own keys.
 *
 * @example
 * ```ts
 * import { formatIssue, validateManifest } from 'lp-app-manifest';
 *
 * const result = validateManifest({
 *   client_name: 'Acme',
 *   capabilities: { webhooks: { 'cqm.ExConversationChangeNotification': { endpoint: 'http://hooks.acme.com' } } },
 * });
 * if (!result.ok) for (const issue of result.issues) console.error(formatIssue(issue));
 * // 'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint: must start with "https://" [url_not_https]'
 * if (!result.ok) console.error(formatIssue(result.issues[0], { url_not_https: () => 'doit commencer par "https://"' }));
 * // 'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint: doit commencer par "https://" [url_not_https]'
 * ```
 */
export function formatIssue(issue: ValidationIssue, messages?: IssueMessages): string;
/**
 * As passed to `issues.map(formatIssue)`: the index (and the array) are not a wording table, and are ignored.
 *
 * @example
 * ```ts
 * import { formatIssue, validateManifest } from 'lp-app-manifest';
 *
 * const result = validateManifest({ client_name: '' });
 * if (!result.ok) console.error(result.issues.map(formatIssue).join('\n')); // client_name: must not be blank [blank]
 * ```
 */
export function formatIssue(issue: ValidationIssue, index: number, array?: readonly ValidationIssue[]): string;
export function formatIssue(issue: ValidationIssue, messages?: IssueMessages | number): string {
  const word =
    typeof messages === 'object' && messages !== null && hasOwn.call(messages, issue.code)
      ? (messages[issue.code] as ((params: unknown, issue: ValidationIssue) => string) | undefined)
      : undefined;
  return issueLine(issue, word === undefined ? issue.message : word(issue.params, issue));
}

/** `PATH: MESSAGE [code]`, the line of any issue in the library's shape (the command line's own too). */
export const issueLine = (issue: Pick<Issue<string, unknown>, 'path' | 'message' | 'code'>, message = issue.message): string =>
  `${issue.path === '' ? '(root)' : issue.path}: ${message} [${issue.code}]`;

/**
 * A whole number with its thousands grouped by commas, as English writes it (`2,499,000`). Not
 * `toLocaleString('en-US')`: that loads ICU's locale data, about 30 ms of the command line's start.
 */
export const groupDigits = (count: number): string => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `1 issue`, `1,234 issues`. */
export const counted = (count: number, noun: string): string => `${groupDigits(count)} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The line that stands for the issues a result left out of its lists (its `omitted`): how many,
 * and how many of each code, most first.
 *
 * @example
 * ```ts
 * import { formatOmitted } from './error.js';
 *
 * formatOmitted({ unknown_key: 2_499_000 }); // '… and 2,499,000 more: unknown_key ×2,499,000'
 * ```
 */
export function formatOmitted(omitted: Readonly<Partial<Record<string, number>>>): string {
  const counts = (Object.entries(omitted) as [string, number][]).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  const each = counts.map(([code, count]) => `${code} ×${groupDigits(count)}`).join(', ');
  return `… and ${groupDigits(total)} more: ${each}`;
}

/**
 * How many of a result's `omitted` issues are errors, and how many warnings (a count of each code's severity).
 *
 * @example
 * ```ts
 * import { omittedBySeverity } from './error.js';
 *
 * omittedBySeverity({ unknown_key: 3, header_value_whitespace: 2 }); // { errors: 3, warnings: 2 }
 * ```
 */
export function omittedBySeverity(
  omitted: Readonly<Partial<Record<string, number>>> | undefined,
  /** The severity of a code that is not the library's (the command line's own codes), if it is one. */
  severityOf: (code: string) => 'error' | 'warning' | undefined = () => undefined,
): {
  /** The issues left out that are errors. */
  readonly errors: number;
  /** The warnings left out. */
  readonly warnings: number;
} {
  let errors = 0;
  let warnings = 0;
  for (const [code, count] of Object.entries(omitted ?? {}) as [string, number][]) {
    if ((severityOf(code) ?? (WARNING_CODES.has(code as IssueCode) ? 'warning' : 'error')) === 'warning') warnings += count;
    else errors += count;
  }
  return { errors, warnings };
}

/**
 * The message: a heading with the counts, then a line per issue, `✖` for an error and `⚠` for a
 * warning (strict mode lists both), then the line for those left out, if any.
 */
function summarize(
  issues: readonly ValidationIssue[],
  subject: string,
  messages: IssueMessages | undefined,
  omitted: IssueCounts | undefined,
): string {
  const more = omittedBySeverity(omitted);
  const warnings = issues.filter((issue) => issue.severity === 'warning').length + more.warnings;
  const errors = issues.length + more.errors + more.warnings - warnings;
  const count =
    warnings === 0
      ? counted(errors, 'issue')
      : errors === 0
        ? counted(warnings, 'warning')
        : `${counted(errors, 'issue')}, ${counted(warnings, 'warning')}`;
  const lines = issues.map((issue) => `  ${issue.severity === 'warning' ? '⚠' : '✖'} ${formatIssue(issue, messages)}`);
  if (omitted !== undefined) lines.push(`  ${formatOmitted(omitted)}`);
  return [`Invalid ${subject} (${count}):`, ...lines].join('\n');
}

/**
 * Thrown by `build()`, `httpsUrl()` and `ManifestBuilder.from()` when a
 * manifest or value breaks the rules. `issues` lists every problem at once;
 * `message` is a readable multi-line summary of them. No header value ever
 * appears in either.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, ManifestValidationError } from 'lp-app-manifest';
 *
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
  declare readonly issues: readonly [ValidationIssue, ...ValidationIssue[]];
  /** Warnings found beside the errors. */
  declare readonly warnings: readonly ValidationIssue[];
  /** The issues and warnings of each code left out of the lists, when they were cut (as a result's `omitted`). */
  declare readonly omitted: IssueCounts | undefined;

  /**
   * @param issues - The errors (at least one).
   * @param warnings - Warnings found beside them.
   * @param subject - What was checked, for the first line of `message` ("Invalid manifest (1 issue):"); `httpsUrl()` names the value instead.
   * @param messages - Other wording for some codes in `message`, as {@link formatIssue} takes it (`build()` words a
   *   missing `clientName(...)` as its compile-time error does); the issues keep their own `message`.
   * @param omitted - The issues of each code left out of `issues` and `warnings` (a result's `omitted`): `message` ends
   *   with "… and N more".
   */
  constructor(
    issues: readonly [ValidationIssue, ...ValidationIssue[]],
    warnings: readonly ValidationIssue[] = [],
    subject = 'manifest',
    messages?: IssueMessages,
    omitted?: IssueCounts,
  ) {
    super(summarize(issues, subject, messages, omitted));
    // Not enumerable, so that Node, printing an uncaught error, shows the readable message and not the data behind it.
    Object.defineProperties(this, { issues: { value: issues }, warnings: { value: warnings }, omitted: { value: omitted } });
  }

  /**
   * What Node prints for this error when it is logged with `console.error(error)`
   * or left uncaught: its name and readable message only. The `issues` and
   * `warnings` stay on the object as data, but are not dumped after the message.
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.name}: ${this.message}`;
  }
}
