/**
 * Fails (exit 1) while an export of a public entry (src/index.ts, src/text/index.ts) has no TSDoc
 * summary or no `@example`, and lists each one with its file and line:
 *
 *     npm run test:tsdoc
 */
import { findTsdocGaps } from './tsdoc.js';

const ENTRIES = ['src/index.ts', 'src/text/index.ts'];
const gaps = ENTRIES.flatMap((entry) => findTsdocGaps(entry).map((gap) => ({ ...gap, entry })));
if (gaps.length > 0) {
  console.error(`✖ tsdoc: ${gaps.length} export${gaps.length === 1 ? '' : 's'} without a summary and an @example:`);
  for (const gap of gaps) console.error(`  ${gap.location}  ${gap.entry}: ${gap.name}: missing ${gap.missing.join(', ')}`);
  process.exit(1);
}
console.log(`✔ tsdoc: every export of ${ENTRIES.join(' and ')} has a summary and an @example.`);
