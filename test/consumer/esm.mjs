// Runs in a fresh project where the packed tarball is installed: ESM import.
import assert from 'node:assert/strict';
import { ManifestBuilder, validateManifest, ManifestValidationError, httpsUrl } from 'lp-app-manifest';
import { createInstallationsClient, diffManifests, planInstallation } from 'lp-app-manifest/installations';

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
console.log('esm ok');
