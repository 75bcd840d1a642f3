/**
 * The web page (dist/web/, built by `npm run web`) in a real browser: Chromium, driven by
 * playwright-core, one launch for the whole file. The page is served by the real
 * `lp-app-manifest web` command, and opened as a file once. What it shows is compared with what
 * the CLI prints for the same text: the same places, the same repairs, the same TypeScript.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { headerVariableName } from '../../src/rules/secrets.js';
import {
  CLI,
  chromePath,
  editorText,
  launchChromium,
  noChrome,
  nextCheck,
  PAGE_FILE_URL,
  type PageServer,
  setText,
  shownIssues,
  startPageServer,
} from './browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

/** The fixtures compared with the CLI: valid and invalid, general and connector, with and without "$schema". */
const FIXTURES = [
  'test/cli/fixtures/invalid.json',
  'test/cli/fixtures/valid.json',
  'test/cli/fixtures/warning-only.json',
  'test/fixtures/connector-with-editor-schema.json',
  'test/fixtures/connector-with-headers.json',
  'test/fixtures/general-example.json',
  'test/fixtures/seeds/page-000-installing-liveperson-applications.json',
] as const;

/** Texts written here (not JSON, a repeated key, a wrong type), compared with the CLI the same way. */
const TEXTS: Readonly<Record<string, string>> = {
  'trailing-comma.json': '{\n  "client_name": "Acme",\n}\n',
  'repeated-key.json': '{\n  "client_name": "A",\n  "client_name": "B"\n}\n',
  'wrong-types.json': '{\n  "client_name": "Acme",\n  "grant_types": "client_credentials",\n  "enabled": "true"\n}\n',
};

/** What `validate --format json` says of a file: each issue and warning with its place. */
interface CliIssue {
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

function validateJson(file: string, ...options: string[]): { profile: string | null; valid: boolean; issues: CliIssue[] } {
  const run = spawnSync(process.execPath, [CLI, 'validate', '--format', 'json', ...options, file], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  const report = JSON.parse(run.stdout) as {
    files: { profile: string | null; valid: boolean; issues: CliIssue[]; warnings: CliIssue[] }[];
  };
  const [only] = report.files;
  if (only === undefined) throw new Error(`validate printed no file: ${run.stderr}`);
  return { profile: only.profile, valid: only.valid, issues: [...only.issues, ...only.warnings] };
}

/** The environment a module from `code` reads a manifest's header values from: each header's variable (pull's names), set to its value. */
function headerVariables(manifest: {
  capabilities?: { webhooks?: Record<string, { headers?: { header_name: string; header_value: string }[] }> };
}): Record<string, string> {
  const taken = new Set<string>();
  const variables: Record<string, string> = {};
  for (const [event, webhook] of Object.entries(manifest.capabilities?.webhooks ?? {})) {
    for (const [index, header] of (webhook.headers ?? []).entries()) {
      variables[headerVariableName(event, header.header_name, index, taken)] = header.header_value;
    }
  }
  return variables;
}

const chrome = chromePath();

describe('web page, in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let context: BrowserContext;
  let server: PageServer;
  let page: Page;
  let scratch: string;
  /** Every request the page made, every policy violation and every error it reported, since the page opened. */
  const requests: string[] = [];
  const problems: string[] = [];

  before(async function () {
    if (chrome === undefined) {
      if (process.env['CI'] === 'true') throw new Error(`${noChrome()}; under CI=true the browser tests must run`);
      console.log(`      web page tests skipped: ${noChrome()}`);
      this.skip();
    }
    [browser, server] = await Promise.all([launchChromium(chrome), startPageServer()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      ),
    );
    await page.goto(server.url);
    await page.waitForSelector('#issues[data-checks]');
    scratch = mkdtempSync(join(tmpdir(), 'lp-web-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    if (server !== undefined) expect(await server.stop(), 'lp-app-manifest web exits 0 on Ctrl-C').to.equal(0);
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  });

  it('opens with LivePerson\'s connector template, checked as connector from its "$schema"', async () => {
    const text = await editorText(page);
    expect(JSON.parse(text)).to.include({ scope: 'msg.consumer' });
    expect(text).to.include('"$schema": "./node_modules/lp-app-manifest/schema/connector.schema.json"');
    expect(await page.locator('#profile-used').textContent()).to.equal('Checked as connector (its "$schema" names it)');
    expect(await page.locator('#issue-summary').textContent()).to.match(/^Valid: 0 errors, \d+ warnings$/);
    expect(await page.locator('.privacy').textContent()).to.include('stays in this browser tab');
    await page.screenshot({ path: join(ARTIFACTS, 'web-valid.png'), fullPage: true });
  });

  it('offers the starter again once emptied: what init --profile connector writes in a project', async () => {
    await setText(page, '');
    const button = page.locator('#insert-starter');
    expect(await button.isVisible()).to.equal(true);
    expect(await page.locator('#issues li').count()).to.be.greaterThan(0);
    const before = Number(await page.locator('#issues').getAttribute('data-checks'));
    await button.click();
    await nextCheck(page, before);
    expect(await button.isVisible()).to.equal(false);
    // init run in a folder where the package is not installed: its "$schema" is where npm install puts it.
    const init = spawnSync(process.execPath, [CLI, 'init', '--profile', 'connector'], { encoding: 'utf8', cwd: scratch });
    expect(init.status, init.stderr).to.equal(0);
    expect(await editorText(page)).to.equal(init.stdout);
  });

  for (const fixture of [...FIXTURES, ...Object.keys(TEXTS)]) {
    it(`places each issue of ${fixture} where validate does`, async () => {
      const file = Object.hasOwn(TEXTS, fixture) ? join(scratch, fixture) : join(ROOT, fixture);
      if (Object.hasOwn(TEXTS, fixture)) writeFileSync(file, TEXTS[fixture]!);
      const text = readFileSync(file, 'utf8');
      const cli = validateJson(file);
      await setText(page, text);
      const shown = await shownIssues(page);
      const where = (issue: { severity: string; line: number; column: number; code: string }) =>
        `${issue.severity} ${issue.line}:${issue.column} [${issue.code}]`;
      expect(shown.map(where)).to.deep.equal(cli.issues.map(where));
      // The same words: path, message, code.
      shown.forEach((issue, i) => {
        const said = cli.issues[i]!;
        expect(issue.text).to.include(`${said.path === '' ? '(root)' : said.path}: ${said.message} [${said.code}]`);
      });
      expect(await page.locator('#issue-summary').textContent()).to.match(cli.valid ? /^Valid/ : /^Invalid/);
      if (cli.profile !== null) expect(await page.locator('#profile-used').textContent()).to.include(`Checked as ${cli.profile}`);
      // Each issue is underlined in the editor (those in view: CodeMirror draws the visible lines only).
      if (shown.length > 0) expect(await page.locator('.cm-lintRange').count()).to.be.greaterThan(0);
    });
  }

  /** The page's list as `severity line:column [code]`. */
  const listed = async (): Promise<string[]> =>
    (await shownIssues(page)).map((issue) => `${issue.severity} ${issue.line}:${issue.column} [${issue.code}]`);
  const said = (issues: readonly CliIssue[]) =>
    issues.map((issue) => `${issue.severity} ${issue.line}:${issue.column} [${issue.code}]`);

  it('checks against the profile the switch chooses, as validate --profile does', async () => {
    const file = join(ROOT, 'test/fixtures/connector-with-headers.json');
    await setText(page, readFileSync(file, 'utf8'));
    expect(await listed()).to.deep.equal(said(validateJson(file).issues));
    expect(await page.locator('#profile-used').textContent()).to.equal(
      'Checked as general (the default: no "$schema" names a profile)',
    );
    const before = Number(await page.locator('#issues').getAttribute('data-checks'));
    await page.locator('#profile').selectOption('connector');
    await nextCheck(page, before);
    const connector = validateJson(file, '--profile', 'connector');
    expect(await listed()).to.deep.equal(said(connector.issues));
    expect(await page.locator('#profile-used').textContent()).to.equal('Checked as connector (chosen above)');
    await page.locator('#profile').selectOption('');
    await nextCheck(page, before + 1);
  });

  it('reports unset placeholders as warnings by default (as --allow-unresolved), as errors when asked', async () => {
    const file = join(scratch, 'placeholder.json');
    writeFileSync(
      file,
      '{\n  "client_name": "Acme",\n  "capabilities": { "webhooks": { "ms.MessagingEventNotification.ContentEvent": { "endpoint": "https://${{ LP_HOST }}/lp" } } }\n}\n',
    );
    await setText(page, readFileSync(file, 'utf8'));
    const allowed = said(validateJson(file, '--allow-unresolved').issues);
    expect(allowed).to.deep.equal(['warning 3:83 [unresolved_placeholder]']);
    expect(await listed()).to.deep.equal(allowed);
    const before = Number(await page.locator('#issues').getAttribute('data-checks'));
    await page.locator('#allow-unresolved').uncheck();
    await nextCheck(page, before);
    expect(await listed()).to.deep.equal(said(validateJson(file).issues));
    expect(await listed()).to.deep.equal(['error 3:83 [unresolved_placeholder]']);
    await page.locator('#allow-unresolved').check();
    await nextCheck(page, before + 1);
  });

  it('underlines an issue at its span and shows its message on hover', async () => {
    const text = '{\n  "client_name": "",\n  "description": "x",\n  "grant_types": "client_credentials"\n}\n';
    await setText(page, text);
    const [issue] = await shownIssues(page);
    expect(issue?.code).to.equal('blank');
    expect(text.slice(issue!.from, issue!.to)).to.equal('""');
    const mark = page.locator('.cm-lintRange-error').first();
    expect(await mark.textContent()).to.equal('""');
    await mark.hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).to.include('client_name: must not be blank [blank]');
    await page.screenshot({ path: join(ARTIFACTS, 'web-invalid.png'), fullPage: true });
  });

  /** Runs the CLI's `fix --write` on a copy of `text`: the text it writes. */
  function fixWrite(name: string, text: string): string {
    const file = join(scratch, name);
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [CLI, 'fix', '--write', file], { encoding: 'utf8', cwd: ROOT });
    expect(run.status, run.stderr).to.be.oneOf([0, 1]);
    return readFileSync(file, 'utf8');
  }

  it('a repair button changes the text exactly as fix --write does', async () => {
    const text = '{\n  "client_name": "Acme",\n  "grant_types": "client_credentials"\n}\n';
    await setText(page, text);
    const [issue] = await shownIssues(page);
    expect(issue?.repair, 'the issue has a repair button').to.be.a('string');
    const before = Number(await page.locator('#issues').getAttribute('data-checks'));
    await page.locator('#issues .repair').first().click();
    await nextCheck(page, before);
    const repaired = await editorText(page);
    expect(repaired).to.not.equal(text);
    expect(repaired).to.equal(fixWrite('one-repair.json', text));
  });

  it('"Repair all" changes the text exactly as fix --write does', async () => {
    const text =
      '{\n  "client_name": "Acme",\n  "grant_types": "client_credentials",\n  "response_types": "code",\n  "client_name": "Acme",\n}\n';
    await setText(page, text);
    const before = Number(await page.locator('#issues').getAttribute('data-checks'));
    await page.locator('#repair-all').click();
    await nextCheck(page, before);
    expect(await page.locator('#status').textContent()).to.match(/^\d+ repairs? applied\.$/);
    const repaired = await editorText(page);
    expect(repaired).to.not.equal(text);
    expect(repaired).to.equal(fixWrite('repair-all.json', text));
  });

  it('shows TypeScript that compiles (strict, exactOptionalPropertyTypes) and builds the same manifest', async function () {
    this.timeout(120_000);
    // Written inside the project (.tmp/, ignored), so that 'lp-app-manifest' resolves to this checkout's dist/.
    const dir = join(ROOT, '.tmp', `web-ts-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      const cases = [
        'test/cli/fixtures/valid.json',
        'test/fixtures/general-example.json',
        'test/fixtures/connector-with-editor-schema.json',
        'test/fixtures/connector-template.json',
      ];
      const modules: string[] = [];
      for (const [i, fixture] of cases.entries()) {
        await setText(page, readFileSync(join(ROOT, fixture), 'utf8'));
        const code = await page.locator('#typescript').inputValue();
        expect(code, fixture).to.include("from 'lp-app-manifest'");
        // A header value is read from the environment, never written in the code.
        expect(code, fixture).to.not.match(/'VALUE'|"VALUE"/);
        expect(await page.locator('#typescript').isVisible()).to.equal(true);
        const module = join(dir, `case${i}.ts`);
        writeFileSync(module, code);
        modules.push(module);
      }
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'es2022',
            types: [],
            noEmit: true,
            skipLibCheck: false,
          },
          files: modules.map((module) => module.slice(dir.length + 1)),
        }),
      );
      const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
      expect(tsc.status, tsc.stdout).to.equal(0);
      // Each module built by the CLI, beside its JSON file built (the builds run side by side).
      const build = (file: string, env: NodeJS.ProcessEnv = process.env) =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
          execFile(process.execPath, [CLI, 'build', file], { cwd: ROOT, env, encoding: 'utf8' }, (error, stdout, stderr) =>
            done({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
          );
        });
      const built = await Promise.all(
        cases.map(async (fixture, i) => {
          const manifest = JSON.parse(readFileSync(join(ROOT, fixture), 'utf8'));
          // The module reads each header value from the environment, by the names `pull` gives: set them to the file's values.
          const env = { ...process.env, ...headerVariables(manifest) };
          const [fromJson, fromCode] = await Promise.all([build(join(ROOT, fixture)), build(modules[i]!, env)]);
          return { fixture, fromJson, fromCode };
        }),
      );
      for (const { fixture, fromJson, fromCode } of built) {
        expect(fromCode.status, fromCode.stderr).to.equal(0);
        expect(fromCode.stdout, fixture).to.equal(fromJson.stdout);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copies and downloads the JSON and the TypeScript', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const text = '{\n  "client_name": "Acme",\n  "description": "Copied"\n}\n';
    await setText(page, text);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.locator('#copy-json').click();
    await page.locator('#status', { hasText: 'The JSON copied.' }).waitFor();
    expect(await clipboard()).to.equal(text);
    const code = await page.locator('#typescript').inputValue();
    expect(code).to.include(".clientName('Acme')");
    await page.locator('#copy-ts').click();
    await page.locator('#status', { hasText: 'The TypeScript copied.' }).waitFor();
    expect(await clipboard()).to.equal(code);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ts').click()]);
    expect(download.suggestedFilename()).to.equal('manifest.ts');
    expect(readFileSync(await download.path(), 'utf8')).to.equal(code);
    expect(await editorText(page)).to.equal(text);
  });

  it('says why there is no TypeScript while the manifest has errors', async () => {
    await setText(page, '{ "client_name": "" }');
    expect(await page.locator('#typescript').isVisible()).to.equal(false);
    expect(await page.locator('#typescript-note').textContent()).to.include('no error (1 left above)');
    expect(await page.locator('#copy-ts').isDisabled()).to.equal(true);
  });

  it('reads a pasted text with a byte order mark as the command line reads a file: its TypeScript shown, no page error', async () => {
    await setText(page, '\ufeff{ "client_name": "Acme" }');
    expect(await page.locator('#typescript').isVisible()).to.equal(true);
    expect(await page.locator('#typescript').inputValue()).to.include(".clientName('Acme')");
    expect(await page.locator('#profile-used').textContent()).not.to.include('not JSON');
    expect(problems).to.deep.equal([]);
  });

  it('never shows a header value in its issues, tooltips or status, even a broken one', async () => {
    const secret = `s3cr3t-${Math.random().toString(36).slice(2)}`;
    const manifest = {
      client_name: 'Acme',
      capabilities: {
        webhooks: {
          'ms.MessagingEventNotification.ContentEvent': {
            endpoint: 'http://hooks.example.com/lp',
            headers: [
              { header_name: 'Authorization', header_value: `Bearer ${secret}\r\nX-Evil: 1` },
              { header_name: `X-${secret} bad name`, header_value: secret },
              { header_name: 'X-Key', header_value: { [secret]: secret } },
            ],
          },
        },
      },
    };
    await setText(page, JSON.stringify(manifest, null, 2));
    const shown = await shownIssues(page);
    expect(shown.length).to.be.greaterThan(2);
    for (const mark of await page.locator('.cm-lintRange').all()) {
      await mark.hover();
      await page.locator('.cm-tooltip-lint').waitFor();
    }
    const outside = await page.evaluate(() => {
      const editor = document.getElementById('editor')!;
      const tooltips = [...(editor.shadowRoot?.querySelectorAll('.cm-tooltip') ?? [])].map((t) => t.textContent ?? '');
      return [document.querySelector('main')!.textContent, ...tooltips].join('\n');
    });
    expect(outside).to.not.include(secret);
    expect(outside).to.include('header_value');
  });

  it('is usable by keyboard: labelled controls in order, Tab leaves the editor, Enter on an issue selects its place', async () => {
    await setText(page, '{\n  "client_name": "Acme",\n  "grant_types": "client_credentials",\n  "description": ""\n}\n');
    // Tab leaves the editor (no Tab trap: indentWithTab is not bound).
    await page.locator('.cm-content').click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).to.equal('copy-json');
    // From the top of the page, Tab reaches the profile switch, the editor, then the issues.
    await page.locator('h1').click();
    const order: string[] = [];
    for (let i = 0; i < 12 && !order.at(-1)?.startsWith('jump'); i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          if (active?.id === 'editor') return 'editor';
          if (active?.classList.contains('jump')) return `jump ${(active as HTMLElement).dataset['code']}`;
          return active?.id || active?.tagName || 'none';
        }),
      );
    }
    // The order of the page: the profile, the placeholders' switch, the editor, its buttons, then the issues
    // (Repair all, when enabled, before them).
    expect(order.filter((id) => id !== 'repair-all')).to.deep.equal([
      'profile',
      'allow-unresolved',
      'editor',
      'copy-json',
      'download-json',
      'jump invalid_type',
    ]);
    // Every control has a name.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, textarea')]
        .filter((control) => (control.textContent ?? '').trim() === '' && !control.getAttribute('aria-label'))
        .filter((control) => !(control.id !== '' && document.querySelector(`label[for="${control.id}"]`)))
        .filter((control) => !control.getAttribute('aria-labelledby'))
        .map((control) => control.outerHTML),
    );
    expect(unnamed).to.deep.equal([]);
    // Enter on the issue: the editor has the focus and its span selected.
    const [first] = await shownIssues(page);
    await page.keyboard.press('Enter');
    const selected = await page.evaluate(() => {
      const root = document.getElementById('editor')!.shadowRoot as ShadowRoot & { getSelection?: () => Selection | null };
      return { focused: root.activeElement?.classList.contains('cm-content') ?? false, text: root.getSelection?.()?.toString() };
    });
    expect(selected.focused).to.equal(true);
    const text = await editorText(page);
    expect(selected.text).to.equal(text.slice(first!.from, first!.to));
    expect(first!.to).to.be.greaterThan(first!.from);
  });

  it('has no serious or critical accessibility violation (axe-core), valid or not', async () => {
    for (const text of ['{ "client_name": "Acme" }', '{\n  "client_name": "",\n  "enabled": "true"\n}']) {
      await setText(page, text);
      // Evaluated by the test (the page's policy rightly refuses an inline <script>).
      await page.evaluate(readFileSync(AXE, 'utf8'));
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).to.deep.equal([]);
    }
  });

  it('requests nothing but its own files, breaks none of its policy, and reports no error', () => {
    const own = new Set(['', 'index.html', 'page.js', 'page.css'].map((name) => `${server.url}${name}`));
    expect(requests.filter((url) => !own.has(url))).to.deep.equal([]);
    expect(requests).to.include(`${server.url}page.js`);
    expect(problems).to.deep.equal([]);
  });

  it('works from file:// as well, with the same policy', async () => {
    const file = await context.newPage();
    const seen: string[] = [];
    const errors: string[] = [];
    file.on('request', (request) => seen.push(request.url()));
    file.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await file.goto(PAGE_FILE_URL);
    await file.waitForSelector('#issues[data-checks]');
    await setText(file, '{ "client_name": "" }');
    expect((await shownIssues(file)).map((issue) => issue.code)).to.deep.equal(['blank']);
    expect(seen.every((url) => url.startsWith(PAGE_FILE_URL.replace(/index\.html$/, '')))).to.equal(true);
    expect(errors).to.deep.equal([]);
    await file.close();
  });
});
