/**
 * Fills the `${{ NAME }}` placeholders of a manifest template from a set of
 * variables, then validates the result where each value lands. An issue in a
 * value that came from a variable says so (`… (from LP_CONTENT_URL)`); a
 * variable that is unset, or empty where a value is needed, is an issue of its
 * own at its path. Every issue is reported at once, beside every other.
 */
import { stringKindOf } from '../rules/nodes.js';
import { nodeAt } from '../rules/places.js';
import { hideQuoted, quotesWritten, secretVariables } from '../rules/secrets.js';
import type { Profile } from '../types/manifest.js';
import type { IssueCode, IssueParams } from '../validation/codes.js';
import { deepFreeze, makeIssue, NO_PARAMS, type ValidationIssue } from '../validation/issue.js';
import { formatPath } from '../validation/paths.js';
import {
  DEFAULT_MAX_ISSUES,
  failure,
  readOptions,
  runValidation,
  type ValidateOptions,
  type ValidationResult,
} from '../validation/validate.js';
import { mayHoldPlaceholder, parseTemplate, type ParsedTemplate } from './placeholders.js';

/**
 * Variables by name, as `process.env` holds them: what placeholders are filled from.
 *
 * @example
 * ```ts
 * import type { TemplateVariables } from 'lp-app-manifest';
 *
 * const production: TemplateVariables = { LP_HOST: 'hooks.acme.com', LP_WEBHOOK_TOKEN: process.env.LP_WEBHOOK_TOKEN };
 * ```
 */
export type TemplateVariables = Readonly<Record<string, string | undefined>>;

/** One string of the template that holds placeholders. */
export interface PlaceholderSite {
  /** Where the string is, as keys and array indexes. */
  readonly segments: readonly (string | number)[];
  /** The variables it names, in order of first use. */
  readonly variables: readonly string[];
  /** Whether every variable it names was set (and not empty where a value is needed). */
  readonly resolved: boolean;
  /** The string as written in the template. */
  readonly template: string;
}

interface Resolution {
  readonly value: unknown;
  readonly sites: PlaceholderSite[];
  /** The template's own issues (placeholders unset or malformed), the first `maxIssues` of them. */
  readonly issues: ValidationIssue[];
  /** How many more of each code there were. */
  readonly omitted: Map<IssueCode, number>;
  /** The value of each variable named, as read once (`undefined`: not a string, or not set). */
  readonly values: ReadonlyMap<string, string | undefined>;
  /** Set when a read threw (the pass stopped there): the one issue. */
  readonly unreadable?: ValidationIssue | undefined;
}

/**
 * Stand-ins for a placeholder that stays unresolved: values every field that
 * takes a deployment value accepts, so the rest of the manifest can be checked.
 * A URL field that starts with a placeholder gets a whole https origin.
 */
const STAND_IN = 'stand-in';
const STAND_IN_ORIGIN = 'https://stand-in.example';

/**
 * Where the pass is: a key or index and the place it is in (`null`: the template itself). One
 * small node per step, turned into segments only for a string that holds a placeholder: a
 * copied array per node made deep input cost its depth at every node.
 */
type Place = { readonly up: Place; readonly key: string | number; readonly depth: number } | null;

function segmentsOf(place: Place): (string | number)[] {
  const segments = new Array<string | number>(place === null ? 0 : place.depth);
  for (let at = place; at !== null; at = at.up) segments[at.depth - 1] = at.key;
  return segments;
}

const MAX_DEPTH = 256;

function fill(
  template: ParsedTemplate,
  lookup: (name: string) => string | undefined,
  missing: (name: string) => boolean,
  urlField: boolean,
): string {
  let out = '';
  for (const part of template.parts) {
    if ('text' in part) out += part.text;
    else if (missing(part.variable)) out += urlField && out === '' ? STAND_IN_ORIGIN : STAND_IN;
    else out += lookup(part.variable) ?? '';
  }
  return out;
}

/**
 * Copies JSON data, filling each placeholder from `variables`. Reads only own
 * enumerable data of plain objects and arrays, so that anything else is left
 * for the validator, which reports it. A container in which nothing is filled
 * is passed on as it is, not copied. Never throws: a read that throws (a
 * getter, a proxy, in the template or in `variables`) is one `unreadable_value`
 * issue where the pass was reading, and the pass stops there.
 */
function resolveValue(input: unknown, variables: TemplateVariables, maxIssues = Number.POSITIVE_INFINITY): Resolution {
  const sites: PlaceholderSite[] = [];
  const issues: ValidationIssue[] = [];
  const omitted = new Map<IssueCode, number>();
  const seen = new Set<object>();
  let reading: Place = null;
  /** Each variable's value, read once: an own string property only (`${{ constructor }}` reads nothing inherited). */
  const values = new Map<string, string | undefined>();
  const lookup = (name: string): string | undefined => {
    if (!values.has(name)) {
      const value: unknown = Object.hasOwn(variables, name) ? variables[name] : undefined;
      values.set(name, typeof value === 'string' ? value : undefined);
    }
    return values.get(name);
  };
  const report = <TCode extends IssueCode>(place: Place, code: TCode, params: IssueParams[TCode]): void => {
    if (issues.length < maxIssues) issues.push(makeIssue(segmentsOf(place), code, params) as ValidationIssue);
    else omitted.set(code, (omitted.get(code) ?? 0) + 1);
  };

  const visitString = (value: string, place: Place): string => {
    if (!mayHoldPlaceholder(value)) return value;
    const template = parseTemplate(value);
    if (template.malformed) report(place, 'malformed_placeholder', {});
    const segments = Object.freeze(segmentsOf(place));
    // What the tree says of the field it lands in: a URL gets a whole origin as stand-in; only some may be empty.
    const node = nodeAt(segments);
    const kind = node === undefined ? 'value' : stringKindOf(node);
    const urlField = kind === 'url';
    if (template.variables.length === 0) {
      sites.push(Object.freeze({ segments, variables: Object.freeze([]), resolved: true, template: value }));
      return fill(template, lookup, () => false, urlField);
    }
    const emptyAllowed = kind === 'may-be-empty';
    const unset = (name: string): boolean => {
      const current = lookup(name);
      return current === undefined || (current === '' && !emptyAllowed);
    };
    let resolved = true;
    for (const name of template.variables) {
      if (!unset(name)) continue;
      resolved = false;
      report(place, 'unresolved_placeholder', { variable: name, empty: lookup(name) === '' });
    }
    sites.push(Object.freeze({ segments, variables: Object.freeze([...template.variables]), resolved, template: value }));
    return fill(template, lookup, unset, urlField);
  };

  const visit = (value: unknown, place: Place): unknown => {
    if (typeof value === 'string') return visitString(value, place);
    if (typeof value !== 'object' || value === null || (place?.depth ?? 0) > MAX_DEPTH || seen.has(value)) return value;
    const depth = (place?.depth ?? 0) + 1;
    reading = place;
    // No catch here: a read that throws ends the pass (below). `finally` takes the value off the path.
    try {
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return value;
        seen.add(value);
        let copy: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
          // A hole stays one (never read: it would read through to Array.prototype).
          if (!Object.hasOwn(value, i)) {
            if (copy !== undefined) copy.length = i + 1;
            continue;
          }
          const child = { up: place, key: i, depth };
          reading = child;
          const item: unknown = value[i];
          const filled = visit(item, child);
          reading = place;
          if (copy === undefined && filled !== item) copy = value.slice(0, i);
          copy?.push(filled);
        }
        return copy ?? value;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return value;
      seen.add(value);
      let copy: Record<string, unknown> | undefined;
      let done = 0;
      // for…in with an own-key check, as the validator reads: no list of keys, no descriptor per key.
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const child = { up: place, key, depth };
        reading = child;
        const item: unknown = (value as Record<string, unknown>)[key];
        const filled = visit(item, child);
        reading = place;
        if (copy === undefined && filled !== item) {
          copy = {};
          let copied = 0;
          for (const earlier in value) {
            if (copied === done) break;
            if (!Object.hasOwn(value, earlier)) continue;
            define(copy, earlier, (value as Record<string, unknown>)[earlier]);
            copied++;
          }
        }
        if (copy !== undefined) define(copy, key, filled);
        done++;
      }
      // Unchanged, the validator then reads the caller's own value, as validateManifest would.
      return copy ?? value;
    } finally {
      seen.delete(value);
    }
  };

  let value: unknown;
  let unreadable: ValidationIssue | undefined;
  try {
    value = visit(input, null);
  } catch {
    unreadable = makeIssue(segmentsOf(reading), 'unreadable_value', NO_PARAMS) as ValidationIssue;
  }
  return { value, sites, issues, omitted, values, unreadable };
}

/** Sets a key as data (`__proto__` included: defined, never assigned, so no prototype changes). */
const define = (object: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * Options for {@link validateTemplate}.
 *
 * @example
 * ```ts
 * import type { ValidateTemplateOptions } from 'lp-app-manifest';
 *
 * const options: ValidateTemplateOptions<'connector'> = { profile: 'connector', env: process.env, allowUnresolved: true };
 * ```
 */
export interface ValidateTemplateOptions<TProfile extends Profile = Profile> {
  /** The rule set to check against; `general` if not given. */
  readonly profile?: TProfile | undefined;
  /** The variables placeholders are filled from, e.g. `process.env`. */
  readonly env: TemplateVariables;
  /**
   * Report unresolved placeholders as warnings instead of errors, and check
   * everything that does not depend on them: a value that holds an unresolved
   * placeholder stands for a value that would pass.
   */
  readonly allowUnresolved?: boolean | undefined;
  /** The most issues listed, and the most warnings, as {@link validateManifest} takes it (1,000 if not given). */
  readonly maxIssues?: number | undefined;
  /** Top-level keys the rules do not know that pass through, unchecked, with a warning each, as {@link ValidateOptions.allowKeys}. */
  readonly allowKeys?: readonly string[] | undefined;
}

/**
 * The site of each issue, if it is at one: a site is a string, so an issue in it is at its very
 * path. One pass over the sites (there may be a great many) for the few issues listed.
 */
function sitesOf(issues: readonly ValidationIssue[], sites: readonly PlaceholderSite[]): Map<ValidationIssue, PlaceholderSite> {
  // Keyed by the last two segments (`["headers",0,"header_value"]` of one webhook differs from another's only
  // further up: a few sites share a key, and the comparison below tells them apart).
  const keyOf = (segments: readonly (string | number)[]): string => JSON.stringify(segments.slice(-2));
  const byKey = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const key = keyOf(issue.segments);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [issue]);
    else list.push(issue);
  }
  const found = new Map<ValidationIssue, PlaceholderSite>();
  for (const site of sites) {
    for (const issue of byKey.get(keyOf(site.segments)) ?? []) {
      if (issue.segments.length === site.segments.length && issue.segments.every((segment, i) => segment === site.segments[i]))
        found.set(issue, site);
    }
  }
  return found;
}

/**
 * Fills the `${{ NAME }}` placeholders of a manifest template from `env` and
 * validates the result, as {@link validateManifest} does. An issue in a value
 * that came from a variable ends with `(from NAME)`; an unset variable (or an
 * empty one, except in `description`) is an `unresolved_placeholder` issue at
 * its path; a `${{` that starts no placeholder is `malformed_placeholder`.
 * Header values are never shown, wherever they came from. Never throws.
 *
 * Placeholders are written `${{ NAME }}` (spaces optional, `NAME` is
 * `[A-Za-z_][A-Za-z0-9_]*`), as a whole string value or inside one; `$${{`
 * writes a literal `${{`.
 *
 * @example
 * ```ts
 * import { validateTemplate } from 'lp-app-manifest';
 *
 * const template = {
 *   client_name: 'Acme',
 *   capabilities: { webhooks: { 'ms.MessagingEventNotification.ContentEvent': { endpoint: 'https://${{ LP_HOST }}/lp/content' } } },
 * };
 * const result = validateTemplate(template, { env: { LP_HOST: 'hooks.acme.com' } });
 * if (result.ok) console.log(result.manifest.capabilities?.webhooks?.['ms.MessagingEventNotification.ContentEvent']?.endpoint);
 * // https://hooks.acme.com/lp/content
 * ```
 */
export function validateTemplate<TProfile extends Profile = 'general'>(
  template: unknown,
  options: ValidateTemplateOptions<TProfile>,
): ValidationResult<TProfile> {
  // Untyped JavaScript may pass no options or no env: then no variable is set.
  const read = readOptions(options, TEMPLATE_OPTIONS);
  if ('code' in read) return failure(read);
  const { profile, env = {}, allowUnresolved, maxIssues, allowKeys } = read;
  return checkTemplate(template, {
    profile: profile as TProfile,
    env: env as TemplateVariables,
    allowUnresolved,
    maxIssues,
    allowKeys,
  }).result;
}

/** The options of {@link validateTemplate} and their types. */
const TEMPLATE_OPTIONS = {
  profile: 'profile',
  env: 'object',
  allowUnresolved: 'boolean',
  maxIssues: 'positive_integer',
  allowKeys: 'key_list',
} as const satisfies Record<keyof ValidateTemplateOptions, unknown>;

/** The first `max` of a list, the rest counted by code into `omitted`. */
function cut(list: readonly ValidationIssue[], max: number, omitted: Map<IssueCode, number>): ValidationIssue[] {
  for (const issue of list.slice(max)) omitted.set(issue.code, (omitted.get(issue.code) ?? 0) + 1);
  return list.slice(0, max);
}

/** {@link validateTemplate}, and the strings of the template that held placeholders or escapes. */
export function checkTemplate<TProfile extends Profile>(
  template: unknown,
  {
    profile,
    env,
    allowUnresolved = false,
    maxIssues = DEFAULT_MAX_ISSUES,
    allowKeys = [],
  }: ValidateTemplateOptions<TProfile> & { profile: TProfile },
): { readonly result: ValidationResult<TProfile>; readonly sites: readonly PlaceholderSite[] } {
  const resolution = resolveValue(template, env, maxIssues);
  const sites = resolution.sites;
  if (resolution.unreadable !== undefined) return { result: failure(resolution.unreadable), sites };
  const validated = runValidation(resolution.value, profile, maxIssues, allowKeys);
  if (sites.length === 0 && resolution.issues.length === 0) return { result: validated, sites };

  const validatedIssues = validated.ok ? [] : validated.issues;
  const siteAt = sitesOf([...resolution.issues, ...validatedIssues, ...validated.warnings], sites);
  // Where a placeholder stays unresolved, the value is unknown: what the validator says of its stand-in does not
  // count, unless the text around the placeholder decides it (`http://`, a fragment): such an issue is reported
  // as itself, its stand-in (if it quotes it) shown as the placeholder.
  const kept = new Map<ValidationIssue, ValidationIssue>();
  const keptIssues = new Set<ValidationIssue>();
  const unresolvedSiteOf = (issue: ValidationIssue): PlaceholderSite | undefined => {
    const site = siteAt.get(issue);
    if (site?.resolved !== false) return undefined;
    const shown = decidedByText(issue, site, env);
    if (shown === undefined) return site;
    kept.set(issue, shown);
    keptIssues.add(shown);
    return undefined;
  };
  const keptAs = (issue: ValidationIssue): ValidationIssue => kept.get(issue) ?? issue;
  // Any other stand-in that fails means the field takes only values known in advance (scope, enum lists,
  // numbers): its variable cannot stay unset, whatever else is wrong, and its placeholder is an error after all.
  const needed = new Set(validatedIssues.map(unresolvedSiteOf).filter((site) => site !== undefined));
  const isNeeded = (issue: ValidationIssue): boolean => needed.has(siteAt.get(issue)!);

  // Values of variables that land in a secret place (a header value) are secrets: never shown, wherever else they land.
  const secret = secretVariables(sites);
  const anySecret = [...secret].some((name) => (resolution.values.get(name) ?? '') !== '');
  const atSecretSite = (issue: ValidationIssue): boolean =>
    siteAt.get(issue)?.variables.some((name) => secret.has(name)) === true;
  const annotate = (issue: ValidationIssue): ValidationIssue => {
    const placeholderIssue = issue.code === 'unresolved_placeholder' || issue.code === 'malformed_placeholder';
    const hidden = !anySecret || placeholderIssue || !atSecretSite(issue) ? issue : hideSecretValue(issue);
    if (placeholderIssue) return hidden;
    const site = siteAt.get(issue);
    // An issue kept at an unresolved site is the text's around the placeholder, not the variable's.
    if (site === undefined || site.variables.length === 0 || keptIssues.has(issue)) return hidden;
    return Object.freeze({ ...hidden, message: `${hidden.message} (from ${site.variables.join(', ')})` });
  };
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  for (const issue of resolution.issues) {
    if (allowUnresolved && issue.code === 'unresolved_placeholder' && !isNeeded(issue)) {
      warnings.push(Object.freeze({ ...issue, severity: 'warning' as const }));
    } else issues.push(issue);
  }
  for (const issue of validatedIssues) if (unresolvedSiteOf(issue) === undefined) issues.push(keptAs(issue));
  for (const warning of validated.warnings) if (unresolvedSiteOf(warning) === undefined) warnings.push(keptAs(warning));
  // Issues past the cap: the template's own and the validator's, counted by code; then those cut from the merged lists.
  const omitted = new Map(resolution.omitted);
  for (const [code, count] of Object.entries(validated.omitted ?? {}) as [IssueCode, number][])
    omitted.set(code, (omitted.get(code) ?? 0) + count);
  const [first, ...rest] = cut(once(issues.map(annotate)), maxIssues, omitted);
  const frozenWarnings = Object.freeze(cut(once(warnings.map(annotate)), maxIssues, omitted));
  const counted = omitted.size === 0 ? {} : { omitted: Object.freeze(Object.fromEntries(omitted)) };
  if (first !== undefined) {
    return {
      result: Object.freeze({
        ok: false,
        issues: Object.freeze<[ValidationIssue, ...ValidationIssue[]]>([first, ...rest]),
        warnings: frozenWarnings,
        ...counted,
      }),
      sites,
    };
  }
  if (!validated.ok) {
    // Unreachable: every failing stand-in made its placeholder an error above. Report the validator's issues.
    return {
      result: Object.freeze({ ...validated, issues: Object.freeze(validated.issues.map(annotate)) as typeof validated.issues }),
      sites,
    };
  }
  const unresolvedSites = sites.filter((site) => !site.resolved);
  const manifest = unresolvedSites.length === 0 ? validated.manifest : withStrings(validated.manifest, unresolvedSites);
  return {
    result: Object.freeze({ ok: true, manifest: manifest as typeof validated.manifest, warnings: frozenWarnings, ...counted }),
    sites,
  };
}

/** The written text of a template string, read as placeholders are read ({@link parseTemplate}): before its first placeholder, and all of it. */
const writtenText = (template: string): { readonly before: string; readonly all: string } => {
  const { parts } = parseTemplate(template);
  const first = parts[0];
  return {
    before: first !== undefined && 'text' in first ? first.text : '',
    all: parts.map((part) => ('text' in part ? part.text : '')).join(''),
  };
};

/**
 * The faults of a URL that its written text alone decides, whatever a placeholder in it will hold:
 * a scheme written out before any placeholder (`http://${{ HOST }}/lp` is never https), a `#`
 * (whatever comes before it, a fragment stays one), white space (no value removes it). Any other
 * fault found with the stand-ins may be theirs (`183.${{ N }}5.254` is an IPv4 address for some
 * values): the variable is then needed to tell.
 */
const DECIDED_BY_TEXT: Partial<Record<IssueCode, (template: string) => boolean>> = {
  url_not_https: (template) => writtenText(template).before.includes('://'),
  url_scheme_repeated: (template) => writtenText(template).before.includes('://'),
  endpoint_has_fragment: (template) => writtenText(template).all.includes('#'),
  redirect_uri_has_fragment: (template) => writtenText(template).all.includes('#'),
  url_has_whitespace: (template) => /\s/.test(writtenText(template).all),
};

/**
 * For a template with unresolved placeholders: the issue at an unresolved site as it holds whatever
 * its variables will be, a fault the written text decides ({@link DECIDED_BY_TEXT}); `undefined`
 * for any other. Where its data quotes the stand-in (`requested: "https://stand-in/lp"`), the site's
 * one unset placeholder stands in its place, worded anew (at a site of several, it is not kept).
 */
function decidedByText(issue: ValidationIssue, site: PlaceholderSite, env: TemplateVariables): ValidationIssue | undefined {
  if (DECIDED_BY_TEXT[issue.code]?.(site.template) !== true) return undefined;
  const data = JSON.stringify(issue.params);
  if (!data.includes(STAND_IN)) return issue;
  const unset = site.variables.filter((name) => !isSet(env, name));
  // An origin holds the stand-in's text: replaced first.
  const shown = `\${{ ${unset[0]} }}`;
  return unset.length !== 1 || data.includes(`"${STAND_IN}"`) || data.includes(`"${STAND_IN_ORIGIN}"`)
    ? undefined
    : (makeIssue(
        issue.segments,
        issue.code,
        JSON.parse(data.replaceAll(STAND_IN_ORIGIN, shown).replaceAll(STAND_IN, shown)) as IssueParams[typeof issue.code],
      ) as ValidationIssue);
}

/** Whether a variable is set to a string (an empty one aside: a site where it is unset was not resolved). */
const isSet = (env: TemplateVariables, name: string): boolean =>
  Object.hasOwn(env, name) && typeof env[name] === 'string' && env[name] !== '';

/**
 * The issues without repeats: once a secret value is hidden, the issues about its parts (three
 * unknown scope values, say) read the same, at the same place, and one says it.
 */
function once(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}\u0000${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An issue about a value that came (at least in part) from a variable also
 * used in a header value, which is a secret: whatever the issue would quote of
 * the value (the value, a part of it, where in it the problem is, a suggestion
 * made from it) is hidden, and the message says which rule, not what broke it.
 */
function hideSecretValue(issue: ValidationIssue): ValidationIssue {
  // A message is made from its params alone: one whose params quote nothing of the value (a control character in
  // a header value, padding) says what is wrong as it is.
  if (!quotesWritten(issue.params)) return issue;
  const params = hideQuoted(issue.params) as typeof issue.params;
  const message =
    'is not valid here; the value is not shown, since it comes from a variable also used in a header value (a secret)';
  return Object.freeze({ ...issue, message, params }) as ValidationIssue;
}

/**
 * A deep-frozen copy of a canonical manifest with the string at each site
 * replaced by the site's template text (the placeholders as written).
 */
export function withStrings(manifest: unknown, sites: readonly PlaceholderSite[]): unknown {
  const copy = structuredClone(manifest) as Record<string, unknown>;
  for (const site of sites) {
    let parent: unknown = copy;
    for (const segment of site.segments.slice(0, -1))
      parent = (parent as Record<string | number, unknown> | undefined)?.[segment];
    const last = site.segments[site.segments.length - 1];
    if (
      parent !== null &&
      typeof parent === 'object' &&
      last !== undefined &&
      typeof (parent as Record<string | number, unknown>)[last] === 'string'
    ) {
      (parent as Record<string | number, unknown>)[last] = site.template;
    }
  }
  return deepFreeze(copy);
}

/**
 * One placeholder-holding string of a template, as {@link listPlaceholders} reports it.
 *
 * @example
 * ```ts
 * import { listPlaceholders, type PlaceholderUse } from 'lp-app-manifest';
 *
 * const secrets: PlaceholderUse[] = listPlaceholders({ client_name: '${{ LP_APP_NAME }}' }).filter((use) => use.path.endsWith('header_value'));
 * ```
 */
export interface PlaceholderUse {
  /** Where it is, e.g. `capabilities.webhooks["…"].headers[0].header_value`. */
  readonly path: string;
  /** The same place as keys and array indexes. */
  readonly segments: readonly (string | number)[];
  /** The variables it names, in order of first use. */
  readonly variables: readonly string[];
}

/**
 * Every string of a manifest template that names a variable, with where it
 * is: what a template needs from the environment. Never throws.
 *
 * @example
 * ```ts
 * import { listPlaceholders } from 'lp-app-manifest';
 *
 * const uses = listPlaceholders({ client_name: '${{ LP_APP_NAME }}', description: 'plain' });
 * // [{ path: 'client_name', segments: ['client_name'], variables: ['LP_APP_NAME'] }]
 * ```
 */
export function listPlaceholders(template: unknown): readonly PlaceholderUse[] {
  return Object.freeze(
    resolveValue(template, {}, 0)
      .sites.filter((site) => site.variables.length > 0)
      .map((site) => Object.freeze({ path: formatPath(site.segments), segments: site.segments, variables: site.variables })),
  );
}
