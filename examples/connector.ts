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

const builder = ManifestBuilder.connector()
  .clientName('App name')
  .description('App description')
  .webhook('ms.MessagingEventNotification.ContentEvent', ENDPOINT, { maxRetries: 3 })
  .webhook('ms.MessagingEventNotification.RichContentEvent', ENDPOINT, { maxRetries: 5 })
  .webhook('ms.MessagingEventNotification.AcceptStatusEvent', ENDPOINT, { maxRetries: 1 })
  .webhook('ms.MessagingEventNotification.ChatStateEvent', ENDPOINT)
  .webhook('cqm.ExConversationChangeNotification', ENDPOINT);

export const manifest = builder.build();

process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
// build() returns a valid manifest and does not report warnings; validate() does. The template's
// placeholders are valid, but no server of LivePerson's could reach the endpoint, and the name and
// description are LivePerson's placeholder texts: say so, on stderr.
for (const warning of builder.validate().warnings) process.stderr.write(`warning: ${warning.path}: ${warning.message}\n`);
