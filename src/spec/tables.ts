/**
 * The manifest rules as data. Everything else (the literal union types, the
 * runtime validator, the JSON Schema and the docs) is derived from these
 * tables, so adding an enum value is a one-line change here.
 *
 * This module imports nothing: the spec never depends on the code that uses it.
 */

/**
 * The two rule sets: `general` for any LivePerson app, `connector` for a Connector API app (stricter).
 *
 * @example
 * ```ts
 * import { PROFILES, validateManifest } from 'lp-app-manifest';
 *
 * const json: unknown = { client_name: 'Acme' };
 * for (const profile of PROFILES) console.log(profile, validateManifest(json, { profile }).ok);
 * ```
 */
export const PROFILES = ['general', 'connector'] as const;

/**
 * OAuth 2.0 grant types, in canonical order.
 *
 * @example
 * ```ts
 * import { GRANT_TYPES } from 'lp-app-manifest';
 *
 * GRANT_TYPES.includes('refresh_token'); // true
 * ```
 */
export const GRANT_TYPES = ['client_credentials', 'authorization_code', 'refresh_token'] as const;

/**
 * OAuth 2.0 response types, in canonical order.
 *
 * @example
 * ```ts
 * import { RESPONSE_TYPES } from 'lp-app-manifest';
 *
 * const options = RESPONSE_TYPES.map((value) => `<option>${value}</option>`);
 * ```
 */
export const RESPONSE_TYPES = ['code', 'token', 'id_token', 'id_token token'] as const;

/**
 * Scope values LivePerson supports, in canonical order: `msg.consumer` (documented on "Installing
 * LivePerson Applications") and `livedeflect` (accepted by LivePerson's own app-installation tool).
 * Beside them, `faas.<name>` ({@link FAAS_SCOPE_PREFIX}) names one FaaS function.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, SCOPES } from 'lp-app-manifest';
 *
 * const builder = ManifestBuilder.general().clientName('Acme').scope(...SCOPES); // scope: 'msg.consumer livedeflect'
 * ```
 */
export const SCOPES = ['msg.consumer', 'livedeflect'] as const;

/**
 * The prefix of a scope value that names a FaaS (LivePerson Functions) function: `faas.<name>`, the
 * name of letters, digits, `.`, `_` and `-` (accepted by LivePerson's own app-installation tool).
 *
 * @example
 * ```ts
 * import { FAAS_SCOPE_PREFIX, ManifestBuilder } from 'lp-app-manifest';
 *
 * const builder = ManifestBuilder.general().clientName('Acme').scope('msg.consumer', `${FAAS_SCOPE_PREFIX}lambdas`);
 * ```
 */
export const FAAS_SCOPE_PREFIX = 'faas.';

/**
 * The five messaging events a webhook can subscribe to, in canonical order.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, WEBHOOK_EVENTS } from 'lp-app-manifest';
 *
 * let all = ManifestBuilder.connector().clientName('Acme');
 * for (const event of WEBHOOK_EVENTS) all = all.webhook(event, 'https://hooks.acme.com/lp');
 * ```
 */
export const WEBHOOK_EVENTS = [
  'ms.MessagingEventNotification.ContentEvent',
  'ms.MessagingEventNotification.RichContentEvent',
  'ms.MessagingEventNotification.AcceptStatusEvent',
  'ms.MessagingEventNotification.ChatStateEvent',
  'cqm.ExConversationChangeNotification',
] as const;

/**
 * Event names that appear in LivePerson's tables but not in any working
 * example, mapped to the real name (docs/rules.md, "Decisions").
 */
export const MISSPELLED_WEBHOOK_EVENTS: Readonly<Record<string, (typeof WEBHOOK_EVENTS)[number]>> = {
  'ms.MessagingEventNotification.ExConversationChangeNotification': 'cqm.ExConversationChangeNotification',
};

/**
 * Engagement `entry_point` values, in canonical order.
 *
 * @example
 * ```ts
 * import { ENTRY_POINTS, ManifestBuilder, type EntryPoint } from 'lp-app-manifest';
 *
 * const builder = ManifestBuilder.general().clientName('Acme');
 * builder.engagement((current) => ({ ...current, entryPoint: [...ENTRY_POINTS] as [EntryPoint, ...EntryPoint[]] }));
 * ```
 */
export const ENTRY_POINTS = ['section', 'url'] as const;

/**
 * Engagement `visitor_behavior` values, in canonical order (`cart_items` included: every seed example uses it).
 *
 * @example
 * ```ts
 * import { ManifestBuilder, VISITOR_BEHAVIORS } from 'lp-app-manifest';
 *
 * const builder = ManifestBuilder.general().clientName('Acme');
 * builder.engagement((current) => ({ ...current, visitorBehavior: VISITOR_BEHAVIORS.filter((b) => b !== 'cart_items') }));
 * ```
 */
export const VISITOR_BEHAVIORS = [
  'visited_location',
  'time_on_location',
  'flow',
  'engaged_in_session',
  'about_to_abandon',
  'cart_value',
  'cart_items',
  'visitor_error',
  'viewed_products',
  'service_activity',
] as const;

/**
 * Engagement `target_audience` values, in canonical order.
 *
 * @example
 * ```ts
 * import { TARGET_AUDIENCES } from 'lp-app-manifest';
 *
 * TARGET_AUDIENCES.length; // 16
 * ```
 */
export const TARGET_AUDIENCES = [
  'external_referral',
  'search_keywords',
  'ip',
  'platform',
  'geo_location',
  'returning_visitors',
  'marketing_source',
  'customer_type',
  'age',
  'balance',
  'customer_id',
  'gender',
  'store_zip_code',
  'store_number',
  'company_size',
  'registration_date',
] as const;

/**
 * Engagement `goal` values, in canonical order.
 *
 * @example
 * ```ts
 * import { GOALS, ManifestBuilder } from 'lp-app-manifest';
 *
 * const builder = ManifestBuilder.general().clientName('Acme');
 * builder.engagement((current) => ({ ...current, goal: [...GOALS] }));
 * ```
 */
export const GOALS = ['url', 'purchase_total', 'num_of_pages', 'lead', 'service_activity'] as const;

/**
 * Engagement `consumer_identity` values, in canonical order.
 *
 * @example
 * ```ts
 * import { CONSUMER_IDENTITIES } from 'lp-app-manifest';
 *
 * console.log(CONSUMER_IDENTITIES); // ['auth', 'unauth']
 * ```
 */
export const CONSUMER_IDENTITIES = ['auth', 'unauth'] as const;

/** Every allowed `max_retries` value of a webhook (the type `MaxRetries` is made of these). */
export const MAX_RETRIES_VALUES = [0, 1, 2, 3, 4, 5] as const;

/** `max_retries` on a webhook: an integer in this range. */
export const MAX_RETRIES = /* @__PURE__ */ (() => ({ min: MAX_RETRIES_VALUES[0], max: MAX_RETRIES_VALUES[5] }) as const)();

/** `capabilities.webhooks.retry.retention_time`: integer seconds in this range (3 days at most). */
export const RETENTION_TIME = { min: 2, max: 259_200, unit: 'seconds', maxInWords: '3 days' } as const;

/** A whole-number range, with its unit and its upper bound in words where a message should give them. */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
  /** What is counted, e.g. `seconds`. */
  readonly unit?: string;
  /** `max` as a person says it, e.g. `3 days`. */
  readonly maxInWords?: string;
}

/** A limit that may differ between profiles. */
export type ProfileLimit = number | { readonly general: number; readonly connector: number };

/** How a string field is checked. */
export interface StringRule {
  readonly type: 'string';
  readonly maxLength: ProfileLimit;
  /** At least one character that is not white space. */
  readonly notBlank?: true;
  /** No C0/C1 control characters and no DEL. */
  readonly noControlCharacters?: true;
  /** `https-url`: an absolute `https://` URL; `logo-uri`: that, or a root-relative path. */
  readonly format?: 'https-url' | 'logo-uri';
}

/** How a list of enum values is checked: unique items from `values`. */
export interface EnumListRule {
  readonly type: 'enum-list';
  readonly values: readonly string[];
  readonly minItems?: number;
  /** Connector profile: the list must include this value. */
  readonly connectorMustInclude?: string;
  /** Connector profile: the list must be exactly this. */
  readonly connectorExactly?: readonly string[];
}

export interface BooleanRule {
  readonly type: 'boolean';
  /** Connector profile: the value must be this. */
  readonly connectorExactly?: boolean;
}

/**
 * Space-separated scope values (RFC 6749 §3.3): single spaces, none at the start or end, no value
 * twice. The output lists `values` in table order, then the `prefix` values in the order written.
 */
export interface ScopeRule {
  readonly type: 'scope';
  readonly maxLength: number;
  readonly values: readonly string[];
  /** Values made of this prefix and a name of letters, digits, `.`, `_` and `-` (`faas.<name>`). */
  readonly prefix?: string;
  readonly connectorExactly?: string;
}

/** A list of unique positive integers (ids), at most `max` each (the largest integer a JSON number holds exactly). */
export interface IdListRule {
  readonly type: 'id-list';
  readonly max: number;
}

/** Redirect URIs (RFC 6749 §3.1.2, RFC 8252 §7). */
export interface RedirectUrisRule {
  readonly type: 'redirect-uris';
  readonly itemMaxLength: number;
}

export interface CapabilitiesRule {
  readonly type: 'capabilities';
}

export type FieldRule = StringRule | EnumListRule | BooleanRule | ScopeRule | RedirectUrisRule | IdListRule | CapabilitiesRule;

/** A field, its rule and whether it is required in each profile. */
export type FieldSpec = FieldRule & { readonly required?: 'always' | 'connector' };

/**
 * Top-level manifest fields, in canonical output order (localized
 * `client_name#<tag>` names go right after `client_name`, sorted by tag).
 */
export const TOP_LEVEL_FIELDS = {
  client_name: {
    type: 'string',
    required: 'always',
    maxLength: { general: 128, connector: 100 },
    notBlank: true,
    noControlCharacters: true,
  },
  description: { type: 'string', maxLength: 256 },
  grant_types: {
    type: 'enum-list',
    values: GRANT_TYPES,
    required: 'connector',
    connectorMustInclude: 'client_credentials',
  },
  response_types: { type: 'enum-list', values: RESPONSE_TYPES },
  redirect_uris: { type: 'redirect-uris', itemMaxLength: 128 },
  scope: {
    type: 'scope',
    maxLength: 128,
    values: SCOPES,
    prefix: FAAS_SCOPE_PREFIX,
    required: 'connector',
    connectorExactly: 'msg.consumer',
  },
  logo_uri: { type: 'string', maxLength: { general: 1024, connector: 128 }, format: 'logo-uri' },
  enabled: { type: 'boolean' },
  display_name: { type: 'string', maxLength: 128, notBlank: true },
  quick_launch_enabled: { type: 'boolean' },
  entry_uri: { type: 'string', maxLength: 1024, format: 'https-url' },
  enabled_for_profiles: { type: 'id-list', max: Number.MAX_SAFE_INTEGER },
  capabilities: { type: 'capabilities' },
} as const satisfies Record<string, FieldSpec>;

/**
 * Keys LivePerson assigns when it installs an app: the RFC 7591 §3.2.1 response members and what
 * LivePerson returns for an installed app. They show up when an installation is fetched and
 * edited; a manifest must not carry them (an error of its own, `server_assigned_key`).
 */
export const SERVER_ASSIGNED_KEYS = [
  'client_id',
  'client_secret',
  'client_id_issued_at',
  'client_secret_expires_at',
  'id',
  'deleted',
  'installation_type',
  'is_internal',
] as const;

/** The server-assigned key that holds a secret: its message says it does not belong in a file (its value is never read). */
export const SECRET_SERVER_ASSIGNED_KEY = 'client_secret';

/**
 * A top-level key editors read to find the JSON Schema (`"$schema": "…/connector.schema.json"`).
 * It is allowed (a string) but is editor metadata, not part of the manifest: it is left out of the output.
 */
export const EDITOR_SCHEMA_KEY = '$schema';

/** The prefix of localized client names: `client_name#<language tag>` (RFC 7591 §2.2). */
export const LOCALIZED_NAME_PREFIX = 'client_name#';

/** Keys of `capabilities`, in canonical order. */
export const CAPABILITY_KEYS = ['webhooks', 'engagement'] as const;

/** Keys of one webhook, in canonical order. */
export const WEBHOOK_KEYS = ['endpoint', 'max_retries', 'headers'] as const;

/** Keys of one webhook header, in canonical order. */
export const HEADER_KEYS = ['header_name', 'header_value'] as const;

/** The key of the retry policy inside `capabilities.webhooks`, and its one field. */
export const RETRY_KEY = 'retry';
export const RETRY_KEYS = ['retention_time'] as const;

/**
 * Engagement fields, in canonical order: all are required when the block is
 * present. `option` is the camelCase name the builder accepts.
 */
export const ENGAGEMENT_FIELDS = {
  design_engagement: { option: 'designEngagement', type: 'boolean', connectorExactly: false },
  design_window: { option: 'designWindow', type: 'boolean', connectorExactly: false },
  entry_point: { option: 'entryPoint', type: 'enum-list', values: ENTRY_POINTS, minItems: 1 },
  visitor_behavior: { option: 'visitorBehavior', type: 'enum-list', values: VISITOR_BEHAVIORS },
  target_audience: { option: 'targetAudience', type: 'enum-list', values: TARGET_AUDIENCES },
  goal: { option: 'goal', type: 'enum-list', values: GOALS },
  consumer_identity: {
    option: 'consumerIdentity',
    type: 'enum-list',
    values: CONSUMER_IDENTITIES,
    minItems: 1,
    connectorExactly: ['auth'],
  },
  language_selection: { option: 'languageSelection', type: 'boolean' },
} as const satisfies Record<string, (EnumListRule | BooleanRule) & { readonly option: string }>;

/** Header names that start with this prefix (any case) are LivePerson's own. */
export const RESERVED_HEADER_PREFIX = 'x-liveperson-';

/**
 * Header names that frame or route the request, compared case-insensitively: the sender sets
 * them, and a second value breaks delivery or smuggles a request (RFC 9110 §7.6.1, RFC 9112 §6).
 * A webhook header with one of these names is an error (`framing_header_name`), and, where the
 * builder sees the name, a compile error.
 *
 * @example
 * ```ts
 * import { FRAMING_HEADER_NAMES } from 'lp-app-manifest';
 *
 * const framing = (name: string): boolean => FRAMING_HEADER_NAMES.some((n) => n.toLowerCase() === name.toLowerCase());
 * framing('content-length'); // true
 * ```
 */
export const FRAMING_HEADER_NAMES = [
  'Host',
  'Content-Length',
  'Transfer-Encoding',
  'Connection',
  'Keep-Alive',
  'Proxy-Connection',
  'Upgrade',
  'TE',
  'Trailer',
  'Expect',
] as const;

/**
 * Header names that describe the body, compared case-insensitively: LivePerson sets the body and
 * its type, and overriding them can make the receiver misread it. A warning (`body_header_name`).
 */
export const BODY_HEADER_NAMES = ['Content-Type', 'Content-Encoding'] as const;

/**
 * Host names LivePerson's servers cannot reach (the unreachable-host warning). Checked on
 * the WHATWG-parsed host name, so `0x7f.1` is seen as `127.0.0.1`.
 */
export const UNREACHABLE_HOST_PATTERNS: readonly RegExp[] = [
  /^localhost$/i,
  /\.localhost$/i,
  /\.local$/i,
  /^127\.\d+\.\d+\.\d+$/,
  /^10\.\d+\.\d+\.\d+$/,
  /^172\.(1[6-9]|2\d|3[01])\.\d+\.\d+$/,
  /^192\.168\.\d+\.\d+$/,
  /^\[::1\]$/,
  // Beyond the documented list, equally out of LivePerson's reach: the unspecified address, link-local
  // (169.254/16, where cloud metadata services live), carrier-grade NAT (100.64/10), IPv6
  // unique-local (fc00::/7) and link-local (fe80::/10), and IPv4-mapped loopback or private
  // addresses, as the WHATWG parser writes them ([::ffff:7f00:1] is 127.0.0.1).
  /^0\.0\.0\.0$/,
  /^\[::\]$/,
  /^169\.254\.\d+\.\d+$/,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+$/,
  /^\[f[cd][0-9a-f]{2}:/i,
  /^\[fe[89ab][0-9a-f]:/i,
  /^\[::ffff:(0|7f[0-9a-f]{2}|a[0-9a-f]{2}|ac1[0-9a-f]|c0a8|a9fe):/i,
];

/** Loopback hosts to which a redirect URI may use plain `http://` (RFC 8252 §7.3). */
export const LOOPBACK_REDIRECT_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * The longest URL, where a field has no smaller limit (a webhook `endpoint`,
 * `httpsUrl()`): what common HTTP servers and proxies accept as a request target.
 */
export const URL_MAX_LENGTH = 2048;
