/**
 * A deployment script: one base manifest, the values of this environment
 * as env('NAME') references, filled from the environment when it builds.
 *
 *   LP_ENV=production \
 *   LP_CONTENT_URL=https://hooks.acme.com/lp/content \
 *   LP_CONVERSATION_URL=https://hooks.acme.com/lp/conversations \
 *   LP_WEBHOOK_TOKEN=... \
 *   npx tsx examples/deploy-script.ts [out-file]
 *
 * On any problem (an unset or invalid variable, a warning) it prints every
 * issue, each naming its variable and never the token, and exits with 1,
 * writing nothing; on success it writes the manifest (default manifest.json)
 * atomically, readable by its owner only (it holds the token), and exits with 0.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { env, formatIssue, ManifestBuilder } from 'lp-app-manifest';

const outFile = process.argv[2] ?? 'manifest.json';
const environment = process.env['LP_ENV'] ?? 'staging';
const auth = { headers: { 'X-Acme-Token': env('LP_WEBHOOK_TOKEN') } };

const base = ManifestBuilder.connector()
  .clientName(environment === 'production' ? 'Acme Connector' : `Acme Connector (${environment})`)
  .description('Routes Acme chat into LivePerson')
  .retryRetention(3600);

const builder = base
  .webhook('ms.MessagingEventNotification.ContentEvent', env('LP_CONTENT_URL'), auth)
  .webhook('cqm.ExConversationChangeNotification', env('LP_CONVERSATION_URL'), auth);

// validate() fills the references from process.env and reports every problem at once; a
// deployment treats warnings as failures too (as build({ strict: true }) does).
const result = builder.validate();
const problems = [...(result.ok ? [] : result.issues), ...result.warnings];
if (!result.ok || problems.length > 0) {
  console.error(`Cannot write ${outFile}: ${problems.length} problem(s)`);
  for (const issue of problems) console.error(`  ${issue.severity === 'error' ? '✖' : '⚠'} ${formatIssue(issue)}`);
  process.exit(1);
}

// Write beside the target, then rename: a crash never leaves a half-written manifest.
const temporary = join(dirname(outFile), `.${process.pid}.manifest.tmp`);
writeFileSync(temporary, `${JSON.stringify(result.manifest, null, 2)}\n`, { mode: 0o600 });
renameSync(temporary, outFile);
console.log(`Wrote ${outFile} (${environment}); it holds the webhook token, so only its owner can read it`);
