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

/** Every export of a public entry (values and types) whose declaration lacks a summary or an `@example`. */
export function findTsdocGaps(entryFile = 'src/index.ts'): TsdocGap[] {
  const entry = fileURLToPath(new URL(`../${entryFile}`, import.meta.url));
  const program = ts.createProgram([entry], { ...compilerOptions(), noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`cannot read the exports of ${entry}`);

  const gaps: TsdocGap[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    if (declarations.length === 0) {
      gaps.push({ name: exported.name, location: entryFile, missing: ['declaration'] });
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

/** One `@example` of a doc comment in src/, as written there. */
export interface TsdocExample {
  /** The source file, relative to the repository (`src/builder/builder.ts`). */
  readonly file: string;
  /** The 1-based line of that file on which the example's first text line (after `@example`) stands. */
  readonly line: number;
  /** The example's text (markdown: prose and fenced code blocks), the comment's ` * ` prefixes removed. */
  readonly text: string;
  /** The name of the declaration the comment documents (`ManifestBuilder`, `webhook`), if it has one. */
  readonly declaration: string | undefined;
}

/** The lines of a doc comment, its `/**`, `*\/` and ` * ` prefixes removed (line i is line i of the comment). */
function commentLines(raw: string): string[] {
  return raw
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const BLOCK_TAG = /^\s*@[A-Za-z]/;

/**
 * Every `@example` in every doc comment of src/**\/*.ts (exported or not), in
 * file and line order. Read from the comment's own text rather than from the
 * compiler's tag list, which ends a tag at any `@word`, even inside a code
 * fence (`// @errors: 2345`): an example runs from its `@example` line to the
 * next line that starts with a tag outside a fence.
 */
export function findTsdocExamples(): TsdocExample[] {
  const { config } = ts.readConfigFile(TSCONFIG, (path) => ts.sys.readFile(path));
  const files = ts.parseJsonConfigFileContent(config, ts.sys, REPO).fileNames.filter((file) => !file.endsWith('.d.ts'));
  return files.sort().flatMap((fileName) => tsdocExamplesIn(ts.sys.readFile(fileName) ?? '', relative(REPO, fileName)));
}

/** The name a documented node declares: a function's, a member's, or a variable statement's first variable's. */
function declaredName(node: ts.Node): string | undefined {
  const declaration = ts.isVariableStatement(node) ? node.declarationList.declarations[0] : node;
  const name = (declaration as ts.NamedDeclaration | undefined)?.name;
  return name !== undefined && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
}

/** Every `@example` in the doc comments of one TypeScript source text; `file` names it in the result. */
export function tsdocExamplesIn(text: string, file: string): TsdocExample[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const examples: TsdocExample[] = [];
  const seen = new Set<number>();
  const visit = (node: ts.Node): void => {
    for (const doc of ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)) {
      if (seen.has(doc.pos)) continue;
      seen.add(doc.pos);
      const firstLine = source.getLineAndCharacterOfPosition(doc.getStart(source)).line + 1;
      const lines = commentLines(source.text.slice(doc.getStart(source), doc.end));
      examples.push(...examplesOf(lines, file, firstLine, declaredName(node)));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return examples;
}

function examplesOf(lines: readonly string[], file: string, firstLine: number, declaration: string | undefined): TsdocExample[] {
  const examples: TsdocExample[] = [];
  let current: { line: number; text: string[] } | undefined;
  let fence: string | undefined;
  const close = (): void => {
    if (current !== undefined)
      examples.push({ file, line: current.line, text: current.text.join('\n').replace(/\s+$/, ''), declaration });
    current = undefined;
  };
  lines.forEach((line, index) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && BLOCK_TAG.test(line)) {
      close();
      const rest = /^\s*@example\b ?(.*)$/.exec(line)?.[1];
      if (rest !== undefined)
        current = rest === '' ? { line: firstLine + index + 1, text: [] } : { line: firstLine + index, text: [rest] };
      return;
    }
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    }
    current?.text.push(line);
  });
  close();
  return examples;
}
