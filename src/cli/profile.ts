/**
 * Which profile a manifest is checked against: `--profile` if given, else the
 * one its `"$schema"` names (`…/connector.schema.json`), else `general`.
 */
import { PROFILES, type Profile } from '../index.js';
import { isPlainObject } from '../internal.js';
import { looksLikeConnector } from '../rules/profiles.js';
import { fileIssue, type FileIssue } from './file-issues.js';

/** The profile and how it was chosen, and a warning when `--profile` overrides a `"$schema"` that names another. */
export interface ProfileChoice {
  readonly profile: Profile;
  readonly from: 'option' | 'schema' | 'default';
  readonly mismatch: FileIssue | undefined;
}

/**
 * The profile of the shipped schema a manifest's top-level `"$schema"` names,
 * by the file name at the end of its path or URL (`general.schema.json`,
 * `connector.schema.json`); `undefined` for any other value.
 *
 * @example
 * ```ts
 * import { schemaProfile } from './profile.js';
 *
 * schemaProfile({ $schema: './node_modules/lp-app-manifest/schema/connector.schema.json' }); // 'connector'
 * schemaProfile({ $schema: 'https://json-schema.org/draft/2020-12/schema' }); // undefined
 * ```
 */
export function schemaProfile(manifest: unknown): Profile | undefined {
  let schema: unknown;
  try {
    schema = isPlainObject(manifest) ? manifest['$schema'] : undefined;
  } catch {
    return undefined; // a getter that throws: the validator reports it
  }
  if (typeof schema !== 'string') return undefined;
  const name = schema
    .replace(/[?#].*$/s, '')
    .split(/[/\\]/)
    .at(-1);
  return PROFILES.find((profile) => name === `${profile}.schema.json`);
}

/**
 * Chooses the profile. `--profile` wins over `"$schema"`: the command line
 * says what this run checks. When they disagree, the manifest is checked
 * against `--profile` and gets a `schema_profile_mismatch` warning at `$schema`.
 *
 * @example
 * ```ts
 * import { chooseProfile } from './profile.js';
 *
 * chooseProfile({ $schema: 'connector.schema.json' }, undefined).profile; // 'connector'
 * chooseProfile({ $schema: 'connector.schema.json' }, 'general').mismatch?.code; // 'schema_profile_mismatch'
 * ```
 */
export function chooseProfile(manifest: unknown, option: Profile | undefined): ProfileChoice {
  const fromSchema = schemaProfile(manifest);
  if (option !== undefined) {
    const mismatch =
      fromSchema !== undefined && fromSchema !== option
        ? fileIssue(['$schema'], 'schema_profile_mismatch', { schemaProfile: fromSchema, profile: option })
        : undefined;
    return { profile: option, from: 'option', mismatch };
  }
  return fromSchema === undefined
    ? { profile: 'general', from: 'default', mismatch: undefined }
    : { profile: fromSchema, from: 'schema', mismatch: undefined };
}

/**
 * The note for a manifest checked against `general` only because nothing chose a profile, when it
 * looks like a connector ({@link looksLikeConnector}): which profile was used and why, and how to
 * choose the connector rules. `undefined` otherwise.
 *
 * @example
 * ```ts
 * import { chooseProfile, profileNote } from './profile.js';
 *
 * const manifest = { client_name: 'A', scope: 'msg.consumer', grant_types: ['client_credentials'] };
 * profileNote(manifest, chooseProfile(manifest, undefined)); // 'checked against the general profile, the default …'
 * ```
 */
export function profileNote(manifest: unknown, choice: ProfileChoice): string | undefined {
  if (choice.from !== 'default' || !looksLikeConnector(manifest)) return undefined;
  return 'checked against the general profile, the default (no --profile, no "$schema"), but it looks like a Connector API app (scope "msg.consumer", grant "client_credentials"): check it with --profile connector, or add "$schema": ".../connector.schema.json" (as init and build --out write)';
}
