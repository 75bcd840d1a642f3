/**
 * The manifest rules as data. Everything else (the literal union types, the
 * runtime validator, the JSON Schema and the docs) is derived from these
 * tables, so adding an enum value is a one-line change here.
 *
 * The manifest itself is a tree of nodes (the kinds are in `nodes.ts`): the
 * objects, lists and events at the end of this file, with
 * {@link TOP_LEVEL_FIELDS} at the root. The validator's walk and the JSON
 * Schema generator both recurse over it, so a nested rule is written once, here.
 *
 * This module imports only the node kinds: the rules never depends on the code that uses it.
 */
import type { BooleanRule, EnumListRule, EventsNode, FieldSpec, ListNode, ObjectNode } from './nodes.js';

export type {
  BooleanRule,
  EndpointRule,
  EnumListRule,
  EventsNode,
  FieldRule,
  FieldSpec,
  HeaderNameRule,
  HeaderValueRule,
  IdListRule,
  IntegerRange,
  IntegerRule,
  LeafRule,
  ListNode,
  ObjectNode,
  ProfileLimit,
  RedirectUrisRule,
  ScopeRule,
  StringRule,
} from './nodes.js';

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
 * The messaging events a webhook can subscribe to, in canonical order.
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

/**
 * A top-level key editors read to find the JSON Schema (`"$schema": "…/connector.schema.json"`).
 * It is allowed (a string) but is editor metadata, not part of the manifest: it is left out of the output.
 */
export const EDITOR_SCHEMA_KEY = '$schema';

/** The prefix of localized client names: `client_name#<language tag>` (RFC 7591 §2.2). */
export const LOCALIZED_NAME_PREFIX = 'client_name#';

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
  /^0\.\d+\.\d+\.\d+$/,
  /^\[::\]$/,
  /^169\.254\.\d+\.\d+$/,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+$/,
  /^\[f[cd][0-9a-f]{2}:/i,
  /^\[fe[89ab][0-9a-f]:/i,
  /^\[::ffff:(0|7f[0-9a-f]{2}|a[0-9a-f]{2}|ac1[0-9a-f]|c0a8|a9fe):/i,
  // Reserved, never a server on the internet: IPv4 "this network" (0/8, RFC 1122 §3.2.1.3), multicast
  // (224/4, RFC 5771) and the reserved 240/4 with the broadcast address (RFC 1112 §4); IPv6 multicast
  // (ff00::/8, RFC 4291 §2.7) and the deprecated IPv4-compatible addresses (RFC 4291 §2.5.5.1: [::10.0.0.1] is written [::a00:1]); and `.internal`, the top-level
  // domain ICANN reserved for private networks (2024; `metadata.google.internal` is a cloud's metadata service).
  // Not the site-local fec0::/10: RFC 3879 took its meaning away without reassigning it, and RFC 2732's
  // own example address ([FEDC:BA98:…]) lies in it.
  /^(22[4-9]|23\d|24\d|25[0-5])\.\d+\.\d+\.\d+$/,
  /^\[ff[0-9a-f]{2}:/i,
  /^\[::[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/i,
  /(^|\.)internal$/i,
];

/**
 * Loopback hosts to which a redirect URI may use plain `http://` (RFC 8252 §7.3), as the
 * WHATWG URL parser writes them; the deploy commands allow `http://` to them only (a local fake).
 *
 * @example
 * ```ts
 * import { LOOPBACK_REDIRECT_HOSTS } from 'lp-app-manifest';
 *
 * const url = new URL('http://LOCALHOST:8080/callback');
 * (LOOPBACK_REDIRECT_HOSTS as readonly string[]).includes(url.hostname); // true
 * ```
 */
export const LOOPBACK_REDIRECT_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * The longest URL, where a field has no smaller limit (a webhook `endpoint`,
 * `httpsUrl()`): what common HTTP servers and proxies accept as a request target.
 */
export const URL_MAX_LENGTH = 2048;

// ---- the tree: the manifest's objects, from the leaves up to the root ----

/** The keys of an object node's fields, in canonical order. */
const keysOf = <TFields extends object>(fields: TFields): readonly (keyof TFields & string)[] =>
  Object.keys(fields) as (keyof TFields & string)[];

/** One webhook header: `{ header_name, header_value }`, both required. */
export const HEADER = /* @__PURE__ */ (() =>
  ({
    type: 'object',
    name: 'header',
    fields: {
      header_name: {
        type: 'header-name',
        required: 'always',
        reservedPrefix: RESERVED_HEADER_PREFIX,
        framing: FRAMING_HEADER_NAMES,
        body: BODY_HEADER_NAMES,
      },
      header_value: { type: 'header-value', required: 'always', secret: true },
    },
  }) as const satisfies ObjectNode)();

/** A webhook's headers: header names differ case-insensitively. */
export const HEADERS = /* @__PURE__ */ (() =>
  ({ type: 'list', items: HEADER, uniqueName: 'header_name' }) as const satisfies ListNode)();

/** The webhook of one messaging event; `option` names what `webhook(event, endpoint, options)` takes. */
export const WEBHOOK = /* @__PURE__ */ (() =>
  ({
    type: 'object',
    name: 'webhook',
    fields: {
      endpoint: { type: 'endpoint', required: 'always', maxLength: URL_MAX_LENGTH },
      max_retries: { type: 'integer', option: 'maxRetries', ...MAX_RETRIES },
      headers: { ...HEADERS, option: 'headers' },
    },
  }) as const satisfies ObjectNode)();

/** `capabilities.webhooks.retry`: LivePerson's retry policy. */
export const RETRY = /* @__PURE__ */ (() =>
  ({
    type: 'object',
    name: 'retry',
    fields: { retention_time: { type: 'integer', required: 'always', ...RETENTION_TIME } },
  }) as const satisfies ObjectNode)();

/** The key of the retry policy inside `capabilities.webhooks`. */
export const RETRY_KEY = 'retry';

/** `capabilities.webhooks`: a webhook per messaging event, and the retry policy. */
export const WEBHOOKS = /* @__PURE__ */ (() =>
  ({
    type: 'events',
    name: 'webhooks',
    events: WEBHOOK_EVENTS,
    each: WEBHOOK,
    also: { [RETRY_KEY]: RETRY },
    misspelled: MISSPELLED_WEBHOOK_EVENTS,
  }) as const satisfies EventsNode)();

/**
 * Engagement fields, in canonical order: all are required when the block is
 * present. `option` is the camelCase name the builder accepts.
 */
export const ENGAGEMENT_FIELDS = {
  design_engagement: { option: 'designEngagement', type: 'boolean', required: 'always', connectorExactly: false },
  design_window: { option: 'designWindow', type: 'boolean', required: 'always', connectorExactly: false },
  entry_point: { option: 'entryPoint', type: 'enum-list', required: 'always', values: ENTRY_POINTS, minItems: 1 },
  visitor_behavior: { option: 'visitorBehavior', type: 'enum-list', required: 'always', values: VISITOR_BEHAVIORS },
  target_audience: { option: 'targetAudience', type: 'enum-list', required: 'always', values: TARGET_AUDIENCES },
  goal: { option: 'goal', type: 'enum-list', required: 'always', values: GOALS },
  consumer_identity: {
    option: 'consumerIdentity',
    type: 'enum-list',
    required: 'always',
    values: CONSUMER_IDENTITIES,
    minItems: 1,
    connectorExactly: ['auth'],
  },
  language_selection: { option: 'languageSelection', type: 'boolean', required: 'always' },
} as const satisfies Record<string, (EnumListRule | BooleanRule) & { readonly required: 'always'; readonly option: string }>;

/** `capabilities.engagement`: every field required when the block is present. */
export const ENGAGEMENT = /* @__PURE__ */ (() =>
  ({ type: 'object', name: 'engagement', fields: ENGAGEMENT_FIELDS }) as const satisfies ObjectNode)();

/** `capabilities`: what the app plugs into. */
export const CAPABILITIES = /* @__PURE__ */ (() =>
  ({
    type: 'object',
    name: 'capabilities',
    fields: { webhooks: WEBHOOKS, engagement: ENGAGEMENT },
  }) as const satisfies ObjectNode)();

/**
 * Top-level manifest fields, in canonical output order (localized
 * `client_name#<tag>` names go right after `client_name`, sorted by tag).
 */
export const TOP_LEVEL_FIELDS = /* @__PURE__ */ (() =>
  ({
    client_name: {
      type: 'string',
      required: 'always',
      maxLength: { general: 128, connector: 100 },
      notBlank: true,
      noControlCharacters: true,
      leftoverText: true,
    },
    description: { type: 'string', maxLength: 256, leftoverText: true },
    grant_types: {
      type: 'enum-list',
      values: GRANT_TYPES,
      required: 'connector',
      connectorMustInclude: 'client_credentials',
    },
    response_types: { type: 'enum-list', values: RESPONSE_TYPES, anyOrder: true },
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
    capabilities: CAPABILITIES,
  }) as const satisfies Record<string, FieldSpec>)();

/**
 * The root: the manifest object. Its other keys are the walk's: localized names, `$schema`, and
 * the keys LivePerson assigns when it installs an app (`assigned`: the RFC 7591 §3.2.1 response
 * members and what LivePerson returns for an installed app). Those show up when an installation is
 * fetched and edited; a manifest must not carry them (an error of its own, `server_assigned_key`).
 */
export const MANIFEST = /* @__PURE__ */ (() =>
  ({
    type: 'object',
    name: 'manifest',
    fields: TOP_LEVEL_FIELDS,
    assigned: {
      client_id: {},
      client_secret: { secret: true },
      client_id_issued_at: {},
      client_secret_expires_at: {},
      id: {},
      deleted: {},
      installation_type: {},
      is_internal: {},
    },
  }) as const satisfies ObjectNode)();

/**
 * The keys LivePerson assigns when it installs an app (the manifest node's `assigned`), in order: the
 * RFC 7591 §3.2.1 response members and what LivePerson returns for an installed app. They show up
 * when an installation is fetched and edited; a manifest must not carry them (`server_assigned_key`).
 *
 * @example
 * ```ts
 * import { SERVER_ASSIGNED_KEYS } from 'lp-app-manifest';
 *
 * const installed: Record<string, unknown> = { id: 'a1', client_secret: 'example', client_name: 'Bot' };
 * const manifest = Object.fromEntries(
 *   Object.entries(installed).filter(([key]) => !(SERVER_ASSIGNED_KEYS as readonly string[]).includes(key)),
 * ); // { client_name: 'Bot' }
 * ```
 */
export const SERVER_ASSIGNED_KEYS = /* @__PURE__ */ (() => keysOf(MANIFEST.assigned))();

/** The server-assigned key that holds a secret: its message says it does not belong in a file (its value is never read). */
export const SECRET_SERVER_ASSIGNED_KEY = /* @__PURE__ */ (() =>
  SERVER_ASSIGNED_KEYS.find((key) => 'secret' in MANIFEST.assigned[key])!)();

/** Keys of `capabilities`, in canonical order. */
export const CAPABILITY_KEYS = /* @__PURE__ */ (() => keysOf(CAPABILITIES.fields))();

/** Keys of one webhook, in canonical order. */
export const WEBHOOK_KEYS = /* @__PURE__ */ (() => keysOf(WEBHOOK.fields))();

/** Keys of one webhook header, in canonical order. */
export const HEADER_KEYS = /* @__PURE__ */ (() => keysOf(HEADER.fields))();

/** The fields of the retry policy. */
export const RETRY_KEYS = /* @__PURE__ */ (() => keysOf(RETRY.fields))();
