/**
 * The starter manifest that `init` prints and the web page shows in an empty editor: LivePerson's
 * documented template for a connector, a name and a description for a general app. Pure (no file
 * system), so that the page bundles it too.
 */
import { escapeTemplateText, ManifestBuilder, type Manifest, type MaxRetries, type Profile, WEBHOOK_EVENTS } from '../index.js';
import { STARTER, STARTER_WEBHOOKS, TEMPLATE_MAX_RETRIES } from '../rules/template.js';

// The starter's texts and host are STARTER's (src/rules/template.ts), which the validator warns
// about when they are left in a manifest. example.com is reserved for documentation (RFC 2606): a
// starter that is deployed unedited cannot send conversation data to anyone's real server, and a
// reader sees at once what to replace. (The seeds' own "https://your/…" is a single-label host
// that a local resolver might complete.)

/** An event's path under {@link STARTER_WEBHOOKS}: its last name, without `Ex` and `Event`/`Notification`, in kebab case (`rich-content`). */
const pathOf = (event: string): string =>
  (event.split('.').at(-1) ?? event)
    .replace(/^Ex(?=[A-Z])|(?:Event|Notification)$/g, '')
    .replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-')
    .toLowerCase();

/**
 * The starter, as the JSON a user edits: a template, so a "${{" in --name is
 * written escaped ("$${{") and reads back as itself rather than as a placeholder.
 */
export function starter(profile: Profile, givenName: string | undefined): Manifest {
  const name = givenName === undefined ? undefined : escapeTemplateText(givenName);
  if (profile === 'general') {
    return ManifestBuilder.general()
      .clientName(name ?? STARTER.general.client_name)
      .description(STARTER.general.description)
      .toTemplate();
  }
  // The documented template (seeds 002–004): ManifestBuilder.connector() holds the rest of it.
  // Every event, so a new one needs nothing here.
  let builder = ManifestBuilder.connector()
    .clientName(name ?? STARTER.connector.client_name)
    .description(STARTER.connector.description);
  for (const event of WEBHOOK_EVENTS) {
    const maxRetries = TEMPLATE_MAX_RETRIES[event] as MaxRetries | undefined;
    builder = builder.webhook(event, `${STARTER_WEBHOOKS}/${pathOf(event)}`, maxRetries === undefined ? {} : { maxRetries });
  }
  return builder.toTemplate();
}
