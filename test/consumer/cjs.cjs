// Runs in a fresh project where the packed tarball is installed: CommonJS require.
const assert = require('node:assert/strict');
const { ManifestBuilder, validateManifest, ManifestValidationError } = require('lp-app-manifest');

const manifest = ManifestBuilder.general().clientName('Consumer CJS').build();
assert.deepEqual(JSON.parse(JSON.stringify(manifest)), { client_name: 'Consumer CJS' });
assert.equal(validateManifest({ client_name: 1 }).ok, false);
assert.throws(() => ManifestBuilder.general().build(), ManifestValidationError);
// The deploy subpath, from the packed package.
const { diffManifests, formatManifestDiff } = require('lp-app-manifest/installations');
assert.equal(formatManifestDiff(diffManifests({ enabled: false }, { enabled: true })), '~ enabled: false → true');
// The text subpath, from the packed package.
const { parseManifestText } = require('lp-app-manifest/text');
assert.deepEqual(parseManifestText('{ "a": }'), { ok: false, reason: 'expected_value', position: { line: 1, column: 8 } });
console.log('cjs ok');
