/**
 * The escape hatch for a top-level field LivePerson adds after a release: `allowKeys` names each key
 * that passes through as written, unchecked, with an `allowed_unknown_key` warning; never "allow all".
 */
import { expect } from 'chai';
import { SERVER_ASSIGNED_KEYS, validateManifest, validateTemplate, type ValidateOptions } from '../../src/index.js';
import { minimal } from './helpers.js';

const refused = (allowKeys: unknown) => {
  const result = validateManifest(minimal(), { allowKeys } as unknown as ValidateOptions);
  expect(result.ok, JSON.stringify(allowKeys)).to.equal(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.issues).to.have.length(1);
  expect(result.issues[0]).to.include({ code: 'invalid_options', path: '' });
  return result.issues[0]!;
};

describe('validateManifest: allowKeys', () => {
  it('passes a named key through as written, after the known fields in the order given, each with a warning', () => {
    const input = { categories: ['crm', { tier: 1, nested: [true, null] }], client_name: 'Acme', rank: 3, description: 'D' };
    const result = validateManifest(input, { allowKeys: ['rank', 'categories'] });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.manifest)).to.equal(
      JSON.stringify({ client_name: 'Acme', description: 'D', rank: 3, categories: ['crm', { tier: 1, nested: [true, null] }] }),
    );
    expect(result.warnings.map(({ code, path, params }) => ({ code, path, params }))).to.deep.equal([
      { code: 'allowed_unknown_key', path: 'rank', params: { key: 'rank' } },
      { code: 'allowed_unknown_key', path: 'categories', params: { key: 'categories' } },
    ]);
    expect(result.warnings[1]!.message).to.equal(
      '"categories" is not a field this package knows: passed through as written, not checked, because allowKeys (--allow-key) names it',
    );
    // A copy, deep-frozen: nothing shared with the input.
    const categories = (result.manifest as unknown as { categories: unknown[] }).categories;
    expect(categories).not.to.equal(input.categories);
    expect(Object.isFrozen(categories[1])).to.equal(true);
  });

  it('still reports every other unknown key, and a key it names that is absent is no issue', () => {
    const result = validateManifest({ ...minimal(), categories: [], categorie: 1 }, { allowKeys: ['categories', 'tags'] });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.code, issue.path])).to.deep.equal([['unknown_key', 'categorie']]);
    expect(result.warnings.map((issue) => issue.path)).to.deep.equal(['categories']);
  });

  it('without allowKeys the key is an unknown_key error, as before', () => {
    const result = validateManifest({ ...minimal(), categories: ['crm'] });
    expect(result.ok).to.equal(false);
  });

  it('refuses what is not JSON data under an allowed key (invalid_type, expected json)', () => {
    for (const value of [() => 1, undefined, Number.NaN, new Date(0), 10n]) {
      const result = validateManifest({ ...minimal(), extra: { a: [value] } }, { allowKeys: ['extra'] });
      expect(result.ok).to.equal(false);
      if (result.ok) continue;
      expect(result.issues[0]).to.deep.include({ code: 'invalid_type', path: 'extra' });
      expect(result.issues[0]!.params).to.include({ expected: 'json' });
    }
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(validateManifest({ ...minimal(), extra: cycle }, { allowKeys: ['extra'] }).ok).to.equal(false);
  });

  it('never "allow all": a known key, a server-assigned key, a wildcard, a non-string or a non-name is invalid_options', () => {
    for (const key of ['client_name', 'capabilities', 'client_name#fr', '$schema'])
      expect(refused([key]).params).to.include({ reason: 'known_key', key, item: 0 });
    for (const key of SERVER_ASSIGNED_KEYS)
      expect(refused(['ok', key]).params).to.include({ reason: 'server_assigned_key', item: 1 });
    expect(refused(['*']).params).to.include({ reason: 'wildcard' });
    expect(refused(['cat*']).message).to.contain('there is no "allow every key"');
    expect(refused([42]).params).to.include({ reason: 'not_a_string' });
    const notName = refused(['Authorization: Bearer sk-SECRET']);
    expect(notName.params).to.include({ reason: 'not_a_name' });
    expect(JSON.stringify(notName)).not.to.contain('SECRET');
    expect(refused('categories').params).to.include({ expected: 'key_list', received: 'string' });
  });

  it('validateTemplate takes allowKeys too, and fills placeholders in the allowed value', () => {
    const result = validateTemplate(
      { ...minimal(), categories: '${{ LP_CATEGORY }}' },
      { env: { LP_CATEGORY: 'crm' }, allowKeys: ['categories'] },
    );
    expect(result.ok).to.equal(true);
    if (result.ok) expect((result.manifest as unknown as { categories: string }).categories).to.equal('crm');
  });
});
