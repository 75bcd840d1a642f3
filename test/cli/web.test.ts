/**
 * `lp-app-manifest web`: the built page, served on 127.0.0.1 by the real command (spawned from
 * dist/cli.cjs), and nothing else: its three files with their media types and the page's policy,
 * 404 for any other path (no way out of dist/web/), 405 for another method; a busy or bad port is
 * a one-line error and exit 2.
 */
import { request } from 'node:http';
import { createServer } from 'node:net';
import { expect } from 'chai';
import { WEB_CSP } from '../../src/cli/web-files.js';
import { type PageServer, startPageServer } from '../web/browser.js';
import { runCli } from './helpers.js';

interface Answer {
  readonly status: number | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** One request to the server, its path sent exactly as written (no normalising of `..`). */
function send(url: string, path: string, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const outgoing = request({ hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => done({ status: response.statusCode, headers: response.headers, body }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

describe('lp-app-manifest web', function () {
  this.timeout(30_000);
  let server: PageServer;

  before(async () => {
    server = await startPageServer();
  });
  after(async () => {
    if (server !== undefined) expect(await server.stop(), 'exit status on Ctrl-C').to.equal(0);
  });

  it('prints its address on 127.0.0.1', () => {
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/$/);
  });

  for (const [path, type, start] of [
    ['/', 'text/html; charset=utf-8', '<!doctype html>'],
    ['/index.html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['/page.js', 'text/javascript; charset=utf-8', ''],
    ['/page.css', 'text/css; charset=utf-8', ''],
    ['/page.js?v=1', 'text/javascript; charset=utf-8', ''],
  ] as const) {
    it(`serves ${path} as ${type}, with the page's policy and nosniff`, async () => {
      const answer = await send(server.url, path);
      expect(answer.status).to.equal(200);
      expect(answer.headers['content-type']).to.equal(type);
      expect(answer.headers['x-content-type-options']).to.equal('nosniff');
      expect(answer.headers['content-security-policy']).to.equal(`${WEB_CSP}; frame-ancestors 'none'`);
      expect(answer.body.length).to.be.greaterThan(100);
      expect(answer.body.startsWith(start)).to.equal(true);
    });
  }

  it('answers HEAD with the headers and no body', async () => {
    const answer = await send(server.url, '/page.js', 'HEAD');
    expect(answer.status).to.equal(200);
    expect(Number(answer.headers['content-length'])).to.be.greaterThan(1000);
    expect(answer.body).to.equal('');
  });

  for (const path of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/web/index.html',
    '/cli.cjs',
    '/../cli.cjs',
    '//etc/passwd',
    '/index.html/',
    '/INDEX.HTML',
    '/favicon.ico',
    '/constructor',
    '/__proto__',
  ]) {
    it(`answers 404 to ${path}`, async () => {
      const answer = await send(server.url, path);
      expect(answer.status).to.equal(404);
      expect(answer.body).to.equal('not found\n');
      expect(answer.headers['x-content-type-options']).to.equal('nosniff');
    });
  }

  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
    it(`answers 405 to ${method}, allowing GET and HEAD`, async () => {
      const answer = await send(server.url, '/', method);
      expect(answer.status).to.equal(405);
      expect(answer.headers['allow']).to.equal('GET, HEAD');
    });
  }

  it('says in one line that a port is in use, exit 2', async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    const address = busy.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const run = runCli(['web', '--port', String(port)]);
      expect(run.status).to.equal(2);
      expect(run.stdout).to.equal('');
      expect(run.stderr).to.equal(
        `lp-app-manifest web: cannot listen on 127.0.0.1:${port}: port ${port} is in use; choose another with --port, or --port 0 for any free one\n`,
      );
    } finally {
      busy.close();
    }
  });

  for (const port of ['65536', '-1', 'http', '8080.5', '', ' 80']) {
    it(`refuses --port "${port}" as a usage error`, () => {
      const run = runCli(['web', '--port', port]);
      expect(run.status).to.equal(2);
      expect(run.stderr.split('\n').filter(Boolean)).to.have.length(1);
      expect(run.stderr).to.match(/--port|option/);
    });
  }

  it('is listed in --help with its option', () => {
    expect(runCli(['--help']).stdout).to.match(/\n\s+web\s+serve the web page/);
    const help = runCli(['web', '--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.include('--port <number>');
  });
});
