/**
 * Fails (exit 1) while a code sample of README.md, docs/*.md or a TSDoc
 * `@example` in src/ does not compile against the built package (or, with a
 * `// @errors:` first line, does not fail exactly as it says), and lists each
 * one as FILE:LINE with the diagnostic. Run after `npm run build`:
 *
 *     npm run test:samples
 *
 * The rules are in scripts/samples.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkSamples, collectSamples, REPO } from './samples.js';

if (!existsSync(join(REPO, 'dist', 'index.d.ts'))) {
  console.error(
    '✖ samples: dist/index.d.ts is missing; the samples compile against the built package: run `npm run build` first.',
  );
  process.exit(1);
}
const started = performance.now();
const samples = collectSamples();
const failures = checkSamples(samples);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`✖ samples: ${failures.length} problem${failures.length === 1 ? '' : 's'} in ${samples.length} code blocks:`);
  for (const failure of failures) console.error(`  ${failure.location}  ${failure.message.replaceAll('\n', '\n      ')}`);
  process.exit(1);
}
const compiled = samples.filter((sample) => ['ts', 'typescript', 'js', 'javascript'].includes(sample.lang)).length;
console.log(`✔ samples: ${samples.length} code blocks, ${compiled} compiled against dist/ (${seconds} s).`);
