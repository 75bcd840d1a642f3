/**
 * Compiles and runs modules that `manifestToCode` wrote, many at once: one strict TypeScript program
 * for all of them (against the built package, as a user's project sees it), then one Node.js process
 * (with tsx) that imports each and builds it with its variables. The modules are written into
 * `.tmp/` of the package (git-ignored), so that `import … from 'lp-app-manifest'` resolves to this
 * worktree's dist/ as the package's own name; the folder is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** One module to check: its code and the variables it is built with. */
export interface GeneratedModule {
  readonly code: string;
  readonly env: Readonly<Record<string, string>>;
}

/** What building one module gave: the manifest as JSON text, or the error's message. */
export type BuiltModule = { readonly ok: true; readonly json: string } | { readonly ok: false; readonly error: string };

/** The compiler's options: strict, exactOptionalPropertyTypes, Node's ES modules, as a careful user's project. */
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    noEmit: true,
    types: [],
  },
  include: ['*.ts'],
};

/** Imports each module and builds its default export with its variables; prints one JSON array. */
const RUNNER = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = [];
for (const { file, env } of cases) {
  try {
    const module = await import(pathToFileURL(file).href);
    out.push({ ok: true, json: JSON.stringify(module.default.build({ env })) });
  } catch (error) {
    out.push({ ok: false, error: String(error && error.message) });
  }
}
process.stdout.write(JSON.stringify(out));
`;

/**
 * Type-checks every module in one program and builds each: the compiler's errors (empty when all
 * compile) and each module's build.
 */
export function compileAndBuild(modules: readonly GeneratedModule[]): { readonly errors: string; readonly built: BuiltModule[] } {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'generated-code-'));
  try {
    const files = modules.map((module, i) => {
      const file = join(dir, `module${i}.ts`);
      writeFileSync(file, module.code);
      return file;
    });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    const tsc = spawnSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', cwd: ROOT });
    const errors = `${tsc.stdout}${tsc.stderr}`.trim();
    writeFileSync(join(dir, 'runner.mjs'), RUNNER);
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(modules.map((module, i) => ({ file: files[i], env: module.env }))));
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'runner.mjs'), join(dir, 'cases.json')], {
      encoding: 'utf8',
      cwd: ROOT,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`the runner failed: ${run.stderr}`);
    return { errors, built: JSON.parse(run.stdout) as BuiltModule[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each text as Biome formats it with the project's settings (biome.jsonc), as if it were a file of src/. */
export function biomeFormatted(code: string): string {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--stdin-file-path=src/generated.ts'],
    {
      encoding: 'utf8',
      cwd: ROOT,
      input: code,
    },
  );
  if (run.status !== 0) throw new Error(`biome failed: ${run.stderr}`);
  return run.stdout;
}
