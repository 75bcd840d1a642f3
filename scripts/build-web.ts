/**
 * `npm run web`: builds the web page into dist/web/ (index.html, page.js, page.css) from web/ and the
 * library's own source (the same checker as the CLI, bundled: no second validator). page.js is one
 * classic script (an IIFE, not a module), and every URL is relative, so the page works from any
 * static host, from `lp-app-manifest web` and from file://. esbuild's output is deterministic: the
 * same source gives the same bytes (test/web/build.test.ts builds it twice into folders of its own:
 * `tsx scripts/build-web.ts OUT_DIR`).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { WEB_CSP, WEB_FILES } from '../src/cli/web-files.js';

const root = new URL('../', import.meta.url);
const given = process.argv[2];
const out = given === undefined ? new URL('dist/web/', root) : pathToFileURL(`${resolve(given)}/`);

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: [new URL('web/main.ts', root).pathname],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome111', 'firefox113', 'safari16.4'],
  minify: true,
  // CodeMirror's licence (MIT) and any other: kept at the end of page.js.
  legalComments: 'eof',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
  metafile: false,
});
const [script] = result.outputFiles;
if (script === undefined || result.outputFiles.length !== 1) throw new Error('esbuild gave no single page.js');
const html = (await readFile(new URL('web/index.html', root), 'utf8')).replace('CSP_PLACEHOLDER', WEB_CSP);
if (html.includes('CSP_PLACEHOLDER') || !html.includes(WEB_CSP)) throw new Error('web/index.html has no CSP_PLACEHOLDER');
await writeFile(new URL('index.html', out), html);
await writeFile(new URL('page.js', out), script.contents);
await writeFile(new URL('page.css', out), await readFile(new URL('web/page.css', root)));
const built = Object.keys(WEB_FILES).join(', ');
console.log(`${given ?? 'dist/web/'}: ${built} (page.js ${script.contents.byteLength} B)`);
