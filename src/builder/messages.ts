/**
 * The builder's own words for three issues, written once: each constant is the
 * runtime text, and its type is the compile-time error of the same mistake
 * (`MissingClientNameMessage`, `ConnectorGrantTypesMessage`,
 * `ConnectorScopeMessage` in `types.ts` are `typeof` these). A builder used
 * from untyped code, or past a cast, reports the mistake in the same words as
 * the compiler would have (ArkType's idea).
 */
import type { FieldSpec } from '../rules/nodes.js';
import { ENGAGEMENT_FIELDS, RETRY_KEY, TOP_LEVEL_FIELDS, WEBHOOK } from '../rules/tables.js';
import { closest } from '../validation/checks.js';
import type { IssueCode, IssueParams } from '../validation/codes.js';
import type { ValidationIssue } from '../validation/issue.js';
import { MESSAGES } from '../validation/messages.js';
import type { IssueMessages } from '../validation/error.js';

/** `build()` before `clientName(...)`. */
export const MISSING_CLIENT_NAME = 'build() needs clientName(...) first';

/** A connector's `grantTypes(...)` without the grant type the rules require. */
export const CONNECTOR_GRANT_TYPES = /* @__PURE__ */ (() =>
  `a connector needs grantTypes(...) to include "${TOP_LEVEL_FIELDS.grant_types.connectorMustInclude}"` as const)();

/** A connector's `scope(...)` with anything but the scope the rules require. */
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
 * mistakes above in the builder's words, and an unknown key that came from an option the builder
 * does not take as that option; every other issue as the validator words it. The
 * issues themselves keep the validator's `message`.
 */
export const BUILDER_MESSAGES: IssueMessages = /* @__PURE__ */ (() => ({
  required: inBuilderTerms('required', { client_name: MISSING_CLIENT_NAME }),
  connector_required_value: inBuilderTerms('connector_required_value', {
    grant_types: CONNECTOR_GRANT_TYPES,
    scope: CONNECTOR_SCOPE,
  }),
  unknown_key: (params: IssueParams['unknown_key'], issue: ValidationIssue) => {
    const options = optionsAt(issue.segments);
    return options === undefined
      ? MESSAGES.unknown_key(params)
      : `unknown option "${params.key}" of ${options.call}${didYouMean(closest(params.key, options.names))}`;
  },
}))();

/**
 * The builder options an object of the manifest is made from, where it is one (a webhook's
 * options, the engagement settings), with their names from the rules tree: an unknown key there
 * came from an option the builder does not take, and is worded as such, with the option it
 * most likely means (`maxRetry` → `maxRetries`, where the validator would say `max_retries`).
 */
function optionsAt(
  segments: readonly (string | number)[],
): { readonly call: string; readonly names: readonly string[] } | undefined {
  if (segments.length === 4 && segments[0] === 'capabilities' && segments[1] === 'webhooks' && segments[2] !== RETRY_KEY)
    return { call: 'webhook(event, endpoint, options)', names: optionNames(WEBHOOK.fields) };
  if (segments.length === 3 && segments[0] === 'capabilities' && segments[1] === 'engagement')
    return { call: 'engagement(...)', names: optionNames(ENGAGEMENT_FIELDS) };
  return undefined;
}

const optionNames = (fields: { readonly [key: string]: FieldSpec }): string[] =>
  Object.values(fields).flatMap((field) => (field.option === undefined ? [] : [field.option]));

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
