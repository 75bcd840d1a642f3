// Compile errors whose text says what to do. Each `// expect TSxxxx: text` line names the error the
// next statement must produce (its code, and text its message must contain); run.mjs checks the
// tsc output against these under every TypeScript version, and that no other error appears.
import { ManifestBuilder, type AnyManifestBuilder, type WebhookOptions } from 'lp-app-manifest';

declare const fromEnv: string;
const named = ManifestBuilder.connector().clientName('Errors');

// expect TS2345: httpsUrl(value, label)
named.webhook('ms.MessagingEventNotification.ContentEvent', fromEnv);
// expect TS2345: httpsUrl(value, label)
named.entryUri(fromEnv);
// expect TS2345: cqm.ExConversationChangeNotification
named.webhook('ms.MessagingEventNotification.ExConversationChangeNotification', 'https://hooks.example.com/lp');
// expect TS2349: build() needs clientName(...) first
ManifestBuilder.connector().build();

function finish(builder: ManifestBuilder<'connector'>) {
  return builder.build();
}
// expect TS2345: build() needs clientName(...) first
finish(ManifestBuilder.connector());
// expect TS2322: maxRetries must be 0, 1, 2, 3, 4 or 5 (a number in a variable needs \"as const\" or the type WebhookOptions)
named.webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/lp', { maxRetries: 6 });
// A literal kept in a variable is widened to number: the message says how to keep it.
const widened = { maxRetries: 3 };
// expect TS2345: a number in a variable needs \"as const\" or the type WebhookOptions
named.webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/lp', widened);
// ... and both ways of keeping it compile.
const kept = { maxRetries: 3 } as const;
named.webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/lp', kept);
const typed: WebhookOptions = { maxRetries: 3 };
named.webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/lp', typed);
// expect TS2322: did you mean \"maxRetries\"?
named.webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/lp', { maxRetry: 3 });
// expect TS2345: not a webhook event; did you mean \"ms.MessagingEventNotification.ContentEvent\"?
named.webhook('ContentEvent', 'https://hooks.example.com/lp');
// expect TS2345: not a webhook event; did you mean \"ms.MessagingEventNotification.ContentEvent\"?
named.webhook('ms.messagingeventnotification.contentevent', 'https://hooks.example.com/lp');
// expect TS2345: not a webhook event (allowed: \"ms.MessagingEventNotification.ContentEvent\"
named.webhook('ms.MessagingEventNotification.ContentEvnt', 'https://hooks.example.com/lp');

// A builder set in branches, typed AnyManifestBuilder: build() compiles once every path names it.
declare const production: boolean;
let perEnvironment: AnyManifestBuilder<'connector'> = ManifestBuilder.connector();
if (production) perEnvironment = perEnvironment.clientName('Errors');
else perEnvironment = perEnvironment.clientName('Errors (staging)');
perEnvironment.build();
let maybeNamed: AnyManifestBuilder<'connector'> = ManifestBuilder.connector();
if (production) maybeNamed = maybeNamed.clientName('Errors');
// expect TS2349: build() needs clientName(...) first
maybeNamed.build();

export { finish };
