/**
 * How `diff` and `plan` print changes: one line per changed JSON path (text),
 * a `diff` block inside `<details>` (markdown, for a pull-request comment or
 * `$GITHUB_STEP_SUMMARY`), or data (JSON); each bounded, every secret hidden
 * (the values come from the installations diff, which asks `src/rules/secrets.ts`).
 */
import type { InstallationPlan, ManifestChange, ManifestDiff } from '../installations/index.js';
import { installationsApi } from './deploy.js';
import { MAX_LISTED, plural, shownFileName } from './report.js';

/** The formats `diff` and `plan` print. */
export const CHANGE_FORMATS = ['text', 'json', 'markdown'] as const;

/** One of {@link CHANGE_FORMATS}. */
export type ChangeFormat = (typeof CHANGE_FORMATS)[number];

/**
 * The most changes a listing shows (text, markdown, JSON alike): the rest are counted, so that a
 * huge input gives bounded output.
 */
export const MAX_CHANGES = MAX_LISTED;

/** The lines of some changes, at most {@link MAX_CHANGES}, then `… and N more changes`. */
export async function changeLines(changes: readonly ManifestChange[]): Promise<string[]> {
  const { formatManifestDiff } = await installationsApi();
  const text = formatManifestDiff({ equal: changes.length === 0, changes }, { limit: MAX_CHANGES });
  return text === '' ? [] : text.split('\n');
}

/** The changes of a diff as JSON data: `changes` lists the first {@link MAX_CHANGES}, `more` counts the rest. */
export function changesData(changes: readonly ManifestChange[]): {
  readonly changes: readonly ManifestChange[];
  readonly more?: number;
} {
  if (changes.length <= MAX_CHANGES) return { changes };
  return { changes: changes.slice(0, MAX_CHANGES), more: changes.length - MAX_CHANGES };
}

/** The longest run of backticks in a text. */
const longestBackticks = (text: string): number => Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));

/**
 * Inline code in markdown: `text` in as many backticks as it needs (CommonMark, "Code spans"), on
 * one line, its control characters escaped as a file name in a line of text is.
 *
 * @example
 * ```ts
 * import { codeSpan } from './changes.js';
 *
 * codeSpan('manifest.json'); // '`manifest.json`'
 * ```
 */
export function codeSpan(text: string): string {
  const shown = shownFileName(text);
  const fence = '`'.repeat(longestBackticks(shown) + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/**
 * Lines as a fenced ```` ```diff ```` block, which GitHub colours: `+` green, `-` red, and a
 * change (`~`) written `!` as Atlantis writes Terraform's `~` (its markdown renderer's
 * `DiffMarkdownFormattedTerraformOutput`). The fence is longer than any run of backticks inside.
 */
export function diffBlock(lines: readonly string[]): string {
  const body = lines.map((line) => (line.startsWith('~ ') ? `! ${line.slice(2)}` : line)).join('\n');
  const fence = '`'.repeat(Math.max(3, longestBackticks(body) + 1));
  return `${fence}diff\n${body}\n${fence}`;
}

/**
 * `diff --format markdown`: a heading line, then the changes in a `diff` block inside
 * `<details>` (closed: a long list stays out of the way), as Terraform and Atlantis comments show a plan.
 */
export async function diffMarkdown(diff: ManifestDiff, a: string, b: string): Promise<string> {
  const heading = `**lp-app-manifest diff** ${codeSpan(a)} → ${codeSpan(b)}`;
  if (diff.equal) return `${heading}: no changes.\n`;
  const count = plural(diff.changes.length, 'change');
  return `${heading}: ${count}.\n\n${details(`Show ${count}`, diffBlock(await changeLines(diff.changes)))}`;
}

const details = (summary: string, body: string): string => `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n`;

/** The changes of a plan that are not deletions, and the deletions. */
export function splitPlan(plan: InstallationPlan): {
  readonly others: readonly ManifestChange[];
  readonly deletions: readonly ManifestChange[];
} {
  return { others: plan.diff.changes.filter((change) => change.kind !== 'removed'), deletions: plan.deletions };
}

/** What the deletions section says of the flag that allows them. */
const deletionsTitle = (count: number): string =>
  `${plural(count, 'deletion')} (apply carries ${count === 1 ? 'it' : 'them'} out only with --allow-deletes)`;

/**
 * The plan as text: a heading, one line per change, and the deletions in a section of their own.
 */
export async function planText(plan: InstallationPlan, account: string, file: string): Promise<string> {
  const { others, deletions } = splitPlan(plan);
  const shownFile = shownFileName(file);
  if (plan.action === 'none') return `Installation ${plan.id ?? '?'} in account ${account} matches ${shownFile}: no changes.\n`;
  const heading =
    plan.action === 'create'
      ? `No installation named ${JSON.stringify(plan.body['client_name'])} in account ${account}: it will be created from ${shownFile}.`
      : `Installation ${plan.id ?? '?'} in account ${account}: ${plural(plan.diff.changes.length, 'change')} to match ${shownFile}.`;
  const out = [heading, ...(await changeLines(others))];
  if (deletions.length > 0) out.push('', `${deletionsTitle(deletions.length)}:`, ...(await changeLines(deletions)));
  return `${out.join('\n')}\n`;
}

/**
 * `plan --format markdown`: a heading, the deletions (if any) in a section that is always open,
 * and every other change in a `diff` block inside `<details>`.
 */
export async function planMarkdown(plan: InstallationPlan, account: string, file: string): Promise<string> {
  const { others, deletions } = splitPlan(plan);
  const where = `account ${codeSpan(account)}`;
  const target =
    plan.action === 'create'
      ? `a new installation from ${codeSpan(file)} in ${where}`
      : `installation ${codeSpan(plan.id ?? '?')} in ${where}, to match ${codeSpan(file)}`;
  const heading = `**lp-app-manifest plan**: ${plan.action === 'none' ? 'no changes to' : plan.action}`;
  if (plan.action === 'none') return `${heading} ${target}.\n`;
  const parts = [`${heading} ${target}: ${plural(plan.diff.changes.length, 'change')}.`];
  if (deletions.length > 0) {
    parts.push(`**${deletionsTitle(deletions.length).replace('--allow-deletes', '`--allow-deletes`')}:**`);
    parts.push(diffBlock(await changeLines(deletions)));
  }
  if (others.length > 0)
    parts.push(details(`Show ${plural(others.length, 'change')}`, diffBlock(await changeLines(others))).trimEnd());
  return `${parts.join('\n\n')}\n`;
}

/**
 * `plan --format json`: the plan as data (documented in docs/cli.md), deterministic: `version` (1),
 * `action`, `account`, `id` (null for a create), `summary` (how many changes add, change and
 * remove), `needsAllowDeletes`, and `changes` (the first {@link MAX_CHANGES}; `more` counts the rest).
 */
export function planData(plan: InstallationPlan, account: string): Record<string, unknown> {
  const count = (kind: ManifestChange['kind']): number => plan.diff.changes.filter((change) => change.kind === kind).length;
  return {
    version: 1,
    action: plan.action,
    account,
    id: plan.action === 'create' ? null : (plan.id ?? null),
    summary: { added: count('added'), changed: count('changed'), removed: count('removed') },
    needsAllowDeletes: plan.deletions.length > 0,
    ...changesData(plan.diff.changes),
  };
}

/** What a deletion is called in a message: its path, and its header name or value as its line shows them. */
export async function deletionNames(deletions: readonly ManifestChange[], most = 3): Promise<string> {
  const { formatManifestChange } = await installationsApi();
  const names = deletions.slice(0, most).map((change) => formatManifestChange(change).slice(2));
  const more = deletions.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more.toLocaleString('en-US')} more` : names.join(', ');
}
