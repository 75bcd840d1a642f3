import type { HttpsUrl, HttpsUrlInput } from '../types/https-url.js';
import type {
  ConnectorConsumerIdentity,
  ConnectorDesignEngagement,
  ConnectorDesignWindow,
  ConnectorExactScope,
  ConnectorRequiredGrantType,
  ConsumerIdentity,
  EntryPoint,
  GrantType,
  Goal,
  ManifestFor,
  MaxRetries,
  Profile,
  ProfileOf,
  ProfileOption,
  ResponseTypeInput,
  Scope,
  TargetAudience,
  VisitorBehavior,
  WebhookEvent,
} from '../types/manifest.js';
import type { FRAMING_HEADER_NAMES, MAX_RETRIES_VALUES, WEBHOOK_EVENTS } from '../rules/tables.js';
import type { ManifestTypeError } from '../types/type-error.js';
import type { FramingHeaderNameMessage, MisspelledWebhookEventMessage } from '../validation/messages.js';
import type { TemplateVariables } from '../template/resolve.js';
import type { ValidationResult } from '../validation/validate.js';
import { builderFactory } from './builder.js';
import type { CONNECTOR_GRANT_TYPES, CONNECTOR_SCOPE, MISSING_CLIENT_NAME } from './messages.js';

/**
 * Options of one webhook.
 *
 * @example
 * ```ts
 * import type { WebhookOptions } from 'lp-app-manifest';
 *
 * const token = process.env.ACME_TOKEN;
 * if (token === undefined || token === '') throw new Error('ACME_TOKEN is not set');
 * const options: WebhookOptions = { maxRetries: 3, headers: { 'X-Acme-Token': token } };
 * ```
 */
export interface WebhookOptions {
  /** How often LivePerson retries a failed notification (0–5). Deprecated by LivePerson in favour of `retryRetention()`. */
  readonly maxRetries?: MaxRetries | undefined;
  /** Headers LivePerson adds to each notification, name to value; becomes `[{ header_name, header_value }]`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Options of `build()`.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type BuildOptions } from 'lp-app-manifest';
 *
 * const options: BuildOptions = { strict: process.env.CI !== undefined };
 * const manifest = ManifestBuilder.general().clientName('Acme App').build(options);
 * ```
 */
export interface BuildOptions {
  /**
   * Whether a warning fails the build too: with `true`, `build()` throws a
   * `ManifestValidationError` whose `issues` list the warnings (valid, but
   * probably a mistake, such as an endpoint LivePerson cannot reach) beside
   * any errors. Default `false`: warnings are dropped, only errors throw.
   */
  readonly strict?: boolean | undefined;
  /**
   * The variables `env('NAME')` references (and `${{ NAME }}` placeholders
   * kept by `ManifestBuilder.from()`) are filled from. Default: `process.env`.
   */
  readonly env?: TemplateVariables | undefined;
}

/**
 * Options of `validate()`.
 *
 * @example
 * ```ts
 * import { env, ManifestBuilder, type ValidateBuilderOptions } from 'lp-app-manifest';
 *
 * const options: ValidateBuilderOptions = { env: { LP_APP_NAME: 'Acme' } };
 * const result = ManifestBuilder.general().clientName(env('LP_APP_NAME')).validate(options);
 * ```
 */
export interface ValidateBuilderOptions {
  /** The variables references are filled from. Default: `process.env`. */
  readonly env?: TemplateVariables | undefined;
}

/**
 * The compile-time message where a URL argument gets a plain `string` (say,
 * from `process.env`) or a literal that does not start with `https://`: shown
 * in the parameter's type, as `HttpsUrlInput | ManifestTypeError<UncheckedUrlMessage>`.
 *
 * @example
 * ```ts
 * // @errors: 2345
 * import { ManifestBuilder } from 'lp-app-manifest';
 *
 * declare const fromEnv: string;
 * // Argument of type 'string' is not assignable to parameter of type
 * //   'HttpsUrlInput | ManifestTypeError<"an https:// literal, or a runtime string checked by httpsUrl(value, label)">'.
 * ManifestBuilder.general().entryUri(fromEnv);
 * ```
 */
export type UncheckedUrlMessage = 'an https:// literal, or a runtime string checked by httpsUrl(value, label)';

/**
 * The compile-time message where `webhook()` gets an event name that is not
 * one of the events: it names the event that LivePerson's table misspells, and
 * the key to use instead (the same words as the runtime issue
 * `misspelled_webhook_event`).
 *
 * @example
 * ```ts
 * // @errors: 2345
 * import { ManifestBuilder } from 'lp-app-manifest';
 *
 * ManifestBuilder.general().webhook('ms.MessagingEventNotification.ExConversationChangeNotification', 'https://hooks.acme.com/lp');
 * ```
 */
export type MisspelledEventMessage = MisspelledWebhookEventMessage<
  'ms.MessagingEventNotification.ExConversationChangeNotification',
  'cqm.ExConversationChangeNotification'
>;

/**
 * The compile-time message where `webhook()` or `withoutWebhook()` gets an event name that is not
 * one of the events (LivePerson's own misspelling aside, which gets {@link MisspelledEventMessage}):
 * the event it most likely means where a type can tell (the same last part, after the last dot,
 * in any case: `'ContentEvent'`, `'ms.messagingeventnotification.contentevent'`), and otherwise
 * every event. The same words as the runtime issue `unknown_key` at `capabilities.webhooks`.
 *
 * @typeParam TName - The name given.
 *
 * @example
 * ```ts
 * // @errors: 2345
 * import { ManifestBuilder } from 'lp-app-manifest';
 *
 * // error TS2345: Argument of type '"ContentEvent"' is not assignable to parameter of type '"ContentEvent" & ManifestTypeError<"not a webhook event; did you mean \"ms.MessagingEventNotification.ContentEvent\"?">'.
 * ManifestBuilder.general().webhook('ContentEvent', 'https://hooks.acme.com/lp');
 * ```
 */
export type UnknownEventMessage<TName extends string> = string extends TName
  ? `a webhook event literal (allowed: ${QuotedList<typeof WEBHOOK_EVENTS>})`
  : LikelyEvent<TName> extends infer TEvent extends string
    ? [TEvent] extends [never]
      ? `not a webhook event (allowed: ${QuotedList<typeof WEBHOOK_EVENTS>})`
      : `not a webhook event; did you mean "${TEvent}"?`
    : never;

/** `"a", "b", …`: the strings of a tuple, quoted, in its order. */
type QuotedList<TItems extends readonly string[]> = TItems extends readonly [
  infer THead extends string,
  ...infer TRest extends readonly string[],
]
  ? TRest extends readonly []
    ? `"${THead}"`
    : `"${THead}", ${QuotedList<TRest>}`
  : '';

/** The last part of a dotted name: `ContentEvent` of `ms.MessagingEventNotification.ContentEvent`. */
type LastPart<TName extends string> = TName extends `${string}.${infer TRest}` ? LastPart<TRest> : TName;

/** Whether `T` is a union of more than one type. */
type IsUnion<T, TAll = T> = T extends unknown ? ([TAll] extends [T] ? false : true) : never;

/** The one event whose last part is that of `TName`, in any case; `never` if none, or more than one. */
type LikelyEvent<TName extends string> =
  SameLastPart<TName, WebhookEvent> extends infer TEvent ? (true extends IsUnion<TEvent> ? never : TEvent) : never;

type SameLastPart<TName extends string, TEvent extends WebhookEvent> = TEvent extends WebhookEvent
  ? Lowercase<LastPart<TEvent>> extends Lowercase<LastPart<TName>>
    ? TEvent
    : never
  : never;

/**
 * What an event parameter takes: an event as it is; for anything else an error that says what to
 * write (LivePerson's misspelled key {@link MisspelledEventMessage}, any other name
 * {@link UnknownEventMessage}). The compiler infers `TEvent` from the argument through the first branch.
 */
type EventArgument<TEvent> = TEvent extends WebhookEvent
  ? TEvent
  : // Already an error (the parameter's own type, as `Parameters<…>` infers it back): kept, so that
    // `Parameters<ManifestBuilder['webhook']>` is the parameters, not `never`.
    TEvent extends ManifestTypeError<string>
    ? TEvent
    : // The name itself stays in the type, so that tsc prints the argument as written, not as `string`.
      TEvent &
        ManifestTypeError<
          TEvent extends 'ms.MessagingEventNotification.ExConversationChangeNotification'
            ? MisspelledEventMessage
            : UnknownEventMessage<TEvent & string>
        >;

/**
 * The compile-time message where a webhook's `maxRetries` is not one of its values (the values
 * come from the rules table; the runtime issue `out_of_range` says the range): a literal out of
 * range (`7`), or a `number` that TypeScript widened from a literal kept in a variable
 * (`const options = { maxRetries: 3 }`, whose `maxRetries` is a `number`), which the message
 * says how to keep: `as const`, or the variable typed {@link WebhookOptions}.
 *
 * @example
 * ```ts
 * // @errors: 2322 2345
 * import { ManifestBuilder, type WebhookOptions } from 'lp-app-manifest';
 *
 * const builder = ManifestBuilder.general().clientName('Acme App');
 * // error TS2322: Type '7' is not assignable to type 'MaxRetries | ManifestTypeError<"maxRetries must be 0, 1, 2, 3, 4 or 5 (a number in a variable needs \"as const\" or the type WebhookOptions)"> | undefined'.
 * builder.webhook('cqm.ExConversationChangeNotification', 'https://hooks.acme.com/lp', { maxRetries: 7 });
 *
 * const widened = { maxRetries: 3 }; // { maxRetries: number }
 * // error TS2345: … (last line:) Type 'number' is not assignable to type 'MaxRetries | ManifestTypeError<"maxRetries must be 0, 1, 2, 3, 4 or 5 (…)"> | undefined'.
 * builder.webhook('cqm.ExConversationChangeNotification', 'https://hooks.acme.com/lp', widened);
 *
 * const kept = { maxRetries: 3 } as const;
 * const typed: WebhookOptions = { maxRetries: 3 };
 * builder.webhook('cqm.ExConversationChangeNotification', 'https://hooks.acme.com/lp', kept);
 * builder.webhook('cqm.ExConversationChangeNotification', 'https://hooks.acme.com/lp', typed);
 * ```
 */
export type MaxRetriesMessage =
  `maxRetries must be ${OrList<typeof MAX_RETRIES_VALUES>} (a number in a variable needs "as const" or the type WebhookOptions)`;

/** `0, 1, 2 or 3`: the values of a tuple, in its order. */
type OrList<TItems extends readonly (string | number)[]> = TItems extends readonly [
  infer THead extends string | number,
  ...infer TRest extends readonly (string | number)[],
]
  ? TRest extends readonly []
    ? `${THead}`
    : TRest extends readonly [string | number]
      ? `${THead} or ${TRest[0]}`
      : `${THead}, ${OrList<TRest>}`
  : '';

/** The options `webhook()` takes, as its parameter: the errors of a wrong `maxRetries` and of a framing header say what to do. */
interface WebhookOptionsArgument<THeaders> {
  readonly maxRetries?: MaxRetries | ManifestTypeError<MaxRetriesMessage> | undefined;
  // A header that frames or routes the request is a compile error too, where its name is known.
  readonly headers?: (THeaders & FramingHeaderCheck<THeaders>) | undefined;
}

/** The names of the webhook options. */
type WebhookOptionName = keyof WebhookOptions & string;

/** A name, lower-cased and without `_` or `-`: `max_retries` and `maxRetries` are the same. */
type LooseName<TName extends string> = TName extends `${infer THead}${'_' | '-'}${infer TRest}`
  ? LooseName<`${THead}${TRest}`>
  : Lowercase<TName>;

/** How many characters two strings share at their start, as a tuple's length (`[0, 0, 0]` for three). */
type SharedStart<
  TLeft extends string,
  TRight extends string,
  TCount extends 0[] = [],
> = TLeft extends `${infer THead}${infer TRest}`
  ? TRight extends `${THead}${infer TRightRest}`
    ? SharedStart<TRest, TRightRest, [...TCount, 0]>
    : TCount
  : TCount;

/**
 * The option a key most likely means, by loose name: one that starts or ends with the key, or
 * that the key starts with, or that shares its first four characters (`maxRetry`, `max_retries`,
 * `retries` → `maxRetries`).
 */
type LikelyOption<TKey extends string, TOption extends string> = TOption extends string
  ? LooseName<TKey> extends ''
    ? never
    : LooseName<TOption> extends `${LooseName<TKey>}${string}` | `${string}${LooseName<TKey>}`
      ? TOption
      : LooseName<TKey> extends `${LooseName<TOption>}${string}`
        ? TOption
        : SharedStart<LooseName<TKey>, LooseName<TOption>> extends [0, 0, 0, 0, ...0[]]
          ? TOption
          : never
  : never;

/**
 * Each key of `TOptions` mapped to what it may be: anything for an option (the option's own type
 * says the rest), an error naming the option it most likely means for any other key (the runtime
 * words of `build()` for an unknown option). A homomorphic mapped type, so the compiler infers
 * `TOptions`'s keys from the object literal itself, and completion still lists the options.
 */
type WebhookOptionKeysCheck<TOptions> = {
  readonly [TKey in keyof TOptions]?: TKey extends WebhookOptionName
    ? unknown
    : ManifestTypeError<
        UnknownOptionMessage<TKey & string, 'webhook(event, endpoint, options)', LikelyOption<TKey & string, WebhookOptionName>>
      >;
};

/** `unknown option "maxRetry" of webhook(event, endpoint, options); did you mean "maxRetries"?`, as `build()` says it at run time. */
type UnknownOptionMessage<TKey extends string, TCall extends string, TSuggestion extends string> = [TSuggestion] extends [never]
  ? `unknown option "${TKey}" of ${TCall}`
  : `unknown option "${TKey}" of ${TCall}; did you mean "${TSuggestion}"?`;

/**
 * The compile-time message for a webhook header that frames or routes the request
 * (`Host`, `Content-Length`, `Transfer-Encoding`, …, in any case): LivePerson's HTTP client sets
 * these, and a second value breaks delivery or smuggles a request (RFC 9110 §7.6.1, RFC 9112 §6).
 * The same words as the runtime issue `framing_header_name`, after the quoted name.
 *
 * @example
 * ```ts
 * // @errors: 2322
 * import { ManifestBuilder } from 'lp-app-manifest';
 *
 * ManifestBuilder.general().webhook('cqm.ExConversationChangeNotification', 'https://hooks.acme.com/lp', {
 *   headers: { 'Content-Length': '0' },
 * });
 * ```
 */
export type FramingHeaderMessage = FramingHeaderNameMessage;

/** The framing header names, lower-cased. */
type FramingHeaderName = Lowercase<(typeof FRAMING_HEADER_NAMES)[number]>;

/**
 * Nothing, when no header of `THeaders` frames or routes the request (any
 * case); otherwise each such header mapped to an error that names it. The
 * cheap test comes first, so a call without such a header costs about one
 * instantiation, not a mapped type.
 */
type FramingHeaderCheck<THeaders> = [Extract<Lowercase<keyof THeaders & string>, FramingHeaderName>] extends [never]
  ? unknown
  : FramingHeaderErrors<THeaders>;

/** Each header of `THeaders` that frames or routes the request (any case), mapped to an error that names it. */
type FramingHeaderErrors<THeaders> = {
  readonly [TName in keyof THeaders as TName extends string
    ? Lowercase<TName> extends Lowercase<(typeof FRAMING_HEADER_NAMES)[number]>
      ? TName
      : never
    : never]: ManifestTypeError<`"${TName & string}" ${FramingHeaderMessage}`>;
};

/**
 * A `logo_uri`: an `https://` URL or a root-relative path.
 *
 * @example
 * ```ts
 * import type { LogoUriInput } from 'lp-app-manifest';
 *
 * const logo: LogoUriInput = '/assets/logo-70x70.png';
 * ```
 */
export type LogoUriInput = HttpsUrlInput | `/${string}`;

/**
 * The engagement block, with camelCase names; all eight fields are required.
 *
 * @example
 * ```ts
 * import type { EngagementSettings } from 'lp-app-manifest';
 *
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
 * import type { ConnectorEngagementSettings } from 'lp-app-manifest';
 *
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
  readonly designEngagement: ConnectorDesignEngagement;
  /** A connector cannot add an engagement window. */
  readonly designWindow: ConnectorDesignWindow;
  /** A connector's consumers are authenticated. */
  readonly consumerIdentity: ConnectorConsumerIdentity;
}

/**
 * The engagement settings type for a profile.
 *
 * @example
 * ```ts
 * import type { ConnectorEngagementSettings, EngagementSettingsFor } from 'lp-app-manifest';
 *
 * const settings: EngagementSettingsFor<'connector'> = {
 *   designEngagement: false,
 *   designWindow: false,
 *   entryPoint: ['url'],
 *   visitorBehavior: [],
 *   targetAudience: [],
 *   goal: [],
 *   consumerIdentity: ['auth'],
 *   languageSelection: true,
 * };
 * const same: ConnectorEngagementSettings = settings; // EngagementSettingsFor<'connector'> is ConnectorEngagementSettings
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
 * // @errors: 2345
 * import { ManifestBuilder } from 'lp-app-manifest';
 *
 * // error: ... 'ManifestTypeError<ConnectorGrantTypesMessage>' ...
 * ManifestBuilder.connector().grantTypes('refresh_token');
 * ```
 */
export type ConnectorGrantTypesMessage = ConnectorGrantTypesText;

/**
 * The words of {@link ConnectorGrantTypesMessage}: the runtime text, made from the rules table's value.
 *
 * @inline
 */
type ConnectorGrantTypesText = typeof CONNECTOR_GRANT_TYPES;

/** In the connector profile, an error on every argument unless one is `client_credentials`. */
type ConnectorGrantCheck<TProfile extends Profile, TGrants extends readonly GrantType[]> = TProfile extends 'connector'
  ? ConnectorRequiredGrantType extends TGrants[number]
    ? unknown
    : readonly [ManifestTypeError<ConnectorGrantTypesMessage>, ...ManifestTypeError<ConnectorGrantTypesMessage>[]]
  : unknown;

/**
 * The compile-time message where a connector's `scope(...)` gets anything but
 * `'msg.consumer'` (the Connector API needs exactly that scope).
 *
 * @example
 * ```ts
 * // @errors: 2345
 * import { ManifestBuilder } from 'lp-app-manifest';
 *
 * // error: ... 'ManifestTypeError<ConnectorScopeMessage>' ...
 * ManifestBuilder.connector().clientName('Acme').scope('livedeflect');
 * ```
 */
export type ConnectorScopeMessage = ConnectorScopeText;

/**
 * The words of {@link ConnectorScopeMessage}: the runtime text, made from the rules table's value.
 *
 * @inline
 */
type ConnectorScopeText = typeof CONNECTOR_SCOPE;

/** What `scope(...)` takes: any scope values, and for a connector exactly `'msg.consumer'`. */
type ScopeArguments<TProfile extends Profile> = TProfile extends 'connector'
  ? [ConnectorExactScope] | [ManifestTypeError<ConnectorScopeMessage>]
  : [Scope, ...Scope[]];

/**
 * The compile-time message of `build()` before `clientName(...)`.
 *
 * @example
 * ```ts
 * // @errors: 2349
 * import { ManifestBuilder } from 'lp-app-manifest';
 *
 * // error: Type 'ManifestTypeError<"build() needs clientName(...) first">' has no call signatures.
 * ManifestBuilder.general().build();
 * ```
 */
export type MissingClientNameMessage = MissingClientNameText;

/**
 * The words of {@link MissingClientNameMessage}: the runtime text.
 *
 * @inline
 */
type MissingClientNameText = typeof MISSING_CLIENT_NAME;

// THasName is invariant (`in out`): a builder without a name is never taken for a named one, and the
// compiler then explains why with the members (`build` needs `clientName(...)`), not with `false`/`true`.
/**
 * A typed, immutable manifest builder. Start one with `ManifestBuilder.general()`,
 * `ManifestBuilder.connector()` (pre-filled with LivePerson's documented
 * connector template) or `ManifestBuilder.from(json)`. Every method returns a
 * new builder; the one it was called on is unchanged, so a base can be shared
 * and branched (one manifest per environment). `build()` is callable once
 * `clientName(...)` is set.
 *
 * As a type, `ManifestBuilder<'connector'>` is a connector builder that is
 * ready to build (its name is set); `ManifestBuilder<'connector', false>` is
 * one before `clientName(...)`. A function that takes a builder in either
 * state is generic: `<THasName extends boolean>(builder: ManifestBuilder<'connector', THasName>)`;
 * a variable named in branches is an {@link AnyManifestBuilder}. A builder never needs copying
 * (a spread, `{ ...builder }`, copies only `profile`, not the methods).
 *
 * @typeParam TProfile - The rule set: `general` or `connector`.
 * @typeParam THasName - Whether `clientName(...)` was called; `true` if not given.
 *
 * @example
 * ```ts
 * import { ManifestBuilder } from 'lp-app-manifest';
 *
 * const base = ManifestBuilder.connector().clientName('Acme Connector');
 * const staging = base.webhook('ms.MessagingEventNotification.ContentEvent', 'https://staging.acme.com/lp').build();
 * const production = base.webhook('ms.MessagingEventNotification.ContentEvent', 'https://acme.com/lp').build();
 *
 * // A named builder, ready to build; warnings fail it too.
 * function finish(builder: ManifestBuilder<'connector'>) {
 *   return builder.build({ strict: true });
 * }
 * finish(base);
 * ```
 */
export interface ManifestBuilder<TProfile extends Profile = Profile, in out THasName extends boolean = true> {
  /** The profile whose rules `build()` applies. */
  readonly profile: TProfile;

  /**
   * Sets `client_name` (1–128 characters; 1–100 for a connector).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * ManifestBuilder.general().clientName('Acme App');
   * ```
   */
  clientName(name: string): ManifestBuilder<TProfile, true>;

  /**
   * Sets a localized name, `client_name#<languageTag>` (RFC 7591 §2.2); the tag is an RFC 5646 language tag.
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.connector().clientName('Acme Connector');
   * builder.localizedClientName('fr-FR', 'Connecteur Acme'); // "client_name#fr-FR": "Connecteur Acme"
   * ```
   */
  localizedClientName(languageTag: string, name: string): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `display_name` (at most 128 characters, not blank).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.displayName('Acme');
   * ```
   */
  displayName(name: string): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `description` (at most 256 characters).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.connector().clientName('Acme Connector');
   * builder.description('Routes Acme chat into LivePerson');
   * ```
   */
  description(text: string): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `grant_types` (duplicates dropped, canonical order). A connector's must include `client_credentials`.
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.grantTypes('client_credentials', 'refresh_token');
   * ```
   */
  grantTypes<const TGrants extends readonly GrantType[]>(
    ...grantTypes: TGrants & ConnectorGrantCheck<TProfile, TGrants>
  ): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `response_types` (duplicates dropped, canonical order). A value of several
   * space-separated values may list them in any order (RFC 6749 §3.1.1): `'token id_token'` is
   * written `'id_token token'`.
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.responseTypes('code', 'token id_token'); // response_types: ["code", "id_token token"]
   * ```
   */
  responseTypes(...responseTypes: ResponseTypeInput[]): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `redirect_uris`: `https://…`, `http://` to a loopback host, or a private-use scheme (`com.example.app:/cb`).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.redirectUris('https://acme.com/oauth/callback', 'http://localhost:8080/cb');
   * ```
   */
  redirectUris(...uris: string[]): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `scope` from scope values, joined with spaces.
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.scope('msg.consumer');
   * ```
   */
  scope(...scopes: ScopeArguments<TProfile>): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `logo_uri`: an `https://` URL or a root-relative path; the image should be 70×70 px.
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.logoUri('https://cdn.acme.com/logo-70.png');
   * ```
   */
  logoUri(uri: LogoUriInput | ManifestTypeError<UncheckedUrlMessage>): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `enabled` (LivePerson's default is `true`).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.enabled(false);
   * ```
   */
  enabled(enabled?: boolean): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `quick_launch_enabled` (LivePerson's default is `false`).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.quickLaunchEnabled();
   * ```
   */
  quickLaunchEnabled(enabled?: boolean): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `entry_uri`, the app's SSO launch URI (`https://` only).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.entryUri('https://acme.com/lp/launch');
   * ```
   */
  entryUri(uri: HttpsUrlInput | ManifestTypeError<UncheckedUrlMessage>): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `enabled_for_profiles`: the LivePerson agent profiles (ids: positive integers) the app is
   * enabled for, documented beside `quick_launch_enabled` and `entry_uri`. Duplicates are dropped.
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general()
   *   .clientName('Acme App')
   *   .quickLaunchEnabled()
   *   .entryUri('https://apps.acme.com/launch')
   *   .enabledForProfiles(42, 43);
   * ```
   */
  enabledForProfiles(...profileIds: number[]): ManifestBuilder<TProfile, THasName>;

  /**
   * Subscribes an `https://` endpoint to a messaging event (replacing an
   * earlier subscription to the same event). A plain `string` endpoint must go
   * through `httpsUrl()` first.
   *
   * @example
   * ```ts
   * import { ManifestBuilder, httpsUrl } from 'lp-app-manifest';
   *
   * const token = process.env.ACME_TOKEN;
   * if (token === undefined || token === '') throw new Error('ACME_TOKEN is not set');
   * ManifestBuilder.connector()
   *   .clientName('Acme Connector')
   *   .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.acme.com/lp/content', {
   *     maxRetries: 3,
   *     headers: { 'X-Acme-Token': token },
   *   })
   *   .webhook('cqm.ExConversationChangeNotification', httpsUrl(process.env.CONV_URL, 'CONV_URL'));
   * ```
   */
  webhook<
    const TEvent extends WebhookEvent | (string & {}),
    const THeaders extends Readonly<Record<string, string>> = Readonly<Record<string, string>>,
    TOptions = unknown,
  >(
    // `string & {}` keeps the events as the editor's completions; a wrong name gets an error that says what to write.
    event: EventArgument<TEvent>,
    endpoint: HttpsUrlInput | ManifestTypeError<UncheckedUrlMessage>,
    options?: WebhookOptionsArgument<THeaders> & WebhookOptionKeysCheck<TOptions>,
  ): ManifestBuilder<TProfile, THasName>;

  /**
   * Removes the subscription to an event, if any.
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.connector().clientName('Acme Connector');
   * const withoutRichContent = builder.withoutWebhook('ms.MessagingEventNotification.RichContentEvent');
   * ```
   */
  withoutWebhook<const TEvent extends WebhookEvent | (string & {})>(
    event: EventArgument<TEvent>,
  ): ManifestBuilder<TProfile, THasName>;

  /**
   * Sets `capabilities.webhooks.retry.retention_time`: retry failed
   * notifications for up to this many seconds (2–259200, i.e. 3 days).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.connector().clientName('Acme Connector');
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
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * builder.engagement((current) => ({ ...current, entryPoint: ['url'], languageSelection: true }));
   * ```
   */
  engagement(
    settings: EngagementSettingsFor<TProfile> | ((current: EngagementSettingsFor<TProfile>) => EngagementSettingsFor<TProfile>),
  ): ManifestBuilder<TProfile, THasName>;

  /**
   * Validates without throwing: the same checks as `build()`.
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const builder = ManifestBuilder.general().clientName('Acme App');
   * const result = builder.validate();
   * if (!result.ok) console.error(result.issues);
   * ```
   */
  validate(options?: ValidateBuilderOptions): ValidationResult<TProfile>;

  /**
   * The manifest as a JSON template: canonical order, with each `env('NAME')`
   * reference (and each placeholder kept by `from()`) written as
   * `${{ NAME }}`, for review or to commit. Everything that does not depend on
   * a variable is checked; `ManifestBuilder.from(template, { profile })` reads
   * it back with the references kept.
   *
   * @throws `ManifestValidationError` with every error that does not depend on a variable.
   *
   * @example
   * ```ts
   * import { env, ManifestBuilder } from 'lp-app-manifest';
   *
   * const template = ManifestBuilder.general().clientName(env('LP_APP_NAME')).toTemplate();
   * JSON.stringify(template); // '{"client_name":"${{ LP_APP_NAME }}"}'
   * const again = ManifestBuilder.from(template).build({ env: { LP_APP_NAME: 'Acme' } });
   * ```
   */
  toTemplate(): ManifestFor<TProfile>;

  /**
   * Validates and returns the manifest: deep-frozen plain JSON in canonical
   * order, or throws `ManifestValidationError` listing every error. Callable
   * once `clientName(...)` is set.
   *
   * Warnings (valid, but probably a mistake) do not stop `build()`, and it
   * does not return them: a deployment script should call `validate()` and
   * look at `warnings`, or build with `{ strict: true }`, which throws
   * `ManifestValidationError` when there is any warning too, listing the
   * warnings in its `issues` (and `message`) beside any errors.
   *
   * @param options - `{ strict: true }` to fail on warnings as well.
   * @throws `ManifestValidationError` with every error (and, when strict, every warning).
   *
   * @example
   * ```ts
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const manifest = ManifestBuilder.general().clientName('Acme App').build();
   * JSON.stringify(manifest); // '{"client_name":"Acme App"}'
   * ```
   *
   * @example
   * ```ts
   * import { ManifestBuilder, ManifestValidationError } from 'lp-app-manifest';
   *
   * // An endpoint LivePerson's servers cannot reach is only a warning, so build() returns;
   * // in strict mode the warning fails the build.
   * const builder = ManifestBuilder.connector()
   *   .clientName('Acme Connector')
   *   .webhook('ms.MessagingEventNotification.ContentEvent', 'https://localhost/lp');
   * try {
   *   builder.build({ strict: true });
   * } catch (error) {
   *   if (!(error instanceof ManifestValidationError)) throw error;
   *   console.error(error.message);
   *   // Invalid manifest (1 warning):
   *   //   ⚠ capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].endpoint: host "localhost" is loopback, private or reserved: LivePerson's servers cannot reach it [unreachable_endpoint_host]
   * }
   * ```
   */
  build: THasName extends true ? (options?: BuildOptions) => ManifestFor<TProfile> : ManifestTypeError<MissingClientNameMessage>;
}

/**
 * Where builders come from: `ManifestBuilder.general()`, `ManifestBuilder.connector()`, `ManifestBuilder.from()`.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type ManifestBuilderFactory } from 'lp-app-manifest';
 *
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
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const manifest = ManifestBuilder.general().clientName('Acme App').scope('msg.consumer').build();
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
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
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
   * import { readFileSync } from 'node:fs';
   * import { ManifestBuilder } from 'lp-app-manifest';
   *
   * const json: unknown = JSON.parse(readFileSync('manifest.json', 'utf8'));
   * const updated = ManifestBuilder.from(json, { profile: 'connector' }).description('Now with rich content').build();
   * ```
   */
  from<const TOptions extends ProfileOption | undefined = undefined>(
    manifest: unknown,
    // `profile` may be `undefined` (then `general`): the builder's type is then that of either profile.
    options?: TOptions,
  ): ManifestBuilder<ProfileOf<TOptions>, true>;
}

// Declared here, beside the interface of the same name, so that the two are one symbol: the
// published declarations then name the type `ManifestBuilder` (never a renamed `ManifestBuilder$1`).
/**
 * Starts a typed, immutable manifest builder: `ManifestBuilder.general()`,
 * `ManifestBuilder.connector()` (pre-filled with the documented connector
 * template) or `ManifestBuilder.from(json)`.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, httpsUrl } from 'lp-app-manifest';
 *
 * const manifest = ManifestBuilder.connector()
 *   .clientName('Acme Connector')
 *   .localizedClientName('fr-FR', 'Connecteur Acme')
 *   .description('Routes Acme chat into LivePerson')
 *   .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.acme.com/lp/content')
 *   .webhook('cqm.ExConversationChangeNotification', httpsUrl(process.env.CONV_URL, 'CONV_URL'))
 *   .retryRetention(3600) // retry each webhook for an hour (set this or a webhook's maxRetries, not both)
 *   .build();
 *
 * console.log(JSON.stringify(manifest, null, 2));
 * ```
 */
export const ManifestBuilder: ManifestBuilderFactory = builderFactory;

/**
 * The builder's type under its earlier name: the same type as {@link ManifestBuilder}
 * (a type only; the factory is `ManifestBuilder`).
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type ManifestBuilderInterface } from 'lp-app-manifest';
 *
 * const draft: ManifestBuilderInterface<'connector', false> = ManifestBuilder.connector();
 * const named: ManifestBuilder<'connector'> = draft.clientName('Acme Connector');
 * ```
 */
export type ManifestBuilderInterface<TProfile extends Profile = Profile, THasName extends boolean = true> = ManifestBuilder<
  TProfile,
  THasName
>;

/**
 * A builder of this profile, named or not: the type for a variable that code sets in branches,
 * one manifest per environment. After each branch calls `clientName(...)`, the compiler knows the
 * builder is named and `build()` compiles; where a path may skip it, `build()` is a compile error
 * that says `build() needs clientName(...) first` (in a "Not all constituents … are callable" error).
 *
 * A variable declared without this type takes the type of its first value, a builder without a
 * name, and a named builder is not assignable to it (TS2322). A function that builds takes a
 * named builder, `ManifestBuilder<'connector'>`, not `ManifestBuilder<'connector', boolean>`
 * (whose `build()` is not callable); one that only adds to a builder is generic over the name,
 * `<THasName extends boolean>(builder: ManifestBuilder<'connector', THasName>) => ManifestBuilder<'connector', THasName>`.
 *
 * @typeParam TProfile - The rule set: `general` or `connector`.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, type AnyManifestBuilder } from 'lp-app-manifest';
 *
 * const production = process.env.LP_ENV === 'production';
 * let builder: AnyManifestBuilder<'connector'> = ManifestBuilder.connector();
 * if (production) builder = builder.clientName('Acme');
 * else builder = builder.clientName('Acme (staging)');
 * const manifest = builder.build(); // named on every path
 *
 * // A helper that adds to a builder, named or not, keeps its state.
 * function withHooks<THasName extends boolean>(draft: ManifestBuilder<'connector', THasName>) {
 *   return draft.webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.acme.com/lp');
 * }
 * // A helper that builds takes a named builder.
 * function finish(named: ManifestBuilder<'connector'>) {
 *   return named.build({ strict: true });
 * }
 * finish(withHooks(ManifestBuilder.connector()).clientName('Acme'));
 * ```
 */
export type AnyManifestBuilder<TProfile extends Profile = Profile> =
  | ManifestBuilder<TProfile, false>
  | ManifestBuilder<TProfile, true>;

export type { HttpsUrl };
