// Runs in a fresh project where the packed tarball is installed: ESM import.
import assert from 'node:assert/strict';
import { ManifestBuilder, validateManifest, ManifestValidationError, httpsUrl } from 'lp-app-manifest';

const manifest = ManifestBuilder.connector()
  .clientName('Consumer ESM')
  .webhook('cqm.ExConversationChangeNotification', httpsUrl('https://hooks.example.com/conv'))
  .build();
assert.equal(manifest.scope, 'msg.consumer');
assert.ok(Object.isFrozen(manifest.capabilities.webhooks));
assert.equal(validateManifest(manifest, { profile: 'connector' }).ok, true);
assert.throws(() => ManifestBuilder.general().clientName('').build(), ManifestValidationError);
console.log('esm ok');
