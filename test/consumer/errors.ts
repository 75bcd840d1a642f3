// Compile errors whose text says what to do. Each `// expect TSxxxx: text` line names the error the
// next statement must produce (its code, and text its message must contain); run.mjs checks the
// tsc output against these under every TypeScript version, and that no other error appears.
import { ManifestBuilder } from 'lp-app-manifest';

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
// expect TS2322: 'MaxRetries | undefined'
named.webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/lp', { maxRetries: 6 });

export { finish };
