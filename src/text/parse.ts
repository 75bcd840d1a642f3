/**
 * Manifest JSON text, read with positions: strict JSON (RFC 8259), with the
 * position of a syntax error, every member name repeated in one object, and
 * the line and column of any place, so that each issue can point into the text.
 *
 * `JSON.parse` makes the value (it is exact and fast, and keeps `__proto__`
 * as a plain key). jsonc-parser (VS Code's JSON parser) supplies what
 * `JSON.parse` cannot: positions, and the names it silently drops when one is
 * repeated. jsonc-parser accepts comments and trailing commas by choice;
 * here comments are errors (`disallowComments`) and trailing commas too (not
 * `allowTrailingComma`), so both parsers accept exactly JSON (a property test
 * holds them together). Nothing here quotes the text around an error: V8's
 * `JSON.parse` messages can, and a manifest's header values are secrets.
 */
import { printParseErrorCode, visit, type JSONPath, type ParseErrorCode, type ParseOptions } from 'jsonc-parser';
import { firstHiddenKey } from '../rules/names.js';

/**
 * A 1-based line and column, the way editors show them; columns count characters (code points).
 *
 * @example
 * ```ts
 * import type { TextPosition } from 'lp-app-manifest/text';
 *
 * const start: TextPosition = { line: 1, column: 1 };
 * ```
 */
export interface TextPosition {
  /** The line, from 1. */
  readonly line: number;
  /** The column, from 1. */
  readonly column: number;
}

/**
 * Why a text is not JSON: a tag (a command line words it as its `invalid_json` issue).
 *
 * @example
 * ```ts
 * import { parseManifestText, type JsonSyntaxReason } from 'lp-app-manifest/text';
 *
 * const parsed = parseManifestText('{ "client_name": "Acme", }');
 * const reason: JsonSyntaxReason | undefined = parsed.ok ? undefined : parsed.reason; // 'trailing_comma_object'
 * ```
 */
export type JsonSyntaxReason =
  | 'unexpected_end'
  | 'trailing_comma_object'
  | 'trailing_comma_array'
  | 'expected_property_name'
  | 'expected_colon'
  | 'expected_comma_or_brace'
  | 'expected_comma_or_bracket'
  | 'expected_value'
  | 'unexpected_character'
  | 'invalid_number'
  | 'unterminated_string'
  | 'control_character'
  | 'invalid_escape'
  | 'invalid_unicode_escape'
  | 'comment'
  | 'content_after_value'
  | 'too_deep'
  | 'unknown';

/**
 * How deep the reading follows nesting. A manifest nests 6 levels; jsonc-parser
 * recurses, so a limit far below the call stack's keeps a hostile file from
 * overflowing it (RFC 8259 §9 lets a parser limit the depth).
 */
export const MAX_DEPTH = 512;

export const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/**
 * A member name written twice in one object: `JSON.parse` keeps only the last, silently.
 *
 * @example
 * ```ts
 * import { parseManifestText, type DuplicateKey } from 'lp-app-manifest/text';
 *
 * const parsed = parseManifestText('{ "client_name": "A", "client_name": "B" }');
 * const duplicates: readonly DuplicateKey[] = parsed.ok ? parsed.duplicates : [];
 * // [{ segments: ['client_name'], key: 'client_name', first: { line: 1, column: 3 }, again: { line: 1, column: 23 } }]
 * ```
 */
export interface DuplicateKey {
  /** The member's place: the keys and indexes down to its object, then its name. */
  readonly segments: readonly (string | number)[];
  /** The name, as the value has it (escapes decoded). May be anything a file holds, a pasted secret included: show it with care. */
  readonly key: string;
  /** Where the name is first. */
  readonly first: TextPosition;
  /** Where it is again. */
  readonly again: TextPosition;
}

/**
 * What {@link parseManifestText} gives: the value, its repeated member names and a way to find
 * where a place is (an issue's `segments`); or why the text is not JSON, and where.
 *
 * @example
 * ```ts
 * import { parseManifestText, type ParsedManifestText } from 'lp-app-manifest/text';
 *
 * const parsed: ParsedManifestText = parseManifestText('{ "client_name": "Acme" }');
 * if (!parsed.ok) console.error(parsed.reason, parsed.position);
 * ```
 */
export type ParsedManifestText =
  | {
      /** The text is JSON. */
      readonly ok: true;
      /** The value, as `JSON.parse` makes it. */
      readonly value: unknown;
      /** Each repeated member name (against its first occurrence), in text order: the first `maxDuplicates`. */
      readonly duplicates: readonly DuplicateKey[];
      /** The repeated names past `maxDuplicates`: counted, not listed (a hostile file may repeat a million). */
      readonly omittedDuplicates: {
        /** How many. */
        readonly count: number;
        /** How many of them have a name on their path that is not an HTTP token (it may be a pasted secret: not shown). */
        readonly notShown: number;
      };
      /** Where the value at each place starts (a member: its name); a place not in the text gives its nearest ancestor's position. */
      locate(places: readonly (readonly (string | number)[])[]): TextPosition[];
    }
  | {
      /** The text is not JSON. */
      readonly ok: false;
      /** Why the text is not JSON. */
      readonly reason: JsonSyntaxReason;
      /** Where, where known. */
      readonly position: TextPosition | undefined;
    };

/** Thrown from inside a visitor to stop the walk. */
export class Stop {
  constructor(
    readonly offset: number,
    readonly reason: JsonSyntaxReason,
  ) {}
}

/**
 * Reads a manifest's JSON text (decoded; a leading byte order mark is ignored)
 * with positions: the value, every member name repeated in one object (which
 * `JSON.parse` drops silently), and the line and column of any place, such as
 * an issue's `segments`; or, for a text that is not strict JSON, why and where.
 * Never throws, and never quotes the text.
 *
 * @example
 * ```ts
 * import { validateManifest } from 'lp-app-manifest';
 * import { parseManifestText } from 'lp-app-manifest/text';
 *
 * const parsed = parseManifestText('{\n  "client_name": ""\n}');
 * if (parsed.ok) {
 *   const result = validateManifest(parsed.value);
 *   const issues = result.ok ? [] : result.issues;
 *   const positions = parsed.locate(issues.map((issue) => issue.segments));
 *   issues.forEach((issue, i) => console.log(`${positions[i]?.line}:${positions[i]?.column} ${issue.message}`));
 *   // 2:3 must not be blank
 * }
 * ```
 */
export function parseManifestText(text: string, options: ParseManifestTextOptions = {}): ParsedManifestText {
  // Typed as a string, but a plain JavaScript caller may pass anything: never a throw.
  if (typeof text !== 'string') return { ok: false, reason: 'unknown', position: undefined };
  // A byte order mark is not part of the JSON text (RFC 8259 §8.1 lets a reader ignore it), as the CLI reads files.
  if (text.startsWith('\ufeff')) return parseManifestText(text.slice(1), options);
  const maxDuplicates = options.maxDuplicates ?? MAX_DUPLICATES;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const error = firstSyntaxError(text);
    return {
      ok: false,
      reason: error?.reason ?? 'unknown',
      position: error === undefined ? undefined : positionsOf(text, [error.offset])[0],
    };
  }
  const locate = (places: readonly (readonly (string | number)[])[]): TextPosition[] =>
    positionsOf(text, locateOffsets(text, places));
  // Most files repeat no name and nest a few levels: that is checked without jsonc-parser's walk.
  if (plainlyUnique(text, value)) return { ok: true, value, duplicates: [], omittedDuplicates: NONE_OMITTED, locate };
  const found = findDuplicates(text, maxDuplicates);
  if (found instanceof Stop) return { ok: false, reason: found.reason, position: positionsOf(text, [found.offset])[0] };
  const positions = positionsOf(
    text,
    found.flatMap((duplicate) => [duplicate.first, duplicate.again]),
  );
  const duplicates = found.map((duplicate, i) => ({
    segments: duplicate.path,
    key: duplicate.key,
    first: positions[2 * i]!,
    again: positions[2 * i + 1]!,
  }));
  return { ok: true, value, duplicates, omittedDuplicates: found.omitted, locate };
}

/**
 * How many repeated member names {@link parseManifestText} lists unless told otherwise; the rest are counted.
 *
 * @example
 * ```ts
 * import { MAX_DUPLICATES, parseManifestText } from 'lp-app-manifest/text';
 *
 * const parsed = parseManifestText('{ "a": 1, "a": 2 }', { maxDuplicates: MAX_DUPLICATES * 10 });
 * ```
 */
export const MAX_DUPLICATES = 1000;

const NONE_OMITTED = { count: 0, notShown: 0 } as const;

/**
 * Options of {@link parseManifestText}.
 *
 * @example
 * ```ts
 * import { parseManifestText, type ParseManifestTextOptions } from 'lp-app-manifest/text';
 *
 * const options: ParseManifestTextOptions = { maxDuplicates: 10 };
 * const parsed = parseManifestText('{ "a": 1, "a": 2 }', options);
 * ```
 */
export interface ParseManifestTextOptions {
  /** How many repeated member names to list (default 1,000); the rest are counted in `omittedDuplicates`. */
  readonly maxDuplicates?: number;
}

interface Duplicate {
  readonly path: JSONPath;
  readonly key: string;
  readonly first: number;
  readonly again: number;
}

/**
 * Whether a text that `JSON.parse` accepted repeats no member name in any
 * object and nests less than {@link MAX_DEPTH} levels: then
 * {@link findDuplicates} finds nothing, and its walk, most of the time a
 * small file takes to parse, is not needed. The text names as many members
 * as the parsed value has keys exactly when no object repeats a name
 * (`JSON.parse` keeps one of each, and `__proto__` as an own key); two
 * spellings of one name (`"a"`, `"\u0061"`) count as a repetition, as in
 * jsonc-parser. `false` means only "look closer".
 */
function plainlyUnique(text: string, value: unknown): boolean {
  let keys = 0;
  const pending: { readonly value: object; readonly depth: number }[] = [];
  if (typeof value === 'object' && value !== null) pending.push({ value, depth: 1 });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth >= MAX_DEPTH) return false;
    const items = Array.isArray(next.value) ? (next.value as unknown[]) : Object.values(next.value);
    if (!Array.isArray(next.value)) keys += items.length;
    for (const item of items) if (typeof item === 'object' && item !== null) pending.push({ value: item, depth: next.depth + 1 });
  }
  return keys === memberNames(text);
}

/** How many member names a valid JSON text holds: its string tokens followed by a colon. */
function memberNames(text: string): number {
  let count = 0;
  // Outside strings, valid JSON has no quotation mark: each one found from here opens a string token.
  for (let open = text.indexOf('"'); open !== -1; ) {
    let close = text.indexOf('"', open + 1);
    while (close !== -1 && escaped(text, close)) close = text.indexOf('"', close + 1);
    if (close === -1) return -1; // not reached for a text JSON.parse accepted: "look closer", never a loop
    let after = close + 1;
    while (isJsonSpace(text.charCodeAt(after))) after++;
    if (text.charCodeAt(after) === 0x3a) count++;
    open = text.indexOf('"', after);
  }
  return count;
}

/** Whether the character at `at` is escaped: preceded by an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

const isJsonSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * The repeated member names (each against its first occurrence), the first `max` of them and the rest
 * counted, or a {@link Stop} if the text nests too deep.
 */
function findDuplicates(text: string, max: number): (Duplicate[] & { omitted: { count: number; notShown: number } }) | Stop {
  const duplicates = Object.assign([] as Duplicate[], { omitted: { count: 0, notShown: 0 } });
  const objects: (Map<string, number> | undefined)[] = [];
  const enter = (offset: number, names: Map<string, number> | undefined): void => {
    if (objects.length >= MAX_DEPTH) throw new Stop(offset, 'too_deep');
    objects.push(names);
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => enter(offset, new Map()),
        onArrayBegin: (offset) => enter(offset, undefined),
        onObjectEnd: () => void objects.pop(),
        onArrayEnd: () => void objects.pop(),
        onObjectProperty(key, offset, _length, _line, _column, pathSupplier) {
          const names = objects.at(-1);
          const first = names?.get(key);
          if (first === undefined) names?.set(key, offset);
          else if (duplicates.length < max) duplicates.push({ path: [...pathSupplier(), key], key, first, again: offset });
          else {
            duplicates.omitted.count++;
            if (firstHiddenKey([...pathSupplier(), key]) !== -1) duplicates.omitted.notShown++;
          }
        },
      },
      STRICT,
    );
  } catch (error) {
    if (error instanceof Stop) return error;
    throw error;
  }
  return duplicates;
}

/** The first syntax error jsonc-parser finds, with a reason that never quotes the text. */
export function firstSyntaxError(text: string): Stop | undefined {
  const containers: ('{' | '[')[] = [];
  let afterComma = false;
  const enter = (offset: number, container: '{' | '['): void => {
    if (containers.length >= MAX_DEPTH) throw new Stop(offset, 'too_deep');
    containers.push(container);
    afterComma = false;
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => enter(offset, '{'),
        onArrayBegin: (offset) => enter(offset, '['),
        onObjectEnd: () => void containers.pop(),
        onArrayEnd: () => void containers.pop(),
        onSeparator: (separator) => {
          afterComma = separator === ',';
        },
        onObjectProperty: () => {
          afterComma = false;
        },
        onLiteralValue: () => {
          afterComma = false;
        },
        onError(error, offset, length) {
          throw new Stop(...describeError(text, error, offset, length, containers.at(-1), afterComma));
        },
      },
      STRICT,
    );
  } catch (error) {
    if (error instanceof Stop) return error;
    if (error instanceof RangeError) return new Stop(0, 'too_deep');
    throw error;
  }
  return undefined;
}

function describeError(
  text: string,
  error: ParseErrorCode,
  offset: number,
  length: number,
  container: '{' | '[' | undefined,
  afterComma: boolean,
): [number, JsonSyntaxReason] {
  const atEnd = offset >= text.length;
  const next = text[offset];
  switch (printParseErrorCode(error)) {
    case 'InvalidSymbol':
      return [offset, 'unexpected_character'];
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return [offset, atEnd ? 'unexpected_end' : 'invalid_number'];
    case 'PropertyNameExpected':
      if (atEnd) return [offset, 'unexpected_end'];
      return [offset, afterComma && next === '}' ? 'trailing_comma_object' : 'expected_property_name'];
    case 'ValueExpected':
      if (atEnd) return [offset, 'unexpected_end'];
      return [offset, afterComma && next === ']' ? 'trailing_comma_array' : 'expected_value'];
    case 'ColonExpected':
      return [offset, atEnd ? 'unexpected_end' : 'expected_colon'];
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      if (atEnd) return [offset, 'unexpected_end'];
      return [offset, container === '[' ? 'expected_comma_or_bracket' : 'expected_comma_or_brace'];
    case 'EndOfFileExpected':
      return [offset, 'content_after_value'];
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return [offset, 'comment'];
    case 'UnexpectedEndOfString':
      return [offset, 'unterminated_string'];
    case 'InvalidCharacter':
      return [insideString(text, offset, length, 'control_character'), 'control_character'];
    case 'InvalidEscapeCharacter':
      return [insideString(text, offset, length, 'invalid_escape'), 'invalid_escape'];
    case 'InvalidUnicode':
      return [insideString(text, offset, length, 'invalid_unicode_escape'), 'invalid_unicode_escape'];
    default:
      return [offset, 'unknown'];
  }
}

const SIMPLE_ESCAPES = '"\\/bfnrt';
const HEX = /^[0-9A-Fa-f]{4}$/;

/** The offset, inside a string token, of the character a string error is about (jsonc-parser gives the token's start). */
function insideString(text: string, start: number, length: number, reason: JsonSyntaxReason): number {
  for (let i = start + 1; i < start + length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && reason === 'control_character') return i;
    if (code !== 0x5c) continue;
    const escaped = text[i + 1] ?? '';
    if (escaped === 'u') {
      if (!HEX.test(text.slice(i + 2, i + 6)) && reason === 'invalid_unicode_escape') return i;
      i += 5;
    } else if (!SIMPLE_ESCAPES.includes(escaped) && reason === 'invalid_escape') return i;
    else i++;
  }
  return start;
}

/**
 * The offset at which each path's value starts (a member: its name), or its nearest ancestor's. One walk for all
 * paths: the one placing of an issue, which `locate` turns into lines and columns (the CLI's `validate`) and
 * checkManifestText into both.
 */
export function locateOffsets(text: string, paths: readonly (readonly (string | number)[])[]): number[] {
  if (paths.length === 0) return [];
  const key = (path: readonly (string | number)[]): string => JSON.stringify(path);
  const wanted = new Set<string>();
  for (const path of paths) for (let end = 0; end <= path.length; end++) wanted.add(key(path.slice(0, end)));
  const offsets = new Map<string, number>();
  // The last of repeated names wins, as in the value JSON.parse made.
  const record = (path: JSONPath, offset: number): void => {
    const at = key(path);
    if (wanted.has(at)) offsets.set(at, offset);
  };
  // A value inside an object was recorded at its name; record array items and the root here.
  const recordItem = (path: JSONPath, offset: number): void => {
    if (path.length === 0 || typeof path.at(-1) === 'number') record(path, offset);
  };
  const enter = (offset: number, path: JSONPath): boolean => {
    recordItem(path, offset);
    // Only containers on a wanted path are walked into.
    return wanted.has(key(path)) && path.length < MAX_DEPTH;
  };
  visit(
    text,
    {
      onObjectBegin: (offset, _length, _line, _column, pathSupplier) => enter(offset, pathSupplier()),
      onArrayBegin: (offset, _length, _line, _column, pathSupplier) => enter(offset, pathSupplier()),
      // jsonc-parser counts a skipped container's end only when there is an end callback: without these,
      // the first container skipped would silence the rest of the walk.
      onObjectEnd: () => undefined,
      onArrayEnd: () => undefined,
      onLiteralValue: (_value, offset, _length, _line, _column, pathSupplier) => recordItem(pathSupplier(), offset),
      onObjectProperty: (name, offset, _length, _line, _column, pathSupplier) => record([...pathSupplier(), name], offset),
    },
    STRICT,
  );
  return paths.map((path) => {
    for (let end = path.length; end >= 0; end--) {
      const offset = offsets.get(key(path.slice(0, end)));
      if (offset !== undefined) return offset;
    }
    return 0;
  });
}

/**
 * The 1-based line and column of each offset, in one pass over the text.
 * Lines end at `\n`, `\r\n` or a lone `\r`; a character outside the BMP is
 * one column.
 *
 * @example
 * ```ts
 * import { positionsOf } from './parse.js';
 *
 * positionsOf('{\n  "a": }', [9]); // [{ line: 2, column: 8 }]
 * ```
 */
export function positionsOf(text: string, offsets: readonly number[]): TextPosition[] {
  const order = offsets
    .map((offset, index) => ({ offset: Math.min(offset, text.length), index }))
    .sort((a, b) => a.offset - b.offset);
  const positions: TextPosition[] = new Array<TextPosition>(offsets.length);
  let line = 1;
  let column = 1;
  let i = 0;
  for (const { offset, index } of order) {
    for (; i < offset; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
        line++;
        column = 1;
      } else if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) column++;
    }
    positions[index] = { line, column };
  }
  return positions;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
