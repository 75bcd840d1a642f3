/**
 * `lp-app-manifest diff A B`: a semantic diff of two manifests, offline.
 */
import { defineCommand } from './command.js';
import { installationsApi, readJsonFile, reportFailure } from './deploy.js';
import { EXIT, UsageError } from './io.js';

/**
 * `lp-app-manifest diff <a> <b> [--format text|json] [--exit-code]`
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
B, one line per value: "+ path: value" added, "- path: value" removed,
"~ path: before → after" changed. Webhook header values and other secrets are
never shown: a changed one reads "(hidden) → (hidden)". Of a malformed webhook
header (a string, a misspelled key, a name that is not an HTTP token) nothing
is shown but a header_name that is a token. "$schema" is editor metadata, never
a change. Works offline.`,
  options: {
    format: { type: 'string', value: '<name>', help: 'text (default) or json: {"equal": …, "changes": [{kind, path, …}]}' },
    'exit-code': { type: 'boolean', help: 'exit with 3 when the manifests differ' },
  },
  positionals: true,
  epilogue: 'Exit status: 0 (or 3 with --exit-code when they differ), 1 if a file cannot be\nread, 2 for a usage error.',
  async run({ values, positionals }, io) {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' (use text or json)`);
    const [a, b, ...extra] = positionals;
    if (a === undefined || b === undefined) throw new UsageError('diff needs two manifest files');
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument '${extra[0]}' (diff takes two files)`);
    if (a === '-' || b === '-') throw new UsageError('diff reads two files, not standard input (-)');
    const { diffManifests, formatManifestDiff } = await installationsApi();
    let diff: ReturnType<typeof diffManifests>;
    try {
      diff = diffManifests(await readJsonFile(a, io), await readJsonFile(b, io));
    } catch (error) {
      return reportFailure(error, io);
    }
    if (format === 'json') io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
    else if (!diff.equal) io.stdout(`${formatManifestDiff(diff)}\n`);
    return values['exit-code'] === true && !diff.equal ? EXIT.differences : EXIT.ok;
  },
});
