/**
 * `lp-app-manifest validate`: checks manifest files, reports every issue.
 */
import { resolve } from 'node:path';
import { match } from 'ts-pattern';
import { validateManifest, type Profile } from '../index.js';
import { HELP_OPTION, parseCommandLine, PROFILE_OPTION, PROGRAM, readFormat, readProfile } from './args.js';
import type { Command } from './command.js';
import { isFileProblemCode, parseJsonBytes, readJson, readStream, type ReadResult } from './files.js';
import { EXIT, UsageError, type ExitCode, type Io } from './io.js';
import { checkLogo, type LogoProblem } from './logo.js';
import { formatIssueLine, plural, toReportIssue, type ReportIssue } from './report.js';

const HELP = `Usage: ${PROGRAM} validate [options] <file...>

Checks LivePerson app manifest files (JSON) and reports every issue.
The file name - reads the manifest from standard input.

Options:
  --profile <name>  general (default) or connector: the stricter Connector API rules
  --format <name>   text (default) or json: a machine-readable report on stdout
  --logo <file>     also check that this local logo image is exactly 70x70 pixels
  -h, --help        show this help

Text output: one line per issue, "FILE: PATH: MESSAGE [code]" ("(root)" is the
whole manifest), warnings as "FILE: warning: …", then a summary line. A file
that cannot be read or parsed is reported on stderr. With --format json,
everything, unreadable files included, is in the report on stdout.

Exit status: 0 if every file is valid (warnings allowed), 1 if any is not,
2 for a usage error.`;

/** The result for one file, as `--format json` reports it. */
export interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly issues: readonly ReportIssue[];
  readonly warnings: readonly ReportIssue[];
}

/** Totals over every file, as `--format json` reports them. */
export interface ReportSummary {
  readonly files: number;
  readonly valid: number;
  readonly invalid: number;
  readonly issues: number;
  readonly warnings: number;
}

/** The whole `--format json` report. */
export interface ValidateReport {
  readonly files: readonly FileReport[];
  readonly summary: ReportSummary;
}

/** The file name that means standard input, as in most command-line tools. */
const STDIN = '-';

async function readManifest(file: string, io: Io): Promise<ReadResult<unknown>> {
  if (file !== STDIN) return readJson(resolve(io.cwd, file));
  const read = await readStream(io.stdin);
  return read.ok ? parseJsonBytes(read.value) : read;
}

async function checkFile(file: string, io: Io, profile: Profile, logoProblem: LogoProblem | undefined): Promise<FileReport> {
  const read = await readManifest(file, io);
  if (!read.ok) {
    const issue: ReportIssue = { ...read.problem, severity: 'error', path: '' };
    return { file, valid: false, issues: [issue], warnings: [] };
  }
  const result = validateManifest(read.value, { profile });
  const issues = result.ok ? [] : result.issues.map(toReportIssue);
  // The logo is the image logo_uri points to, so its problem belongs there in every manifest it is checked with.
  if (logoProblem !== undefined) issues.push({ ...logoProblem, severity: 'error', path: 'logo_uri' });
  return { file, valid: issues.length === 0, issues, warnings: result.warnings.map(toReportIssue) };
}

function summarize(files: readonly FileReport[]): ReportSummary {
  const valid = files.filter((file) => file.valid).length;
  return {
    files: files.length,
    valid,
    invalid: files.length - valid,
    issues: files.reduce((sum, file) => sum + file.issues.length, 0),
    warnings: files.reduce((sum, file) => sum + file.warnings.length, 0),
  };
}

function printText(report: ValidateReport, io: Io): void {
  const out: string[] = [];
  for (const { file, issues, warnings } of report.files) {
    for (const issue of issues) {
      // A file that cannot be read is an error of the run, not a finding in a manifest: stderr.
      if (isFileProblemCode(issue.code)) io.stderr(`${formatIssueLine(file, issue, { fileLevel: true })}\n`);
      else out.push(formatIssueLine(file, issue));
    }
    for (const warning of warnings) out.push(formatIssueLine(file, warning));
  }
  const { summary } = report;
  out.push(
    `${plural(summary.files, 'file')} checked: ${summary.valid} valid, ${summary.invalid} invalid, ` +
      `${plural(summary.issues, 'issue')}, ${plural(summary.warnings, 'warning')}`,
  );
  io.stdout(`${out.join('\n')}\n`);
}

/** `lp-app-manifest validate [--profile P] [--format text|json] [--logo FILE] <file...>` */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check manifest files and report every issue',
  help: HELP,
  async run(args: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandLine({
      args: [...args],
      options: { ...HELP_OPTION, ...PROFILE_OPTION, format: { type: 'string' }, logo: { type: 'string' } },
      allowPositionals: true,
    });
    if (values.help === true) {
      io.stdout(`${HELP}\n`);
      return EXIT.ok;
    }
    const profile = readProfile(values.profile) ?? 'general';
    const format = readFormat(values.format);
    if (positionals.length === 0) throw new UsageError('no files given');

    const logo = values.logo;
    const logoProblem = logo === undefined ? undefined : await checkLogo(resolve(io.cwd, logo), logo);
    const files: FileReport[] = [];
    for (const file of positionals) files.push(await checkFile(file, io, profile, logoProblem));
    const report: ValidateReport = { files, summary: summarize(files) };

    match(format)
      .with('text', () => printText(report, io))
      .with('json', () => io.stdout(`${JSON.stringify(report, null, 2)}\n`))
      .exhaustive();
    return report.summary.invalid === 0 ? EXIT.ok : EXIT.failure;
  },
};
