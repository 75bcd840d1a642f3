/**
 * lp-app-manifest: LivePerson Application Install Manifests as typed code.
 *
 * @packageDocumentation
 */
export { ManifestBuilder } from './builder/types.js';
export type {
  AnyManifestBuilder,
  BuildOptions,
  ValidateBuilderOptions,
  ManifestBuilderInterface,
  ConnectorEngagementSettings,
  ConnectorGrantTypesMessage,
  ConnectorScopeMessage,
  FramingHeaderMessage,
  EngagementSettings,
  EngagementSettingsFor,
  LogoUriInput,
  ManifestBuilderFactory,
  MaxRetriesMessage,
  MisspelledEventMessage,
  MissingClientNameMessage,
  UncheckedUrlMessage,
  UnknownEventMessage,
  WebhookOptions,
} from './builder/types.js';
export { httpsUrl, isHttpsUrl } from './https-url.js';
export {
  JSON_SCHEMA_EDITOR_KEYWORDS,
  manifestJsonSchema,
  type JsonSchemaValue,
  type ManifestJsonSchema,
} from './schema/json-schema.js';
export {
  CONSUMER_IDENTITIES,
  ENTRY_POINTS,
  FAAS_SCOPE_PREFIX,
  FRAMING_HEADER_NAMES,
  GOALS,
  GRANT_TYPES,
  LOOPBACK_REDIRECT_HOSTS,
  PROFILES,
  RESPONSE_TYPES,
  SCOPES,
  SERVER_ASSIGNED_KEYS,
  TARGET_AUDIENCES,
  VISITOR_BEHAVIORS,
  WEBHOOK_EVENTS,
} from './rules/tables.js';
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
  ProfileOf,
  ProfileOption,
  ResponseType,
  ResponseTypeInput,
  Scope,
  TargetAudience,
  VisitorBehavior,
  WebhookData,
  WebhookEvent,
  WebhookHeaderData,
  WebhooksData,
} from './types/manifest.js';
export type { ManifestTypeError } from './types/type-error.js';
export { formatIssue, ManifestValidationError, type IssueMessages } from './validation/error.js';
export { ISSUE_CODES, MESSAGES } from './validation/messages.js';
export type { ExpectedType, HeaderNameProblem, IssueCode, IssueParams, UrlHostProblem, UrlUse } from './validation/codes.js';
export type { LeftoverOrigin } from './rules/template.js';
export type { ValidationIssue } from './validation/issue.js';
export { isHttpToken } from './validation/checks.js';
export type { ReceivedType } from './validation/read.js';
export { validateManifest, type IssueCounts, type ValidateOptions, type ValidationResult } from './validation/validate.js';
export {
  listPlaceholders,
  validateTemplate,
  type PlaceholderUse,
  type TemplateVariables,
  type ValidateTemplateOptions,
} from './template/resolve.js';
export { env, type EnvReference } from './template/env.js';
export { escapeTemplateText } from './template/placeholders.js';
