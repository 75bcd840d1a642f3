import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe("the README's quick start", () => {
  it('shows what validate prints for the manifest it shows (run against the built CLI)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Check it: `validate`'));
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    const shown = /```console\n\$ npx --no-install lp-app-manifest (validate manifest\.json)\n([\s\S]*?)\n```/.exec(section);
    expect(json, 'the manifest of the quick start').to.be.a('string');
    expect(shown, 'the validate run of the quick start').to.not.equal(null);
    const dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-readme-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), `${json}\n`);
      const run = spawnSync(
        process.execPath,
        [fileURLToPath(new URL('../dist/cli.cjs', import.meta.url)), ...shown![1]!.split(' ')],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
      expect(run.status).to.equal(1);
      expect(`${run.stdout}${run.stderr}`.trimEnd()).to.equal(shown![2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
