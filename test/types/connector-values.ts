/**
 * The connector profile's fixed values are written once, in the rules tables
 * (`TOP_LEVEL_FIELDS.grant_types.connectorMustInclude`, `….scope.connectorExactly`,
 * `ENGAGEMENT_FIELDS.<field>.connectorExactly`), and every type that states one
 * is derived from there. Each check below sets a published type beside the
 * table's value: a type that writes a value by hand again, or a table whose
 * value is widened (to `string`, `boolean`, or optional), fails
 * `npm run typecheck` (this file is compiled by `tsc -p test/tsconfig.json`).
 * The exact words of the two compile-time messages are pinned, against the
 * built package, in test-d/connector-values.test-d.ts.
 */
import type {
  ConnectorEngagementSettings,
  ConnectorGrantTypesMessage,
  ConnectorScopeMessage,
  ManifestBuilder,
} from '../../src/builder/types.js';
import type { ENGAGEMENT_FIELDS, TOP_LEVEL_FIELDS } from '../../src/rules/tables.js';
import type { CONNECTOR_TEMPLATE } from '../../src/rules/template.js';
import type { ConnectorEngagementData, ConnectorManifest, GrantType } from '../../src/types/manifest.js';
import type { ManifestTypeError } from '../../src/types/type-error.js';

/** `true` when the two types are identical (not merely assignable both ways), else both, to read in the error. */
type Same<TType, TTable> =
  (<T>() => T extends TType ? 1 : 2) extends <T>() => T extends TTable ? 1 : 2
    ? true
    : { readonly type: TType; readonly table: TTable };

/** `true` when a table value is one literal (a string, a boolean, or a tuple of string literals), not a wide type. */
type Narrow<TValue> = [undefined] extends [TValue]
  ? false
  : [TValue] extends [string]
    ? string extends TValue
      ? false
      : true
    : [TValue] extends [boolean]
      ? boolean extends TValue
        ? false
        : true
      : [TValue] extends [readonly string[]]
        ? number extends TValue['length']
          ? false
          : string extends TValue[number]
            ? false
            : true
        : false;

type Fields = typeof TOP_LEVEL_FIELDS;
type Engagement = typeof ENGAGEMENT_FIELDS;

type TableGrant = Fields['grant_types']['connectorMustInclude'];
type TableScope = Fields['scope']['connectorExactly'];
type TableDesignEngagement = Engagement['design_engagement']['connectorExactly'];
type TableDesignWindow = Engagement['design_window']['connectorExactly'];
type TableConsumerIdentity = Engagement['consumer_identity']['connectorExactly'];

// ---- the table's values are literals: the derived types are as strict as the hand-written ones were ----

export const grantIsNarrow: Narrow<TableGrant> = true;
export const scopeIsNarrow: Narrow<TableScope> = true;
export const designEngagementIsNarrow: Narrow<TableDesignEngagement> = true;
export const designWindowIsNarrow: Narrow<TableDesignWindow> = true;
export const consumerIdentityIsNarrow: Narrow<TableConsumerIdentity> = true;

// ---- the manifest's connector types (JSON names) ----

type Engaged = ConnectorEngagementData;

export const manifestScope: Same<ConnectorManifest['scope'], TableScope> = true;
export const dataDesignEngagement: Same<Engaged['design_engagement'], TableDesignEngagement> = true;
export const dataDesignWindow: Same<Engaged['design_window'], TableDesignWindow> = true;
export const dataConsumerIdentity: Same<Engaged['consumer_identity'], TableConsumerIdentity> = true;
// The manifest read back from a connector builder carries the same engagement type.
export const builtEngagement: Same<NonNullable<NonNullable<ConnectorManifest['capabilities']>['engagement']>, Engaged> = true;

// ---- the builder's connector settings (camelCase names, read from the table's `option`) ----

type Settings = ConnectorEngagementSettings;
type Option<TField extends keyof Engagement> = Engagement[TField]['option'];

export const settingsDesignEngagement: Same<Settings[Option<'design_engagement'>], TableDesignEngagement> = true;
export const settingsDesignWindow: Same<Settings[Option<'design_window'>], TableDesignWindow> = true;
export const settingsConsumerIdentity: Same<Settings[Option<'consumer_identity'>], TableConsumerIdentity> = true;

// ---- the compile-time messages name the table's values ----

export const scopeMessage: Same<ConnectorScopeMessage, `a connector's scope is exactly "${TableScope}"`> = true;
export const grantMessage: Same<ConnectorGrantTypesMessage, `a connector needs grantTypes(...) to include "${TableGrant}"`> =
  true;

// ---- the builder's connector arguments ----

type ConnectorScopeArguments = Parameters<ManifestBuilder<'connector'>['scope']>;
export const scopeArguments: Same<ConnectorScopeArguments, [TableScope] | [ManifestTypeError<ConnectorScopeMessage>]> = true;

/** Never called: compiled only. A connector's `grantTypes(...)` takes the table's grant type, and nothing without it. */
export function grantArguments(
  builder: ManifestBuilder<'connector'>,
  required: TableGrant,
  others: Exclude<GrantType, TableGrant>,
): void {
  builder.grantTypes(required);
  builder.grantTypes(others, required);
  // @ts-expect-error -- without the table's grant type: ManifestTypeError<ConnectorGrantTypesMessage>
  builder.grantTypes(others);
}

// ---- what ManifestBuilder.connector() starts from (src/rules/template.ts writes the values out) ----

type Template = typeof CONNECTOR_TEMPLATE;
type TemplateEngagement = Template['capabilities']['engagement'];

export const templateScope: Same<Template['scope'], TableScope> = true;
export const templateGrant: Same<Extract<Template['grant_types'][number], TableGrant>, TableGrant> = true;
export const templateDesignEngagement: Same<TemplateEngagement['design_engagement'], TableDesignEngagement> = true;
export const templateDesignWindow: Same<TemplateEngagement['design_window'], TableDesignWindow> = true;
export const templateConsumerIdentity: Same<TemplateEngagement['consumer_identity'], TableConsumerIdentity> = true;
