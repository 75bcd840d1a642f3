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

  it('names every header value its own variable (a numeric suffix when names collide), deterministically', () => {
    const installation = {
      id: 'a',
      client_name: 'Bot',
      capabilities: {
        webhooks: {
          [CONTENT_EVENT]: {
            endpoint: 'https://hooks.example.com/lp',
            headers: [
              { header_name: 'X_Auth', header_value: 'one' },
              { header_name: 'X-Auth', header_value: 'two' },
              { header_name: 'x.auth', header_value: 'three' },
              { header_name: 'X-Auth-2', header_value: 'four' },
            ],
          },
          'ms.Other.ContentEvent': {
            endpoint: 'https://hooks.example.com/lp',
            headers: [{ header_name: 'X-Auth', header_value: 'five' }],
          },
        },
      },
    };
    const first = manifestFromInstallation(installation);
    const variables = first.hidden.map((hidden) => hidden.variable);
    expect(variables).to.deep.equal([
      'LP_CONTENTEVENT_X_AUTH',
      'LP_CONTENTEVENT_X_AUTH_2',
      'LP_CONTENTEVENT_X_AUTH_3',
      'LP_CONTENTEVENT_X_AUTH_2_2',
      'LP_CONTENTEVENT_X_AUTH_4',
    ]);
    expect(new Set(variables).size).to.equal(variables.length);
    expect(manifestFromInstallation(structuredClone(installation))).to.deep.equal(first);
  });

  it('never builds a variable name from a header name that is not an HTTP token (it may be a pasted secret)', () => {
    const result = manifestFromInstallation({
      client_name: 'Bot',
      capabilities: {
        webhooks: {
          [CONTENT_EVENT]: {
            endpoint: 'https://hooks.example.com/lp',
            headers: [
              { header_name: 'X-Good', header_value: 'v1' },
              { header_name: 'X-Bad Name: HV-SECRET-2', header_value: 'v2' },
              { header_name: 42, header_value: 'v3' },
            ],
          },
        },
      },
    });
    expect(result.hidden.map((hidden) => hidden.variable)).to.deep.equal([
      'LP_CONTENTEVENT_X_GOOD',
      'LP_CONTENTEVENT_HEADER_2',
      'LP_CONTENTEVENT_HEADER_3',
    ]);
    expect(JSON.stringify(result.hidden)).not.to.include('SECRET');
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
