/**
 * tsd's assertions without tsd: copies test-d/*.test-d.ts into the consumer project so that any
 * TypeScript version can type-check them against the installed package (tsd drives the
 * compiler through its JS API, which TypeScript 7 does not have), then judges a plain
 * `tsc --pretty false` run with tsd's rules:
 *
 * - expectType / expectAssignable / expectNotAssignable fail as compiler errors (tsd-shim.d.ts);
 * - every `expectError(...)` call must contain at least one compiler error, of a kind tsd accepts
 *   there (type errors; not syntax errors or e.g. "Cannot find name");
 * - any other compiler error, anywhere (the package's own .d.ts included), is a failure.
 *
 * The sources are parsed (never type-checked) with the repo's own `typescript`, which is the
 * same for every version under test.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The error codes tsd accepts inside expectError (tsd 0.33, lib/compiler.js); others still fail. */
const EXPECT_ERROR_CODES = new Set([
  1238, 1239, 1240, 1241, 1249, 1270, 1271, 1278, 1279, 1329, 2314, 2322, 2339, 2344, 2345, 2348, 2349, 2350, 2351, 2353, 2375,
  2379, 2412, 2540, 2542, 2551, 2554, 2555, 2559, 2561, 2575, 2684, 2707, 2719, 2739, 2740, 2741, 2743, 2769, 2820, 4113, 4114,
  7009, 18046,
]);
/** Assertions whose type argument needs the argument's own type: rewritten to `name<T>()(value)`. */
const CURRIED = new Set(['expectType', 'expectNotAssignable']);
const ASSERTIONS = new Set(['expectType', 'expectAssignable', 'expectNotAssignable', 'expectError', 'expectNever']);

/** Where the copies go: as ES modules (`.ts`), or as CommonJS (`.cts`, resolving the package's `require` types). */
const FORMATS = {
  esm: { dir: 'test-d', extension: '.ts', shim: 'tsd-shim.d.ts', shimImport: './tsd-shim.js' },
  cjs: { dir: 'test-d-cjs', extension: '.cts', shim: 'tsd-shim.d.cts', shimImport: './tsd-shim.cjs' },
};

/**
 * Writes `<project>/test-d/<name>.test-d.ts` for each `<root>/test-d/*.test-d.ts` (with format
 * `cjs`: `<project>/test-d-cjs/<name>.test-d.cts`), importing the package by name and the
 * assertions from the shim beside it. Returns what `judge` needs plus the project-relative file
 * names for a tsconfig's `files`.
 */
export function prepareTsdFiles(root, project, format = 'esm') {
  const { dir, extension, shim, shimImport } = FORMATS[format];
  const source = join(root, 'test-d');
  const target = join(project, dir);
  mkdirSync(target, { recursive: true });
  copyFileSync(join(here, 'tsd-shim.d.ts'), join(target, shim));
  const packageEntry = join(root, 'dist', 'index.js');
  const files = new Map();
  for (const name of readdirSync(source)
    .filter((f) => f.endsWith('.test-d.ts'))
    .sort()) {
    const text = readFileSync(join(source, name), 'utf8');
    const sourceFile = ts.createSourceFile(`test-d/${name}`, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const edits = []; // { pos, remove, insert } in original offsets
    const expectErrors = [];
    const assertions = [];
    const visit = (node) => {
      if (
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        const spec = node.moduleSpecifier.text;
        let replacement;
        if (spec === 'tsd') replacement = shimImport;
        else if (spec.startsWith('.') && resolve(source, spec) === packageEntry) replacement = 'lp-app-manifest';
        else if (spec.startsWith('.'))
          throw new Error(`${name}: cannot copy the relative import '${spec}' into the consumer project`);
        if (replacement) {
          const start = node.moduleSpecifier.getStart(sourceFile) + 1;
          edits.push({ pos: start, remove: spec.length, insert: replacement });
        }
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ASSERTIONS.has(node.expression.text)) {
        const callee = node.expression.text;
        const curried = CURRIED.has(callee) && node.typeArguments !== undefined;
        const span = { start: node.getStart(sourceFile), end: node.getEnd(), callee, curried, found: [] };
        assertions.push(span);
        if (callee === 'expectError') expectErrors.push(span);
        if (curried) {
          const open = node.arguments.pos - 1; // the '(' of the argument list
          if (text[open] !== '(')
            throw new Error(`${name}: cannot rewrite ${callee} at ${position(sourceFile, node.getStart(sourceFile))}`);
          edits.push({ pos: open, remove: 0, insert: '()' });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    if (!edits.some((e) => e.insert === shimImport)) throw new Error(`${name}: no import from 'tsd' to replace`);
    edits.sort((a, b) => a.pos - b.pos);
    let out = '';
    let at = 0;
    for (const edit of edits) {
      out += text.slice(at, edit.pos) + edit.insert;
      at = edit.pos + edit.remove;
    }
    out += text.slice(at);
    const copy = name.replace(/\.ts$/, extension);
    writeFileSync(join(target, copy), out);
    files.set(`${dir}/${copy}`, { name, sourceFile, edits, rewritten: out, expectErrors, assertions });
  }
  if (files.size === 0) throw new Error(`no *.test-d.ts files in ${source}`);
  return { files: [...files.keys()], byPath: files };
}

function position(sourceFile, offset) {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return `${sourceFile.fileName}:${line + 1}:${character + 1}`;
}

/** Offset in the rewritten text (1-based line/column from tsc) back to the original source. */
function originalOffset(file, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = file.rewritten.indexOf('\n', offset) + 1;
  offset += column - 1;
  let shift = 0; // rewritten minus original, for text after the edits passed so far
  for (const edit of file.edits) {
    const start = edit.pos + shift;
    if (offset < start) break;
    if (offset < start + edit.insert.length) return edit.pos; // inside inserted text
    shift += edit.insert.length - edit.remove;
  }
  return offset - shift;
}

/**
 * Judges one `tsc --pretty false` run over the prepared files. Returns a list of problems,
 * empty when every assertion holds.
 */
export function judge(prepared, run) {
  const problems = [];
  const errors = [];
  const lines = `${run.stdout ?? ''}`.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const located = /^(.*)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    const global = /^error (TS\d+): (.*)$/.exec(line);
    if (located) {
      const [, file, l, c, code, message] = located;
      errors.push({ file: file.replaceAll(sep, '/'), line: Number(l), column: Number(c), code, message });
    } else if (global) {
      errors.push({ file: '', code: global[1], message: global[2] });
    } else if (errors.length && /^\s/.test(line)) {
      errors[errors.length - 1].message += `\n      ${line.trim()}`; // the rest of a message chain
    } else {
      errors.push({ file: '', code: '', message: line }); // anything else tsc prints is a failure too
    }
  }
  if (run.error || run.signal || (run.status !== 0 && errors.length === 0)) {
    problems.push(
      `tsc did not run to completion (status ${run.status}, ${run.signal ?? run.error ?? 'no errors printed'})\n${run.stdout}${run.stderr}`,
    );
  }
  for (const error of errors) {
    const file = prepared.byPath.get(error.file);
    if (!file) {
      problems.push(
        `unexpected error: ${error.file ? `${error.file}:${error.line}:${error.column} ` : ''}${error.code} ${error.message}`,
      );
      continue;
    }
    const offset = originalOffset(file, error.line, error.column);
    const where = position(file.sourceFile, offset);
    // tsd: an error belongs to an expectError when it starts strictly inside the call
    const inside = file.expectErrors.find((span) => offset > span.start && offset <= span.end);
    if (inside && EXPECT_ERROR_CODES.has(Number(error.code.slice(2)))) {
      inside.found.push(error);
      continue;
    }
    const assertion = file.assertions
      .filter((span) => offset >= span.start && offset <= span.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    const context = assertion
      ? `\n      in: ${file.sourceFile.text.slice(assertion.start, assertion.end).replace(/\s+/g, ' ').slice(0, 160)}`
      : '';
    let kind = 'unexpected error';
    if (inside) kind = 'error of a kind tsd does not accept inside expectError';
    else if (assertion && assertion.callee !== 'expectError') {
      kind = `${assertion.callee} failed`;
      // the shim's missing `expected, actual` arguments, reported at the start of the call
      if (assertion.curried && error.code === 'TS2554' && offset === assertion.start) {
        if (assertion.callee === 'expectType') kind += ": the argument's type is not identical to T";
        if (assertion.callee === 'expectNotAssignable') kind += ": the argument's type is assignable to T";
      }
    }
    problems.push(`${kind}: ${where} ${error.code} ${error.message}${context}`);
  }
  for (const file of prepared.byPath.values()) {
    for (const span of file.expectErrors) {
      if (span.found.length === 0) {
        const text = file.sourceFile.text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 160);
        problems.push(`expectError without an error: ${position(file.sourceFile, span.start)} ${text}`);
      }
      span.found = []; // ready for the next run
    }
  }
  return problems;
}
