/**
 * What the page uses of the library: the functions the CLI's `validate`, `fix` and `code` call, so
 * that the page and the terminal say the same thing. TEMPORARY: fixManifestText is a stand-in (it
 * repairs nothing) until branch `fix` exports it.
 */
import {
  type CheckedManifestText,
  type CheckManifestTextOptions,
  checkManifestText,
  type TextPosition,
} from '../src/text/index.js';

export { type CheckedManifestText, checkManifestText, manifestToCode, type TextIssue } from '../src/text/index.js';

export interface FixedManifestText {
  readonly text: string;
  readonly applied: readonly {
    readonly code: string;
    readonly path: string;
    readonly title: string;
    readonly start: TextPosition;
  }[];
  readonly check: CheckedManifestText;
}

export function fixManifestText(text: string, options: CheckManifestTextOptions = {}): FixedManifestText {
  return { text, applied: [], check: checkManifestText(text, options) };
}
