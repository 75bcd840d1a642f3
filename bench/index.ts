/**
 * The benchmarks, as one table: `npm run bench` (builds first), or
 * `tsx bench/index.ts [validate] [build] [typecheck] [bundle] [cold-start] [deploy] [scale] [web]`
 * for some of them. Figures and targets are printed, never asserted: a
 * benchmark is not a test. (The size budget is: scripts/check-size.ts.)
 *
 * BENCH_BUDGET_MS sets the time each side of a throughput comparison runs
 * (default 1000); BENCH_TSC_ROUNDS how often each type-check fixture is
 * checked (default 3, the median is taken); BENCH_SCALE_MB the sizes of the
 * hostile files (default 10,40) and BENCH_SCALE_BEFORE a built checkout to
 * run beside this one (see scale.ts).
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { benchBuild } from './build.js';
import { benchBundleSize } from './bundle-size.js';
import { benchColdStart } from './cold-start.js';
import { benchDeployRequests } from './deploy-requests.js';
import { benchScale } from './scale.js';
import type { Row } from './measure.js';
import { benchTypecheck } from './typecheck.js';
import { benchValidateVsAjv } from './validate-vs-ajv.js';
import { benchWeb } from './web.js';

const budgetMs = Number(process.env['BENCH_BUDGET_MS'] ?? 1000);
const tscRounds = Number(process.env['BENCH_TSC_ROUNDS'] ?? 3);

const BENCHES = {
  validate: () => benchValidateVsAjv(budgetMs),
  build: () => benchBuild(budgetMs),
  typecheck: () => benchTypecheck(tscRounds),
  bundle: () => benchBundleSize(),
  'cold-start': () => benchColdStart(15),
  deploy: () => benchDeployRequests(),
  scale: () => benchScale(),
  web: () => benchWeb(),
} satisfies Record<string, () => Row[] | Promise<Row[]>>;
type BenchName = keyof typeof BENCHES;

const isBenchName = (name: string): name is BenchName => Object.hasOwn(BENCHES, name);

function table(rows: readonly Row[]): string {
  const header = ['', 'measure', 'result', 'target', 'met'];
  const cells = rows.map((row, i) => [
    i === 0 || rows[i - 1]!.group !== row.group ? row.group : '',
    row.measure,
    row.result,
    row.target ?? '',
    row.met === undefined ? '' : row.met ? '✔' : '✖',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: readonly string[]): string =>
    cell
      .map((text, column) => text.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  const body: string[] = [];
  cells.forEach((cell, i) => {
    if (i > 0 && cell[0] !== '') body.push(rule);
    body.push(line(cell));
  });
  return [line(header), rule, ...body].join('\n');
}

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !isBenchName(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const selected = requested.length > 0 ? requested.filter(isBenchName) : (Object.keys(BENCHES) as BenchName[]);

const rows: Row[] = [];
for (const name of selected) {
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await BENCHES[name]()));
}

const cores = availableParallelism();
const load = loadavg().map((average) => average.toFixed(2));
console.log(
  `\nlp-app-manifest benchmarks — Node ${process.version}, ${cores} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${load.join(' ')}`,
);
if (loadavg()[0]! > cores) {
  console.log('(the machine was busy: absolute times are unreliable; same-process ratios, counts and bytes still hold)');
}
console.log(`\n${table(rows)}`);
const targets = rows.filter((row) => row.met !== undefined);
if (targets.length > 0) {
  console.log(`\n${targets.filter((row) => row.met).length} of ${targets.length} targets met (printed, not enforced).`);
}
