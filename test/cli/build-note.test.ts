import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, runCli, useTempDir } from './helpers.js';

/** A connector-looking JSON template with no "$schema" (as `toTemplate()` writes one): build says which rules it used. */
describe('lp-app-manifest build of a JSON file that looks like a connector, with no profile', () => {
  requireBuiltCli();
  const tmp = useTempDir();
  const connector = {
    client_name: 'Acme Connector',
    grant_types: ['client_credentials'],
    scope: 'msg.consumer',
    capabilities: { webhooks: { 'cqm.ExConversationChangeNotification': { endpoint: 'https://hooks.acme.com/lp' } } },
  };

  it('notes that it was checked as general by default and how to choose connector; not with --profile or "$schema"', () => {
    writeFileSync(join(tmp(), 'template.json'), JSON.stringify(connector));
    const run = runCli(['build', 'template.json', '--out', 'out.json'], { cwd: tmp() });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/^template\.json: note: checked against the general profile, the default .*--profile connector/m);
    expect(readFileSync(join(tmp(), 'out.json'), 'utf8')).to.include('general.schema.json');
    const chosen = runCli(['build', 'template.json', '--profile', 'connector', '--out', 'chosen.json'], { cwd: tmp() });
    expect(chosen.stderr).not.to.include('note:');
    expect(readFileSync(join(tmp(), 'chosen.json'), 'utf8')).to.include('connector.schema.json');
  });
});
