/**
 * Which profile a manifest is checked against: `--profile` if given, else the
 * one its `"$schema"` names (`…/connector.schema.json`), else `general` (the rule: src/rules/profiles.ts).
 */
import type { Profile } from '../index.js';
import { looksLikeConnector, profileChoice, schemaProfile } from '../rules/profiles.js';
import { fileIssue, type FileIssue } from './file-issues.js';

export { schemaProfile };

/** The profile and how it was chosen, and a warning when `--profile` overrides a `"$schema"` that names another. */
export interface ProfileChoice {
  readonly profile: Profile;
  readonly from: 'option' | 'schema' | 'default';
  readonly mismatch: FileIssue | undefined;
}

/**
 * Chooses the profile ({@link profileChoice}, src/rules/profiles.ts): `--profile` wins over
 * `"$schema"`, since the command line says what this run checks. When they disagree, the manifest
 * is checked against `--profile` and gets a `schema_profile_mismatch` warning at `$schema`.
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
  const { profile, from, mismatch } = profileChoice(manifest, option);
  return {
    profile,
    from,
    mismatch: mismatch === undefined ? undefined : fileIssue(['$schema'], 'schema_profile_mismatch', mismatch),
  };
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
