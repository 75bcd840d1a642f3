/**
 * An issue as data, and how one is made: its code, severity, place,
 * parameters (frozen) and message (worded from them).
 */
import { WARNING_CODES, type IssueCode, type IssueParams } from './codes.js';
import { MESSAGES } from './messages.js';
import { formatPath } from './paths.js';

/**
 * One problem found in a manifest: a union discriminated by `code`, so that
 * checking the code narrows `params` to that code's {@link IssueParams}.
 * Plain data, deep-frozen; never holds a header value or another secret.
 *
 * @example
 * ```ts
 * import { validateManifest } from 'lp-app-manifest';
 *
 * const result = validateManifest({ client_name: 'x'.repeat(300) });
 * if (!result.ok) {
 *   for (const issue of result.issues) {
 *     console.log(`${issue.path}: ${issue.message} [${issue.code}]`);
 *     // client_name: must be at most 128 characters in the general profile (got 300) [too_long]
 *     if (issue.code === 'too_long') console.log(issue.params.max, issue.params.actual); // 128 300
 *   }
 * }
 * ```
 */
export type ValidationIssue<TCode extends IssueCode = IssueCode> = {
  readonly [TEach in TCode]: Issue<TEach, IssueParams[TEach]>;
}[TCode];

/** The issue of one code (see {@link ValidationIssue}): the shape the command line's own issues share. */
export interface Issue<TCode extends string, TParams> {
  /** Stable, machine-readable code, e.g. `url_not_https`. */
  readonly code: TCode;
  /** `error` fails validation; `warning` is valid but probably a mistake. */
  readonly severity: 'error' | 'warning';
  /** Where the issue is, e.g. `capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint`; `''` is the whole manifest. */
  readonly path: string;
  /** The same place as a list of keys and array indexes. */
  readonly segments: readonly (string | number)[];
  /** The data of the issue, by code (see {@link IssueParams}): what `message` is worded from. Never a header value. */
  readonly params: TParams;
  /** What is wrong and how to fix it, for a person, in English ({@link MESSAGES}). Never contains a header value. */
  readonly message: string;
}

/** The parameters of every code that has none: one frozen empty object, shared. */
export const NO_PARAMS: Record<string, never> = /* @__PURE__ */ Object.freeze({});

const severityOf = (code: IssueCode): 'error' | 'warning' => (WARNING_CODES.has(code) ? 'warning' : 'error');

/**
 * Makes an issue at a place given as its path and its frozen segments (the validator keeps both
 * for the places it reports at), from parameters made for it (frozen here).
 */
export function createIssue<TCode extends IssueCode>(
  path: string,
  segments: readonly (string | number)[],
  code: TCode,
  params: IssueParams[TCode],
): ValidationIssue<TCode> {
  return Object.freeze({
    code,
    severity: severityOf(code),
    path,
    segments,
    params: params === NO_PARAMS ? params : freezeParams(params),
    message: (MESSAGES[code] as (params: IssueParams[TCode]) => string)(params),
  } as Issue<TCode, IssueParams[TCode]>) as ValidationIssue<TCode>;
}

/**
 * Freezes parameters the validator has just made, with what they hold (a list, a position): at
 * most two levels.
 */
function freezeParams<TParams>(params: TParams): TParams {
  for (const key in params) {
    const value: unknown = params[key];
    // An unset optional parameter is left out, as JSON would (`{ key }`, not `{ key, suggestion: undefined }`).
    if (value === undefined) delete params[key];
    else if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) Object.freeze(value);
  }
  return Object.freeze(params);
}

/** Freezes a fresh, acyclic value and everything in it; returns it. */
export function deepFreeze<TValue>(value: TValue): TValue {
  if (typeof value === 'object' && value !== null) {
    for (const entry of Object.values(value)) deepFreeze(entry);
    Object.freeze(value);
  }
  return value;
}

/** A copy of parameters given from outside, as plain data: own keys, lists and objects copied, `undefined` left out. */
function copyParams(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyParams);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = copyParams(entry);
  return out;
}

/**
 * Makes an issue of any code table from segments, a code, its parameters (copied and deep-frozen:
 * the caller's objects are neither frozen nor shared), its severity and its wording: the
 * library's issues outside the walk, and the command line's about the files it reads.
 */
export function makeIssueWith<TCode extends string, TParams>(
  segments: readonly (string | number)[],
  code: TCode,
  params: TParams,
  severity: 'error' | 'warning',
  word: (params: TParams) => string,
): Issue<TCode, TParams> {
  const frozen = deepFreeze(copyParams(params)) as TParams;
  return Object.freeze({
    code,
    severity,
    path: formatPath(segments),
    segments: Object.freeze([...segments]),
    params: frozen,
    message: word(frozen),
  });
}

/** Makes a library issue from a path, a code and its parameters (copied), worded by {@link MESSAGES}. */
export const makeIssue = <TCode extends IssueCode>(
  segments: readonly (string | number)[],
  code: TCode,
  params: IssueParams[TCode],
): ValidationIssue<TCode> =>
  makeIssueWith(
    segments,
    code,
    params,
    severityOf(code),
    MESSAGES[code] as (params: IssueParams[TCode]) => string,
  ) as ValidationIssue<TCode>;
