/**
 * validateManifest() against ajv's compiled validator for our own JSON Schema,
 * in the same process, on the same corpus (bench/corpus.ts).
 *
 * ajv runs with `allErrors: true`, so that both sides report every issue.
 * The two do not do the same work: validateManifest() also parses URLs,
 * checks language tags and header grammar, writes a canonical copy of the
 * manifest and deep-freezes it. The split at the end estimates what the copy
 * and the freeze cost, by doing the same copy and freeze to the outputs alone.
 * It is an estimate: the validator copies as it walks, where each read is
 * already made, and a copy done on its own reads everything again, so the
 * copy is overstated and the walk understated.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { manifestJsonSchema, validateManifest, type Profile } from 'lp-app-manifest';
import { corpus, type CorpusItem } from './corpus.js';
import { formatNs, formatOps, formatRatio, throughput, timeMs, type Row } from './measure.js';

const GROUP = 'validate vs ajv';

/** One validator per profile, compiled from manifestJsonSchema(profile). */
function compileAjv(): { validators: Record<Profile, ValidateFunction>; compileMs: number } {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  let validators: Record<Profile, ValidateFunction> | undefined;
  const compileMs = timeMs(() => {
    validators = { general: ajv.compile(manifestJsonSchema('general')), connector: ajv.compile(manifestJsonSchema('connector')) };
  });
  return { validators: validators!, compileMs };
}

/**
 * A copy of JSON data made the way the validator makes its own: arrays read
 * item by item into a new array, objects key by key into a new object.
 */
function deepCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(deepCopy(value[i]));
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = deepCopy((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The same deep freeze the validator applies to its output. */
function deepFreeze<TValue>(value: TValue): TValue {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const ratioRow = (measure: string, ours: number, ajv: number): Row => ({
  group: GROUP,
  measure,
  result: `${formatRatio(ours / ajv)}  (ours ${formatOps(ours)}, ajv ${formatOps(ajv)})`,
  target: 'ratio ≥ 1.00',
  met: ours / ajv >= 1,
});

export function benchValidateVsAjv(budgetMs = 1000): Row[] {
  const { validators, compileMs } = compileAjv();
  const items = corpus();

  // Each input is kept where both sides agree on it, so that each sub-corpus
  // is "valid" or "invalid" for both; disagreements are counted, not timed.
  const valid: CorpusItem[] = [];
  const invalid: CorpusItem[] = [];
  let disagreements = 0;
  for (const item of items) {
    const ours = validateManifest(item.value, { profile: item.profile }).ok;
    const theirs = validators[item.profile](item.value);
    if (ours !== theirs) disagreements++;
    else (ours ? valid : invalid).push(item);
  }
  const mixed = [...valid, ...invalid];

  const ourRun = (list: readonly CorpusItem[]) => () => {
    let ok = 0;
    for (const item of list) if (validateManifest(item.value, { profile: item.profile }).ok) ok++;
    return ok;
  };
  const ajvRun = (list: readonly CorpusItem[]) => () => {
    let ok = 0;
    for (const item of list) if (validators[item.profile](item.value)) ok++;
    return ok;
  };
  const outputs = valid.map((item) => {
    const result = validateManifest(item.value, { profile: item.profile });
    if (!result.ok) throw new Error(`${item.name} became invalid`);
    return result.manifest;
  });

  const budget = { budgetMs };
  const all = throughput({ ours: { run: ourRun(mixed), opsPerRun: mixed.length }, ajv: { run: ajvRun(mixed), opsPerRun: mixed.length } }, budget);
  const ok = throughput({ ours: { run: ourRun(valid), opsPerRun: valid.length }, ajv: { run: ajvRun(valid), opsPerRun: valid.length } }, budget);
  const bad = throughput(
    { ours: { run: ourRun(invalid), opsPerRun: invalid.length }, ajv: { run: ajvRun(invalid), opsPerRun: invalid.length } },
    budget,
  );
  const split = throughput(
    {
      copy: { run: () => outputs.map(deepCopy), opsPerRun: outputs.length },
      copyAndFreeze: { run: () => outputs.map((m) => deepFreeze(deepCopy(m))), opsPerRun: outputs.length },
    },
    budget,
  );

  const perValid = 1e9 / ok.ours;
  const copyNs = 1e9 / split.copy;
  const freezeNs = Math.max(0, 1e9 / split.copyAndFreeze - copyNs);
  const walkNs = Math.max(0, perValid - copyNs - freezeNs);
  const ajvPerValid = 1e9 / ok.ajv;

  return [
    {
      group: GROUP,
      measure: 'corpus',
      result: `${mixed.length} manifests (${valid.length} valid, ${invalid.length} invalid, both profiles); ${disagreements} where ajv and validateManifest disagree left out`,
    },
    { group: GROUP, measure: 'ajv compile (both profiles, once)', result: `${compileMs.toFixed(1)} ms` },
    ratioRow('ratio, whole corpus (ours / ajv)', all.ours, all.ajv),
    ratioRow('ratio, valid only', ok.ours, ok.ajv),
    ratioRow('ratio, invalid only', bad.ours, bad.ajv),
    {
      group: GROUP,
      measure: 'split per valid manifest (ours, estimated)',
      result: `${formatNs(perValid)} = walk+checks ${formatNs(walkNs)} + copy ≈${formatNs(copyNs)} + freeze ≈${formatNs(freezeNs)}  (ajv ${formatNs(ajvPerValid)})`,
    },
    {
      group: GROUP,
      measure: 'ratio, valid only, walk+checks alone (estimated)',
      result: formatRatio(ajvPerValid / walkNs),
      target: 'info: an upper bound (see the split)',
    },
  ];
}
