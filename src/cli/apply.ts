/**
 * `lp-app-manifest apply FILE --account ID`: plans, asks, then installs or updates.
 */
import { basename, dirname, join, resolve } from 'node:path';
import type { Installation, ReadInstallation } from '../installations/index.js';
import { ALLOW_KEY_OPTION, readAllowKeys } from './allow-keys.js';
import { PROGRAM } from './args.js';
import { deletionNames, planText } from './changes.js';
import { defineCommand } from './command.js';
import {
  CREDENTIALS_HELP,
  DeployFailure,
  desiredManifest,
  DOTENV_OPTION,
  planFor,
  readAccount,
  readApp,
  readTimeout,
  REMOTE_OPTIONS,
  reportFailure,
  withClient,
  type Planned,
} from './deploy.js';
import { errorCode, EXIT, UsageError, type Io } from './io.js';
import { plural, shownFileName } from './report.js';
import { writeFileAtomic } from './write-atomic.js';

/** Whether standard input is a terminal someone can answer on. */
const isTerminal = (io: Io): boolean => (io.stdin as { readonly isTTY?: boolean }).isTTY === true;

/**
 * Reads standard input a line at a time (the answers to the questions apply asks), from one
 * reader, so that a second question gets the next line; `close` lets go of standard input.
 */
function lineReader(io: Io): { readonly next: () => Promise<string>; readonly close: () => Promise<void> } {
  const iterator = io.stdin[Symbol.asyncIterator]();
  let text = '';
  let ended = false;
  return {
    async next() {
      for (;;) {
        const end = text.indexOf('\n');
        if (end !== -1) {
          const line = text.slice(0, end);
          text = text.slice(end + 1);
          return line;
        }
        if (ended) {
          const rest = text;
          text = '';
          return rest;
        }
        const chunk = await iterator.next();
        if (chunk.done === true) ended = true;
        else text += typeof chunk.value === 'string' ? chunk.value : Buffer.from(chunk.value).toString('utf8');
      }
    },
    async close() {
      await iterator.return?.();
    },
  };
}

/** Whether an answer is yes ("y" or "yes", any case). */
const isYes = (answer: string): boolean => ['y', 'yes'].includes(answer.trim().toLowerCase());

const show = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '(none)');

/**
 * Checks, before anything is sent, that the credentials file can be written:
 * its directory exists, it is not itself a directory, and a file can be
 * created beside it (a probe, removed at once).
 */
async function checkWritable(file: string, io: Io): Promise<void> {
  const target = resolve(io.cwd, file);
  const { lstat, open, rm, stat } = await import('node:fs/promises');
  const fail = (why: string): never => {
    throw new DeployFailure(`${file}: cannot write the credentials there (${why}); nothing was sent`);
  };
  const isDirectory = await stat(target).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (isDirectory) fail('it is a directory');
  // What writeFileAtomic refuses (it would replace it with a file): found now, before anything is created.
  const existing = await lstat(target).catch(() => undefined);
  if (
    existing !== undefined &&
    (existing.isCharacterDevice() || existing.isBlockDevice() || existing.isFIFO() || existing.isSocket())
  )
    fail('it is a device, a pipe or a socket, not a file');
  const probe = join(dirname(target), `.${basename(target)}.${process.pid}.probe`);
  try {
    const handle = await open(probe, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    const code = errorCode(error);
    fail(code === 'ENOENT' || code === 'ENOTDIR' ? 'the directory does not exist' : (code ?? 'error'));
  }
  await rm(probe, { force: true });
}

/** Writes `client_id` and `client_secret` to the credentials file (mode 0600, atomically). */
async function writeCredentials(file: string, io: Io, account: string, installation: Installation): Promise<void> {
  const credentials = {
    account,
    id: installation['id'] ?? null,
    client_id: installation['client_id'] ?? null,
    client_secret: installation['client_secret'] ?? null,
  };
  try {
    await writeFileAtomic(resolve(io.cwd, file), `${JSON.stringify(credentials, null, 2)}\n`, { secret: true });
  } catch (error) {
    throw new DeployFailure(
      `${file}: cannot write the credentials (${errorCode(error) ?? 'error'}); the installation itself was done`,
    );
  }
  io.stderr(`client_id and client_secret written to ${file} (mode 0600)\n`);
}

/**
 * `lp-app-manifest apply <file> --account ID [--app ID] [--yes] [--credentials-out FILE]`
 *
 * @example
 * ```ts
 * import { runProgram } from './program.js';
 *
 * const io = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text), stdin: process.stdin, cwd: process.cwd() };
 * process.exitCode = await runProgram(['apply', 'manifest.json', '--account', '12345678', '--yes'], io);
 * ```
 */
export const applyCommand = defineCommand({
  name: 'apply',
  summary: 'install or update the app in LivePerson to match a manifest',
  usage: '<file> --account <id> [--app <id>] [options]',
  description: `Plans as "plan" does, shows the plan, asks, then writes: a new app is
installed (POST; its id and client_id are printed, its client_secret only
ever goes to --credentials-out); an installed one is updated (PUT of the
installation as it was read, with exactly the fields the manifest manages
replaced and every other field kept, sent with If-Match so that a change
made meanwhile, e.g. on the web, is never overwritten). No change, no write.

Deletions are a decision: an update that would remove something the
installation has (a field, a webhook, a header, a redirect URI the manifest
leaves out; the plan lists them under "deletions") is carried out only with
--allow-deletes, or, on a terminal, when the second question (about the
deletions) is answered yes. Otherwise apply stops before any write, naming
what would be deleted.

${CREDENTIALS_HELP}`,
  options: {
    ...REMOTE_OPTIONS,
    ...DOTENV_OPTION,
    ...ALLOW_KEY_OPTION,
    app: { type: 'string', value: '<id>', help: 'the installation id (default: found by client_name)' },
    profile: { type: 'string', value: '<name>', help: 'general (default) or connector: the rules the manifest must pass' },
    yes: { type: 'boolean', help: 'apply without asking (needed without a terminal, e.g. in CI)' },
    'allow-deletes': {
      type: 'boolean',
      help: 'carry out the deletions the plan lists (a removed field, webhook,\nheader or redirect URI); without it, apply stops before any write',
    },
    'credentials-out': {
      type: 'string',
      value: '<file>',
      help: 'write client_id and client_secret to this file (JSON, mode 0600,\natomically); nothing else ever shows client_secret; needed\nto install a new app, and checked before anything is sent',
    },
  },
  positionals: true,
  epilogue: `Exit status: 0 applied (or nothing to do), 1 failed, invalid or declined
(nothing written), 2 for a usage error (including no terminal and no --yes).
LivePerson's revision (ac-revision) is that of the account's installations
as a whole: when any of them changed since the read, apply reads and plans
again once, and goes on only if the plan is the same; otherwise it shows the
new plan and stops (exit 1, nothing written).`,
  async run({ values, positionals }, io) {
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('no manifest file given');
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument '${extra[0]}' (apply takes one file)`);
    const account = readAccount(values.account);
    const app = readApp(values.app);
    const timeoutMs = readTimeout(values.timeout);
    const allowKeys = readAllowKeys(values['allow-key']);
    const credentialsOut = values['credentials-out'];
    if (credentialsOut === '') throw new UsageError(`option '--credentials-out' needs a file name`);
    const yes = values.yes === true;
    if (!yes && !isTerminal(io)) {
      throw new UsageError('no terminal to confirm on: pass --yes to apply without asking (run plan to see the changes first)');
    }
    try {
      // Before anything is installed: a client_secret with nowhere to go would be lost to this run.
      if (credentialsOut !== undefined) await checkWritable(credentialsOut, io);
      const desired = await desiredManifest(file, values.profile, io, values.dotenv, allowKeys);
      return await withClient(account, timeoutMs, io, async (client) => {
        const planned = await planFor(client, desired, app);
        const { plan } = planned;
        io.stdout(await planText(plan, account, file));
        if (plan.action === 'none') {
          io.stdout('Nothing to apply.\n');
          return EXIT.ok;
        }
        const { deletions } = plan;
        const deletes = deletions.length > 0 && values['allow-deletes'] !== true;
        const refuseDeletes = async (why: string): Promise<never> => {
          const them = deletions.length === 1 ? 'it' : 'them';
          throw new DeployFailure(
            `not applied: ${why} ${plural(deletions.length, 'deletion')} (${await deletionNames(deletions)}); pass --allow-deletes to carry ${them} out, or keep ${them} in ${shownFileName(file)}; nothing was written`,
          );
        };
        // Before any question: with --yes, no one is asked about the deletions.
        if (deletes && yes) await refuseDeletes('the plan has');
        if (!yes) {
          const reader = lineReader(io);
          try {
            io.stderr(`Apply ${plural(plan.diff.changes.length, 'change')} to account ${account}? [y/N] `);
            if (!isYes(await reader.next())) throw new DeployFailure('not applied: declined; nothing was written');
            if (deletes) {
              io.stderr(
                `Carry out the ${plural(deletions.length, 'deletion')} listed above (${await deletionNames(deletions)})? [y/N] `,
              );
              if (!isYes(await reader.next())) await refuseDeletes('declined');
            }
          } finally {
            await reader.close();
          }
        }
        if (plan.action === 'create') {
          if (credentialsOut === undefined) {
            throw new DeployFailure(
              'installing a new app returns its client_id and client_secret: pass --credentials-out <file> to keep them (written with mode 0600); nothing was sent',
            );
          }
          const created = await client.create(plan.body);
          const { installation } = created;
          const found =
            created.foundBy === 'location'
              ? " (LivePerson's answer carried no installation; read it from the Location header)"
              : created.recovered
                ? " (LivePerson's answer was lost or carried no installation; found it by listing)"
                : '';
          io.stdout(
            // The name is the manifest's: what LivePerson answered may leave it out.
            `Installed ${JSON.stringify(desired['client_name'])} in account ${account}${found}: id ${show(installation['id'])}, client_id ${show(installation['client_id'])}\n`,
          );
          await writeCredentials(credentialsOut, io, account, installation);
          return EXIT.ok;
        }
        const update = async (current: Planned): Promise<ReadInstallation> => {
          const { plan: now, revision } = current;
          if (now.action === 'create' || now.id === undefined)
            throw new DeployFailure('the installation has no id; cannot update it');
          if (revision === undefined) {
            throw new DeployFailure(
              `LivePerson sent no revision (ac-revision or ETag) with installation ${now.id}; not updating blind`,
            );
          }
          return client.update(now.id, now.body, revision);
        };
        let updated: ReadInstallation;
        try {
          updated = await update(planned);
        } catch (error) {
          if (!(error instanceof Error && error.name === 'InstallationsError' && (error as { code?: string }).code === 'stale'))
            throw error;
          // The revision is the account's installations' as a whole: a write to any of them makes it stale.
          // Read and plan again, once; apply only what was agreed to (the same body and the same changes, key for key: any doubt stops).
          const again = await planFor(client, desired, app ?? (plan.action === 'update' ? plan.id : undefined));
          const same = (a: Planned['plan'], b: Planned['plan']): boolean =>
            a.action === b.action &&
            JSON.stringify(a.body) === JSON.stringify(b.body) &&
            JSON.stringify(a.diff.changes) === JSON.stringify(b.diff.changes);
          if (!same(again.plan, plan)) {
            io.stdout(`\n${await planText(again.plan, account, file)}`);
            throw new DeployFailure(
              `${error.message.replace(/; nothing was changed; run plan again$/, '')}; read again, the plan is different now (shown above); nothing was changed: review it and apply again`,
            );
          }
          io.stderr(
            `${PROGRAM}: another installation of account ${account} changed meanwhile (the revision is the account's); read again, the plan is the same: applying it\n`,
          );
          updated = await update(again);
        }
        const id = plan.action === 'update' ? plan.id : undefined;
        io.stdout(`Updated installation ${id ?? '?'} in account ${account}: ${plural(plan.diff.changes.length, 'change')}\n`);
        if (credentialsOut !== undefined)
          await writeCredentials(credentialsOut, io, account, { ...plan.body, ...updated.installation });
        return EXIT.ok;
      });
    } catch (error) {
      return reportFailure(error, io);
    }
  },
});
