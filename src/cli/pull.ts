/**
 * `lp-app-manifest pull`: an installation, written as a manifest.
 */
import { dirname, resolve } from 'node:path';
import { validateManifest, type ValidationIssue } from '../index.js';
import { firstHiddenKey } from '../rules/names.js';
import { ROOT_PLACE, secretStrings } from '../rules/secrets.js';
import { PROGRAM, readProfile } from './args.js';
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
import { schemaReference } from './schema-ref.js';
import { describeWriteError, writeFileAtomic } from './write-atomic.js';

/**
 * Whether a manifest made from an installation holds text that may be a secret, beyond the
 * placeholders written for its header values: a key that is not a name (an issue's path shows it),
 * or anything the secret rules hide (a pasted `Authorization: Bearer …` line where a header belongs,
 * a misspelled `header_valeu`, a header name that is not a token). Such a manifest is never written.
 */
const holdsHiddenText = (manifest: unknown, issues: readonly ValidationIssue[], placeholders: ReadonlySet<string>): boolean =>
  issues.some((issue) => firstHiddenKey(issue.segments) !== -1) ||
  secretStrings(manifest, ROOT_PLACE).some((text) => !placeholders.has(text));

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
and nothing is written. Another invalid installation is written as
LivePerson has it, its issues listed, with exit status 1: repair it (fix
repairs what is mechanical), then plan and apply. With --out the file
starts with "$schema" for the profile. Fields a manifest has no place for
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
  epilogue:
    'Exit status: 0 written, 1 failed (nothing written) or invalid (written, unless a key or header name may hold a secret), 2 for a usage error.',
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
      const invalid = result.ok ? '' : `${where} is not a valid ${profile} manifest (${plural(result.issues.length, 'issue')})`;
      // An invalid installation is written as LivePerson has it, to be repaired and applied, unless it may hold a
      // secret where the rules hide one (a pasted `Authorization: Bearer …` line): then nothing is.
      const placeholders = new Set(hidden.map(({ variable }) => `\${{ ${variable} }}`));
      if (!result.ok && holdsHiddenText(manifest, result.issues, placeholders))
        throw new DeployFailure(`${invalid}; nothing was written`);
      // Written as build --out writes: "$schema" first, for editors and for validate, plan and apply to read the profile.
      const schema = values.out === undefined ? undefined : schemaReference(profile, dirname(resolve(io.cwd, values.out)));
      const content = result.ok ? result.manifest : manifest;
      const json = `${JSON.stringify(schema === undefined ? content : { $schema: schema.ref, ...content }, null, 2)}\n`;
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
      if (!result.ok) {
        const file = values.out ?? 'the file';
        throw new DeployFailure(
          `${invalid}; written as LivePerson has it, to be repaired (${PROGRAM} fix ${file} repairs what is mechanical), then planned and applied`,
        );
      }
      return EXIT.ok;
    } catch (error) {
      return reportFailure(error, io);
    }
  },
});
