#!/usr/bin/env node
/**
 * The package as a user gets it: `npm pack`, lint the tarball (publint, attw),
 * install it into a fresh project, then import it from ESM, require it from CJS, run the CLI through
 * npx, and type-check a TypeScript consumer under TypeScript 5.5, 6.0 and 7.0
 * (installed under aliases) with `moduleResolution` node16 and bundler. The tsd assertions
 * (test-d/*.test-d.ts) run under each of those versions too, against the installed package,
 * with node16 (as ESM and as CommonJS) and bundler: tsd-check.mjs swaps 'tsd' for tsd-shim.d.ts (expectType,
 * expectAssignable, expectNotAssignable as types) and judges expectError from the tsc output.
 * node16 runs with exactOptionalPropertyTypes, bundler without. errors.ts must fail with the
 * compile errors it names (their text says what to do: httpsUrl, cqm.ExConversationChangeNotification,
 * clientName), and declarations.mjs checks the published .d.ts/.d.cts themselves.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { get } from 'node:http';
import { checkDeclarations } from './declarations.mjs';
import { judge, prepareTsdFiles } from './tsd-check.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPESCRIPTS = { 5.5: 'typescript@5.5.4', '6.0': 'typescript@6.0.3', '7.0': 'typescript@7.0.2' };

let passed = 0;
let failed = 0;
function check(name, command, args, options = {}) {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000, ...options });
  if (run.status === 0) {
    passed++;
    console.log(`  ✔ ${name}`);
  } else {
    failed++;
    console.log(`  ✖ ${name} (exit ${run.status})\n${run.stdout}${run.stderr}`);
  }
  return run;
}
/** Passes when `problems` is empty; prints them otherwise. */
function checkList(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`  ✔ ${name}`);
  } else {
    failed++;
    console.log(`  ✖ ${name}: ${problems.length} problem(s)\n${problems.map((p) => `    ${p}`).join('\n')}`);
  }
}

/**
 * tsc over errors.ts: each `// expect TSxxxx: text` line names the error the next line must
 * produce (code, and text in its message or the message's chain); any other error is a problem.
 */
function checkExpectedErrors(name, tsc, config, options) {
  const source = readFileSync(join(here, 'errors.ts'), 'utf8').split('\n');
  const expected = new Map();
  source.forEach((line, i) => {
    const match = /^\/\/ expect (TS\d+): (.+)$/.exec(line.trim());
    if (match) expected.set(i + 2, { code: match[1], text: match[2], found: false });
  });
  const run = spawnSync(process.execPath, [tsc, '-p', config, '--pretty', 'false'], {
    encoding: 'utf8',
    timeout: 180_000,
    ...options,
  });
  const problems = [];
  const errors = [];
  for (const line of `${run.stdout}`.split(/\r?\n/)) {
    const located = /^errors\.ts\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (located) errors.push({ line: Number(located[1]), code: located[2], message: located[3] });
    else if (errors.length > 0 && /^\s/.test(line)) errors[errors.length - 1].message += `\n${line.trim()}`;
    else if (line.trim() !== '') problems.push(`unexpected output: ${line}`);
  }
  for (const error of errors) {
    const want = expected.get(error.line);
    if (want && want.code === error.code && error.message.includes(want.text)) want.found = true;
    else problems.push(`errors.ts:${error.line}: unexpected ${error.code}: ${error.message}`);
  }
  for (const [line, want] of expected) {
    if (!want.found) problems.push(`errors.ts:${line}: expected ${want.code} containing ${JSON.stringify(want.text)}`);
  }
  if (expected.size === 0) problems.push('errors.ts has no `// expect` lines');
  checkList(name, problems);
}

/** tsc over the copied test-d files, judged by tsd's rules rather than by its exit status. */
function checkTsd(name, tsd, tsc, config, options) {
  const run = spawnSync(process.execPath, [tsc, '-p', config, '--pretty', 'false'], {
    encoding: 'utf8',
    timeout: 180_000,
    ...options,
  });
  const problems = judge(tsd, run);
  if (problems.length === 0) {
    passed++;
    console.log(`  ✔ ${name}`);
  } else {
    failed++;
    console.log(`  ✖ ${name}: ${problems.length} problem(s)\n${problems.map((p) => `    ${p}`).join('\n')}`);
  }
}

/**
 * Runs `lp-app-manifest web --port 0` (the installed bin), reads the address it prints, GETs the page's
 * three files from it (loopback only) and stops it with SIGINT: the problems found.
 */
async function servedPage(bin) {
  const child = spawn(bin, ['web', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  const problems = [];
  try {
    const url = await new Promise((done, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error('no address printed in 10 s')), 10_000);
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
        if (match !== null) {
          clearTimeout(timer);
          done(match[1]);
        }
      });
      child.once('exit', (code) => fail(new Error(`exited ${code}`)));
    });
    for (const [file, type] of [
      ['', 'text/html'],
      ['page.js', 'text/javascript'],
      ['page.css', 'text/css'],
    ]) {
      const { status, headers, body } = await new Promise((done, fail) =>
        get(`${url}${file}`, (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => done({ status: response.statusCode, headers: response.headers, body: text }));
        }).on('error', fail),
      );
      if (status !== 200 || !String(headers['content-type']).startsWith(type) || body.length === 0) {
        problems.push(`${url}${file}: ${status} ${headers['content-type']} (${body.length} characters)`);
      }
    }
  } catch (error) {
    problems.push(`lp-app-manifest web: ${error.message}`);
  }
  child.kill('SIGINT');
  const code = await exited;
  if (code !== 0) problems.push(`lp-app-manifest web exited ${code} on SIGINT`);
  return problems;
}

const project = mkdtempSync(join(tmpdir(), 'lp-consumer-'));
try {
  console.log(`consumer project: ${project}`);
  execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  const aliases = Object.entries(TYPESCRIPTS).map(([version, spec]) => `typescript-${version}@npm:${spec}`);
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`, ...aliases], {
    cwd: project,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const file of ['esm.mjs', 'cjs.cjs', 'consumer.ts', 'errors.ts']) copyFileSync(join(here, file), join(project, file));
  copyFileSync(join(root, 'test', 'fixtures', 'connector-template.json'), join(project, 'manifest.json'));

  // Lint the tarball itself: package.json, exports map and types for every resolution mode.
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  check('publint on the tarball', bin('publint'), ['--strict', join(project, tarball)], { cwd: root });
  check('attw on the tarball', bin('attw'), [join(project, tarball)], { cwd: root });

  // The declarations change nothing outside the package, keep our names, and carry our docs only.
  checkList(
    'published declarations: no declare global / module augmentation / $1 names / foreign docs; one doc on ManifestBuilder',
    checkDeclarations(project),
  );

  check('import from ESM', process.execPath, ['esm.mjs'], { cwd: project });
  check('require from CJS', process.execPath, ['cjs.cjs'], { cwd: project });
  check('CLI through npx: --version', 'npx', ['--no-install', 'lp-app-manifest', '--version'], { cwd: project });
  check(
    'CLI through npx: validate',
    'npx',
    ['--no-install', 'lp-app-manifest', 'validate', '--profile', 'connector', 'manifest.json'],
    {
      cwd: project,
    },
  );

  // The web page ships in the tarball, and the installed CLI serves it.
  checkList(
    'the web page ships and `lp-app-manifest web` serves it',
    await servedPage(join(project, 'node_modules', '.bin', 'lp-app-manifest')),
  );

  // The GitHub Action as a workflow uses it from the installed package (uses: ./node_modules/lp-app-manifest):
  // its step script, with the inputs as the runner passes them and the step-summary and output files.
  writeFileSync(join(project, 'summary.md'), '');
  writeFileSync(join(project, 'output.txt'), '');
  const action = check(
    'GitHub Action from the installed package: validate',
    'bash',
    ['node_modules/lp-app-manifest/action/run.sh'],
    {
      cwd: project,
      env: {
        PATH: process.env.PATH,
        INPUT_FILES: 'manifest.json',
        INPUT_PROFILE: 'connector',
        GITHUB_STEP_SUMMARY: join(project, 'summary.md'),
        GITHUB_OUTPUT: join(project, 'output.txt'),
      },
    },
  );
  checkList('GitHub Action: summary and exit-code output written', [
    ...(readFileSync(join(project, 'summary.md'), 'utf8').includes('| manifest.json | connector | ✅ valid |')
      ? []
      : [`no summary row in ${readFileSync(join(project, 'summary.md'), 'utf8')}\n${action.stdout}`]),
    ...(readFileSync(join(project, 'output.txt'), 'utf8') === 'exit-code=0\n' ? [] : ['no exit-code=0 output']),
  ]);

  const base = { strict: true, noEmit: true, skipLibCheck: false, types: [], target: 'ES2022', lib: ['ES2022'] };
  // node16 (ESM and CJS) with exactOptionalPropertyTypes (TypeScript 6's `tsc --init` default), bundler without.
  const configs = {
    node16: { ...base, module: 'node16', moduleResolution: 'node16', exactOptionalPropertyTypes: true },
    bundler: { ...base, module: 'esnext', moduleResolution: 'bundler' },
  };
  for (const [name, compilerOptions] of Object.entries(configs)) {
    writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2));
  }
  // The same consumer as CommonJS (node16 resolution picks the .d.cts types).
  copyFileSync(join(project, 'consumer.ts'), join(project, 'consumer.cts'));
  writeFileSync(
    join(project, 'tsconfig.node16-cjs.json'),
    JSON.stringify({ compilerOptions: configs.node16, files: ['consumer.cts'] }, null, 2),
  );
  // The tsd assertions, copied to test-d/ in the project and importing the package by name, and
  // again to test-d-cjs/ as CommonJS (.cts), where node16 resolution picks the .d.cts types.
  const tsd = { node16: prepareTsdFiles(root, project), 'node16-cjs': prepareTsdFiles(root, project, 'cjs') };
  tsd.bundler = tsd.node16;
  for (const config of ['node16', 'node16-cjs', 'bundler']) {
    const compilerOptions = configs[config === 'node16-cjs' ? 'node16' : config];
    writeFileSync(
      join(project, `tsconfig.tsd-${config}.json`),
      JSON.stringify({ compilerOptions, files: tsd[config].files }, null, 2),
    );
  }
  writeFileSync(
    join(project, 'tsconfig.errors.json'),
    JSON.stringify({ compilerOptions: configs.node16, files: ['errors.ts'] }, null, 2),
  );
  for (const version of Object.keys(TYPESCRIPTS)) {
    const tsc = join(project, 'node_modules', `typescript-${version}`, 'bin', 'tsc');
    checkExpectedErrors(`compile errors that say what to do, TypeScript ${version}`, tsc, 'tsconfig.errors.json', {
      cwd: project,
    });
    for (const config of ['node16', 'node16-cjs', 'bundler']) {
      check(`types with TypeScript ${version}, ${config}`, process.execPath, [tsc, '-p', `tsconfig.${config}.json`], {
        cwd: project,
      });
    }
    for (const config of ['node16', 'node16-cjs', 'bundler']) {
      checkTsd(`tsd assertions with TypeScript ${version}, ${config}`, tsd[config], tsc, `tsconfig.tsd-${config}.json`, {
        cwd: project,
      });
    }
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
console.log(`consumer: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
