import { expect } from 'chai';
import fc from 'fast-check';
import { findJsonSyntaxError, lineColumn } from '../../src/cli/json-position.js';

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
  .tuple(fc.json(), fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...'{}[],:"\\ \n-+.0123eEtfnux\u0001\''))
  .map(([text, at, how, char]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'insert') return text.slice(0, i) + char + text.slice(i);
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

describe('the JSON syntax error locator used by the CLI', () => {
  it('finds an error exactly when JSON.parse rejects the text', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedJson, fc.json(), fc.string()), (text) => {
        expect(findJsonSyntaxError(text) === undefined).to.equal(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('points where V8 points, whenever V8 gives a position', () => {
    fc.assert(
      fc.property(mutatedJson, (text) => {
        let v8: number | undefined;
        try {
          JSON.parse(text);
        } catch (error) {
          const position = /at position (\d+)/.exec((error as Error).message)?.[1];
          if (position !== undefined) v8 = Number(position);
        }
        if (v8 !== undefined) expect(findJsonSyntaxError(text)?.offset).to.equal(v8);
      }),
      { numRuns: 3000 },
    );
  });

  it('says why without quoting the input', () => {
    expect(findJsonSyntaxError('{"a": 1,}')).to.deep.equal({ offset: 8, reason: 'trailing comma before "}"' });
    expect(findJsonSyntaxError('[1, 2,]')).to.deep.equal({ offset: 6, reason: 'trailing comma before "]"' });
    expect(findJsonSyntaxError('{"a" 1}')).to.deep.equal({ offset: 5, reason: 'expected ":" after a property name' });
    expect(findJsonSyntaxError('{"a": "secret')).to.deep.equal({ offset: 13, reason: 'unterminated string' });
    expect(findJsonSyntaxError("{'a': 1}")).to.deep.equal({ offset: 1, reason: 'expected a property name in double quotes' });
    expect(findJsonSyntaxError('{} {}')).to.deep.equal({ offset: 3, reason: 'unexpected content after the end of the JSON value' });
    expect(findJsonSyntaxError('"a\tb"')).to.deep.equal({
      offset: 2,
      reason: 'control character in a string (write it as an escape such as \\n)',
    });
    expect(findJsonSyntaxError('01')?.offset).to.equal(1);
  });

  it('handles nesting far deeper than any call stack', () => {
    const depth = 1_000_000;
    expect(findJsonSyntaxError('['.repeat(depth) + ']'.repeat(depth))).to.equal(undefined);
    expect(findJsonSyntaxError('['.repeat(depth))).to.deep.equal({ offset: depth, reason: 'unexpected end of input' });
  });

  it('turns offsets into 1-based lines and columns for \\n, \\r\\n and \\r line ends', () => {
    expect(lineColumn('abc', 0)).to.deep.equal({ line: 1, column: 1 });
    expect(lineColumn('{\n  "a": }', 9)).to.deep.equal({ line: 2, column: 8 });
    expect(lineColumn('a\r\nb\rc\nd', 7)).to.deep.equal({ line: 4, column: 1 });
    expect(lineColumn('a\r\n', 3)).to.deep.equal({ line: 2, column: 1 });
  });

  it('counts a character outside the BMP as one column', () => {
    expect(lineColumn('"😀", x', 5)).to.deep.equal({ line: 1, column: 5 });
  });
});
