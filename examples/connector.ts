/**
 * The documented Connector API template, written with the builder.
 *
 *   npm run example        # prints the manifest JSON
 *
 * `ManifestBuilder.connector()` starts from LivePerson's template (grant type,
 * scope, logo and engagement block); what is left is the name, the
 * description and one webhook per messaging event.
 */
import { ManifestBuilder } from 'lp-app-manifest';

// The documented placeholder endpoint: replace it with your connector's own https:// URLs.
const ENDPOINT = 'https://your/webhooks/endpoint';

export const manifest = ManifestBuilder.connector()
  .clientName('App name')
  .description('App description')
  .webhook('ms.MessagingEventNotification.ContentEvent', ENDPOINT, { maxRetries: 3 })
  .webhook('ms.MessagingEventNotification.RichContentEvent', ENDPOINT, { maxRetries: 5 })
  .webhook('ms.MessagingEventNotification.AcceptStatusEvent', ENDPOINT, { maxRetries: 1 })
  .webhook('ms.MessagingEventNotification.ChatStateEvent', ENDPOINT)
  .webhook('cqm.ExConversationChangeNotification', ENDPOINT)
  .build();

process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
