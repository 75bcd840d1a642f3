/**
 * Cold start: how long a fresh Node process takes to import the package,
 * minus a Node process that imports nothing. Both run from the repository
 * root, so 'lp-app-manifest' resolves to the built dist/ through "exports".
 *
 * The difference of two process wall times is small next to their spread on
 * a busy machine, so the import is also timed inside the fresh process
 * (performance.now() around the import alone), which is much steadier.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, median, timeMs, type Row } from './measure.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** `node` arguments of each case; the `timed*` cases print how long their import took. */
const CASES = {
  empty: ['-e', '0'],
  esm: ['-e', "import('lp-app-manifest')"],
  cjs: ['-e', "require('lp-app-manifest')"],
  timedEsm: [
    '--input-type=module',
    '-e',
    "const t = performance.now(); await import('lp-app-manifest'); process.stdout.write(String(performance.now() - t));",
  ],
  timedCjs: [
    '-e',
    "const t = performance.now(); require('lp-app-manifest'); process.stdout.write(String(performance.now() - t));",
  ],
} as const;
type CaseName = keyof typeof CASES;

interface Sample {
  readonly wallMs: number;
  /** What the process printed, as a number (the `timed*` cases). */
  readonly printedMs: number;
}

function spawnNode(args: readonly string[]): Sample {
  let stdout = '';
  const wallMs = timeMs(() => {
    const result = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
    stdout = result.stdout;
  });
  return { wallMs, printedMs: Number(stdout) };
}

/** Median figures of each case over `runs` fresh processes, the cases taken in turn. */
export function measureColdStart(runs = 15): Record<CaseName, Sample> {
  const names = Object.keys(CASES) as CaseName[];
  for (const name of names) spawnNode(CASES[name]); // the first spawn of each pays for the file cache
  const samples = new Map<CaseName, Sample[]>(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) for (const name of names) samples.get(name)!.push(spawnNode(CASES[name]));
  return Object.fromEntries(
    names.map((name) => {
      const all = samples.get(name)!;
      return [name, { wallMs: median(all.map((s) => s.wallMs)), printedMs: median(all.map((s) => s.printedMs)) }];
    }),
  ) as Record<CaseName, Sample>;
}

/** The package's executable, as package.json's "bin" names it (`./dist/cli.cjs`). */
const CLI_BIN = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> })
  .bin['lp-app-manifest']!;

/** The CLI's cold-start target (issue 11): `validate` of one file within this factor of a bare `node -e 0`. */
export const CLI_TARGET_RATIO = 1.25;

/**
 * `lp-app-manifest validate one.json` against a bare `node -e 0`, measured
 * side by side: the two run in turn, pair after pair, and the ratio is taken
 * within each pair, so a machine that speeds up or slows down during the
 * bench moves both sides of a ratio alike. The median ratio is the figure.
 * The CLI is run as package.json's "bin" names it (dist/cli.cjs), as a
 * user's shell runs it. (Timing `node dist/cli.cjs validate x.json` and
 * `node -e 0` in turn with any whole-process timer measures the same from
 * outside.)
 */
export function measureCliColdStart(pairs = 31): { readonly ratio: number; readonly cliMs: number; readonly nodeMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-bench-'));
  try {
    const file = join(dir, 'manifest.json');
    writeFileSync(file, `${JSON.stringify({ client_name: 'Acme', description: 'A cold-start bench manifest' }, null, 2)}\n`);
    const cli = [fileURLToPath(new URL(`../${CLI_BIN}`, import.meta.url)), 'validate', file];
    const bare = ['-e', '0'];
    spawnNode(cli); // the first spawn of each pays for the file cache
    spawnNode(bare);
    const ratios: number[] = [];
    const cliMs: number[] = [];
    const nodeMs: number[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const a = spawnNode(cli).wallMs;
      const b = spawnNode(bare).wallMs;
      ratios.push(a / b);
      cliMs.push(a);
      nodeMs.push(b);
    }
    return { ratio: median(ratios), cliMs: median(cliMs), nodeMs: median(nodeMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchColdStart(runs = 15): Row[] {
  const ms = measureColdStart(runs);
  const cli = measureCliColdStart(2 * runs + 1);
  const group = 'cold start';
  return [
    {
      group,
      measure: `lp-app-manifest validate one.json / node -e "0" (median of ${2 * runs + 1} pairs)`,
      result: `${cli.ratio.toFixed(2)}×  (${formatMs(cli.cliMs)} vs ${formatMs(cli.nodeMs)})`,
      target: `≤ ${CLI_TARGET_RATIO}×`,
      met: cli.ratio <= CLI_TARGET_RATIO,
    },
    { group, measure: `node -e "0" (median of ${runs})`, result: formatMs(ms.empty.wallMs) },
    {
      group,
      measure: `node -e "import('lp-app-manifest')", minus that`,
      result: `${formatMs(ms.esm.wallMs - ms.empty.wallMs)}  (${formatMs(ms.esm.wallMs)} in all)`,
    },
    {
      group,
      measure: `node -e "require('lp-app-manifest')", minus that`,
      result: `${formatMs(ms.cjs.wallMs - ms.empty.wallMs)}  (${formatMs(ms.cjs.wallMs)} in all)`,
    },
    { group, measure: 'import (ESM), timed inside the process', result: formatMs(ms.timedEsm.printedMs) },
    { group, measure: 'require (CJS), timed inside the process', result: formatMs(ms.timedCjs.printedMs) },
  ];
}
