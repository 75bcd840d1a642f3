/**
 * `lp-app-manifest init`: prints a starter manifest that validates, with a warning at each placeholder to replace.
 */
import { ManifestValidationError, type Manifest } from '../index.js';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PROGRAM, readProfile } from './args.js';
import { defineCommand } from './command.js';
import { EXIT, UsageError } from './io.js';
import { notInstalledNote, schemaReference } from './schema-ref.js';
import { starter } from './starter.js';
import { describeWriteError, writeFileAtomic } from './write-atomic.js';

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
