/**
 * What `fix` prints of a change to a manifest's text: a unified diff of its lines, with every secret
 * masked first (lp-app-manifest/text's `maskSecrets`).
 */
import { maskSecrets } from '../text/index.js';

/** Lines of a text, without their line ends (a CRLF file diffs as its lines). */
const linesOf = (text: string): string[] => {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/** The most cells of the table the line diff computes; beyond it, the changed middle is one hunk of removals and additions. */
const MAX_CELLS = 4_000_000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** The edit script between two lists of lines: their common start and end kept, the middle by longest common subsequence. */
function script(before: readonly string[], after: readonly string[]): Op[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  const middle: Op[] = [];
  if (a.length * b.length > MAX_CELLS) {
    // One by one: a spread of a hostile file's hundred thousand lines would overflow the call stack.
    for (const line of a) middle.push({ kind: '-', line });
    for (const line of b) middle.push({ kind: '+', line });
  } else {
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    const width = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        lengths[i * width + j] =
          a[i] === b[j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        middle.push({ kind: ' ', line: a[i]! });
        i++;
        j++;
      } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
        // Removals first, as diff(1) writes a changed line.
        middle.push({ kind: '-', line: a[i++]! });
      } else middle.push({ kind: '+', line: b[j++]! });
    }
  }
  return before
    .slice(0, start)
    .map((line): Op => ({ kind: ' ', line }))
    .concat(
      middle,
      before.slice(endBefore).map((line): Op => ({ kind: ' ', line })),
    );
}

/**
 * A unified diff (`--- a/FILE`, `+++ b/FILE`, hunks with 3 lines of context) of two texts, each
 * masked by {@link maskSecrets} first; `''` when they do not differ.
 *
 * @example
 * ```ts
 * import { unifiedDiff } from './text-diff.js';
 *
 * unifiedDiff('m.json', '{\n  "a": "1",\n}\n', '{\n  "a": "1"\n}\n');
 * // '--- a/m.json\n+++ b/m.json\n@@ -1,3 +1,3 @@\n {\n-  "a": "1",\n+  "a": "1"\n }\n'
 * ```
 */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  const ops = script(linesOf(maskSecrets(before)), linesOf(maskSecrets(after)));
  const changed = ops.flatMap((op, i) => (op.kind === ' ' ? [] : [i]));
  if (changed.length === 0) return '';
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let index = 0;
  while (index < changed.length) {
    const first = Math.max(changed[index]! - context, 0);
    let last = changed[index]!;
    while (index < changed.length && changed[index]! - last <= 2 * context) last = changed[index++]!;
    const end = Math.min(last + context, ops.length - 1);
    // Line numbers of the hunk's start in each text: the lines before it that each text has.
    let oldLine = 1;
    let newLine = 1;
    for (const op of ops.slice(0, first)) {
      if (op.kind !== '+') oldLine++;
      if (op.kind !== '-') newLine++;
    }
    const hunk = ops.slice(first, end + 1);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(
      `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`,
    );
    for (const op of hunk) out.push(`${op.kind}${op.line}`);
  }
  return `${out.join('\n')}\n`;
}
