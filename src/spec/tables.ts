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
 * for (const profile of PROFILES) console.log(validateManifest(json, { profile }).ok);
 * ```
 */
export const PROFILES = ['general', 'connector'] as const;

/**
 * OAuth 2.0 grant types, in canonical order.
 *
 * @example
 * ```ts
 * GRANT_TYPES.includes('refresh_token'); // true
 * ```
 */
export const GRANT_TYPES = ['client_credentials', 'authorization_code', 'refresh_token'] as const;

/**
 * OAuth 2.0 response types, in canonical order.
 *
 * @example
 * ```ts
 * const options = RESPONSE_TYPES.map((value) => `<option>${value}</option>`);
 * ```
 */
export const RESPONSE_TYPES = ['code', 'token', 'id_token', 'id_token token'] as const;

/**
 * Scope values LivePerson supports.
 *
 * @example
 * ```ts
 * builder.scope(...SCOPES); // scope: 'msg.consumer'
 * ```
 */
export const SCOPES = ['msg.consumer'] as const;

/**
 * The five messaging events a webhook can subscribe to, in canonical order.
 *
 * @example
 * ```ts
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
 * example, mapped to the real name (SPEC.md, capabilities.webhooks).
 */
export const MISSPELLED_WEBHOOK_EVENTS: Readonly<Record<string, (typeof WEBHOOK_EVENTS)[number]>> = {
  'ms.MessagingEventNotification.ExConversationChangeNotification': 'cqm.ExConversationChangeNotification',
};

/**
 * Engagement `entry_point` values, in canonical order.
 *
 * @example
 * ```ts
 * builder.engagement((current) => ({ ...current, entryPoint: [...ENTRY_POINTS] as [EntryPoint, ...EntryPoint[]] }));
 * ```
 */
export const ENTRY_POINTS = ['section', 'url'] as const;

/**
 * Engagement `visitor_behavior` values, in canonical order (`cart_items` included: every seed example uses it).
 *
 * @example
 * ```ts
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
 * builder.engagement((current) => ({ ...current, goal: [...GOALS] }));
 * ```
 */
export const GOALS = ['url', 'purchase_total', 'num_of_pages', 'lead', 'service_activity'] as const;

/**
 * Engagement `consumer_identity` values, in canonical order.
 *
 * @example
 * ```ts
 * CONSUMER_IDENTITIES; // ['auth', 'unauth']
 * ```
 */
export const CONSUMER_IDENTITIES = ['auth', 'unauth'] as const;

/** Every allowed `max_retries` value of a webhook (the type `MaxRetries` is made of these). */
export const MAX_RETRIES_VALUES = [0, 1, 2, 3, 4, 5] as const;

/** `max_retries` on a webhook: an integer in this range. */
export const MAX_RETRIES = /* @__PURE__ */ (() => ({ min: MAX_RETRIES_VALUES[0], max: MAX_RETRIES_VALUES[5] }) as const)();

/** `capabilities.webhooks.retry.retention_time`: integer seconds in this range (3 days at most). */
export const RETENTION_TIME = { min: 2, max: 259_200 } as const;

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

/** Space-separated scope values (RFC 6749 §3.3). */
export interface ScopeRule {
  readonly type: 'scope';
  readonly maxLength: number;
  readonly values: readonly string[];
  readonly connectorExactly?: string;
}

/** Redirect URIs (RFC 6749 §3.1.2, RFC 8252 §7). */
export interface RedirectUrisRule {
  readonly type: 'redirect-uris';
  readonly itemMaxLength: number;
}

export interface CapabilitiesRule {
  readonly type: 'capabilities';
}

export type FieldRule = StringRule | EnumListRule | BooleanRule | ScopeRule | RedirectUrisRule | CapabilitiesRule;

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
  scope: { type: 'scope', maxLength: 128, values: SCOPES, required: 'connector', connectorExactly: 'msg.consumer' },
  logo_uri: { type: 'string', maxLength: { general: 1024, connector: 128 }, format: 'logo-uri' },
  enabled: { type: 'boolean' },
  display_name: { type: 'string', maxLength: 128, notBlank: true },
  quick_launch_enabled: { type: 'boolean' },
  entry_uri: { type: 'string', maxLength: 1024, format: 'https-url' },
  capabilities: { type: 'capabilities' },
} as const satisfies Record<string, FieldSpec>;

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
 * Host names LivePerson's servers cannot reach (SPEC.md, Warnings). Checked on
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
  // Beyond SPEC.md's list, equally out of LivePerson's reach: the unspecified address, link-local
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
