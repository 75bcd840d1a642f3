/**
 * The JSON Schema and the validator must agree: on every fixture, on every
 * seed example, and on thousands of generated manifests, valid ones and
 * single-field mutations of them. The only inputs left out are those that run
 * into a known difference (helpers/known-differences.ts), and those are counted.
 *
 * To replay a failure, run with the seed it prints: SCHEMA_FC_SEED=<seed> npx mocha test/schema/differential.test.ts
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { PROFILES, validateManifest, type Profile } from '../../src/index.js';
import { readFixture } from '../helpers/fixtures.js';
import { mutatedManifest, validManifest } from './helpers/arbitraries.js';
import { knownDifferences, type KnownDifferenceId } from './helpers/known-differences.js';
import { verdicts } from './helpers/verdicts.js';

const SEED = Number(process.env['SCHEMA_FC_SEED'] ?? 20_250_611);
const VALID_RUNS_PER_PROFILE = 1_500;
const MUTATED_RUNS_PER_PROFILE = 3_500;
const MINIMUM_GENERATED = 10_000;

const SEEDS_DIRECTORY = new URL('../fixtures/seeds/', import.meta.url);
const FIXTURES_DIRECTORY = new URL('../fixtures/', import.meta.url);

/** Every JSON example of LivePerson's pages (test/fixtures/seeds/README.md says where each came from). */
function seedExamples(): { name: string; value: unknown }[] {
  return readdirSync(SEEDS_DIRECTORY)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, value: JSON.parse(readFileSync(new URL(file, SEEDS_DIRECTORY), 'utf8')) as unknown }));
}

interface Tally {
  valid: number;
  invalid: number;
  skipped: Partial<Record<KnownDifferenceId, number>>;
  byLabel: Record<string, { valid: number; invalid: number }>;
}

const tally: Tally = { valid: 0, invalid: 0, skipped: {}, byLabel: {} };

/**
 * Compares ajv's verdict with the validator's; skips (fc.pre) and counts a
 * value that runs into a known difference.
 */
function agree(value: unknown, profile: Profile, label: string): boolean {
  const differences = knownDifferences(value, profile);
  if (differences.length > 0) {
    for (const id of differences) tally.skipped[id] = (tally.skipped[id] ?? 0) + 1;
    fc.pre(false);
  }
  const verdict = verdicts(value, profile);
  if (verdict.schema !== verdict.validator)
    throw new Error(`${label}: the schema and the validator disagree\n${verdict.explain()}`);
  const outcome = verdict.validator ? 'valid' : 'invalid';
  tally[outcome]++;
  const byLabel = (tally.byLabel[label] ??= { valid: 0, invalid: 0 });
  byLabel[outcome]++;
  return verdict.validator;
}

describe(`JSON Schema and validateManifest() agree (fast-check seed ${SEED})`, () => {
  const fixtures = readdirSync(FIXTURES_DIRECTORY)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const seeds = seedExamples();

  it('finds the fixtures and the seed examples', () => {
    expect(fixtures.length).to.be.greaterThanOrEqual(3);
    expect(seeds.length).to.be.greaterThanOrEqual(4);
  });

  for (const profile of PROFILES) {
    it(`on every fixture and seed example (${profile})`, () => {
      const inputs = [
        ...fixtures.map((file) => ({ name: `fixture ${file}`, value: readFixture(file) })),
        ...seeds.map((seed) => ({ name: `seed ${seed.name}`, value: seed.value })),
      ];
      for (const { name, value } of inputs) {
        expect(knownDifferences(value, profile), name).to.deep.equal([]);
        const verdict = verdicts(value, profile);
        expect(verdict.schema, `${name}\n${verdict.explain()}`).to.equal(verdict.validator);
      }
    });
  }

  for (const profile of PROFILES) {
    it(`on ${VALID_RUNS_PER_PROFILE} generated valid manifests (${profile})`, () => {
      fc.assert(
        fc.property(validManifest(profile), (manifest) => {
          // generated from the tables, so the validator must accept it; and then the schema must too
          if (!agree(manifest, profile, `valid ${profile} manifest`))
            throw new Error('the validator rejects a generated valid manifest');
        }),
        { numRuns: VALID_RUNS_PER_PROFILE, seed: SEED },
      );
    });
  }

  for (const profile of PROFILES) {
    it(`on ${MUTATED_RUNS_PER_PROFILE} single-field mutations of valid manifests (${profile})`, () => {
      fc.assert(
        fc.property(mutatedManifest(profile), ({ value, label }) => {
          agree(value, profile, label);
        }),
        { numRuns: MUTATED_RUNS_PER_PROFILE, seed: SEED + 1 },
      );
    });
  }

  it(`compared at least ${MINIMUM_GENERATED} generated manifests, valid and invalid`, () => {
    const lines = Object.entries(tally.byLabel)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, { valid, invalid }]) => `    ${label}: ${valid} valid, ${invalid} invalid`);
    console.log(
      [
        `  seed ${SEED}: compared ${tally.valid + tally.invalid} generated manifests (${tally.valid} valid, ${tally.invalid} invalid)`,
        ...lines,
        `  skipped as known differences: ${JSON.stringify(tally.skipped)}`,
      ].join('\n'),
    );
    expect(tally.valid + tally.invalid).to.be.greaterThanOrEqual(MINIMUM_GENERATED);
    expect(tally.valid).to.be.greaterThanOrEqual(2 * VALID_RUNS_PER_PROFILE);
    // most mutations break the manifest; some (deleting an optional field, an allowed character) must not
    expect(tally.invalid).to.be.greaterThan(MUTATED_RUNS_PER_PROFILE);
  });
});

describe('what the differential test found', () => {
  it('a general scope of 128 astral characters is invalid (the validator skipped its values when its UTF-16 length passed 128)', () => {
    const value = { client_name: 'App', scope: '\u{1F600}'.repeat(128) };
    const verdict = verdicts(value, 'general');
    expect(verdict.schema, verdict.explain()).to.equal(false);
    const result = validateManifest(value, { profile: 'general' });
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).to.deep.equal(['invalid_scope']);
  });
});
