import type {
  CONSUMER_IDENTITIES,
  ENGAGEMENT_FIELDS,
  ENTRY_POINTS,
  FAAS_SCOPE_PREFIX,
  GOALS,
  GRANT_TYPES,
  MAX_RETRIES_VALUES,
  PROFILES,
  RESPONSE_TYPES,
  SCOPES,
  TARGET_AUDIENCES,
  TOP_LEVEL_FIELDS,
  VISITOR_BEHAVIORS,
  WEBHOOK_EVENTS,
} from '../rules/tables.js';

/**
 * The rule set a manifest is checked against: `general` for any LivePerson
 * application, `connector` for a Connector API app (stricter).
 *
 * @example
 * ```ts
 * import { validateManifest, type Profile } from 'lp-app-manifest';
 *
 * const profile: Profile = 'connector';
 * validateManifest({ client_name: 'Acme' }, { profile });
 * ```
 */
export type Profile = (typeof PROFILES)[number];

/**
 * The profile an options argument `{ profile?: … }` selects, as a type: the
 * `profile` given, or `general` where it is not given or `undefined`. A
 * `profile` that may be `undefined` (`flag ? 'connector' : undefined`) selects
 * either, so the result's type is that of either profile.
 *
 * @example
 * ```ts
 * import type { ProfileOf } from 'lp-app-manifest';
 *
 * const given: ProfileOf<{ profile: 'connector' }> = 'connector';
 * const missing: ProfileOf<undefined> = 'general';
 * const either: ProfileOf<{ profile: 'connector' | undefined }> = Math.random() < 0.5 ? 'connector' : 'general';
 * ```
 */
export type ProfileOf<TOptions extends ProfileOption | undefined> = TOptions extends {
  /** The profile given. */
  readonly profile: infer TProfile;
}
  ? ProfileOrGeneral<TProfile>
  : TOptions extends {
        /** The profile, perhaps given. */
        readonly profile?: infer TProfile;
      }
    ? ProfileOrGeneral<TProfile> | 'general'
    : 'general';

/**
 * An options argument that may choose a profile: `{ profile?: 'general' | 'connector' | undefined }`.
 *
 * @example
 * ```ts
 * import type { ProfileOption } from 'lp-app-manifest';
 *
 * const options: ProfileOption = { profile: process.env.CONNECTOR === undefined ? undefined : 'connector' };
 * ```
 */
export interface ProfileOption {
  /** The rule set: `general` (any LivePerson app, the default) or `connector` (stricter). */
  readonly profile?: Profile | undefined;
}

/** A profile, or `general` for `undefined` (one by one, over a union). */
type ProfileOrGeneral<TProfile> = TProfile extends Profile ? TProfile : 'general';

/**
 * An OAuth 2.0 grant type.
 *
 * @example
 * ```ts
 * import type { GrantType } from 'lp-app-manifest';
 *
 * const grant: GrantType = 'client_credentials';
 * ```
 */
export type GrantType = (typeof GRANT_TYPES)[number];

/**
 * An OAuth 2.0 response type, as the output writes it: one spelling per value. A value of
 * several space-separated values may be written in any order (RFC 6749 §3.1.1), so a manifest
 * file's `"token id_token"` is valid, and written `"id_token token"`. This type, the output's,
 * has only that canonical spelling; `responseTypes(...)` takes either ({@link ResponseTypeInput}).
 *
 * @example
 * ```ts
 * import type { ResponseType } from 'lp-app-manifest';
 *
 * const responseType: ResponseType = 'code';
 * const implicit: ResponseType = 'id_token token'; // as the output writes 'token id_token' too
 * ```
 */
export type ResponseType = (typeof RESPONSE_TYPES)[number];

/**
 * What `responseTypes(...)` takes: a {@link ResponseType} with its space-separated values in
 * any order (RFC 6749 §3.1.1), so `'token id_token'` as well as `'id_token token'`. The output
 * writes each as its {@link ResponseType}, and lists a value written both ways once.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type ResponseTypeInput } from 'lp-app-manifest';
 *
 * const implicit: ResponseTypeInput = 'token id_token';
 * const manifest = ManifestBuilder.general().clientName('Acme App').responseTypes(implicit).build();
 * manifest.response_types; // ['id_token token']
 * ```
 */
export type ResponseTypeInput = ResponseType extends infer TValue extends string ? AnyOrder<TValue> : never;

/** Every order of the space-separated values of each of `TValue`: `'id_token token'` → `'id_token token' | 'token id_token'`. */
type AnyOrder<TValue extends string> = TValue extends string ? Orders<SpaceSeparated<TValue>> : never;

/** The space-separated values of `TValue`, as a union. */
type SpaceSeparated<TValue extends string> = TValue extends `${infer THead} ${infer TRest}`
  ? THead | SpaceSeparated<TRest>
  : TValue;

/** Every order of the words `TWords`, joined with single spaces. */
type Orders<TWords extends string, TFirst extends string = TWords> = TFirst extends TWords
  ? [Exclude<TWords, TFirst>] extends [never]
    ? TFirst
    : `${TFirst} ${Orders<Exclude<TWords, TFirst>>}`
  : never;

/**
 * A scope value LivePerson supports: `msg.consumer`, `livedeflect`, or `faas.<name>` for a FaaS
 * function (a name of letters, digits, `.`, `_` and `-`, which the validator checks).
 *
 * @example
 * ```ts
 * import type { Scope } from 'lp-app-manifest';
 *
 * const scope: Scope = 'msg.consumer';
 * ```
 */
export type Scope = (typeof SCOPES)[number] | `${typeof FAAS_SCOPE_PREFIX}${string}`;

/**
 * A messaging event a webhook can subscribe to.
 *
 * @example
 * ```ts
 * import type { WebhookEvent } from 'lp-app-manifest';
 *
 * const event: WebhookEvent = 'cqm.ExConversationChangeNotification';
 * ```
 */
// `Extract<…, string>` rather than the bare `(typeof WEBHOOK_EVENTS)[number]`: it makes a union of
// its own that keeps this name, so compiler errors print `WebhookEvent`, not each event's name.
export type WebhookEvent = Extract<(typeof WEBHOOK_EVENTS)[number], string>;

/**
 * Where an engagement is displayed.
 *
 * @example
 * ```ts
 * import type { EntryPoint } from 'lp-app-manifest';
 *
 * const entryPoint: EntryPoint = 'section';
 * ```
 */
export type EntryPoint = (typeof ENTRY_POINTS)[number];

/**
 * A visitor behaviour an engagement can react to.
 *
 * @example
 * ```ts
 * import type { VisitorBehavior } from 'lp-app-manifest';
 *
 * const behavior: VisitorBehavior = 'about_to_abandon';
 * ```
 */
export type VisitorBehavior = (typeof VISITOR_BEHAVIORS)[number];

/**
 * A visitor attribute an engagement can target.
 *
 * @example
 * ```ts
 * import type { TargetAudience } from 'lp-app-manifest';
 *
 * const audience: TargetAudience = 'returning_visitors';
 * ```
 */
export type TargetAudience = (typeof TARGET_AUDIENCES)[number];

/**
 * What an engagement aims to achieve.
 *
 * @example
 * ```ts
 * import type { Goal } from 'lp-app-manifest';
 *
 * const goal: Goal = 'purchase_total';
 * ```
 */
export type Goal = (typeof GOALS)[number];

/**
 * Whether a consumer must be authenticated.
 *
 * @example
 * ```ts
 * import type { ConsumerIdentity } from 'lp-app-manifest';
 *
 * const identity: ConsumerIdentity = 'auth';
 * ```
 */
export type ConsumerIdentity = (typeof CONSUMER_IDENTITIES)[number];

/**
 * A webhook's `max_retries`: an integer from 0 to 5.
 *
 * @example
 * ```ts
 * import type { MaxRetries } from 'lp-app-manifest';
 *
 * const retries: MaxRetries = 3;
 * ```
 */
// As for WebhookEvent: errors print `MaxRetries`, not `0 | 1 | 2 | 3 | 4 | 5` in an order that varies.
export type MaxRetries = Extract<(typeof MAX_RETRIES_VALUES)[number], number>;

/** A list with at least one item. */
type NonEmpty<TItem> = readonly [TItem, ...TItem[]];

// The connector profile's fixed values, read from the rules tables (`connectorMustInclude`,
// `connectorExactly`) by plain indexed access: the connector types here and in the builder never
// write a value again, and they cost the checker nothing (no type parameter, no mapped type).
// `@inline`: the API docs show the value, not these internal names.

/**
 * The grant type a connector's `grant_types` must include (`client_credentials`), from the rules table.
 *
 * @inline
 */
export type ConnectorRequiredGrantType = (typeof TOP_LEVEL_FIELDS)['grant_types']['connectorMustInclude'];

/**
 * A connector's `scope`, exactly (`msg.consumer`), from the rules table.
 *
 * @inline
 */
export type ConnectorExactScope = (typeof TOP_LEVEL_FIELDS)['scope']['connectorExactly'];

/**
 * A connector's `design_engagement` (`false`), from the rules table.
 *
 * @inline
 */
export type ConnectorDesignEngagement = (typeof ENGAGEMENT_FIELDS)['design_engagement']['connectorExactly'];

/**
 * A connector's `design_window` (`false`), from the rules table.
 *
 * @inline
 */
export type ConnectorDesignWindow = (typeof ENGAGEMENT_FIELDS)['design_window']['connectorExactly'];

/**
 * A connector's `consumer_identity`, exactly (`['auth']`), from the rules table.
 *
 * @inline
 */
export type ConnectorConsumerIdentity = (typeof ENGAGEMENT_FIELDS)['consumer_identity']['connectorExactly'];

/**
 * One HTTP header LivePerson adds to a webhook request.
 *
 * @example
 * ```ts
 * import type { WebhookHeaderData } from 'lp-app-manifest';
 *
 * const token = process.env.ACME_TOKEN;
 * if (token === undefined || token === '') throw new Error('ACME_TOKEN is not set');
 * const header: WebhookHeaderData = { header_name: 'X-Acme-Token', header_value: token };
 * ```
 */
export interface WebhookHeaderData {
  /** The header's name: an HTTP token, not starting with `x-liveperson-`. */
  readonly header_name: string;
  /** The header's value, sent as is; no control characters. Never shown in an error. */
  readonly header_value: string;
}

/**
 * One webhook subscription, as it appears in the manifest JSON.
 *
 * @example
 * ```ts
 * import type { WebhookData } from 'lp-app-manifest';
 *
 * const webhook: WebhookData = { endpoint: 'https://hooks.acme.com/lp', max_retries: 3 };
 * ```
 */
export interface WebhookData {
  /** The `https://` URL LivePerson sends the event to (query allowed, no user name or password). */
  readonly endpoint: string;
  /** How often LivePerson retries a failed notification (0–5); overridden by `retry.retention_time`. */
  readonly max_retries?: MaxRetries;
  /** Headers LivePerson adds to each notification. */
  readonly headers?: readonly WebhookHeaderData[];
}

/**
 * `capabilities.webhooks` as it appears in the manifest JSON.
 *
 * @example
 * ```ts
 * import type { WebhooksData } from 'lp-app-manifest';
 *
 * const webhooks: WebhooksData = { 'cqm.ExConversationChangeNotification': { endpoint: 'https://hooks.acme.com/lp' } };
 * ```
 */
export type WebhooksData = { readonly [TEvent in WebhookEvent]?: WebhookData } & {
  /** The time-based retry policy: retry a failed event for up to `retention_time` seconds (2–259200). */
  readonly retry?: {
    /** Seconds to keep retrying a failed event (2–259200, i.e. 3 days at most). */
    readonly retention_time: number;
  };
};

/**
 * `capabilities.engagement` as it appears in the manifest JSON.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type EngagementData } from 'lp-app-manifest';
 *
 * const manifest = ManifestBuilder.general().clientName('Acme App').build();
 * const engagement: EngagementData | undefined = manifest.capabilities?.engagement;
 * ```
 */
export interface EngagementData {
  /** Whether the engagement button and appearance can be designed. */
  readonly design_engagement: boolean;
  /** Whether an engagement window can be added. */
  readonly design_window: boolean;
  /** Where the engagement is displayed (at least one). */
  readonly entry_point: NonEmpty<EntryPoint>;
  /** The visitor behaviours of interest. */
  readonly visitor_behavior: readonly VisitorBehavior[];
  /** The visitors to target. */
  readonly target_audience: readonly TargetAudience[];
  /** What the engagement aims to achieve. */
  readonly goal: readonly Goal[];
  /** Whether consumers must be authenticated (at least one). */
  readonly consumer_identity: NonEmpty<ConsumerIdentity>;
  /** Whether a language can be selected. */
  readonly language_selection: boolean;
}

/**
 * `capabilities.engagement` as the connector profile allows it.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type ConnectorEngagementData } from 'lp-app-manifest';
 *
 * const connectorManifest = ManifestBuilder.connector().clientName('Acme').build();
 * const engagement: ConnectorEngagementData | undefined = connectorManifest.capabilities?.engagement;
 * ```
 */
export interface ConnectorEngagementData extends EngagementData {
  /** A connector cannot design engagements. */
  readonly design_engagement: ConnectorDesignEngagement;
  /** A connector cannot add an engagement window. */
  readonly design_window: ConnectorDesignWindow;
  /** A connector's consumers are authenticated. */
  readonly consumer_identity: ConnectorConsumerIdentity;
}

/**
 * A valid LivePerson Application Install Manifest (general profile): plain,
 * deep-frozen JSON data, as returned by `build()` and `validateManifest()`.
 * Every property at every level is read-only.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type Manifest } from 'lp-app-manifest';
 *
 * const manifest: Manifest = ManifestBuilder.general().clientName('Acme App').build();
 * console.log(JSON.stringify(manifest, null, 2));
 * ```
 */
export interface Manifest {
  /** The app's name (1–128 characters; 1–100 for a connector), shown to agents. */
  readonly client_name: string;
  /** A localized client name (RFC 7591 §2.2), e.g. `"client_name#fr-FR"`. */
  readonly [localizedName: `client_name#${string}`]: string;
  /** What the app does (at most 256 characters). */
  readonly description?: string;
  /** OAuth 2.0 grant types the app uses at the token endpoint. */
  readonly grant_types?: readonly GrantType[];
  /** OAuth 2.0 response types the app uses at the authorization endpoint. */
  readonly response_types?: readonly ResponseType[];
  /** Where the authorization code or token is sent after the redirect. */
  readonly redirect_uris?: readonly string[];
  /** Space-separated scope values: `msg.consumer`, `livedeflect`, `faas.<name>`. */
  readonly scope?: string;
  /** The app's 70×70 px logo: an `https://` URL or a root-relative path. */
  readonly logo_uri?: string;
  /** Whether the app is enabled (LivePerson's default: `true`). */
  readonly enabled?: boolean;
  /** A display name (at most 128 characters). */
  readonly display_name?: string;
  /** Whether the app appears in quick launch (LivePerson's default: `false`). */
  readonly quick_launch_enabled?: boolean;
  /** The app's SSO launch URI (`https://`). */
  readonly entry_uri?: string;
  /** The LivePerson agent profiles (ids: unique positive integers) the app is enabled for. */
  readonly enabled_for_profiles?: readonly number[];
  /** What the app plugs into: messaging webhooks and engagements. */
  readonly capabilities?: {
    /** Endpoints LivePerson sends messaging events to, and the retry policy. */
    readonly webhooks?: WebhooksData;
    /** How the app takes part in engagements; all eight fields when present. */
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
 * import { ManifestBuilder, type ConnectorManifest } from 'lp-app-manifest';
 *
 * const manifest: ConnectorManifest = ManifestBuilder.connector().clientName('Acme').build();
 * console.log(manifest.scope); // 'msg.consumer'
 * ```
 */
export interface ConnectorManifest extends Manifest {
  /** Required for a connector, and includes `client_credentials`. */
  readonly grant_types: readonly GrantType[];
  /** Required for a connector, and exactly `msg.consumer`. */
  readonly scope: ConnectorExactScope;
  /** What the app plugs into: messaging webhooks and engagements. */
  readonly capabilities?: {
    /** Endpoints LivePerson sends messaging events to, and the retry policy. */
    readonly webhooks?: WebhooksData;
    /** How the connector takes part in engagements, with the connector's fixed values. */
    readonly engagement?: ConnectorEngagementData;
  };
}

/**
 * The manifest type for a profile.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type ConnectorManifest, type ManifestFor } from 'lp-app-manifest';
 *
 * const manifest: ManifestFor<'connector'> = ManifestBuilder.connector().clientName('Acme').build();
 * const same: ConnectorManifest = manifest; // ManifestFor<'connector'> is ConnectorManifest
 * ```
 */
export type ManifestFor<TProfile extends Profile> = TProfile extends 'connector' ? ConnectorManifest : Manifest;
