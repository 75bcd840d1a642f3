/**
 * Where an issue is in a manifest's JSON text: the line and column the command line prints (from
 * `locateOffsets`, the one placing that `validate` uses too) and the span an editor underlines.
 */
import { parseTree, type Node } from 'jsonc-parser';

// The repairs find nodes with it too, through here: their own import of jsonc-parser is its editing part only.
export { findNodeAtOffset } from 'jsonc-parser';
import { STRICT } from './parse.js';

/** The codes whose place is a member's name rather than its value: the span is the name. */
const KEY_CODES: ReadonlySet<string> = new Set([
  'unknown_key',
  'misspelled_webhook_event',
  'server_assigned_key',
  'allowed_unknown_key',
  'duplicate_key',
  'duplicate_key_not_shown',
]);

/** A parsed tree of a text `JSON.parse` accepted, to find spans in. */
export type Tree = Node | undefined;

/** The tree of a JSON text (strict: comments and trailing commas are errors). */
export const treeOf = (text: string): Tree => parseTree(text, [], STRICT);

/** Each object's members by name, built once per object looked into (a hostile object may have a million). */
const MEMBERS = new WeakMap<Node, Map<string, Node>>();

/** The member (or the value, for an item or the root) at `segment` under `node`; the last of repeated names, as `JSON.parse` keeps. */
export function childNode(node: Node, segment: string | number): Node | undefined {
  if (node.type === 'array') return typeof segment === 'number' ? node.children?.[segment] : undefined;
  if (node.type !== 'object' || typeof segment !== 'string') return undefined;
  let members = MEMBERS.get(node);
  if (members === undefined) {
    members = new Map();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (typeof key?.value === 'string' && value !== undefined) members.set(key.value, value);
    }
    MEMBERS.set(node, members);
  }
  return members.get(segment);
}

/** The deepest node on a path and how many segments it took: `depth < segments.length` means a place not in the text. */
export function deepestNode(
  root: Tree,
  segments: readonly (string | number)[],
): { readonly node: Node | undefined; readonly depth: number } {
  let node = root;
  let depth = 0;
  for (const segment of segments) {
    const child = node === undefined ? undefined : childNode(node, segment);
    if (child === undefined) break;
    node = child;
    depth++;
  }
  return { node, depth };
}

const end = (node: Node): number => node.offset + node.length;

/** The name's node of a value that is a member's value; `undefined` for an item or the root. */
export const keyNodeOf = (node: Node): Node | undefined =>
  node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent.children[0] : undefined;

/**
 * The span to underline for an issue of `code` at `segments`: the value there, or its name for an
 * issue about a key; for a place not in the text (a missing key), the object it belongs in: its
 * name, or its opening brace.
 */
export function spanOf(
  root: Tree,
  segments: readonly (string | number)[],
  code: string,
): { readonly from: number; readonly to: number } {
  const { node, depth } = deepestNode(root, segments);
  if (node === undefined) return { from: 0, to: 0 };
  const key = keyNodeOf(node);
  if (depth < segments.length) {
    if (key !== undefined) return { from: key.offset, to: end(key) };
    return { from: node.offset, to: node.offset + 1 };
  }
  if (KEY_CODES.has(code) && key !== undefined) return { from: key.offset, to: end(key) };
  return { from: node.offset, to: end(node) };
}

/** The UTF-16 offset of a 1-based line and column (columns count code points), as `positionsOf` counts them. */
export function offsetAt(text: string, line: number, column: number): number {
  let i = 0;
  for (let at = 1; at < line && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) at++;
  }
  for (let at = 1; at < column && i < text.length; at++) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

/** The UTF-16 offsets of 1-based lines and columns, in one pass over the text (as {@link offsetAt}). */
export function offsetsAt(text: string, positions: readonly { readonly line: number; readonly column: number }[]): number[] {
  const order = positions
    .map((position, index) => ({ ...position, index }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const offsets = new Array<number>(positions.length);
  let i = 0;
  let line = 1;
  let column = 1;
  for (const { line: wantedLine, column: wantedColumn, index } of order) {
    while (i < text.length && (line < wantedLine || (line === wantedLine && column < wantedColumn))) {
      const code = text.charCodeAt(i);
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
        if (line === wantedLine) break; // the column is past the line's end
        line++;
        column = 1;
        i++;
      } else {
        i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
        column++;
      }
    }
    offsets[index] = i;
  }
  return offsets;
}
