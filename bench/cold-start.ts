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
  timedCjs: ['-e', "const t = performance.now(); require('lp-app-manifest'); process.stdout.write(String(performance.now() - t));"],
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

export function benchColdStart(runs = 15): Row[] {
  const ms = measureColdStart(runs);
  const group = 'cold start';
  return [
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
