/**
 * What `import { ManifestBuilder } from 'lp-app-manifest'` adds to an
 * application's bundle: the built package, dependencies included, minified,
 * as esbuild bundles it for the browser or a server alike (platform neutral).
 * Used by the benchmark and by the size budget (scripts/check-size.ts).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { formatBytes, type Row } from './measure.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** What the builder's bundle may not contain: text only the JSON Schema or the CLI has. */
export const FOREIGN_CODE_MARKERS = {
  'JSON Schema': ['json-schema.org', '2020-12', 'patternProperties', '$defs'],
  CLI: ['parseArgs', 'node:', 'image-size', 'process.argv'],
} as const;

export interface BundleSize {
  /** The entry bundled, as source. */
  readonly entry: string;
  readonly bytes: number;
  /** gzip, level 9. */
  readonly gzipBytes: number;
  /** Files that went into the bundle, relative to the repository. */
  readonly inputs: readonly string[];
  /** Each marker of {@link FOREIGN_CODE_MARKERS} found in the bundle, as `JSON Schema: "2020-12"`. */
  readonly foreignCode: readonly string[];
}

/** Bundles `import { <names> } from 'lp-app-manifest'` (the built dist/, through the package's "exports") and measures it. */
export async function measureBundle(names: readonly string[] = ['ManifestBuilder']): Promise<BundleSize> {
  const entry = `import { ${names.join(', ')} } from 'lp-app-manifest';\nexport { ${names.join(', ')} };\n`;
  const result = await build({
    stdin: { contents: entry, resolveDir: REPO, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import'],
    // A Node built-in in the bundle means CLI code came along: keep it as an import, so the marker check sees it.
    external: ['node:*'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild wrote no output');
  const foreignCode = Object.entries(FOREIGN_CODE_MARKERS).flatMap(([what, markers]) =>
    markers.filter((marker) => output.text.includes(marker)).map((marker) => `${what}: ${JSON.stringify(marker)}`),
  );
  return {
    entry,
    bytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs).filter((input) => input !== 'entry.js'),
    foreignCode,
  };
}

/** The size target of the issue: the builder with its validator in at most 5 KB gzip. */
export const TARGET_GZIP_BYTES = 5120;

export async function benchBundleSize(): Promise<Row[]> {
  const builder = await measureBundle(['ManifestBuilder']);
  const validatorOnly = await measureBundle(['validateManifest']);
  const everything = await measureBundle(['ManifestBuilder', 'validateManifest', 'manifestJsonSchema']);
  return [
    {
      group: 'bundle size',
      measure: "import { ManifestBuilder } (minified)",
      result: `${formatBytes(builder.bytes)}, gzip ${formatBytes(builder.gzipBytes)}`,
      target: `gzip ≤ ${formatBytes(TARGET_GZIP_BYTES)}`,
      met: builder.gzipBytes <= TARGET_GZIP_BYTES,
    },
    {
      group: 'bundle size',
      measure: '  JSON Schema or CLI code in it',
      result: builder.foreignCode.length === 0 ? `none (inputs: ${builder.inputs.join(', ')})` : builder.foreignCode.join('; '),
      target: 'none (tree-shaken)',
      met: builder.foreignCode.length === 0,
    },
    {
      group: 'bundle size',
      measure: 'import { validateManifest } (minified)',
      result: `${formatBytes(validatorOnly.bytes)}, gzip ${formatBytes(validatorOnly.gzipBytes)}`,
    },
    {
      group: 'bundle size',
      measure: '+ manifestJsonSchema (for comparison)',
      result: `${formatBytes(everything.bytes)}, gzip ${formatBytes(everything.gzipBytes)}`,
    },
  ];
}
