import { expect } from 'chai';
import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { parseJsonText } from '../../src/cli/json-text.js';
import { positionsOf } from '../../src/text/parse.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** A JSON text with one character inserted, deleted or replaced: mostly near-misses of JSON. */
const mutatedJson = fc
  .tuple(
    fc.json(),
    fc.nat(),
    fc.constantFrom('insert', 'delete', 'replace'),
    fc.constantFrom(...'{}[],:"\\ \n-+.0123eEtfnux\u0001\'/*#'),
  )
  .map(([text, at, how, char]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'insert') return text.slice(0, i) + char + text.slice(i);
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

/** The message of the invalid_json issue for a text. */
const syntaxError = (text: string): string => {
  const parsed = parseJsonText(text);
  if (parsed.ok) throw new Error('expected a syntax error');
  expect(parsed.issue.code).to.equal('invalid_json');
  return parsed.issue.message;
};

describe('JSON text as the CLI reads it (jsonc-parser, strict)', () => {
  it('accepts exactly what JSON.parse accepts, and gives the same value', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedJson, fc.json(), fc.string()), (text) => {
        const parsed = parseJsonText(text);
        expect(parsed.ok).to.equal(parses(text));
        if (parsed.ok) expect(parsed.document.value).to.deep.equal(JSON.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects what jsonc-parser would allow by default: comments and trailing commas', () => {
    expect(syntaxError('{\n  // a comment\n  "a": 1\n}')).to.equal(
      'not valid JSON: comments are not allowed in JSON at line 2, column 3',
    );
    expect(syntaxError('{"a": 1 /* no */}')).to.equal('not valid JSON: comments are not allowed in JSON at line 1, column 9');
    expect(syntaxError('{"a": 1,}')).to.equal('not valid JSON: trailing comma before "}" at line 1, column 9');
    expect(syntaxError('[1, 2,]')).to.equal('not valid JSON: trailing comma before "]" at line 1, column 7');
  });

  it('says why and where without quoting the input', () => {
    expect(syntaxError('{"a" 1}')).to.equal('not valid JSON: expected ":" after a property name at line 1, column 6');
    expect(syntaxError("{'a': 1}")).to.match(/^not valid JSON: .* at line 1, column 2$/);
    expect(syntaxError('{"a": "secret')).to.equal('not valid JSON: unterminated string at line 1, column 7');
    expect(syntaxError('{} {}')).to.equal(
      'not valid JSON: unexpected content after the end of the JSON value at line 1, column 4',
    );
    expect(syntaxError('["a\tb"]')).to.equal(
      'not valid JSON: control character in a string (write it as an escape such as \\n) at line 1, column 4',
    );
    expect(syntaxError('["ab\\qc"]')).to.equal('not valid JSON: invalid escape in a string at line 1, column 5');
    expect(syntaxError('{\n  "a": 1\n  "b": 2\n}')).to.equal('not valid JSON: expected "," or "}" at line 3, column 3');
    expect(syntaxError('{"a": [1 2]}')).to.equal('not valid JSON: expected "," or "]" at line 1, column 10');
    expect(syntaxError('{"a": ')).to.equal('not valid JSON: unexpected end of input at line 1, column 7');
  });

  it('reports a member name repeated in one object, with both positions, at its path', () => {
    const text = '{\n  "a": {"endpoint": "http://x", "endpoint": "https://y"},\n  "a": 2\n}';
    const parsed = parseJsonText(text);
    if (!parsed.ok) throw new Error(parsed.issue.message);
    expect(parsed.document.value).to.deep.equal(JSON.parse(text));
    expect(
      parsed.document.duplicates.map(({ issue, position }) => [issue.code, issue.severity, issue.path, position]),
    ).to.deep.equal([
      ['duplicate_key', 'error', 'a.endpoint', { line: 2, column: 33 }],
      ['duplicate_key', 'error', 'a', { line: 3, column: 3 }],
    ]);
    expect(parsed.document.duplicates[0]?.issue.message).to.include('at line 2, column 9 and at line 2, column 33');
    // The same name in two different objects is not a repetition.
    const separate = parseJsonText('{"a": {"x": 1}, "b": {"x": 1}}');
    expect(separate.ok && separate.document.duplicates).to.deep.equal([]);
  });

  it('finds every repeated name, however it is spelled or nested, and nothing else', () => {
    // Names that are one name in two spellings ("a", "\u0061"), that hold quotes, colons and backslashes,
    // and string values that look like names: the quick check that most files pass must not be fooled.
    const names = ['"a"', '"\\u0061"', '"__proto__"', '"b\\":"', '"\\\\"', '"\\\\\\""', '""'];
    const scalars = ['"x\\": 1"', '"\\\\"', '":"', '"\\"\\\\\\":"', '1', 'null'];
    const { object } = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(...scalars), tie('object'), tie('array')),
      array: fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
      object: fc
        .array(fc.tuple(fc.constantFrom(...names), fc.constantFrom(':', ' :', '\n:\t'), tie('value')), { maxLength: 4 })
        .map((members) => `{${members.map(([name, colon, value]) => `${name}${colon} ${value}`).join(', ')}}`),
    }));
    /** How many names repeat one before them in their object, by jsonc-parser's own walk. */
    const repeats = (text: string): number => {
      const objects: (Set<string> | undefined)[] = [];
      let count = 0;
      visit(text, {
        onObjectBegin: () => void objects.push(new Set()),
        onArrayBegin: () => void objects.push(undefined),
        onObjectEnd: () => void objects.pop(),
        onArrayEnd: () => void objects.pop(),
        onObjectProperty: (name) => {
          const seen = objects.at(-1);
          if (seen?.has(name) === true) count++;
          seen?.add(name);
        },
      });
      return count;
    };
    fc.assert(
      fc.property(object, (text) => {
        const parsed = parseJsonText(text);
        if (!parsed.ok) throw new Error(`${parsed.issue.message}: ${text}`);
        expect(parsed.document.duplicates.length, text).to.equal(repeats(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('locates paths: a member at its name, an array item where it starts, a missing one at its nearest ancestor', () => {
    // "x" and "y" come before what is looked for, and are skipped: the walk must go on after them.
    const text = '{"x": {"y": [1]},\n  "a": [10, {"b": 1}],\n  "c": "😀", "d": 2\n}';
    const parsed = parseJsonText(text);
    if (!parsed.ok) throw new Error(parsed.issue.message);
    expect(
      parsed.document.locate([[], ['a'], ['a', 1], ['a', 1, 'b'], ['a', 1, 'missing'], ['d'], ['nothing', 'here']]),
    ).to.deep.equal([
      { line: 1, column: 1 },
      { line: 2, column: 3 },
      { line: 2, column: 13 },
      { line: 2, column: 14 },
      { line: 2, column: 13 },
      { line: 3, column: 13 },
      { line: 1, column: 1 },
    ]);
  });

  it('refuses nesting deeper than it follows, as invalid_json, without overflowing the stack', () => {
    const depth = 100_000;
    expect(syntaxError('['.repeat(depth) + ']'.repeat(depth))).to.equal(
      'not valid JSON: nested more than 512 levels deep (a manifest needs 6) at line 1, column 513',
    );
    expect(syntaxError('['.repeat(depth))).to.match(/^not valid JSON: nested more than 512 levels deep/);
  });

  it('turns offsets into 1-based lines and columns for \\n, \\r\\n and \\r line ends, a character outside the BMP as one column', () => {
    expect(positionsOf('abc', [0])).to.deep.equal([{ line: 1, column: 1 }]);
    expect(positionsOf('{\n  "a": }', [9, 0])).to.deep.equal([
      { line: 2, column: 8 },
      { line: 1, column: 1 },
    ]);
    expect(positionsOf('a\r\nb\rc\nd', [7])).to.deep.equal([{ line: 4, column: 1 }]);
    expect(positionsOf('"😀", x', [5])).to.deep.equal([{ line: 1, column: 5 }]);
  });
});
