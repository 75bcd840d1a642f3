// Compile errors that name the fix (issue 19 §2): each rule both ways, the error and the valid call
// beside it. The words are checked here through the exported message types and the parameter
// types; test/editor.test.ts and the consumer test (test/consumer/errors.ts) check what tsc prints.
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  ManifestBuilder,
  type AnyManifestBuilder,
  type BuildOptions,
  type ConnectorManifest,
  type Manifest,
  type ManifestTypeError,
  type MaxRetries,
  type MaxRetriesMessage,
  type MisspelledEventMessage,
  type UnknownEventMessage,
  type WebhookEvent,
  type WebhookOptions,
} from '../dist/index.js';

declare const neverValue: never;
declare const plainString: string;
declare const plainNumber: number;
declare const production: boolean;
declare const event: WebhookEvent;
const named = ManifestBuilder.connector().clientName('Acme');
const url = 'https://hooks.acme.com/lp';

// ---- a wrong event name gets the event it most likely means, or the list; only LivePerson's misspelling its fix ----
expectError(named.webhook('ContentEvent', url));
expectError(named.webhook('ms.messagingeventnotification.contentevent', url));
expectError(named.webhook('ms.MessagingEventNotification.ContentEvnt', url));
expectError(named.webhook('ms.MessagingEventNotification.ExConversationChangeNotification', url));
expectError(named.webhook(plainString, url));
expectError(named.withoutWebhook('ContentEvent'));
expectType<typeof named>(named.webhook('ms.MessagingEventNotification.ContentEvent', url));
expectType<typeof named>(named.webhook(event, url));
expectType<typeof named>(named.withoutWebhook('cqm.ExConversationChangeNotification'));

const ALLOWED =
  '"ms.MessagingEventNotification.ContentEvent", "ms.MessagingEventNotification.RichContentEvent", "ms.MessagingEventNotification.AcceptStatusEvent", "ms.MessagingEventNotification.ChatStateEvent", "cqm.ExConversationChangeNotification"' as const;
// the suffix without its prefix, another case, another prefix: the event with that last part
expectType<'not a webhook event; did you mean "ms.MessagingEventNotification.ContentEvent"?'>(
  neverValue as UnknownEventMessage<'ContentEvent'>,
);
expectType<'not a webhook event; did you mean "ms.MessagingEventNotification.ContentEvent"?'>(
  neverValue as UnknownEventMessage<'ms.messagingeventnotification.contentevent'>,
);
expectType<'not a webhook event; did you mean "cqm.ExConversationChangeNotification"?'>(
  neverValue as UnknownEventMessage<'exconversationchangenotification'>,
);
expectType<'not a webhook event; did you mean "ms.MessagingEventNotification.RichContentEvent"?'>(
  neverValue as UnknownEventMessage<'ms.RichContentEvent'>,
);
// otherwise the five, in the table's order
expectType<`not a webhook event (allowed: ${typeof ALLOWED})`>(
  neverValue as UnknownEventMessage<'ms.MessagingEventNotification.ContentEvnt'>,
);
expectType<`not a webhook event (allowed: ${typeof ALLOWED})`>(neverValue as UnknownEventMessage<'Event'>);
expectType<`a webhook event literal (allowed: ${typeof ALLOWED})`>(neverValue as UnknownEventMessage<string>);
// the parameter each name meets: the name and its message; LivePerson's misspelling alone gets "use cqm.…"
expectType<'ContentEvent' & ManifestTypeError<UnknownEventMessage<'ContentEvent'>>>(
  neverValue as Parameters<typeof named.webhook<'ContentEvent'>>[0],
);
expectType<
  'ms.MessagingEventNotification.ContentEvnt' &
    ManifestTypeError<UnknownEventMessage<'ms.MessagingEventNotification.ContentEvnt'>>
>(neverValue as Parameters<typeof named.webhook<'ms.MessagingEventNotification.ContentEvnt'>>[0]);
expectType<'ms.MessagingEventNotification.ExConversationChangeNotification' & ManifestTypeError<MisspelledEventMessage>>(
  neverValue as Parameters<typeof named.withoutWebhook<'ms.MessagingEventNotification.ExConversationChangeNotification'>>[0],
);
expectNotAssignable<`${string}use "cqm.ExConversationChangeNotification"${string}`>(
  neverValue as UnknownEventMessage<'ms.MessagingEventNotification.ContentEvnt'>,
);
// an event is taken as it is (completion offers the events: test/editor.test.ts)
expectType<'cqm.ExConversationChangeNotification'>(
  neverValue as Parameters<typeof named.webhook<'cqm.ExConversationChangeNotification'>>[0],
);

// ---- maxRetries out of range says the range; a misspelled option key names the option ----
expectError(named.webhook(event, url, { maxRetries: 7 }));
expectError(named.webhook(event, url, { maxRetries: plainNumber }));
expectError(named.webhook(event, url, { maxRetry: 3 }));
expectError(named.webhook(event, url, { max_retries: 3 }));
expectError(named.webhook(event, url, { header: { 'X-Acme': 'a' } }));
expectError(named.webhook(event, url, { timeout: 3 }));
// an unknown option in a variable (no excess-property check) is an error too
const withExtra = { maxRetries: 3 as const, timeout: 3 };
expectError(named.webhook(event, url, withExtra));
expectType<'maxRetries must be 0, 1, 2, 3, 4 or 5 (a number in a variable needs "as const" or the type WebhookOptions)'>(
  neverValue as MaxRetriesMessage,
);
// a literal kept in a variable is widened to number: an error (its message says how to keep it) ...
const widenedOptions = { maxRetries: 3 };
expectError(named.webhook(event, url, widenedOptions));
const chosenOptions = { maxRetries: production ? 5 : 2 };
expectError(named.webhook(event, url, chosenOptions));
declare function retryHelper(): { maxRetries?: number };
expectError(named.webhook(event, url, retryHelper()));
// ... and kept as const, or typed WebhookOptions, it compiles
const constOptions = { maxRetries: 3 } as const;
expectType<typeof named>(named.webhook(event, url, constOptions));
const typedOptions: WebhookOptions = { maxRetries: production ? 5 : 2 };
expectType<typeof named>(named.webhook(event, url, typedOptions));
declare function typedHelper(): WebhookOptions;
expectType<typeof named>(named.webhook(event, url, typedHelper()));
declare const retryOptions: Parameters<typeof named.webhook<WebhookEvent, Readonly<Record<string, string>>, { maxRetry: 3 }>>[2];
expectType<
  ManifestTypeError<'unknown option "maxRetry" of webhook(event, endpoint, options); did you mean "maxRetries"?'> | undefined
>(neverValue as NonNullable<typeof retryOptions>['maxRetry']);
expectType<MaxRetries | ManifestTypeError<MaxRetriesMessage> | undefined>(
  neverValue as NonNullable<typeof retryOptions>['maxRetries'],
);
// valid options, as literals, variables and WebhookOptions, still compile
expectType<typeof named>(named.webhook(event, url, { maxRetries: 5 }));
expectType<typeof named>(named.webhook(event, url, { maxRetries: 0, headers: { 'X-Acme': 'a' } }));
expectType<typeof named>(named.webhook(event, url, { maxRetries: production ? 3 : undefined }));
expectType<typeof named>(named.webhook(event, url, {}));
expectType<typeof named>(named.webhook(event, url, undefined));
declare const webhookOptions: WebhookOptions;
expectType<typeof named>(named.webhook(event, url, webhookOptions));
const fromVariable = { maxRetries: 2 as const, headers: { 'X-Acme': 'a' } };
expectType<typeof named>(named.webhook(event, url, fromVariable));
declare const someOptions: Record<never, never> | { maxRetries: MaxRetries };
expectType<typeof named>(named.webhook(event, url, someOptions));
// the options type derived the usual way is the options, not never (webhook() is generic), and a
// value of it passes to webhook()
type DerivedOptions = NonNullable<Parameters<ManifestBuilder<'connector'>['webhook']>[2]>;
expectAssignable<DerivedOptions>({ maxRetries: 3, headers: { 'X-Acme': 'a' } });
expectNotAssignable<DerivedOptions>({ maxRetries: 7 });
declare const derivedOptions: DerivedOptions;
expectType<typeof named>(named.webhook(event, url, derivedOptions));
expectAssignable<Parameters<ManifestBuilder<'connector'>['withoutWebhook']>[0]>(event);
// the contextual type of a literal's maxRetries is still the range (editor completion)
expectAssignable<NonNullable<Parameters<typeof named.webhook<WebhookEvent>>[2]>['maxRetries']>(3 as MaxRetries);

// ---- a builder set in branches: AnyManifestBuilder builds once every path names it ----
{
  let builder: AnyManifestBuilder<'connector'> = ManifestBuilder.connector();
  if (production) builder = builder.clientName('Acme');
  else builder = builder.clientName('Acme (staging)');
  builder = builder.webhook(event, url);
  expectType<ConnectorManifest>(builder.build());
}
{
  let builder: AnyManifestBuilder<'connector'> = ManifestBuilder.connector();
  if (production) builder = builder.clientName('Acme');
  expectError(builder.build());
  expectType<ManifestTypeError<'build() needs clientName(...) first'> | ((options?: BuildOptions) => ConnectorManifest)>(
    neverValue as AnyManifestBuilder<'connector'>['build'],
  );
}
{
  const draft: AnyManifestBuilder<'general'> = ManifestBuilder.general();
  expectError(draft.build());
  expectAssignable<AnyManifestBuilder<'general'>>(ManifestBuilder.general().clientName('x'));
  expectAssignable<AnyManifestBuilder>(ManifestBuilder.connector());
  expectType<Manifest>(ManifestBuilder.general().clientName('x').build());
}
// without the type, the variable is the unnamed builder's, and a named one is not assignable to it
{
  let builder = ManifestBuilder.connector();
  expectError((builder = builder.clientName('Acme')));
}
// the helpers that work: one that builds takes a named builder; one that adds is generic over the name
function finish(builder: ManifestBuilder<'connector'>): ConnectorManifest {
  return builder.build();
}
function withHooks<THasName extends boolean>(builder: ManifestBuilder<'connector', THasName>) {
  return builder.webhook(event, url);
}
expectType<ConnectorManifest>(finish(withHooks(ManifestBuilder.connector()).clientName('Acme')));
expectType<ManifestBuilder<'connector', false>>(withHooks(ManifestBuilder.connector()));
expectError(finish(withHooks(ManifestBuilder.connector())));
declare const eitherState: ManifestBuilder<'connector', boolean>;
expectError(eitherState.build());
