/**
 * `parseManifestText` (lp-app-manifest/text): the value, the repeated member names as data, the
 * positions of any place, and for a text that is not JSON why and where. The CLI's reading of
 * JSON files, built on it, is tested in test/cli/json-text.test.ts.
 */
import { expect } from 'chai';
import { validateManifest } from '../../src/index.js';
import { parseManifestText } from '../../src/text/index.js';

describe('parseManifestText', () => {
  it("gives the value, and positions for each issue's segments (a missing place: its nearest ancestor)", () => {
    const parsed = parseManifestText('{\n  "client_name": "",\n  "capabilities": { "webhooks": {} }\n}');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value).to.deep.equal({ client_name: '', capabilities: { webhooks: {} } });
    expect(parsed.duplicates).to.deep.equal([]);
    const result = validateManifest(parsed.value);
    const issues = result.ok ? [] : result.issues;
    expect(parsed.locate(issues.map((issue) => issue.segments))).to.deep.equal([{ line: 2, column: 3 }]);
    expect(parsed.locate([['capabilities', 'webhooks', 'nothing'], []])).to.deep.equal([
      { line: 3, column: 21 },
      { line: 1, column: 1 },
    ]);
  });

  it('gives each repeated member name as data: its place, the name as the value has it, and both positions', () => {
    const parsed = parseManifestText('{"a": {"Authorization: x": 1, "Authorization: x": 2}, "a": 3}');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value).to.deep.equal({ a: 3 });
    expect(parsed.duplicates).to.deep.equal([
      {
        segments: ['a', 'Authorization: x'],
        key: 'Authorization: x',
        first: { line: 1, column: 8 },
        again: { line: 1, column: 31 },
      },
      { segments: ['a'], key: 'a', first: { line: 1, column: 2 }, again: { line: 1, column: 55 } },
    ]);
  });

  it('says why a text is not strict JSON, and where, without quoting it', () => {
    expect(parseManifestText('{\n  "client_name": "sk-SECRET",\n}')).to.deep.equal({
      ok: false,
      reason: 'trailing_comma_object',
      position: { line: 3, column: 1 },
    });
    expect(parseManifestText('{ /* x */ }')).to.deep.include({ ok: false, reason: 'comment' });
    expect(parseManifestText('[]]')).to.deep.include({ ok: false, reason: 'content_after_value' });
    expect(parseManifestText(`${'['.repeat(600)}${']'.repeat(600)}`)).to.deep.include({ ok: false, reason: 'too_deep' });
  });

  it('ignores a leading byte order mark, as the CLI reads files, and never throws for a value that is not text', () => {
    const parsed = parseManifestText('\ufeff{\n  "client_name": ""\n}');
    expect(parsed.ok).to.equal(true);
    if (parsed.ok) expect(parsed.locate([['client_name']])).to.deep.equal([{ line: 2, column: 3 }]);
    for (const value of [null, 5, undefined, {}])
      expect(parseManifestText(value as unknown as string)).to.deep.equal({ ok: false, reason: 'unknown', position: undefined });
  });

  it('lists the first maxDuplicates repeated names and counts the rest, and how many of those it would not show', () => {
    const members = Array.from({ length: 5 }, () => '"a": 1, "Authorization: Bearer x": 2').join(', ');
    const parsed = parseManifestText(`{ ${members} }`, { maxDuplicates: 3 });
    expect(parsed.ok).to.equal(true);
    if (parsed.ok) {
      expect(parsed.duplicates).to.have.length(3);
      expect(parsed.omittedDuplicates).to.deep.equal({ count: 5, notShown: 3 });
    }
  });
});
