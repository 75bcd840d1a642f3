/**
 * `lp-app-manifest pull`: an installation, written as a manifest.
 */
import { resolve } from 'node:path';
import { validateManifest, type ValidationIssue } from '../index.js';
import { firstHiddenKey } from '../rules/names.js';
import { readProfile } from './args.js';
import { defineCommand } from './command.js';
import {
  CREDENTIALS_HELP,
  installationsApi,
  DeployFailure,
  readAccount,
  readApp,
  readTimeout,
  refuseDeleted,
  REMOTE_OPTIONS,
  reportFailure,
  withClient,
} from './deploy.js';
import { EXIT, UsageError } from './io.js';
import { formatIssueLine, plural } from './report.js';
import { describeWriteError, writeFileAtomic } from './write-atomic.js';

/**
 * `lp-app-manifest pull --account ID --app ID [--out FILE] [--profile P]`
 *
 * @example
 * ```ts
 * import { runProgram } from './program.js';
 *
 * const io = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text), stdin: process.stdin, cwd: process.cwd() };
 * process.exitCode = await runProgram(['pull', '--account', '12345678', '--app', 'APP_ID'], io);
 * ```
 */
export const pullCommand = defineCommand({
  name: 'pull',
  summary: 'fetch an installed app from LivePerson as a manifest',
  usage: '--account <id> --app <id> [options]',
  description: `Fetches an installation from LivePerson's App Installations API and prints it
as a canonical manifest: the fields LivePerson assigns (id, client_id,
client_secret…) are left out, and client_secret is never written anywhere.
Webhook header values (often API keys) are written as \${{ NAME }} placeholders,
one variable each (LP_<EVENT>_<HEADER>, with _2, _3… when two would be named
alike), named on stderr once the file is written; an installation with a
header name that is not an HTTP token (a pasted secret, maybe) is invalid,
and nothing is written. Fields a manifest has no place for
are named on stderr too (apply keeps them on the installation). An
installation marked deleted ("deleted": true) is an error: nothing is written.

${CREDENTIALS_HELP}`,
  options: {
    ...REMOTE_OPTIONS,
    app: { type: 'string', value: '<id>', help: 'the installation id' },
    out: { type: 'string', value: '<file>', help: 'write the manifest to this file (atomically) instead of stdout' },
    profile: { type: 'string', value: '<name>', help: 'general (default) or connector: the rules it is validated against' },
  },
  positionals: false,
  epilogue: 'Exit status: 0 written, 1 failed or invalid (nothing written), 2 for a usage error.',
  async run({ values }, io) {
    const account = readAccount(values.account);
    const app = readApp(values.app);
    if (app === undefined) throw new UsageError(`option '--app' is required (the installation id)`);
    const timeoutMs = readTimeout(values.timeout);
    const profile = readProfile(values.profile) ?? 'general';
    if (values.out === '') throw new UsageError(`option '--out' needs a file name`);
    try {
      const { formatJsonPath, manifestFromInstallation } = await installationsApi();
      const { installation } = await withClient(account, timeoutMs, io, (client) => client.get(app));
      refuseDeleted(app, account, installation);
      const { manifest, leftOut, hidden } = manifestFromInstallation(installation);
      // What LivePerson answered is shown by path only (a key that is not a name never: see manifestFromInstallation).
      if (leftOut.length > 0)
        io.stderr(`${app}: left out (a manifest has no place for them; apply keeps them): ${leftOut.join(', ')}\n`);
      const result = validateManifest(manifest, { profile });
      const where = `installation ${app}`;
      const line = (issue: ValidationIssue): string => {
        const cut = firstHiddenKey(issue.segments);
        if (cut === -1) return formatIssueLine(where, issue);
        const path = formatJsonPath(issue.segments.slice(0, cut)) || '(root)';
        const severity = issue.severity === 'warning' ? 'warning: ' : '';
        return `${where}: ${severity}${path}: a key that is not an HTTP token (not shown: it may be a secret) [${issue.code}]`;
      };
      // As validate orders them: errors, then warnings.
      const lines = [...(result.ok ? [] : result.issues), ...result.warnings].map(line);
      if (lines.length > 0) io.stderr(`${lines.join('\n')}\n`);
      if (!result.ok) {
        throw new DeployFailure(
          `${where} is not a valid ${profile} manifest (${plural(result.issues.length, 'issue')}); nothing was written`,
        );
      }
      const json = `${JSON.stringify(result.manifest, null, 2)}\n`;
      if (values.out === undefined) io.stdout(json);
      else
        await writeFileAtomic(resolve(io.cwd, values.out), json).catch((error: unknown) => {
          throw new DeployFailure(`${values.out}: cannot write: ${describeWriteError(error)}; nothing was written`);
        });
      // Only now that the manifest is written: a placeholder in nothing written would send the reader looking for it.
      for (const { path, variable } of hidden) {
        io.stderr(
          `${app}: ${path}: a secret, written as the placeholder \${{ ${variable} }}; put the value in before plan or apply\n`,
        );
      }
      return EXIT.ok;
    } catch (error) {
      return reportFailure(error, io);
    }
  },
});
