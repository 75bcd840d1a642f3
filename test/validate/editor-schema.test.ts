import { expect } from 'chai';
import { ManifestBuilder, validateManifest } from '../../src/index.js';
import { readFixture } from '../helpers/fixtures.js';
import { expectIssues } from './helpers.js';

describe('the "$schema" key editors read', () => {
  it('is accepted at the top level, and left out of the canonical manifest', () => {
    const input = readFixture('connector-with-editor-schema.json') as Record<string, unknown>;
    const result = validateManifest(input, { profile: 'connector' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(Object.keys(result.manifest)).to.not.include('$schema');
    const { $schema: _schema, ...rest } = input;
    expect(JSON.stringify(result.manifest)).to.equal(JSON.stringify(rest));
  });

  it('must be a string', () => {
    expectIssues({ client_name: 'Acme', $schema: 42 }, 'general', [{ path: '$schema', code: 'invalid_type' }]);
  });

  it('is an unknown key anywhere but the top level', () => {
    expectIssues({ client_name: 'Acme', capabilities: { $schema: 'x' } }, 'general', [
      { path: 'capabilities.$schema', code: 'unknown_key' },
    ]);
  });

  it('is dropped by ManifestBuilder.from(), so a loaded file builds without it', () => {
    const built = ManifestBuilder.from({ $schema: './schema.json', client_name: 'Acme' }).build();
    expect(built).to.deep.equal({ client_name: 'Acme' });
  });
});
