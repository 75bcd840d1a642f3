// Type-checked in a fresh project under several TypeScript versions and module
// resolutions. `@ts-expect-error` makes each negative case fail the check if it
// ever compiles; the assignments prove the positive cases.
import {
  ManifestBuilder,
  httpsUrl,
  isHttpsUrl,
  validateManifest,
  type ConnectorManifest,
  type HttpsUrl,
  type Manifest,
  type ValidationIssue,
  type WebhookEvent,
} from 'lp-app-manifest';
import { parseManifestText, type ParsedManifestText, type TextPosition } from 'lp-app-manifest/text';

declare const fromEnv: string;

const connector: ConnectorManifest = ManifestBuilder.connector()
  .clientName('Typed consumer')
  .localizedClientName('fr-FR', 'Consommateur typé')
  .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/content', {
    maxRetries: 3,
    headers: { 'X-Token': 'secret' },
  })
  .webhook('cqm.ExConversationChangeNotification', httpsUrl(fromEnv))
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .retryRetention(3600)
  .build();
const scope: 'msg.consumer' = connector.scope;
const general: Manifest = ManifestBuilder.general().clientName('x').grantTypes('authorization_code').build();
const event: WebhookEvent = 'cqm.ExConversationChangeNotification';
if (isHttpsUrl(fromEnv)) {
  const checked: HttpsUrl = fromEnv;
  void checked;
}
const result = validateManifest(JSON.parse('{}') as unknown, { profile: 'connector' });
if (!result.ok) {
  const first: ValidationIssue = result.issues[0];
  void first;
}

// A parameter typed with the defaults takes a builder ready to build.
function finish(builder: ManifestBuilder<'connector'>): ConnectorManifest {
  return builder.build({ strict: true });
}
finish(ManifestBuilder.connector().clientName('Finished'));
// Every optional option takes an explicit undefined (this file is also checked with exactOptionalPropertyTypes).
declare const prod: boolean;
ManifestBuilder.connector()
  .clientName('Options')
  .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/content', {
    maxRetries: prod ? 3 : undefined,
    headers: prod ? { 'X-Token': 'secret' } : undefined,
  })
  .build({ strict: prod ? true : undefined });
ManifestBuilder.from(JSON.parse('{}') as unknown, { profile: prod ? 'connector' : undefined });
validateManifest(JSON.parse('{}') as unknown, { profile: undefined });

// @ts-expect-error build() needs clientName(...) first
ManifestBuilder.general().build();
// @ts-expect-error a builder without clientName(...) is not ready to build
finish(ManifestBuilder.connector());
// @ts-expect-error endpoints must be https://
ManifestBuilder.general().webhook('ms.MessagingEventNotification.ContentEvent', 'http://hooks.example.com');
// @ts-expect-error a plain string endpoint must go through httpsUrl()
ManifestBuilder.general().webhook('ms.MessagingEventNotification.ContentEvent', fromEnv);
// @ts-expect-error the misspelled event name from LivePerson's table
ManifestBuilder.general().webhook('ms.MessagingEventNotification.ExConversationChangeNotification', 'https://h.example.com');
// @ts-expect-error max_retries is 0..5
ManifestBuilder.general().webhook(event, 'https://h.example.com', { maxRetries: 6 });
// @ts-expect-error a connector's grant types must include client_credentials
ManifestBuilder.connector().grantTypes('refresh_token');
// @ts-expect-error a connector cannot design engagements
ManifestBuilder.connector().engagement((current) => ({ ...current, designEngagement: true }));
// @ts-expect-error unknown grant type
ManifestBuilder.general().grantTypes('implicit');
// @ts-expect-error the built manifest is deeply readonly
connector.capabilities!.webhooks!['cqm.ExConversationChangeNotification']!.endpoint = 'https://elsewhere.example.com';
// @ts-expect-error the built manifest is deeply readonly
general.client_name = 'changed';

const parsedText: ParsedManifestText = parseManifestText('{}');
const where: TextPosition[] = parsedText.ok ? parsedText.locate([['client_name']]) : [];
// @ts-expect-error the value is unknown until it is validated
const unchecked: Manifest | undefined = parsedText.ok ? parsedText.value : undefined;

export { scope, finish, where, unchecked };
