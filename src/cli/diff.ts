/**
 * `lp-app-manifest diff A B`: a semantic diff of two manifests, offline.
 */
import { CHANGE_FORMATS, changeLines, changesData, diffMarkdown, type ChangeFormat } from './changes.js';
import { defineCommand } from './command.js';
import { installationsApi, readJsonFile, reportFailure } from './deploy.js';
import { EXIT, UsageError } from './io.js';

/**
 * `lp-app-manifest diff <a> <b> [--format text|json|markdown] [--exit-code]`
 *
 * @example
 * ```ts
 * import { runProgram } from './program.js';
 *
 * const io = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text), stdin: process.stdin, cwd: process.cwd() };
 * process.exitCode = await runProgram(['diff', 'a.json', 'b.json', '--exit-code'], io);
 * ```
 */
export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'compare two manifests, by JSON path (secrets never shown)',
  usage: '[options] <a.json> <b.json>',
  description: `Compares two manifests after canonical ordering (key order and the order of
enum lists such as grant_types do not count) and prints what changed from A to
B, one line per JSON path: "+ path: value" added (an added object or list
field by field), "- path: value" removed (a removed list item by item: "-
….headers[0] (Authorization)"), "~ path: before → after" changed. At most
1,000 lines, then "… and N more changes". Webhook header values and other
secrets are never shown: a changed one reads "(hidden) → (hidden)". Of a malformed webhook
header (a string, a misspelled key, a name that is not an HTTP token) nothing
is shown but a header_name that is a token. "$schema" is editor metadata, never
a change. Works offline.`,
  options: {
    format: {
      type: 'string',
      value: '<name>',
      help: 'text (default); json: {"equal": …, "changes": [{kind, path, …}]}\n(and "more": N past 1,000 changes); markdown: for a pull-request comment\nor $GITHUB_STEP_SUMMARY',
    },
    'exit-code': { type: 'boolean', help: 'exit with 3 when the manifests differ' },
  },
  positionals: true,
  epilogue: 'Exit status: 0 (or 3 with --exit-code when they differ), 1 if a file cannot be\nread, 2 for a usage error.',
  async run({ values, positionals }, io) {
    const format = (values.format ?? 'text') as ChangeFormat;
    if (!CHANGE_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (use text, json or markdown)`);
    const [a, b, ...extra] = positionals;
    if (a === undefined || b === undefined) throw new UsageError('diff needs two manifest files');
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument '${extra[0]}' (diff takes two files)`);
    if (a === '-' || b === '-') throw new UsageError('diff reads two files, not standard input (-)');
    const { diffManifests } = await installationsApi();
    let diff: ReturnType<typeof diffManifests>;
    try {
      diff = diffManifests(await readJsonFile(a, io), await readJsonFile(b, io));
    } catch (error) {
      return reportFailure(error, io);
    }
    if (format === 'json') io.stdout(`${JSON.stringify({ equal: diff.equal, ...changesData(diff.changes) }, null, 2)}\n`);
    else if (format === 'markdown') io.stdout(await diffMarkdown(diff, a, b));
    else if (!diff.equal) io.stdout(`${(await changeLines(diff.changes)).join('\n')}\n`);
    return values['exit-code'] === true && !diff.equal ? EXIT.differences : EXIT.ok;
  },
});
