/**
 * What the builder costs the type checker, from `tsc --extendedDiagnostics`
 * on generated fixtures (in .tmp/bench-tc/, one folder and tsconfig each):
 *
 * - 50 manifests written with the builder, and the same 50 (what the
 *   builder returns, printed) written as object literals typed `Manifest`;
 *   each minus a file that only imports the package, divided by 50;
 * - chains of 10 calls against chains of 200 calls, the same number of calls
 *   in all, so that the cost per call can be compared: it should stay flat,
 *   and no chain may hit "Type instantiation is excessively deep" (TS2589).
 *
 * Instantiation and type counts are exact; check time is noisy (2 cores), so
 * every fixture is checked ROUNDS times, in turn, and the median is taken.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ManifestBuilder, WEBHOOK_EVENTS as EVENTS, type Profile } from 'lp-app-manifest';
import { formatNumber, formatRatio, median, type Row } from './measure.js';

const GROUP = 'type-check';
const ROOT = new URL('../.tmp/bench-tc/', import.meta.url);
const TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const MANIFESTS = 50;
const SHORT_CHAIN = 10;
const LONG_CHAIN = 200;
/** Calls in each chain fixture: 100 chains of 10, or 5 chains of 200. */
const CHAIN_CALLS = 1000;

const COMPILER_OPTIONS = {
  strict: true,
  target: 'ES2022',
  lib: ['ES2022'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  types: [],
  skipLibCheck: false,
  noEmit: true,
};

const IMPORT = `import { ManifestBuilder, type Manifest } from 'lp-app-manifest';\n`;

// ---- the fixtures ----

/** One builder call: its source text, and the same call made at run time (to print the literal). */
interface Call {
  readonly source: string;
  readonly apply: (builder: AnyBuilder) => AnyBuilder;
}

/** The builder with its type state erased, for replaying calls at run time. */
type AnyBuilder = Record<string, (...args: unknown[]) => AnyBuilder> & { build(): unknown };

const call = (method: string, ...args: unknown[]): Call => ({
  source: `.${method}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`,
  apply: (builder) => builder[method]!(...args),
});

const ENTRY_POINT_URL: Call = {
  source: `.engagement((current) => ({ ...current, entryPoint: ['url'] }))`,
  apply: (builder) => builder['engagement']!((current: Record<string, unknown>) => ({ ...current, entryPoint: ['url'] })),
};

/** The calls of manifest `i`: a realistic mix, different for each manifest. */
function manifestCalls(i: number, profile: Profile): Call[] {
  const calls = [call('clientName', `App ${i}`), call('description', `Manifest number ${i}`)];
  if (i % 2 === 0) calls.push(call('localizedClientName', 'fr-FR', `Appli ${i}`));
  if (profile === 'general') {
    calls.push(
      call('grantTypes', 'authorization_code', 'refresh_token'),
      call('responseTypes', 'code'),
      call('redirectUris', `https://app${i}.example.com/oauth/callback`),
      call('scope', 'msg.consumer'),
    );
  } else if (i % 5 === 2) {
    calls.push(ENTRY_POINT_URL);
  }
  const events = EVENTS.filter((_, k) => (i + k) % 3 !== 0);
  events.forEach((event, k) => {
    const endpoint = `https://hooks${i}.example.com/lp/${k}`;
    if (k % 3 === 0) calls.push(call('webhook', event, endpoint, { maxRetries: (i + k) % 6 }));
    else if (k % 3 === 1) calls.push(call('webhook', event, endpoint, { headers: { 'X-Acme-Token': `token-${i}` } }));
    else calls.push(call('webhook', event, endpoint));
  });
  if (i % 4 === 1) calls.push(call('retryRetention', 3600));
  return calls;
}

const factory = (profile: Profile): string => `ManifestBuilder.${profile}()`;

function builderFixture(): string {
  let text = IMPORT;
  for (let i = 0; i < MANIFESTS; i++) {
    const profile: Profile = i % 3 === 0 ? 'general' : 'connector';
    const chain = manifestCalls(i, profile)
      .map((c) => `\n  ${c.source}`)
      .join('');
    text += `export const m${i} = ${factory(profile)}${chain}\n  .build();\n`;
  }
  return text;
}

function literalFixture(): string {
  let text = IMPORT;
  for (let i = 0; i < MANIFESTS; i++) {
    const profile: Profile = i % 3 === 0 ? 'general' : 'connector';
    let builder = ManifestBuilder[profile]() as unknown as AnyBuilder;
    for (const c of manifestCalls(i, profile)) builder = c.apply(builder);
    text += `export const m${i}: Manifest = ${JSON.stringify(builder.build(), null, 2)};\n`;
  }
  return text;
}

/**
 * Chain `index` of `length` calls after the factory (the first one sets the
 * name), then build(). The call kinds cycle the same way in short and long
 * chains, and every argument is a literal used once in the file, so that both
 * fixtures make the same literal types and differ only in chain length.
 */
function chainSource(length: number, index: number): string {
  const cycle: ((id: number) => Call)[] = [
    (id) => call('description', `step ${id}`),
    (id) => call('webhook', EVENTS[id % EVENTS.length]!, `https://hooks.example.com/${id}`, { maxRetries: id % 6 }),
    (id) => call('localizedClientName', 'fr', `Nom ${id}`),
    () => ENTRY_POINT_URL,
    () => call('grantTypes', 'client_credentials', 'refresh_token'),
    (id) => call('retryRetention', 2 + id),
    (id) => call('displayName', `Display ${id}`),
  ];
  const first = index * length;
  const calls = [call('clientName', `Chain ${index}`)];
  for (let id = first + 1; id < first + length; id++) calls.push(cycle[id % cycle.length]!(id));
  return `${factory('connector')}${calls.map((c) => `\n  ${c.source}`).join('')}\n  .build()`;
}

function chainFixture(length: number): string {
  let text = IMPORT;
  for (let c = 0; c < CHAIN_CALLS / length; c++) text += `export const c${c} = ${chainSource(length, c)};\n`;
  return text;
}

const FIXTURES = {
  empty: 'export {};\n',
  importOnly: `${IMPORT}export {};\n`,
  builders: builderFixture,
  literals: literalFixture,
  shortChains: () => chainFixture(SHORT_CHAIN),
  longChains: () => chainFixture(LONG_CHAIN),
} as const;
type FixtureName = keyof typeof FIXTURES;

// ---- running tsc ----

interface Diagnostics {
  readonly instantiations: number;
  readonly types: number;
  readonly checkMs: number;
  /** `error TS…` lines, if any. */
  readonly errors: readonly string[];
}

function writeFixture(name: FixtureName): string {
  const dir = new URL(`${name}/`, ROOT);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const source = FIXTURES[name];
  writeFileSync(new URL('fixture.ts', dir), typeof source === 'string' ? source : source());
  writeFileSync(
    new URL('tsconfig.json', dir),
    JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: ['fixture.ts'] }, null, 2),
  );
  return fileURLToPath(dir);
}

function runTsc(dir: string): Diagnostics {
  const { stdout, stderr, error } = spawnSync(process.execPath, [TSC, '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
  if (error !== undefined) throw error;
  const output = `${stdout}${stderr}`;
  const read = (label: string): number => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)(s?)\\s*$`, 'm').exec(output);
    if (match === null) throw new Error(`tsc printed no "${label}" for ${dir}:\n${output}`);
    return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  };
  return {
    instantiations: read('Instantiations'),
    types: read('Types'),
    checkMs: read('Check time'),
    errors: output.split('\n').filter((line) => /error TS\d+/.test(line)),
  };
}

/** Each fixture checked `rounds` times, in turn; counts from the first run, check time the median. */
export function measureTypecheck(rounds = 3): Record<FixtureName, Diagnostics> {
  const names = Object.keys(FIXTURES) as FixtureName[];
  const dirs = new Map(names.map((name) => [name, writeFixture(name)]));
  const runs = new Map<FixtureName, Diagnostics[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) runs.get(name)!.push(runTsc(dirs.get(name)!));
  }
  return Object.fromEntries(
    names.map((name) => {
      const all = runs.get(name)!;
      return [name, { ...all[0]!, checkMs: median(all.map((run) => run.checkMs)) }];
    }),
  ) as Record<FixtureName, Diagnostics>;
}

// ---- the rows ----

interface Marginal {
  readonly instantiations: number;
  readonly types: number;
  readonly checkMs: number;
}

const marginal = (d: Diagnostics, base: Diagnostics, per: number): Marginal => ({
  instantiations: (d.instantiations - base.instantiations) / per,
  types: (d.types - base.types) / per,
  checkMs: (d.checkMs - base.checkMs) / per,
});

const describe = (m: Marginal, digits: number): string =>
  `${formatNumber(m.instantiations, digits)} instantiations, ${formatNumber(m.types, digits)} types, ${formatNumber(m.checkMs, 3)} ms check`;

export function benchTypecheck(rounds = 3): Row[] {
  const d = measureTypecheck(rounds);
  const base = d.importOnly;
  const builder = marginal(d.builders, base, MANIFESTS);
  const literal = marginal(d.literals, base, MANIFESTS);
  const short = marginal(d.shortChains, base, CHAIN_CALLS);
  const long = marginal(d.longChains, base, CHAIN_CALLS);
  const instRatio = long.instantiations / Math.max(short.instantiations, 1 / CHAIN_CALLS);
  // Check time per call is too small to divide meaningfully when both are within tsc's 10 ms resolution.
  const timeRatio = long.checkMs / Math.max(short.checkMs, 10 / CHAIN_CALLS);
  const errors = Object.entries(d).flatMap(([name, diag]) => diag.errors.map((line) => `${name}: ${line}`));
  const tooDeep = errors.filter((line) => line.includes('TS2589'));
  const importCost = marginal(d.importOnly, d.empty, 1);

  return [
    {
      group: GROUP,
      measure: 'import-only file, over an empty file',
      result: `${describe(importCost, 0)}  (baseline, subtracted below)`,
    },
    {
      group: GROUP,
      measure: `builder chain, per manifest (${MANIFESTS})`,
      result: describe(builder, 1),
      target: '≤ 100 instantiations per chain',
      met: builder.instantiations <= 100,
    },
    { group: GROUP, measure: `object literal typed Manifest, per manifest (${MANIFESTS})`, result: describe(literal, 1) },
    {
      group: GROUP,
      measure: `per call, chains of ${SHORT_CHAIN} (${CHAIN_CALLS / SHORT_CHAIN} chains)`,
      result: describe(short, 2),
    },
    {
      group: GROUP,
      measure: `per call, chains of ${LONG_CHAIN} (${CHAIN_CALLS / LONG_CHAIN} chains)`,
      result: describe(long, 2),
    },
    {
      group: GROUP,
      measure: `per-call cost, ${LONG_CHAIN}-call vs ${SHORT_CHAIN}-call chains`,
      result: `${formatRatio(instRatio)} instantiations, ${formatRatio(timeRatio)} check time`,
      target: '≤ 2x (flat)',
      met: instRatio <= 2 && timeRatio <= 2,
    },
    {
      group: GROUP,
      measure: "'excessively deep' (TS2589), other errors",
      result:
        errors.length === 0
          ? 'none'
          : `${tooDeep.length} TS2589; ${errors.length - tooDeep.length} other: ${errors.slice(0, 3).join(' | ')}`,
      target: 'no TS2589, no errors',
      met: errors.length === 0,
    },
  ];
}
