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
    external,
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
];
