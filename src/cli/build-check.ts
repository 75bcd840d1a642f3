/**
 * What `build` checks in what it was given, and how: one function for the
 * command (a JSON file, read in its own process) and for the process that
 * runs a user's module (build-runner.ts, where the module's value lives), so
 * both check the same way and say the same words.
 */
import {
  listPlaceholders,
  validateManifest,
  validateTemplate,
  type Profile,
  type TemplateVariables,
  type ValidationResult,
} from '../index.js';
import { describeType, isPlainObject } from '../internal.js';
import { secretVariables } from '../rules/secrets.js';
import type { CliIssue } from './file-issues.js';
import { chooseProfile } from './profile.js';
import { profileName } from './report.js';

/** What a module's default export must be. */
export const EXPECTED = 'export default a ManifestBuilder, a manifest object, or a function returning one';

/** A build that cannot go on: the lines to print on stderr. */
export class BuildFailure extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

/** A builder's `validate()` threw: reported like a module that throws, at its failing line. */
export class ValidateThrew extends Error {}

/** What was checked and against which profile(s). Plain data: the module's process sends it to the command as JSON. */
export interface Checked {
  readonly result: ValidationResult;
  /** The variables whose values landed in a header value (a secret): the output file is then written 0600. */
  readonly secretVariables: readonly string[];
  /** The profile(s) checked against, in words: `connector profile`. */
  readonly profile: string;
  /** The profile the output is written for (its `"$schema"`): the connector's when it was checked against connector rules. */
  readonly schemaProfile: Profile;
  readonly mismatch: CliIssue | undefined;
}

/** The one line the module's process writes to its file descriptor 3: the checked result, or why there is none. */
export type ModuleOutcome =
  | { readonly ok: true; readonly checked: Checked }
  | { readonly ok: false; readonly lines: readonly string[] };

/** What `build` needs from a builder. Recognised by shape: the module may have loaded its own copy of the library. */
interface BuilderLike {
  readonly profile: Profile;
  validate(options?: { readonly env?: TemplateVariables }): ValidationResult;
  toTemplate?: () => unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isBuilderLike(value: unknown): value is BuilderLike {
  return (
    isObject(value) &&
    typeof value['validate'] === 'function' &&
    typeof value['build'] === 'function' &&
    typeof value['profile'] === 'string'
  );
}

type Source =
  | { readonly kind: 'builder'; readonly builder: BuilderLike }
  | { readonly kind: 'object'; readonly manifest: Record<string, unknown> }
  | { readonly kind: 'other'; readonly description: string };

function classify(value: unknown): Source {
  if (isBuilderLike(value)) return { kind: 'builder', builder: value };
  if (isPlainObject(value)) return { kind: 'object', manifest: value };
  return { kind: 'other', description: describeType(value) };
}

/** The variables used in secret places (header values) of a template, a builder's or a JSON file's. */
const secretVariablesOf = (template: unknown): string[] => [...secretVariables(listPlaceholders(template))];

function builderTemplate(builder: BuilderLike): unknown {
  try {
    return builder.toTemplate?.();
  } catch {
    return undefined;
  }
}

/**
 * Validates what a module (or a JSON file, named `name`) gave. A builder knows its profile, and its
 * `validate()` applies it; `--profile`, when it names another profile, is a further requirement on the
 * result (e.g. "this general builder's output must also pass the connector rules"), never a way to skip
 * the builder's own. A manifest object is checked against `--profile`, else the profile its `"$schema"`
 * names, else general. `env` fills `${{ NAME }}` placeholders and `env('NAME')` references. Throws
 * {@link BuildFailure} for a value that is no manifest, {@link ValidateThrew} when a builder's
 * `validate()` throws. (ts-pattern pays here: an exhaustive match over a closed union; only `build`
 * loads it.)
 *
 * @example
 * ```ts
 * import { checkExport } from './build-check.js';
 *
 * const checked = await checkExport('manifest.json', { client_name: 'Acme' }, undefined, {});
 * console.log(checked.result.ok, checked.profile); // true 'general profile'
 * ```
 */
export async function checkExport(
  name: string,
  value: unknown,
  profile: Profile | undefined,
  env: TemplateVariables,
  allowKeys: readonly string[] = [],
): Promise<Checked> {
  const { match } = await import('ts-pattern');
  return match(classify(value))
    .with({ kind: 'builder' }, ({ builder }): Checked => {
      let result: ValidationResult;
      try {
        result = builder.validate({ env });
      } catch (error) {
        throw new ValidateThrew('validate() threw', { cause: error });
      }
      if (!isObject(result) || typeof result.ok !== 'boolean') {
        throw new BuildFailure([`${name}: the builder's validate() returned something unexpected`]);
      }
      const own = profileName(builder.profile);
      const secretVariables = result.ok ? secretVariablesOf(builderTemplate(builder)) : [];
      if (!result.ok || profile === undefined || profile === builder.profile)
        return { result, secretVariables, profile: own, schemaProfile: builder.profile, mismatch: undefined };
      return {
        result: validateManifest(result.manifest, { profile }),
        secretVariables,
        profile: `${builder.profile} and ${profile} profiles`,
        // Checked against both: the output meets the stricter rules, and says so.
        schemaProfile: builder.profile === 'connector' ? builder.profile : profile,
        mismatch: undefined,
      };
    })
    .with({ kind: 'object' }, ({ manifest }): Checked => {
      const choice = chooseProfile(manifest, profile);
      return {
        result: validateTemplate(manifest, { profile: choice.profile, env, allowKeys }),
        secretVariables: secretVariablesOf(manifest),
        profile: `${profileName(choice.profile)}${choice.from === 'schema' ? ', from "$schema"' : ''}`,
        schemaProfile: choice.profile,
        mismatch: choice.mismatch,
      };
    })
    .with({ kind: 'other' }, ({ description }): never => {
      throw new BuildFailure([`${name}: the default export is ${description}; ${EXPECTED}`]);
    })
    .exhaustive();
}
