/**
 * `lp-app-manifest init`: prints a starter manifest that validates, with a warning at each placeholder to replace.
 */
import {
  escapeTemplateText,
  ManifestBuilder,
  ManifestValidationError,
  WEBHOOK_EVENTS,
  type Manifest,
  type MaxRetries,
  type Profile,
} from '../index.js';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { STARTER, STARTER_WEBHOOKS, TEMPLATE_MAX_RETRIES } from '../rules/template.js';
import { PROGRAM, readProfile } from './args.js';
import { defineCommand } from './command.js';
import { EXIT, UsageError } from './io.js';
import { notInstalledNote, schemaReference } from './schema-ref.js';
import { describeWriteError, writeFileAtomic } from './write-atomic.js';

// The starter's texts and host are STARTER's (src/rules/template.ts), which the validator warns
// about when they are left in a manifest. example.com is reserved for documentation (RFC 2606): a
// starter that is deployed unedited cannot send conversation data to anyone's real server, and a
// reader sees at once what to replace. (The seeds' own "https://your/…" is a single-label host
// that a local resolver might complete.)

/** An event's path under {@link STARTER_WEBHOOKS}: its last name, without `Ex` and `Event`/`Notification`, in kebab case (`rich-content`). */
const pathOf = (event: string): string =>
  (event.split('.').at(-1) ?? event)
    .replace(/^Ex(?=[A-Z])|(?:Event|Notification)$/g, '')
    .replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-')
    .toLowerCase();

/**
 * The starter, as the JSON a user edits: a template, so a "${{" in --name is
 * written escaped ("$${{") and reads back as itself rather than as a placeholder.
 */
function starter(profile: Profile, givenName: string | undefined): Manifest {
  const name = givenName === undefined ? undefined : escapeTemplateText(givenName);
  if (profile === 'general') {
    return ManifestBuilder.general()
      .clientName(name ?? STARTER.general.client_name)
      .description(STARTER.general.description)
      .toTemplate();
  }
  // The documented template (seeds 002–004): ManifestBuilder.connector() holds the rest of it.
  // Every event, so a new one needs nothing here.
  let builder = ManifestBuilder.connector()
    .clientName(name ?? STARTER.connector.client_name)
    .description(STARTER.connector.description);
  for (const event of WEBHOOK_EVENTS) {
    const maxRetries = TEMPLATE_MAX_RETRIES[event] as MaxRetries | undefined;
    builder = builder.webhook(event, `${STARTER_WEBHOOKS}/${pathOf(event)}`, maxRetries === undefined ? {} : { maxRetries });
  }
  return builder.toTemplate();
}

/** `lp-app-manifest init [--profile P] [--name NAME]` */
export const initCommand = defineCommand({
  name: 'init',
  summary: 'print a starter manifest',
  usage: '[options] [--out manifest.json]',
  description: `Prints a starter manifest that validates. Its name, description and
example.com endpoints are placeholders: validate warns at each until it is
replaced (and --strict fails). Its "$schema" is the relative path to the
profile's schema in the project's node_modules/lp-app-manifest: from the
folder of --out, else from the working directory (so run it where the file
goes, or use --out). Where the package is not installed, the path is where
npm install puts it, and a note on stderr says so.`,
  options: {
    profile: {
      type: 'string',
      value: '<name>',
      help: 'general (default): a name and a description;\nconnector: the documented Connector API template with a\nwebhook for every event, pointing at placeholder https://example.com URLs',
    },
    name: { type: 'string', value: '<name>', help: "the app's client_name" },
    out: {
      type: 'string',
      value: '<file>',
      help: 'write the starter to this new file (never replaces one) instead of\nstdout; its "$schema" is then relative to that file\'s folder',
    },
  },
  positionals: false,
  async run({ values }, io) {
    const profile = readProfile(values.profile) ?? 'general';
    let manifest: Manifest;
    try {
      manifest = starter(profile, values.name);
    } catch (error) {
      // Only --name can make the starter invalid: it is a bad argument, so a usage error.
      if (!(error instanceof ManifestValidationError)) throw error;
      throw new UsageError(`invalid --name: ${error.issues.map((issue) => issue.message).join('; ')}`);
    }
    const out = values.out;
    if (out === '') throw new UsageError(`option '--out' needs a file name`);
    const target = out === undefined ? undefined : resolve(io.cwd, out);
    // "$schema" lets editors complete and check the file, and tells validate which profile it is for: a path
    // relative to the file's folder, which is the working directory's when the starter goes to stdout.
    const schema = schemaReference(profile, target === undefined ? io.cwd : dirname(target));
    const json = `${JSON.stringify({ $schema: schema.ref, ...manifest }, null, 2)}\n`;
    if (!schema.installed) io.stderr(`${notInstalledNote(out ?? PROGRAM, schema.ref)}\n`);
    if (target === undefined || out === undefined) {
      io.stdout(json);
      return EXIT.ok;
    }
    if (existsSync(target)) {
      io.stderr(`${out}: already exists; init writes a new file and never replaces one\n`);
      return EXIT.failure;
    }
    try {
      await writeFileAtomic(target, json);
    } catch (error) {
      io.stderr(`${out}: cannot write: ${describeWriteError(error)}\n`);
      return EXIT.failure;
    }
    return EXIT.ok;
  },
});
