/**
 * `lp-app-manifest schema`: prints the JSON Schema of a profile's manifests.
 */
import { manifestJsonSchema } from '../index.js';
import { PROGRAM, readProfile } from './args.js';
import { defineCommand } from './command.js';
import { EXIT } from './io.js';

/** `lp-app-manifest schema [--profile P]` */
export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'print the JSON Schema of the manifest',
  usage: '[options] > manifest.schema.json',
  description: `Prints the JSON Schema (draft 2020-12) of the manifest, for editors and other
tools. The schema checks less than "${PROGRAM} validate" does; the validator
is the authority.`,
  options: { profile: { type: 'string', value: '<name>', help: 'general (default) or connector' } },
  positionals: false,
  async run({ values }, io) {
    const schema = manifestJsonSchema(readProfile(values.profile) ?? 'general');
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return EXIT.ok;
  },
});
