/**
 * What the command line uses of the library beyond its public API: bundled
 * into the CLI (rollup.config.mjs allows src/cli this one import besides the
 * public entries), never an entry of the package. Small helpers only: the
 * size check fails if the CLI's bundle carries the validator.
 */
export { counted, formatOmitted, groupDigits, issueLine, omittedBySeverity } from './validation/error.js';
export { makeIssueWith, type Issue } from './validation/issue.js';
export { keyStart } from './validation/messages.js';
export { quote } from './validation/quote.js';
export { describeType, isPlainObject } from './validation/read.js';
export { closestCandidates, repairCandidate } from './validation/checks.js';
