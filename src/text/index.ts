/**
 * lp-app-manifest/text: a manifest's JSON text read with positions (line and
 * column per issue, repeated member names), checked with each issue placed in
 * it, and repaired where a repair is mechanical, for editors, web pages and
 * tools that point into the text. A subpath of its own: it bundles a JSON
 * scanner and editor (jsonc-parser's) that `import { ManifestBuilder }` and
 * `import { validateManifest }` do not need.
 *
 * @packageDocumentation
 */
export {
  checkManifestText,
  type CheckedManifestText,
  type CheckManifestTextOptions,
  type Repair,
  type TextEdit,
  type TextIssue,
} from './check.js';
export { maskSecrets } from './mask.js';
export { fixManifestText, type AppliedRepair, type FixedManifestText, type FixManifestTextOptions } from './fix.js';
export {
  duplicateKeyIssue,
  TEXT_ISSUE_MESSAGES,
  type TextIssueCode,
  type TextIssueParams,
  type TextLevelIssue,
} from './issues.js';
export {
  MAX_DUPLICATES,
  parseManifestText,
  type DuplicateKey,
  type JsonSyntaxReason,
  type ParseManifestTextOptions,
  type ParsedManifestText,
  type TextPosition,
} from './parse.js';
export {
  manifestToCode,
  type ManifestCode,
  type ManifestCodeResult,
  type ManifestToCodeOptions,
} from './code.js';
