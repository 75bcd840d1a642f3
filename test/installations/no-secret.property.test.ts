/**
 * Property: no secret drawn at random (token, password, API key values, a
 * webhook header value, client_secret) nor a login's csrf or session cookie
 * ever appears in anything `diff`, `pull`, `plan` or `apply` print, in text or
 * JSON, including when the server answers with an error body that echoes the
 * request, and in the messages of the answers the real service may give (a
 * create without a body, its recovery or failure, lists without names,
 * deleted installations, stale writes, 500s, a failed logout, a non-admin). Runs the CLI's program
 * in-process against the fake LivePerson (a child process per run would be too
 * slow for hundreds of runs; the end-to-end tests run dist/cli.js).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { runProgram } from '../../src/cli/program.js';
import { startFakeLivePerson, type Fault, type Route } from '../fake-liveperson/server.js';
import { secretArb } from '../property/support.js';
import { capturingIo } from './run-cli.js';

const CONTENT_EVENT = 'ms.MessagingEventNotification.ContentEvent';
const SEED = 0x5ec2e7;
const RUNS = 300;

const SCENARIOS = [
  'plan',
  'plan-json',
  'apply-update',
  'apply-create',
  'pull',
  'diff',
  'reject-login',
  'echo-401',
  'echo-400-put',
  'drop-create',
  'diff-malformed',
  'plan-malformed',
  'apply-malformed',
  'pull-malformed',
  'create-empty-location',
  'create-empty-unlisted',
  'create-empty-read-fails',
  'list-without-names',
  'deleted',
  'stale-other',
  'stale-changed',
  'read-500-echo',
  'logout-500-echo',
  'non-admin',
  'bearer-prefix',
  'plan-markdown',
  'diff-markdown',
  'apply-deletes-malformed',
  'apply-allow-deletes-malformed',
] as const;

/**
 * Malformed webhooks that hold the secret where a header value does not
 * belong: a pasted `Authorization: Bearer …` line instead of a header, a
 * misspelled key, a header name or key that is not a token, a misspelled
 * event name, a string where a webhook should be, an unknown webhook key, a
 * nested value.
 */
const MALFORMED = [
  (secret: string) => ({ [CONTENT_EVENT]: { endpoint: ENDPOINT, headers: [`Authorization: Bearer ${secret}`] } }),
  (secret: string) => ({ [CONTENT_EVENT]: { endpoint: ENDPOINT, headers: [{ header_name: 'X-A', header_valeu: secret }] } }),
  (secret: string) => ({
    [CONTENT_EVENT]: { endpoint: ENDPOINT, headers: [{ header_name: `Authorization: Bearer ${secret}`, header_value: 'v' }] },
  }),
  (secret: string) => ({ [CONTENT_EVENT]: { endpoint: ENDPOINT, headers: [{ [`Authorization: Bearer ${secret}`]: 'v' }] } }),
  (secret: string) => ({
    'ms.MessagingEventNotification.ContentEvnt': { endpoint: ENDPOINT, headers: [`Bearer ${secret}`] },
  }),
  (secret: string) => ({ [CONTENT_EVENT]: `Authorization: Bearer ${secret}` }),
  (secret: string) => ({ [CONTENT_EVENT]: { endpoint: ENDPOINT, headers: { Authorization: `Bearer ${secret}` } } }),
  (secret: string) => ({ [CONTENT_EVENT]: { endpoint: ENDPOINT, auth: secret } }),
  (secret: string) => ({
    [CONTENT_EVENT]: { endpoint: ENDPOINT, headers: [{ header_name: 'X-A', header_value: { nested: [secret] } }] },
  }),
] as const;

const ENDPOINT = 'https://hooks.example.com/lp';

const manifest = (headerValue: string, enabled: boolean) => ({
  client_name: 'Secret keeper',
  enabled,
  capabilities: {
    webhooks: {
      [CONTENT_EVENT]: {
        endpoint: ENDPOINT,
        headers: [{ header_name: 'X-Api-Key', header_value: headerValue }],
      },
    },
  },
});

/** The manifest with its webhooks malformed (shape `shape` of {@link MALFORMED}), the secret in them. */
const malformedManifest = (secret: string, shape: number, enabled: boolean) => ({
  ...manifest('v', enabled),
  capabilities: { webhooks: MALFORMED[shape % MALFORMED.length]!(secret) },
});

describe('no secret in any output (property, in-process, against the fake LivePerson)', function () {
  this.timeout(60_000);
  let dir: string;
  const saved = { ...process.env };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-secrets-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const key of Object.keys(process.env)) if (key.startsWith('LP_')) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it(`holds for ${RUNS} random secrets and scenarios`, async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          bearer: secretArb,
          password: secretArb,
          appKey: secretArb,
          appSecret: secretArb,
          accessToken: secretArb,
          accessTokenSecret: secretArb,
          header: secretArb,
          newHeader: secretArb,
          clientSecret: secretArb,
          auth: fc.constantFrom('bearer' as const, 'user' as const, 'application' as const),
          scenario: fc.constantFrom(...SCENARIOS),
          shape: fc.nat({ max: MALFORMED.length - 1 }),
        }),
        async (drawn) => {
          const fake = await startFakeLivePerson({
            credentials: {
              bearer: drawn.bearer,
              password: drawn.password,
              appKey: drawn.appKey,
              appSecret: drawn.appSecret,
              accessToken: drawn.accessToken,
              accessTokenSecret: drawn.accessTokenSecret,
            },
          });
          try {
            const malformed = drawn.scenario.endsWith('-malformed');
            const installed = malformed ? malformedManifest(drawn.header, drawn.shape, false) : manifest(drawn.header, false);
            const { id } = fake.seed(installed, { client_secret: drawn.clientSecret });
            const file = join(dir, 'desired.json');
            const installedFile = join(dir, 'installed.json');
            writeFileSync(file, JSON.stringify(manifest(drawn.newHeader, true)));
            writeFileSync(installedFile, JSON.stringify(installed));
            for (const key of Object.keys(process.env)) if (key.startsWith('LP_')) delete process.env[key];
            Object.assign(process.env, fake.env(drawn.auth));
            // Test-only: LivePerson's 5, 10 and 15 s pauses as 1 ms each.
            process.env['LP_APP_MANIFEST_TEST_RETRY_PAUSES_MS'] = '1,1,1';
            const credentialsOut = ['--credentials-out', join(dir, 'credentials.json')];
            const brandNew = (): void =>
              writeFileSync(file, JSON.stringify({ ...manifest(drawn.newHeader, true), client_name: 'Brand new' }));
            const inject = (route: Route, fault: Fault): void => fake.inject(route, fault);
            const account = ['--account', fake.account];
            const args = ((): string[] => {
              switch (drawn.scenario) {
                case 'plan':
                  return ['plan', file, ...account, '--app', id];
                case 'plan-json':
                  return ['plan', file, ...account, '--format', 'json'];
                case 'apply-update':
                  return ['apply', file, ...account, '--app', id, '--yes'];
                case 'apply-create':
                  writeFileSync(file, JSON.stringify({ ...manifest(drawn.newHeader, true), client_name: 'Brand new' }));
                  return ['apply', file, ...account, '--yes', '--credentials-out', join(dir, 'credentials.json')];
                case 'pull':
                  return ['pull', ...account, '--app', id];
                case 'diff':
                  return ['diff', installedFile, file, '--format', drawn.bearer.length % 2 === 0 ? 'json' : 'text'];
                case 'reject-login':
                  process.env['LP_BEARER_TOKEN'] = `${drawn.bearer}x`;
                  return ['plan', file, ...account, '--app', id];
                case 'echo-401':
                  inject('get', { kind: 'status', status: 401, echo: true });
                  return ['plan', file, ...account, '--app', id];
                case 'echo-400-put':
                  inject('update', { kind: 'status', status: 400, echo: true });
                  return ['apply', file, ...account, '--app', id, '--yes'];
                case 'diff-malformed':
                  return drawn.bearer.length % 2 === 0
                    ? ['diff', installedFile, file, '--format', 'json']
                    : ['diff', file, installedFile];
                case 'plan-malformed':
                  return ['plan', file, ...account, '--app', id, '--format', drawn.bearer.length % 2 === 0 ? 'json' : 'text'];
                case 'apply-malformed':
                  return ['apply', file, ...account, '--app', id, '--yes'];
                case 'pull-malformed':
                  return ['pull', ...account, '--app', id];
                case 'create-empty-location':
                  brandNew();
                  fake.createAnswer = 'empty-with-location';
                  return ['apply', file, ...account, '--yes', ...credentialsOut];
                case 'create-empty-unlisted':
                  brandNew();
                  fake.createAnswer = 'empty-unlisted';
                  return ['apply', file, ...account, '--yes', ...credentialsOut];
                case 'create-empty-read-fails':
                  brandNew();
                  fake.createAnswer = 'empty-with-location';
                  fake.inject('get', { kind: 'status', status: 500, echo: true }, 4);
                  return ['apply', file, ...account, '--yes', ...credentialsOut];
                case 'list-without-names':
                  fake.listFields = drawn.bearer.length % 2 === 0 ? ['id', 'deleted', 'name'] : ['deleted'];
                  return ['apply', file, ...account, '--yes'];
                case 'deleted':
                  fake.installations.get(id)!.body['deleted'] = true;
                  return drawn.bearer.length % 2 === 0
                    ? ['pull', ...account, '--app', id]
                    : ['plan', file, ...account, '--app', id];
                case 'stale-other':
                  inject('update', { kind: 'concurrent-other' });
                  return ['apply', file, ...account, '--app', id, '--yes'];
                case 'stale-changed':
                  inject('update', { kind: 'concurrent-update' });
                  return ['apply', file, ...account, '--app', id, '--yes'];
                case 'read-500-echo':
                  fake.inject('get', { kind: 'status', status: 500, echo: true }, 4);
                  return ['plan', file, ...account, '--app', id];
                case 'logout-500-echo':
                  inject('logout', { kind: 'status', status: 500, echo: true });
                  return ['plan', file, ...account, '--app', id];
                case 'non-admin':
                  fake.loginConfig = { isAdmin: false, isLPA: false };
                  return ['plan', file, ...account];
                case 'bearer-prefix':
                  process.env['LP_BEARER_TOKEN'] = `Bearer ${drawn.bearer}`;
                  return ['plan', file, ...account, '--app', id];
                case 'plan-markdown':
                  return ['plan', file, ...account, '--app', id, '--format', 'markdown'];
                case 'diff-markdown':
                  return drawn.bearer.length % 2 === 0
                    ? ['diff', installedFile, file, '--format', 'markdown']
                    : ['diff', file, installedFile, '--format', 'markdown'];
                // The manifest leaves the malformed webhooks out: the plan deletes them, and names them.
                case 'apply-deletes-malformed':
                  return ['apply', file, ...account, '--app', id, '--yes'];
                case 'apply-allow-deletes-malformed':
                  return ['apply', file, ...account, '--app', id, '--yes', '--allow-deletes'];
                case 'drop-create':
                  writeFileSync(file, JSON.stringify({ ...manifest(drawn.newHeader, true), client_name: 'Brand new' }));
                  inject('create', { kind: 'drop-after' });
                  return ['apply', file, ...account, '--yes', '--credentials-out', join(dir, 'credentials.json')];
              }
            })();
            const { io, output: printed } = capturingIo(dir);
            const status = await runProgram(args, io);
            const output = printed();
            expect(status, output).to.be.oneOf([0, 1]);
            const secrets = [
              drawn.bearer,
              drawn.password,
              drawn.appKey,
              drawn.appSecret,
              drawn.accessToken,
              drawn.accessTokenSecret,
              drawn.header,
              drawn.newHeader,
              drawn.clientSecret,
              ...[...fake.installations.values()].map((stored) => String(stored.body['client_secret'])),
            ];
            for (const secret of secrets) {
              expect(output, drawn.scenario).not.to.include(secret);
              expect(output, drawn.scenario).not.to.include(JSON.stringify(secret).slice(1, -1));
            }
            // The login's csrf and session cookie (the fake draws them as csrf-…, sessionid-…, session-…).
            for (const drawnByFake of ['csrf-', 'sessionid-', 'session-', 'Session_id='])
              expect(output, drawn.scenario).not.to.include(drawnByFake);
          } finally {
            await fake.close();
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(
      `        [fast-check] no secret in output: ${RUNS} runs, seed ${SEED} (${((performance.now() - started) / 1000).toFixed(1)}s)`,
    );
  });
});
