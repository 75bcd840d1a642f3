/**
 * `npm run web` (scripts/build-web.ts): the page's three files, the same bytes from the same
 * source, one classic script (works from file://) linked by relative URLs, under the policy that
 * `lp-app-manifest web` also sends.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { WEB_CSP, WEB_FILES } from '../../src/cli/web-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run web', function () {
  this.timeout(60_000);
  let scratch: string;
  const outs: string[] = [];

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'lp-web-build-'));
    for (const name of ['a', 'b']) {
      const out = join(scratch, name);
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts', out], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status, run.stderr).to.equal(0);
      outs.push(out);
    }
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes exactly the files lp-app-manifest web serves', () => {
    expect(readdirSync(outs[0]!).sort()).to.deep.equal(Object.keys(WEB_FILES).sort());
  });

  it('is deterministic: two builds, the same bytes', () => {
    for (const name of Object.keys(WEB_FILES)) {
      expect(readFileSync(join(outs[0]!, name)).equals(readFileSync(join(outs[1]!, name))), name).to.equal(true);
    }
  });

  it('links its own files by relative URLs, as one classic script, under the policy', () => {
    const html = readFileSync(join(outs[0]!, 'index.html'), 'utf8');
    expect(html).to.include(`<meta http-equiv="Content-Security-Policy" content="${WEB_CSP}">`);
    expect(html).to.include('<script src="page.js" defer></script>');
    expect(html).to.include('<link rel="stylesheet" href="page.css">');
    // Nothing else is loaded: no other src or href but the inline empty icon.
    const links = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(links.sort()).to.deep.equal(['data:,', 'page.css', 'page.js']);
    expect(html).to.not.match(/<script(?![^>]*\bsrc=)/);
    const script = readFileSync(join(outs[0]!, 'page.js'), 'utf8');
    // An IIFE, minified: no module syntax, which a file:// page could not load.
    expect(script.startsWith('"use strict";(()=>{') || script.startsWith('(()=>{')).to.equal(true);
    expect(script).to.not.match(/^\s*(?:import|export)\s/m);
  });
});
