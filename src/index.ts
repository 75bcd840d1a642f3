/**
 * lp-app-manifest: LivePerson Application Install Manifests as typed code.
 *
 * @packageDocumentation
 */
export { ManifestBuilder } from './builder/builder.js';
export type {
  ManifestBuilder as ManifestBuilderInterface,
  ConnectorEngagementSettings,
  ConnectorGrantTypesMessage,
  EngagementSettings,
  EngagementSettingsFor,
  LogoUriInput,
  ManifestBuilderFactory,
  MissingClientNameMessage,
  WebhookOptions,
} from './builder/types.js';
export { httpsUrl, isHttpsUrl } from './https-url.js';
export { manifestJsonSchema, type JsonSchemaValue, type ManifestJsonSchema } from './schema/json-schema.js';
export {
  CONSUMER_IDENTITIES,
  ENTRY_POINTS,
  GOALS,
  GRANT_TYPES,
  PROFILES,
  RESPONSE_TYPES,
  SCOPES,
  TARGET_AUDIENCES,
  VISITOR_BEHAVIORS,
  WEBHOOK_EVENTS,
} from './spec/tables.js';
export type { HttpsUrl, HttpsUrlInput } from './types/https-url.js';
export type {
  ConnectorEngagementData,
  ConnectorManifest,
  ConsumerIdentity,
  EngagementData,
  EntryPoint,
  Goal,
  GrantType,
  Manifest,
  ManifestFor,
  MaxRetries,
  Profile,
  ResponseType,
  Scope,
  TargetAudience,
  VisitorBehavior,
  WebhookData,
  WebhookEvent,
  WebhookHeaderData,
  WebhooksData,
} from './types/manifest.js';
export type { ManifestTypeError } from './types/type-error.js';
export { formatIssue, ManifestValidationError } from './validation/error.js';
export { ISSUE_CODES, type IssueCode, type ValidationIssue } from './validation/issues.js';
export { validateManifest, type ValidateOptions, type ValidationResult } from './validation/validate.js';
