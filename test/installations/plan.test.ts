import { expect } from 'chai';
import { formatManifestDiff, manifestFromInstallation, planInstallation } from '../../src/installations/index.js';
import { readFixture } from '../helpers/fixtures.js';

const CONTENT_EVENT = 'ms.MessagingEventNotification.ContentEvent';

function installed(manifest: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'app-1',
    client_id: 'client-1',
    client_secret: 'installed-client-secret-9876',
    client_id_issued_at: 1700000000,
    deleted: false,
    is_internal: false,
    ...manifest,
    capabilities: { ...(manifest['capabilities'] as object), broadcast: { enabled: true } },
    unknown_field: { keep: ['me'] },
  };
}

describe('planInstallation', () => {
  it('creates when nothing is installed, with the manifest itself as the body', () => {
    const manifest = readFixture('connector-template.json') as Record<string, unknown>;
    const plan = planInstallation(manifest, undefined);
    expect(plan.action).to.equal('create');
    expect(plan.body).to.deep.equal(manifest);
    expect(plan.diff.changes.every((change) => change.kind === 'added')).to.equal(true);
  });

  it('does nothing when the managed fields match, whatever LivePerson added', () => {
    const manifest = readFixture('connector-with-headers.json') as Record<string, unknown>;
    const plan = planInstallation(manifest, installed(manifest));
    expect(plan).to.include({ action: 'none', id: 'app-1' });
    expect(plan.diff.changes).to.deep.equal([]);
  });

  it('updates with the installation as read, exactly the managed fields replaced, every other field kept', () => {
    const manifest = readFixture('connector-with-headers.json') as Record<string, any>;
    const current = installed(manifest);
    const desired = structuredClone(manifest);
    desired.description = 'New';
    desired.capabilities.webhooks[CONTENT_EVENT].endpoint = 'https://example.com/new';
    delete desired.logo_uri;
    const plan = planInstallation(desired, current);
    expect(plan.action).to.equal('update');
    expect(manifest.logo_uri).to.be.a('string');
    const expected: Record<string, unknown> = {
      ...current,
      ...desired,
      capabilities: { broadcast: { enabled: true }, ...desired.capabilities },
    };
    delete expected['logo_uri'];
    expect(plan.body).to.deep.equal(expected);
    expect(Object.hasOwn(plan.body, 'logo_uri')).to.equal(false);
    expect(plan.body['unknown_field']).to.deep.equal({ keep: ['me'] });
    expect(plan.body['client_secret']).to.equal('installed-client-secret-9876');
    expect(formatManifestDiff(plan.diff)).not.to.include('installed-client-secret-9876');
    expect(plan.diff.changes.map((change) => change.path)).to.have.members([
      'description',
      'logo_uri',
      `capabilities.webhooks["${CONTENT_EVENT}"].endpoint`,
    ]);
  });

  it('shows drift: LivePerson disabled the app while the manifest enables it', () => {
    const manifest = { client_name: 'Bot', enabled: true };
    const plan = planInstallation(manifest, { id: 'a', client_name: 'Bot', enabled: false });
    expect(plan.action).to.equal('update');
    expect(formatManifestDiff(plan.diff)).to.equal('~ enabled: false → true');
    expect(plan.body['enabled']).to.equal(true);
  });

  it('keeps enabled as LivePerson set it when the manifest does not say', () => {
    const plan = planInstallation({ client_name: 'Bot' }, { id: 'a', client_name: 'Bot', enabled: false });
    expect(plan.action).to.equal('none');
    expect(plan.body['enabled']).to.equal(false);
  });

  it('drops capabilities only when nothing of it is left', () => {
    const plan = planInstallation({ client_name: 'Bot' }, { id: 'a', client_name: 'Bot', capabilities: { webhooks: {} } });
    expect(Object.hasOwn(plan.body, 'capabilities')).to.equal(false);
    const kept = planInstallation(
      { client_name: 'Bot' },
      { id: 'a', client_name: 'Bot', capabilities: { webhooks: {}, broadcast: 1 } },
    );
    expect(kept.body['capabilities']).to.deep.equal({ broadcast: 1 });
  });
});

describe('manifestFromInstallation', () => {
  it('leaves out server-assigned fields, and names fields a manifest has no place for', () => {
    const manifest = readFixture('connector-with-headers.json') as Record<string, unknown>;
    const result = manifestFromInstallation(installed(manifest), { hideSecrets: false });
    expect(result.manifest).to.deep.equal(manifest);
    expect(result.leftOut).to.deep.equal(['capabilities.broadcast', 'unknown_field']);
    expect(JSON.stringify(result)).not.to.include('installed-client-secret-9876');
  });

  it('replaces header values by placeholders by default, and says where', () => {
    const manifest = readFixture('connector-with-headers.json') as Record<string, any>;
    const result = manifestFromInstallation(installed(manifest));
    expect(JSON.stringify(result)).not.to.include('"VALUE"');
    expect(result.hidden).to.deep.include({
      path: `capabilities.webhooks["${CONTENT_EVENT}"].headers[0].header_value`,
      variable: 'LP_CONTENTEVENT_NAME',
    });
    expect((result.manifest as any).capabilities.webhooks[CONTENT_EVENT].headers[0]).to.deep.equal({
      header_name: 'NAME',
      header_value: '${{ LP_CONTENTEVENT_NAME }}',
    });
  });
});
