/**
 * The documented connector template (seeds 002–004): what
 * `ManifestBuilder.connector()` starts from. `client_name`, `description` and
 * the webhooks are the parts a developer fills in.
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
      visitor_behavior: [
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
      ],
      target_audience: [
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
      ],
      goal: ['url', 'purchase_total', 'num_of_pages', 'lead', 'service_activity'],
      consumer_identity: ['auth'],
      language_selection: false,
    },
  },
} as const;
