/**
 * `fixManifestText` and the repairs `checkManifestText` offers (lp-app-manifest/text): each kind of
 * repair, the layout a repair keeps, and what is never repaired.
 */
import { expect } from 'chai';
import { validateManifest } from '../../src/index.js';
import { checkManifestText, fixManifestText } from '../../src/text/index.js';

/** The repaired text, and the codes of the repairs made. */
const fix = (text: string, options: Parameters<typeof fixManifestText>[1] = {}) => {
  const fixed = fixManifestText(text, options);
  return { text: fixed.text, codes: fixed.applied.map((repair) => repair.code), fixed };
};

const webhook = (event: string, extra = '') =>
  `{ "client_name": "Acme", "capabilities": { "webhooks": { "${event}": { "endpoint": "https://hooks.example.com/lp"${extra} } } } }`;

describe('fixManifestText', () => {
  it('renames the misspelled event to cqm.ExConversationChangeNotification, unless that key is there too', () => {
    const misspelled = 'ms.MessagingEventNotification.ExConversationChangeNotification';
    expect(fix(webhook(misspelled)).text).to.equal(webhook('cqm.ExConversationChangeNotification'));
    const both = `{ "client_name": "Acme", "capabilities": { "webhooks": { "${misspelled}": { "endpoint": "https://a.example.com/1" }, "cqm.ExConversationChangeNotification": { "endpoint": "https://a.example.com/2" } } } }`;
    const checked = checkManifestText(both);
    expect(checked.issues.find((issue) => issue.code === 'misspelled_webhook_event')?.repair).to.equal(undefined);
    expect(fix(both).text).to.equal(both);
  });

  it('writes a did-you-mean with a single candidate, for a key or a list value, and never one of two', () => {
    expect(fix(webhook('AcceptStatus')).text).to.equal(webhook('ms.MessagingEventNotification.AcceptStatusEvent'));
    expect(fix('{ "client_name": "Acme", "Description": "x" }').text).to.equal('{ "client_name": "Acme", "description": "x" }');
    const engagement = (entry: string, behavior: string) =>
      `{ "client_name": "Acme", "capabilities": { "engagement": { "design_engagement": false, "design_window": false, "entry_point": [${entry}], "visitor_behavior": [${behavior}], "target_audience": [], "goal": [], "consumer_identity": ["auth"], "language_selection": false } } }`;
    const repaired = fix(engagement('"Section"', '"cart_item"'));
    expect(repaired.text).to.equal(engagement('"section"', '"cart_items"'));
    expect(repaired.codes).to.deep.equal(['invalid_enum_value', 'invalid_enum_value']);
    // Already in the list: writing it would repeat it.
    expect(fix(engagement('"section", "Section"', '')).text).to.equal(engagement('"section", "Section"', ''));
    const goal = (value: string) => engagement('"url"', '').replace('"goal": []', `"goal": [${value}]`);
    expect(checkManifestText(goal('"lead_"')).issues[0]?.repair?.title).to.equal('write "lead" for "lead_"');
    // "nauth" is one edit from "auth" and one from "unauth": the validator suggests the first, but there is no repair.
    const tie = engagement('"url"', '').replace('"consumer_identity": ["auth"]', '"consumer_identity": ["nauth"]');
    const [issue] = checkManifestText(tie).issues;
    expect(issue).to.deep.include({
      code: 'invalid_enum_value',
      params: { value: 'nauth', allowed: ['auth', 'unauth'], suggestion: 'auth' },
    });
    expect(issue?.repair).to.equal(undefined);
    expect(fix(tie).text).to.equal(tie);
  });

  it('makes a list of a string where a list is required, when the string is a valid item', () => {
    expect(fix('{ "client_name": "Acme", "response_types": "code" }').text).to.equal(
      '{ "client_name": "Acme", "response_types": ["code"] }',
    );
    // Not a valid item: no repair (the issue stays).
    const wrong = '{ "client_name": "Acme", "grant_types": "password" }';
    expect(fix(wrong).text).to.equal(wrong);
    expect(checkManifestText(wrong).issues[0]?.repair).to.equal(undefined);
  });

  it('writes "true", "false" and whole numbers written as strings as what they spell, never out of range', () => {
    expect(fix('{ "client_name": "Acme", "enabled": "false", "quick_launch_enabled": "true" }').text).to.equal(
      '{ "client_name": "Acme", "enabled": false, "quick_launch_enabled": true }',
    );
    expect(fix(webhook('ms.MessagingEventNotification.ContentEvent', ', "max_retries": "3"')).text).to.equal(
      webhook('ms.MessagingEventNotification.ContentEvent', ', "max_retries": 3'),
    );
    for (const unchanged of ['"9"', '"03"', '"3.0"', '" 3"', '"-1"', '"three"']) {
      const text = webhook('ms.MessagingEventNotification.ContentEvent', `, "max_retries": ${unchanged}`);
      expect(fix(text).text, unchanged).to.equal(text);
    }
    for (const unchanged of ['"TRUE"', '"yes"', '"1"', '" true"']) {
      const text = `{ "client_name": "Acme", "enabled": ${unchanged} }`;
      expect(fix(text).text, unchanged).to.equal(text);
    }
  });

  it('writes headers given as an object as the list of { header_name, header_value }, in order, and never quotes a value', () => {
    const text =
      '{\n  "client_name": "Acme",\n  "capabilities": {\n    "webhooks": {\n      "ms.MessagingEventNotification.ContentEvent": {\n        "endpoint": "https://hooks.example.com/lp",\n        "headers": {\n          "X-Key": "value-one",\n          "Authorization": "Bearer value-two"\n        }\n      }\n    }\n  }\n}\n';
    const repaired = fix(text);
    const value = JSON.parse(repaired.text) as { capabilities: { webhooks: Record<string, { headers: unknown }> } };
    expect(value.capabilities.webhooks['ms.MessagingEventNotification.ContentEvent']?.headers).to.deep.equal([
      { header_name: 'X-Key', header_value: 'value-one' },
      { header_name: 'Authorization', header_value: 'Bearer value-two' },
    ]);
    expect(repaired.fixed.check.ok).to.equal(true);
    expect(JSON.stringify(repaired.fixed.applied)).not.to.match(/value-one|value-two/);
    expect(repaired.text).to.include('        "headers": [\n          {\n            "header_name": "X-Key",');
    // Written on one line, they stay on one line (a one-line file stays one line).
    const oneLine = fix(
      '{ "client_name": "Acme", "capabilities": { "webhooks": { "ms.MessagingEventNotification.ContentEvent": { "endpoint": "https://hooks.example.com/lp", "headers": { "X-Key": "value-one", "Authorization": "Bearer value-two" } } } } }',
    ).text;
    expect(oneLine).to.equal(
      '{ "client_name": "Acme", "capabilities": { "webhooks": { "ms.MessagingEventNotification.ContentEvent": { "endpoint": "https://hooks.example.com/lp", "headers": [{ "header_name": "X-Key", "header_value": "value-one" }, { "header_name": "Authorization", "header_value": "Bearer value-two" }] } } } }',
    );
  });

  it('removes the server-assigned keys of a fetched installation, client_secret included, and never quotes its value', () => {
    const text =
      '{\n  "id": "abc-123",\n  "client_name": "Acme",\n  "client_id": "1b2c",\n  "client_secret": "s3cr3t-value",\n  "deleted": false\n}\n';
    const repaired = fix(text);
    expect(repaired.text).to.equal('{\n  "client_name": "Acme"\n}\n');
    expect(repaired.codes).to.deep.equal([
      'server_assigned_key',
      'server_assigned_key',
      'server_assigned_key',
      'server_assigned_key',
    ]);
    expect(JSON.stringify(repaired.fixed.applied)).not.to.include('s3cr3t-value');
  });

  it('removes a trailing comma, in an object and in a list', () => {
    expect(fix('{\n  "client_name": "Acme",\n  "response_types": ["code",],\n}\n').text).to.equal(
      '{\n  "client_name": "Acme",\n  "response_types": ["code"]\n}\n',
    );
  });

  it('removes the copies of a repeated key that JSON.parse drops, keeps the last, and says which line it dropped', () => {
    const text = '{\n  "client_name": "One",\n  "description": "d",\n  "client_name": "Two",\n  "client_name": "Three"\n}\n';
    const repaired = fix(text);
    expect(repaired.text).to.equal('{\n  "description": "d",\n  "client_name": "Three"\n}\n');
    expect(JSON.parse(repaired.text)).to.deep.equal(JSON.parse(text));
    expect(repaired.fixed.applied.map((repair) => repair.title)).to.deep.equal([
      'remove the 2 earlier copies of "client_name" (lines 2, 4), keeping the last (line 5), the one a JSON reader keeps',
    ]);
    // Copies one after another, the first member among them, removed in one repair: no edits that overlap.
    const consecutive = fix(
      '{\n  "client_name": "C1",\n  "client_name": "C2",\n  "client_name": "C3",\n  "description": "d"\n}\n',
    );
    expect(consecutive.text).to.equal('{\n  "client_name": "C3",\n  "description": "d"\n}\n');
    expect(consecutive.fixed.applied.map((repair) => [repair.title, repair.start.line])).to.deep.equal([
      ['remove the 2 earlier copies of "client_name" (lines 2, 3), keeping the last (line 4), the one a JSON reader keeps', 4],
    ]);
  });

  it('repairs every issue, not only the first 1,000 a check lists, and lists what is left as a check does', () => {
    const webhooks: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++)
      webhooks[`ms.MessagingEventNotification.Evt${i}`] = {
        endpoint: `http://h${i}.example.com/x`,
        headers: { 'X-Key': `v${i}` },
      };
    const text = JSON.stringify({ client_name: 'Many', capabilities: { webhooks } }, null, 2);
    const repaired = fix(text);
    expect(repaired.codes.filter((code) => code === 'invalid_type')).to.have.length(1500);
    expect(repaired.text).not.to.match(/"headers": \{/);
    // Left: an unknown key and an http:// endpoint each (3,000), listed as a check lists them.
    expect(repaired.fixed.check.issues).to.have.length(checkManifestText(repaired.text).issues.length);
  });

  it('never renames two keys to one name (two webhooks written for one event), nor on a far "did you mean"', () => {
    const two =
      '{"client_name":"Two","capabilities":{"webhooks":{\n  "ms.MessagingEventNotification.contentevent": {"endpoint":"https://a.acme.com/one"},\n  "ms.MessagingEventNotification.Contentevent": {"endpoint":"https://b.acme.com/two"}}}}\n';
    const repaired = fix(two);
    expect(repaired.text).to.equal(two);
    expect(repaired.fixed.check.ok).to.equal(false);
    // "Evt0" is suggested as ContentEvent (the closest), but is no typo of it: never written.
    const far =
      '{"client_name":"Far","capabilities":{"webhooks":{"ms.MessagingEventNotification.Evt0": {"endpoint":"https://a.acme.com/one"}}}}';
    expect(fix(far).text).to.equal(far);
    // One key alone, a typo away, is still renamed.
    const one =
      '{"client_name":"One","capabilities":{"webhooks":{"ms.MessagingEventNotification.contentevent": {"endpoint":"https://a.acme.com/one"}}}}';
    expect(fix(one).text).to.include('"ms.MessagingEventNotification.ContentEvent"');
  });

  it('writes the "$schema" it is given for the profile asked for, where there is none or it names the other profile', () => {
    const schema = './node_modules/lp-app-manifest/schema/connector.schema.json';
    expect(fix('{\n  "client_name": "Acme"\n}\n', { profile: 'connector', schema }).text).to.equal(
      `{\n  "$schema": "${schema}",\n  "client_name": "Acme"\n}\n`,
    );
    expect(fix('{ "$schema": "../general.schema.json", "client_name": "Acme" }', { profile: 'connector', schema }).text).to.equal(
      `{ "$schema": "${schema}", "client_name": "Acme" }`,
    );
    // Without a profile asked for, or with a schema for another profile, or a "$schema" that names neither: unchanged.
    for (const [text, options] of [
      ['{ "client_name": "Acme" }', { schema }],
      ['{ "client_name": "Acme" }', { profile: 'general', schema }],
      ['{ "$schema": "https://json-schema.org/draft/2020-12/schema", "client_name": "Acme" }', { profile: 'connector', schema }],
    ] as const)
      expect(fix(text, options).text).to.equal(text);
  });

  it('keeps CRLF line ends and tab indentation', () => {
    const text =
      '{\r\n\t"client_name": "Acme",\r\n\t"client_id": "x",\r\n\t"capabilities": {\r\n\t\t"webhooks": {\r\n\t\t\t"ms.MessagingEventNotification.ContentEvent": {\r\n\t\t\t\t"endpoint": "https://hooks.example.com/lp",\r\n\t\t\t\t"headers": {\r\n\t\t\t\t\t"X-Key": "v"\r\n\t\t\t\t}\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n';
    const repaired = fix(text).text;
    expect(repaired.replace(/\r\n/g, '')).not.to.include('\n');
    expect(repaired).to.include('\r\n\t\t\t\t"headers": [\r\n\t\t\t\t\t{\r\n\t\t\t\t\t\t"header_name": "X-Key",\r\n');
    expect(repaired).not.to.include('client_id');
    expect(repaired.match(/^ +/m)).to.equal(null);
  });

  it('keeps a byte order mark, and places the repairs in the text as given', () => {
    const repaired = fix('\ufeff{ "client_name": "Acme", "enabled": "true" }');
    expect(repaired.text).to.equal('\ufeff{ "client_name": "Acme", "enabled": true }');
    expect(repaired.fixed.applied[0]?.start).to.deep.equal({ line: 1, column: 26 });
  });

  it('changes nothing that would change what the manifest means: http, numbers out of range, URLs, header values', () => {
    const text = JSON.stringify(
      {
        client_name: 'Acme',
        redirect_uris: ['http://app.example.com/cb'],
        logo_uri: 'HTTPS://cdn.example.com/logo.png',
        capabilities: {
          webhooks: {
            'ms.MessagingEventNotification.ContentEvent': {
              endpoint: 'http://hooks.example.com/lp',
              max_retries: 9,
              headers: [{ header_name: 'X_Key', header_value: ' padded ' }],
            },
            retry: { retention_time: 1 },
          },
        },
      },
      null,
      2,
    );
    const repaired = fixManifestText(text);
    expect(repaired.text).to.equal(text);
    expect(repaired.applied).to.deep.equal([]);
    expect(repaired.check.ok).to.equal(false);
    expect(repaired.check.issues.length).to.be.greaterThan(3);
  });

  it('returns the text as given, checked, when nothing can be repaired', () => {
    const text = '{ "client_name": "" }';
    const repaired = fixManifestText(text);
    expect(repaired.text).to.equal(text);
    expect(repaired.applied).to.deep.equal([]);
    expect(repaired.check).to.deep.equal(checkManifestText(text));
    expect(fixManifestText('not json').text).to.equal('not json');
  });

  it('repairs a file with every kind at once, to a manifest that validates', () => {
    const text = `{
  "client_name": "Acme",
  "client_secret": "abc",
  "Description": "Bot",
  "enabled": "true",
  "grant_types": "client_credentials",
  "scope": "msg.consumer",
  "capabilities": {
    "webhooks": {
      "ms.MessagingEventNotification.ExConversationChangeNotification": { "endpoint": "https://hooks.example.com/lp", "max_retries": "2", },
      "AcceptStatus": { "endpoint": "https://hooks.example.com/lp", "headers": { "X-Key": "k" } }
    }
  },
  "client_name": "Acme Bot"
}
`;
    const repaired = fixManifestText(text, { profile: 'connector', schema: './connector.schema.json' });
    expect(repaired.check.issues).to.deep.equal([]);
    const parsed = JSON.parse(repaired.text) as unknown;
    expect(validateManifest(parsed, { profile: 'connector' }).ok).to.equal(true);
    expect(new Set(repaired.applied.map((repair) => repair.code))).to.deep.equal(
      new Set([
        'invalid_json',
        'duplicate_key',
        'server_assigned_key',
        'unknown_key',
        'invalid_type',
        'misspelled_webhook_event',
        'schema_missing',
      ]),
    );
    // Fixed point: nothing more to repair.
    expect(fixManifestText(repaired.text, { profile: 'connector', schema: './connector.schema.json' }).applied).to.deep.equal([]);
  });
});
