/**
 * `lp-app-manifest validate`: checks manifest files, reports every issue with
 * the line and column it is at.
 */
import { resolve } from 'node:path';
import type { Profile, TemplateVariables } from '../index.js';
import { omittedCounts, type CliIssueCounts, type FileIssue } from './file-issues.js';
import { ALLOW_KEY_OPTION, readAllowKeys } from './allow-keys.js';
import { readFormat, readProfile } from './args.js';
import { defineCommand } from './command.js';
import { DOTENV_OPTION, loadVariables } from './dotenv.js';
import { decodeJsonText, readBytes, readStream } from './files.js';
import { listFiles, type ListedFile } from './folders.js';
import { EXIT, UsageError, type Io } from './io.js';
import { issueLine } from '../internal.js';
import { parseJsonText } from './json-text.js';
import { MARKDOWN_ROWS, markdownRow, markdownText } from './markdown.js';
import { checkLogo } from './logo.js';
import { checkDocument } from './check-document.js';
import { profileNote, type ProfileChoice } from './profile.js';
import {
  annotationLines,
  formatAnnotation,
  formatIssueLine,
  formatNotice,
  formatOmittedLine,
  MAX_LISTED,
  plural,
  profileName,
  shownFileName,
  toReportIssue,
  type Annotated,
  type LocatedIssue,
  type ReportIssue,
} from './report.js';

/** The result for one file, as `--format json` reports it. */
export interface FileReport {
  readonly file: string;
  /** The profile the manifest was checked against; `null` when the file could not be read as JSON. */
  readonly profile: Profile | null;
  readonly valid: boolean;
  /** The first 1,000 issues, and warnings: see `omitted` for the rest. */
  readonly issues: readonly ReportIssue[];
  readonly warnings: readonly ReportIssue[];
  /** Only when a list was cut: the issues and warnings of each code left out. */
  readonly omitted?: CliIssueCounts;
}

/** Totals over every file, as `--format json` reports them. */
export interface ReportSummary {
  readonly files: number;
  readonly valid: number;
  readonly invalid: number;
  readonly issues: number;
  readonly warnings: number;
  /** Whether `--strict` was given: then a file with a warning fails the run as well. */
  readonly strict: boolean;
  /** The files that fail the run: the invalid ones, and with `--strict` the valid ones with a warning. */
  readonly failed: number;
}

/** The whole `--format json` report. */
export interface ValidateReport {
  readonly files: readonly FileReport[];
  readonly summary: ReportSummary;
}

/** What the check of one file found, before it is printed. */
interface Checked {
  readonly file: string;
  /** `undefined` when the file could not be read as JSON: its one issue is then about the file. */
  readonly choice: ProfileChoice | undefined;
  readonly issues: readonly LocatedIssue[];
  readonly warnings: readonly LocatedIssue[];
  readonly omitted: CliIssueCounts | undefined;
  /** Which profile was used and how to choose another, for a file checked as general only by default that looks like a connector. */
  readonly note?: string | undefined;
}

/** The file name that means standard input, as in most command-line tools. */
const STDIN = '-';

async function readText(file: string, io: Io) {
  const bytes = file === STDIN ? await readStream(io.stdin) : await readBytes(resolve(io.cwd, file));
  return bytes.ok ? decodeJsonText(bytes.value) : bytes;
}

/** How each file is checked: against which variables, and whether unset ones are only warnings. */
interface TemplateSettings {
  readonly env: TemplateVariables;
  readonly allowUnresolved: boolean;
  readonly allowKeys: readonly string[];
}

async function checkFile(
  { file, problem }: ListedFile,
  io: Io,
  option: Profile | undefined,
  logoIssue: FileIssue | undefined,
  template: TemplateSettings,
): Promise<Checked> {
  if (problem !== undefined)
    return { file, choice: undefined, issues: [{ issue: problem, position: undefined }], warnings: [], omitted: undefined };
  const text = await readText(file, io);
  if (!text.ok)
    return { file, choice: undefined, issues: [{ issue: text.issue, position: undefined }], warnings: [], omitted: undefined };
  const parsed = parseJsonText(text.value);
  if (!parsed.ok)
    return {
      file,
      choice: undefined,
      issues: [{ issue: parsed.issue, position: parsed.position }],
      warnings: [],
      omitted: undefined,
    };
  // The logo is the image logo_uri points to, so its problem belongs there in every manifest it is checked with.
  const { choice, issues, warnings, omitted } = checkDocument(
    parsed.document,
    option,
    template,
    logoIssue === undefined ? [] : [logoIssue],
  );
  return { file, choice, issues, warnings, omitted, note: profileNote(parsed.document.value, choice) };
}

function toFileReport(checked: Checked): FileReport {
  return {
    file: checked.file,
    profile: checked.choice?.profile ?? null,
    valid: checked.issues.length === 0,
    issues: checked.issues.map(toReportIssue),
    warnings: checked.warnings.map(toReportIssue),
    ...(checked.omitted === undefined ? {} : { omitted: checked.omitted }),
  };
}

/**
 * A warning `--strict` lets pass, as the run asked for it by name: a placeholder `--allow-unresolved` allows
 * to stay unset (only then is an `unresolved_placeholder` a warning; a pull-request gate has no secrets), and
 * a key `--allow-key` names (`allowed_unknown_key`). Every other warning still fails.
 */
const allowedByOption = (warning: { readonly code: string } | LocatedIssue): boolean => {
  const code = 'issue' in warning ? warning.issue.code : warning.code;
  return code === 'unresolved_placeholder' || code === 'allowed_unknown_key';
};

/**
 * How many issues and warnings a file has, those left out of its lists included, and how many of the
 * warnings fail `--strict` (all but the placeholders allowed to stay unresolved).
 */
function countsOf(file: {
  readonly issues: readonly unknown[];
  readonly warnings: readonly ({ readonly code: string } | LocatedIssue)[];
  readonly omitted?: CliIssueCounts | undefined;
}) {
  const more = omittedCounts(file.omitted);
  const warnings = file.warnings.length + more.warnings;
  const allowed = file.warnings.filter(allowedByOption).length;
  return { issues: file.issues.length + more.errors, warnings, failingStrict: warnings - allowed };
}

function summarize(files: readonly FileReport[], strict: boolean): ReportSummary {
  const valid = files.filter((file) => file.valid).length;
  const counts = files.map(countsOf);
  return {
    files: files.length,
    valid,
    invalid: files.length - valid,
    issues: counts.reduce((sum, count) => sum + count.issues, 0),
    warnings: counts.reduce((sum, count) => sum + count.warnings, 0),
    strict,
    failed: files.filter((file, i) => !file.valid || (strict && counts[i]!.failingStrict > 0)).length,
  };
}

const summaryLine = ({ files, valid, invalid, issues, warnings, strict, failed }: ReportSummary): string => {
  const failing = strict && failed > invalid ? ` (${failed - invalid} valid with warnings, failing --strict)` : '';
  return `${plural(files, 'file')} checked: ${valid} valid, ${invalid} invalid, ${plural(issues, 'issue')}, ${plural(warnings, 'warning')}${failing}`;
};

/** `valid.json: valid (connector profile, from "$schema"), 1 warning`. */
function statusLine(checked: Checked, choice: ProfileChoice, strict: boolean): string {
  const { issues, warnings, failingStrict } = countsOf(checked);
  const profile = `${profileName(choice.profile)}${choice.from === 'schema' ? ', from "$schema"' : ''}`;
  const counts = [...(issues > 0 ? [plural(issues, 'issue')] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  const failsStrict = strict && issues === 0 && failingStrict > 0 ? ' (fails --strict)' : '';
  return `${shownFileName(checked.file)}: ${issues === 0 ? 'valid' : 'invalid'} (${profile})${counts.length === 0 ? '' : `: ${counts.join(', ')}`}${failsStrict}`;
}

function printText(checked: readonly Checked[], summary: ReportSummary, strict: boolean, io: Io): void {
  const out: string[] = [];
  for (const entry of checked) {
    if (entry.choice === undefined) {
      // A file that cannot be read as JSON is an error of the run, not a finding in a manifest: stderr.
      for (const located of entry.issues) io.stderr(`${formatIssueLine(entry.file, located, { fileLevel: true })}\n`);
      continue;
    }
    for (const located of [...entry.issues, ...entry.warnings]) out.push(formatIssueLine(entry.file, located));
    if (entry.omitted !== undefined) out.push(formatOmittedLine(entry.file, entry.omitted));
    if (entry.note !== undefined) out.push(`${shownFileName(entry.file)}: note: ${entry.note}`);
    out.push(statusLine(entry, entry.choice, strict));
  }
  out.push(summaryLine(summary));
  io.stdout(`${out.join('\n')}\n`);
}

/** GitHub Actions annotations, within what GitHub shows of a step (see {@link annotationLines}). */
function printAnnotations(checked: readonly Checked[], summary: ReportSummary, strict: boolean, io: Io): void {
  const found: Annotated[] = [];
  for (const entry of checked) {
    const fileLevel = entry.choice === undefined;
    for (const located of entry.issues)
      found.push({
        kind: 'error',
        annotation: formatAnnotation(entry.file, located, { fileLevel }),
        line: formatIssueLine(entry.file, located, { fileLevel }),
      });
    for (const located of entry.warnings) {
      const failing = strict && !allowedByOption(located);
      found.push({
        kind: failing ? 'error' : 'warning',
        annotation: formatAnnotation(entry.file, located, { fileLevel, failing }),
        line: formatIssueLine(entry.file, located, { fileLevel }),
        counts: { warning: 1 },
      });
    }
    if (entry.omitted !== undefined)
      found.push({
        kind: strict || omittedCounts(entry.omitted).errors > 0 ? 'error' : 'warning',
        annotation: formatOmittedLine(entry.file, entry.omitted, { annotation: true, failing: strict }),
        line: formatOmittedLine(entry.file, entry.omitted),
        counts: { error: omittedCounts(entry.omitted).errors, warning: omittedCounts(entry.omitted).warnings },
      });
    if (entry.note !== undefined)
      found.push({
        kind: 'notice',
        annotation: formatNotice(entry.file, entry.note),
        line: `${shownFileName(entry.file)}: note: ${entry.note}`,
      });
  }
  io.stdout(`${[...annotationLines(found), summaryLine(summary)].join('\n')}\n`);
}

/** A Markdown report, for `$GITHUB_STEP_SUMMARY` or a pull-request comment: a table of files, then each file's issues. */
function printMarkdown(checked: readonly Checked[], summary: ReportSummary, strict: boolean, io: Io): void {
  const out: string[] = [`### lp-app-manifest validate: ${markdownText(summaryLine(summary))}`, ''];
  out.push(markdownRow(['file', 'profile', 'result', 'issues', 'warnings']), markdownRow(['---', '---', '---', '---:', '---:']));
  for (const entry of checked) {
    const { issues, warnings, failingStrict } = countsOf(entry);
    const result =
      entry.choice === undefined
        ? '❌ not checked'
        : issues > 0
          ? '❌ invalid'
          : strict && failingStrict > 0
            ? '❌ fails --strict'
            : '✅ valid';
    out.push(
      markdownRow([
        markdownText(shownFileName(entry.file)),
        entry.choice === undefined ? '—' : entry.choice.profile,
        result,
        String(issues),
        String(warnings),
      ]),
    );
  }
  const notes = checked.filter((entry) => entry.note !== undefined);
  if (notes.length > 0)
    out.push('', ...notes.map((entry) => `- ${markdownText(shownFileName(entry.file))}: note: ${markdownText(entry.note!)}`));
  let rows = MARKDOWN_ROWS;
  for (const entry of checked) {
    const listed = [...entry.issues, ...entry.warnings];
    if (listed.length === 0) continue;
    const { issues, warnings } = countsOf(entry);
    const counts = [...(issues > 0 ? [plural(issues, 'issue')] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
    out.push('', `<details><summary>${markdownText(shownFileName(entry.file))}: ${counts.join(', ')}</summary>`, '');
    out.push(markdownRow(['line:column', 'severity', 'issue']), markdownRow(['---', '---', '---']));
    const shown = listed.slice(0, Math.max(rows, 0));
    rows -= shown.length;
    for (const located of shown) {
      const { issue, position } = located;
      const where = position === undefined ? '' : `${position.line}:${position.column}`;
      const text = entry.choice === undefined ? `${issue.message} [${issue.code}]` : issueLine(issue);
      out.push(markdownRow([where, issue.severity, markdownText(text)]));
    }
    const more = listed.length - shown.length + omittedCounts(entry.omitted).errors + omittedCounts(entry.omitted).warnings;
    if (more > 0)
      out.push(
        '',
        `… and ${plural(more, 'more issue')} not listed here: \`validate\` on the file lists up to ${plural(MAX_LISTED, 'issue')} and ${plural(MAX_LISTED, 'warning')}.`,
      );
    out.push('', '</details>');
  }
  io.stdout(`${out.join('\n')}\n`);
}

/** `lp-app-manifest validate [--profile P] [--format text|json|github] [--logo FILE] [--strict] <file...>` */
export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check manifest files and report every issue',
  usage: '[options] <file or folder...>',
  description: `Checks LivePerson app manifest files (JSON) and reports every issue.
A folder stands for the .json files in it and its subfolders, in name order
(node_modules and folders whose name starts with "." are skipped; a folder
with no .json file is an error). The file name - reads the manifest from
standard input. A \${{ NAME }}
placeholder in a string is filled from the environment variable NAME (and
the --dotenv files); an unset one is an error (unresolved_placeholder).`,
  options: {
    profile: {
      type: 'string',
      value: '<name>',
      help: 'general or connector (the stricter Connector API rules);\nwithout it, a "$schema" naming general.schema.json or\nconnector.schema.json selects it, else general',
    },
    format: {
      type: 'string',
      value: '<name>',
      help: 'text (default), json (a report on stdout), github\n(GitHub Actions annotations on stdout) or markdown (a\nreport for $GITHUB_STEP_SUMMARY or a pull-request comment)',
    },
    logo: { type: 'string', value: '<file>', help: 'also check that this local logo image is exactly 70x70 pixels' },
    strict: {
      type: 'boolean',
      help: 'exit 1 when there is any warning, too (with --allow-unresolved:\nany but the unset placeholders it allows)',
    },
    ...DOTENV_OPTION,
    ...ALLOW_KEY_OPTION,
    'allow-unresolved': {
      type: 'boolean',
      help: 'report unset placeholder variables as warnings, and check\neverything that does not depend on them; --strict does not\nfail on these (a pull-request gate without the secrets)',
    },
  },
  positionals: true,
  epilogue: `Text output: one line per issue, "FILE:LINE:COLUMN: PATH: MESSAGE [code]"
("(root)" is the whole manifest; a missing key points at the object that
should hold it), warnings as "FILE:LINE:COLUMN: warning: …", then a line per
file naming the profile it was checked against, then a summary line. A file
that cannot be read or parsed is reported on stderr. With --format json or
github, everything, unreadable files included, is on stdout.

Exit status: 0 if every file is valid (warnings allowed, unless --strict),
1 if any is not, 2 for a usage error.`,
  async run({ values, positionals }, io) {
    const option = readProfile(values.profile);
    const format = readFormat(values.format);
    if (positionals.length === 0) throw new UsageError('no files given');
    // Standard input can be read once: a second "-" would always be empty.
    if (positionals.filter((file) => file === '-').length > 1) throw new UsageError('standard input (-) is named more than once');
    const strict = values.strict === true;
    const allowKeys = readAllowKeys(values['allow-key']);

    const loaded =
      values.dotenv === undefined
        ? { ok: true as const, variables: process.env }
        : await loadVariables(values.dotenv, io.cwd, process.env, (line) => io.stderr(`${line}\n`));
    const checked: Checked[] = [];
    if (!loaded.ok) {
      // Nothing is checked without its variables; the report says why, in the format asked for (text: stderr).
      checked.push({
        file: `--dotenv ${loaded.file}`,
        choice: undefined,
        issues: [{ issue: loaded.issue, position: undefined }],
        warnings: [],
        omitted: undefined,
      });
    } else {
      const template = { env: loaded.variables, allowUnresolved: values['allow-unresolved'] === true, allowKeys };
      const logo = values.logo;
      const logoIssue = logo === undefined ? undefined : await checkLogo(resolve(io.cwd, logo), logo);
      for (const listed of listFiles(positionals, io.cwd)) checked.push(await checkFile(listed, io, option, logoIssue, template));
    }
    const files = checked.map(toFileReport);
    const summary = summarize(files, strict);

    switch (format) {
      case 'text':
        printText(checked, summary, strict, io);
        break;
      case 'json':
        // The report's shape stays as documented: a note goes to stderr.
        for (const entry of checked)
          if (entry.note !== undefined) io.stderr(`${shownFileName(entry.file)}: note: ${entry.note}\n`);
        io.stdout(`${JSON.stringify({ files, summary } satisfies ValidateReport, null, 2)}\n`);
        break;
      case 'github':
        printAnnotations(checked, summary, strict, io);
        break;
      case 'markdown':
        printMarkdown(checked, summary, strict, io);
        break;
    }
    return summary.failed === 0 ? EXIT.ok : EXIT.failure;
  },
});
