/**
 * What the page uses of the library: the functions the CLI's `validate`, `fix` and `code` call, so
 * that the page and the terminal say the same thing. TEMPORARY parts: fixManifestText (branch
 * `fix`) and manifestToCode (branch `code`) are stand-ins until those land.
 */
import type { Profile, ValidationIssue } from '../src/index.js';
import {
  type CheckedManifestText,
  type CheckManifestTextOptions,
  checkManifestText,
  type TextPosition,
} from '../src/text/index.js';

export { type CheckedManifestText, checkManifestText, type TextIssue } from '../src/text/index.js';

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

export function manifestToCode(
  _manifest: unknown,
  _options?: { readonly profile?: Profile },
):
  | ({ readonly ok: true } & { readonly code: string; readonly variables: readonly string[] })
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] } {
  return { ok: false, issues: [] };
}
