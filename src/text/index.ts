/**
 * lp-app-manifest/text: a manifest's JSON text read with positions (line and
 * column per issue, repeated member names), for editors, web pages and tools
 * that point into the text. A subpath of its own: it bundles a JSON scanner
 * (jsonc-parser's) that `import { ManifestBuilder }` and
 * `import { validateManifest }` do not need.
 *
 * @packageDocumentation
 */
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
