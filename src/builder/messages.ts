/**
 * The builder's own words for three issues, written once: each constant is the
 * runtime text, and its type is the compile-time error of the same mistake
 * (`MissingClientNameMessage`, `ConnectorGrantTypesMessage`,
 * `ConnectorScopeMessage` in `types.ts` are `typeof` these). A builder used
 * from untyped code, or past a cast, reports the mistake in the same words as
 * the compiler would have (ArkType's idea).
 */
import { TOP_LEVEL_FIELDS } from '../spec/tables.js';
import { MESSAGES, type IssueCode, type ValidationIssue } from '../validation/issues.js';
import type { IssueMessages } from '../validation/error.js';

/** `build()` before `clientName(...)`. */
export const MISSING_CLIENT_NAME = 'build() needs clientName(...) first';

/** A connector's `grantTypes(...)` without the grant type the spec requires. */
export const CONNECTOR_GRANT_TYPES = /* @__PURE__ */ (() =>
  `a connector needs grantTypes(...) to include "${TOP_LEVEL_FIELDS.grant_types.connectorMustInclude}"` as const)();

/** A connector's `scope(...)` with anything but the scope the spec requires. */
export const CONNECTOR_SCOPE = /* @__PURE__ */ (() =>
  `a connector's scope is exactly "${TOP_LEVEL_FIELDS.scope.connectorExactly}"` as const)();

const hasOwn = Object.prototype.hasOwnProperty;

/** The builder's word for an issue at a top-level field, where it has one; else the validator's. */
const inBuilderTerms =
  (code: IssueCode, words: Readonly<Record<string, string>>) =>
  (params: unknown, issue: ValidationIssue): string =>
    hasOwn.call(words, issue.path) ? words[issue.path]! : (MESSAGES[code] as (params: unknown) => string)(params);

/**
 * The wording `build()` gives its `ManifestValidationError` (see `formatIssue`): the three
 * mistakes above in the builder's words; every other issue as the validator words it. The
 * issues themselves keep the validator's `message`.
 */
export const BUILDER_MESSAGES: IssueMessages = /* @__PURE__ */ (() => ({
  required: inBuilderTerms('required', { client_name: MISSING_CLIENT_NAME }),
  connector_required_value: inBuilderTerms('connector_required_value', {
    grant_types: CONNECTOR_GRANT_TYPES,
    scope: CONNECTOR_SCOPE,
  }),
}))();
