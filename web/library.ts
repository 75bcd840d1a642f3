/**
 * What the page uses of the library. TEMPORARY: a stand-in for checkManifestText (branch `fix`) and
 * manifestToCode (branch `code`) until they are merged; then this file re-exports them.
 */
import { validateTemplate, type Profile, type ValidationIssue } from '../src/index.js';
import { parseManifestText, type TextPosition } from '../src/text/index.js';

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}
export interface Repair {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}
export interface TextIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly segments: readonly (string | number)[];
  readonly params: unknown;
  readonly message: string;
  readonly start: TextPosition;
  readonly end: TextPosition;
  readonly from: number;
  readonly to: number;
  readonly repair?: Repair;
}
export interface CheckedManifestText {
  readonly ok: boolean;
  readonly profile: Profile;
  readonly issues: readonly TextIssue[];
  readonly warnings: readonly TextIssue[];
}
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

function offsetOf(text: string, position: TextPosition): number {
  let offset = 0;
  for (let line = 1; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  let column = 1;
  while (column < position.column && offset < text.length) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
    column++;
  }
  return offset;
}

function placed(text: string, issue: ValidationIssue, start: TextPosition): TextIssue {
  const from = offsetOf(text, start);
  return { ...issue, start, end: start, from, to: from };
}

export function checkManifestText(text: string, options: { readonly profile?: Profile } = {}): CheckedManifestText {
  const parsed = parseManifestText(text);
  const profile = options.profile ?? 'general';
  if (!parsed.ok) {
    const start = parsed.position ?? { line: 1, column: 1 };
    const from = offsetOf(text, start);
    const issue: TextIssue = {
      code: 'invalid_json',
      severity: 'error',
      path: '(root)',
      segments: [],
      params: { reason: parsed.reason },
      message: `not JSON: ${parsed.reason}`,
      start,
      end: start,
      from,
      to: from,
    };
    return { ok: false, profile, issues: [issue], warnings: [] };
  }
  const result = validateTemplate(parsed.value, { profile, env: {} });
  const issues = result.ok ? [] : result.issues;
  const positions = parsed.locate([...issues, ...result.warnings].map((issue) => issue.segments));
  return {
    ok: result.ok,
    profile,
    issues: issues.map((issue, i) => placed(text, issue, positions[i]!)),
    warnings: result.warnings.map((issue, i) => placed(text, issue, positions[issues.length + i]!)),
  };
}

export function fixManifestText(text: string, options: { readonly profile?: Profile } = {}): FixedManifestText {
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
