/**
 * `lp-app-manifest init`: prints a starter manifest that validates.
 */
import { match } from 'ts-pattern';
import { ManifestBuilder, ManifestValidationError, type Manifest, type Profile } from '../index.js';
import { HELP_OPTION, parseCommandLine, PROFILE_OPTION, PROGRAM, readProfile } from './args.js';
import type { Command } from './command.js';
import { EXIT, UsageError, type ExitCode, type Io } from './io.js';

const HELP = `Usage: ${PROGRAM} init [options] > manifest.json

Prints a starter manifest that validates.

Options:
  --profile <name>  general (default): a name and a description;
                    connector: the documented Connector API template with all
                    five webhooks, pointing at placeholder https://example.com URLs
  --name <name>     the app's client_name
  -h, --help        show this help`;

// example.com is reserved for documentation (RFC 2606): a starter that is
// deployed unedited cannot send conversation data to anyone's real server,
// and a reader sees at once what to replace. (The seeds' own "https://your/…"
// is a single-label host that a local resolver might complete.)
const PLACEHOLDER_WEBHOOKS = 'https://example.com/lp/webhooks';

function starter(profile: Profile, name: string | undefined): Manifest {
  return match(profile)
    .with('general', () =>
      ManifestBuilder.general()
        .clientName(name ?? 'My App')
        .description('What the app does, in a sentence')
        .build(),
    )
    .with('connector', () =>
      // The documented template (seeds 002–004): ManifestBuilder.connector() holds the rest of it.
      ManifestBuilder.connector()
        .clientName(name ?? 'My Connector')
        .description('What the connector does, in a sentence')
        .webhook('ms.MessagingEventNotification.ContentEvent', `${PLACEHOLDER_WEBHOOKS}/content`, { maxRetries: 3 })
        .webhook('ms.MessagingEventNotification.RichContentEvent', `${PLACEHOLDER_WEBHOOKS}/rich-content`, {
          maxRetries: 5,
        })
        .webhook('ms.MessagingEventNotification.AcceptStatusEvent', `${PLACEHOLDER_WEBHOOKS}/accept-status`, {
          maxRetries: 1,
        })
        .webhook('ms.MessagingEventNotification.ChatStateEvent', `${PLACEHOLDER_WEBHOOKS}/chat-state`)
        .webhook('cqm.ExConversationChangeNotification', `${PLACEHOLDER_WEBHOOKS}/conversation-change`)
        .build(),
    )
    .exhaustive();
}

/** `lp-app-manifest init [--profile P] [--name NAME]` */
export const initCommand: Command = {
  name: 'init',
  summary: 'print a starter manifest',
  help: HELP,
  async run(args: readonly string[], io: Io): Promise<ExitCode> {
    const { values } = parseCommandLine({
      args: [...args],
      options: { ...HELP_OPTION, ...PROFILE_OPTION, name: { type: 'string' } },
    });
    if (values.help === true) {
      io.stdout(`${HELP}\n`);
      return EXIT.ok;
    }
    const profile = readProfile(values.profile) ?? 'general';
    let manifest: Manifest;
    try {
      manifest = starter(profile, values.name);
    } catch (error) {
      // Only --name can make the starter invalid: it is a bad argument, so a usage error.
      if (!(error instanceof ManifestValidationError)) throw error;
      throw new UsageError(`invalid --name: ${error.issues.map((issue) => issue.message).join('; ')}`);
    }
    io.stdout(`${JSON.stringify(manifest, null, 2)}\n`);
    return EXIT.ok;
  },
};
