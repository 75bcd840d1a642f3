/**
 * `lp-app-manifest fix`: repairs a manifest file's mechanical mistakes (lp-app-manifest/text's
 * `fixManifestText`), printing the change as a diff with every secret masked, or saving it.
 */
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { issueLine } from '../internal.js';
import { fixManifestText, type TextIssue } from '../text/index.js';
import { ALLOW_KEY_OPTION, readAllowKeys } from './allow-keys.js';
import { readProfile } from './args.js';
import { defineCommand } from './command.js';
import { decodeJsonText, readBytes } from './files.js';
import { EXIT, UsageError } from './io.js';
import { formatIssueLine, plural, shownFileName } from './report.js';
import { schemaReference } from './schema-ref.js';
import { unifiedDiff } from './text-diff.js';
import { describeWriteError, writeFileAtomic } from './write-atomic.js';

/** A remaining issue as `validate` prints it: `FILE:LINE:COLUMN: [warning: ]PATH: MESSAGE [code]` (not JSON: `FILE:LINE:COLUMN: MESSAGE [code]`). */
function remainingLine(file: string, issue: TextIssue): string {
  const where = `${shownFileName(file)}:${issue.start.line}:${issue.start.column}`;
  if (issue.code === 'invalid_json') return `${where}: ${issue.message} [${issue.code}]`;
  return `${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issueLine(issue)}`;
}

/** `lp-app-manifest fix [--write] [--profile P] [--allow-key KEY]... <file>` */
export const fixCommand = defineCommand({
  name: 'fix',
  summary: 'repair the mechanical mistakes in a manifest file',
  usage: '[options] <file>',
  description: `Repairs the mistakes in a manifest file (JSON) that have exactly one correct
repair, and prints the change as a unified diff (header values and
client_secret are shown as "(hidden)"), a line for each repair, then the
issues that remain, as validate prints them. With --write, saves the repaired
file in place (atomically; its indentation, key order and line ends kept).

Repaired: a trailing comma; a repeated key (the last copy, the one JSON
readers keep, stays); the server-assigned keys of a fetched installation
(client_id, client_secret, id, ...); the misspelled event name
ms.MessagingEventNotification.ExConversationChangeNotification; a key or list
value with a single "did you mean" (AcceptStatus, cart_item, Section); a
string where a list is required ("code" -> ["code"]); "true", "false" or a
whole number written as a string; headers written as an object; and, with
--profile, a missing "$schema" or one naming the other profile (written as
init writes it). Nothing that would change what the manifest means is
repaired: no http:// made https://, no number clamped, no URL rewritten, no
header value touched. A \${{ NAME }} placeholder is filled from the
environment variable NAME, as validate does; one whose variable is unset (a
pulled file's header values) is a warning, as with validate --allow-unresolved.`,
  options: {
    write: { type: 'boolean', help: 'save the repaired file in place (atomically) instead of printing\nthe diff' },
    profile: {
      type: 'string',
      value: '<name>',
      help: 'general or connector; without it, a "$schema" naming a profile\'s\nschema selects it, else general. With it, "$schema" is\nwritten for that profile where missing or naming the other',
    },
    ...ALLOW_KEY_OPTION,
  },
  positionals: true,
  epilogue: `Without --write, the issues that remain are placed in the repaired text (the
"+" side of the diff). Exit status: 0 if no error remains after the repairs
(warnings allowed), 1 if errors remain or the file cannot be read (reported
on stderr, as validate does), 2 for a usage error.`,
  async run({ values, positionals }, io) {
    const profile = readProfile(values.profile);
    const allowKeys = readAllowKeys(values['allow-key']);
    if (positionals.length === 0) throw new UsageError('no file given');
    if (positionals.length > 1) throw new UsageError('fix takes one file');
    const file = positionals[0]!;
    if (file === '-') throw new UsageError('fix reads a file, not standard input (-): it repairs the file in place with --write');
    const given = resolve(io.cwd, file);
    // --write edits the file in place: through a symbolic link, the file it names (the link stays a link).
    const path = await realpath(given).catch(() => given);
    const before = await stat(path).catch(() => undefined);
    const bytes = await readBytes(path);
    const decoded = bytes.ok ? decodeJsonText(bytes.value) : bytes;
    if (!decoded.ok) {
      // As validate: a file that cannot be read is reported on stderr, and fails the run (exit 1, as every command).
      io.stderr(`${formatIssueLine(file, decoded.issue, { fileLevel: true })}\n`);
      return EXIT.failure;
    }
    // decodeJsonText drops a byte order mark: the file keeps its own.
    const bom = bytes.ok && bytes.value[0] === 0xef && bytes.value[1] === 0xbb && bytes.value[2] === 0xbf ? '\ufeff' : '';
    const text = bom + decoded.value;
    const schema = profile === undefined ? undefined : schemaReference(profile, dirname(path)).ref;
    // A placeholder is no mistake to repair: one whose variable is unset (a pulled file's header values) is a warning,
    // as validate --allow-unresolved says it, and the rest of the file is checked.
    const fixed = fixManifestText(text, { profile, env: process.env, allowUnresolved: true, allowKeys, schema });
    const out: string[] = [];
    if (fixed.applied.length === 0) out.push(`${shownFileName(file)}: nothing to repair`);
    else {
      if (values.write !== true) out.push(unifiedDiff(shownFileName(file), text, fixed.text).trimEnd());
      for (const repair of fixed.applied)
        out.push(
          `${shownFileName(file)}:${repair.start.line}:${repair.start.column}: repaired: ${repair.title} [${repair.code}]`,
        );
    }
    const remaining = [...fixed.check.issues, ...fixed.check.warnings];
    // Where the file was not written, the places are those of the text it would be: said once, before them.
    if (remaining.length > 0 && fixed.applied.length > 0 && values.write !== true)
      out.push(`${shownFileName(file)}: left after the repairs, at their lines in the repaired text (the + side of the diff):`);
    for (const issue of remaining) out.push(remainingLine(file, issue));
    if (fixed.applied.length > 0 && values.write === true) {
      const refused = await refusal(path, before);
      try {
        if (refused !== undefined) throw new WriteRefused(refused);
        await writeFileAtomic(path, fixed.text);
      } catch (error) {
        io.stdout(`${out.join('\n')}\n`);
        const why = error instanceof WriteRefused ? error.message : describeWriteError(error);
        io.stderr(`${shownFileName(file)}: cannot write: ${why}; the file was left as it was\n`);
        return EXIT.failure;
      }
    }
    const errors = fixed.check.issues.length;
    const warnings = fixed.check.warnings.length;
    const left =
      errors === 0 && warnings === 0
        ? 'nothing left to report'
        : `${plural(errors, 'issue')} and ${plural(warnings, 'warning')} left`;
    const made =
      fixed.applied.length === 0
        ? ''
        : `${plural(fixed.applied.length, 'repair')}${values.write === true ? `, written to ${shownFileName(file)}` : ' (not written: --write saves them)'}; `;
    out.push(`${shownFileName(file)}: ${made}${left} (${fixed.check.profile} profile)`);
    io.stdout(`${out.join('\n')}\n`);
    return errors === 0 ? EXIT.ok : EXIT.failure;
  },
});

/** A write `fix --write` refuses to make, with why. */
class WriteRefused extends Error {}

/**
 * Why the repaired text must not replace the file, if it must not: the file is read-only (a rename
 * would replace it all the same, as anyone who may write the folder), or it changed while it was
 * being repaired (the change would be lost).
 */
async function refusal(
  path: string,
  before: { readonly mtimeMs: number; readonly size: number } | undefined,
): Promise<string | undefined> {
  if (
    !(await access(path, constants.W_OK).then(
      () => true,
      () => false,
    ))
  )
    return 'the file is read-only (make it writable to repair it)';
  const now = await stat(path).catch(() => undefined);
  if (before === undefined || now === undefined || now.mtimeMs !== before.mtimeMs || now.size !== before.size)
    return 'the file changed while it was being repaired (run fix again)';
  return undefined;
}
