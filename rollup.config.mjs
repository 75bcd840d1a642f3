import { chmod } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// Runtime dependencies and Node built-ins stay imports; everything of ours is bundled.
const external = (id) => id.startsWith('node:') || id === 'ts-pattern' || id.startsWith('type-fest');

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
    // type-fest's types are inlined: importing its index would make every consumer with
    // skipLibCheck off type-check all of type-fest (~250k instantiations, seconds per build).
    external: (id) => id.startsWith('node:'),
    plugins: [dts({ tsconfig: './tsconfig.build.json', respectExternal: true })],
  },
  {
    // The CLI uses the library only through its public entry: src/cli imports '../index.js'
    // (type-checked against the source), and here that import becomes the package's own
    // name, which Node resolves through "exports" to dist/index.js. No second validator.
    input: 'src/cli/main.ts',
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
    external: (id) => external(id) || id === 'lp-app-manifest' || id === 'image-size',
    plugins: [cliUsesPublicApi(), typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist' }), executable()],
  },
];

/** Maps src/cli's imports of src/index to 'lp-app-manifest', and fails the build on any deeper import into src/. */
function cliUsesPublicApi() {
  const cliDir = resolve('src/cli');
  const entry = resolve('src/index');
  return {
    name: 'cli-uses-public-api',
    resolveId(source, importer) {
      if (importer === undefined || !importer.startsWith(cliDir + sep) || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer), source).replace(/\.[cm]?[jt]s$/, '');
      if (target === entry) return { id: 'lp-app-manifest', external: true };
      if (!target.startsWith(cliDir + sep)) {
        this.error(`${relative('.', importer)} imports ${source}: src/cli may use only the public API ('../index.js')`);
      }
      return null;
    },
  };
}

/** Makes the built CLI executable, since npm's bin links need it when run from a checkout. */
function executable() {
  return {
    name: 'executable',
    async writeBundle(options) {
      if (options.file !== undefined) await chmod(options.file, 0o755);
    },
  };
}
