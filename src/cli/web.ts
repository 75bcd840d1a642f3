/**
 * `lp-app-manifest web`: serves the package's built web page (dist/web/) on 127.0.0.1, so that a
 * user who has only the package has the page too. Nothing but the page's own files, to this machine
 * only; the page checks manifests in the browser and sends them nowhere.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { PROGRAM } from './args.js';
import { defineCommand } from './command.js';
import { EXIT, errorCode, errorMessage, UsageError } from './io.js';
import { WEB_CSP, WEB_FILES } from './web-files.js';

/** The only address served: the loopback interface, never the network. */
const HOST = '127.0.0.1';

/** The headers of every answer: the page's policy (with what only a header can say), no sniffing, no referrer. */
const COMMON_HEADERS = {
  'Content-Security-Policy': `${WEB_CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
} as const;

type WebFile = keyof typeof WEB_FILES;

/** `--port`: an integer from 0 (any free port) to 65535. */
function readPort(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`invalid --port "${value}": expected a port number from 0 (any free port) to 65535`);
  }
  return Number(value);
}

/** The file a request's path names: `/` is index.html; anything but the page's own files is none. */
function fileOf(url: string | undefined): WebFile | undefined {
  const path = (url ?? '').replace(/[?#].*$/s, '');
  const name = path === '/' ? 'index.html' : path.slice(1);
  return Object.hasOwn(WEB_FILES, name) ? (name as WebFile) : undefined;
}

/** Answers one request: GET or HEAD of one of the page's files, else 405 or 404 (a short text). */
function answer(files: ReadonlyMap<WebFile, Buffer>, request: IncomingMessage, response: ServerResponse): void {
  const plain = (status: number, text: string, extra: Readonly<Record<string, string>> = {}) => {
    response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    response.end(request.method === 'HEAD' ? undefined : `${text}\n`);
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    plain(405, 'method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const name = fileOf(request.url);
  const body = name === undefined ? undefined : files.get(name);
  if (name === undefined || body === undefined) {
    plain(404, 'not found');
    return;
  }
  response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': WEB_FILES[name], 'Content-Length': String(body.byteLength) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** `lp-app-manifest web [--port N]` */
export const webCommand = defineCommand({
  name: 'web',
  summary: 'serve the web page (check, repair, convert in a browser) on 127.0.0.1',
  usage: '[--port <number>]',
  description: `Serves the package's web page on http://127.0.0.1 (this machine only) and prints
its address; open it in a browser. Paste a manifest there: each issue is
underlined at its place and listed, with the repairs "${PROGRAM} fix" makes
and the TypeScript "${PROGRAM} code" prints. The page checks the manifest in
the browser tab and sends it nowhere. Serves until Ctrl-C.`,
  options: {
    port: { type: 'string', value: '<number>', help: 'the port to listen on (default 0: any free port)' },
  },
  positionals: false,
  epilogue: 'Exit status: 0 when stopped, 2 for a usage error, a busy port or a page that is not built.',
  async run({ values }, io) {
    const port = readPort(values.port);
    // dist/cli/web.cjs serves dist/web/, the page `npm run web` built (the package ships it).
    const folder = new URL('../web/', import.meta.url);
    const files = new Map<WebFile, Buffer>();
    try {
      for (const name of Object.keys(WEB_FILES) as WebFile[]) files.set(name, await readFile(new URL(name, folder)));
    } catch (error) {
      io.stderr(
        `${PROGRAM} web: the page is not built (${fileURLToPath(folder)}: ${errorCode(error) ?? errorMessage(error)}); in a clone of the project, run npm run web\n`,
      );
      return EXIT.usage;
    }
    const server = createServer((request, response) => answer(files, request, response));
    const listening = await new Promise<{ ok: true } | { ok: false; error: unknown }>((done) => {
      server.once('error', (error) => done({ ok: false, error }));
      server.listen(port, HOST, () => done({ ok: true }));
    });
    if (!listening.ok) {
      const code = errorCode(listening.error);
      const why =
        code === 'EADDRINUSE'
          ? `port ${port} is in use`
          : code === 'EACCES'
            ? `port ${port} needs privileges`
            : errorMessage(listening.error);
      io.stderr(
        `${PROGRAM} web: cannot listen on ${HOST}:${port}: ${why}; choose another with --port, or --port 0 for any free one\n`,
      );
      return EXIT.usage;
    }
    const address = server.address();
    const actual = typeof address === 'object' && address !== null ? address.port : port;
    io.stdout(`http://${HOST}:${actual}/\n`);
    io.stderr(`${PROGRAM} web: serving the page to this machine only; Ctrl-C stops\n`);
    await new Promise<void>((stopped) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close(() => stopped());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
});
