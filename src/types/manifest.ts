import type {
  CONSUMER_IDENTITIES,
  ENTRY_POINTS,
  GOALS,
  GRANT_TYPES,
  MAX_RETRIES_VALUES,
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

/**
 * A webhook's `max_retries`: an integer from 0 to 5.
 *
 * @example
 * ```ts
 * const retries: MaxRetries = 3;
 * ```
 */
export type MaxRetries = (typeof MAX_RETRIES_VALUES)[number];

/** A list with at least one item. */
type NonEmpty<TItem> = readonly [TItem, ...TItem[]];

/**
 * One HTTP header LivePerson adds to a webhook request.
 *
 * @example
 * ```ts
 * const header: WebhookHeaderData = { header_name: 'X-Acme-Token', header_value: token };
 * ```
 */
export interface WebhookHeaderData {
  readonly header_name: string;
  readonly header_value: string;
}

/**
 * One webhook subscription, as it appears in the manifest JSON.
 *
 * @example
 * ```ts
 * const webhook: WebhookData = { endpoint: 'https://hooks.acme.com/lp', max_retries: 3 };
 * ```
 */
export interface WebhookData {
  readonly endpoint: string;
  readonly max_retries?: MaxRetries;
  readonly headers?: readonly WebhookHeaderData[];
}

/**
 * `capabilities.webhooks` as it appears in the manifest JSON.
 *
 * @example
 * ```ts
 * const webhooks: WebhooksData = { 'cqm.ExConversationChangeNotification': { endpoint: 'https://hooks.acme.com/lp' } };
 * ```
 */
export type WebhooksData = { readonly [TEvent in WebhookEvent]?: WebhookData } & {
  readonly retry?: { readonly retention_time: number };
};

/**
 * `capabilities.engagement` as it appears in the manifest JSON.
 *
 * @example
 * ```ts
 * const engagement: EngagementData | undefined = manifest.capabilities?.engagement;
 * ```
 */
export interface EngagementData {
  readonly design_engagement: boolean;
  readonly design_window: boolean;
  readonly entry_point: NonEmpty<EntryPoint>;
  readonly visitor_behavior: readonly VisitorBehavior[];
  readonly target_audience: readonly TargetAudience[];
  readonly goal: readonly Goal[];
  readonly consumer_identity: NonEmpty<ConsumerIdentity>;
  readonly language_selection: boolean;
}

/**
 * `capabilities.engagement` as the connector profile allows it.
 *
 * @example
 * ```ts
 * const engagement: ConnectorEngagementData | undefined = connectorManifest.capabilities?.engagement;
 * ```
 */
export interface ConnectorEngagementData extends EngagementData {
  readonly design_engagement: false;
  readonly design_window: false;
  readonly consumer_identity: readonly ['auth'];
}

/**
 * A valid LivePerson Application Install Manifest (general profile): plain,
 * deep-frozen JSON data, as returned by `build()` and `validateManifest()`.
 * Every property at every level is read-only.
 *
 * @example
 * ```ts
 * const manifest: Manifest = ManifestBuilder.general().clientName('My App').build();
 * console.log(JSON.stringify(manifest, null, 2));
 * ```
 */
export interface Manifest {
  readonly client_name: string;
  /** A localized client name (RFC 7591 §2.2), e.g. `"client_name#fr-FR"`. */
  readonly [localizedName: `client_name#${string}`]: string;
  readonly description?: string;
  readonly grant_types?: readonly GrantType[];
  readonly response_types?: readonly ResponseType[];
  readonly redirect_uris?: readonly string[];
  readonly scope?: string;
  readonly logo_uri?: string;
  readonly enabled?: boolean;
  readonly display_name?: string;
  readonly quick_launch_enabled?: boolean;
  readonly entry_uri?: string;
  readonly capabilities?: {
    readonly webhooks?: WebhooksData;
    readonly engagement?: EngagementData;
  };
}

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
export interface ConnectorManifest extends Manifest {
  readonly grant_types: readonly GrantType[];
  readonly scope: 'msg.consumer';
  readonly capabilities?: {
    readonly webhooks?: WebhooksData;
    readonly engagement?: ConnectorEngagementData;
  };
}

/**
 * The manifest type for a profile.
 *
 * @example
 * ```ts
 * type M = ManifestFor<'connector'>; // ConnectorManifest
 * ```
 */
export type ManifestFor<TProfile extends Profile> = TProfile extends 'connector' ? ConnectorManifest : Manifest;
