import { chmod } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
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
    // (type-checked against the source), and here that import becomes the package's own
    // name, which Node resolves through "exports" to dist/index.js. No second validator.
    input: 'src/cli/main.ts',
    // One chunk per command (dist/cli/*.js), loaded when the command runs: see src/cli/commands.ts.
    output: {
      dir: 'dist',
      entryFileNames: 'cli.js',
      chunkFileNames: 'cli/[name].js',
      format: 'es',
      banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
    },
    // image-size and ts-pattern stay imports, which the CLI makes with `await import()` where a
    // command needs them; jsonc-parser, which every validate needs, is bundled from its ES build
    // (its package.json "main" is a UMD build that costs a quarter of Node's start-up to load).
    external: (id) => external(id) || id === 'lp-app-manifest' || id === 'image-size',
    plugins: [
      cliUsesPublicApi(),
      esmBuildOf('jsonc-parser', 'lib/esm/main.js'),
      typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' }),
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
  return {
    name: 'cli-uses-public-api',
    resolveId(source, importer) {
      if (importer === undefined || !importer.startsWith(cliDir + sep) || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer), source).replace(/\.[cm]?[jt]s$/, '');
      if (target === entry) return { id: 'lp-app-manifest', external: true };
      if (target === installations && dir !== 'src/installations') return { id: 'lp-app-manifest/installations', external: true };
      if (!target.startsWith(cliDir + sep)) {
        this.error(`${relative('.', importer)} imports ${source}: ${dir} may use only the public API (src/index.ts)`);
      }
      return null;
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

/** Makes the built CLI executable, since npm's bin links need it when run from a checkout. */
function executable() {
  return {
    name: 'executable',
    async writeBundle(options, bundle) {
      if (options.file !== undefined) await chmod(options.file, 0o755);
      for (const chunk of Object.values(bundle)) {
        if (options.dir !== undefined && chunk.type === 'chunk' && chunk.isEntry)
          await chmod(resolve(options.dir, chunk.fileName), 0o755);
      }
    },
  };
}
