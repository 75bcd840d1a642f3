/**
 * Timing helpers shared by the benchmarks. A benchmark here reports figures;
 * it never fails on them (a size budget is the only guard, in scripts/check-size.ts).
 */

/** Something a benchmark prints: one line of the table. */
export interface Row {
  /** Which comparison the figure belongs to, e.g. `validate vs ajv`. */
  readonly group: string;
  /** What was measured. */
  readonly measure: string;
  /** The figure, formatted. */
  readonly result: string;
  /** The target, in words, if the issue sets one. */
  readonly target?: string;
  /** Whether the target is met; absent when there is no target. */
  readonly met?: boolean;
}

/** Keeps results alive (exported, so observable) so that the engine cannot drop the work that made them. */
export let sink: unknown;

/** Nanoseconds since an arbitrary origin. */
const now = (): number => Number(process.hrtime.bigint());

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new RangeError('median of an empty list');
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One case of a throughput comparison: `run` does `opsPerRun` operations. */
export interface ThroughputCase {
  readonly run: () => unknown;
  readonly opsPerRun: number;
}

export interface ThroughputOptions {
  /** Time spent measuring each case, in milliseconds, spread over the rounds. */
  readonly budgetMs?: number;
  /** Time each case runs before measuring starts (JIT warm-up), in milliseconds. */
  readonly warmupMs?: number;
  /** Rounds, taken in turn by every case, so that drift (GC, CPU frequency) hits all of them alike. */
  readonly rounds?: number;
}

/** Runs `run` repeatedly for about `ms` milliseconds; returns operations per second. */
function runFor(testCase: ThroughputCase, ms: number): number {
  const deadline = ms * 1e6;
  let runs = 0;
  const start = now();
  let elapsed = 0;
  // Check the clock every few runs only, so reading it costs little next to the work.
  let batch = 1;
  while (elapsed < deadline) {
    for (let i = 0; i < batch; i++) sink = testCase.run();
    runs += batch;
    elapsed = now() - start;
    if (elapsed < deadline / 100) batch *= 2;
  }
  return (runs * testCase.opsPerRun) / (elapsed / 1e9);
}

/**
 * Operations per second of each case, measured in the same process on the
 * same inputs: every case is warmed up, then the cases take turns for
 * `rounds` rounds, and each reports the median of its rounds.
 */
export function throughput<TName extends string>(
  cases: Readonly<Record<TName, ThroughputCase>>,
  options: ThroughputOptions = {},
): Record<TName, number> {
  const { budgetMs = 1000, warmupMs = 250, rounds = 5 } = options;
  const names = Object.keys(cases) as TName[];
  for (const name of names) runFor(cases[name], warmupMs);
  const samples = new Map<TName, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) samples.get(name)!.push(runFor(cases[name], budgetMs / rounds));
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name)!)])) as Record<TName, number>;
}

/** Wall-clock milliseconds of a synchronous call. */
export function timeMs(run: () => unknown): number {
  const start = now();
  sink = run();
  return (now() - start) / 1e6;
}

// ---- formatting ----

const grouped = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `123,456 ops/s` */
export const formatOps = (opsPerSecond: number): string => `${grouped(opsPerSecond)} ops/s`;

/** `1.23 µs` from nanoseconds. */
export const formatNs = (ns: number): string => (ns >= 1000 ? `${grouped(ns / 1000, 2)} µs` : `${grouped(ns)} ns`);

/** `1.23x` */
export const formatRatio = (ratio: number): string => `${grouped(ratio, 2)}x`;

/** `7,778 B (7.60 KiB)` */
export const formatBytes = (bytes: number): string => `${grouped(bytes)} B (${grouped(bytes / 1024, 2)} KiB)`;

/** `12.3 ms` */
export const formatMs = (ms: number): string => `${grouped(ms, 1)} ms`;

/** Any number with thousands separators and the given decimals. */
export const formatNumber = grouped;
