/**
 * Run by pollution.test.ts in a child process: pollutes Object.prototype and
 * Array.prototype with every key the validator and the builder look for,
 * validates and builds, and prints the results as JSON. In its own process,
 * because a polluted (even once) prototype slows every later test: V8 gives
 * up its fast paths for the rest of the process.
 */
import { ManifestBuilder, validateManifest } from '../../src/index.js';
import { ENGAGEMENT_FIELDS, TOP_LEVEL_FIELDS, WEBHOOK_EVENTS } from '../../src/rules/tables.js';

const EVENT = WEBHOOK_EVENTS[4];

// What other code might have polluted: every key the validator and the builder look for.
const keys = [
  ...Object.keys(TOP_LEVEL_FIELDS),
  'webhooks',
  'engagement',
  'retry',
  'retention_time',
  'endpoint',
  'max_retries',
  'headers',
  'header_name',
  'header_value',
  ...Object.keys(ENGAGEMENT_FIELDS),
  ...Object.values(ENGAGEMENT_FIELDS).map(({ option }) => option),
  'maxRetries',
  ...WEBHOOK_EVENTS,
  'client_name#fr',
];
const pollution: Record<string, unknown> = {
  ...Object.fromEntries(keys.map((key) => [key, ['https://evil.example']])),
  capabilities: { webhooks: { [EVENT]: { endpoint: 'https://evil.example' } } },
  webhooks: { [EVENT]: { endpoint: 'https://evil.example' } },
  client_name: 'Evil',
  endpoint: 'https://evil.example',
  header_name: 'X-Evil',
  header_value: 'evil',
  retention_time: 60,
  // What the validator's own rule tables leave unset: a polluted setting would change the rules.
  required: 'always',
  minItems: 5,
  maxLength: 1,
  itemMaxLength: 1,
  notBlank: true,
  noControlCharacters: true,
  format: 'https-url',
  connectorMustInclude: 'refresh_token',
  connectorExactly: 'nothing',
  // And what the cross-field warnings look up in the output.
  response_types: ['code'],
  grant_types: ['authorization_code'],
  retry: { retention_time: 60 },
};
const holes: unknown[] = [];
holes.length = 1;

const clean = {
  builderEngagement: ManifestBuilder.general()
    .clientName('Acme')
    .engagement((current) => current)
    .build(),
};

for (const [key, value] of Object.entries(pollution)) (Object.prototype as Record<string, unknown>)[key] = value;
(Array.prototype as unknown as Record<number, unknown>)[0] = 'client_credentials';

const results = {
  empty: validateManifest({}),
  webhookWithoutEndpoint: validateManifest({ client_name: 'Acme', capabilities: { webhooks: { [EVENT]: {} } } }),
  holeInGrantTypes: validateManifest({ client_name: 'Acme', grant_types: holes }),
  valid: validateManifest({ client_name: 'Acme' }),
  validEverything: validateManifest(
    {
      client_name: 'Acme',
      description: 'Routes chat',
      grant_types: ['client_credentials'],
      scope: 'msg.consumer',
      capabilities: {
        webhooks: { [EVENT]: { endpoint: 'https://hooks.acme.com', max_retries: 3 } },
        engagement: {
          design_engagement: false,
          design_window: false,
          entry_point: ['section'],
          visitor_behavior: [],
          target_audience: [],
          goal: [],
          consumer_identity: ['auth'],
          language_selection: false,
        },
      },
    },
    { profile: 'connector' },
  ),
  builder: ManifestBuilder.general()
    .clientName('Acme')
    .retryRetention(60)
    .webhook(EVENT, 'https://hooks.acme.com', {})
    .validate(),
  builderEngagement: ManifestBuilder.general()
    .clientName('Acme')
    .engagement((current) => current)
    .validate(),
  from: ManifestBuilder.from({ client_name: 'Acme' }).validate(),
};

for (const key of Object.keys(pollution)) delete (Object.prototype as Record<string, unknown>)[key];
delete (Array.prototype as unknown as Record<number, unknown>)[0];

process.stdout.write(JSON.stringify({ results, clean }));
