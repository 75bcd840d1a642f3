// Runs in a fresh project where the packed tarball is installed: ESM import.
import assert from 'node:assert/strict';
import { ManifestBuilder, validateManifest, ManifestValidationError, httpsUrl } from 'lp-app-manifest';
import * as main from 'lp-app-manifest';
import { createInstallationsClient, diffManifests, planInstallation } from 'lp-app-manifest/installations';
import { parseManifestText } from 'lp-app-manifest/text';

const manifest = ManifestBuilder.connector()
  .clientName('Consumer ESM')
  .webhook('cqm.ExConversationChangeNotification', httpsUrl('https://hooks.example.com/conv'))
  .build();
assert.equal(manifest.scope, 'msg.consumer');
assert.ok(Object.isFrozen(manifest.capabilities.webhooks));
assert.equal(validateManifest(manifest, { profile: 'connector' }).ok, true);
assert.throws(() => ManifestBuilder.general().clientName('').build(), ManifestValidationError);
// The deploy subpath, from the packed package.
assert.equal(diffManifests({ client_name: 'a' }, { client_name: 'b' }).changes[0].path, 'client_name');
assert.equal(planInstallation({ client_name: 'a' }, { id: '1', client_name: 'a', enabled: false }).action, 'none');
assert.equal(typeof createInstallationsClient({ account: '1', env: {} }).list, 'function');
// The text subpath: positions in a manifest's JSON text.
const parsed = parseManifestText('{\n  "client_name": "A",\n  "client_name": ""\n}');
assert.equal(parsed.ok, true);
assert.deepEqual(parsed.duplicates[0].again, { line: 3, column: 3 });
assert.deepEqual(parsed.locate([['client_name']]), [{ line: 3, column: 3 }]);
// What the CLI alone uses is no export of the package.
for (const name of ['makeIssue', 'describeType', 'isPlainObject', 'FILE_ISSUE_CODES', 'makeIssueWith', 'issueLine'])
  assert.equal(name in main, false, name);
console.log('esm ok');
