/**
 * Property: a secret put in every secret place at once (webhook header values, valid or not,
 * `client_secret`, a pasted `Authorization: Bearer …` line as a key or a header name, the value of
 * a variable used in a header value and elsewhere) appears in no output channel: the library's
 * issue messages and params, `ManifestValidationError` and `formatIssue` text, errors the builder
 * throws, `diffManifests`/`formatManifestDiff`, `planInstallation`'s diff, `manifestFromInstallation`,
 * templates (`validateTemplate`, `listPlaceholders`), and the CLI's `validate` (text, json, github),
 * `diff` and `plan` (text, json, markdown), `apply` stopping on deletions it names, `build` and
 * `pull` (its output, stderr and the file it writes). The CLI runs in
 * process against the fake LivePerson, and a few runs spawn the built bin.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatIssue,
  listPlaceholders,
  ManifestBuilder,
  ManifestValidationError,
  validateManifest,
  validateTemplate,
  type ValidationResult,
} from '../../src/index.js';
import { runProgram } from '../../src/cli/program.js';
import {
  diffManifests,
  formatManifestChange,
  formatManifestDiff,
  manifestFromInstallation,
  planInstallation,
} from '../../src/installations/index.js';
import { startFakeLivePerson, type JsonObject } from '../fake-liveperson/server.js';
import { capturingIo, runCliAsync } from '../installations/run-cli.js';
import { secretArb } from './support.js';

const CONTENT = 'ms.MessagingEventNotification.ContentEvent';
const CHAT_STATE = 'ms.MessagingEventNotification.ChatStateEvent';
const ENDPOINT = 'https://hooks.example.com/lp';
const SEED = 0x5ec2e75;

/** How a header value holds its secret: as it is, or broken so that the value's own rules report it. */
const HEADER_VALUES = [
  (secret: string) => secret,
  (secret: string) => `${secret}\r\nX-Evil: 1`,
  (secret: string) => ` ${secret} `,
  (secret: string) => `${secret}é`,
] as const;

/** A secret that starts with its own tag, so that no two secrets of a run are the same, even shrunk. */
const tagged = (tag: string): fc.Arbitrary<string> => secretArb.map((secret) => `${tag}${secret}`);

const drawnArb = fc.record({
  header: tagged('h'),
  other: tagged('o'),
  clientSecret: tagged('c'),
  pasted: tagged('p'),
  variable: tagged('v'),
  shape: fc.nat({ max: HEADER_VALUES.length - 1 }),
  profile: fc.constantFrom('general' as const, 'connector' as const),
});
type Drawn = typeof drawnArb extends fc.Arbitrary<infer TValue> ? TValue : never;

const secretsOf = (drawn: Drawn): string[] => [drawn.header, drawn.other, drawn.clientSecret, drawn.pasted, drawn.variable];

/** A manifest with a secret in every secret place, and places that are not (a pasted header line as a key or a name). */
function manifestWith(drawn: Drawn, header: string): Record<string, unknown> {
  const value = HEADER_VALUES[drawn.shape]!(header);
  return {
    client_name: 'Secret keeper',
    client_secret: drawn.clientSecret,
    [`Authorization: Bearer ${drawn.pasted}`]: true,
    capabilities: {
      webhooks: {
        [CONTENT]: { endpoint: ENDPOINT, headers: [{ header_name: 'X-Api-Key', header_value: value }] },
        [CHAT_STATE]: {
          endpoint: ENDPOINT,
          headers: [{ header_name: `Authorization: Bearer ${drawn.pasted}`, header_value: value }],
        },
      },
    },
  };
}

/** A valid installation with a secret header value (LivePerson adds its client_secret): what `pull` writes out. */
const validInstallation = (drawn: Drawn): JsonObject => ({
  client_name: 'Secret keeper',
  capabilities: {
    webhooks: { [CONTENT]: { endpoint: ENDPOINT, headers: [{ header_name: 'X-Api-Key', header_value: drawn.header }] } },
  },
});

/**
 * A template whose variable lands in a header value (a secret) and in places whose issues quote
 * the value (the scope, an endpoint's host, a description too long for it).
 */
const template = {
  client_name: 'Templated',
  description: `\${{ LP_TOKEN }}${'d'.repeat(250)}`,
  scope: 'msg.consumer ${{ LP_TOKEN }}',
  capabilities: {
    webhooks: {
      [CONTENT]: {
        endpoint: 'https://${{ LP_TOKEN }}/lp',
        headers: [{ header_name: 'Authorization', header_value: 'Bearer ${{ LP_TOKEN }}' }],
      },
    },
  },
};

/** Everything a result says but the manifest itself (which holds its header values, as asked). */
const reported = (result: ValidationResult): unknown[] => {
  const issues = result.ok ? [] : result.issues;
  const all = [...issues, ...result.warnings];
  return [
    all,
    all.map((issue) => formatIssue(issue)),
    issues.length > 0 ? String(new ManifestValidationError(issues as never, result.warnings)) : '',
  ];
};

/** What a call throws, as a user would print it. */
function thrown(call: () => unknown): string {
  try {
    call();
    return '';
  } catch (error) {
    return error instanceof Error ? `${String(error)}\n${error.stack ?? ''}\n${JSON.stringify(error)}` : String(error);
  }
}

function expectNoSecret(text: string, secrets: readonly string[], channel: string): void {
  for (const secret of secrets) {
    expect(text, channel).not.to.include(secret);
    expect(text, channel).not.to.include(JSON.stringify(secret).slice(1, -1));
  }
}

describe('no secret in any output channel (property)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-no-secret-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds for the library: issues, errors, diff, plan, pull and templates', () => {
    fc.assert(
      fc.property(drawnArb, (drawn) => {
        const secrets = secretsOf(drawn);
        const before = manifestWith(drawn, drawn.header);
        const after = manifestWith(drawn, drawn.other);
        const env = { LP_TOKEN: drawn.variable };
        const headers = { 'X-Api-Key': HEADER_VALUES[drawn.shape]!(drawn.header) };
        const channels: Record<string, unknown> = {
          validate: reported(validateManifest(before, { profile: drawn.profile })),
          template: reported(validateTemplate(template, { env, profile: drawn.profile })),
          'template, unresolved allowed': reported(validateTemplate(template, { env, allowUnresolved: true })),
          placeholders: listPlaceholders(template),
          diff: [diffManifests(before, after), formatManifestDiff(diffManifests(before, after))],
          plan: [
            planInstallation(after, before).diff,
            formatManifestDiff(planInstallation(after, before).diff),
            planInstallation({ client_name: 'Secret keeper' }, before).deletions.map(formatManifestChange),
          ],
          // What pull shows (the manifest is the installation's own data, header values and client_secret aside).
          pull: (({ leftOut, hidden }) => ({ leftOut, hidden }))(manifestFromInstallation(before)),
          'pulled manifest': [
            manifestFromInstallation(before).manifest,
            manifestFromInstallation({ ...before, ...validInstallation(drawn) }),
          ],
          'builder.build()': thrown(() =>
            ManifestBuilder.general().clientName('A').webhook(CONTENT, ENDPOINT, { headers }).build({ strict: true }),
          ),
          'ManifestBuilder.from()': thrown(() => ManifestBuilder.from(before)),
          'builder with env': thrown(() => ManifestBuilder.from(template).build({ env })),
        };
        for (const [channel, output] of Object.entries(channels)) {
          const kept = channel === 'pulled manifest' ? [drawn.header, drawn.clientSecret] : secrets;
          expectNoSecret(typeof output === 'string' ? output : JSON.stringify(output), kept, channel);
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('holds for the CLI: validate (text, json, github, markdown), diff, plan, build, pull, audit, and apply against the answers the real service may give', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(drawnArb, async (drawn) => {
        const secrets = secretsOf(drawn);
        const file = (name: string, text: string): string => {
          writeFileSync(join(dir, name), text);
          return name;
        };
        const before = file('before.json', JSON.stringify(manifestWith(drawn, drawn.header), null, 2));
        const after = file('after.json', JSON.stringify(manifestWith(drawn, drawn.other)));
        const desired = file('desired.json', JSON.stringify({ client_name: 'Secret keeper', enabled: true }));
        const templated = file('template.json', JSON.stringify(template));
        const fake = await startFakeLivePerson({ credentials: { bearer: 'not-the-secret-bearer' } });
        const saved = { ...process.env };
        try {
          const { client_secret: _assigned, ...installed } = manifestWith(drawn, drawn.header);
          const { id } = fake.seed(installed as JsonObject, { client_secret: drawn.clientSecret });
          const valid = fake.seed(validInstallation(drawn), { client_secret: drawn.clientSecret }).id;
          // The process environment is where `validate` and `build` read a template's variables from (beside --dotenv).
          Object.assign(process.env, fake.env('bearer'), { LP_TOKEN: drawn.variable });
          const account = ['--account', fake.account];
          const commands = [
            ['validate', before],
            ['validate', before, '--format', 'json'],
            ['validate', before, '--format', 'github'],
            ['validate', before, '--format', 'markdown'],
            ['validate', templated, '--format', drawn.profile === 'general' ? 'json' : 'text'],
            ['build', templated],
            ['diff', before, after],
            ['diff', before, after, '--format', 'json'],
            ['diff', before, after, '--format', 'markdown'],
            ['diff', after, desired, '--format', 'markdown'],
            ['plan', desired, ...account, '--app', id],
            ['plan', desired, ...account, '--app', id, '--format', 'json'],
            ['plan', desired, ...account, '--app', id, '--format', 'markdown'],
            // The desired manifest has no webhooks: the plan deletes every one, header and all, and apply names them.
            ['apply', desired, ...account, '--app', id, '--yes'],
            ['pull', ...account, '--app', id],
            ['pull', ...account, '--app', valid, '--out', 'pulled.json'],
            ['audit', ...account],
            ['audit', ...account, '--format', 'json'],
            ['audit', ...account, '--format', 'markdown'],
            ['audit', ...account, '--format', 'github'],
          ];
          for (const args of commands) {
            const { io, output: printed } = capturingIo(dir);
            const status = await runProgram(args, io);
            const output = printed();
            expect(status, output).to.be.oneOf([0, 1]);
            expectNoSecret(output, secrets, args.join(' '));
          }
          expectNoSecret(readFileSync(join(dir, 'pulled.json'), 'utf8'), secrets, 'the file pull wrote');
          // The answers the real service may give (issue 21 §1): the recovery messages, logout, non-admin and other errors.
          const brandNew = file('new.json', JSON.stringify({ client_name: 'Brand new', enabled: true }));
          const create = ['apply', brandNew, ...account, '--yes', '--credentials-out', 'credentials.json'];
          const answers: { readonly setUp: () => void; readonly args: string[]; readonly login?: boolean }[] = [
            { setUp: () => void (fake.createAnswer = 'empty-unlisted'), args: create },
            {
              setUp: () => {
                fake.createAnswer = 'empty-with-location';
                fake.inject('get', { kind: 'status', status: 500, echo: true }, 4);
              },
              args: create,
            },
            {
              setUp: () => fake.inject('logout', { kind: 'status', status: 500, echo: true }),
              args: ['plan', desired, ...account, '--app', id],
              login: true,
            },
            {
              setUp: () => void (fake.loginConfig = { isAdmin: false, isLPA: false }),
              args: ['plan', desired, ...account],
              login: true,
            },
            { setUp: () => void (fake.listFields = ['deleted']), args: ['plan', desired, ...account] },
            { setUp: () => void (fake.installations.get(id)!.body['deleted'] = true), args: ['pull', ...account, '--app', id] },
            {
              setUp: () => fake.inject('get', { kind: 'status', status: 500, echo: true }, 4),
              args: ['plan', desired, ...account, '--app', valid],
            },
          ];
          // Test-only: LivePerson's 5, 10 and 15 s pauses as 1 ms each.
          process.env['LP_APP_MANIFEST_TEST_RETRY_PAUSES_MS'] = '1,1,1';
          const loginSecrets = [
            ...secrets,
            ...Object.values(fake.credentials).filter((value) => value !== fake.credentials.username),
          ];
          for (const { setUp, args, login } of answers) {
            setUp();
            delete process.env['LP_BEARER_TOKEN'];
            Object.assign(process.env, fake.env(login === true ? 'user' : 'bearer'));
            const { io, output: printed } = capturingIo(dir);
            const status = await runProgram(args, io);
            const output = printed();
            expect(status, output).to.be.oneOf([0, 1]);
            expectNoSecret(output, loginSecrets, args.join(' '));
            for (const drawnByFake of ['csrf-', 'sessionid-', 'Session_id='])
              expect(output, args.join(' ')).not.to.include(drawnByFake);
            fake.createAnswer = 'installation';
            fake.listFields = undefined;
            fake.loginConfig = { isAdmin: true, isLPA: false };
          }
          // The built bin, spawned, for a few runs: the same code, bundled.
          if (run++ < 3) {
            for (const args of [
              ['validate', before, '--format', 'github'],
              ['diff', before, after],
            ]) {
              const spawned = await runCliAsync(args, {}, dir);
              expectNoSecret(spawned.stdout + spawned.stderr, secrets, `bin: ${args.join(' ')}`);
            }
          }
        } finally {
          for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
          Object.assign(process.env, saved);
          await fake.close();
        }
      }),
      { numRuns: 12, seed: SEED },
    );
  });
});
