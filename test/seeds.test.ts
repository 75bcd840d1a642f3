import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { ManifestBuilder, validateManifest } from '../src/index.js';
import { LIVEPERSON_TEMPLATE_TEXTS } from '../src/rules/template.js';

/** The JSON example of one of LivePerson's pages, exactly as published (test/fixtures/seeds/README.md says where each came from). */
function seedExample(file: string): { parsed: unknown; restringified: string } {
  const text = readFileSync(new URL(`fixtures/seeds/${file}`, import.meta.url), 'utf8');
  const parsed: unknown = JSON.parse(text);
  return { parsed, restringified: JSON.stringify(parsed) };
}

const DOCUMENTED_ENDPOINT = 'https://your/webhooks/endpoint';

/** Every seed (test/fixtures/seeds/README.md). */
const SEED_FILES = readdirSync(new URL('fixtures/seeds/', import.meta.url)).filter((file) => file.endsWith('.json'));

describe('the seed examples', () => {
  it('accepts the example of page 000 under the general profile, byte for byte', () => {
    const { parsed, restringified } = seedExample('page-000-installing-liveperson-applications.json');
    const result = validateManifest(parsed, { profile: 'general' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.manifest)).to.equal(restringified);
    // page 000 asks for response type "code" without the authorization_code grant: valid, but flagged;
    // its five endpoints are the placeholder https://your/webhooks/endpoint (a host of one label),
    // and its name and description the placeholder texts "My First LE-App" and "This is my first LE-App"
    expect(result.warnings.map((w) => w.code)).to.deep.equal([
      'template_leftover',
      'template_leftover',
      ...Array(5).fill('single_label_host'),
      'code_without_authorization_code',
    ]);
  });

  it('accepts the template of page 004 under the connector profile, byte for byte', () => {
    const { parsed, restringified } = seedExample('page-004-connector-api-getting-started.json');
    const result = validateManifest(parsed, { profile: 'connector' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.manifest)).to.equal(restringified);
    // Its five endpoints are the placeholder https://your/webhooks/endpoint: a host of one label, which
    // LivePerson's servers cannot reach. Valid, with a warning at each.
    const webhooks = (parsed as { capabilities: { webhooks: Record<string, unknown> } }).capabilities.webhooks;
    expect(Object.keys(webhooks)).to.have.length(5);
    // Its name and description, "App name" and "App description", are placeholder texts: a warning each.
    expect(result.warnings.map((w) => [w.code, w.path])).to.deep.equal([
      ['template_leftover', 'client_name'],
      ['template_leftover', 'description'],
      ...Object.keys(webhooks).map((event) => ['single_label_host', `capabilities.webhooks[${JSON.stringify(event)}].endpoint`]),
    ]);
    for (const warning of result.warnings.slice(2)) expect(warning.message).to.contain('"your"');
    expect(result.warnings.slice(0, 2).map((w) => w.params)).to.deep.equal([
      { kind: 'text', value: 'App name', origin: 'liveperson_template' },
      { kind: 'text', value: 'App description', origin: 'liveperson_template' },
    ]);
  });

  it("lists every seed's name and description, and only those, as LivePerson's placeholder texts", () => {
    const seen = { client_name: new Set<string>(), description: new Set<string>() };
    for (const file of SEED_FILES) {
      const { parsed } = seedExample(file);
      const { client_name, description } = parsed as { client_name: string; description: string };
      seen.client_name.add(client_name);
      seen.description.add(description);
    }
    expect([...seen.client_name]).to.have.members([...LIVEPERSON_TEMPLATE_TEXTS.client_name]);
    expect([...seen.description]).to.have.members([...LIVEPERSON_TEMPLATE_TEXTS.description]);
  });

  it('accepts the templates of pages 001 and 003 under the connector profile', () => {
    for (const file of [
      'page-001-app-install-manifest-for-connectors-old.json',
      'page-003-app-install-manifest-for-connectors.json',
    ]) {
      const { parsed, restringified } = seedExample(file);
      const result = validateManifest(parsed, { profile: 'connector' });
      expect(result.ok, file).to.equal(true);
      if (result.ok) expect(JSON.stringify(result.manifest), file).to.equal(restringified);
    }
  });

  it('builds exactly the documented connector template from the builder', () => {
    const { restringified } = seedExample('page-004-connector-api-getting-started.json');
    const manifest = ManifestBuilder.connector()
      .clientName('App name')
      .description('App description')
      .webhook('ms.MessagingEventNotification.ContentEvent', DOCUMENTED_ENDPOINT, { maxRetries: 3 })
      .webhook('ms.MessagingEventNotification.RichContentEvent', DOCUMENTED_ENDPOINT, { maxRetries: 5 })
      .webhook('ms.MessagingEventNotification.AcceptStatusEvent', DOCUMENTED_ENDPOINT, { maxRetries: 1 })
      .webhook('ms.MessagingEventNotification.ChatStateEvent', DOCUMENTED_ENDPOINT)
      .webhook('cqm.ExConversationChangeNotification', DOCUMENTED_ENDPOINT)
      .build();
    expect(JSON.stringify(manifest)).to.equal(restringified);
  });
});
