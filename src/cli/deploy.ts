/**
 * What `pull`, `plan` and `apply` share: their options, reading the desired
 * manifest, the client (credentials from the environment only), finding the
 * installation, and turning the client's errors into one line and an exit code.
 */
import { resolve } from 'node:path';
import { isHttpToken, type TemplateVariables } from '../index.js';
import type { InstallationPlan, InstallationsClient } from '../installations/index.js';
import { PROGRAM, readProfile } from './args.js';
import { checkDocument } from './check-document.js';
import { omittedCounts } from './file-issues.js';
import type { OptionSpecs } from './command.js';
import { loadVariables } from './dotenv.js';
import { decodeJsonText, readBytes } from './files.js';
import { EXIT, UsageError, type ExitCode, type Io } from './io.js';
import { parseJsonText, type JsonDocument } from './json-text.js';
import { formatIssueLine, formatOmittedLine, plural, shownFileName } from './report.js';
import { profileNote } from './profile.js';

/**
 * The installations API, loaded when a command needs it (not at start-up, so
 * `validate` and the others do not pay for it).
 *
 * @example
 * ```ts
 * import { installationsApi } from './deploy.js';
 *
 * const { diffManifests } = await installationsApi();
 * console.log(diffManifests({ a: 1 }, { a: 2 }).equal); // false
 * ```
 */
export const installationsApi = (): Promise<typeof import('../installations/index.js')> => import('../installations/index.js');

/** The default of `--timeout`, in seconds.
 *
 * @example
 * ```ts
 * import { DEFAULT_TIMEOUT_SECONDS } from './deploy.js';
 *
 * console.log(DEFAULT_TIMEOUT_SECONDS); // 60
 * ```
 */
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** The options every command that talks to LivePerson takes.
 *
 * @example
 * ```ts
 * import { REMOTE_OPTIONS } from './deploy.js';
 *
 * console.log(Object.keys(REMOTE_OPTIONS)); // ['account', 'timeout']
 * ```
 */
export const REMOTE_OPTIONS = {
  account: { type: 'string', value: '<id>', help: 'the LivePerson account (site) id' },
  timeout: {
    type: 'string',
    value: '<seconds>',
    help: `give up on a call to LivePerson after this long, its retries and\npauses included (each call has its own; default ${DEFAULT_TIMEOUT_SECONDS})`,
  },
} as const satisfies OptionSpecs;

export { DOTENV_OPTION } from './dotenv.js';

/** How the commands describe where credentials come from, for their `--help`.
 *
 * @example
 * ```ts
 * import { CREDENTIALS_HELP } from './deploy.js';
 *
 * console.log(CREDENTIALS_HELP.includes('LP_BEARER_TOKEN')); // true
 * ```
 */
export const CREDENTIALS_HELP = `Credentials come from the environment only, never from options, and are never
printed: LP_BEARER_TOKEN (a pasted "Bearer " prefix is dropped); or LP_USERNAME
and LP_PASSWORD (user login; not on SSO accounts: use LP_BEARER_TOKEN there);
or LP_USERNAME, LP_APP_KEY, LP_APP_SECRET, LP_ACCESS_TOKEN and
LP_ACCESS_TOKEN_SECRET (application login: a Bot user with the App Key login
method). The user must be an administrator of the account. A login is ended
with a logout when the command is done. LP_CSDS_URL replaces LivePerson's
Domain API at https://api.liveperson.net, for accounts LivePerson serves from
another Domain API host (https only, or http on a loopback host: 127.0.0.1,
localhost or [::1], for a local fake).`;

/** A deployment step that cannot go on: its one-line message, printed after the program's name.
 *
 * @example
 * ```ts
 * import { DeployFailure } from './deploy.js';
 *
 * throw new DeployFailure('manifest.json: file not found');
 * ```
 */
export class DeployFailure extends Error {}

/** Reads `--account` (required).
 *
 * @example
 * ```ts
 * import { readAccount } from './deploy.js';
 *
 * readAccount('12345678'); // '12345678'
 * readAccount(undefined); // throws UsageError: option '--account' is required
 * ```
 */
export function readAccount(value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`option '--account' is required (the LivePerson account id)`);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new UsageError(`option '--account' must be an account id such as 12345678`);
  return value;
}

/** Reads `--app` (optional).
 *
 * @example
 * ```ts
 * import { readApp } from './deploy.js';
 *
 * readApp(undefined); // undefined
 * ```
 */
export function readApp(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value.length > 200) throw new UsageError(`option '--app' needs an installation id`);
  return value;
}

/** Reads `--timeout` in seconds, as milliseconds.
 *
 * @example
 * ```ts
 * import { readTimeout } from './deploy.js';
 *
 * readTimeout('2.5'); // 2500
 * ```
 */
export function readTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0) || seconds > 3600) {
    throw new UsageError(`option '--timeout' must be a number of seconds, more than 0 and at most 3600 (e.g. --timeout 30)`);
  }
  return seconds * 1000;
}

/** A client for the account, from the environment.
 *
 * @example
 * ```ts
 * import { clientFor } from './deploy.js';
 *
 * const client = await clientFor('12345678', 30_000);
 * console.log((await client.list()).length);
 * ```
 */
export async function clientFor(account: string, timeoutMs: number): Promise<InstallationsClient> {
  const { createInstallationsClient } = await installationsApi();
  const retryPausesMs = testRetryPauses(process.env[TEST_RETRY_PAUSES_VARIABLE]);
  return createInstallationsClient({ account, timeoutMs, env: process.env, ...(retryPausesMs ? { retryPausesMs } : {}) });
}

/**
 * For tests only: the environment variable that shortens the pauses between
 * retries (LivePerson's 5, 10 and 15 s), as milliseconds separated by commas
 * (`LP_APP_MANIFEST_TEST_RETRY_PAUSES_MS=5,10,15`), so that a test suite that
 * makes the fake answer 500 does not wait 30 s. Not for use against LivePerson.
 *
 * @example
 * ```ts
 * import { TEST_RETRY_PAUSES_VARIABLE } from './deploy.js';
 *
 * console.log(TEST_RETRY_PAUSES_VARIABLE); // 'LP_APP_MANIFEST_TEST_RETRY_PAUSES_MS'
 * ```
 */
export const TEST_RETRY_PAUSES_VARIABLE = 'LP_APP_MANIFEST_TEST_RETRY_PAUSES_MS';

/** The pauses the test-only variable gives; undefined when unset or not a list of 1 to 3 numbers. */
function testRetryPauses(value: string | undefined): number[] | undefined {
  if (value === undefined || !/^\s*\d{1,6}(\s*,\s*\d{1,6}){0,2}\s*$/.test(value)) return undefined;
  return value.split(',').map((part) => Number(part.trim()));
}

/**
 * Runs `work` with a client for the account, then ends the Login API session
 * (if one was opened): a failed logout is a warning line on stderr, never a
 * failure of the command.
 *
 * @example
 * ```ts
 * import { withClient } from './deploy.js';
 *
 * const io = { stdout: () => {}, stderr: (text: string) => void process.stderr.write(text), stdin: process.stdin, cwd: process.cwd() };
 * const count = await withClient('12345678', 60_000, io, async (client) => (await client.list()).length);
 * ```
 */
export async function withClient<T>(
  account: string,
  timeoutMs: number,
  io: Io,
  work: (client: InstallationsClient) => Promise<T>,
): Promise<T> {
  const client = await clientFor(account, timeoutMs);
  try {
    return await work(client);
  } finally {
    await client.close().catch((error: unknown) => {
      // InstallationsError messages never hold a secret; anything else is not shown.
      const why = error instanceof Error && error.name === 'InstallationsError' ? error.message : 'logout failed';
      io.stderr(`${PROGRAM}: warning: could not log out of LivePerson (${why}); the session ends by itself when it expires\n`);
    });
  }
}

/** Reads and parses a JSON file; a file that cannot be read or parsed is a {@link DeployFailure} naming where. */
async function readJsonDocument(file: string, io: Io): Promise<JsonDocument> {
  const bytes = await readBytes(resolve(io.cwd, file));
  const text = bytes.ok ? decodeJsonText(bytes.value) : bytes;
  if (!text.ok) throw new DeployFailure(formatIssueLine(file, text.issue, { fileLevel: true }));
  const parsed = parseJsonText(text.value);
  if (!parsed.ok)
    throw new DeployFailure(formatIssueLine(file, { issue: parsed.issue, position: parsed.position }, { fileLevel: true }));
  return parsed.document;
}

/**
 * Reads a JSON file as the CLI reads every JSON file: a repeated key is an
 * error (`duplicate_key`), a syntax error names its line and column, and
 * nothing of the file's content is echoed. Throws a {@link DeployFailure}
 * with those lines.
 *
 * @example
 * ```ts
 * import { readJsonFile } from './deploy.js';
 *
 * const value = await readJsonFile('manifest.json', { stdout: () => {}, stderr: () => {}, stdin: process.stdin, cwd: process.cwd() });
 * ```
 */
export async function readJsonFile(file: string, io: Io): Promise<unknown> {
  const document = await readJsonDocument(file, io);
  const { duplicates, omittedDuplicates } = document;
  if (duplicates.length > 0) {
    const lines = duplicates.map((located) => formatIssueLine(file, located));
    if (omittedDuplicates !== undefined) lines.push(formatOmittedLine(file, omittedDuplicates));
    throw new DeployFailure(lines.join('\n'));
  }
  return document.value;
}

/**
 * The variables templates are filled from: the `--dotenv` files, then the
 * process environment over them. A file that cannot be read is a
 * {@link DeployFailure} naming it.
 *
 * @example
 * ```ts
 * import { templateVariables } from './deploy.js';
 *
 * const variables = await templateVariables(['.env.production'], process.cwd());
 * ```
 */
export async function templateVariables(
  dotenv: readonly string[] | undefined,
  cwd: string,
  warn?: (line: string) => void,
): Promise<TemplateVariables> {
  if (dotenv === undefined || dotenv.length === 0) return process.env;
  const loaded = await loadVariables(dotenv, cwd, process.env, warn);
  if (!loaded.ok)
    throw new DeployFailure(`${formatIssueLine(`--dotenv ${loaded.file}`, loaded.issue, { fileLevel: true })}; nothing was sent`);
  return loaded.variables;
}

/**
 * The desired manifest: the file read as JSON, its `${{ NAME }}` placeholders
 * filled from the variables (as `build` does: `pull` writes header values as
 * placeholders), validated against `--profile`, else the profile its
 * `"$schema"` names, else general. Issues and warnings go to stderr as
 * `validate` prints them: one line each, `FILE:LINE:COLUMN: PATH: MESSAGE
 * [code]`, every error (repeated keys first) before every warning. An invalid
 * manifest is a {@link DeployFailure}, before anything is sent.
 *
 * @example
 * ```ts
 * import { desiredManifest } from './deploy.js';
 *
 * const io = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text), stdin: process.stdin, cwd: process.cwd() };
 * const manifest = await desiredManifest('manifest.json', 'connector', io, ['.env.production']);
 * ```
 */
export async function desiredManifest(
  file: string,
  profileOption: string | undefined,
  io: Io,
  dotenv?: readonly string[],
  allowKeys: readonly string[] = [],
): Promise<Record<string, unknown>> {
  const option = readProfile(profileOption);
  const env = await templateVariables(dotenv, io.cwd, (line) => io.stderr(`${line}\n`));
  // As validate reports them: repeated keys, the other errors, then the warnings, each where it is.
  const document = await readJsonDocument(file, io);
  const { choice, result, issues, warnings, omitted } = checkDocument(document, option, { env, allowKeys });
  const lines = [...issues, ...warnings].map((entry) => formatIssueLine(file, entry));
  if (omitted !== undefined) lines.push(formatOmittedLine(file, omitted));
  const note = profileNote(document.value, choice);
  if (note !== undefined) lines.push(`${shownFileName(file)}: note: ${note}`);
  if (lines.length > 0) io.stderr(`${lines.join('\n')}\n`);
  const errors = issues.length + omittedCounts(omitted).errors;
  if (errors > 0 || !result.ok) {
    throw new DeployFailure(`${file}: invalid manifest (${plural(errors, 'issue')}); nothing was sent`);
  }
  // Valid, but sent it would replace the installed secret with nothing: a secret missing from the environment
  // usually looks like this (a value only padded with white space is sent, as the warning says).
  const blank = warnings.filter(
    ({ issue }) => issue.code === 'header_value_whitespace' && (issue.params as { problem?: string }).problem !== 'padded',
  );
  if (blank.length > 0) {
    throw new DeployFailure(
      `${file}: ${plural(blank.length, 'header value')} empty or only white space (see above): that would replace the installed value with nothing; set it (a secret missing from the environment usually looks like this), or remove the header; nothing was sent`,
    );
  }
  return result.manifest as unknown as Record<string, unknown>;
}

/** What `plan` and `apply` found: the plan, and the revision an update must send.
 *
 * @example
 * ```ts
 * import type { Planned } from './deploy.js';
 *
 * declare const planned: Planned;
 * console.log(planned.plan.action, planned.revision);
 * ```
 */
export interface Planned {
  readonly plan: InstallationPlan;
  readonly revision: string | undefined;
}

/**
 * Finds the installation (`--app`, or the one whose `client_name` equals the
 * manifest's) and plans against it.
 *
 * @example
 * ```ts
 * import { clientFor, planFor } from './deploy.js';
 *
 * const planned = await planFor(await clientFor('12345678', 30_000), { client_name: 'Bot' }, undefined);
 * console.log(planned.plan.action); // 'create' when no app is named 'Bot'
 * ```
 */
export async function planFor(
  client: InstallationsClient,
  desired: Record<string, unknown>,
  app: string | undefined,
): Promise<Planned> {
  const { planInstallation } = await installationsApi();
  const account = client.account;
  if (app !== undefined) {
    const { installation, revision } = await client.get(app);
    refuseDeleted(app, account, installation);
    return { plan: planInstallation(desired, installation), revision };
  }
  const name = desired['client_name'];
  const matches = typeof name === 'string' ? await client.findByName(name) : [];
  if (matches.length === 0) return { plan: planInstallation(desired, undefined), revision: undefined };
  const ids = matches.map((installation) => String(installation['id']));
  const [id, ...others] = ids;
  if (id === undefined || others.length > 0) {
    // An id is what LivePerson answered: shown only if it is a name (not, say, a pasted "Authorization: Bearer …").
    const shown = ids.map((each) => (isHttpToken(each) ? each : '(an id that is not a name, not shown)'));
    throw new DeployFailure(
      `${ids.length} installations are named ${JSON.stringify(name)} (${shown.join(', ')}); choose one with --app`,
    );
  }
  const { installation, revision } = await client.get(id);
  refuseDeleted(id, account, installation);
  return { plan: planInstallation(desired, installation), revision };
}

/**
 * Stops at an installation marked `deleted: true` (uninstalled; account-config keeps deleted
 * objects, and a read by id may still return one): nothing is planned against it.
 *
 * @example
 * ```ts
 * import { refuseDeleted } from './deploy.js';
 *
 * refuseDeleted('a1', '12345678', { id: 'a1', deleted: false }); // returns
 * refuseDeleted('a1', '12345678', { id: 'a1', deleted: true }); // throws DeployFailure
 * ```
 */
export function refuseDeleted(id: string, account: string, installation: Record<string, unknown>): void {
  if (installation['deleted'] !== true) return;
  const shown = isHttpToken(id) ? id : '(an id that is not a name, not shown)';
  throw new DeployFailure(
    `installation ${shown} of account ${account} is deleted (LivePerson marks it "deleted": true): there is nothing to update or pull; to install the app again, run apply without --app`,
  );
}

/** The one line a failure prints, and its exit code.
 *
 * @example
 * ```ts
 * import { DeployFailure, reportFailure } from './deploy.js';
 *
 * const io = { stdout: () => {}, stderr: (text: string) => void process.stderr.write(text), stdin: process.stdin, cwd: process.cwd() };
 * reportFailure(new DeployFailure('manifest.json: file not found'), io); // 1, after printing the line
 * ```
 */
export function reportFailure(error: unknown, io: Io): ExitCode {
  // InstallationsError by name: its class lives in the lazily loaded subpath. Its messages never hold a secret.
  if (error instanceof DeployFailure || (error instanceof Error && error.name === 'InstallationsError')) {
    io.stderr(`${PROGRAM}: ${error.message}\n`);
    return EXIT.failure;
  }
  throw error;
}
