/**
 * A deployment script: one base manifest, the endpoints for this environment
 * from environment variables, validated, written to a file.
 *
 *   LP_ENV=production \
 *   LP_CONTENT_URL=https://hooks.acme.com/lp/content \
 *   LP_CONVERSATION_URL=https://hooks.acme.com/lp/conversations \
 *   LP_WEBHOOK_TOKEN=... \
 *   npx tsx examples/deploy-script.ts [out-file]
 *
 * On any problem it prints every issue (never the token) and exits with 1,
 * writing nothing; on success it writes the manifest (default manifest.json)
 * atomically and exits with 0.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  formatIssue,
  httpsUrl,
  ManifestBuilder,
  ManifestValidationError,
  type HttpsUrl,
  type ValidationIssue,
} from 'lp-app-manifest';

const outFile = process.argv[2] ?? 'manifest.json';
const problems: ValidationIssue[] = [];

/** Reads an endpoint from the environment, collecting the problem instead of stopping at the first. */
function endpointFromEnv(name: string): HttpsUrl | undefined {
  try {
    return httpsUrl(process.env[name], name);
  } catch (error) {
    if (!(error instanceof ManifestValidationError)) throw error;
    problems.push(...error.issues);
    return undefined;
  }
}

const environment = process.env['LP_ENV'] ?? 'staging';
const contentUrl = endpointFromEnv('LP_CONTENT_URL');
const conversationUrl = endpointFromEnv('LP_CONVERSATION_URL');
const token = process.env['LP_WEBHOOK_TOKEN'] ?? '';

const base = ManifestBuilder.connector()
  .clientName(environment === 'production' ? 'Acme Connector' : `Acme Connector (${environment})`)
  .description('Routes Acme chat into LivePerson')
  .retryRetention(3600);

let builder = base;
if (contentUrl !== undefined) {
  builder = builder.webhook('ms.MessagingEventNotification.ContentEvent', contentUrl, {
    headers: { 'X-Acme-Token': token },
  });
}
if (conversationUrl !== undefined) {
  builder = builder.webhook('cqm.ExConversationChangeNotification', conversationUrl, {
    headers: { 'X-Acme-Token': token },
  });
}

const result = builder.validate();
if (!result.ok) problems.push(...result.issues);
if (problems.length > 0 || !result.ok) {
  console.error(`Cannot write ${outFile}: ${problems.length} problem(s)`);
  for (const issue of problems) console.error(`  ✖ ${formatIssue(issue)}`);
  process.exit(1);
}
for (const warning of result.warnings) console.warn(`  warning: ${formatIssue(warning)}`);

// Write beside the target, then rename: a crash never leaves a half-written manifest.
const temporary = join(dirname(outFile), `.${process.pid}.manifest.tmp`);
writeFileSync(temporary, `${JSON.stringify(result.manifest, null, 2)}\n`);
renameSync(temporary, outFile);
console.log(`Wrote ${outFile} (${environment})`);
