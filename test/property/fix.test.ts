/**
 * Properties of `fixManifestText` (lp-app-manifest/text) and the `fix` command: it never changes a
 * valid manifest (its text stays byte for byte); a manifest damaged in the mechanical ways `fix`
 * repairs comes back to what it built to before (validate's output, byte for byte); it is
 * idempotent; each repair removes the issue it was made for; and no header value or client_secret
 * appears in anything it prints.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { applyEdits } from 'jsonc-parser';
import { validateManifest } from '../../src/index.js';
import { runProgram } from '../../src/cli/program.js';
import { checkManifestText, fixManifestText } from '../../src/text/index.js';
import { capturingIo } from '../installations/run-cli.js';
import { manifestCase, type ManifestCase } from './arbitraries.js';
import { assertProperty, secretArb } from './support.js';

type Json = Record<string, unknown>;

const MISSPELLED = 'ms.MessagingEventNotification.ExConversationChangeNotification';
const CQM = 'cqm.ExConversationChangeNotification';

/** How a text is laid out: its indentation and line ends. */
const layoutArb = fc.record({ indent: fc.constantFrom<string | number>(2, 4, '\t'), crlf: fc.boolean() });

/** The damage `fix` repairs, each applied or not. */
const damageArb = fc.record({
  booleans: fc.boolean(),
  lists: fc.boolean(),
  assigned: fc.boolean(),
  repeated: fc.boolean(),
  headers: fc.boolean(),
  misspelled: fc.boolean(),
  trailingComma: fc.boolean(),
  retries: fc.boolean(),
  enumCase: fc.boolean(),
  secret: secretArb,
});

type Damage = typeof damageArb extends fc.Arbitrary<infer T> ? T : never;

const webhooksOf = (manifest: Json): Json | undefined =>
  ((manifest['capabilities'] as Json | undefined)?.['webhooks'] as Json | undefined) ?? undefined;

/** The manifest damaged as asked, as JSON text laid out as asked. */
function damaged({ manifest }: ManifestCase, damage: Damage, layout: { indent: string | number; crlf: boolean }): string {
  const copy = JSON.parse(JSON.stringify(manifest)) as Json;
  if (damage.booleans)
    for (const key of ['enabled', 'quick_launch_enabled']) if (typeof copy[key] === 'boolean') copy[key] = String(copy[key]);
  if (damage.lists)
    for (const key of ['grant_types', 'response_types']) {
      const list = copy[key];
      if (Array.isArray(list) && list.length === 1) copy[key] = list[0];
    }
  if (damage.assigned) Object.assign(copy, { client_id: 'abc-123', client_secret: damage.secret, id: 'x1' });
  const webhooks = webhooksOf(copy);
  if (webhooks !== undefined) {
    for (const [event, body] of Object.entries(webhooks)) {
      if (event === 'retry' || typeof body !== 'object' || body === null) continue;
      const webhook = body as Json;
      if (damage.retries && typeof webhook['max_retries'] === 'number') webhook['max_retries'] = String(webhook['max_retries']);
      const headers = webhook['headers'];
      // (A JavaScript object lists integer-like keys first: such a name would be moved by this damage itself.)
      const names = Array.isArray(headers) ? (headers as { header_name: string }[]).map((header) => header.header_name) : [];
      if (damage.headers && names.length > 0 && !names.some((name) => /^(0|[1-9][0-9]*)$/.test(name))) {
        const object: Json = {};
        for (const header of headers as { header_name: string; header_value: string }[])
          Object.defineProperty(object, header.header_name, {
            value: header.header_value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        webhook['headers'] = object;
      }
    }
    if (damage.misspelled && Object.hasOwn(webhooks, CQM)) {
      // The misspelled name in the same place: the events keep their order.
      const entries = Object.entries(webhooks).map(([key, value]) => [key === CQM ? MISSPELLED : key, value] as const);
      for (const key of Object.keys(webhooks)) delete webhooks[key];
      for (const [key, value] of entries) webhooks[key] = value;
    }
  }
  const engagement = (copy['capabilities'] as Json | undefined)?.['engagement'] as Json | undefined;
  if (damage.enumCase && Array.isArray(engagement?.['entry_point']) && (engagement['entry_point'] as string[]).length === 1)
    engagement['entry_point'] = [(engagement['entry_point'] as string[])[0]!.toUpperCase()];
  let text = JSON.stringify(copy, null, layout.indent);
  const firstKey = Object.keys(copy)[0];
  // A repeated key: an earlier copy of the first key, with a value JSON.parse drops.
  if (damage.repeated && firstKey !== undefined)
    text = text.replace('{', () => `{ ${JSON.stringify(firstKey)}: ${JSON.stringify(damage.secret)},`);
  if (damage.trailingComma && text.endsWith('\n}')) text = `${text.slice(0, -2)},\n}`;
  return `${layout.crlf ? text.replace(/\n/g, '\r\n') : text}${layout.crlf ? '\r\n' : '\n'}`;
}

/** What validate builds from a text: its manifest, as JSON. */
const built = (text: string, profile: ManifestCase['profile']): string | undefined => {
  const result = validateManifest(JSON.parse(text) as unknown, { profile });
  return result.ok ? JSON.stringify(result.manifest) : undefined;
};

describe('property: fix', function () {
  this.timeout(600_000);

  it('never changes a valid manifest: the text stays byte for byte, whatever its layout', () => {
    assertProperty(
      'fix leaves valid manifests alone',
      20_250,
      fc.tuple(manifestCase, layoutArb),
      ([testCase, layout]) => {
        const text = damaged(testCase, { ...NO_DAMAGE }, layout);
        const fixed = fixManifestText(text, { profile: testCase.profile });
        expect(fixed.applied).to.deep.equal([]);
        expect(fixed.text).to.equal(text);
        expect(fixed.check.ok).to.equal(true);
      },
      2_000,
    );
  });

  it('repairs the mechanical damage back to what the manifest built to (validate output, byte for byte), keeping the layout', () => {
    assertProperty(
      'fix undoes mechanical damage',
      20_251,
      fc.tuple(manifestCase, damageArb, layoutArb),
      ([testCase, damage, layout]) => {
        const text = damaged(testCase, damage, layout);
        const fixed = fixManifestText(text, { profile: testCase.profile });
        expect(fixed.check.issues, text).to.deep.equal([]);
        expect(built(fixed.text, testCase.profile)).to.equal(built(JSON.stringify(testCase.manifest), testCase.profile));
        // The layout stays: line ends, and the indentation of every line.
        if (layout.crlf) expect(fixed.text.replace(/\r\n/g, '')).not.to.include('\n');
        else expect(fixed.text).not.to.include('\r');
        if (layout.indent === '\t') expect(fixed.text).not.to.match(/^ /m);
        else expect(fixed.text).not.to.match(/^\t/m);
        // Idempotent: nothing is left to repair.
        const again = fixManifestText(fixed.text, { profile: testCase.profile });
        expect(again.applied).to.deep.equal([]);
        expect(again.text).to.equal(fixed.text);
      },
      2_000,
    );
  });

  it('each repair removes the issue it was made for', () => {
    assertProperty(
      'a repair removes its issue',
      20_252,
      fc.tuple(manifestCase, damageArb, layoutArb),
      ([testCase, damage, layout]) => {
        const text = damaged(testCase, damage, layout);
        const checked = checkManifestText(text, { profile: testCase.profile });
        for (const issue of [...checked.issues, ...checked.warnings]) {
          if (issue.repair === undefined) continue;
          const after = checkManifestText(applyEdits(text, [...issue.repair.edits]), { profile: testCase.profile });
          const count = (list: typeof checked) =>
            [...list.issues, ...list.warnings].filter((other) => other.code === issue.code && other.path === issue.path).length;
          expect(count(after), `${issue.code} at ${issue.path}: ${issue.repair.title}`).to.be.lessThan(count(checked));
        }
      },
      1_000,
    );
  });

  it('prints no header value and no client_secret: the diff, the repairs, what remains, and with --write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fix-secrets-'));
    try {
      const file = join(dir, 'manifest.json');
      await fc.assert(
        fc.asyncProperty(secretArb, secretArb, fc.boolean(), fc.boolean(), async (header, secret, asObject, write) => {
          const headers = asObject
            ? { 'X-Key': header, 'X-Other': `Bearer ${header}` }
            : [{ header_name: 'X-Key', header_value: header }];
          const manifest = {
            client_name: 'Acme',
            client_secret: secret,
            enabled: 'true',
            capabilities: {
              webhooks: {
                'ms.MessagingEventNotification.ContentEvent': { endpoint: 'http://hooks.example.com/lp', headers },
                [MISSPELLED]: {
                  endpoint: 'https://hooks.example.com/lp',
                  headers: [{ header_name: 'X-Key', header_value: header }],
                },
              },
            },
          };
          // A repeated header value (the earlier copy is dropped), a trailing comma.
          const text = JSON.stringify(manifest, null, 2)
            .replace('"client_secret"', () => `"client_secret": ${JSON.stringify(secret)},\n  "client_secret"`)
            .replace(/\n}$/, ',\n}');
          writeFileSync(file, text);
          const { io, output } = capturingIo(dir);
          const status = await runProgram(['fix', ...(write ? ['--write'] : []), 'manifest.json'], io);
          expect(status).to.equal(1); // the http:// endpoint stays an error
          for (const hidden of [header, secret, JSON.stringify(header).slice(1, -1), JSON.stringify(secret).slice(1, -1)])
            expect(output()).not.to.include(hidden);
          if (write) expect(readFileSync(file, 'utf8')).not.to.include(JSON.stringify(secret));
        }),
        { numRuns: 300, seed: 20_253 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const NO_DAMAGE: Omit<Damage, 'secret'> & { secret: string } = {
  booleans: false,
  lists: false,
  assigned: false,
  repeated: false,
  headers: false,
  misspelled: false,
  trailingComma: false,
  retries: false,
  enumCase: false,
  secret: '',
};
