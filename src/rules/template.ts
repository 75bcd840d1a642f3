import { GOALS, TARGET_AUDIENCES, VISITOR_BEHAVIORS, type WEBHOOK_EVENTS } from './tables.js';

/**
 * The documented connector template (seeds 002–004): what
 * `ManifestBuilder.connector()` starts from. `client_name`, `description` and
 * the webhooks are the parts a developer fills in. Its engagement block lists
 * every visitor behaviour, target audience and goal, in table order.
 */
export const CONNECTOR_TEMPLATE = {
  grant_types: ['client_credentials'],
  scope: 'msg.consumer',
  logo_uri: '/src/modules/campaigns/assets/img/software/Mobile-App.png',
  capabilities: {
    engagement: {
      design_engagement: false,
      design_window: false,
      entry_point: ['section'],
      visitor_behavior: VISITOR_BEHAVIORS,
      target_audience: TARGET_AUDIENCES,
      goal: GOALS,
      consumer_identity: ['auth'],
      language_selection: false,
    },
  },
} as const;

/**
 * The `max_retries` of the documented template's webhooks (seeds 002–004), by event; an event it
 * leaves out (or one added since) has none. `init --profile connector` writes them.
 */
export const TEMPLATE_MAX_RETRIES: Partial<Record<(typeof WEBHOOK_EVENTS)[number], number>> = {
  'ms.MessagingEventNotification.ContentEvent': 3,
  'ms.MessagingEventNotification.RichContentEvent': 5,
  'ms.MessagingEventNotification.AcceptStatusEvent': 1,
};

/**
 * What `lp-app-manifest init` writes for the user to replace: the host of its webhook endpoints
 * (`example.com`, reserved for documentation by RFC 2606, so an unedited starter sends nothing to
 * anyone's server) and, by profile, its name and description. `init` writes these; the validator
 * warns on each left in a manifest (`template_leftover`).
 */
export const STARTER = {
  host: 'example.com',
  general: { client_name: 'My App', description: 'What the app does, in a sentence' },
  connector: { client_name: 'My Connector', description: 'What the connector does, in a sentence' },
} as const;

/** The base of the starter's webhook endpoints: each event's path follows it. */
export const STARTER_WEBHOOKS = `https://${STARTER.host}/lp/webhooks` as const;

/**
 * The placeholder texts of LivePerson's documented examples, as they are on its pages
 * (test/fixtures/seeds): `App name` and `App description` of the connector template ("App Install
 * Manifest for Connectors", Connector API "Getting Started"), `My First LE-App` and `This is my
 * first LE-App` of "Installing LivePerson Applications".
 */
export const LIVEPERSON_TEMPLATE_TEXTS = {
  client_name: ['App name', 'My First LE-App'],
  description: ['App description', 'This is my first LE-App'],
} as const;

/**
 * Where text left from a template comes from (`template_leftover`'s `origin`): LivePerson's
 * documented examples (`App name`), what `lp-app-manifest init` writes (`My App`, `example.com`),
 * a text wholly in braces or angle brackets (`{Your App Name}`), or a host label starting `your-`.
 *
 * @example
 * ```ts
 * import { validateManifest, type LeftoverOrigin } from 'lp-app-manifest';
 *
 * const result = validateManifest({ client_name: 'App name' });
 * const warning = result.warnings.find((issue) => issue.code === 'template_leftover');
 * const origin: LeftoverOrigin | undefined = warning?.code === 'template_leftover' ? warning.params.origin : undefined;
 * console.log(origin); // 'liveperson_template'
 * ```
 */
export type LeftoverOrigin = 'liveperson_template' | 'init_starter' | 'placeholder' | 'your_label';

/** Every text of a template above, trimmed and lower-cased, to where it comes from. */
const LEFTOVER_TEXTS: ReadonlyMap<string, LeftoverOrigin> = /* @__PURE__ */ (() =>
  new Map<string, LeftoverOrigin>([
    ...[...LIVEPERSON_TEMPLATE_TEXTS.client_name, ...LIVEPERSON_TEMPLATE_TEXTS.description].map(
      (text): [string, LeftoverOrigin] => [text.toLowerCase(), 'liveperson_template'],
    ),
    ...[STARTER.general, STARTER.connector]
      .flatMap((texts) => [texts.client_name, texts.description])
      .map((text): [string, LeftoverOrigin] => [text.toLowerCase(), 'init_starter']),
  ]))();

/** A text wholly in braces or angle brackets, as a template writes what to fill in: `{Your App Name}`, `<app name>`. */
const BRACKETED = /^\s*(?:\{[^{}]*\}|<[^<>]*>)\s*$/u;

/**
 * Whether a `client_name` or `description` is text left from a template: one of LivePerson's
 * placeholder texts or `init`'s starter texts (compared trimmed, in any case), or wholly in braces.
 */
export function leftoverText(text: string): LeftoverOrigin | undefined {
  return LEFTOVER_TEXTS.get(text.trim().toLowerCase()) ?? (BRACKETED.test(text) ? 'placeholder' : undefined);
}

/** The prefix of a host label that a template asks to fill in: `your-domain.com`, `YOUR-APP.example.com`. */
const YOUR_LABEL = /(?:^|\.)your-/u;

/**
 * Whether a URL's host (lower-cased, as the WHATWG parser gives it) is left from a template: a
 * label starting `your-`, or the host `init` writes ({@link STARTER}), a trailing dot aside.
 */
export function leftoverHost(host: string): LeftoverOrigin | undefined {
  if (YOUR_LABEL.test(host)) return 'your_label';
  return (host.endsWith('.') ? host.slice(0, -1) : host) === STARTER.host ? 'init_starter' : undefined;
}
