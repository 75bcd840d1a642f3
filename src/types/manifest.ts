import type { ReadonlyDeep } from 'type-fest';
import type {
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
} from '../spec/tables.js';

/**
 * The rule set a manifest is checked against: `general` for any LivePerson
 * application, `connector` for a Connector API app (stricter).
 *
 * @example
 * ```ts
 * const profile: Profile = 'connector';
 * validateManifest(json, { profile });
 * ```
 */
export type Profile = (typeof PROFILES)[number];

/**
 * An OAuth 2.0 grant type.
 *
 * @example
 * ```ts
 * const grant: GrantType = 'client_credentials';
 * ```
 */
export type GrantType = (typeof GRANT_TYPES)[number];

/**
 * An OAuth 2.0 response type.
 *
 * @example
 * ```ts
 * const responseType: ResponseType = 'code';
 * ```
 */
export type ResponseType = (typeof RESPONSE_TYPES)[number];

/**
 * A scope value LivePerson supports.
 *
 * @example
 * ```ts
 * const scope: Scope = 'msg.consumer';
 * ```
 */
export type Scope = (typeof SCOPES)[number];

/**
 * A messaging event a webhook can subscribe to.
 *
 * @example
 * ```ts
 * const event: WebhookEvent = 'cqm.ExConversationChangeNotification';
 * ```
 */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Where an engagement is displayed.
 *
 * @example
 * ```ts
 * const entryPoint: EntryPoint = 'section';
 * ```
 */
export type EntryPoint = (typeof ENTRY_POINTS)[number];

/**
 * A visitor behaviour an engagement can react to.
 *
 * @example
 * ```ts
 * const behavior: VisitorBehavior = 'about_to_abandon';
 * ```
 */
export type VisitorBehavior = (typeof VISITOR_BEHAVIORS)[number];

/**
 * A visitor attribute an engagement can target.
 *
 * @example
 * ```ts
 * const audience: TargetAudience = 'returning_visitors';
 * ```
 */
export type TargetAudience = (typeof TARGET_AUDIENCES)[number];

/**
 * What an engagement aims to achieve.
 *
 * @example
 * ```ts
 * const goal: Goal = 'purchase_total';
 * ```
 */
export type Goal = (typeof GOALS)[number];

/**
 * Whether a consumer must be authenticated.
 *
 * @example
 * ```ts
 * const identity: ConsumerIdentity = 'auth';
 * ```
 */
export type ConsumerIdentity = (typeof CONSUMER_IDENTITIES)[number];

/** A list with at least one item. */
type NonEmpty<TItem> = [TItem, ...TItem[]];

/** One HTTP header LivePerson adds to a webhook request. */
export interface WebhookHeaderData {
  header_name: string;
  header_value: string;
}

/** One webhook subscription, as it appears in the manifest JSON. */
export interface WebhookData {
  endpoint: string;
  max_retries?: 0 | 1 | 2 | 3 | 4 | 5;
  headers?: WebhookHeaderData[];
}

/** `capabilities.webhooks` as it appears in the manifest JSON. */
export type WebhooksData = { [TEvent in WebhookEvent]?: WebhookData } & {
  retry?: { retention_time: number };
};

/** `capabilities.engagement` as it appears in the manifest JSON. */
export interface EngagementData {
  design_engagement: boolean;
  design_window: boolean;
  entry_point: NonEmpty<EntryPoint>;
  visitor_behavior: VisitorBehavior[];
  target_audience: TargetAudience[];
  goal: Goal[];
  consumer_identity: NonEmpty<ConsumerIdentity>;
  language_selection: boolean;
}

/** `capabilities.engagement` as the connector profile allows it. */
export interface ConnectorEngagementData extends EngagementData {
  design_engagement: false;
  design_window: false;
  consumer_identity: ['auth'];
}

/** The manifest JSON for the general profile, before it is made read-only. */
export interface ManifestData {
  client_name: string;
  /** A localized client name (RFC 7591 §2.2), e.g. `"client_name#fr-FR"`. */
  [localizedName: `client_name#${string}`]: string;
  description?: string;
  grant_types?: GrantType[];
  response_types?: ResponseType[];
  redirect_uris?: string[];
  scope?: string;
  logo_uri?: string;
  enabled?: boolean;
  display_name?: string;
  quick_launch_enabled?: boolean;
  entry_uri?: string;
  capabilities?: {
    webhooks?: WebhooksData;
    engagement?: EngagementData;
  };
}

/** The manifest JSON for the connector profile, before it is made read-only. */
export interface ConnectorManifestData extends ManifestData {
  grant_types: GrantType[];
  scope: 'msg.consumer';
  capabilities?: {
    webhooks?: WebhooksData;
    engagement?: ConnectorEngagementData;
  };
}

/**
 * A valid LivePerson Application Install Manifest (general profile): plain,
 * deep-frozen JSON data, as returned by `build()` and `validateManifest()`.
 *
 * @example
 * ```ts
 * const manifest: Manifest = ManifestBuilder.general().clientName('My App').build();
 * console.log(JSON.stringify(manifest, null, 2));
 * ```
 */
export type Manifest = ReadonlyDeep<ManifestData>;

/**
 * A valid manifest for a Connector API app (connector profile): `grant_types`
 * includes `client_credentials`, `scope` is `msg.consumer`, and the engagement
 * block, if any, has the connector's fixed values.
 *
 * @example
 * ```ts
 * const manifest: ConnectorManifest = ManifestBuilder.connector().clientName('Acme').build();
 * manifest.scope; // 'msg.consumer'
 * ```
 */
export type ConnectorManifest = ReadonlyDeep<ConnectorManifestData>;

/**
 * The manifest type for a profile.
 *
 * @example
 * ```ts
 * type M = ManifestFor<'connector'>; // ConnectorManifest
 * ```
 */
export type ManifestFor<TProfile extends Profile> = TProfile extends 'connector' ? ConnectorManifest : Manifest;
