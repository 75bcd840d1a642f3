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
