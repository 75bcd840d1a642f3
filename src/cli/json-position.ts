/**
 * Finds where and why a text is not JSON, without quoting the text.
 *
 * `JSON.parse` errors cannot be shown as they are: V8 puts a snippet of the
 * input in some messages (e.g. `Unexpected token '}', "{"a": }" is not valid
 * JSON`), and a manifest's header values are secrets. Its positions are not
 * always there either ("Unexpected end of JSON input"). So, only after
 * `JSON.parse` has failed, this scanner walks the text once more (iteratively,
 * so deep nesting cannot overflow the stack) and names the first offending
 * offset and a reason that never contains input characters.
 */

/** Where a text stops being JSON (an offset into the string, in UTF-16 code units) and why. */
export interface JsonSyntaxError {
  /** Offset of the first character that cannot be part of JSON (the text's length at unexpected end of input). */
  readonly offset: number;
  /** What was expected there, in words; never contains characters of the input. */
  readonly reason: string;
}

/** A 1-based line and column, the way editors show them. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LF = 0x0a;
const CR = 0x0d;

const isDigit = (code: number): boolean => code >= ZERO && code <= NINE;
const isHexDigit = (code: number): boolean =>
  isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
// JSON's white space is exactly these four (RFC 8259 §2); JSON.parse accepts nothing else.
const isJsonSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === LF || code === CR;
const SIMPLE_ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.charCodeAt(0)));

type Step = { readonly next: number } | JsonSyntaxError;
const fail = (offset: number, reason: string): JsonSyntaxError => ({ offset, reason });
const isError = (step: Step): step is JsonSyntaxError => 'reason' in step;

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  return i;
}

function scanString(text: string, from: number): Step {
  let i = from + 1;
  for (;;) {
    if (i >= text.length) return fail(i, 'unterminated string');
    const code = text.charCodeAt(i);
    if (code === QUOTE) return { next: i + 1 };
    if (code < 0x20) return fail(i, 'control character in a string (write it as an escape such as \\n)');
    if (code === BACKSLASH) {
      const escape = text.charCodeAt(i + 1);
      if (SIMPLE_ESCAPES.has(escape)) i += 2;
      else if (escape === 0x75 /* u */) {
        for (let k = 2; k < 6; k++) {
          if (!isHexDigit(text.charCodeAt(i + k))) return fail(i + k, 'invalid \\u escape in a string (needs four hex digits)');
        }
        i += 6;
      } else if (i + 1 >= text.length) return fail(i + 1, 'unterminated string');
      else return fail(i + 1, 'invalid escape in a string');
    } else i++;
  }
}

function scanDigits(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function scanNumber(text: string, from: number): Step {
  let i = from;
  if (text.charCodeAt(i) === MINUS) i++;
  if (text.charCodeAt(i) === ZERO) i++;
  else if (isDigit(text.charCodeAt(i))) i = scanDigits(text, i);
  else return fail(i, 'invalid number');
  if (text.charCodeAt(i) === DOT) {
    if (!isDigit(text.charCodeAt(i + 1))) return fail(i + 1, 'invalid number (needs digits after ".")');
    i = scanDigits(text, i + 1);
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === PLUS || sign === MINUS) i++;
    if (!isDigit(text.charCodeAt(i))) return fail(i, 'invalid number (needs digits in the exponent)');
    i = scanDigits(text, i);
  }
  return { next: i };
}

/** Scans `"key" :` and returns the offset after the colon. */
function scanKey(text: string, from: number, afterComma: boolean): Step {
  const i = skipSpace(text, from);
  if (i >= text.length) return fail(i, 'unexpected end of input');
  if (text.charCodeAt(i) !== QUOTE) {
    if (afterComma && text[i] === '}') return fail(i, 'trailing comma before "}"');
    return fail(i, 'expected a property name in double quotes');
  }
  const key = scanString(text, i);
  if (isError(key)) return key;
  const colon = skipSpace(text, key.next);
  if (colon >= text.length) return fail(colon, 'unexpected end of input');
  if (text[colon] !== ':') return fail(colon, 'expected ":" after a property name');
  return { next: colon + 1 };
}

const LITERALS = ['true', 'false', 'null'] as const;

/**
 * The first syntax error in `text`, or `undefined` if `JSON.parse` accepts it.
 *
 * @example
 * ```ts
 * findJsonSyntaxError('{"a": 1,}'); // { offset: 8, reason: 'trailing comma before "}"' }
 * ```
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: ('{' | '[')[] = [];
  let i = 0;
  value: for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return fail(i, 'unexpected end of input');
    const code = text.charCodeAt(i);
    const char = text[i];
    if (char === '{') {
      const close = skipSpace(text, i + 1);
      if (text[close] === '}') i = close + 1;
      else {
        const key = scanKey(text, close, false);
        if (isError(key)) return key;
        open.push('{');
        i = key.next;
        continue value;
      }
    } else if (char === '[') {
      const close = skipSpace(text, i + 1);
      if (text[close] === ']') i = close + 1;
      else {
        open.push('[');
        i = close;
        continue value;
      }
    } else if (code === QUOTE) {
      const string = scanString(text, i);
      if (isError(string)) return string;
      i = string.next;
    } else if (code === MINUS || isDigit(code)) {
      const number = scanNumber(text, i);
      if (isError(number)) return number;
      i = number.next;
    } else {
      const literal = LITERALS.find((word) => word[0] === char);
      if (literal === undefined) return fail(i, 'unexpected character (expected a value)');
      // Point at the first wrong letter, as JSON.parse does: "flase" fails at the "l".
      for (let k = 1; k < literal.length; k++) {
        if (text[i + k] !== literal[k]) return fail(i + k, `invalid literal (expected ${literal})`);
      }
      i += literal.length;
    }
    // A value is complete: close what it completes, then find the next value.
    for (;;) {
      i = skipSpace(text, i);
      const container = open.at(-1);
      if (container === undefined) {
        return i < text.length ? fail(i, 'unexpected content after the end of the JSON value') : undefined;
      }
      if (i >= text.length) return fail(i, 'unexpected end of input');
      const next = text[i];
      if (next === ',') {
        if (container === '{') {
          const key = scanKey(text, i + 1, true);
          if (isError(key)) return key;
          i = key.next;
        } else {
          const after = skipSpace(text, i + 1);
          if (text[after] === ']') return fail(after, 'trailing comma before "]"');
          i = after;
        }
        continue value;
      }
      if (next === (container === '{' ? '}' : ']')) {
        open.pop();
        i++;
        continue;
      }
      return fail(i, container === '{' ? 'expected "," or "}"' : 'expected "," or "]"');
    }
  }
}

/**
 * The 1-based line and column of an offset. Lines end at `\n`, `\r\n` or a
 * lone `\r`; columns count characters (code points), as a person would.
 *
 * @example
 * ```ts
 * lineColumn('{\n  "a": }', 9); // { line: 2, column: 8 }
 * ```
 */
export function lineColumn(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair is the same character.
    if (!(code >= 0xdc00 && code <= 0xdfff && i > lineStart && isHighSurrogate(text.charCodeAt(i - 1)))) column++;
  }
  return { line, column };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
