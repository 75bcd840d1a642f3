import { expect } from 'chai';
import fc from 'fast-check';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseCommandLine } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/io.js';

/**
 * What parseArgs itself makes of a command line: its result, or that it refused it; and refused
 * where an option that takes one value is given twice (parseArgs would keep the last, silently).
 */
function reference(config: ParseArgsConfig): { readonly result: unknown } | { readonly refused: true } {
  try {
    const { tokens, ...result } = parseArgs({ ...config, strict: true, tokens: true });
    const names = (tokens as readonly { readonly kind: string; readonly name?: string }[]).flatMap((token) =>
      token.kind === 'option' ? [token.name] : [],
    );
    if (new Set(names).size !== names.length) return { refused: true };
    return { result };
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

  it('refuses an option given twice that takes one value, naming it; a list option takes repeats', () => {
    const options = {
      logo: { type: 'string' },
      strict: { type: 'boolean' },
      dotenv: { type: 'string', multiple: true },
    } as const;
    for (const args of [
      ['--logo', 'a.png', '--logo', 'b.png'],
      ['--logo=a.png', '--logo=b.png'],
      ['--strict', '--strict'],
    ]) {
      expect(() => parseCommandLine({ args, options, allowPositionals: true }), args.join(' '))
        .to.throw(UsageError)
        .with.property('message')
        .that.matches(/^option '--(logo|strict)' is given more than once$/);
    }
    const { values } = parseCommandLine({ args: ['--dotenv', 'a', '--dotenv', 'b'], options, allowPositionals: true });
    expect(values.dotenv).to.deep.equal(['a', 'b']);
  });
});
