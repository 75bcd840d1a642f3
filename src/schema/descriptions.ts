/**
 * Help text for the JSON Schema, worded after the rules (docs/rules.md). Only the prose lives
 * here: limits, enum values and required-ness are added by the generator from
 * the rules tables, so the text cannot drift from the rules. Each table is
 * keyed by the fields of its node of the rules tree, and
 * {@link FIELD_DESCRIPTIONS} by the nodes' names, so a new field without help
 * text is a type error.
 */
import type { KeyedNodes } from '../rules/nodes.js';
import type { CAPABILITIES, ENGAGEMENT, HEADER, MANIFEST, RETRY, WEBHOOK, WEBHOOKS } from '../rules/tables.js';

/** One help text per field of an object node (or per `also` key of an events node). */
type HelpFor<TFields> = { readonly [TKey in keyof TFields]: string };

/** The schema's own description. */
export const MANIFEST_DESCRIPTION =
  'A LivePerson Application Install Manifest: what an application is called, how it authenticates, ' +
  'and which messaging events and engagement settings it uses.';

/** Help for each top-level field. */
const TOP_LEVEL_DESCRIPTIONS: HelpFor<(typeof MANIFEST)['fields']> = {
  client_name: 'The name of the application.',
  description: 'A description of the application.',
  grant_types: 'OAuth 2.0 grant types the application uses.',
  response_types: 'OAuth 2.0 response types the client can use at the authorization endpoint.',
  redirect_uris:
    'Where the authorization code or token is sent after the redirect: absolute URIs without a fragment. ' +
    'An `https://` URL; `http://` only to a loopback host (RFC 8252 §7.3); or a private-use scheme with a dot, ' +
    'e.g. `com.example.app:/cb` (RFC 8252 §7.1).',
  scope:
    'Space-separated scope values the client can use when requesting access tokens: single spaces, none at the start ' +
    'or end, each value once. `faas.<name>` names a FaaS function; the name is letters, digits, `.`, `_` and `-`.',
  logo_uri: 'The logo of the application (70×70 px): an `https://` URL or a root-relative path starting with `/`.',
  enabled: 'Whether the application is enabled (default `true`).',
  display_name: 'The name shown in the LivePerson console (an earlier version of the manifest).',
  quick_launch_enabled: 'Whether the application appears in the quick-launch menu (default `false`).',
  entry_uri: "The application's SSO launch URI: an `https://` URL, checked as written like a webhook endpoint.",
  enabled_for_profiles: 'The LivePerson agent profiles (by id) the application is enabled for: unique positive integers.',
  capabilities: 'The LivePerson services the application uses.',
};

/** Help for `client_name#<tag>`. */
export const LOCALIZED_NAME_DESCRIPTION =
  'The name of the application in one language (RFC 7591 §2.2): the key is `client_name#` followed by a ' +
  'well-formed BCP 47 language tag, e.g. `client_name#de-CH`. Tags must differ case-insensitively.';

/** Help for each key of `capabilities`. */
const CAPABILITY_DESCRIPTIONS: HelpFor<(typeof CAPABILITIES)['fields']> = {
  webhooks: 'Endpoints to which LivePerson sends messaging event notifications, one per event, and the retry policy.',
  engagement: 'Engagement settings; when present, every field is required.',
};

/** Help for the webhook of one event. */
export const WEBHOOK_EVENT_DESCRIPTION = (event: string): string => `The webhook that receives \`${event}\` notifications.`;

/** Help for each key of a webhook. */
const WEBHOOK_DESCRIPTIONS: HelpFor<(typeof WEBHOOK)['fields']> = {
  endpoint:
    'The URL to send the notification to, query included, at most 2,048 characters. Starts with `https://` in lower case; ' +
    'no user name or password (secrets belong in headers). Checked as written (RFC 3986): ASCII only (a host in punycode), ' +
    'no white space, `\\`, `{`, `}`, `|`, `^`, `` ` ``, `"`, `<` or `>`, every `%` a `%HH` escape; the host a DNS name ' +
    '(labels of letters, digits and `-`) or an IP address, written as browsers read it.',
  max_retries:
    'How many times to retry a failed notification. To be deprecated in favour of `retry.retention_time`, ' +
    'which takes precedence; `0` opts this webhook out of the retry policy.',
  headers: 'HTTP headers added to each notification request. Header names must differ case-insensitively.',
};

/** Help for each key of a webhook header. */
const HEADER_DESCRIPTIONS: HelpFor<(typeof HEADER)['fields']> = {
  header_name:
    'An HTTP field name (an RFC 9110 token); names starting with `x-liveperson-` are reserved, and names that frame ' +
    'or route the request (`Host`, `Content-Length`, `Transfer-Encoding`, …, any case) are set by the sender ' +
    '(RFC 9110 §7.6.1, RFC 9112 §6).',
  header_value:
    'The value: visible ASCII, space and tab only (RFC 9110 §5.5), so nothing can split or fold the header and every ' +
    'HTTP client can send it; encode other text, e.g. in base64.',
};

/** Help for the keys of `capabilities.webhooks` beside the events: the retry policy. */
const WEBHOOKS_DESCRIPTIONS: HelpFor<(typeof WEBHOOKS)['also']> = {
  retry: "LivePerson's retry policy: a failed event is retried with back-off for up to `retention_time` seconds.",
};

/** Help for each key of the retry policy. */
const RETRY_DESCRIPTIONS: HelpFor<(typeof RETRY)['fields']> = {
  retention_time: 'How long to retry a failed event, in seconds.',
};

/** Help for each engagement field. */
const ENGAGEMENT_DESCRIPTIONS: HelpFor<(typeof ENGAGEMENT)['fields']> = {
  design_engagement: 'Whether the engagement button and its appearance can be designed.',
  design_window: 'Whether an engagement window can be added.',
  entry_point: 'Where the engagement that invites consumers is displayed.',
  visitor_behavior: 'The visitor browsing behaviours the engagement reacts to.',
  target_audience: 'The visitors the engagement targets.',
  goal: 'What the engagement is meant to achieve.',
  consumer_identity: 'Whether the consumer must be an authenticated user.',
  language_selection: 'Whether the consumer can select a language.',
};

type Described = KeyedNodes<typeof MANIFEST>;

/**
 * The help texts of every node of the rules tree that has fields, by the node's `name`:
 * one entry per node, one text per field (a node or a field without one is a type error).
 */
export const FIELD_DESCRIPTIONS: {
  readonly [TNode in Described as TNode extends { readonly name: infer TName extends string } ? TName : never]: HelpFor<
    TNode extends { readonly type: 'object'; readonly fields: infer TFields }
      ? TFields
      : TNode extends { readonly also: infer TAlso }
        ? TAlso
        : never
  >;
} = {
  manifest: TOP_LEVEL_DESCRIPTIONS,
  capabilities: CAPABILITY_DESCRIPTIONS,
  webhooks: WEBHOOKS_DESCRIPTIONS,
  webhook: WEBHOOK_DESCRIPTIONS,
  header: HEADER_DESCRIPTIONS,
  retry: RETRY_DESCRIPTIONS,
  engagement: ENGAGEMENT_DESCRIPTIONS,
};
