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
    // The subpath 'lp-app-manifest/text': reading manifest JSON text with positions. Its own bundle, so that
    // the main entry never carries jsonc-parser, which is bundled here from its ES build (its package.json
    // "main" is a UMD build that costs a quarter of Node's start-up to load) and tree-shaken.
    // Two entries: the public one, and dist/text-read.* (src/text/read.ts), what `validate` reads JSON with,
    // which the public one shares: validate's start-up loads neither the JSON editor nor the repairs.
    input: { text: 'src/text/index.ts', 'text-read': 'src/text/read.ts' },
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'text-shared.js' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'text-shared.cjs' },
    ],
    external,
    // jsonc-parser's modules have no side effects, but its package does not say so: without this, its
    // formatter's tables (1,200 strings, built when the module loads) would come along with `visit`.
    treeshake: { moduleSideEffects: (id) => !id.includes(`${sep}node_modules${sep}jsonc-parser${sep}`) },
    // Its use of the library goes through the package's main entry (as the CLI and the installations bundle
    // do), which becomes a path to the main entry's file beside it: one validator, loaded once, never a copy.
    plugins: [
      mainEntryExternal('src/text'),
      requireBuiltEntries({ 'lp-app-manifest': 'index.cjs' }),
      importBuiltEntries({ 'lp-app-manifest': 'index.js' }),
      jsoncEditApart(['src/text/repairs.ts', 'src/text/fix.ts']),
      esmBuildOf('jsonc-parser', 'lib/esm/main.js'),
      typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' }),
    ],
  },
  {
    input: 'src/text/index.ts',
    output: [
      { file: 'dist/text.d.ts', format: 'es' },
      { file: 'dist/text.d.cts', format: 'es' },
    ],
    external: (id) => id.startsWith('node:'),
    // The library's types (ValidationIssue, Profile) come from 'lp-app-manifest', as its values do: not copied in.
    plugins: [mainEntryExternal('src/text'), dts({ tsconfig: './tsconfig.build.json', respectExternal: true })],
  },
  {
    // The CLI uses the library through its public entries: src/cli imports '../index.js' and
    // '../text/index.js' (type-checked against the source), and here those imports become requires of
    // the files that the package's "exports" give `require('lp-app-manifest')` and its subpaths:
    // dist/index.cjs, dist/text.cjs. No second validator. What it uses beyond the public API comes from
    // src/internal.ts, small helpers bundled into the CLI (the size check holds them free of the validator).
    input: 'src/cli/main.ts',
    // The executable is CommonJS (dist/cli.cjs, the package's bin): on Node 20 an ES module entry
    // starts the ES module loader, which loads fs/promises, readline and the loader's own modules
    // (about 5 ms, a tenth of a bare `node -e 0`), and a require of the library costs less than its
    // import (8.6 against 11.2 ms); `npm run bench` measures the start-up. One chunk per command
    // (dist/cli/*.cjs), loaded when the command runs: see src/cli/commands.ts. dist/cli.js stays, as
    // an ES module that runs dist/cli.cjs, for those who run that path (`npx tsx …/dist/cli.js build
    // manifest.ts`).
    output: {
      dir: 'dist',
      entryFileNames: 'cli.cjs',
      chunkFileNames: 'cli/[name].cjs',
      format: 'cjs',
      banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
    },
    // image-size and ts-pattern stay outside, loaded (`await import()` in the source, a require in
    // the output) where a command needs them.
    external: (id) => external(id) || id.startsWith('lp-app-manifest') || id === 'image-size',
    plugins: [
      cliUsesPublicApi(),
      requireBuiltEntries({
        'lp-app-manifest': 'index.cjs',
        'lp-app-manifest/installations': 'installations.cjs',
        'lp-app-manifest/text': 'text.cjs',
        // Not an entry of the package: the part of lp-app-manifest/text that validate reads JSON with.
        'lp-app-manifest/text-read': 'text-read.cjs',
      }),
      typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' }),
      importMetaUrlInCommonJs(),
      requireExternalsInCommonJs(),
      esmEntryFor('cli.js', 'cli.cjs'),
      executable(),
    ],
  },
  {
    // The process `build` runs a user's module in (src/cli/build-runner.ts), started by dist/cli/build.cjs as
    // dist/cli/build-runner.cjs. A build of its own, so that what it shares with the CLI (the check of a
    // manifest, the report's wording) is copied into it rather than split out of the CLI's first file into
    // a chunk that every command would load. It uses the library as the CLI does, through dist/index.cjs.
    input: 'src/cli/build-runner.ts',
    output: { dir: 'dist', entryFileNames: 'cli/build-runner.cjs', format: 'cjs' },
    external: (id) => external(id) || id === 'lp-app-manifest',
    plugins: [
      cliUsesPublicApi(),
      requireBuiltEntries({ 'lp-app-manifest': 'index.cjs' }),
      typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' }),
      importMetaUrlInCommonJs(),
      requireExternalsInCommonJs(),
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
 * Maps `dir`'s imports of the main entry (src/index) to the package's name, 'lp-app-manifest', an
 * external import; its other imports are bundled as usual.
 */
function mainEntryExternal(dir) {
  const root = resolve(dir);
  const main = resolve('src/index');
  return {
    name: 'main-entry-external',
    resolveId(source, importer) {
      if (importer === undefined || !importer.startsWith(root + sep) || !source.startsWith('.')) return null;
      return resolve(dirname(importer), source).replace(/\.[cm]?[jt]s$/, '') === main
        ? { id: 'lp-app-manifest', external: true }
        : null;
    },
  };
}

/**
 * Maps src/cli's (or `dir`'s) imports of the public entries (src/index, src/installations/index,
 * src/text/index) to the package's names ('lp-app-manifest', …), lets src/cli import src/internal.ts
 * (bundled), and fails the build on any other import out of `dir`.
 */
function cliUsesPublicApi(dir = 'src/cli') {
  const cliDir = resolve(dir);
  const entries = new Map([
    [resolve('src/index'), 'lp-app-manifest'],
    [resolve('src/installations/index'), 'lp-app-manifest/installations'],
    [resolve('src/text/index'), 'lp-app-manifest/text'],
    [resolve('src/text/read'), 'lp-app-manifest/text-read'],
  ]);
  const internal = resolve('src/internal');
  // The rules tree is data (and the secrets module that reads it), importing nothing else of the
  // library: the CLI and the installations code read facts from it, never a second validator.
  const rules = resolve('src/rules');
  return {
    name: 'cli-uses-public-api',
    resolveId(source, importer) {
      if (importer === undefined || !importer.startsWith(cliDir + sep) || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer), source).replace(/\.[cm]?[jt]s$/, '');
      const entry = entries.get(target);
      if (entry !== undefined && !target.startsWith(cliDir + sep)) return { id: entry, external: true };
      const mayUseInternal = dir === 'src/cli' || dir === 'src/text';
      // The wording of the text's own issues (src/text/issues.ts) is bundled into the CLI, as src/internal.ts is:
      // validate words a repeated key as checkManifestText does without loading lp-app-manifest/text's repairs.
      const textIssues = dir === 'src/cli' && target === resolve('src/text/issues');
      if (
        !target.startsWith(cliDir + sep) &&
        !target.startsWith(rules + sep) &&
        !(mayUseInternal && target === internal) &&
        !textIssues
      ) {
        this.error(
          `${relative('.', importer)} imports ${source}: ${dir} may use only the public entries (src/index.ts, src/text/index.ts)${mayUseInternal ? ', src/internal.ts' : ''} and src/rules`,
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
 * In ES module chunks, turns `from 'lp-app-manifest'` into an import of the file of dist/ the
 * package's "exports" give `import` for that name (`./index.js`): the same module as a user's
 * `import 'lp-app-manifest'`, found without the package resolving its own name (which a bundler
 * or a copy of dist/ may not do).
 */
function importBuiltEntries(files) {
  return {
    name: 'import-built-entries',
    renderChunk(code, chunk, options) {
      if (options.format !== 'es') return null;
      let out = code;
      for (const [name, file] of Object.entries(files)) {
        const path = posix.relative(posix.dirname(chunk.fileName), file);
        out = out.replaceAll(`from '${name}'`, `from '${path.startsWith('.') ? path : `./${path}`}'`);
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

/**
 * jsonc-parser's `modify` and `applyEdits` for the `importers` (the repairs), from its editing module
 * directly: its main module, which the JSON reading shares, then holds only the reader, so the file
 * that `validate` loads (dist/text-shared.*) carries no formatter. `applyEdits` is main.js's own.
 */
function jsoncEditApart(importers) {
  const id = '\0jsonc-edit';
  const from = new Set(importers.map((file) => resolve(file)));
  const edit = resolve('node_modules/jsonc-parser/lib/esm/impl/edit.js');
  return {
    name: 'jsonc-edit-apart',
    resolveId(source, importer) {
      return source === 'jsonc-parser' && importer !== undefined && from.has(importer) ? id : null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      return `import { applyEdit, setProperty } from ${JSON.stringify(edit)};
export const modify = (text, path, value, options) => setProperty(text, path, value, options);
export function applyEdits(text, edits) {
  const sorted = edits.slice(0).sort((a, b) => a.offset - b.offset || a.length - b.length);
  let last = text.length;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i];
    if (e.offset + e.length > last) throw new Error('Overlapping edit');
    text = applyEdit(text, e);
    last = e.offset;
  }
  return text;
}
`;
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
