/**
 * What `import { ManifestBuilder } from 'lp-app-manifest'` adds to an
 * application's bundle: the built package, dependencies included, minified,
 * as esbuild bundles it for the browser or a server alike (platform neutral).
 * Used by the benchmark and by the size budget (scripts/check-size.ts).
 */
import { build, transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import ts from 'typescript';
import { formatBytes, type Row } from './measure.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** The package's ESM entry, as its "exports" map gives it to a bundler. */
const BUILT_ESM = join(REPO, 'dist', 'index.js');

/**
 * What a bundle may not contain: text that only the JSON Schema, the CLI, the
 * builder or the validator has, unless the bundle imports an export that
 * brings that code in on purpose ({@link MARKER_OWNERS}).
 */
export const FOREIGN_CODE_MARKERS = {
  // (Not "$defs": code that reads a schema, such as the installations diff, names it too.)
  'JSON Schema': ['json-schema.org', '2020-12', 'patternProperties'],
  CLI: ['parseArgs', 'node:', 'image-size', 'process.argv'],
  builder: ['quickLaunchEnabled', 'retryRetention', 'Mobile-App.png'],
  // A pattern compiled at load time, the did-you-mean rows, a message.
  validator: ['new RegExp', 'Uint32Array', 'must be at most'],
} as const;

type CodeKind = keyof typeof FOREIGN_CODE_MARKERS;

/** The exports (of those the size checks bundle) that bring each kind of code in on purpose. */
const MARKER_OWNERS: Record<CodeKind, readonly string[]> = {
  'JSON Schema': ['manifestJsonSchema'],
  CLI: [],
  builder: ['ManifestBuilder'],
  validator: ['ManifestBuilder', 'validateManifest', 'manifestJsonSchema'],
};

export interface BundleSize {
  /** The entry bundled, as source. */
  readonly entry: string;
  readonly bytes: number;
  /** gzip, level 9. */
  readonly gzipBytes: number;
  /** Files that went into the bundle, relative to the repository. */
  readonly inputs: readonly string[];
  /** Each marker of {@link FOREIGN_CODE_MARKERS} found in the bundle that its entry does not bring in on purpose, as `JSON Schema: "2020-12"`. */
  readonly foreignCode: readonly string[];
}

/** Each marker of {@link FOREIGN_CODE_MARKERS} in `text` that an import of `names` does not bring in on purpose. */
function foreignCodeIn(text: string, names: readonly string[]): string[] {
  return (Object.keys(FOREIGN_CODE_MARKERS) as CodeKind[])
    .filter((what) => !MARKER_OWNERS[what].some((owner) => names.includes(owner)))
    .flatMap((what) =>
      FOREIGN_CODE_MARKERS[what].filter((marker) => text.includes(marker)).map((marker) => `${what}: ${JSON.stringify(marker)}`),
    );
}

/**
 * The same entry as {@link measureBundle}, bundled by rollup (which Vite and
 * many libraries build with) instead of esbuild: the markers of code that the
 * import should not bring in, found in rollup's output.
 */
export async function foreignCodeWithRollup(names: readonly string[]): Promise<string[]> {
  const entry = `export { ${names.join(', ')} } from 'lp-app-manifest';\n`;
  const bundle = await rollup({
    input: 'entry',
    // The entry from memory, and the package as its "exports" give it to an ESM import (dist/index.js).
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? id : id === 'lp-app-manifest' ? BUILT_ESM : null),
        load: (id) => (id === 'entry' ? entry : null),
      },
    ],
    external: (id) => id.startsWith('node:'),
    onwarn: () => {},
  });
  try {
    const { output } = await bundle.generate({ format: 'esm' });
    // Without comments: rollup keeps doc comments, whose examples may name e.g. 'node:fs'.
    const { code } = await transform(output[0].code, { minify: true, format: 'esm', legalComments: 'none' });
    return foreignCodeIn(code, names);
  } finally {
    await bundle.close();
  }
}

/** Minifies and gzips an esbuild entry, given as source (resolved from the repository). */
async function bundleAndMeasure(
  entry: string,
  loader: 'js' | 'ts',
  conditions: string[],
  names: readonly string[] = [],
): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entry, resolveDir: REPO, sourcefile: 'entry.js', loader },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions,
    // A Node built-in in the bundle means CLI code came along: keep it as an import, so the marker check sees it.
    external: ['node:*'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild wrote no output');
  const foreignCode = foreignCodeIn(output.text, names);
  return {
    entry,
    bytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs).filter((input) => input !== 'entry.js'),
    foreignCode,
  };
}

/** Bundles `import { <names> } from 'lp-app-manifest'` (the built dist/, through the package's "exports") and measures it. */
export async function measureBundle(names: readonly string[] = ['ManifestBuilder']): Promise<BundleSize> {
  const entry = `import { ${names.join(', ')} } from 'lp-app-manifest';\nexport { ${names.join(', ')} };\n`;
  return bundleAndMeasure(entry, 'js', ['import'], names);
}

/**
 * The value names a module imports (`import`) or re-exports (`export … from`),
 * per module it names, resolved to a path under src/ (`.ts`). Type-only names
 * are left out.
 */
function namedBindings(module: string, kind: 'import' | 'export'): { target: string; names: string[] }[] {
  const file = join(REPO, module);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: { target: string; names: string[] }[] = [];
  for (const statement of source.statements) {
    let elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>;
    if (kind === 'import' && ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause === undefined || clause.isTypeOnly || clause.namedBindings === undefined) continue;
      if (!ts.isNamedImports(clause.namedBindings)) throw new Error(`${module}: only named imports are read`);
      elements = clause.namedBindings.elements;
    } else if (kind === 'export' && ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      if (statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause)) continue;
      elements = statement.exportClause.elements;
    } else continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier)) continue;
    const names = elements.filter((element) => !element.isTypeOnly).map((element) => element.name.text);
    if (names.length > 0) found.push({ target: join(dirname(file), specifier.text.replace(/\.js$/, '.ts')), names });
  }
  return found;
}

/** The modules the builder's own code is in: the validator's entry, its walk and paths, and the builder. */
const WALK_AND_BUILDER = [
  'src/validation/validate.ts',
  'src/validation/walk.ts',
  'src/validation/paths.ts',
  'src/builder/builder.ts',
] as const;

/**
 * What the walk and the builder import from the rest of the package (the
 * rules tables and patterns, the value checks, the issue messages, the error
 * class), bundled on their own from src/: the part of the builder's bundle
 * that no smaller walk or builder can remove. The imports are read from
 * those modules' source, so the figure follows the code.
 */
export async function measureBuilderFloor(): Promise<BundleSize> {
  const exports: string[] = [];
  let alias = 0;
  for (const module of WALK_AND_BUILDER) {
    for (const { target, names } of namedBindings(module, 'import')) {
      if ((WALK_AND_BUILDER as readonly string[]).includes(relative(REPO, target))) continue;
      exports.push(`export { ${names.map((name) => `${name} as _${alias++}`).join(', ')} } from ${JSON.stringify(target)};`);
    }
  }
  return bundleAndMeasure(`${exports.join('\n')}\n`, 'ts', []);
}

/** The rules' value lists that the package exports (`PROFILES`, `WEBHOOK_EVENTS`, …), as src/index.ts re-exports them. */
export function specTableExports(): string[] {
  const tables = join(REPO, 'src/rules/tables.ts');
  return namedBindings('src/index.ts', 'export').flatMap(({ target, names }) => (target === tables ? names : []));
}

/** The size target of the issue: the builder with its validator in at most 5 KB gzip. */
export const TARGET_GZIP_BYTES = 5120;

export async function benchBundleSize(): Promise<Row[]> {
  const builder = await measureBundle(['ManifestBuilder']);
  const validatorOnly = await measureBundle(['validateManifest']);
  const everything = await measureBundle(['ManifestBuilder', 'validateManifest', 'manifestJsonSchema']);
  const floor = await measureBuilderFloor();
  const tables = await measureBundle(specTableExports());
  return [
    {
      group: 'bundle size',
      measure: 'import { ManifestBuilder } (minified)',
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
      measure: '  of it, what the walk and builder import',
      result: `gzip ${formatBytes(floor.gzipBytes)} (${formatBytes(floor.bytes)} minified, from src/): tables, patterns, checks, messages`,
      target: 'info: what no smaller walk can remove',
    },
    {
      group: 'bundle size',
      measure: 'import { validateManifest } (minified)',
      result: `${formatBytes(validatorOnly.bytes)}, gzip ${formatBytes(validatorOnly.gzipBytes)}`,
    },
    {
      group: 'bundle size',
      measure: '  builder, JSON Schema or CLI code in it',
      result: validatorOnly.foreignCode.length === 0 ? 'none' : validatorOnly.foreignCode.join('; '),
      target: 'none (tree-shaken)',
      met: validatorOnly.foreignCode.length === 0,
    },
    {
      group: 'bundle size',
      measure: 'import { WEBHOOK_EVENTS, GRANT_TYPES, … } (the value lists)',
      result: `${formatBytes(tables.bytes)}, gzip ${formatBytes(tables.gzipBytes)}; validator or other code in it: ${
        tables.foreignCode.length === 0 ? 'none' : tables.foreignCode.join('; ')
      }`,
      target: 'none (tree-shaken)',
      met: tables.foreignCode.length === 0,
    },
    {
      group: 'bundle size',
      measure: '+ manifestJsonSchema (for comparison)',
      result: `${formatBytes(everything.bytes)}, gzip ${formatBytes(everything.gzipBytes)}`,
    },
  ];
}
