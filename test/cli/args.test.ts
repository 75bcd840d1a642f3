import { expect } from 'chai';
import fc from 'fast-check';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseCommandLine } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/io.js';

/** What parseArgs itself makes of a command line: its result, or that it refused it. */
function reference(config: ParseArgsConfig): { readonly result: unknown } | { readonly refused: true } {
  try {
    return { result: parseArgs({ ...config, strict: true }) };
  } catch {
    return { refused: true };
  }
}

describe('parseCommandLine (node:util parseArgs, strict, with short messages)', () => {
  it('gives what parseArgs gives for every command line, also those it reads without loading parseArgs', () => {
    const words = fc.oneof(
      fc.constantFrom('a.json', '-', '--', '-h', '--help', '--profile', 'connector', '--profile=general', '-x', '--', '---'),
      fc.string({ maxLength: 4 }),
    );
    const options = { help: { type: 'boolean', short: 'h' }, profile: { type: 'string' } } as const;
    fc.assert(
      fc.property(fc.array(words, { maxLength: 4 }), fc.boolean(), (args, allowPositionals) => {
        const config = { args, options, allowPositionals };
        const expected = reference(config);
        if ('refused' in expected) {
          expect(() => parseCommandLine(config)).to.throw(UsageError);
          return;
        }
        const parsed = parseCommandLine(config);
        expect(parsed).to.deep.equal(expected.result);
        // parseArgs' values have no prototype: an option named like an Object.prototype member is never inherited.
        expect(Object.getPrototypeOf(parsed.values)).to.equal(null);
      }),
      { numRuns: 2000 },
    );
  });
});
