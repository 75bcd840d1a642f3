import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { renderRulesDoc } from '../scripts/rules-doc.js';

describe('docs/rules.md', () => {
  it('is what the rules tables generate (run `npm run docs:rules` after changing them)', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).to.equal(renderRulesDoc());
  });
});
