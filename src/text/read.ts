/**
 * What the command line's `validate` reads JSON text with: `parseManifestText`, built as a file of
 * its own (dist/text-read.*) that lp-app-manifest/text shares, so that `validate`'s start-up loads
 * no JSON editor and no repair code. (The wording of the text's issues, src/text/issues.ts, is
 * bundled into the command line itself.)
 */
export { parseManifestText, type JsonSyntaxReason, type TextPosition } from './parse.js';
