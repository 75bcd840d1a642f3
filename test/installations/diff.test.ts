import { expect } from 'chai';
import { manifestJsonSchema } from '../../src/index.js';
import {
  diffManifests,
  formatManifestDiff,
  HIDDEN_VALUE,
  managedCapabilities,
  managedFields,
} from '../../src/installations/index.js';
import { readFixture } from '../helpers/fixtures.js';

const CONTENT_EVENT = 'ms.MessagingEventNotification.ContentEvent';
const clone = <T>(value: T): T => structuredClone(value);

describe('diffManifests', () => {
  it('finds no difference between a fixture and itself, or a copy with keys and enum lists reordered', () => {
    for (const name of [
      'connector-template.json',
      'connector-with-headers.json',
      'general-example.json',
      'connector-with-editor-schema.json',
    ]) {
      const manifest = readFixture(name) as Record<string, unknown>;
      expect(diffManifests(manifest, clone(manifest)), name).to.deep.equal({ equal: true, changes: [] });
      const reordered = Object.fromEntries(Object.entries(clone(manifest)).reverse());
      if (Array.isArray(reordered['grant_types']))
        reordered['grant_types'] = [...(reordered['grant_types'] as unknown[])].reverse();
      expect(diffManifests(manifest, reordered).equal, name).to.equal(true);
    }
  });

  it('ignores $schema, which is editor metadata', () => {
    const withSchema = readFixture('connector-with-editor-schema.json') as Record<string, unknown>;
    const { $schema, ...without } = withSchema;
    expect($schema).to.be.a('string');
    expect(diffManifests(withSchema, without).equal).to.equal(true);
  });

  it('lists added, removed and changed values by JSON path, in canonical order, as text and as data', () => {
    const before = readFixture('connector-template.json') as Record<string, any>;
    const after = clone(before);
    after.description = 'A new description';
    delete after.logo_uri;
    after.capabilities.webhooks[CONTENT_EVENT].endpoint = 'https://example.com/new';
    after.enabled = true;
    const diff = diffManifests(before, after);
    expect(diff.equal).to.equal(false);
    const text = formatManifestDiff(diff).split('\n');
    expect(text).to.include(`~ description: ${JSON.stringify(before.description)} → "A new description"`);
    expect(text).to.include(`- logo_uri: ${JSON.stringify(before.logo_uri)}`);
    expect(text).to.include(
      `~ capabilities.webhooks["${CONTENT_EVENT}"].endpoint: ${JSON.stringify(before.capabilities.webhooks[CONTENT_EVENT].endpoint)} → "https://example.com/new"`,
    );
    expect(text.some((line) => line.startsWith('+ enabled: true') || line.startsWith(`~ enabled: `))).to.equal(true);
    expect(diff.changes.find((change) => change.path === 'logo_uri')).to.include({ kind: 'removed', hidden: false });
    expect(diff.changes.find((change) => change.path === 'description')?.segments).to.deep.equal(['description']);
    expect(Object.isFrozen(diff) && Object.isFrozen(diff.changes) && Object.isFrozen(diff.changes[0])).to.equal(true);
    expect(JSON.parse(JSON.stringify(diff))).to.deep.equal(diff);
  });

  it('never shows a header value: a changed one reads as changed, an added one as hidden', () => {
    const before = readFixture('connector-with-headers.json') as Record<string, any>;
    const after = clone(before);
    after.capabilities.webhooks[CONTENT_EVENT].headers[0].header_value = 'new-secret-value-1234';
    after.capabilities.webhooks['ms.MessagingEventNotification.AcceptStatusEvent'].headers = [
      { header_name: 'X-Auth', header_value: 'added-secret-5678' },
    ];
    const diff = diffManifests(before, after);
    const text = formatManifestDiff(diff);
    const serialized = JSON.stringify(diff);
    for (const secret of ['VALUE', 'new-secret-value-1234', 'added-secret-5678']) {
      expect(text).not.to.include(secret);
      expect(serialized).not.to.include(secret);
    }
    expect(text).to.include(
      `~ capabilities.webhooks["${CONTENT_EVENT}"].headers[0].header_value: ${HIDDEN_VALUE} → ${HIDDEN_VALUE}`,
    );
    expect(text).to.include('X-Auth');
    expect(diff.changes.find((change) => change.path.endsWith('header_value'))).to.include({ kind: 'changed', hidden: true });
  });

  it('never shows the password (or any user information) of a URL, nor its query (where keys are often sent)', () => {
    const a = { client_name: 'A', entry_uri: 'https://apps.example.com/launch' };
    const b = {
      client_name: 'A',
      entry_uri: 'https://u:SECRETPW@apps.example.com/launch?key=SECRETKEY#top',
      logo_uri: 'https://x:SECRET2@cdn.example.com/l.png',
      capabilities: {
        webhooks: { 'cqm.ExConversationChangeNotification': { endpoint: 'https://fn.example.net/api/hook?code=SECRETCODE' } },
      },
    };
    const diff = diffManifests(a, b);
    const text = formatManifestDiff(diff);
    expect(text).to.include('https://(hidden)@apps.example.com/launch?(hidden)#top');
    expect(text).to.include('"https://fn.example.net/api/hook?(hidden)"');
    expect(text + JSON.stringify(diff)).to.not.include('SECRET');
  });

  it('hides a header value wherever else it stands (say, pasted into client_name)', () => {
    const hook = (value: string) => ({
      capabilities: {
        webhooks: {
          [CONTENT_EVENT]: { endpoint: 'https://hooks.example.com/lp', headers: [{ header_name: 'X-T', header_value: value }] },
        },
      },
    });
    const a = { client_name: 'a', ...hook('OLDSECRET1') };
    const b = { client_name: 'OLDSECRET1', description: 'holds NEWSECRET2 inside', ...hook('NEWSECRET2') };
    const diff = diffManifests(a, b);
    const text = formatManifestDiff(diff);
    // The marker is not a value: unquoted in text, and the change says it is hidden.
    expect(text).to.include('~ client_name: "a" → (hidden)');
    expect(diff.changes.find((change) => change.path === 'client_name')).to.include({ hidden: true, after: HIDDEN_VALUE });
    expect(diff.changes.find((change) => change.path === 'description')).to.include({ hidden: true, after: HIDDEN_VALUE });
    expect(text + JSON.stringify(diff)).to.not.include('SECRET');
  });

  describe('malformed webhook headers: nothing of an item is shown but a header_name that is an HTTP token', () => {
    const withHeaders = (headers: unknown, event = CONTENT_EVENT) => ({
      client_name: 'Bot',
      capabilities: { webhooks: { [event]: { endpoint: 'https://hooks.example.com/lp', headers } } },
    });
    const base = withHeaders([{ header_name: 'X-A', header_value: 'v1' }]);
    const cases: readonly (readonly [string, unknown, readonly string[]])[] = [
      ['a string instead of an object', withHeaders(['Authorization: Bearer sk_live_SECRET2']), ['sk_live_SECRET2']],
      [
        'typo keys',
        withHeaders([{ header_name: 'X-A', header_valeu: 'sk_live_SECRET5', value: 'sk_live_SECRET6' }]),
        ['sk_live_SECRET5', 'sk_live_SECRET6'],
      ],
      [
        'a header name that is not a token',
        withHeaders([{ header_name: 'Authorization: Bearer SECRET-N1', header_value: 'v' }]),
        ['SECRET-N1'],
      ],
      ['a key that is not a token', withHeaders([{ 'Authorization: Bearer SECRET-K1': 'x' }]), ['SECRET-K1']],
      ['nested values', withHeaders([{ header_name: 'X-A', header_value: { nested: ['SECRET-NEST'] } }]), ['SECRET-NEST']],
      [
        'a number where the name should be, a list where the value should be',
        withHeaders([{ header_name: 1, header_value: ['SECRET-L1'] }]),
        ['SECRET-L1'],
      ],
      ['an object instead of a list', withHeaders({ Authorization: 'Bearer SECRET-O1' }), ['SECRET-O1']],
      ['a string instead of a list', withHeaders('Authorization: Bearer SECRET-S1'), ['SECRET-S1']],
      [
        'a misspelled event name holding a webhook',
        withHeaders(
          ['Authorization: Bearer SECRET-E1', { header_name: 'X-B', auth: 'SECRET-E2' }],
          'ms.MessagingEventNotification.ContentEvnt',
        ),
        ['SECRET-E1', 'SECRET-E2'],
      ],
      [
        'a webhook with a misspelled or unknown key',
        {
          client_name: 'Bot',
          capabilities: {
            webhooks: {
              [CONTENT_EVENT]: { endpoint: 'https://hooks.example.com/lp', header: ['Bearer SECRET-W1'], auth: 'SECRET-W2' },
            },
          },
        },
        ['SECRET-W1', 'SECRET-W2'],
      ],
      [
        'a string or a list where a webhook should be',
        {
          client_name: 'Bot',
          capabilities: {
            webhooks: {
              [CONTENT_EVENT]: 'Authorization: Bearer SECRET-W3',
              'ms.MessagingEventNotification.RichContentEvent': [{ header_name: 'X-A', header_value: 'SECRET-W4' }],
            },
          },
        },
        ['SECRET-W3', 'SECRET-W4'],
      ],
      [
        'webhooks under a misspelled capability, headers out of place',
        {
          client_name: 'Bot',
          capabilities: { webhook: { [CONTENT_EVENT]: { headers: ['Bearer SECRET-C1'] } } },
          headers: ['Bearer SECRET-C2'],
        },
        ['SECRET-C1', 'SECRET-C2'],
      ],
      [
        'a secret pasted elsewhere too',
        { ...withHeaders(['Authorization: Bearer SECRET-P1']), description: 'Authorization: Bearer SECRET-P1' },
        ['SECRET-P1'],
      ],
    ];
    for (const [name, malformed, secrets] of cases) {
      it(`${name}: hidden in text and data, both ways`, () => {
        for (const diff of [diffManifests(base, malformed), diffManifests(malformed, base), diffManifests({}, malformed)]) {
          expect(diff.equal, name).to.equal(false);
          const shown = `${formatManifestDiff(diff)}\n${JSON.stringify(diff)}`;
          for (const secret of secrets) expect(shown, name).not.to.include(secret);
          expect(shown, name).not.to.include('Bearer');
          expect(shown, name).to.include(HIDDEN_VALUE);
        }
      });
    }

    it('shows a header name that is a token, and where a malformed item is', () => {
      const text = formatManifestDiff(
        diffManifests(base, withHeaders([{ header_name: 'X-A', header_valeu: 'sk_live_SECRET5' }, 'Authorization: Bearer x'])),
      ).split('\n');
      expect(text).to.include(`- capabilities.webhooks["${CONTENT_EVENT}"].headers[0].header_value: ${HIDDEN_VALUE}`);
      expect(text).to.include(`+ capabilities.webhooks["${CONTENT_EVENT}"].headers[0].header_valeu: ${HIDDEN_VALUE}`);
      expect(text).to.include(`+ capabilities.webhooks["${CONTENT_EVENT}"].headers[1]: ${HIDDEN_VALUE}`);
      const added = formatManifestDiff(diffManifests({}, withHeaders([{ header_name: 'X-Api-Key', header_value: 'v' }])));
      expect(added).to.include(`+ capabilities.webhooks["${CONTENT_EVENT}"].headers[0].header_name: "X-Api-Key"`);
      expect(added).to.include(`+ capabilities.webhooks["${CONTENT_EVENT}"].headers[0].header_value: ${HIDDEN_VALUE}`);
    });

    it('still shows the retry policy, the endpoint and max_retries of a webhook', () => {
      const a = {
        client_name: 'Bot',
        capabilities: {
          webhooks: { retry: { retention_time: 60 }, [CONTENT_EVENT]: { endpoint: 'https://a.example.com/x', max_retries: 1 } },
        },
      };
      const b = {
        client_name: 'Bot',
        capabilities: {
          webhooks: { retry: { retention_time: 120 }, [CONTENT_EVENT]: { endpoint: 'https://b.example.com/x', max_retries: 2 } },
        },
      };
      expect(formatManifestDiff(diffManifests(a, b)).split('\n')).to.deep.equal([
        `~ capabilities.webhooks["${CONTENT_EVENT}"].endpoint: "https://a.example.com/x" → "https://b.example.com/x"`,
        `~ capabilities.webhooks["${CONTENT_EVENT}"].max_retries: 1 → 2`,
        '~ capabilities.webhooks.retry.retention_time: 60 → 120',
      ]);
    });
  });

  it('leaves $schema out of an invalid manifest too (editor metadata, not a change)', () => {
    const withSchema = readFixture('connector-with-editor-schema.json') as Record<string, unknown>;
    const invalid: Record<string, unknown> = { ...clone(withSchema), description: 42 };
    const diff = diffManifests(withSchema, invalid);
    expect(diff.changes.map((change) => change.path)).to.deep.equal(['description']);
    expect(diffManifests(invalid, clone(invalid)).equal).to.equal(true);
    const { $schema, ...without } = invalid;
    expect($schema).to.be.a('string');
    expect(diffManifests(invalid, without).equal).to.equal(true);
  });

  it('shows a key that is not a name (a pasted header line) neither in the path nor with its value, at any depth', () => {
    const line = 'Authorization: Bearer SECRET-top';
    const diff = diffManifests(
      { client_name: 'A', capabilities: { engagement: {} } },
      { client_name: 'A', [line]: 'SECRET-value', capabilities: { engagement: { [line]: 1 } } },
    );
    const text = formatManifestDiff(diff);
    expect(text + JSON.stringify(diff)).to.not.contain('SECRET');
    expect(diff.changes.map((change) => change.path)).to.have.members([
      '["(a key that is not a name, not shown)"]',
      'capabilities.engagement["(a key that is not a name, not shown)"]',
    ]);
    // Inside a whole value added, changed or removed, too.
    const nested = diffManifests(
      { client_name: 'A', redirect_uris: ['https://a.example.com/cb'] },
      {
        client_name: 'A',
        redirect_uris: ['https://a.example.com/cb', { [line]: 1 }],
        scope: { [line]: 1, [`${line} 2`]: 2 },
      },
    );
    expect(formatManifestDiff(nested) + JSON.stringify(nested)).to.not.contain('SECRET');
    expect(formatManifestDiff(nested)).to.contain('+ scope["(a key that is not a name, not shown) 2"]: (hidden)');
  });

  it('hides client_secret and other secret-named fields of installations', () => {
    const diff = diffManifests(
      { client_secret: 'old-secret-abc', api_token: 'tok-1' },
      { client_secret: 'new-secret-def', api_token: 'tok-2', password: 'pw-3' },
    );
    const text = formatManifestDiff(diff);
    for (const secret of ['old-secret-abc', 'new-secret-def', 'tok-1', 'tok-2', 'pw-3'])
      expect(text + JSON.stringify(diff)).not.to.include(secret);
    expect(diff.changes.map((change) => change.kind)).to.deep.equal(['changed', 'changed', 'added']);
  });

  it('never throws on odd input', () => {
    for (const [a, b] of [
      [null, {}],
      [[], 'x'],
      [undefined, 1],
      [{ a: Number.NaN }, { a: 1n as unknown as number }],
    ] as const) {
      expect(() => diffManifests(a, b)).not.to.throw();
    }
    // An object where there was something else: the old value removed, the object added field by field.
    expect(formatManifestDiff(diffManifests(null, { a: 1 }))).to.equal('- (root): null\n+ a: 1');
  });
});

describe('diffManifests: one line per changed field path', () => {
  const HEADERS_PATH = `capabilities.webhooks["${CONTENT_EVENT}"].headers`;
  const withWebhook = (webhook: unknown, extra: Record<string, unknown> = {}) => ({
    client_name: 'Bot',
    ...extra,
    capabilities: { webhooks: { [CONTENT_EVENT]: webhook } },
  });

  it('lists an added webhook field by field, never a whole object on one line', () => {
    const diff = diffManifests(
      { client_name: 'Bot' },
      withWebhook({
        endpoint: 'https://a.example.com/x',
        headers: [{ header_name: 'Authorization', header_value: 'Bearer s3cr3t-1' }],
      }),
    );
    expect(formatManifestDiff(diff).split('\n')).to.deep.equal([
      `+ capabilities.webhooks["${CONTENT_EVENT}"].endpoint: "https://a.example.com/x"`,
      `+ ${HEADERS_PATH}[0].header_name: "Authorization"`,
      `+ ${HEADERS_PATH}[0].header_value: ${HIDDEN_VALUE}`,
    ]);
    expect(diff.changes.every((change) => typeof ('after' in change ? change.after : null) !== 'object')).to.equal(true);
  });

  it('reads a removed header as one removal naming it, found by its header_name wherever it stood', () => {
    const two = withWebhook({
      endpoint: 'https://a.example.com/x',
      headers: [
        { header_name: 'Authorization', header_value: 'Bearer s3cr3t-1' },
        { header_name: 'X-Trace', header_value: 'abc-s3cr3t-2' },
      ],
    });
    const one = withWebhook({
      endpoint: 'https://a.example.com/x',
      headers: [{ header_name: 'X-Trace', header_value: 'abc-s3cr3t-2' }],
    });
    const diff = diffManifests(two, one);
    expect(formatManifestDiff(diff)).to.equal(`- ${HEADERS_PATH}[0] (Authorization)`);
    expect(diff.changes).to.have.length(1);
    expect(diff.changes[0]).to.include({ kind: 'removed', hidden: false });
    const none = withWebhook({ endpoint: 'https://a.example.com/x' });
    expect(formatManifestDiff(diffManifests(two, none)).split('\n')).to.deep.equal([
      `- ${HEADERS_PATH}[0] (Authorization)`,
      `- ${HEADERS_PATH}[1] (X-Trace)`,
    ]);
    expect(JSON.stringify(diffManifests(two, none)) + formatManifestDiff(diffManifests(two, none))).not.to.include('s3cr3t');
  });

  it('reads a list emptied or filled item by item, nothing said of the empty list itself', () => {
    const headers = [{ header_name: 'Authorization', header_value: 'Bearer s3cr3t-1' }];
    expect(
      formatManifestDiff(
        diffManifests(
          withWebhook({ endpoint: 'https://a.example.com/x', headers }),
          withWebhook({ endpoint: 'https://a.example.com/x', headers: [] }),
        ),
      ),
    ).to.equal(`- ${HEADERS_PATH}[0] (Authorization)`);
    expect(
      formatManifestDiff(
        diffManifests(
          withWebhook({ endpoint: 'https://a.example.com/x', headers: [] }),
          withWebhook({ endpoint: 'https://a.example.com/x', headers }),
        ),
      ),
    ).to.equal(`+ ${HEADERS_PATH}[0].header_name: "Authorization"\n+ ${HEADERS_PATH}[0].header_value: ${HIDDEN_VALUE}`);
    expect(formatManifestDiff(diffManifests({ redirect_uris: [] }, { redirect_uris: ['https://a.example.com/cb'] }))).to.equal(
      '+ redirect_uris[0]: "https://a.example.com/cb"',
    );
  });

  it('reads each redirect URI removed or added as a change of its own; a reordered list as one change', () => {
    const uris = (list: string[]) => ({ client_name: 'Bot', redirect_uris: list });
    expect(
      formatManifestDiff(
        diffManifests(
          uris(['https://a.example.com/cb', 'https://b.example.com/cb']),
          uris(['https://b.example.com/cb', 'https://c.example.com/cb']),
        ),
      ).split('\n'),
    ).to.deep.equal(['- redirect_uris[0]: "https://a.example.com/cb"', '+ redirect_uris[1]: "https://c.example.com/cb"']);
    expect(formatManifestDiff(diffManifests(uris(['https://a.example.com/cb']), { client_name: 'Bot' }))).to.equal(
      '- redirect_uris[0]: "https://a.example.com/cb"',
    );
    expect(
      formatManifestDiff(
        diffManifests(
          uris(['https://a.example.com/cb', 'https://b.example.com/cb']),
          uris(['https://b.example.com/cb', 'https://a.example.com/cb']),
        ),
      ),
    ).to.equal(
      '~ redirect_uris: ["https://a.example.com/cb","https://b.example.com/cb"] → ["https://b.example.com/cb","https://a.example.com/cb"]',
    );
  });

  it('says hidden: true, and never quotes the marker, wherever a value is hidden', () => {
    const diff = diffManifests(
      withWebhook({ endpoint: 'https://a.example.com/x', headers: [{ header_name: 'X-Key', header_value: 'k3y-s3cr3t' }] }),
      withWebhook(
        { endpoint: 'https://a.example.com/x', headers: [{ header_name: 'X-Key', header_value: 'k3y-s3cr3t' }] },
        { description: 'k3y-s3cr3t' },
      ),
    );
    expect(diff.changes).to.deep.equal([
      { kind: 'added', path: 'description', segments: ['description'], after: HIDDEN_VALUE, hidden: true },
    ]);
    expect(formatManifestDiff(diff)).to.equal(`+ description: ${HIDDEN_VALUE}`);
  });

  it('pairs huge lists in linear time (100,000 redirect URIs, 100,000 headers)', () => {
    const uris = Array.from({ length: 100_000 }, (_, i) => `https://a.example.com/cb${i}`);
    const headers = Array.from({ length: 100_000 }, (_, i) => ({ header_name: `X-H${i}`, header_value: `v${i}` }));
    const started = Date.now();
    const diff = diffManifests(
      withWebhook({ endpoint: 'https://a.example.com/x', headers }, { redirect_uris: uris }),
      withWebhook(
        { endpoint: 'https://a.example.com/x', headers: headers.slice(1) },
        { redirect_uris: [...uris.slice(1), 'https://b.example.com/cb'] },
      ),
    );
    expect(Date.now() - started).to.be.below(30_000); // pairing by searching would take minutes
    expect(diff.changes.map((change) => `${change.kind} ${change.path}`)).to.deep.equal([
      'removed redirect_uris[0]',
      'added redirect_uris[99999]',
      `removed ${HEADERS_PATH}[0]`,
    ]);
  });

  it('bounds its text with limit, saying how many more changes there are', () => {
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x${i}`, i]));
    const text = formatManifestDiff(diffManifests({}, many), { limit: 2 }).split('\n');
    expect(text).to.deep.equal(['+ x0: 0', '+ x1: 1', '… and 3 more changes']);
    expect(formatManifestDiff(diffManifests({}, many), { limit: 5 }).split('\n')).to.have.length(5);
  });
});

describe('managedFields', () => {
  it('are exactly the top-level fields of the manifest JSON Schema (one source of truth), and its capabilities', () => {
    const schema = manifestJsonSchema('general') as unknown as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect([...managedFields()].sort()).to.deep.equal(
      Object.keys(schema.properties)
        .filter((key) => key !== '$schema')
        .sort(),
    );
    expect(managedFields()).to.include.members(['client_name', 'enabled', 'capabilities']);
    expect([...managedCapabilities()].sort()).to.deep.equal(
      Object.keys(schema.properties['capabilities']?.properties ?? {}).sort(),
    );
  });
});
