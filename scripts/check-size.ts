/**
 * The size budget: fails (exit 1) when `import { ManifestBuilder } from
 * 'lp-app-manifest'`, bundled and minified with its dependencies, passes the
 * gzip limit in package.json (`sizeLimit.builder.gzip`, bytes), or when the
 * bundle carries JSON Schema or CLI code, or `import { validateManifest }`
 * carries the builder (tree-shaking broken). Measures the built dist/, so
 * build first:
 *
 *     npm run build && npm run size
 *
 * A guard, not a timed test: bytes are the same on every machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { measureBundle } from '../bench/bundle-size.js';

const PACKAGE_JSON = new URL('../package.json', import.meta.url);
const BUILT_ENTRY = new URL('../dist/index.js', import.meta.url);

/** `sizeLimit.builder.gzip` from package.json. */
function gzipLimit(): number {
  const manifest = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { sizeLimit?: { builder?: { gzip?: unknown } } };
  const limit = manifest.sizeLimit?.builder?.gzip;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0) {
    throw new Error('package.json needs "sizeLimit": { "builder": { "gzip": <bytes> } }');
  }
  return limit;
}

if (!existsSync(BUILT_ENTRY)) {
  console.error('✖ size: dist/index.js is missing; run `npm run build` first');
  process.exit(1);
}

const limit = gzipLimit();
const size = await measureBundle(['ManifestBuilder']);
const figures = `${size.bytes} B minified, ${size.gzipBytes} B gzip (limit ${limit} B gzip)`;
const problems: string[] = [];
if (size.gzipBytes > limit) {
  problems.push(
    `the bundle is ${size.gzipBytes - limit} B gzip over the budget: ${figures}. ` +
      'Make it smaller, or raise sizeLimit.builder.gzip in package.json if the growth is worth it.',
  );
}
if (size.foreignCode.length > 0) {
  problems.push(
    `the bundle contains code that only the JSON Schema or the CLI needs (${size.foreignCode.join('; ')}): ` +
      'something the builder imports reaches src/schema or src/cli, or has a side effect that defeats tree-shaking.',
  );
}
// An application that validates only must not carry the builder either.
const validator = await measureBundle(['validateManifest']);
if (validator.foreignCode.length > 0) {
  problems.push(
    `import { validateManifest } bundles code that only the builder, the JSON Schema or the CLI needs ` +
      `(${validator.foreignCode.join('; ')}): a module-level side effect (a call, or an assignment such as ` +
      'TypeScript\'s class alias `_a = Builder`) keeps that code in, or the validator imports it.',
  );
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`✖ size: ${problem}`);
  process.exit(1);
}
console.log(
  `✔ size: import { ManifestBuilder } from 'lp-app-manifest' is ${figures}; no JSON Schema or CLI code. ` +
    `import { validateManifest } is ${validator.gzipBytes} B gzip, without the builder.`,
);
