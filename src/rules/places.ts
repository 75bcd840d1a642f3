/**
 * Places in a manifest, found in the rules tree: the node that rules a value, by the keys and
 * indexes that lead to it. What a template, the secrets module and the installations code know of
 * a place, they ask here, so each fact stays on its node in `tables.ts`.
 */
import type { FieldSpec, LeafRule } from './nodes.js';
import { MANIFEST } from './tables.js';

/**
 * The node under `key` of a value ruled by `node`: an object's field, a list's item, an event's
 * body (any key of an events node but its `also` keys, misspelled events included), or the same
 * leaf for an item of a list-valued leaf (`redirect_uris[0]`); `undefined` where the tree has none.
 */
export function childOf(node: FieldSpec, key: string | number): FieldSpec | undefined {
  switch (node.type) {
    case 'object':
      return typeof key === 'string' && Object.hasOwn(node.fields, key) ? node.fields[key] : undefined;
    case 'list':
      return typeof key === 'number' ? node.items : undefined;
    case 'events':
      if (typeof key !== 'string') return undefined;
      return Object.hasOwn(node.also, key) ? node.also[key] : node.each;
    default:
      // A leaf (a new kind of container fails to compile here until it has a case).
      node satisfies LeafRule;
      return typeof key === 'number' ? node : undefined;
  }
}

/** The node that rules the value at `segments` of a manifest, or `undefined` where the tree has none. */
export function nodeAt(segments: readonly (string | number)[]): FieldSpec | undefined {
  let node: FieldSpec | undefined = MANIFEST;
  for (const segment of segments) {
    if (node === undefined) return undefined;
    node = childOf(node, segment);
  }
  return node;
}
