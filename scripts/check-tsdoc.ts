/**
 * Fails (exit 1) while an export of src/index.ts has no TSDoc summary or no
 * `@example`, and lists each one with its file and line:
 *
 *     npm run test:tsdoc
 */
import { findTsdocGaps } from './tsdoc.js';

const gaps = findTsdocGaps();
if (gaps.length > 0) {
  console.error(
    `✖ tsdoc: ${gaps.length} export${gaps.length === 1 ? '' : 's'} of src/index.ts without a summary and an @example:`,
  );
  for (const gap of gaps) console.error(`  ${gap.location}  ${gap.name}: missing ${gap.missing.join(', ')}`);
  process.exit(1);
}
console.log('✔ tsdoc: every export of src/index.ts has a summary and an @example.');
