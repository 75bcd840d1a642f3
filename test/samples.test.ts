import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { checkSamples, expectedErrors, makeSampleProject, markdownBlocks, REPO, type Sample } from '../scripts/samples.js';
import { findTsdocExamples, tsdocExamplesIn } from '../scripts/tsdoc.js';
import { validateManifest } from '../src/index.js';

// `npm run test:samples` compiles every sample of the repository; these tests
// prove that the checker it runs can fail, and run the samples that build a
// manifest to show that what they build is valid and has no warning.

const tsSample = (code: string, line = 10, file = 'docs/fake.md'): Sample => ({ file, line, lang: 'ts', code });

describe('the code sample checker (scripts/samples.ts)', function () {
  this.timeout(60_000);

  it('finds fenced blocks in markdown with the line of their first code line, indented fences included', () => {
    const text = [
      '# Title',
      '',
      '```ts',
      'const a = 1;',
      '```',
      '',
      '- item',
      '  ```json',
      '  { "a": 1 }',
      '  ```',
      '```',
      'plain',
      '```',
    ].join('\n');
    expect(markdownBlocks(text, 'x.md')).to.deep.equal([
      { file: 'x.md', line: 4, lang: 'ts', code: 'const a = 1;' },
      { file: 'x.md', line: 9, lang: 'json', code: '{ "a": 1 }' },
      { file: 'x.md', line: 12, lang: '', code: 'plain' },
    ]);
  });

  it('keeps a `// @errors:` line inside a TSDoc @example (the compiler would end the tag there)', () => {
    const source = [
      '/**',
      ' * Summary.',
      ' *',
      ' * @example',
      ' * ```ts',
      ' * // @errors: 2345',
      ' * f(1); // see @param x',
      ' * ```',
      ' * @param x - the value',
      ' */',
      'export function f(x: string): void {}',
    ].join('\n');
    const [example, ...rest] = tsdocExamplesIn(source, 'src/f.ts');
    expect(rest).to.deep.equal([]);
    expect(example).to.deep.equal({
      file: 'src/f.ts',
      line: 5,
      text: '```ts\n// @errors: 2345\nf(1); // see @param x\n```',
      declaration: 'f',
    });
    expect(markdownBlocks(example!.text, example!.file, example!.line)).to.deep.equal([
      { file: 'src/f.ts', line: 6, lang: 'ts', code: '// @errors: 2345\nf(1); // see @param x' },
    ]);
  });

  it('reads `// @errors:` codes from the first line only', () => {
    expect(expectedErrors('// @errors: 2345 2349\nx')).to.deep.equal([2345, 2349]);
    expect(expectedErrors('// @errors: 2345, 2345')).to.deep.equal([2345, 2345]);
    expect(expectedErrors('const a = 1;\n// @errors: 2345')).to.equal(undefined);
  });

  it('passes samples that compile against the built package, and error samples that fail exactly as listed', () => {
    const failures = checkSamples([
      tsSample(
        "import { ManifestBuilder } from 'lp-app-manifest';\n\nconst manifest = ManifestBuilder.general().clientName('Acme').build();\nconsole.log(manifest.client_name);",
      ),
      tsSample("// @errors: 2349\nimport { ManifestBuilder } from 'lp-app-manifest';\n\nManifestBuilder.general().build();", 20),
      tsSample("// @errors: 2322 2322\nconst a: number = 'one';\nconst b: string = 2;", 30),
      { file: 'docs/fake.md', line: 40, lang: 'json', code: '{ "client_name": "Acme" }' },
      { file: 'docs/fake.md', line: 50, lang: 'sh', code: 'npm test && echo $token' },
    ]);
    expect(failures).to.deep.equal([]);
  });

  it('reports an undeclared name at the line of the markdown file it is on', () => {
    const failures = checkSamples([
      tsSample(
        "import { ManifestBuilder } from 'lp-app-manifest';\n\nManifestBuilder.general().clientName(token);",
        42,
        'README.md',
      ),
    ]);
    expect(failures).to.deep.equal([{ location: 'README.md:44', message: "TS2304: Cannot find name 'token'." }]);
  });

  it('gives a sample nothing from outside: each is its own module, with no shared or ambient names', () => {
    const failures = checkSamples([tsSample('const declaredElsewhere = 1;', 1), tsSample('console.log(declaredElsewhere);', 5)]);
    expect(failures).to.deep.equal([{ location: 'docs/fake.md:5', message: "TS2304: Cannot find name 'declaredElsewhere'." }]);
  });

  it('reports an `// @errors:` sample that gives another code, and one that gives fewer errors than listed', () => {
    const failures = checkSamples([
      tsSample("// @errors: 2345\nconst n: number = 'x';", 60),
      tsSample("// @errors: 2322 2322\nconst a: number = 'one';", 70),
      tsSample('// @errors: 2322\nconst fine = 1;', 80),
    ]);
    expect(failures.map((failure) => failure.location)).to.deep.equal([
      'docs/fake.md:60',
      'docs/fake.md:61',
      'docs/fake.md:70',
      'docs/fake.md:80',
    ]);
    expect(failures[0]!.message).to.equal('`// @errors: 2345` expected, but TS2345 did not occur (the sample produced: 2322)');
    expect(failures[1]!.message).to.match(
      /^TS2322: Type 'string' is not assignable to type 'number'\. \(not listed in `\/\/ @errors:`\)$/,
    );
    expect(failures[2]!.message).to.equal(
      '`// @errors: 2322 2322` expected, but TS2322 did not occur (the sample produced: 2322)',
    );
    expect(failures[3]!.message).to.equal('`// @errors: 2322` expected, but TS2322 did not occur (the sample produced: none)');
  });

  it('resolves a relative import of a TSDoc example in src/ from its source file, and nowhere else', () => {
    const code = "import { plural } from './report.js';\n\nconsole.log(plural(2, 'warning'));";
    expect(checkSamples([tsSample(code, 10, 'src/cli/report.ts')])).to.deep.equal([]);
    const failures = checkSamples([tsSample(code, 10, 'README.md')]);
    expect(failures).to.have.length(1);
    expect(failures[0]!.location).to.equal('README.md:10');
    expect(failures[0]!.message).to.match(/^TS2307: Cannot find module '\.\/report\.js'/);
  });

  it('reports invalid JSON, and a code block with no language or an unknown one', () => {
    const failures = checkSamples([
      { file: 'docs/fake.md', line: 10, lang: 'json', code: '{ "client_name": "Acme", }' },
      { file: 'docs/fake.md', line: 20, lang: '', code: 'const a = 1;' },
      { file: 'docs/fake.md', line: 30, lang: 'tsx', code: 'const a = 1;' },
    ]);
    expect(failures.map((failure) => failure.location)).to.deep.equal(['docs/fake.md:10', 'docs/fake.md:19', 'docs/fake.md:29']);
    expect(failures[0]!.message).to.match(/^not valid JSON: /);
    expect(failures[1]!.message).to.match(/^a code block of language \(none\): name one of ts, js, json, /);
    expect(failures[2]!.message).to.match(/^a code block of language "tsx": /);
  });

  it('checks js blocks as JavaScript', () => {
    const failures = checkSamples([
      {
        file: 'docs/fake.md',
        line: 5,
        lang: 'js',
        code: "import { ManifestBuilder } from 'lp-app-manifest';\n\nManifestBuilder.general().clientName(42);",
      },
    ]);
    expect(failures).to.have.length(1);
    expect(failures[0]!.location).to.equal('docs/fake.md:7');
    expect(failures[0]!.message).to.match(/^TS2345: /);
  });
});

/** Runs a TypeScript sample with node, importing the built package, and returns what it printed. */
function runSample(sample: Sample, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const project = makeSampleProject();
  try {
    const js = ts.transpileModule(sample.code, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(project, 'sample.mjs'), js);
    const run = spawnSync(process.execPath, ['sample.mjs'], {
      cwd: project,
      env: { PATH: process.env['PATH'], ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** The printed manifest, checked again: valid for its profile, with no issue and no warning. */
function expectCleanManifest(stdout: string, profile: 'general' | 'connector'): void {
  const result = validateManifest(JSON.parse(stdout), { profile });
  expect(result.ok ? [] : result.issues).to.deep.equal([]);
  expect(result.warnings).to.deep.equal([]);
}

/**
 * Every ts sample (README.md, docs/*.md, TSDoc) that builds a manifest with
 * `ManifestBuilder` and prints it (`console.log(JSON.stringify(…))`), with the
 * declaration its TSDoc documents.
 */
function printingSamples(): { sample: Sample; declaration?: string | undefined }[] {
  const docs = [
    'README.md',
    ...readdirSync(join(REPO, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
  const markdown = docs.flatMap((file) =>
    markdownBlocks(readFileSync(join(REPO, file), 'utf8'), file).map((sample) => ({ sample })),
  );
  const tsdoc = findTsdocExamples().flatMap((example) =>
    markdownBlocks(example.text, example.file, example.line).map((sample) => ({ sample, declaration: example.declaration })),
  );
  return [...markdown, ...tsdoc].filter(
    ({ sample }) =>
      sample.lang === 'ts' &&
      expectedErrors(sample.code) === undefined &&
      sample.code.includes('ManifestBuilder.') &&
      /console\.log\(JSON\.stringify\(/.test(sample.code),
  );
}

const ENV = { ACME_TOKEN: 'test-token-value', CONV_URL: 'https://hooks.acme.com/lp/conv' };

describe('the samples that build a manifest run, and it has no warning', function () {
  this.timeout(60_000);

  /** The first ```ts block after the README heading `### Build a connector manifest`. */
  function readmeTour(): Sample {
    const text = readFileSync(join(REPO, 'README.md'), 'utf8');
    const heading = text.split('\n').indexOf('### Build a connector manifest');
    expect(heading, 'the README heading "### Build a connector manifest"').to.not.equal(-1);
    const tour = markdownBlocks(text, 'README.md').find((block) => block.line > heading + 1 && block.lang === 'ts');
    if (tour === undefined) throw new Error('no ```ts block after "### Build a connector manifest" in README.md');
    return tour;
  }

  it('the README tour prints a connector manifest that validates with no warning', () => {
    const run = runSample(readmeTour(), ENV);
    expect(run.stderr).to.equal('');
    expect(run.status).to.equal(0);
    expectCleanManifest(run.stdout, 'connector');
    expect(run.stdout).to.include('"cqm.ExConversationChangeNotification"');
  });

  it('the README tour stops when the token is not set, instead of writing an empty header value', () => {
    const run = runSample(readmeTour(), { CONV_URL: ENV.CONV_URL });
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.include('ACME_TOKEN is not set');
  });

  const printing = printingSamples();

  it('include the README tour and the example of the ManifestBuilder factory', () => {
    const tour = readmeTour();
    expect(printing.some(({ sample }) => sample.file === tour.file && sample.line === tour.line)).to.equal(true);
    const factory = printing.filter(
      ({ sample, declaration }) => declaration === 'ManifestBuilder' && sample.code.includes('ManifestBuilder.connector()'),
    );
    expect(factory, 'a printing ManifestBuilder.connector() @example of the ManifestBuilder factory').to.have.length.greaterThan(
      0,
    );
  });

  for (const { sample } of printing) {
    const profile = sample.code.includes('ManifestBuilder.connector()') ? 'connector' : 'general';
    it(`${sample.file}:${sample.line} prints a ${profile} manifest that validates with no warning`, () => {
      const run = runSample(sample, ENV);
      expect(run.stderr).to.equal('');
      expect(run.status).to.equal(0);
      expectCleanManifest(run.stdout, profile);
    });
  }
});
