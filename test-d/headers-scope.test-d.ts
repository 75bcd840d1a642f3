/**
 * Type-level rules of webhook headers, scope values and agent-profile ids:
 * what the compiler accepts and rejects, both ways.
 */
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  FRAMING_HEADER_NAMES,
  ManifestBuilder,
  type FramingHeaderMessage,
  type Manifest,
  type ManifestBuilderInterface,
  type ManifestTypeError,
  type Scope,
} from '../dist/index.js';

declare const plainString: string;
declare const headerMap: Record<string, string>;
const event = 'ms.MessagingEventNotification.ContentEvent';
const https = 'https://hooks.example.com/lp';
const general = ManifestBuilder.general().clientName('x');

// ---- headers that frame or route the request: a compile error where the name is known, in any case ----
expectError(general.webhook(event, https, { headers: { 'Content-Length': '0' } }));
expectError(general.webhook(event, https, { headers: { 'content-length': '0' } }));
expectError(general.webhook(event, https, { headers: { HOST: 'evil.example.com' } }));
expectError(general.webhook(event, https, { headers: { 'X-Acme': 'a', 'Transfer-Encoding': 'chunked' } }));
expectError(general.webhook(event, https, { headers: { te: 'trailers' }, maxRetries: 3 }));
const framing = { headers: { Connection: 'close' } };
expectError(general.webhook(event, https, framing));
expectType<
  | 'Host'
  | 'Content-Length'
  | 'Transfer-Encoding'
  | 'Connection'
  | 'Keep-Alive'
  | 'Proxy-Connection'
  | 'Upgrade'
  | 'TE'
  | 'Trailer'
  | 'Expect'
>(FRAMING_HEADER_NAMES[0 as number]!);

// The error text names the header and what is wrong with it.
type Check = { readonly 'Content-Length': ManifestTypeError<`"Content-Length" ${FramingHeaderMessage}`> };
expectNotAssignable<Check>({ 'Content-Length': '0' });

// Any other name is fine, and so is a map whose names are not known at compile time (the validator checks those).
expectType<ManifestBuilderInterface<'general', true>>(
  general.webhook(event, https, { headers: { 'X-Host': 'a', Hosts: 'b', 'Content-Type': 'c' } }),
);
general.webhook(event, https, { headers: headerMap });
general.webhook(event, https, { headers: { Authorization: plainString } });
general.webhook(event, https, { maxRetries: 2 });
general.webhook(event, https);
expectError(general.webhook(event, https, { headers: { 'X-Acme': 42 } }));

// ---- scope values: msg.consumer, livedeflect, faas.<name> ----
expectAssignable<Scope>('msg.consumer');
expectAssignable<Scope>('livedeflect');
expectAssignable<Scope>('faas.lambdas');
expectNotAssignable<Scope>('msg.agent');
expectNotAssignable<Scope>('FAAS.x');
expectNotAssignable<Scope>(plainString);
general.scope('msg.consumer', 'livedeflect', 'faas.my-function');
expectError(general.scope('openid'));
expectError(ManifestBuilder.connector().scope('msg.agent'));

// ---- enabled_for_profiles ----
expectType<ManifestBuilderInterface<'general', true>>(general.enabledForProfiles(42, 43));
general.enabledForProfiles();
expectError(general.enabledForProfiles('42'));
expectError(general.enabledForProfiles([42]));
expectType<readonly number[] | undefined>(general.build().enabled_for_profiles);
expectAssignable<Manifest>({ client_name: 'x', enabled_for_profiles: [42] });
expectNotAssignable<Manifest>({ client_name: 'x', enabled_for_profiles: ['42'] });

// A connector's scope is exactly 'msg.consumer', at compile time too; the general profile takes any scope values.
ManifestBuilder.connector().clientName('Acme').scope('msg.consumer');
expectError(ManifestBuilder.connector().clientName('Acme').scope('livedeflect'));
expectError(ManifestBuilder.connector().clientName('Acme').scope('msg.consumer', 'livedeflect'));
ManifestBuilder.general().clientName('Acme').scope('msg.consumer', 'livedeflect', 'faas.my_lambda');
