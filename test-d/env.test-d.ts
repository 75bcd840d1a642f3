import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  env,
  ManifestBuilder,
  type ConnectorManifest,
  type EnvReference,
  type HttpsUrlInput,
  type LogoUriInput,
} from '../dist/index.js';

const CONTENT = 'ms.MessagingEventNotification.ContentEvent';

// env('NAME') keeps its name in its type, and is a string.
expectType<EnvReference<'LP_HOST'>>(env('LP_HOST'));
expectAssignable<string>(env('LP_HOST'));

// Accepted where a deployment value goes: endpoints (it stands for an HttpsUrl), header values,
// names, description, logo, redirect URIs, entry URI.
expectAssignable<HttpsUrlInput>(env('LP_CONTENT_URL'));
expectAssignable<LogoUriInput>(env('LP_LOGO'));
const built = ManifestBuilder.connector()
  .clientName(env('LP_APP_NAME'))
  .localizedClientName('fr', env('LP_APP_NAME_FR'))
  .displayName(env('LP_DISPLAY_NAME'))
  .description(env('LP_DESCRIPTION'))
  .logoUri(env('LP_LOGO'))
  .redirectUris(env('LP_REDIRECT'))
  .entryUri(env('LP_ENTRY_URI'))
  .webhook(CONTENT, env('LP_CONTENT_URL'), { headers: { 'X-Acme-Token': env('LP_WEBHOOK_TOKEN') } })
  .build({ env: { LP_APP_NAME: 'Acme' } });
expectType<ConnectorManifest>(built);

// Rejected where a literal is required: enum values, numbers, the event name.
expectNotAssignable<'client_credentials'>(env('LP_GRANT'));
expectError(ManifestBuilder.general().grantTypes(env('LP_GRANT')));
expectError(ManifestBuilder.general().responseTypes(env('LP_RESPONSE')));
expectError(ManifestBuilder.general().webhook(CONTENT, 'https://hooks.acme.com/lp', { maxRetries: env('LP_RETRIES') }));
expectError(ManifestBuilder.general().webhook(env('LP_EVENT'), 'https://hooks.acme.com/lp'));
expectError(ManifestBuilder.general().retryRetention(env('LP_RETENTION')));
expectError(ManifestBuilder.connector().engagement((current) => ({ ...current, entryPoint: [env('LP_ENTRY_POINT')] })));

// build() still needs clientName(...), and a reference counts as a name.
expectError(ManifestBuilder.general().description(env('LP_DESCRIPTION')).build());
expectType<ConnectorManifest>(ManifestBuilder.connector().clientName(env('LP_APP_NAME')).build());

// validate() and toTemplate() take and give what they say.
ManifestBuilder.general()
  .clientName(env('LP_APP_NAME'))
  .validate({ env: { LP_APP_NAME: 'Acme' } });
ManifestBuilder.general().clientName(env('LP_APP_NAME')).validate({ env: undefined });
expectType<ConnectorManifest>(ManifestBuilder.connector().clientName(env('LP_APP_NAME')).toTemplate());
expectError(ManifestBuilder.general().clientName('Acme').build({ env: 'LP_APP_NAME=Acme' }));
