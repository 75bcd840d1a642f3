/**
 * Finds the exports of src/index.ts whose declaration has no TSDoc summary or
 * no `@example`: every name a user can import must say what it is and show
 * how it is used. Read with the TypeScript compiler API, so re-exports and
 * renames (`export { A as B }`) are followed to the declaration itself.
 */
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../tsconfig.json', import.meta.url));

/** One export whose doc comment falls short. */
export interface TsdocGap {
  /** The exported name. */
  readonly name: string;
  /** `src/file.ts:line` of the declaration. */
  readonly location: string;
  /** What is missing: `doc comment`, `summary` or `@example`. */
  readonly missing: readonly string[];
}

function compilerOptions(): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(TSCONFIG, (path) => ts.sys.readFile(path));
  if (error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, REPO).options;
}

/** The doc comment that belongs to a declaration: the last `/** … *\/` before it (for a variable, before its statement). */
function docComment(declaration: ts.Declaration): ts.JSDoc | undefined {
  return ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).at(-1);
}

/** An overload's implementation carries no doc of its own: the overload signatures do. */
function isOverloadImplementation(declaration: ts.Declaration, all: readonly ts.Declaration[]): boolean {
  return ts.isFunctionDeclaration(declaration) && declaration.body !== undefined && all.length > 1;
}

function missingParts(declaration: ts.Declaration): string[] {
  const doc = docComment(declaration);
  if (doc === undefined) return ['doc comment', '@example'];
  const missing: string[] = [];
  if ((ts.getTextOfJSDocComment(doc.comment) ?? '').trim() === '') missing.push('summary');
  const examples = (doc.tags ?? []).filter((tag) => tag.tagName.text === 'example');
  if (!examples.some((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').trim() !== '')) missing.push('@example');
  return missing;
}

/** Every export of src/index.ts (values and types) whose declaration lacks a summary or an `@example`. */
export function findTsdocGaps(): TsdocGap[] {
  const program = ts.createProgram([ENTRY], { ...compilerOptions(), noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(ENTRY);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`cannot read the exports of ${ENTRY}`);

  const gaps: TsdocGap[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    if (declarations.length === 0) {
      gaps.push({ name: exported.name, location: 'src/index.ts', missing: ['declaration'] });
      continue;
    }
    for (const declaration of declarations) {
      if (isOverloadImplementation(declaration, declarations)) continue;
      const missing = missingParts(declaration);
      if (missing.length === 0) continue;
      const file = declaration.getSourceFile();
      const { line } = file.getLineAndCharacterOfPosition(declaration.getStart());
      gaps.push({ name: exported.name, location: `${relative(REPO, file.fileName)}:${line + 1}`, missing });
    }
  }
  return gaps.sort((a, b) => a.location.localeCompare(b.location, 'en', { numeric: true }));
}
