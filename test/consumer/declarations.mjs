/**
 * Checks on the published declarations of the installed package (dist/*.d.ts and *.d.cts), read
 * as a user's editor reads them:
 *
 * - they change nothing outside the package: no `declare global`, no `declare module`;
 * - no name renamed by the declaration bundler (`ManifestBuilder$1`): users see our names;
 * - no doc text or types that are not ours: nothing inlined from type-fest (its `Tagged` docs);
 * - every `{@link Name}` names something the package exports;
 * - the hover of `ManifestBuilder` shows one doc comment (the interface and the const of that
 *   name are one symbol, and an editor joins the doc comments of all its declarations).
 *
 * Uses the repository's own `typescript` for the language service (parsing and hover only).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Problems found in `<project>/node_modules/<name>/dist`, as readable lines; empty when all hold. */
export function checkDeclarations(project, name = 'lp-app-manifest') {
  const dist = join(project, 'node_modules', name, 'dist');
  const files = readdirSync(dist).filter((file) => /\.d\.c?ts$/.test(file));
  const problems = [];
  if (!files.includes('index.d.ts') || !files.includes('index.d.cts')) problems.push(`no index.d.ts and index.d.cts in ${dist}`);
  for (const file of files) {
    const text = readFileSync(join(dist, file), 'utf8');
    const lineOf = (index) => text.slice(0, index).split('\n').length;
    const find = (pattern, what) => {
      for (const match of text.matchAll(pattern)) problems.push(`${file}:${lineOf(match.index)}: ${what}: ${match[0]}`);
    };
    find(/\bdeclare\s+global\b/g, 'changes the global scope');
    find(/\bdeclare\s+module\b/g, 'augments a module');
    find(/\b[A-Za-z_]\w*\$\d+\b/g, 'a name renamed by the bundler');
    find(/type-fest|sindresorhus/g, 'doc text or types that are not ours');
    const exported = exportedNames(file, text);
    for (const match of text.matchAll(/\{@link(?:code|plain)?\s+([A-Za-z_$][\w$]*)/g)) {
      if (!exported.has(match[1]))
        problems.push(`${file}:${lineOf(match.index)}: {@link ${match[1]}} names something the package does not export`);
    }
  }
  problems.push(...checkHover(project));
  return problems;
}

/** The names in the `export { … }` and `export type { … }` lists of a bundled declaration file. */
function exportedNames(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    }
  }
  return names;
}

/** The hover of `ManifestBuilder`, as a value and as a type, through the language service. */
function checkHover(project) {
  const fileName = join(project, 'hover-check.ts');
  const text = [
    "import { ManifestBuilder } from 'lp-app-manifest';",
    'export const draft = ManifestBuilder.connector();',
    "export function finish(builder: ManifestBuilder<'connector'>) { return builder.build(); }",
    '',
  ].join('\n');
  writeFileSync(fileName, text);
  const options = {
    strict: true,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = {
    getScriptFileNames: () => [fileName],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const content = name === fileName ? text : ts.sys.readFile(name);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => project,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const problems = [];
  for (const [where, offset] of [
    ['the value', text.indexOf('ManifestBuilder.connector')],
    ['the type', text.indexOf("ManifestBuilder<'connector'>")],
  ]) {
    const info = service.getQuickInfoAtPosition(fileName, offset + 1);
    if (info === undefined) {
      problems.push(`no hover for ManifestBuilder (${where})`);
      continue;
    }
    const shown = ts.displayPartsToString(info.displayParts);
    const documentation = ts.displayPartsToString(info.documentation);
    const examples = (info.tags ?? []).filter((tag) => tag.name === 'example').length;
    if (/\$\d/.test(shown)) problems.push(`hover of ManifestBuilder (${where}) shows a renamed declaration: ${shown}`);
    if (documentation.trim() === '') problems.push(`hover of ManifestBuilder (${where}) has no documentation`);
    // One doc comment, with its one @example (two declarations documented would show two).
    if (examples !== 1) {
      problems.push(
        `hover of ManifestBuilder (${where}) shows ${examples} @example tag(s) and this documentation, not one doc comment:\n${documentation}`,
      );
    }
  }
  return problems;
}
