/**
 * `lp-app-manifest audit --account ID`: every installation of an account,
 * checked against the manifest rules, for an account admin.
 */
import { isHttpToken, validateManifest, type Profile, type ValidationIssue } from '../index.js';
import { issueLine } from '../internal.js';
import { firstHiddenKey } from '../rules/names.js';
import { looksLikeConnector } from '../rules/profiles.js';
import { PROGRAM, readFormat, readProfile } from './args.js';
import { defineCommand } from './command.js';
import {
  CREDENTIALS_HELP,
  DeployFailure,
  installationsApi,
  readAccount,
  readTimeout,
  REMOTE_OPTIONS,
  reportFailure,
  withClient,
} from './deploy.js';
import { EXIT } from './io.js';
import { MARKDOWN_ROWS, markdownRow, markdownText } from './markdown.js';
import { annotationLines, escapeData, escapeProperty, plural, type Annotated } from './report.js';

/** One finding about an installation, as every format reports it: no header value, no secret, no key that is not a name. */
export interface AuditIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** The JSON path in the installation; cut before a key that is not a name (it may be a pasted secret). */
  readonly path: string;
  readonly message: string;
}

/** One installation, as `audit --format json` reports it. */
export interface AuditedInstallation {
  /** The installation id; `null` where it is not a name (never shown) or missing. */
  readonly id: string | null;
  /** Its `client_name` as LivePerson stores it; `null` when it has none that is text. */
  readonly client_name: string | null;
  /** Its `enabled`; `null` when LivePerson's answer has none. */
  readonly enabled: boolean | null;
  /** The profile it was checked against: the one asked for, else `connector` where it looks like a Connector API app. */
  readonly profile: Profile;
  readonly valid: boolean;
  readonly issues: readonly AuditIssue[];
  readonly warnings: readonly AuditIssue[];
}

/** The whole `audit --format json` report. */
export interface AuditReport {
  readonly account: string;
  readonly installations: readonly AuditedInstallation[];
  readonly summary: {
    readonly installations: number;
    readonly valid: number;
    readonly invalid: number;
    readonly issues: number;
    readonly warnings: number;
    readonly strict: boolean;
    /** The installations that fail the run: the invalid ones, and with `--strict` the ones with a warning. */
    readonly failed: number;
  };
}

/** The id as shown: only a name (an id is what LivePerson answered: never, say, a pasted "Authorization: Bearer …"). */
const shownId = (id: unknown): string | null => (typeof id === 'string' && isHttpToken(id) ? id : null);

/** `installation ID`, or a phrase where the id is not shown. */
const where = (installation: AuditedInstallation): string =>
  installation.id === null ? 'an installation whose id is not shown' : `installation ${installation.id}`;

function auditOne(
  installation: Readonly<Record<string, unknown>>,
  option: Profile | undefined,
  api: Awaited<ReturnType<typeof installationsApi>>,
): AuditedInstallation {
  // The fields a manifest manages, header values included: the validator never shows one.
  const { manifest } = api.manifestFromInstallation(installation, { hideSecrets: false });
  const profile = option ?? (looksLikeConnector(manifest) ? 'connector' : 'general');
  const result = validateManifest(manifest, { profile });
  const shown = (issue: ValidationIssue): AuditIssue => {
    const cut = firstHiddenKey(issue.segments);
    return {
      code: issue.code,
      severity: issue.severity,
      path: cut === -1 ? issue.path : api.formatJsonPath(issue.segments.slice(0, cut)),
      message: cut === -1 ? issue.message : 'a key that is not an HTTP token (not shown: it may be a secret)',
    };
  };
  const name = installation['client_name'];
  const enabled = installation['enabled'];
  return {
    id: shownId(installation['id']),
    client_name: typeof name === 'string' ? name : null,
    enabled: typeof enabled === 'boolean' ? enabled : null,
    profile,
    valid: result.ok,
    issues: result.ok ? [] : result.issues.map(shown),
    warnings: result.warnings.map(shown),
  };
}

const yesNo = (value: boolean | null): string => (value === null ? '—' : value ? 'yes' : 'no');

function summaryLine({ summary }: AuditReport): string {
  const failing =
    summary.strict && summary.failed > summary.invalid
      ? ` (${summary.failed - summary.invalid} valid with warnings, failing --strict)`
      : '';
  return `${plural(summary.installations, 'installation')} checked: ${summary.valid} valid, ${summary.invalid} invalid, ${plural(summary.issues, 'issue')}, ${plural(summary.warnings, 'warning')}${failing}`;
}

/** Text: a table (id, client_name, enabled, profile, counts), then each installation's issues, then the summary. */
function text(report: AuditReport): string {
  const rows = [
    ['id', 'client_name', 'enabled', 'profile', 'issues', 'warnings'],
    ...report.installations.map((each) => [
      each.id ?? '(not shown)',
      each.client_name === null ? '—' : JSON.stringify(each.client_name),
      yesNo(each.enabled),
      each.profile,
      String(each.issues.length),
      String(each.warnings.length),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
  const details = report.installations.flatMap((each) => [
    ...each.issues.map((issue) => `${where(each)}: ${issueLine(issue)}`),
    ...each.warnings.map((issue) => `${where(each)}: warning: ${issueLine(issue)}`),
  ]);
  return `${[`Account ${report.account}:`, ...table, ...(details.length > 0 ? ['', ...details] : []), summaryLine(report)].join('\n')}\n`;
}

function markdown(report: AuditReport): string {
  const out = [`### lp-app-manifest audit of account ${markdownText(report.account)}: ${markdownText(summaryLine(report))}`, ''];
  out.push(markdownRow(['id', 'client_name', 'enabled', 'profile', 'result', 'issues', 'warnings']));
  out.push(markdownRow(['---', '---', '---', '---', '---', '---:', '---:']));
  for (const each of report.installations) {
    const result = !each.valid
      ? '❌ invalid'
      : report.summary.strict && each.warnings.length > 0
        ? '❌ fails --strict'
        : '✅ valid';
    out.push(
      markdownRow([
        each.id === null ? '(not shown)' : markdownText(each.id),
        each.client_name === null ? '—' : markdownText(each.client_name),
        yesNo(each.enabled),
        each.profile,
        result,
        String(each.issues.length),
        String(each.warnings.length),
      ]),
    );
  }
  let rows = MARKDOWN_ROWS;
  for (const each of report.installations) {
    const found = [...each.issues, ...each.warnings];
    if (found.length === 0) continue;
    out.push('', `<details><summary>${markdownText(where(each))}: ${plural(found.length, 'finding')}</summary>`, '');
    out.push(markdownRow(['severity', 'issue']), markdownRow(['---', '---']));
    const listed = found.slice(0, Math.max(rows, 0));
    rows -= listed.length;
    for (const issue of listed) out.push(markdownRow([issue.severity, markdownText(issueLine(issue))]));
    if (listed.length < found.length)
      out.push(
        '',
        `… and ${plural(found.length - listed.length, 'more finding')} not listed here: run \`audit\` without \`--format markdown\` to see them all.`,
      );
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}

function github(report: AuditReport): string {
  const found: Annotated[] = report.installations.flatMap((each) =>
    [...each.issues, ...each.warnings].map((issue): Annotated => {
      const kind = issue.severity === 'error' || report.summary.strict ? 'error' : 'warning';
      const line = `${where(each)}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issueLine(issue)}`;
      return {
        kind,
        annotation: `::${kind} title=${escapeProperty(issue.code)}::${escapeData(`${where(each)}: ${issueLine(issue)}`)}`,
        line,
        counts: { [issue.severity]: 1 },
      };
    }),
  );
  return `${[...annotationLines(found), summaryLine(report)].join('\n')}\n`;
}

/** `lp-app-manifest audit --account ID [--profile P] [--format text|json|markdown|github] [--strict]` */
export const auditCommand = defineCommand({
  name: 'audit',
  summary: 'check every installation of a LivePerson account against the rules',
  usage: '--account <id> [options]',
  description: `Lists the account's installations (one call), reads each one (one call
each, retried as every read is), and checks it against the manifest rules:
as a Connector API app where it looks like one (scope msg.consumer with the
client_credentials grant), else as a general app, unless --profile says. The
fields LivePerson assigns (id, client_secret…) and those a manifest has no
place for are not checked, nor are installations marked deleted. Prints a
table of id, client_name, enabled and the profile with the counts, then
every issue and warning. Changes nothing. No
secret is ever shown: not client_secret, not a header value.

${CREDENTIALS_HELP}`,
  options: {
    ...REMOTE_OPTIONS,
    profile: {
      type: 'string',
      value: '<name>',
      help: 'general or connector for every installation (default: by what each looks like)',
    },
    format: {
      type: 'string',
      value: '<name>',
      help: 'text (default), json (a report), markdown (for $GITHUB_STEP_SUMMARY)\nor github (annotations)',
    },
    strict: { type: 'boolean', help: 'exit 1 when any installation has a warning, too' },
  },
  positionals: false,
  epilogue: 'Exit status: 0 every installation valid, 1 one is not (or the audit failed),\n2 for a usage error.',
  async run({ values }, io) {
    const account = readAccount(values.account);
    const timeoutMs = readTimeout(values.timeout);
    const option = readProfile(values.profile);
    const format = readFormat(values.format);
    const strict = values.strict === true;
    try {
      const api = await installationsApi();
      const installations = await withClient(account, timeoutMs, io, async (client) => {
        const audited: AuditedInstallation[] = [];
        for (const listed of await client.list()) {
          // Deleted installations are LivePerson's record of what was removed: nothing to check.
          if (listed['deleted'] === true) continue;
          const id = listed['id'];
          if (typeof id !== 'string' || id === '')
            throw new DeployFailure(
              `the list of account ${account}'s installations has an item without an id, which audit cannot read; nothing was checked`,
            );
          // The list may carry only some fields: each one is read whole.
          let installation: Readonly<Record<string, unknown>>;
          try {
            ({ installation } = await client.get(id));
          } catch (error) {
            // Removed between the list and the read: nothing left to check, and the others still are.
            if (!(error instanceof Error && (error as { code?: unknown }).code === 'not_found')) throw error;
            io.stderr(
              `${PROGRAM}: installation ${shownId(id) ?? '(id not shown)'} was listed but is gone (HTTP 404): not checked\n`,
            );
            continue;
          }
          if (installation['deleted'] !== true) audited.push(auditOne(installation, option, api));
        }
        return audited;
      });
      const invalid = installations.filter((each) => !each.valid).length;
      const report: AuditReport = {
        account,
        installations,
        summary: {
          installations: installations.length,
          valid: installations.length - invalid,
          invalid,
          issues: installations.reduce((sum, each) => sum + each.issues.length, 0),
          warnings: installations.reduce((sum, each) => sum + each.warnings.length, 0),
          strict,
          failed: installations.filter((each) => !each.valid || (strict && each.warnings.length > 0)).length,
        },
      };
      switch (format) {
        case 'text':
          io.stdout(text(report));
          break;
        case 'json':
          io.stdout(`${JSON.stringify(report, null, 2)}\n`);
          break;
        case 'markdown':
          io.stdout(markdown(report));
          break;
        case 'github':
          io.stdout(github(report));
          break;
      }
      return report.summary.failed === 0 ? EXIT.ok : EXIT.failure;
    } catch (error) {
      return reportFailure(error, io);
    }
  },
});
