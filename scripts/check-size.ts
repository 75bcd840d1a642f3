/**
 * The size budget: fails (exit 1) when `import { ManifestBuilder } from
 * 'lp-app-manifest'`, bundled and minified with its dependencies, passes the
 * gzip limit in package.json (`sizeLimit.builder.gzip`, bytes), or when the
 * bundle carries JSON Schema or CLI code, or `import { validateManifest }`
 * carries the builder, or the rules' value lists carry the validator
 * (tree-shaking broken; these two with esbuild and with rollup), or the main entry carries a
 * subpath's code (the installations client, the text subpath's JSON scanner). Measures the built dist/, so
 * build first:
 *
 *     npm run build && npm run size
 *
 * A guard, not a timed test: bytes are the same on every machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  FOREIGN_CODE_MARKERS,
  foreignCodeWithRollup,
  measureBundle,
  specTableExports,
  type BundleSize,
} from '../bench/bundle-size.js';

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

/**
 * `import { <names> }` as esbuild bundled it (`bundle`) and as rollup bundles it: a problem for
 * each bundler whose output keeps code of another part of the package.
 */
async function treeShakingProblems(bundle: BundleSize, names: readonly string[], has: string, hint: string): Promise<string[]> {
  const found = { esbuild: bundle.foreignCode, rollup: await foreignCodeWithRollup(names) };
  return Object.entries(found)
    .filter(([, markers]) => markers.length > 0)
    .map(
      ([bundler, markers]) =>
        `import { ${names.join(', ')} }, bundled by ${bundler}, has ${has} (${markers.join('; ')}): ${hint}`,
    );
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
problems.push(
  ...(await treeShakingProblems(
    validator,
    ['validateManifest'],
    'code that only the builder, the JSON Schema or the CLI needs',
    "a module-level side effect (a call, or an assignment such as TypeScript's class alias `_a = Builder`) " +
      'keeps that code in, or the validator imports it.',
  )),
);

// Nor may the rules' value lists (for a form or a menu, say) bring in anything but themselves.
const tableNames = specTableExports();
const tables = await measureBundle(tableNames);
if (tableNames.length === 0) problems.push('found no value lists that src/index.ts re-exports from src/rules/tables.ts');
problems.push(
  ...(await treeShakingProblems(
    tables,
    tableNames,
    'more than the lists',
    'a module-level call or `new` that the bundler must keep (mark it /* @__PURE__ */, with its arguments inside an arrow if they call anything).',
  )),
);

// The deploy client is the subpath 'lp-app-manifest/installations', and reading JSON text with positions
// (jsonc-parser's scanner) is 'lp-app-manifest/text': the main entry (and so every bundle of it, the
// builder's and the validator's) must carry neither, and the deploy subpath must use the main entry by
// import, not carry a second copy.
const SUBPATH_MARKERS = {
  'the installations client': ['app-install/installations', 'baseURI.json', 'LP_BEARER_TOKEN'],
  "the text subpath's JSON scanner (jsonc-parser)": ['createScanner', 'PropertyNameExpected', 'parseManifestText'],
};
for (const file of ['index.js', 'index.cjs']) {
  const text = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
  for (const [what, markers] of Object.entries(SUBPATH_MARKERS)) {
    const found = markers.filter((marker) => text.includes(marker));
    if (found.length > 0) problems.push(`dist/${file} carries ${what} (${found.join(', ')}): it belongs to its subpath only`);
  }
}
if (!existsSync(new URL('../dist/text.js', import.meta.url)))
  problems.push('dist/text.js is missing (the subpath lp-app-manifest/text)');
const installationsEntry = new URL('../dist/installations.js', import.meta.url);
if (!existsSync(installationsEntry))
  problems.push('dist/installations.js is missing (the subpath lp-app-manifest/installations)');
else {
  const text = readFileSync(installationsEntry, 'utf8');
  const copied = [...FOREIGN_CODE_MARKERS.builder, ...FOREIGN_CODE_MARKERS['JSON Schema']].filter((marker) =>
    text.includes(marker),
  );
  if (copied.length > 0 || !text.includes("from 'lp-app-manifest'")) {
    problems.push(
      `dist/installations.js must import the main entry ('lp-app-manifest'), not carry its code (${copied.join(', ') || 'no import found'})`,
    );
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`✖ size: ${problem}`);
  process.exit(1);
}
console.log(
  `✔ size: import { ManifestBuilder } from 'lp-app-manifest' is ${figures}; no JSON Schema or CLI code. ` +
    `import { validateManifest } is ${validator.gzipBytes} B gzip, without the builder; ` +
    `the ${tableNames.length} value lists alone are ${tables.gzipBytes} B gzip (both tree-shaken by esbuild and rollup).`,
);
