import { chmod } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// Runtime dependencies and Node built-ins stay imports; everything of ours is bundled.
const external = (id) => id.startsWith('node:') || id === 'ts-pattern';

export default [
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.js', format: 'es' },
      { file: 'dist/index.cjs', format: 'cjs' },
    ],
    external,
    plugins: [typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' })],
  },
  {
    // One declaration file per module format, so CJS consumers under node16 resolution get CJS types.
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.d.ts', format: 'es' },
      { file: 'dist/index.d.cts', format: 'es' },
    ],
    external: (id) => id.startsWith('node:'),
    plugins: [dts({ tsconfig: './tsconfig.build.json', respectExternal: true }), publishedDeclarations()],
  },
  {
    // The CLI uses the library only through its public entry: src/cli imports '../index.js'
    // (type-checked against the source), and here that import becomes a require of the file
    // that the package's "exports" give `require('lp-app-manifest')`: dist/index.cjs. No second validator.
    input: 'src/cli/main.ts',
    // The executable is CommonJS (dist/cli.cjs, the package's bin): on Node 20 an ES module entry
    // starts the ES module loader, which loads fs/promises, readline and the loader's own modules
    // (about 5 ms, a tenth of a bare `node -e 0`), and a require of the library costs less than its
    // import (8.6 against 11.2 ms); `npm run bench` measures the start-up. One chunk per command
    // (dist/cli/*.cjs), loaded when the command runs: see src/cli/commands.ts. A user's module
    // (`build manifest.ts`) is still loaded with `import()`, so ES modules and loaders such as
    // tsx work as before. dist/cli.js stays, as an ES module that runs dist/cli.cjs, for those
    // who run that path (`node --import tsx …/dist/cli.js build manifest.ts`).
    output: {
      dir: 'dist',
      entryFileNames: 'cli.cjs',
      chunkFileNames: 'cli/[name].cjs',
      format: 'cjs',
      banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
    },
    // image-size and ts-pattern stay outside, loaded (`await import()` in the source, a require in
    // the output) where a command needs them; jsonc-parser, which validate uses, is bundled from its
    // ES build (its package.json "main" is a UMD build that costs a quarter of Node's start-up to load).
    external: (id) => external(id) || id === 'lp-app-manifest' || id === 'image-size',
    // jsonc-parser's modules have no side effects, but its package does not say so: without this, its
    // formatter's tables (1,200 strings, built when the module loads) would come along with `visit`.
    treeshake: { moduleSideEffects: (id) => !id.includes(`${sep}node_modules${sep}jsonc-parser${sep}`) },
    plugins: [
      cliUsesPublicApi(),
      requireBuiltEntries({ 'lp-app-manifest': 'index.cjs', 'lp-app-manifest/installations': 'installations.cjs' }),
      esmBuildOf('jsonc-parser', 'lib/esm/main.js'),
      typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' }),
      importMetaUrlInCommonJs(),
      requireExternalsInCommonJs(),
      esmEntryFor('cli.js', 'cli.cjs'),
      executable(),
    ],
  },
  {
    // The subpath 'lp-app-manifest/installations': its own bundle (the main entry never carries it),
    // using the main entry through the package's own name, as the CLI does.
    input: 'src/installations/index.ts',
    output: [
      { file: 'dist/installations.js', format: 'es' },
      { file: 'dist/installations.cjs', format: 'cjs' },
    ],
    external,
    plugins: [cliUsesPublicApi('src/installations'), typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' })],
  },
  {
    input: 'src/installations/index.ts',
    output: [
      { file: 'dist/installations.d.ts', format: 'es' },
      { file: 'dist/installations.d.cts', format: 'es' },
    ],
    external: (id) => id.startsWith('node:'),
    plugins: [cliUsesPublicApi('src/installations'), dts({ tsconfig: './tsconfig.build.json', respectExternal: true })],
  },
];

/**
 * Maps src/cli's (or `dir`'s) imports of src/index to 'lp-app-manifest' and of src/installations/index to
 * 'lp-app-manifest/installations', and fails the build on any deeper import into src/.
 */
function cliUsesPublicApi(dir = 'src/cli') {
  const cliDir = resolve(dir);
  const entry = resolve('src/index');
  const installations = resolve('src/installations/index');
  // The rules tree is data (and the secrets module that reads it), importing nothing else of the
  // library: the CLI and the installations code read facts from it, never a second validator.
  const rules = resolve('src/rules');
  return {
    name: 'cli-uses-public-api',
    resolveId(source, importer) {
      if (importer === undefined || !importer.startsWith(cliDir + sep) || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer), source).replace(/\.[cm]?[jt]s$/, '');
      if (target === entry) return { id: 'lp-app-manifest', external: true };
      if (target === installations && dir !== 'src/installations') return { id: 'lp-app-manifest/installations', external: true };
      if (!target.startsWith(cliDir + sep) && !target.startsWith(rules + sep)) {
        this.error(
          `${relative('.', importer)} imports ${source}: ${dir} may use only the public API (src/index.ts) and src/rules`,
        );
      }
      return null;
    },
  };
}

/**
 * In CommonJS chunks, turns `require('lp-app-manifest')` (and its subpaths) into a require of the
 * file of dist/ that the package's "exports" give `require` for that name, by a path relative to
 * the chunk (`./index.cjs`, from dist/cli/ `../index.cjs`): the same public entry, found without
 * resolving the package's own name, which costs a CommonJS program about 1.5 ms of its start-up
 * (Node loads its ES module resolver for "exports"). `files` maps each name to its file in dist/.
 */
function requireBuiltEntries(files) {
  return {
    name: 'require-built-entries',
    renderChunk(code, chunk, options) {
      if (options.format !== 'cjs') return null;
      let out = code;
      for (const [name, file] of Object.entries(files)) {
        const path = posix.relative(posix.dirname(chunk.fileName), file);
        out = out.replaceAll(`require('${name}')`, `require('${path.startsWith('.') ? path : `./${path}`}')`);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * Keeps the published declarations to what is ours and fails the build otherwise:
 *
 * - one doc comment on `ManifestBuilder`: the interface and the factory const of that name are
 *   one symbol, and an editor's hover glues the doc comments of all its declarations; the
 *   interface's describes both, so the const's (which TypeDoc needs in the source) is dropped here;
 * - no `declare global` and no `declare module` (nothing changes outside the package);
 * - no `Name$1`: rollup-plugin-dts renames a declaration that shares its name with another one,
 *   and the renamed name would show in users' errors and hovers; rename the internal one at the source.
 */
function publishedDeclarations() {
  const constDoc = /\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*(?=declare const ManifestBuilder:)/;
  return {
    name: 'published-declarations',
    renderChunk(code) {
      if (!constDoc.test(code)) this.error('expected a doc comment before `declare const ManifestBuilder:` to drop');
      const out = code.replace(constDoc, '');
      const problems = [
        [/\bdeclare global\b/, '`declare global`'],
        [/\bdeclare module\b/, '`declare module` (a module augmentation)'],
        [/\b[A-Za-z_]\w*\$\d+\b/, 'a renamed declaration (`Name$1`)'],
      ].flatMap(([pattern, what]) => {
        const match = pattern.exec(out);
        return match === null ? [] : [`${what}: "${match[0]}" at offset ${match.index}`];
      });
      if (problems.length > 0) this.error(`the published declarations must not contain ${problems.join('; ')}`);
      return { code: out, map: null };
    },
  };
}

/** Resolves a dependency to its ES module build, so that rollup bundles (and tree-shakes) it. */
function esmBuildOf(name, file) {
  return {
    name: 'esm-build-of',
    resolveId(source) {
      return source === name ? resolve('node_modules', name, file) : null;
    },
  };
}

/**
 * `import.meta.url` in a CommonJS chunk, as the file's URL from `__filename` (rollup's own
 * replacement also tests for a browser's `document`).
 */
function importMetaUrlInCommonJs() {
  return {
    name: 'import-meta-url-in-commonjs',
    resolveImportMeta(property, { format }) {
      return format === 'cjs' && property === 'url' ? "require('node:url').pathToFileURL(__filename).href" : null;
    },
  };
}

/**
 * In a CommonJS chunk, `await import('ts-pattern')` (any dependency, Node built-in or entry of ours
 * named by a string) becomes a `require` in a promise: loading it with `import()` would start
 * Node's ES module loader, and the subpath 'lp-app-manifest/installations' would bring a second,
 * ES module copy of the library. An `import()` of a computed specifier (a user's module, which
 * `build` loads and which may be an ES module or need a loader such as tsx) stays `import()`.
 */
function requireExternalsInCommonJs() {
  return {
    name: 'require-externals-in-commonjs',
    renderDynamicImport({ format, targetModuleId }) {
      if (format !== 'cjs' || targetModuleId === null || isAbsolute(targetModuleId)) return null;
      return { left: 'Promise.resolve().then(() => require(', right: '))' };
    },
  };
}

/**
 * Writes `fileName`, an executable ES module that runs the CommonJS entry `entry` (same directory).
 * It requires the entry rather than importing it: an import would have Node's ES module loader
 * scan the entry's source for its exports (cjs-module-lexer): about 30 ms more per run, measured.
 */
function esmEntryFor(fileName, entry) {
  const source = `#!/usr/bin/env node\nimport { createRequire } from 'node:module';\n\ncreateRequire(import.meta.url)('./${entry}');\n`;
  return {
    name: 'esm-entry-for',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/** Makes the built CLI executable, since npm's bin links need it when run from a checkout. */
function executable() {
  return {
    name: 'executable',
    async writeBundle(options, bundle) {
      if (options.file !== undefined) await chmod(options.file, 0o755);
      for (const file of Object.values(bundle)) {
        const entry = file.type === 'chunk' ? file.isEntry : typeof file.source === 'string' && file.source.startsWith('#!');
        if (options.dir !== undefined && entry) await chmod(resolve(options.dir, file.fileName), 0o755);
      }
    },
  };
}
