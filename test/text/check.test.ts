/**
 * `checkManifestText` (lp-app-manifest/text): every issue of a manifest's JSON text, placed where
 * the command line's `validate` prints it, with the span an editor underlines.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { checkManifestText } from '../../src/text/index.js';
import { runCli } from '../cli/helpers.js';

const folder = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** Texts beyond the fixtures that place issues in every way: repeated keys, syntax errors, missing keys, a BOM, CRLF. */
const MADE: Readonly<Record<string, string>> = {
  'repeated.json': '{\n  "client_name": "A",\n  "client_name": "B",\n  "capabilities": {"webhooks": {"x": {}, "x": {}}}\n}\n',
  'trailing-comma.json': '{\n  "client_name": "A",\n}\n',
  'missing.json': '{\r\n\t"capabilities": {\r\n\t\t"engagement": {}\r\n\t}\r\n}\r\n',
  'bom.json': '\ufeff{ "client_name": "", "enabled": "yes" }',
  'mismatch.json': '{ "$schema": "./connector.schema.json", "client_name": "A 😀", "grant_types": "client_credentials" }',
};

describe('checkManifestText', () => {
  it('places every issue and warning at the line and column `validate` prints, on every fixture', function () {
    this.timeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'check-text-'));
    try {
      const files: string[] = [];
      for (const base of ['../cli/fixtures/', '../fixtures/', '../fixtures/seeds/'])
        for (const name of readdirSync(folder(base)).filter((file) => file.endsWith('.json')))
          files.push(join(folder(base), name));
      for (const [name, text] of Object.entries(MADE)) {
        writeFileSync(join(dir, name), text);
        files.push(join(dir, name));
      }
      expect(files.length).to.be.greaterThan(10);
      for (const profile of [undefined, 'connector'] as const) {
        const run = runCli(['validate', '--format', 'json', ...(profile === undefined ? [] : ['--profile', profile]), ...files], {
          env: { LP_HOST: undefined },
        });
        const report = JSON.parse(run.stdout) as {
          files: {
            file: string;
            issues: { code: string; line?: number; column?: number; message: string }[];
            warnings: { code: string; line?: number; column?: number; message: string }[];
          }[];
        };
        for (const [i, file] of files.entries()) {
          const checked = checkManifestText(readFileSync(file, 'utf8'), { profile, env: {} });
          const shown = (
            list: readonly {
              code: string;
              message: string;
              start?: { line: number; column: number };
              line?: number;
              column?: number;
            }[],
          ) =>
            list.map((issue) => ({
              code: issue.code,
              message: issue.message,
              line: issue.start?.line ?? issue.line,
              column: issue.start?.column ?? issue.column,
            }));
          const cli = report.files[i]!;
          expect(shown(checked.issues), `${file} (${profile ?? 'no profile'})`).to.deep.equal(shown(cli.issues));
          expect(shown(checked.warnings), `${file} (${profile ?? 'no profile'})`).to.deep.equal(shown(cli.warnings));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives each issue the span to underline: the value, the name for a key issue, the brace for a missing key', () => {
    const text = '{\n  "client_name": "",\n  "colour": 1,\n  "capabilities": { "engagement": {} }\n}';
    const checked = checkManifestText(text);
    const spans = Object.fromEntries(
      checked.issues.map((issue) => [`${issue.code} ${issue.path}`, text.slice(issue.from, issue.to)]),
    );
    expect(spans['blank client_name']).to.equal('""');
    expect(spans['unknown_key colour']).to.equal('"colour"');
    expect(spans['required capabilities.engagement.design_engagement']).to.equal('"engagement"');
    expect(checkManifestText('[1]').issues[0]).to.include({ code: 'invalid_type', from: 0, to: 3 });
    expect(checkManifestText('{}').issues[0]).to.include({ code: 'required', from: 0, to: 1 });
  });

  it('counts offsets in the text as given (a byte order mark included) and lines and columns without it', () => {
    const [issue] = checkManifestText('\ufeff{ "client_name": "" }').issues;
    expect(issue).to.include({ code: 'blank', from: 18, to: 20 });
    expect(issue?.start).to.deep.equal({ line: 1, column: 3 });
  });

  it('says where a text is not JSON, and checks it against the profile asked for, else general', () => {
    const checked = checkManifestText('{\n  "client_name": "A",\n}', { profile: 'connector' });
    expect(checked.ok).to.equal(false);
    expect(checked.profile).to.equal('connector');
    expect(checked.issues).to.have.length(1);
    expect(checked.issues[0]).to.include({ code: 'invalid_json', from: 24, to: 25 });
    expect(checked.issues[0]?.start).to.deep.equal({ line: 3, column: 1 });
    expect(checkManifestText('').issues[0]).to.include({ code: 'invalid_json', from: 0, to: 0 });
  });

  it('reads the profile from "$schema" unless one is asked for, and warns when they differ', () => {
    const text = '{ "$schema": "x/connector.schema.json", "client_name": "A" }';
    expect(checkManifestText(text).profile).to.equal('connector');
    const general = checkManifestText(text, { profile: 'general' });
    expect(general.profile).to.equal('general');
    expect(general.warnings.map((issue) => issue.code)).to.include('schema_profile_mismatch');
  });
});
