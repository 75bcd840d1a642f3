/**
 * Nothing shared, nothing lost: a result shares no object with what was
 * passed in (to validateManifest, to from(), to a builder method), so
 * changing the input afterwards changes nothing; the input is never changed
 * (nor frozen); and a result is deep-frozen, at every level.
 *
 * For validateManifest and from(), the property over generated manifests is
 * in valid.test.ts (it shares their runs); here, the builder's methods.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { ManifestBuilder, ManifestValidationError, validateManifest } from '../../src/index.js';
import { WEBHOOK_EVENTS } from '../../src/rules/tables.js';
import { strictAssign, strictPush } from '../helpers/strict.js';
import { manifestCase, Rand } from './arbitraries.js';
import { buildWithMethods } from './builder-calls.js';
import { fullManifest } from './sites.js';
import { assertProperty, changeEverything, containers, expectOneWriteThrows, expectOwnFrozen, objectsOf } from './support.js';

const SEED_BUILDER = 0x5eed_0050;
const EVENT = WEBHOOK_EVENTS[4];

/** Deletes in strict mode, where deleting from a frozen object throws. */
function strictDelete(target: object, key: PropertyKey): void {
  // biome-ignore lint/suspicious/noRedundantUseStrict: tsx may compile a spec to CommonJS, which is sloppy mode without it
  'use strict';
  delete (target as Record<PropertyKey, unknown>)[key];
}

/** Every write a caller could try on one object or array of a result; each must throw a TypeError. */
function writesThatDidNotThrow(node: object): string[] {
  const key = Array.isArray(node) ? (node.length > 0 ? 0 : undefined) : Object.keys(node)[0];
  const writes: [string, () => void][] = [
    ['add a key', () => strictAssign(node, 'added', 1)],
    ['define a property', () => Object.defineProperty(node, 'defined', { value: 1 })],
    ['change the prototype', () => Object.setPrototypeOf(node, null)],
  ];
  if (key !== undefined) {
    writes.push(['change a value', () => strictAssign(node, key, 'changed')], ['delete a key', () => strictDelete(node, key)]);
  }
  if (Array.isArray(node))
    writes.push(['push', () => strictPush(node, 'pushed')], ['set the length', () => strictAssign(node, 'length', 0)]);
  return writes.flatMap(([what, write]) => {
    try {
      write();
      return [what];
    } catch (error) {
      return error instanceof TypeError ? [] : [`${what} (threw ${String(error)})`];
    }
  });
}

function expectUnwritable(node: object, where: string): void {
  const failed = writesThatDidNotThrow(node);
  if (failed.length > 0) expect.fail(`${where}: these writes did not throw a TypeError: ${failed.join(', ')}`);
}

const nodesOf = objectsOf;

describe('nothing shared, nothing lost', () => {
  it(`the builder's methods build the expected manifest, never change or freeze their arguments, which can change later (seed ${SEED_BUILDER})`, () => {
    const arbitrary = fc.tuple(manifestCase, fc.integer());
    assertProperty('builder methods, arguments changed after the calls', SEED_BUILDER, arbitrary, ([testCase, seed]) => {
      const rand = new Rand(seed);
      const calls = buildWithMethods(testCase);
      const expected = JSON.stringify(calls.expected);
      const first = calls.builder.build();
      if (JSON.stringify(first) !== expected) expect(JSON.stringify(first), 'build()').to.equal(expected);
      if (!isDeepStrictEqual(first, calls.expected)) expect(first).to.deep.equal(calls.expected);

      for (const [value, json] of calls.args) {
        if (JSON.stringify(value) !== json) expect.fail(`an argument was changed: ${json} → ${JSON.stringify(value)}`);
      }
      const given = new Set<object>(calls.args.flatMap(([value]) => objectsOf(value)));
      for (const node of given) if (Object.isFrozen(node)) expect.fail('an argument was frozen');

      for (const [value] of calls.args) changeEverything(value, rand);
      const second = calls.builder.build();
      if (JSON.stringify(second) !== expected)
        expect(JSON.stringify(second), 'build() after the arguments changed').to.equal(expected);
      expectOwnFrozen('build()', first, given);
      expectOwnFrozen('build() after the arguments changed', second, given);
      expectOneWriteThrows(second, () => rand.int(0, 1_000_000) / 1_000_001);
    });
  });

  it('every object and array of a result is unwritable in strict mode, at every level', () => {
    const full = fullManifest();
    const webhooks = { [EVENT]: { endpoint: 'http://a', max_retries: 1 }, retry: { retention_time: 60 } };
    const invalid = validateManifest({ ...full, client_name: '', capabilities: { webhooks } });
    const results: [string, unknown][] = [
      ['validateManifest(valid)', validateManifest(full)],
      ['validateManifest(invalid), issues and warnings', invalid],
      ['ManifestBuilder.from(m).build()', ManifestBuilder.from(full).build()],
      ['the builder', ManifestBuilder.from(full).description('changed').build()],
      ['ManifestBuilder.connector() template', ManifestBuilder.connector().clientName('Acme').build()],
    ];
    const hasBoth = invalid.ok === false && invalid.issues.length > 0 && invalid.warnings.length > 0;
    expect(hasBoth, 'the invalid one has issues and warnings').to.equal(true);
    for (const [name, result] of results) {
      const all = containers(result);
      expect(all.length, name).to.be.greaterThan(1);
      for (const [path, node] of all) expectUnwritable(node, `${name} at ${JSON.stringify(path)}`);
    }
    // The deepest level was among them: a header object, result.manifest.capabilities.webhooks[event].headers[0].
    expect(containers(results[0]![1]).some(([path]) => path.length === 6)).to.equal(true);
  });

  it('an error carries frozen issues that share nothing with the input', () => {
    const input = { client_name: '', capabilities: { webhooks: { [EVENT]: { endpoint: 'http://a' } } } };
    try {
      ManifestBuilder.from(input);
      expect.fail('accepted');
    } catch (error) {
      if (!(error instanceof ManifestValidationError)) throw error;
      for (const [path, node] of containers(error.issues)) expectUnwritable(node, JSON.stringify(path));
      const given = new Set(nodesOf(input));
      for (const node of nodesOf(error.issues)) expect(given.has(node)).to.equal(false);
    }
  });

  it('the builder copies arguments it does not know the shape of (untyped JavaScript), so later changes do not reach them', () => {
    // Headers in the manifest's own shape, and engagement settings under the manifest's names, as untyped code might pass.
    const headers = [{ header_name: 'X-Token', header_value: 'good' }];
    const entryPoint = ['section'];
    const extra = { nested: ['x'] };
    // An unknown option ("extra") is a compile error in typed code, hence the cast.
    const options = { headers: headers as never, extra } as never;
    const builder = ManifestBuilder.general()
      .clientName('Acme')
      .webhook(EVENT, 'https://hooks.acme.com', options)
      .engagement({
        design_engagement: false,
        design_window: false,
        entry_point: entryPoint,
        visitor_behavior: [],
        target_audience: [],
        goal: [],
        consumer_identity: ['auth'],
        language_selection: false,
      } as never);
    const before = JSON.stringify(builder.validate());
    headers[0]!.header_value = 'bad\r\nX-Injected: 1';
    headers.push({ header_name: 'X-Other', header_value: 'v' });
    entryPoint.push('not-an-entry-point');
    extra.nested.push('y');
    expect(JSON.stringify(builder.validate())).to.equal(before);
  });
});
