/**
 * `lp-app-manifest schema`: prints the JSON Schema of a profile's manifests.
 */
import { manifestJsonSchema } from '../index.js';
import { HELP_OPTION, parseCommandLine, PROFILE_OPTION, PROGRAM, readProfile } from './args.js';
import type { Command } from './command.js';
import { EXIT, type ExitCode, type Io } from './io.js';

const HELP = `Usage: ${PROGRAM} schema [options] > manifest.schema.json

Prints the JSON Schema (draft 2020-12) of the manifest, for editors and other
tools. The schema checks less than "${PROGRAM} validate" does; the validator
is the authority.

Options:
  --profile <name>  general (default) or connector
  -h, --help        show this help`;

/** `lp-app-manifest schema [--profile P]` */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of the manifest',
  help: HELP,
  async run(args: readonly string[], io: Io): Promise<ExitCode> {
    const { values } = parseCommandLine({ args: [...args], options: { ...HELP_OPTION, ...PROFILE_OPTION } });
    if (values.help === true) {
      io.stdout(`${HELP}\n`);
      return EXIT.ok;
    }
    const schema = manifestJsonSchema(readProfile(values.profile) ?? 'general');
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return EXIT.ok;
  },
};
