import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { renderRulesDoc } from '../scripts/rules-doc.js';

describe('docs/rules.md', () => {
  it('is what the rules tables generate (run `npm run docs:rules` after changing them)', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).to.equal(renderRulesDoc());
  });
});

describe('the CLI lines of the docs', () => {
  it('run the installed package: npx --no-install (plain npx fetches whatever the registry has under that name)', () => {
    const docs = ['README.md', 'docs/cli.md', 'docs/rules.md', 'docs/security.md', 'docs/schema-differences.md'];
    const plain: string[] = [];
    let runs = 0;
    for (const doc of docs) {
      const lines = readFileSync(new URL(`../${doc}`, import.meta.url), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const match of line.matchAll(/\bnpx\s+((?:--?[\w-]+\s+)*)lp-app-manifest\b/g)) {
          runs++;
          if (!/--no-install\b/.test(match[1] ?? '')) plain.push(`${doc}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(runs).to.be.greaterThan(20);
    expect(plain).to.deep.equal([]);
  });
});
