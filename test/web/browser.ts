/**
 * The browser the web page's tests (and `npm run bench`'s web figures) drive: Chromium through
 * playwright-core, found at CHROME_PATH or the usual places (Debian's `chromium` package), and the
 * page as the package serves it (`lp-app-manifest web`) or as a file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** The built CLI (the package's bin) and the built page. */
export const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
export const PAGE_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));
/** The page as a file: file:///…/dist/web/index.html. */
export const PAGE_FILE_URL = pathToFileURL(`${PAGE_DIR}index.html`).href;

/** The usual places of Chromium or Chrome, looked at in order when CHROME_PATH is not set. */
const USUAL_PLACES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Where Chromium is: CHROME_PATH (if that file exists), else the first of the usual places that exists; `undefined` where none. */
export function chromePath(): string | undefined {
  const given = process.env['CHROME_PATH'];
  if (given !== undefined && given !== '') return existsSync(given) ? given : undefined;
  return USUAL_PLACES.find((path) => existsSync(path));
}

/** The one line said when there is no Chromium: where it was looked for, and how to get one. */
export function noChrome(): string {
  const given = process.env['CHROME_PATH'];
  const where =
    given !== undefined && given !== '' ? `CHROME_PATH=${given} does not exist` : `none of ${USUAL_PLACES.join(', ')} exists`;
  return `no Chromium found (${where}): install one (apt-get install -y chromium) or set CHROME_PATH to a Chromium or Chrome`;
}

/**
 * Launches headless Chromium: no sandbox (containers), no GPU, and none of Chrome's own traffic
 * (QUIC, background networking, component updates, sync), so that what the page requests is all there is.
 * Playwright gives each launch a fresh, temporary profile (user data directory) and removes it on close.
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** `lp-app-manifest web --port 0`, running: its address and how to stop it (Ctrl-C, as a user would). */
export interface PageServer {
  readonly url: string;
  /** Sends SIGINT and resolves with the exit status. */
  stop(): Promise<number | null>;
}

/** Starts the real `lp-app-manifest web` command and reads the address it prints. */
export async function startPageServer(): Promise<PageServer> {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const child: ChildProcess = spawn(process.execPath, [CLI, 'web', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`lp-app-manifest web printed no address in 10 s: ${err}`)), 10_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
      if (match !== null) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`lp-app-manifest web exited (${code}): ${err}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** One entry of the page's list of issues and warnings, as shown. */
export interface ShownIssue {
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly repair: string | undefined;
}

/** How many checks the page has shown (its list's `data-checks`). */
const checksShown = async (page: Page): Promise<number> =>
  Number((await page.locator('#issues').getAttribute('data-checks')) ?? 0);

/** Waits until the page shows a check after `before`. */
export async function nextCheck(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.getElementById('issues')?.dataset['checks'] ?? 0) > n, before);
}

/** Replaces the editor's text as a user would (select all, then paste-like input) and waits for the check. */
export async function setText(page: Page, text: string): Promise<void> {
  const before = await checksShown(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.insertText(text);
  await nextCheck(page, before);
}

/** The editor's whole text, as "Download JSON" saves it. */
export async function editorText(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}

/** The list the page shows, read from its buttons. */
export async function shownIssues(page: Page): Promise<ShownIssue[]> {
  return page.locator('#issues li').evaluateAll((items) =>
    items.map((item) => {
      const jump = item.querySelector<HTMLElement>('.jump')!;
      const data = jump.dataset;
      return {
        severity: item.className,
        line: Number(data['line']),
        column: Number(data['column']),
        code: data['code'] ?? '',
        from: Number(data['from']),
        to: Number(data['to']),
        text: jump.textContent ?? '',
        repair: item.querySelector('.repair')?.textContent ?? undefined,
      };
    }),
  );
}
