import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { PROFILES } from '../../src/index.js';
import { SCHEMA_DIRECTORY, schemaFileName, schemaFileText } from '../../scripts/schema-files.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  files: string[];
  scripts: Record<string, string>;
};

describe('the shipped schema files', () => {
  for (const profile of PROFILES) {
    const name = schemaFileName(profile);

    it(`schema/${name} is manifestJsonSchema('${profile}') as 2-space JSON (run \`npm run schemas\` if not)`, () => {
      const file = new URL(name, SCHEMA_DIRECTORY);
      expect(existsSync(file), `schema/${name} is missing`).to.equal(true);
      const text = readFileSync(file, 'utf8');
      expect(text, `schema/${name} is out of date: run \`npm run schemas\``).to.equal(schemaFileText(profile));
      expect(text.endsWith('}\n')).to.equal(true);
      expect((JSON.parse(text) as { $id: string }).$id).to.match(new RegExp(`/schema/${name.replace(/\./g, '\\.')}$`));
    });

    it(`package.json exports and ships schema/${name}`, () => {
      expect(packageJson.exports[`./schema/${name}`]).to.equal(`./schema/${name}`);
    });
  }

  it('package.json puts the schema folder in the package and has a script to regenerate it', () => {
    expect(packageJson.files).to.include('schema');
    expect(packageJson.scripts['schemas']).to.equal('tsx scripts/write-schemas.ts');
  });
});
