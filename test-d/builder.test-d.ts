import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  ManifestBuilder,
  httpsUrl,
  isHttpsUrl,
  validateManifest,
  type ConnectorManifest,
  type HttpsUrl,
  type Manifest,
  type ManifestBuilderInterface,
  type ManifestTypeError,
  type WebhookEvent,
  type GrantType,
  type ResponseType,
  type ResponseTypeInput,
  type EntryPoint,
  type ConsumerIdentity,
  type EngagementSettings,
  type Profile,
  type BuildOptions,
  type MaxRetries,
  type MisspelledEventMessage,
  type UncheckedUrlMessage,
  type ValidateOptions,
  type WebhookOptions,
} from '../dist/index.js';

declare const anyValue: any;
declare const neverValue: never;
declare const plainString: string;
declare const plainNumber: number;

// ---- factories and type state ----
expectType<ManifestBuilderInterface<'general', false>>(ManifestBuilder.general());
expectType<ManifestBuilderInterface<'connector', false>>(ManifestBuilder.connector());
expectType<ManifestBuilderInterface<'general', true>>(ManifestBuilder.general().clientName('x'));
expectType<ManifestBuilderInterface<'connector', true>>(ManifestBuilder.from({}, { profile: 'connector' }));
expectType<ManifestBuilderInterface<'general', true>>(ManifestBuilder.from({}));
expectType<'connector'>(ManifestBuilder.connector().profile);

// ---- build() only after clientName(...), and the error names what is missing ----
expectType<Manifest>(ManifestBuilder.general().clientName('x').build());
expectType<ConnectorManifest>(ManifestBuilder.connector().clientName('x').build());
expectType<ManifestTypeError<'build() needs clientName(...) first'>>(ManifestBuilder.general().build);
expectError(ManifestBuilder.general().build());
expectError(ManifestBuilder.connector().description('d').build());
// clientName set early survives the rest of the chain
expectType<Manifest>(ManifestBuilder.general().clientName('x').description('d').enabled().build());
// an unknown state (boolean) is not buildable either
declare const maybeNamed: ManifestBuilderInterface<'general', boolean>;
expectError(maybeNamed.build());

// ---- enum values ----
expectType<ManifestBuilderInterface<'general', false>>(ManifestBuilder.general().grantTypes('authorization_code'));
expectError(ManifestBuilder.general().grantTypes('implicit'));
expectError(ManifestBuilder.general().grantTypes(plainString));
expectType<ManifestBuilderInterface<'general', false>>(ManifestBuilder.general().responseTypes('code', 'id_token token'));
expectError(ManifestBuilder.general().responseTypes('id_token_token'));
// The output's type has one spelling per value, the canonical one; responseTypes(...) takes a
// value's space-separated values in any order (RFC 6749 §3.1.1), as the validator does.
expectAssignable<ResponseType>('id_token token');
expectNotAssignable<ResponseType>('token id_token');
expectAssignable<ResponseTypeInput>('token id_token');
expectAssignable<ResponseTypeInput>('id_token token');
expectType<'code' | 'token' | 'id_token' | 'id_token token' | 'token id_token'>(neverValue as ResponseTypeInput);
expectNotAssignable<ResponseTypeInput>('token code');
expectNotAssignable<ResponseTypeInput>('token token');
expectNotAssignable<ResponseTypeInput>('token  id_token');
expectType<ManifestBuilderInterface<'general', false>>(ManifestBuilder.general().responseTypes('token id_token'));
expectType<ManifestBuilderInterface<'general', false>>(ManifestBuilder.general().responseTypes('code', 'token id_token'));
expectError(ManifestBuilder.general().responseTypes('code token'));
expectError(ManifestBuilder.general().responseTypes('token id_token code'));
expectError(ManifestBuilder.general().responseTypes(plainString));
expectType<ManifestBuilderInterface<'general', false>>(ManifestBuilder.general().scope('msg.consumer'));
expectError(ManifestBuilder.general().scope('msg.agent'));
expectError(ManifestBuilder.general().scope());
expectError(ManifestBuilder.general().scope(plainString));

// ---- webhook event names, including the documented misspelling ----
const https = 'https://hooks.example.com/lp' as const;
expectType<ManifestBuilderInterface<'general', false>>(
  ManifestBuilder.general().webhook('cqm.ExConversationChangeNotification', https),
);
expectError(ManifestBuilder.general().webhook('ms.MessagingEventNotification.ExConversationChangeNotification', https));
expectError(ManifestBuilder.general().webhook('ms.MessagingEventNotification.TypoEvent', https));
expectError(ManifestBuilder.general().webhook(plainString, https));
expectAssignable<WebhookEvent>('ms.MessagingEventNotification.ChatStateEvent');
expectNotAssignable<WebhookEvent>('ms.MessagingEventNotification.ExConversationChangeNotification');

// ---- endpoints: https literals and checked HttpsUrl only ----
const event = 'ms.MessagingEventNotification.ContentEvent' as const;
expectError(ManifestBuilder.general().webhook(event, 'http://hooks.example.com/lp'));
expectError(ManifestBuilder.general().webhook(event, 'HTTPS://hooks.example.com/lp'));
expectError(ManifestBuilder.general().webhook(event, 'hooks.example.com/lp'));
expectError(ManifestBuilder.general().webhook(event, plainString));
expectType<HttpsUrl>(httpsUrl(plainString));
ManifestBuilder.general().webhook(event, httpsUrl(plainString));
if (isHttpsUrl(plainString)) {
  expectType<HttpsUrl>(plainString);
  ManifestBuilder.general().webhook(event, plainString);
}
expectNotAssignable<HttpsUrl>(plainString);
expectNotAssignable<HttpsUrl>('https://hooks.example.com/lp');
// `any` opts out of checking (the runtime validator still runs); `never` is unreachable
ManifestBuilder.general().webhook(event, anyValue);
ManifestBuilder.general().webhook(event, neverValue);
// entry_uri and logo_uri follow the same rule; logos may also be root-relative paths
ManifestBuilder.general().entryUri('https://acme.com/launch');
expectError(ManifestBuilder.general().entryUri('http://acme.com/launch'));
expectError(ManifestBuilder.general().entryUri(plainString));
ManifestBuilder.general().logoUri('/assets/logo.png');
ManifestBuilder.general().logoUri('https://cdn.acme.com/logo.png');
expectError(ManifestBuilder.general().logoUri('http://cdn.acme.com/logo.png'));
expectError(ManifestBuilder.general().logoUri(plainString));

// ---- maxRetries: integer literal 0..5 ----
ManifestBuilder.general().webhook(event, https, { maxRetries: 0 });
ManifestBuilder.general().webhook(event, https, { maxRetries: 5 });
expectError(ManifestBuilder.general().webhook(event, https, { maxRetries: 6 }));
expectError(ManifestBuilder.general().webhook(event, https, { maxRetries: -1 }));
expectError(ManifestBuilder.general().webhook(event, https, { maxRetries: 2.5 }));
expectError(ManifestBuilder.general().webhook(event, https, { maxRetries: '3' }));
expectError(ManifestBuilder.general().webhook(event, https, { maxRetries: plainNumber }));
expectError(ManifestBuilder.general().webhook(event, https, { maxRetry: 3 }));
ManifestBuilder.general().webhook(event, https, { headers: { 'X-Acme-Token': plainString } });
expectError(ManifestBuilder.general().webhook(event, https, { headers: { 'X-Acme-Token': 42 } }));

// ---- connector profile restrictions ----
ManifestBuilder.connector().grantTypes('client_credentials');
ManifestBuilder.connector().grantTypes('refresh_token', 'client_credentials');
expectError(ManifestBuilder.connector().grantTypes('refresh_token'));
expectError(ManifestBuilder.connector().grantTypes('authorization_code', 'refresh_token'));
expectError(ManifestBuilder.connector().grantTypes());
// the general profile has no such rule
ManifestBuilder.general().grantTypes('refresh_token');
ManifestBuilder.general().grantTypes();
ManifestBuilder.connector().scope('msg.consumer');
expectError(ManifestBuilder.connector().scope('msg.agent'));

const connectorEngagement = {
  designEngagement: false,
  designWindow: false,
  entryPoint: ['section'],
  visitorBehavior: ['flow'],
  targetAudience: [],
  goal: [],
  consumerIdentity: ['auth'],
  languageSelection: false,
} as const;
ManifestBuilder.connector().engagement(connectorEngagement);
expectError(ManifestBuilder.connector().engagement({ ...connectorEngagement, designEngagement: true }));
expectError(ManifestBuilder.connector().engagement({ ...connectorEngagement, designWindow: true }));
expectError(ManifestBuilder.connector().engagement({ ...connectorEngagement, consumerIdentity: ['unauth'] }));
expectError(ManifestBuilder.connector().engagement({ ...connectorEngagement, consumerIdentity: ['auth', 'unauth'] }));
// the general profile allows them
ManifestBuilder.general().engagement({ ...connectorEngagement, designEngagement: true, consumerIdentity: ['auth', 'unauth'] });

// ---- engagement: every field required, enum values checked, non-empty where the spec says so ----
const { languageSelection: _omitted, ...missingOne } = connectorEngagement;
expectError(ManifestBuilder.general().engagement(missingOne));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, entryPoint: [] }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, consumerIdentity: [] }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, entryPoint: ['page'] }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, visitorBehavior: ['shopping'] }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, targetAudience: ['zip_code'] }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, goal: ['revenue'] }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, consumerIdentity: ['anonymous'] }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, languageSelection: 'false' }));
// the callback form receives the current (or default) block and must return a complete one
ManifestBuilder.connector().engagement((current) => ({ ...current, entryPoint: ['url'] }));
expectError(ManifestBuilder.connector().engagement((current) => ({ ...current, designWindow: true })));
expectError(ManifestBuilder.general().engagement(() => ({ entryPoint: ['url'] })));
ManifestBuilder.general().engagement((current) => {
  expectType<EngagementSettings>(current);
  return current;
});
expectAssignable<EntryPoint>('url');
expectNotAssignable<ConsumerIdentity>('guest');
expectAssignable<GrantType>('refresh_token');
expectNotAssignable<ResponseType>('id_token_token');

// ---- the built manifest is deeply readonly ----
const built = ManifestBuilder.connector()
  .clientName('x')
  .webhook(event, https, { headers: { A: 'b' } })
  .build();
expectError((built.client_name = 'y'));
expectError((built.grant_types[0] = 'refresh_token'));
expectError(built.grant_types.push('refresh_token'));
expectError((built.capabilities!.engagement!.design_window = true));
expectError((built.capabilities!.webhooks![event]!.endpoint = 'https://other'));
expectError((built.capabilities!.webhooks![event]!.headers![0]!.header_value = 'leak'));
expectType<'msg.consumer'>(built.scope);

// ---- validateManifest types follow the profile ----
const result = validateManifest(JSON.parse('{}') as unknown, { profile: 'connector' });
if (result.ok) expectType<ConnectorManifest>(result.manifest);
else expectType<string>(result.issues[0].path);
const general = validateManifest({});
if (general.ok) expectType<Manifest>(general.manifest);
expectError(validateManifest({}, { profile: 'agent' }));
expectAssignable<Profile>('general');

// ---- the builder is an immutable value: no setters, no assignment ----
const base = ManifestBuilder.general();
expectError((base.profile = 'connector'));

// ---- `any`, `never` and plain `string` at every typed argument ----
// `any` opts out of compile-time checking everywhere (the runtime validator still runs);
// `never` is unreachable code and is accepted everywhere; a plain `string` is rejected
// wherever the spec allows only listed values or https URLs.
ManifestBuilder.general().grantTypes(anyValue);
ManifestBuilder.connector().grantTypes(anyValue);
ManifestBuilder.general().grantTypes(neverValue);
ManifestBuilder.general().responseTypes(anyValue);
ManifestBuilder.general().responseTypes(neverValue);
ManifestBuilder.general().scope(anyValue);
ManifestBuilder.general().webhook(anyValue, https);
ManifestBuilder.general().webhook(neverValue, https);
ManifestBuilder.general().webhook(event, https, anyValue);
ManifestBuilder.general().webhook(event, https, { maxRetries: anyValue });
expectType<ManifestBuilderInterface<'general', true>>(ManifestBuilder.general().clientName(anyValue));
ManifestBuilder.general().entryUri(anyValue);
ManifestBuilder.general().logoUri(neverValue);
ManifestBuilder.connector().engagement(anyValue);
expectType<HttpsUrl>(httpsUrl(anyValue));
expectError(ManifestBuilder.general().webhook(event, https, { maxRetries: plainString }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, goal: [plainString] }));
expectError(ManifestBuilder.general().engagement({ ...connectorEngagement, entryPoint: [plainString] }));
// a string from process.env is `string | undefined`: httpsUrl takes it and reports the missing case at run time
declare const fromEnv: string | undefined;
expectType<HttpsUrl>(httpsUrl(fromEnv, 'CONV_URL'));
expectError(ManifestBuilder.general().webhook(event, fromEnv));

// ---- compile errors that say what to do ----
// The rejected argument's parameter type carries the explanation: a plain string endpoint is told
// about httpsUrl(), the misspelled event about the key to use (the runtime issue's own words).
// (test/builder.test.ts and the consumer test check the text tsc prints.)
declare const uncheckedUrlMessage: UncheckedUrlMessage;
expectAssignable<`${string}httpsUrl(value, label)${string}`>(uncheckedUrlMessage);
declare const misspelledEventMessage: MisspelledEventMessage;
expectType<'"ms.MessagingEventNotification.ExConversationChangeNotification" is not a webhook event (LivePerson\'s table misspells it); use "cqm.ExConversationChangeNotification"'>(
  misspelledEventMessage,
);
declare const named: ManifestBuilderInterface<'connector'>;
expectAssignable<Parameters<typeof named.webhook<WebhookEvent>>[1]>(
  uncheckedUrlMessage as unknown as ManifestTypeError<UncheckedUrlMessage>,
);
// the misspelled key's parameter type is the key and the error that names the event to use
expectType<'ms.MessagingEventNotification.ExConversationChangeNotification' & ManifestTypeError<MisspelledEventMessage>>(
  neverValue as Parameters<typeof named.webhook<'ms.MessagingEventNotification.ExConversationChangeNotification'>>[0],
);
expectAssignable<Parameters<typeof named.entryUri>[0]>(uncheckedUrlMessage as unknown as ManifestTypeError<UncheckedUrlMessage>);
expectAssignable<Parameters<typeof named.logoUri>[0]>(uncheckedUrlMessage as unknown as ManifestTypeError<UncheckedUrlMessage>);
expectError(named.entryUri(plainString));
expectError(named.logoUri(plainString));
expectError(named.withoutWebhook('ms.MessagingEventNotification.ExConversationChangeNotification'));
named.withoutWebhook('cqm.ExConversationChangeNotification');

// ---- the type with its defaults is a builder ready to build ----
function finish(builder: ManifestBuilderInterface<'connector'>): ConnectorManifest {
  return builder.build();
}
expectType<ManifestBuilderInterface<'connector', true>>(named);
expectType<ConnectorManifest>(finish(ManifestBuilder.connector().clientName('x')));
expectType<ConnectorManifest>(finish(ManifestBuilder.from({}, { profile: 'connector' })));
// a builder before clientName(...) is not one (tsc explains with `build() needs clientName(...) first`)
expectError(finish(ManifestBuilder.connector()));
expectError(finish(ManifestBuilder.connector().description('d')));
// nor is one of the other profile
expectError(finish(ManifestBuilder.general().clientName('x')));
// the named state is exact: a function that takes either state is generic
function describe<THasName extends boolean>(
  builder: ManifestBuilderInterface<'connector', THasName>,
): ManifestBuilderInterface<'connector', THasName> {
  return builder.description('described');
}
expectType<ManifestBuilderInterface<'connector', false>>(describe(ManifestBuilder.connector()));
expectType<ConnectorManifest>(describe(named).build());
expectError(describe(ManifestBuilder.connector()).build());
// a builder of either profile, named
const anyProfile: ManifestBuilderInterface = named;
expectType<Manifest | ConnectorManifest>(anyProfile.build());

// ---- build({ strict }) ----
expectType<ConnectorManifest>(named.build({ strict: true }));
expectType<ConnectorManifest>(named.build({}));
expectType<ConnectorManifest>(named.build(undefined));
expectError(named.build({ strict: 'yes' }));
expectError(named.build({ strickt: true }));
expectError(ManifestBuilder.connector().build({ strict: true }));
expectAssignable<BuildOptions>({ strict: false });

// ---- every optional option takes an explicit `undefined` (exactOptionalPropertyTypes is on here) ----
declare const prod: boolean;
named.webhook(event, https, { maxRetries: prod ? 3 : undefined });
named.webhook(event, https, { maxRetries: undefined, headers: undefined });
named.webhook(event, https, { headers: prod ? { 'X-Acme-Token': plainString } : undefined });
named.webhook(event, https, undefined);
expectType<ConnectorManifest>(named.build({ strict: prod ? true : undefined }));
expectType<ManifestBuilderInterface<'connector', true>>(ManifestBuilder.from({}, { profile: 'connector' }));
expectType<ManifestBuilderInterface<'general', true>>(ManifestBuilder.from({}, { profile: undefined }));
// `undefined` means `general`, so a profile that may be undefined gives the type of either profile
expectType<ManifestBuilderInterface<Profile, true>>(ManifestBuilder.from({}, { profile: prod ? 'connector' : undefined }));
const maybeConnector = validateManifest({}, { profile: prod ? 'connector' : undefined });
if (maybeConnector.ok) expectType<Manifest | ConnectorManifest>(maybeConnector.manifest);
const undefinedProfile = validateManifest({}, { profile: undefined });
if (undefinedProfile.ok) expectType<Manifest>(undefinedProfile.manifest);
expectAssignable<WebhookOptions>({ maxRetries: undefined, headers: undefined });
expectAssignable<ValidateOptions>({ profile: undefined });
// and only `undefined`: the values themselves are still checked
expectError(named.webhook(event, https, { maxRetries: prod ? 6 : undefined }));
expectError(named.webhook(event, https, { maxRetries: null }));
expectAssignable<MaxRetries>(5);
expectNotAssignable<MaxRetries>(6);
