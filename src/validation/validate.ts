/**
 * The one validator's public side: `validateManifest()`, its result and
 * options. Templates and the builder go through `runValidation` too, which
 * runs the walk (walk.ts) and freezes what it made, and read their options
 * with `readOptions`.
 */
import { EDITOR_SCHEMA_KEY, LOCALIZED_NAME_PREFIX, MANIFEST, PROFILES, SERVER_ASSIGNED_KEYS } from '../rules/tables.js';
import type { ManifestFor, Profile, ProfileOf } from '../types/manifest.js';
import type { IssueCode } from './codes.js';
import { makeIssue, type ValidationIssue } from './issue.js';
import { isShownKey, keyStartOf } from '../rules/secrets.js';
import { closest } from './checks.js';
import { isPlainObject, receivedOf } from './read.js';
import { Walk } from './state.js';
import { walkManifest } from './walk.js';

/**
 * What `validateManifest()` returns: the canonical, deep-frozen manifest, or
 * every issue found. Warnings come back either way.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { validateManifest, type ValidationResult } from 'lp-app-manifest';
 *
 * const json: unknown = JSON.parse(readFileSync('manifest.json', 'utf8'));
 * const result: ValidationResult<'connector'> = validateManifest(json, { profile: 'connector' });
 * if (result.ok) console.log(result.manifest.client_name);
 * else console.error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
 * ```
 */
export type ValidationResult<TProfile extends Profile = Profile> =
  | {
      /** The value is a valid manifest. */
      readonly ok: true;
      /** The manifest in canonical form: deep-frozen, keys and enum values in spec order. */
      readonly manifest: ManifestFor<TProfile>;
      /** Things that are valid but probably a mistake (at most `maxIssues`: see `omitted`). */
      readonly warnings: readonly ValidationIssue[];
      /** Set only when a list was cut at `maxIssues`: the warnings of each code left out (see {@link IssueCounts}). */
      readonly omitted?: IssueCounts;
    }
  | {
      /** The value is not a valid manifest. */
      readonly ok: false;
      /** The problems found (never empty), the first `maxIssues` of them: see `omitted` for the rest. */
      readonly issues: readonly [ValidationIssue, ...ValidationIssue[]];
      /** Things that are valid but probably a mistake, found beside the problems (at most `maxIssues`). */
      readonly warnings: readonly ValidationIssue[];
      /** Set only when a list was cut at `maxIssues`: the issues and warnings of each code left out (see {@link IssueCounts}). */
      readonly omitted?: IssueCounts;
    };

/**
 * How many issues (and warnings) of each code were found beyond `maxIssues`
 * and left out of a result's lists, exactly: a code's listed ones plus these
 * are all it found. A result has it only when a list was cut.
 *
 * @example
 * ```ts
 * import { validateManifest, type IssueCounts } from 'lp-app-manifest';
 *
 * const input: Record<string, unknown> = { client_name: 'Acme' };
 * for (let i = 0; i < 5; i++) input[`extra_${i}`] = i;
 * const result = validateManifest(input, { maxIssues: 2 });
 * const omitted: IssueCounts | undefined = result.omitted; // { unknown_key: 3 }
 * ```
 */
export type IssueCounts = { readonly [TCode in IssueCode]?: number };

/** How many issues, and how many warnings, a result lists unless told otherwise: enough to fix a file by, few enough to keep memory bounded whatever the input. */
export const DEFAULT_MAX_ISSUES = 1000;

/**
 * Options for `validateManifest()`.
 *
 * @example
 * ```ts
 * import type { ValidateOptions } from 'lp-app-manifest';
 *
 * const options: ValidateOptions<'connector'> = { profile: 'connector' };
 * ```
 */
export interface ValidateOptions<TProfile extends Profile = Profile> {
  /** The rule set to check against; `general` if not given (or `undefined`). */
  readonly profile?: TProfile | undefined;
  /**
   * The most issues listed, and the most warnings (a positive integer, or `Infinity` for all);
   * beyond it they are counted in the result's `omitted`. 1,000 if not given.
   */
  readonly maxIssues?: number | undefined;
  /**
   * Top-level keys the rules do not know that pass through anyway, as written (a field LivePerson added after
   * this release, say), each with an `allowed_unknown_key` warning: they are not checked. In the canonical
   * output they come after the known fields, in the order given here. Each entry names one key: an entry that
   * is a field the rules check (`client_name`, a `client_name#…`, `$schema`), a key LivePerson assigns
   * (`client_secret`, `id`, …: `SERVER_ASSIGNED_KEYS`), not a string or not a name, or has `*` (there is no
   * "allow every key") is an `invalid_options` issue. The CLI's `--allow-key KEY` (repeatable) gives it.
   *
   * @example
   * ```ts
   * import { validateManifest } from 'lp-app-manifest';
   *
   * const result = validateManifest({ client_name: 'Acme', categories: ['crm'] }, { allowKeys: ['categories'] });
   * if (result.ok) console.log(result.manifest, result.warnings[0]?.code); // { client_name: 'Acme', categories: ['crm'] } 'allowed_unknown_key'
   * ```
   */
  readonly allowKeys?: readonly string[] | undefined;
}

/** A result that is one issue (with the options, or a value that could not be read). */
export const failure = (issue: ValidationIssue) =>
  Object.freeze({ ok: false as const, issues: Object.freeze([issue] as const), warnings: Object.freeze([]) });

/**
 * Runs the walk (walk.ts) and freezes what it made. Here is the one guard against values no JSON
 * parser makes: a read that throws (a getter, a proxy, a revoked proxy) becomes one
 * `unreadable_value` issue where it was being read, and the walk stops there.
 */
export function runValidation<TProfile extends Profile>(
  input: unknown,
  profile: TProfile,
  maxIssues = DEFAULT_MAX_ISSUES,
  allowKeys: readonly string[] = [],
): ValidationResult<TProfile> {
  const walk = new Walk(profile, maxIssues, allowKeys);
  let manifest: unknown;
  try {
    manifest = walkManifest(walk, input);
  } catch {
    walk.unreadable();
  }
  const warnings = Object.freeze(walk.warnings);
  const omitted = walk.omitted === undefined ? {} : { omitted: Object.freeze(Object.fromEntries(walk.omitted)) };
  const [first, ...rest] = walk.issues;
  if (first !== undefined)
    return Object.freeze({
      ok: false,
      issues: Object.freeze<[ValidationIssue, ...ValidationIssue[]]>([first, ...rest]),
      warnings,
      ...omitted,
    });
  // Our own fresh containers, each frozen once: the manifest is deep-frozen without another walk.
  for (const container of walk.made) Object.freeze(container);
  return Object.freeze({ ok: true, manifest: manifest as ManifestFor<TProfile>, warnings, ...omitted });
}

/** The type an option must have: `positive_integer` takes `Infinity` too, a `profile` is one of {@link PROFILES}. */
type OptionType = 'boolean' | 'object' | 'positive_integer' | 'profile' | 'key_list';

type OptionValue<TType> = TType extends 'boolean'
  ? boolean
  : TType extends 'object'
    ? object
    : TType extends 'profile'
      ? Profile
      : TType extends 'key_list'
        ? readonly string[]
        : number;

/** Options as {@link readOptions} read them: each one given, and the profile (`general` if none is). */
type OptionValues<TTypes> = { readonly [TKey in keyof TTypes]?: OptionValue<TTypes[TKey]> } & { readonly profile: Profile };

/**
 * Reads an options argument from code that may be untyped, once: `undefined`, `null` or a plain
 * object whose own keys are all options `types` names, each of its type (or `undefined`). Gives
 * their values as plain data, or the issue: `invalid_options` (at the root) naming the first
 * unknown option, with the known one it most likely means, or the option of the wrong type;
 * `invalid_profile`. Options whose reading throws (a getter, a proxy, a revoked proxy) are
 * `invalid_options` too: the one guard for options, as {@link runValidation}'s is for the input.
 */
export function readOptions<const TTypes extends Readonly<Record<string, OptionType>>>(
  options: unknown,
  types: TTypes,
): OptionValues<TTypes> | ValidationIssue {
  const known = Object.keys(types);
  try {
    if (options !== undefined && options !== null && !isPlainObject(options))
      return makeIssue([], 'invalid_options', { known, received: receivedOf(options).received });
    const values: Record<string, unknown> = {};
    for (const key of Object.keys(options ?? {})) {
      const expected = Object.hasOwn(types, key) ? types[key] : undefined;
      if (expected === undefined) {
        const suggestion = closest(key, known);
        return makeIssue([], 'invalid_options', {
          option: isShownKey(key) ? key : keyStartOf(key),
          ...(suggestion === undefined ? {} : { suggestion }),
          known,
        });
      }
      const value: unknown = (options as Record<string, unknown>)[key];
      // Each option has its type (or is undefined): `strict: 'true'` is not taken for false in silence.
      if (value !== undefined && expected !== 'profile' && !fitsOption(expected, value))
        return makeIssue([], 'invalid_options', { option: key, expected, received: receivedOf(value).received, known });
      if (expected === 'key_list' && value !== undefined) {
        const issue = allowKeysIssue(value as readonly unknown[], known);
        if (issue !== undefined) return issue;
        values[key] = Object.freeze([...(value as readonly string[])]);
        continue;
      }
      values[key] = value;
    }
    const profile = profileOf(values['profile']);
    return typeof profile === 'string' ? ({ ...values, profile } as OptionValues<TTypes>) : profile;
  } catch {
    return makeIssue([], 'invalid_options', { known, received: 'unreadable' });
  }
}

/**
 * The issue with an `allowKeys` list, if any: each entry names one key the rules do not know and
 * LivePerson does not assign (see {@link ValidateOptions.allowKeys}).
 */
function allowKeysIssue(list: readonly unknown[], known: readonly string[]): ValidationIssue | undefined {
  for (let item = 0; item < list.length; item++) {
    const key = list[item];
    const refuse = (reason: 'known_key' | 'server_assigned_key' | 'not_a_string' | 'not_a_name' | 'wildcard') =>
      makeIssue([], 'invalid_options', {
        option: 'allowKeys',
        reason,
        item,
        ...(typeof key === 'string' && isShownKey(key) ? { key } : {}),
        known,
      });
    if (typeof key !== 'string') return refuse('not_a_string');
    if (key.includes('*')) return refuse('wildcard');
    if (!isShownKey(key) || key.trim() !== key) return refuse('not_a_name');
    if ((SERVER_ASSIGNED_KEYS as readonly string[]).includes(key)) return refuse('server_assigned_key');
    if (Object.hasOwn(MANIFEST.fields, key) || key === EDITOR_SCHEMA_KEY || key.startsWith(LOCALIZED_NAME_PREFIX))
      return refuse('known_key');
  }
  return undefined;
}

const fitsOption = (expected: Exclude<OptionType, 'profile'>, value: unknown): boolean =>
  expected === 'key_list'
    ? Array.isArray(value)
    : expected === 'boolean'
      ? typeof value === 'boolean'
      : expected === 'object'
        ? typeof value === 'object' && value !== null && !Array.isArray(value)
        : typeof value === 'number' && (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value >= 1));

/** The options of {@link validateManifest} and their types. */
const VALIDATE_OPTIONS = { profile: 'profile', maxIssues: 'positive_integer', allowKeys: 'key_list' } as const satisfies Record<
  keyof ValidateOptions,
  unknown
>;

/** The profile an option names (`general` if none), or the issue with it. */
function profileOf(profile: unknown): Profile | ValidationIssue {
  if (profile === undefined) return 'general';
  if ((PROFILES as readonly unknown[]).includes(profile)) return profile as Profile;
  return makeIssue(
    [],
    'invalid_profile',
    typeof profile === 'string' ? { value: profile, received: 'string' } : receivedOf(profile),
  );
}

/**
 * Checks any value against the manifest rules of a profile and returns the
 * canonical manifest (deep-frozen, keys and enum values in spec order) or
 * every issue found. Never throws, whatever the input.
 *
 * @param value - Anything: usually `JSON.parse` of a manifest file.
 * @param options - `{ profile: 'general' | 'connector', maxIssues, allowKeys }`; `general` if not given. Issues past
 *   `maxIssues` (1,000 if not given) are counted in the result's `omitted`, not listed. `allowKeys` names
 *   top-level keys the rules do not know that pass through, unchecked, with a warning each.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { validateManifest } from 'lp-app-manifest';
 *
 * const result = validateManifest(JSON.parse(readFileSync('manifest.json', 'utf8')), { profile: 'connector' });
 * if (!result.ok) {
 *   for (const issue of result.issues) console.error(`${issue.path}: ${issue.message} [${issue.code}]`);
 *   process.exit(1);
 * }
 * for (const warning of result.warnings) console.warn(`warning: ${warning.path}: ${warning.message}`);
 * ```
 */
export function validateManifest<const TOptions extends ValidateOptions | undefined = undefined>(
  value: unknown,
  // `profile` may be `undefined` (then `general`): the result's type is then that of either profile.
  options?: TOptions,
): ValidationResult<ProfileOf<TOptions>> {
  const read = readOptions(options, VALIDATE_OPTIONS);
  if ('code' in read) return failure(read);
  return runValidation(value, read.profile, read.maxIssues, read.allowKeys) as ValidationResult<ProfileOf<TOptions>>;
}
