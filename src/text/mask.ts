/**
 * A manifest's JSON text with its secrets masked, for showing a change to it (a diff): which strings
 * are secrets is the secrets module's answer for the rules tree's places (a header value,
 * `client_secret`, a key that is not a name), read from the text's own syntax tree, so that a copy
 * `JSON.parse` would drop (a repeated key) is masked too.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import {
  HIDDEN_VALUE,
  holdsSecret,
  isHiddenWhole,
  isShownKey,
  placeUnder,
  redact,
  ROOT_PLACE,
  type Place,
} from '../rules/secrets.js';

const MASK = JSON.stringify(HIDDEN_VALUE);

/** The value of a node, as jsonc-parser builds it (the last of repeated keys). */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (typeof key?.value === 'string' && value !== undefined)
          Object.defineProperty(out, key.value, {
            value: nodeValue(value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** Every string token of a node: keys and values. */
function stringNodes(node: Node, out: Node[]): void {
  if (node.type === 'string') out.push(node);
  for (const child of node.children ?? []) stringNodes(child, out);
}

/** The string tokens at secret places (the whole token), and the keys that are not names. */
function secretNodes(node: Node, place: Place, out: Node[]): void {
  // A place the tree does not rule hides nothing as a whole: its value need not be built.
  if (place !== 'loose' && isHiddenWhole(nodeValue(node), place)) {
    stringNodes(node, out);
    return;
  }
  if (node.type === 'array')
    for (const [i, item] of (node.children ?? []).entries()) secretNodes(item, placeUnder(place, i), out);
  if (node.type !== 'object') return;
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key === undefined || value === undefined || typeof key.value !== 'string') continue;
    if (!isShownKey(key.value)) {
      stringNodes(property, out);
      continue;
    }
    secretNodes(value, placeUnder(place, key.value), out);
  }
}

/**
 * The text with every secret string token written `"(hidden)"`: the tokens at secret places, and
 * any other string that holds one of them. A text that is not JSON, even read leniently, has every
 * string value masked (its places cannot be told). Line ends and everything else stay as they are.
 *
 * @example
 * ```ts
 * import { maskSecrets } from 'lp-app-manifest/text';
 *
 * maskSecrets('{ "client_name": "Acme", "client_secret": "s3cr3t" }'); // '{ "client_name": "Acme", "client_secret": "(hidden)" }'
 * ```
 */
export function maskSecrets(text: string): string {
  if (typeof text !== 'string') return '';
  // A byte order mark is not part of the JSON (RFC 8259 §8.1): the text after it is read, and the mark kept.
  if (text.startsWith('\ufeff')) return `\ufeff${maskSecrets(text.slice(1))}`;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const all: Node[] = [];
  if (root !== undefined) stringNodes(root, all);
  let masked: Node[];
  if (root === undefined || errors.length > 0) {
    masked = all.filter(
      (node) => !(node.parent?.type === 'property' && node.parent.children?.[0] === node && isShownKey(String(node.value))),
    );
  } else {
    const secret: Node[] = [];
    secretNodes(root, ROOT_PLACE, secret);
    const secrets = secret.map((node) => String(node.value)).filter((value) => value !== '');
    const found = new Set(secret);
    // Each string is searched for each secret: past a budget (a hostile file's thousands of each), every value is
    // masked instead, as for a text whose places cannot be told; bounded, and never showing a secret.
    masked =
      secrets.length * all.length > MAX_SEARCHES
        ? all.filter((node) => !(node.parent?.type === 'property' && node.parent.children?.[0] === node))
        : [...secret, ...all.filter((node) => !found.has(node) && holdsSecret(String(node.value), secrets))];
  }
  const hidden = new Set(masked);
  // A URL's user information and query (`user:password@`, `?token=…`) are hidden as the secrets module hides them.
  const urls = new Map<Node, string>();
  for (const node of all) {
    const shown = hidden.has(node) ? undefined : redact(String(node.value), 'loose');
    if (shown !== undefined && shown !== node.value) urls.set(node, JSON.stringify(shown));
  }
  const ranges = [...hidden, ...urls.keys()].sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const node of ranges) {
    if (node.offset < at) continue;
    out += text.slice(at, node.offset) + (urls.get(node) ?? MASK);
    at = node.offset + node.length;
  }
  return out + text.slice(at);
}

/** How many searches of a string for a secret one masking may make (see {@link maskSecrets}). */
const MAX_SEARCHES = 4_000_000;
