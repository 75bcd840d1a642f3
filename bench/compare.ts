/**
 * Two builds of the package, side by side: `tsx bench/compare.ts <a.js> <b.js>`
 * loads `validateManifest` from two copies of `dist/index.js` into one process
 * and times them in alternating rounds on the benchmark corpus, so that
 * whatever else the machine does hits both alike. Prints the median time per
 * manifest of each and their ratio, for the valid and the invalid part of the
 * corpus, and (an extra row, not the corpus) the valid part with LivePerson's
 * template endpoints `https://your/webhooks/endpoint`, whose one-label host
 * brings a `single_label_host` warning each, filled in with a real host name.
 * For deciding whether a change to the validator pays:
 *
 *     npm run build && cp dist/index.js /tmp/before.js
 *     # …change src/…
 *     npm run build && tsx bench/compare.ts /tmp/before.js dist/index.js
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { validateManifest as Validate } from 'lp-app-manifest';
import { corpus, type CorpusItem } from './corpus.js';
import { formatNs } from './measure.js';

const ROUNDS = 40;
const REPEATS = 20;

async function load(file: string): Promise<typeof Validate> {
  const module = (await import(pathToFileURL(resolve(file)).href)) as { validateManifest?: typeof Validate };
  if (typeof module.validateManifest !== 'function') throw new Error(`${file} does not export validateManifest`);
  return module.validateManifest;
}

/** Nanoseconds per manifest for one round of `REPEATS` passes over `items`. */
function round(validate: typeof Validate, items: readonly CorpusItem[]): number {
  const started = process.hrtime.bigint();
  for (let repeat = 0; repeat < REPEATS; repeat++) for (const item of items) validate(item.value, { profile: item.profile });
  return Number(process.hrtime.bigint() - started) / (REPEATS * items.length);
}

/** A copy of a manifest with every template endpoint `https://your/…` on a real host name instead. */
function withRealHosts(value: unknown): unknown {
  if (typeof value === 'string')
    return value.startsWith('https://your/') ? `https://hooks.example.com/${value.slice(13)}` : value;
  if (Array.isArray(value)) return value.map(withRealHosts);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withRealHosts(entry)]));
  }
  return value;
}

const median = (values: readonly number[]): number => [...values].sort((x, y) => x - y)[values.length >> 1]!;

const [fileA, fileB] = process.argv.slice(2);
if (fileA === undefined || fileB === undefined) {
  console.error('usage: tsx bench/compare.ts <a/index.js> <b/index.js>');
  process.exit(2);
}
const [a, b] = await Promise.all([load(fileA), load(fileB)]);
const items = corpus();
const valid = items.filter((item) => a(item.value, { profile: item.profile }).ok);
const invalid = items.filter((item) => !a(item.value, { profile: item.profile }).ok);
const realHosts = valid.map((item) => ({ ...item, value: withRealHosts(item.value) as CorpusItem['value'] }));
for (const [name, part] of [
  ['valid', valid],
  ['invalid', invalid],
  ['valid, real hosts (extra row)', realHosts],
] as const) {
  for (let warm = 0; warm < 10; warm++) {
    round(a, part);
    round(b, part);
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    timesA.push(round(a, part));
    timesB.push(round(b, part));
  }
  const [ma, mb] = [median(timesA), median(timesB)];
  console.log(`${name.padEnd(7)} (${part.length}): a ${formatNs(ma)}, b ${formatNs(mb)}, b/a ${(mb / ma).toFixed(3)}`);
}
