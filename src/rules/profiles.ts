/**
 * What tells a Connector API app's manifest from another's, read from the
 * connector profile's own rules in the tree.
 */
import { TOP_LEVEL_FIELDS } from './tables.js';

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
