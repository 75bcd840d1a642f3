/**
 * Prototype pollution: JSON with "__proto__", "constructor" or "prototype"
 * keys anywhere is rejected as unknown keys and never changes a prototype;
 * the validator and the builder never read an inherited property, so a
 * prototype polluted by other code adds nothing to a manifest (that test
 * runs in a child process: see polluted-prototype.child.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import fc from 'fast-check';
import { ManifestBuilder, ManifestValidationError, validateManifest, type ValidationResult } from '../../src/index.js';
import { WEBHOOK_EVENTS } from '../../src/rules/tables.js';
import { manifestCase } from './arbitraries.js';
import { fullManifest, sitesOf } from './sites.js';
import { assertProperty, RUNS, setAt, type Segments } from './support.js';

const SEED = 0x5eed_0030;
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const EVENT = WEBHOOK_EVENTS[4];

/** JSON texts that try to pollute whatever they are merged into. */
const PAYLOADS = [
  '{"polluted":"yes"}',
  '{"polluted":"yes","__proto__":{"polluted":"yes"}}',
  '{"prototype":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '"polluted"',
  '[{"__proto__":{"polluted":"yes"}}]',
];

/** The own property names of the built-in prototypes, to prove nothing was added. */
const snapshot = (): string =>
  JSON.stringify(
    [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
      Object.getOwnPropertyNames(proto).sort(),
    ),
  );

function expectNotPolluted(before: string): void {
  expect(({} as Record<string, unknown>)['polluted'], '({}).polluted').to.equal(undefined);
  expect(([] as unknown as Record<string, unknown>)['polluted'], '[].polluted').to.equal(undefined);
  expect(snapshot(), 'built-in prototypes').to.equal(before);
}

const issueAt = (result: ValidationResult, at: Segments): string | undefined =>
  result.ok ? undefined : result.issues.find((issue) => JSON.stringify(issue.segments) === JSON.stringify(at))?.code;

describe('prototype pollution', () => {
  const before = snapshot();
  after(() => expectNotPolluted(before));

  it(`a "__proto__", "constructor" or "prototype" key parsed from JSON, at any object, is an unknown key and pollutes nothing (seed ${SEED})`, () => {
    const arbitrary = fc.tuple(manifestCase, fc.nat(), fc.constantFrom(...POLLUTING_KEYS), fc.constantFrom(...PAYLOADS));
    let rejected = 0;
    assertProperty('JSON with polluting keys', SEED, arbitrary, ([{ profile, manifest }, pick, key, payload]) => {
      const places = sitesOf(manifest, profile).filter((site) => site.kind === 'object' || site.kind === 'enum-item');
      const site = places[pick % places.length]!;
      // An enum item is replaced by the polluting object; an object gets the polluting key.
      const marker = '"__polluting_marker__"';
      const changed = setAt(manifest, site.kind === 'object' ? [...site.path, key] : site.path, '__polluting_marker__');
      const text = JSON.stringify(changed).replace(
        marker,
        site.kind === 'object' ? payload : `{${JSON.stringify(key)}:${payload}}`,
      );
      const parsed = JSON.parse(text) as unknown;

      const result = validateManifest(parsed, { profile });
      const at = site.kind === 'object' ? [...site.path, key] : site.path;
      const code = issueAt(result, at);
      if (code !== (site.kind === 'object' ? 'unknown_key' : 'invalid_type')) expect.fail(`${text}: ${JSON.stringify(result)}`);
      rejected++;
      if (({} as Record<string, unknown>)['polluted'] !== undefined) expect.fail(`polluted by ${text}`);
    });
    expect(rejected).to.equal(RUNS);
    expectNotPolluted(before);
  });

  it('ManifestBuilder.from rejects a polluting key at every object of a manifest, in both profiles, and pollutes nothing', () => {
    for (const profile of ['general', 'connector'] as const) {
      for (const site of sitesOf(fullManifest(), profile).filter((s) => s.kind === 'object')) {
        for (const key of POLLUTING_KEYS) {
          for (const payload of PAYLOADS) {
            const marked = setAt(fullManifest(), [...site.path, key], '__polluting_marker__');
            const text = JSON.stringify(marked).replace('"__polluting_marker__"', payload);
            try {
              ManifestBuilder.from(JSON.parse(text), { profile });
              expect.fail(`accepted ${text}`);
            } catch (error) {
              if (!(error instanceof ManifestValidationError)) throw error;
              const found = error.issues.map((issue) => `${JSON.stringify(issue.segments)} ${issue.code}`);
              expect(found).to.include(`${JSON.stringify([...site.path, key])} unknown_key`);
            }
          }
        }
      }
    }
    expectNotPolluted(before);
  });

  it('the builder keeps a "__proto__" event, option, setting or tag as data, and rejects it by name', () => {
    const base = () => ManifestBuilder.general().clientName('Acme');
    const ENDPOINT = 'https://hooks.acme.com';
    const cases: readonly (readonly [string, () => { build(): unknown }, Segments, string])[] = [
      [
        'webhook("__proto__", …)',
        () => base().webhook('__proto__' as never, ENDPOINT),
        ['capabilities', 'webhooks', '__proto__'],
        'unknown_key',
      ],
      [
        'webhook("constructor", …)',
        () => base().webhook('constructor' as never, ENDPOINT),
        ['capabilities', 'webhooks', 'constructor'],
        'unknown_key',
      ],
      [
        'webhook options from JSON with __proto__',
        () => base().webhook(EVENT, ENDPOINT, JSON.parse('{"__proto__":{"maxRetries":9}}') as never),
        ['capabilities', 'webhooks', EVENT, '__proto__'],
        'unknown_key',
      ],
      [
        'engagement settings from JSON with __proto__',
        () => base().engagement(JSON.parse('{"__proto__":{"designEngagement":true}}') as never),
        ['capabilities', 'engagement', '__proto__'],
        'unknown_key',
      ],
      [
        'localizedClientName("__proto__", …)',
        () => base().localizedClientName('__proto__', 'x'),
        ['client_name#__proto__'],
        'invalid_language_tag',
      ],
    ];
    for (const [name, make, at, code] of cases) {
      try {
        make().build();
        expect.fail(`${name} was built`);
      } catch (error) {
        if (!(error instanceof ManifestValidationError)) throw error;
        expect(
          error.issues.map((issue) => `${JSON.stringify(issue.segments)} ${issue.code}`),
          name,
        ).to.include(`${JSON.stringify(at)} ${code}`);
      }
    }
    // A header *named* "__proto__" is a valid HTTP token: it stays a header name (data), never a key.
    const headers = JSON.parse('{"__proto__":"v"}') as Record<string, string>;
    const manifest = base().webhook(EVENT, 'https://hooks.acme.com', { headers }).build();
    expect(manifest.capabilities?.webhooks?.[EVENT]?.headers).to.deep.equal([{ header_name: '__proto__', header_value: 'v' }]);
    expectNotPolluted(before);
  });

  it('a polluted Object.prototype or Array.prototype adds nothing: only own properties are read (in a child process)', () => {
    const child = fileURLToPath(new URL('polluted-prototype.child.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8' });
    expect(run.status, run.stderr).to.equal(0);
    const { results, clean } = JSON.parse(run.stdout) as {
      results: Record<string, ValidationResult>;
      clean: Record<string, unknown>;
    };
    const get = (name: string): ValidationResult => results[name]!;
    expect(issueAt(get('empty'), ['client_name'])).to.equal('required');
    expect(issueAt(get('webhookWithoutEndpoint'), ['capabilities', 'webhooks', EVENT, 'endpoint'])).to.equal('required');
    // A hole is a hole, not the inherited Array.prototype[0].
    expect(issueAt(get('holeInGrantTypes'), ['grant_types', 0])).to.equal('invalid_type');
    for (const name of ['valid', 'from'])
      expect(get(name), name).to.deep.equal({ ok: true, manifest: { client_name: 'Acme' }, warnings: [] });
    // Rule settings the tables leave unset, and output keys the warnings look up, polluted too: nothing changes.
    const everything = get('validEverything');
    expect(everything.ok && everything.warnings, JSON.stringify(everything).slice(0, 500)).to.deep.equal([]);
    const built = get('builder');
    expect(built.ok && built.manifest).to.deep.equal({
      client_name: 'Acme',
      capabilities: { webhooks: { [EVENT]: { endpoint: 'https://hooks.acme.com' }, retry: { retention_time: 60 } } },
    });
    // The callback's "current" block is the documented defaults, not what the prototype offered.
    const engagement = get('builderEngagement');
    expect(engagement.ok && engagement.manifest).to.deep.equal(clean['builderEngagement']);
  });

  it('a result has no inherited surprises: plain prototypes, own keys only, nothing enumerable inherited', () => {
    const manifest = validateManifest(
      JSON.parse('{"client_name":"Acme","capabilities":{"webhooks":{"retry":{"retention_time":60}}}}'),
    );
    expect(manifest.ok).to.equal(true);
    if (!manifest.ok) return;
    for (const node of [manifest, manifest.manifest, manifest.manifest.capabilities, manifest.manifest.capabilities?.webhooks]) {
      expect(Object.getPrototypeOf(node)).to.equal(Object.prototype);
      const enumerated: string[] = [];
      for (const key in node) enumerated.push(key);
      expect(enumerated).to.deep.equal(Object.keys(node as object));
      expect(Object.getOwnPropertySymbols(node)).to.deep.equal([]);
      expect(Object.getOwnPropertyNames(node)).to.deep.equal(Object.keys(node as object));
    }
  });
});
