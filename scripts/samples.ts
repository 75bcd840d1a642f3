/**
 * The code samples of the documentation, and the check that they compile:
 * every fenced code block of README.md and docs/*.md, and every fenced block
 * of every TSDoc `@example` in src/ (found by {@link findTsdocExamples}; an
 * example without a fenced block is TypeScript as a whole, as TypeDoc shows it).
 *
 * - ```ts / ```typescript blocks are compiled, each as its own module, in one
 *   TypeScript program (strict, module and moduleResolution node16, in a
 *   temporary `"type": "module"` project whose `node_modules/lp-app-manifest`
 *   is this repository, so `import … from 'lp-app-manifest'` resolves through
 *   package.json `exports` to the built `dist/` types: run `npm run build`
 *   first). ```js / ```javascript blocks are compiled the same way as
 *   JavaScript (`checkJs`). Nothing is declared for them: a sample declares or
 *   imports every name it uses. A TSDoc example of a module that the package
 *   does not export (src/cli/…) imports it by its path relative to that
 *   source file (`import { runProgram } from './program.js'`).
 * - A block whose first line is `// @errors: 2345 2349` shows what the
 *   compiler rejects: it must produce exactly those error codes, each as many
 *   times as it is listed (a multiset: `// @errors: 2345 2345` is two TS2345
 *   errors), and nothing else. Every other block must produce no diagnostic.
 * - ```json blocks must parse as JSON. ```sh, ```console and ```text blocks
 *   (and `bash`, `shell`, `txt`) are shown as they are, unchecked. A block
 *   with no language, or another one, is a failure: say what it is.
 *
 * Each failure names FILE:LINE, the line of the sample in the markdown or
 * source file.
 */
import ts from 'typescript';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTsdocExamples } from './tsdoc.js';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

/** One fenced code block of a document. */
export interface Sample {
  /** The file it is in, relative to the repository (`README.md`, `src/cli/program.ts`). */
  readonly file: string;
  /** The 1-based line of that file on which the block's first code line stands. */
  readonly line: number;
  /** The fence's language, lower case (`ts`, `json`, `sh`); `''` when the fence names none. */
  readonly lang: string;
  /** The code, without the fences. */
  readonly code: string;
}

/** A sample that does not pass: where, and why. */
export interface SampleFailure {
  /** `FILE:LINE` of the line at fault (the sample's first line when no line is). */
  readonly location: string;
  /** What is wrong, with the TypeScript error code if there is one (`TS2304: Cannot find name 'token'.`). */
  readonly message: string;
}

const COMPILED: Readonly<Record<string, 'ts' | 'js'>> = { ts: 'ts', typescript: 'ts', js: 'js', javascript: 'js' };
const SHOWN = new Set(['sh', 'bash', 'shell', 'console', 'text', 'txt', 'yaml']);
const OPEN_FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const ERRORS_LINE = /^\s*\/\/\s*@errors:(.*)$/;

/**
 * The fenced code blocks of a markdown text. `firstLine` is the line of the
 * file on which the text starts; an indented fence (in a list item) has its
 * indentation removed from its lines.
 */
export function markdownBlocks(text: string, file: string, firstLine = 1): Sample[] {
  const blocks: Sample[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN_FENCE.exec(lines[i] ?? '');
    if (open === null) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const trimmed = line.trim();
      if (trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence[0]) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ file, line: firstLine + i + 1, lang: lang.toLowerCase(), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** Every fenced block of README.md, docs/*.md and the TSDoc `@example`s of src/, in that order. */
export function collectSamples(): Sample[] {
  const docs = readdirSync(join(REPO, 'docs'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => `docs/${entry.name}`)
    .sort();
  const samples = ['README.md', ...docs].flatMap((file) => markdownBlocks(readFileSync(join(REPO, file), 'utf8'), file));
  for (const example of findTsdocExamples()) {
    const blocks = markdownBlocks(example.text, example.file, example.line);
    // An @example without a fenced block is code as a whole, as TypeDoc shows it.
    samples.push(...(blocks.length > 0 ? blocks : [{ file: example.file, line: example.line, lang: 'ts', code: example.text }]));
  }
  return samples;
}

/** The codes a `// @errors: 2345 2349` first line expects (in order, repeated as listed), or undefined. */
export function expectedErrors(code: string): number[] | undefined {
  const match = ERRORS_LINE.exec(code.split('\n', 1)[0] ?? '');
  if (match === null) return undefined;
  return (match[1] ?? '')
    .split(/[\s,]+/)
    .filter((word) => word !== '')
    .map((word) => Number(word.replace(/^TS/i, '')));
}

/**
 * The packages a sample may import besides `lp-app-manifest` and Node's own
 * (`node:fs`, …): ones a user installs beside it, which the examples show it
 * working with. Linked from the repository's node_modules.
 */
export const SAMPLE_PACKAGES = ['ajv'] as const;

/**
 * A temporary `"type": "module"` project in which `lp-app-manifest` is this
 * repository (through a symbolic link, so its package.json `exports` apply),
 * and `@types/node` and {@link SAMPLE_PACKAGES} are the repository's. The
 * caller removes it (`rmSync(dir, { recursive: true, force: true })`).
 */
export function makeSampleProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-samples-'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'samples', private: true, type: 'module' }, null, 2)}\n`);
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  symlinkSync(REPO, join(dir, 'node_modules', 'lp-app-manifest'), 'dir');
  symlinkSync(join(REPO, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir');
  for (const name of SAMPLE_PACKAGES) symlinkSync(join(REPO, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  return dir;
}

export const SAMPLE_COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  moduleDetection: ts.ModuleDetectionKind.Force,
  types: ['node'],
  allowJs: true,
  checkJs: true,
  noEmit: true,
  skipLibCheck: true,
};

function checkJson(sample: Sample): SampleFailure[] {
  try {
    JSON.parse(sample.code);
    return [];
  } catch (error) {
    return [{ location: `${sample.file}:${sample.line}`, message: `not valid JSON: ${(error as Error).message}` }];
  }
}

function diagnosticText(diagnostic: ts.Diagnostic): string {
  return `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
}

/** Compiles the ts and js samples in one program and checks the json ones; every failure, in sample order. */
export function checkSamples(samples: readonly Sample[]): SampleFailure[] {
  const failures: SampleFailure[] = [];
  const compiled: { sample: Sample; path: string }[] = [];
  const dir = makeSampleProject();
  try {
    samples.forEach((sample, index) => {
      const kind = COMPILED[sample.lang];
      if (kind !== undefined) {
        const name = `${String(index).padStart(3, '0')}-${sample.file.replace(/[^A-Za-z0-9]+/g, '-')}-L${sample.line}.${kind}`;
        const path = join(dir, 'samples', name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, sample.code);
        compiled.push({ sample, path });
      } else if (sample.lang === 'json') failures.push(...checkJson(sample));
      else if (!SHOWN.has(sample.lang)) {
        failures.push({
          location: `${sample.file}:${sample.line - 1}`,
          message: `a code block of language ${sample.lang === '' ? '(none)' : `"${sample.lang}"`}: name one of ts, js, json, ${[...SHOWN].join(', ')}`,
        });
      }
    });
    failures.push(...compile(compiled));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures.sort((a, b) => order(a.location, b.location, samples));
}

function order(a: string, b: string, samples: readonly Sample[]): number {
  const files = [...new Set(samples.map((sample) => sample.file))];
  const parse = (location: string): [number, number] => {
    const at = location.lastIndexOf(':');
    return [files.indexOf(location.slice(0, at)), Number(location.slice(at + 1)) || 0];
  };
  const [fa, la] = parse(a);
  const [fb, lb] = parse(b);
  return fa - fb || la - lb;
}

function compile(compiled: readonly { sample: Sample; path: string }[]): SampleFailure[] {
  if (compiled.length === 0) return [];
  const options = SAMPLE_COMPILER_OPTIONS;
  const host = ts.createCompilerHost(options);
  const byPath = new Map(compiled.map((entry) => [resolve(entry.path), entry.sample]));
  // A relative import in a TSDoc example of src/ resolves from the source file the example is in.
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions, containingSource) =>
    literals.map((literal) => {
      const origin = byPath.get(resolve(containingFile));
      const from = origin?.file.startsWith('src/') && /^\.\.?\//.test(literal.text) ? join(REPO, origin.file) : containingFile;
      const mode = ts.getModeForUsageLocation(containingSource, literal, compilerOptions);
      return ts.resolveModuleName(literal.text, from, compilerOptions, host, undefined, redirected, mode);
    });
  const program = ts.createProgram({ rootNames: compiled.map((entry) => entry.path), options, host });
  const failures: SampleFailure[] = [];
  for (const diagnostic of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) {
    failures.push({ location: 'scripts/samples.ts:0', message: `${diagnosticText(diagnostic)} (in SAMPLE_COMPILER_OPTIONS)` });
  }
  for (const { sample, path } of compiled) {
    const source = program.getSourceFile(path);
    if (source === undefined) throw new Error(`the sample program lost ${path}`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    const at = (diagnostic: ts.Diagnostic): string =>
      `${sample.file}:${sample.line + (diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line)}`;
    const expected = expectedErrors(sample.code);
    if (expected === undefined) {
      for (const diagnostic of diagnostics) failures.push({ location: at(diagnostic), message: diagnosticText(diagnostic) });
      continue;
    }
    if (expected.length === 0 || expected.some((code) => !Number.isInteger(code) || code <= 0)) {
      failures.push({
        location: `${sample.file}:${sample.line}`,
        message: '`// @errors:` must list TypeScript error codes, e.g. `// @errors: 2345 2349`',
      });
      continue;
    }
    const missing = [...expected];
    const unexpected: ts.Diagnostic[] = [];
    for (const diagnostic of diagnostics) {
      const index = missing.indexOf(diagnostic.code);
      if (index === -1) unexpected.push(diagnostic);
      else missing.splice(index, 1);
    }
    for (const diagnostic of unexpected) {
      failures.push({ location: at(diagnostic), message: `${diagnosticText(diagnostic)} (not listed in \`// @errors:\`)` });
    }
    if (missing.length > 0) {
      const got = diagnostics.map((diagnostic) => diagnostic.code).join(' ') || 'none';
      failures.push({
        location: `${sample.file}:${sample.line}`,
        message: `\`// @errors: ${expected.join(' ')}\` expected, but ${missing.map((code) => `TS${code}`).join(', ')} did not occur (the sample produced: ${got})`,
      });
    }
  }
  return failures;
}
