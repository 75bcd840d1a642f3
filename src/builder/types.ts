import type { HttpsUrl, HttpsUrlInput } from '../types/https-url.js';
import type {
  ConsumerIdentity,
  EntryPoint,
  GrantType,
  Goal,
  ManifestFor,
  MaxRetries,
  Profile,
  ResponseType,
  Scope,
  TargetAudience,
  VisitorBehavior,
  WebhookEvent,
} from '../types/manifest.js';
import type { ManifestTypeError } from '../types/type-error.js';
import type { ValidationResult } from '../validation/validate.js';

/**
 * Options of one webhook.
 *
 * @example
 * ```ts
 * const options: WebhookOptions = { maxRetries: 3, headers: { 'X-Acme-Token': token } };
 * ```
 */
export interface WebhookOptions {
  /** How often LivePerson retries a failed notification (0–5). Deprecated by LivePerson in favour of `retryRetention()`. */
  readonly maxRetries?: MaxRetries;
  /** Headers LivePerson adds to each notification, name to value; becomes `[{ header_name, header_value }]`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A `logo_uri`: an `https://` URL or a root-relative path.
 *
 * @example
 * ```ts
 * const logo: LogoUriInput = '/assets/logo-70x70.png';
 * ```
 */
export type LogoUriInput = HttpsUrlInput | `/${string}`;

/**
 * The engagement block, with camelCase names; all eight fields are required.
 *
 * @example
 * ```ts
 * const settings: EngagementSettings = {
 *   designEngagement: false,
 *   designWindow: false,
 *   entryPoint: ['section'],
 *   visitorBehavior: ['about_to_abandon'],
 *   targetAudience: [],
 *   goal: ['lead'],
 *   consumerIdentity: ['auth', 'unauth'],
 *   languageSelection: false,
 * };
 * ```
 */
export interface EngagementSettings {
/** `design_engagement`: whether the engagement button and appearance can be designed. */
  readonly designEngagement: boolean;
/** `design_window`: whether an engagement window can be added. */
  readonly designWindow: boolean;
/** `entry_point`: where the engagement is displayed (at least one). */
  readonly entryPoint: readonly [EntryPoint, ...EntryPoint[]];
/** `visitor_behavior`: the visitor behaviours of interest. */
  readonly visitorBehavior: readonly VisitorBehavior[];
/** `target_audience`: the visitors to target. */
  readonly targetAudience: readonly TargetAudience[];
/** `goal`: what the engagement aims to achieve. */
  readonly goal: readonly Goal[];
/** `consumer_identity`: whether consumers must be authenticated (at least one). */
  readonly consumerIdentity: readonly [ConsumerIdentity, ...ConsumerIdentity[]];
/** `language_selection`: whether a language can be selected. */
  readonly languageSelection: boolean;
}

/**
 * The engagement block as the connector profile allows it: no engagement or
 * window design, authenticated consumers only.
 *
 * @example
 * ```ts
 * const settings: ConnectorEngagementSettings = {
 *   designEngagement: false,
 *   designWindow: false,
 *   entryPoint: ['url'],
 *   visitorBehavior: [],
 *   targetAudience: [],
 *   goal: [],
 *   consumerIdentity: ['auth'],
 *   languageSelection: true,
 * };
 * ```
 */
export interface ConnectorEngagementSettings extends EngagementSettings {
/** A connector cannot design engagements. */
  readonly designEngagement: false;
/** A connector cannot add an engagement window. */
  readonly designWindow: false;
/** A connector's consumers are authenticated. */
  readonly consumerIdentity: readonly ['auth'];
}

/**
 * The engagement settings type for a profile.
 *
 * @example
 * ```ts
 * type S = EngagementSettingsFor<'connector'>; // ConnectorEngagementSettings
 * ```
 */
export type EngagementSettingsFor<TProfile extends Profile> = TProfile extends 'connector'
  ? ConnectorEngagementSettings
  : EngagementSettings;

/**
 * The compile-time message when a connector's grant types lack `client_credentials`.
 *
 * @example
 * ```ts
 * // error: ... 'ManifestTypeError<ConnectorGrantTypesMessage>' ...
 * ManifestBuilder.connector().grantTypes('refresh_token');
 * ```
 */
export type ConnectorGrantTypesMessage = 'a connector needs grantTypes(...) to include "client_credentials"';

/** In the connector profile, an error on every argument unless one is `client_credentials`. */
type ConnectorGrantCheck<TProfile extends Profile, TGrants extends readonly GrantType[]> = TProfile extends 'connector'
  ? 'client_credentials' extends TGrants[number]
    ? unknown
    : readonly [ManifestTypeError<ConnectorGrantTypesMessage>, ...ManifestTypeError<ConnectorGrantTypesMessage>[]]
  : unknown;

/**
 * The compile-time message of `build()` before `clientName(...)`.
 *
 * @example
 * ```ts
 * // error: Type 'ManifestTypeError<"build() needs clientName(...) first">' has no call signatures.
 * ManifestBuilder.general().build();
 * ```
 */
export type MissingClientNameMessage = 'build() needs clientName(...) first';

/**
 * A manifest under construction. Every method returns a new builder; the one
 * it was called on is unchanged, so a base can be shared and branched (one
 * manifest per environment). `build()` is callable once `clientName(...)` is set.
 *
 * @typeParam TProfile - The rule set: `general` or `connector`.
 * @typeParam THasName - Whether `clientName(...)` was called.
 *
 * @example
 * ```ts
 * const base = ManifestBuilder.connector().clientName('Acme Connector');
 * const staging = base.webhook('ms.MessagingEventNotification.ContentEvent', 'https://staging.acme.com/lp').build();
 * const production = base.webhook('ms.MessagingEventNotification.ContentEvent', 'https://acme.com/lp').build();
 * ```
 */
export interface ManifestBuilder<TProfile extends Profile = Profile, THasName extends boolean = boolean> {
  /** The profile whose rules `build()` applies. */
  readonly profile: TProfile;

  /**
   * Sets `client_name` (1–128 characters; 1–100 for a connector).
   *
   * @example
   * ```ts
   * ManifestBuilder.general().clientName('My App');
   * ```
   */
  clientName(name: string): ManifestBuilder<TProfile, true>;

  /**
   * Sets a localized name, `client_name#<languageTag>` (RFC 7591 §2.2); the tag is an RFC 5646 language tag.
   *
   * @example
   * ```ts
   * builder.localizedClientName('fr-FR', 'Connecteur Acme'); // "client_name#fr-FR": "Connecteur Acme"
   * ```
   */
  localizedClientName(languageTag: string, name: string): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `display_name` (at most 128 characters, not blank).
   *
   * @example
   * ```ts
   * builder.displayName('Acme');
   * ```
   */
  displayName(name: string): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `description` (at most 256 characters).
   *
   * @example
   * ```ts
   * builder.description('Routes Acme chat into LivePerson');
   * ```
   */
  description(text: string): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `grant_types` (duplicates dropped, canonical order). A connector's must include `client_credentials`.
   *
   * @example
   * ```ts
   * builder.grantTypes('client_credentials', 'refresh_token');
   * ```
   */
  grantTypes<const TGrants extends readonly GrantType[]>(
    ...grantTypes: TGrants & ConnectorGrantCheck<TProfile, TGrants>
  ): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `response_types` (duplicates dropped, canonical order).
   *
   * @example
   * ```ts
   * builder.responseTypes('code');
   * ```
   */
  responseTypes(...responseTypes: ResponseType[]): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `redirect_uris`: `https://…`, `http://` to a loopback host, or a private-use scheme (`com.example.app:/cb`).
   *
   * @example
   * ```ts
   * builder.redirectUris('https://acme.com/oauth/callback', 'http://localhost:8080/cb');
   * ```
   */
  redirectUris(...uris: string[]): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `scope` from scope values, joined with spaces.
   *
   * @example
   * ```ts
   * builder.scope('msg.consumer');
   * ```
   */
  scope(...scopes: [Scope, ...Scope[]]): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `logo_uri`: an `https://` URL or a root-relative path; the image should be 70×70 px.
   *
   * @example
   * ```ts
   * builder.logoUri('https://cdn.acme.com/logo-70.png');
   * ```
   */
  logoUri(uri: LogoUriInput): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `enabled` (LivePerson's default is `true`).
   *
   * @example
   * ```ts
   * builder.enabled(false);
   * ```
   */
  enabled(enabled?: boolean): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `quick_launch_enabled` (LivePerson's default is `false`).
   *
   * @example
   * ```ts
   * builder.quickLaunchEnabled();
   * ```
   */
  quickLaunchEnabled(enabled?: boolean): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `entry_uri`, the app's SSO launch URI (`https://` only).
   *
   * @example
   * ```ts
   * builder.entryUri('https://acme.com/lp/launch');
   * ```
   */
  entryUri(uri: HttpsUrlInput): ManifestBuilder<TProfile, THasName>;

  /**
   * Subscribes an `https://` endpoint to a messaging event (replacing an
   * earlier subscription to the same event). A plain `string` endpoint must go
   * through `httpsUrl()` first.
   *
   * @example
   * ```ts
   * builder
   *   .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.acme.com/lp/content', {
   *     maxRetries: 3,
   *     headers: { 'X-Acme-Token': token },
   *   })
   *   .webhook('cqm.ExConversationChangeNotification', httpsUrl(process.env.CONV_URL ?? ''));
   * ```
   */
  webhook(event: WebhookEvent, endpoint: HttpsUrlInput, options?: WebhookOptions): ManifestBuilder<TProfile, THasName>;

  /**
   * Removes the subscription to an event, if any.
   *
   * @example
   * ```ts
   * const withoutRichContent = builder.withoutWebhook('ms.MessagingEventNotification.RichContentEvent');
   * ```
   */
  withoutWebhook(event: WebhookEvent): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `capabilities.webhooks.retry.retention_time`: retry failed
   * notifications for up to this many seconds (2–259200, i.e. 3 days).
   *
   * @example
   * ```ts
   * builder.retryRetention(3600);
   * ```
   */
  retryRetention(seconds: number): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets the engagement block: all eight fields, or a function from the
   * current block (the documented defaults if none is set) to the new one.
   *
   * @example
   * ```ts
   * builder.engagement((current) => ({ ...current, entryPoint: ['url'], languageSelection: true }));
   * ```
   */
  engagement(
    settings:
      | EngagementSettingsFor<TProfile>
      | ((current: EngagementSettingsFor<TProfile>) => EngagementSettingsFor<TProfile>),
  ): ManifestBuilder<TProfile, THasName>;

  /**
   * Validates without throwing: the same checks as `build()`.
   *
   * @example
   * ```ts
   * const result = builder.validate();
   * if (!result.ok) console.error(result.issues);
   * ```
   */
  validate(): ValidationResult<TProfile>;

  /**
   * Validates and returns the manifest: deep-frozen plain JSON in canonical
   * order, or throws `ManifestValidationError` listing every issue. Callable
   * once `clientName(...)` is set.
   *
   * @example
   * ```ts
   * const manifest = ManifestBuilder.general().clientName('My App').build();
   * JSON.stringify(manifest); // '{"client_name":"My App"}'
   * ```
   */
  build: THasName extends true ? () => ManifestFor<TProfile> : ManifestTypeError<MissingClientNameMessage>;
}

/**
 * Where builders come from: `ManifestBuilder.general()`, `ManifestBuilder.connector()`, `ManifestBuilder.from()`.
 *
 * @example
 * ```ts
 * const factory: ManifestBuilderFactory = ManifestBuilder;
 * const builder = factory.connector();
 * ```
 */
export interface ManifestBuilderFactory {
  /**
   * An empty builder for the general profile.
   *
   * @example
   * ```ts
   * const manifest = ManifestBuilder.general().clientName('My App').scope('msg.consumer').build();
   * ```
   */
  general(): ManifestBuilder<'general', false>;

  /**
   * A builder for the connector profile, pre-filled with the documented
   * connector template: `grant_types: ["client_credentials"]`,
   * `scope: "msg.consumer"`, the template's `logo_uri` and engagement block.
   *
   * @example
   * ```ts
   * const manifest = ManifestBuilder.connector()
   *   .clientName('Acme Connector')
   *   .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.acme.com/lp')
   *   .build();
   * ```
   */
  connector(): ManifestBuilder<'connector', false>;

  /**
   * A builder holding an existing manifest (parsed JSON), after validating it;
   * throws `ManifestValidationError` with every issue if it is not valid.
   *
   * @example
   * ```ts
   * const json: unknown = JSON.parse(readFileSync('manifest.json', 'utf8'));
   * const updated = ManifestBuilder.from(json, { profile: 'connector' }).description('Now with rich content').build();
   * ```
   */
  from<TProfile extends Profile = 'general'>(
    manifest: unknown,
    options?: { readonly profile?: TProfile },
  ): ManifestBuilder<TProfile, true>;
}

export type { HttpsUrl };
