/**
 * The repository stands on its own, and so does the package made from it:
 * no test, script, benchmark or example reads a file outside the repository;
 * no user-facing text sends a reader to the team's rule book, which users never
 * see; and every relative link in the shipped Markdown leads to a file that is
 * in the package (and to a heading that exists), so it works on the npm page
 * and in node_modules as well as in a clone.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every file under `dir` (relative to the root) whose name ends with one of `extensions`. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(join(root, path), { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'api') walk(child);
      } else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

const CODE = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * Relative paths in string literals that climb out of the directory they are
 * written in: `new URL('../../x', import.meta.url)`, `join(here, '..', '..', '..')`,
 * and any literal that names the team's folder beside the repository (`'shared'`).
 */
function pathsLeavingRepository(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(['"`])((?:\.\.\/)+[^'"`\s]*)\1/g)) {
    const literal = match[2]!;
    const target = resolve(dirname(join(root, file)), literal);
    if (`${target}${sep}` !== root && !target.startsWith(root)) found.push(`${file}: '${literal}' leaves the repository`);
  }
  // Chains of '..' segments given one by one, as join(here, '..', '..', '..', 'x').
  for (const match of text.matchAll(/(?:(['"])\.\.\1\s*,\s*){3,}/g))
    found.push(`${file}: ${match[0].trim()} climbs out of the repository`);
  for (const match of text.matchAll(/(['"`])(?:shared|[^'"`\s]*\/shared)(?:\/[^'"`\s]*)?\1/g))
    found.push(`${file}: names ${match[0]}`);
  return [...new Set(found)];
}

describe('the repository stands on its own', () => {
  const sources = ['test', 'scripts', 'bench', 'examples', 'src', 'test-d'].flatMap((dir) => filesUnder(dir, CODE));
  sources.push('rollup.config.mjs', '.ci/run');

  it('no test, script, benchmark, example or source file reads a path outside the repository', () => {
    expect(sources.length).to.be.greaterThan(50);
    // This file holds examples of what it looks for; comment lines name paths without reading them.
    const scanned = sources.filter((file) => file !== join('test', 'repository.test.ts'));
    const problems = scanned.flatMap((file) => {
      const code = readFileSync(join(root, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(?:\/\/|\/?\*)/.test(line))
        .join('\n');
      return pathsLeavingRepository(file, code);
    });
    expect(problems).to.deep.equal([]);
  });

  it('the check above finds the kinds of path it is there to find', () => {
    expect(
      pathsLeavingRepository('test/x.test.ts', "readFileSync(new URL('../../shared/seeds/a.txt', import.meta.url))"),
    ).to.have.length.greaterThan(0);
    expect(
      pathsLeavingRepository('test/schema/x.test.ts', "new URL('../../../elsewhere/', import.meta.url)"),
    ).to.have.length.greaterThan(0);
    expect(pathsLeavingRepository('scripts/x.ts', "join(here, '..', '..', '..', 'x')")).to.have.length.greaterThan(0);
    expect(pathsLeavingRepository('scripts/x.ts', "join(root, '..', 'shared', 'seeds')")).to.have.length.greaterThan(0);
    expect(pathsLeavingRepository('test/x.test.ts', "new URL('../fixtures/seeds/', import.meta.url)")).to.deep.equal([]);
  });

  it('no user-facing text refers to the team-only rule book or folder', () => {
    const userFacing = ['README.md', ...filesUnder('docs', ['.md']), ...filesUnder('src', CODE), ...filesUnder('examples', CODE)];
    const problems = userFacing.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return [/\bSPEC(?:\.md)?\b/, /\.\.\/shared\b/].flatMap((pattern) =>
        pattern.test(text) ? [`${file} matches ${pattern}`] : [],
      );
    });
    expect(problems).to.deep.equal([]);
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsIn(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) anchors.add(anchorOf(heading[1]!));
  }
  return anchors;
}

describe('the packed package', () => {
  let packed: Set<string>;
  before(function () {
    this.timeout(60_000);
    const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    packed = new Set((JSON.parse(json) as [{ files: { path: string }[] }])[0].files.map((file) => file.path));
  });

  it('ships the README, the changelog, the docs and the examples the README links to', () => {
    // npm 7 and later no longer add a CHANGELOG by itself: package.json "files" names it
    for (const file of [
      'README.md',
      'CHANGELOG.md',
      'docs/rules.md',
      'docs/cli.md',
      'docs/security.md',
      'examples/deploy-script.ts',
    ]) {
      expect(packed.has(file), file).to.equal(true);
    }
  });

  it('every relative link in the shipped Markdown resolves inside the package, to a heading that exists', () => {
    const markdown = [...packed].filter((file) => file.endsWith('.md'));
    expect(markdown).to.include('README.md');
    const broken: string[] = [];
    for (const file of markdown) {
      const text = readFileSync(join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = match[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:
        const [path = '', anchor] = link.split('#');
        const target =
          path === ''
            ? file
            : relative(root, resolve(dirname(join(root, file)), path))
                .split(sep)
                .join('/');
        if (!packed.has(target)) {
          broken.push(`${file}: ${link} (not in the package)`);
          continue;
        }
        if (anchor !== undefined && target.endsWith('.md') && !anchorsIn(readFileSync(join(root, target), 'utf8')).has(anchor)) {
          broken.push(`${file}: ${link} (no such heading)`);
        }
      }
    }
    expect(broken).to.deep.equal([]);
  });

  it('has a prepack script that builds the library and the web page, so a fresh clone packs dist/ and dist/web/', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['prepack']).to.equal('npm run build && npm run web');
    expect(statSync(join(root, 'dist', 'index.js')).isFile()).to.equal(true);
    expect(statSync(join(root, 'dist', 'web', 'index.html')).isFile()).to.equal(true);
  });
});

describe('where the project lives, and what changed', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');

  it('package.json names the repository, its home page and where to report a bug, all on one GitHub repository', () => {
    expect(pkg['repository']).to.deep.equal({ type: 'git', url: 'git+https://github.com/lp-app-manifest/lp-app-manifest.git' });
    expect(pkg['homepage']).to.equal('https://github.com/lp-app-manifest/lp-app-manifest#readme');
    expect(pkg['bugs']).to.deep.equal({ url: 'https://github.com/lp-app-manifest/lp-app-manifest/issues' });
  });

  it('CHANGELOG.md follows Keep a Changelog 1.1.0: Unreleased first, then each version with its date, newest first, each linked', () => {
    expect(changelog).to.match(/^# Changelog\n/);
    expect(changelog).to.include('https://keepachangelog.com/en/1.1.0/');
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map(([, name, date]) => ({
      name,
      date,
    }));
    expect(versions[0]).to.deep.equal({ name: 'Unreleased', date: undefined });
    expect(versions.map(({ name }) => name)).to.include(pkg['version']);
    for (const { name, date } of versions.slice(1)) expect(date, `${name} has no date`).to.match(/^\d{4}-\d{2}-\d{2}$/);
    for (const { name } of versions)
      expect(changelog, `no link for [${name}]`).to.match(new RegExp(`^\\[${name!.replace(/\./g, '\\.')}\\]: https://`, 'im'));
    const kinds = [...changelog.matchAll(/^### (.+)$/gm)].map(([, kind]) => kind);
    expect(
      kinds.filter((kind) => !['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(kind!)),
    ).to.deep.equal([]);
  });
});
