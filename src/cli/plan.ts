/**
 * `lp-app-manifest plan FILE --account ID [--app ID]`: what apply would change.
 */
import { ALLOW_KEY_OPTION, readAllowKeys } from './allow-keys.js';
import { CHANGE_FORMATS, planData, planMarkdown, planText, type ChangeFormat } from './changes.js';
import { defineCommand } from './command.js';
import {
  DOTENV_OPTION,
  CREDENTIALS_HELP,
  desiredManifest,
  planFor,
  readAccount,
  readApp,
  readTimeout,
  REMOTE_OPTIONS,
  reportFailure,
  withClient,
} from './deploy.js';
import { EXIT, UsageError } from './io.js';

/**
 * `lp-app-manifest plan <file> --account ID [--app ID] [--format text|json|markdown] [--exit-code]`
 *
 * @example
 * ```ts
 * import { runProgram } from './program.js';
 *
 * const io = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text), stdin: process.stdin, cwd: process.cwd() };
 * process.exitCode = await runProgram(['plan', 'manifest.json', '--account', '12345678'], io);
 * ```
 */
export const planCommand = defineCommand({
  name: 'plan',
  summary: 'show what apply would change in LivePerson, changing nothing',
  usage: '<file> --account <id> [--app <id>] [options]',
  description: `Reads the manifest, fetches the installation, and prints the differences
between what is installed and what apply would make it, one line per JSON
path ("+ path: value" added, "- path" removed, "~ path: before → after"
changed; secrets read (hidden)). What the update would remove (a field, a
webhook, a header, a redirect URI the installation has and the manifest
leaves out) is listed in a section of its own: apply carries it out only
with --allow-deletes. Changes nothing. The installation is the one --app names; without --app, the
one whose client_name equals the manifest's (none: it will be created;
several: an error listing their ids); installations marked deleted are not
counted, and one the list carries without its client_name is read by id.
An installation --app names that is deleted is an error. Drift shows too, e.g. "~ enabled:
false → true" when LivePerson disabled the app and the manifest enables it.

${CREDENTIALS_HELP}`,
  options: {
    ...REMOTE_OPTIONS,
    ...DOTENV_OPTION,
    ...ALLOW_KEY_OPTION,
    app: { type: 'string', value: '<id>', help: 'the installation id (default: found by client_name)' },
    profile: { type: 'string', value: '<name>', help: 'general (default) or connector: the rules the manifest must pass' },
    format: {
      type: 'string',
      value: '<name>',
      help: 'text (default); json: the plan as data ({"version": 1, "action", "id",\n"summary", "needsAllowDeletes", "changes"}); markdown: for a pull-request\ncomment or $GITHUB_STEP_SUMMARY',
    },
    'exit-code': { type: 'boolean', help: 'exit with 3 when apply would change something' },
  },
  positionals: true,
  epilogue: 'Exit status: 0 (or 3 with --exit-code when there are changes), 1 failed or\ninvalid, 2 for a usage error.',
  async run({ values, positionals }, io) {
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('no manifest file given');
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument '${extra[0]}' (plan takes one file)`);
    const account = readAccount(values.account);
    const app = readApp(values.app);
    const timeoutMs = readTimeout(values.timeout);
    const allowKeys = readAllowKeys(values['allow-key']);
    const format = (values.format ?? 'text') as ChangeFormat;
    if (!CHANGE_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (use text, json or markdown)`);
    try {
      const desired = await desiredManifest(file, values.profile, io, values.dotenv, allowKeys);
      const planned = await withClient(account, timeoutMs, io, (client) => planFor(client, desired, app));
      const { plan } = planned;
      if (format === 'json') io.stdout(`${JSON.stringify(planData(plan, account), null, 2)}\n`);
      else if (format === 'markdown') io.stdout(await planMarkdown(plan, account, file));
      else io.stdout(await planText(plan, account, file));
      return values['exit-code'] === true && plan.action !== 'none' ? EXIT.differences : EXIT.ok;
    } catch (error) {
      return reportFailure(error, io);
    }
  },
});
