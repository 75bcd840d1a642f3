/**
 * Writes the JSON Schema of each profile to schema/<profile>.schema.json, the
 * files the package ships. Run it after changing the rules tables:
 *
 *     npm run schemas
 *
 * test/schema/files.test.ts fails while a file differs from manifestJsonSchema().
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PROFILES } from '../src/index.js';
import { SCHEMA_DIRECTORY, schemaFileName, schemaFileText } from './schema-files.js';

mkdirSync(SCHEMA_DIRECTORY, { recursive: true });
for (const profile of PROFILES) {
  writeFileSync(new URL(schemaFileName(profile), SCHEMA_DIRECTORY), schemaFileText(profile));
  console.log(`wrote schema/${schemaFileName(profile)}`);
}
