/** What the shipped schema files are: their names and exact text, shared by the writer and its test. */
import { manifestJsonSchema } from '../src/index.js';
import type { Profile } from '../src/index.js';

/** The folder of the schema files, as the package ships it. */
export const SCHEMA_DIRECTORY = new URL('../schema/', import.meta.url);

/** `general.schema.json`, `connector.schema.json`. */
export const schemaFileName = (profile: Profile): string => `${profile}.schema.json`;

/** The file's exact text: the generated schema as 2-space JSON with a trailing newline. */
export const schemaFileText = (profile: Profile): string => `${JSON.stringify(manifestJsonSchema(profile), null, 2)}\n`;
