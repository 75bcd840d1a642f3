/**
 * A general LivePerson application (not a connector): OAuth authorization-code
 * flow with redirect URIs, a localized name, an SSO entry URI, and one webhook.
 *
 *   npx tsx examples/general-app.ts
 */
import { ManifestBuilder, validateManifest } from 'lp-app-manifest';

const builder = ManifestBuilder.general()
  .clientName('Acme Agent Assist')
  .localizedClientName('fr-FR', 'Assistant Acme')
  .localizedClientName('de', 'Acme-Assistent')
  .description('Suggests answers to agents while they chat')
  .grantTypes('authorization_code', 'refresh_token')
  .responseTypes('code')
  .redirectUris('https://assist.acme.com/oauth/callback', 'http://localhost:3000/oauth/callback')
  .scope('msg.consumer')
  .logoUri('https://cdn.acme.com/assist/logo-70x70.png')
  .entryUri('https://assist.acme.com/launch')
  .quickLaunchEnabled()
  .webhook('ms.MessagingEventNotification.ContentEvent', 'https://assist.acme.com/lp/content', {
    headers: { 'X-Acme-Source': 'liveperson' },
  });

const manifest = builder.build();

// Warnings never fail a build, but are worth a look; validateManifest() returns them.
const { warnings } = validateManifest(manifest);
for (const warning of warnings) console.warn(`warning: ${warning.path}: ${warning.message} [${warning.code}]`);

process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
