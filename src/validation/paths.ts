/**
 * Paths: where the walk is (a small node per step), where an issue is
 * reported (a place: path text and frozen segments, made only when an issue
 * is reported there), and how a path is written (`webhooks["…"].headers[0]`).
 */
import { MAX_QUOTED, quote } from './quote.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path (`''` for the whole manifest) with one more segment: `.key`, `["key"]` or `[0]`. */
function appendSegment(path: string, segment: string | number): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  // A long key is quoted, and so cut short, even when it looks like an identifier: a huge input never makes a huge path.
  const text =
    segment.length <= 4 * MAX_QUOTED && IDENTIFIER.test(segment) ? `.${segment}` : `[${quote(segment, 4 * MAX_QUOTED)}]`;
  // The first key of a path has no dot before it.
  return path === '' && text.charCodeAt(0) === 0x2e ? text.slice(1) : path + text;
}

/**
 * Formats path segments as `capabilities.webhooks["…"].headers[0].header_name`.
 *
 * @example
 * ```ts
 * import { formatPath } from './paths.js';
 *
 * formatPath(['capabilities', 'webhooks', 'ms.MessagingEventNotification.ContentEvent', 'headers', 0]);
 * // 'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].headers[0]'
 * ```
 */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (let i = 0; i < segments.length; i++) out = appendSegment(out, segments[i]!);
  return out;
}

/**
 * Where the walk is: a key or index and the place it is in (`null` is the
 * manifest itself). A path is built as the walk goes down, one small node per
 * step, and turned into segments only when an issue is reported.
 */
export type Path = PathNode | null;
export interface PathNode {
  readonly up: Path;
  readonly key: string | number;
  /** Its {@link Place}, once an issue has been reported at it or below it. */
  place: Place | undefined;
}

export const at = (up: Path, key: string | number): PathNode => ({ up, key, place: undefined });

/**
 * A place an issue is reported at: its path text and its segments, frozen. The places of the
 * rules' keys come back in every manifest (`capabilities.webhooks["…"].endpoint`), so each is
 * made once and kept in a tree by key; an issue's `path` and `segments` are then shared, frozen,
 * by every issue at that place. Kept only for short keys and up to a bound, so that hostile
 * input cannot make the tree grow without end or keep large keys alive.
 */
export interface Place {
  readonly path: string;
  readonly segments: readonly (string | number)[];
  children: Map<string | number, Place> | undefined;
}

const ROOT_PLACE: Place = { path: '', segments: /* @__PURE__ */ Object.freeze([]), children: undefined };
const PLACES_MAX = 4096;
const PLACE_KEY_MAX = 128;
const PLACE_SIBLINGS_MAX = 64;
let places = 0;

export function placeOf(path: Path): Place {
  if (path === null) return ROOT_PLACE;
  // Issues at places next to each other (the endpoints of several webhooks) look the parent up once.
  if (path.place !== undefined) return path.place;
  const up = placeOf(path.up);
  const key = path.key;
  let place = up.children?.get(key);
  if (place === undefined) {
    place = { path: appendSegment(up.path, key), segments: Object.freeze([...up.segments, key]), children: undefined };
    // At most a few places under one parent: a manifest's objects and lists are small, and a huge list or
    // object (hostile input) then costs the same per item whatever came before, so time stays linear.
    const siblings = up.children?.size ?? 0;
    if (places < PLACES_MAX && siblings < PLACE_SIBLINGS_MAX && (typeof key === 'number' || key.length <= PLACE_KEY_MAX)) {
      up.children ??= new Map();
      up.children.set(key, place);
      places++;
    }
  }
  path.place = place;
  return place;
}
