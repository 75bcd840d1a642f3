/**
 * validateManifest() against ajv's compiled validator for our own JSON Schema,
 * in the same process, on the same corpus (bench/corpus.ts).
 *
 * ajv runs with `allErrors: true`, so that both sides report every issue.
 * The two do not do the same work: validateManifest() also parses URLs,
 * checks language tags and header grammar, writes a canonical copy of the
 * manifest and deep-freezes it. The split at the end says what that costs:
 * the freeze exactly, by timing a copy of the built validator whose final
 * freeze loop is taken out; the copy as an estimate, by copying the outputs
 * on their own (the validator copies as it walks, where each read is made
 * already, so a copy on its own overstates it).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSON_SCHEMA_EDITOR_KEYWORDS, manifestJsonSchema, validateManifest, type Profile } from 'lp-app-manifest';
import { corpus, type CorpusItem } from './corpus.js';
import { formatNs, formatOps, formatRatio, throughput, timeMs, type Row } from './measure.js';

const GROUP = 'validate vs ajv';

/** One validator per profile, compiled from manifestJsonSchema(profile). */
function compileAjv(): { validators: Record<Profile, ValidateFunction>; compileMs: number } {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  ajv.addVocabulary([...JSON_SCHEMA_EDITOR_KEYWORDS]); // VS Code's editor keywords: annotations, no checks
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

/** Freezes JSON data, every object and array of it (the copy made by {@link deepCopy}). */
function deepFreeze<TValue>(value: TValue): TValue {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/** The validator's last step: freezing every container of the canonical copy it built. */
const FREEZE_LOOP = /for \(const container of walk\.made\)\s*Object\.freeze\(container\);/;

/**
 * validateManifest() from a copy of the built package with its freeze loop
 * taken out, or `undefined` if the loop is not found (the split then says so).
 */
async function validatorWithoutFreeze(): Promise<typeof validateManifest | undefined> {
  const entry = createRequire(import.meta.url)
    .resolve('lp-app-manifest')
    .replace(/\.cjs$/, '.js');
  const source = readFileSync(entry, 'utf8');
  if (!FREEZE_LOOP.test(source) || /^import /m.test(source)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'lp-bench-'));
  try {
    const file = join(dir, 'index.js');
    writeFileSync(file, source.replace(FREEZE_LOOP, ''));
    return ((await import(pathToFileURL(file).href)) as { validateManifest: typeof validateManifest }).validateManifest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ratioRow = (measure: string, ours: number, ajv: number): Row => ({
  group: GROUP,
  measure,
  result: `${formatRatio(ours / ajv)}  (ours ${formatOps(ours)}, ajv ${formatOps(ajv)})`,
  target: 'ratio ≥ 1.00',
  met: ours / ajv >= 1,
});

export async function benchValidateVsAjv(budgetMs = 1000): Promise<Row[]> {
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

  const ourRun =
    (list: readonly CorpusItem[], validate: typeof validateManifest = validateManifest) =>
    () => {
      let ok = 0;
      for (const item of list) if (validate(item.value, { profile: item.profile }).ok) ok++;
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
  const all = throughput(
    { ours: { run: ourRun(mixed), opsPerRun: mixed.length }, ajv: { run: ajvRun(mixed), opsPerRun: mixed.length } },
    budget,
  );
  const ok = throughput(
    { ours: { run: ourRun(valid), opsPerRun: valid.length }, ajv: { run: ajvRun(valid), opsPerRun: valid.length } },
    budget,
  );
  const bad = throughput(
    { ours: { run: ourRun(invalid), opsPerRun: invalid.length }, ajv: { run: ajvRun(invalid), opsPerRun: invalid.length } },
    budget,
  );
  // What validateManifest() returns besides the verdict, made the plain way after ajv: a deep copy, deep-frozen.
  const ajvThenCopy = (list: readonly CorpusItem[]) => () => {
    let ok = 0;
    for (const item of list) if (validators[item.profile](item.value) && Object.isFrozen(deepFreeze(deepCopy(item.value)))) ok++;
    return ok;
  };
  const sameOutput = throughput(
    { ours: { run: ourRun(valid), opsPerRun: valid.length }, ajv: { run: ajvThenCopy(valid), opsPerRun: valid.length } },
    budget,
  );
  const unfrozen = await validatorWithoutFreeze();
  const split = throughput(
    {
      ours: { run: ourRun(valid), opsPerRun: valid.length },
      unfrozen: { run: unfrozen === undefined ? () => 0 : ourRun(valid, unfrozen), opsPerRun: valid.length },
      copy: { run: () => outputs.map(deepCopy), opsPerRun: outputs.length },
    },
    budget,
  );

  const perValid = 1e9 / split.ours;
  const freezeNs = unfrozen === undefined ? undefined : Math.max(0, perValid - 1e9 / split.unfrozen);
  const copyNs = 1e9 / split.copy;
  const walkNs = Math.max(0, perValid - copyNs - (freezeNs ?? 0));
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
      measure: 'split per valid manifest (ours)',
      result:
        `${formatNs(perValid)} = walk+checks ≈${formatNs(walkNs)} + copy ≈${formatNs(copyNs)} + ` +
        `freeze ${freezeNs === undefined ? 'n/a (freeze loop not found in dist/index.js)' : formatNs(freezeNs)}  (ajv ${formatNs(ajvPerValid)})`,
    },
    {
      group: GROUP,
      measure: 'ratio, valid only, vs ajv + deep copy + deep freeze',
      result: `${formatRatio(sameOutput.ours / sameOutput.ajv)}  (ours ${formatOps(sameOutput.ours)}, ajv + copy + freeze ${formatOps(sameOutput.ajv)})`,
      target: 'info: both return a frozen copy',
    },
    {
      group: GROUP,
      measure: 'ratio, valid only, without the freeze',
      result: unfrozen === undefined ? 'n/a' : formatRatio(ajvPerValid / (perValid - (freezeNs ?? 0))),
      target: 'info: what freezing costs',
    },
  ];
}
