import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ManifestBuilder, validateManifest } from '../src/index.js';

/** The first ```json block of a seed page, exactly as LivePerson publishes it. */
function seedExample(file: string): { parsed: unknown; restringified: string } {
  const text = readFileSync(new URL(`../../shared/seeds/${file}`, import.meta.url), 'utf8');
  const block = /```json\n([\s\S]*?)```/.exec(text);
  if (block?.[1] === undefined) throw new Error(`no JSON example in ${file}`);
  const parsed: unknown = JSON.parse(block[1]);
  return { parsed, restringified: JSON.stringify(parsed) };
}

const DOCUMENTED_ENDPOINT = 'https://your/webhooks/endpoint';

describe('the seed examples', () => {
  it('accepts the example of page 000 under the general profile, byte for byte', () => {
    const { parsed, restringified } = seedExample('000_6020d1dac3169a71.txt');
    const result = validateManifest(parsed, { profile: 'general' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.manifest)).to.equal(restringified);
    // page 000 asks for response type "code" without the authorization_code grant: valid, but flagged
    expect(result.warnings.map((w) => w.code)).to.deep.equal(['code_without_authorization_code']);
  });

  it('accepts the template of page 004 under the connector profile, byte for byte', () => {
    const { parsed, restringified } = seedExample('004_4a643fa2a25557a2.txt');
    const result = validateManifest(parsed, { profile: 'connector' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.manifest)).to.equal(restringified);
    expect(result.warnings).to.deep.equal([]);
  });

  it('accepts the templates of pages 001 and 003 under the connector profile', () => {
    for (const file of ['001_51ec98b57330f8d6.txt', '003_e987c358f68cd29c.txt']) {
      const { parsed, restringified } = seedExample(file);
      const result = validateManifest(parsed, { profile: 'connector' });
      expect(result.ok, file).to.equal(true);
      if (result.ok) expect(JSON.stringify(result.manifest), file).to.equal(restringified);
    }
  });

  it('builds exactly the documented connector template from the builder', () => {
    const { restringified } = seedExample('004_4a643fa2a25557a2.txt');
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
