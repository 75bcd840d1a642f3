/**
 * What tells a Connector API app's manifest from another's, read from the
 * connector profile's own rules in the tree.
 */
import type { Profile } from '../types/manifest.js';
import { EDITOR_SCHEMA_KEY, PROFILES, TOP_LEVEL_FIELDS } from './tables.js';

const CONNECTOR_SCOPE = TOP_LEVEL_FIELDS.scope.connectorExactly;
const CONNECTOR_GRANT = TOP_LEVEL_FIELDS.grant_types.connectorMustInclude;

/**
 * Whether a manifest looks like a Connector API app's: its `scope` holds the
 * value the connector profile requires (`msg.consumer`) and its `grant_types`
 * the grant it requires (`client_credentials`). Such a manifest is meant for
 * the connector rules, which a check without a profile would not apply.
 *
 * @example
 * ```ts
 * import { looksLikeConnector } from './profiles.js';
 *
 * looksLikeConnector({ scope: 'msg.consumer', grant_types: ['client_credentials'] }); // true
 * ```
 */
export function looksLikeConnector(manifest: unknown): boolean {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return false;
  try {
    const { scope, grant_types: grants } = manifest as Readonly<Record<string, unknown>>;
    return (
      typeof scope === 'string' &&
      scope.split(' ').includes(CONNECTOR_SCOPE) &&
      Array.isArray(grants) &&
      grants.includes(CONNECTOR_GRANT)
    );
  } catch {
    return false; // a getter that throws: the validator reports it
  }
}

/**
 * The profile of the shipped schema a manifest's top-level `"$schema"` names,
 * by the file name at the end of its path or URL (`general.schema.json`,
 * `connector.schema.json`); `undefined` for any other value.
 *
 * @example
 * ```ts
 * import { schemaProfile } from './profiles.js';
 *
 * schemaProfile({ $schema: './node_modules/lp-app-manifest/schema/connector.schema.json' }); // 'connector'
 * schemaProfile({ $schema: 'https://json-schema.org/draft/2020-12/schema' }); // undefined
 * ```
 */
export function schemaProfile(manifest: unknown): Profile | undefined {
  let schema: unknown;
  try {
    schema =
      typeof manifest === 'object' && manifest !== null && !Array.isArray(manifest)
        ? (manifest as Readonly<Record<string, unknown>>)[EDITOR_SCHEMA_KEY]
        : undefined;
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
 * Which profile a manifest is checked against: the one asked for (`--profile`, an option) if any,
 * else the one its `"$schema"` names, else `general`. The option wins (it says what this run
 * checks); when `"$schema"` names another, `mismatch` says which (a warning at `"$schema"`).
 *
 * @example
 * ```ts
 * import { profileChoice } from './profiles.js';
 *
 * profileChoice({ $schema: 'connector.schema.json' }, undefined).profile; // 'connector'
 * profileChoice({ $schema: 'connector.schema.json' }, 'general').mismatch; // { schemaProfile: 'connector', profile: 'general' }
 * ```
 */
export function profileChoice(
  manifest: unknown,
  option: (typeof PROFILES)[number] | undefined,
): {
  readonly profile: (typeof PROFILES)[number];
  readonly from: 'option' | 'schema' | 'default';
  readonly mismatch:
    | { readonly schemaProfile: (typeof PROFILES)[number]; readonly profile: (typeof PROFILES)[number] }
    | undefined;
} {
  const fromSchema = schemaProfile(manifest);
  if (option !== undefined) {
    const mismatch =
      fromSchema !== undefined && fromSchema !== option ? { schemaProfile: fromSchema, profile: option } : undefined;
    return { profile: option, from: 'option', mismatch };
  }
  return fromSchema === undefined
    ? { profile: 'general', from: 'default', mismatch: undefined }
    : { profile: fromSchema, from: 'schema', mismatch: undefined };
}
