/**
 * Every valid manifest is accepted, comes back canonical and unchanged,
 * survives from() and a JSON round trip, and shares nothing with its input.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { ManifestBuilder, validateManifest, type Profile } from '../../src/index.js';
import { manifestCase, scramble } from './arbitraries.js';
import {
  assertProperty,
  changeEverything,
  copyJson,
  expectOneWriteThrows,
  expectOwnFrozen,
  objectsOf,
  prng,
  type Json,
} from './support.js';

const SEED_CANONICAL = 0x5eed_0001;
const SEED_SHUFFLED = 0x5eed_0002;

const json = (value: unknown): string => JSON.stringify(value);

/** Asserts two values are the same JSON data, byte for byte (key order included) and structurally (prototypes included). */
function expectSameJson(actual: unknown, expected: unknown, what: string): void {
  const [actualJson, expectedJson] = [json(actual), json(expected)];
  // chai only when there is something to report: 10,000 runs of a passing check should cost little.
  if (actualJson !== expectedJson) expect(actualJson, what).to.equal(expectedJson);
  if (!isDeepStrictEqual(actual, expected)) expect(actual, `${what}: deep-equal`).to.deep.equal(expected);
}

function expectValid(value: unknown, profile: Profile): Json {
  const result = validateManifest(value, { profile });
  if (!result.ok) expect.fail(`rejected: ${json(result.issues.map(({ code, path }) => ({ code, path })))}`);
  for (const warning of result.warnings) if (warning.severity !== 'warning') expect(warning.severity).to.equal('warning');
  return result.manifest as unknown as Json;
}

describe('property: valid manifests', () => {
  it(`pass validateManifest, from() and build(); come back canonical, sharing nothing with the input; survive JSON (seed ${SEED_CANONICAL})`, () => {
    const arbitrary = fc.tuple(manifestCase, fc.integer());
    assertProperty('valid canonical manifests, both profiles', SEED_CANONICAL, arbitrary, ([{ profile, manifest }, seed]) => {
      const canonical = json(manifest);
      /** The same JSON as the generated manifest, byte for byte (key order included) and structurally (prototypes, -0, undefined). */
      const expectCanonical = (actual: unknown, what: string): void => {
        if (json(actual) !== canonical) expect(json(actual), what).to.equal(canonical);
        if (!isDeepStrictEqual(actual, manifest)) expect(actual, `${what}: deep-equal`).to.deep.equal(manifest);
      };
      expectCanonical(JSON.parse(canonical), 'JSON.parse(JSON.stringify(m))');
      const input = copyJson(manifest); // ours to change (fast-check may hand the same constant parts to later runs)
      const validated = validateManifest(input, { profile });
      if (!validated.ok) expect.fail(`rejected: ${json(validated.issues.map(({ code, path }) => ({ code, path })))}`);
      const builder = ManifestBuilder.from(input, { profile });
      const built = builder.build();
      expectCanonical(validated.manifest, 'validateManifest(m).manifest');
      expectCanonical(built, 'ManifestBuilder.from(m).build()');
      for (const warning of validated.warnings) if (warning.severity !== 'warning') expect.fail(json(warning));

      // Nothing shared, nothing lost: the input is untouched and not frozen; changing all of it afterwards changes no result.
      if (json(input) !== canonical) expect(json(input), 'the input').to.equal(canonical);
      const given = new Set(objectsOf(input));
      for (const node of given) if (Object.isFrozen(node)) expect.fail('the input was frozen');
      const random = prng(seed);
      changeEverything(input, { chance: (p) => random() < p });
      const builtLater = builder.build();
      if (json(validated.manifest) !== canonical) expect.fail('validateManifest(m).manifest changed with its input');
      if (json(builtLater) !== canonical) expect.fail('from(m) built after its input changed is not the same');
      expectOwnFrozen('validateManifest', validated, given);
      expectOwnFrozen('from(m).build()', built, given);
      expectOwnFrozen('from(m), built after the change', builtLater, given);
      expectOneWriteThrows(random() < 0.5 ? validated : builtLater, random);
    });
  });

  it(`come back in canonical order, whatever the order of keys and enum values, without an editor's "$schema" key (seed ${SEED_SHUFFLED})`, () => {
    const scrambled = fc.tuple(manifestCase, fc.integer());
    assertProperty('scrambled valid manifests', SEED_SHUFFLED, scrambled, ([{ profile, manifest }, seed]) => {
      // Every scramble of the same manifest gives the same bytes: the canonical manifest.
      expectSameJson(expectValid(scramble(manifest, seed), profile), manifest, 'validateManifest(scrambled m).manifest');
    });
  });
  // The builder's methods build the same manifests: sharing.test.ts, where their arguments are also changed afterwards.
});
