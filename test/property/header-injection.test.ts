/**
 * Header injection: a webhook's headers become HTTP headers that LivePerson
 * sends to the app's server. No name or value that could split, fold or
 * smuggle a header gets through, and a header value (it may be a secret) is
 * never shown: not in an issue, not in an error, not in the CLI's output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  formatIssue,
  ISSUE_CODES,
  ManifestBuilder,
  ManifestValidationError,
  validateManifest,
  type IssueMessages,
  type Profile,
} from '../../src/index.js';
import { FRAMING_HEADER_NAMES, RESERVED_HEADER_PREFIX, WEBHOOK_EVENTS } from '../../src/rules/tables.js';
import {
  anyCase,
  anyCodePoint,
  hasForbiddenValueCharacter,
  isAsciiHeaderValue,
  isFramingHeaderName,
  isToken,
  makeHeaderName,
  profileArb,
  seeded,
  TCHARS,
} from './arbitraries.js';
import { assertProperty, RUNS, type Json } from './support.js';

const SEED_NAMES = 0x5eed_0040;
const SEED_VALUES = 0x5eed_0041;

const EVENT = WEBHOOK_EVENTS[0];
const HEADERS_PATH = ['capabilities', 'webhooks', EVENT, 'headers'];

const withHeaders = (headers: unknown, extra: Json = {}): Json => ({
  client_name: 'Acme',
  grant_types: ['client_credentials'],
  scope: 'msg.consumer',
  ...extra,
  capabilities: { webhooks: { [EVENT]: { endpoint: 'https://hooks.acme.com/lp', headers } } },
});

/** Characters that split, fold or smuggle a header, and sequences made of them. */
const SMUGGLING = [
  '\r',
  '\n',
  '\r\n',
  '\r\n ',
  '\r\n\t',
  '\n ',
  '\u0000',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\r\nX-Injected: 1',
  '\r\n\r\nGET /admin HTTP/1.1',
  '\n\nHTTP/1.1 200 OK',
];
/** Characters a token cannot have (RFC 9110 §5.6.2), besides the ones above. */
const NOT_IN_TOKENS = [' ', ':', '(', ')', ',', '/', ';', '=', '@', '[', '"', '\t', 'é', '\u0130', '\u00a0'];

/** A header name: mostly a token, sometimes with characters outside the token grammar, sometimes LivePerson's prefix. */
const nameArb = seeded((rand) => {
  const roll = rand.int(0, 9);
  if (roll < 3) return makeHeaderName(rand);
  const token = rand.chars(TCHARS, rand.int(0, 12));
  if (roll < 5) return `${[...RESERVED_HEADER_PREFIX].map((ch) => (rand.chance(0.5) ? ch.toUpperCase() : ch)).join('')}${token}`;
  // A name that frames or routes the request, in any case, or one a character away from it.
  if (roll < 6) return `${anyCase(rand.pick(FRAMING_HEADER_NAMES), rand)}${rand.chance(0.3) ? rand.pick(['s', '-', 'X']) : ''}`;
  const insert = rand.chance(0.5) ? rand.pick([...SMUGGLING, ...NOT_IN_TOKENS]) : anyCodePoint(rand);
  const at = rand.int(0, token.length);
  return token.slice(0, at) + insert + token.slice(at);
});

/** A wording table that shows every code's params in full. */
const SHOW_PARAMS: IssueMessages = Object.fromEntries(
  ISSUE_CODES.map((code) => [code, (params: unknown) => JSON.stringify(params)]),
);

/** A header value around a secret, mostly with something that splits or folds a header put in. */
const valueArb = seeded((rand) => {
  const secret = `S3CR3T${rand.chars('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 12)}`;
  const parts = [
    rand.pick(['', 'Bearer ', 'Basic ', 'token=']),
    secret,
    rand.pick(['', ' ', '\t', ';v=1', 'é☕', '\u010a\u010d']),
  ];
  for (let i = rand.int(0, 2); i > 0; i--) {
    const insert = rand.chance(0.7) ? rand.pick(SMUGGLING) : anyCodePoint(rand);
    parts.splice(rand.int(0, parts.length), 0, insert);
  }
  return { value: parts.join(''), secret };
});

describe('header injection', () => {
  it(`a header name is accepted exactly when it is an RFC 9110 token not starting with ${RESERVED_HEADER_PREFIX}, nor one that frames the request (seed ${SEED_NAMES})`, () => {
    const arbitrary = fc.tuple(nameArb, profileArb);
    let accepted = 0;
    assertProperty('header names', SEED_NAMES, arbitrary, ([name, profile]) => {
      const result = validateManifest(withHeaders([{ header_name: name, header_value: 'v' }]), { profile });
      const expectedOk = isToken(name) && !name.toLowerCase().startsWith(RESERVED_HEADER_PREFIX) && !isFramingHeaderName(name);
      if (result.ok !== expectedOk) {
        expect.fail(`${JSON.stringify(name)}: expected ${expectedOk ? 'valid' : 'invalid'}, got ${JSON.stringify(result)}`);
      }
      if (result.ok) {
        accepted++;
        // Nothing lost or changed on the way.
        expect(result.manifest.capabilities?.webhooks?.[EVENT]?.headers?.[0]?.header_name).to.equal(name);
        return;
      }
      const codes = result.issues.map((issue) => `${issue.path} ${issue.code}`);
      const at = `capabilities.webhooks["${EVENT}"].headers[0].header_name`;
      const code = !isToken(name)
        ? 'invalid_header_name'
        : isFramingHeaderName(name)
          ? 'framing_header_name'
          : 'reserved_header_name';
      if (!codes.includes(`${at} ${code}`)) expect.fail(`${JSON.stringify(name)}: ${codes.join(', ')}`);
    });
    console.log(`        ${accepted} names accepted, ${RUNS - accepted} rejected`);
    // Both outcomes are well represented, so the property is not vacuous.
    expect(accepted).to.be.within(RUNS / 10, (RUNS * 9) / 10);
  });

  it(`a header value is accepted exactly when it is visible ASCII, space and tab; it is never shown (seed ${SEED_VALUES})`, () => {
    const arbitrary = fc.tuple(valueArb, profileArb, fc.boolean());
    let rejected = 0;
    assertProperty('header values', SEED_VALUES, arbitrary, ([{ value, secret }, profile, withOtherProblem]) => {
      // A second problem elsewhere, so that there are messages to look into even for a good value.
      const manifest = withHeaders(
        [{ header_name: 'Authorization', header_value: value }],
        withOtherProblem ? { client_name: '' } : {},
      );
      const result = validateManifest(manifest, { profile });
      const valueOk = isAsciiHeaderValue(value);
      // A character that can split or fold the header is reported as such; other non-ASCII text as that.
      const expectedCode = hasForbiddenValueCharacter(value) ? 'header_value_control_character' : 'header_value_not_ascii';
      const at = JSON.stringify([...HEADERS_PATH, 0, 'header_value']);
      const valueIssue =
        !result.ok && result.issues.some((issue) => issue.code === expectedCode && JSON.stringify(issue.segments) === at);
      if (valueIssue === valueOk) expect.fail(`${JSON.stringify(value)}: ${JSON.stringify(result)}`);
      if (result.ok) {
        // Nothing lost or changed on the way: the exact bytes LivePerson will send.
        expect(result.manifest.capabilities?.webhooks?.[EVENT]?.headers?.[0]?.header_value).to.equal(value);
        return;
      }
      rejected++;
      const shown = [
        JSON.stringify(result.issues),
        JSON.stringify(result.warnings),
        ...result.issues.map(formatIssue),
        ...result.warnings.map(formatIssue),
        // Each issue's params, as a wording table given to formatIssue() gets them: no header value among them.
        ...[...result.issues, ...result.warnings].map((issue) => formatIssue(issue, SHOW_PARAMS)),
      ];
      for (const text of shown) if (text.includes(secret)) expect.fail(`the secret is shown: ${text}`);
      // The same for the error thrown by the builder (from() and build() throw the same error).
      try {
        ManifestBuilder.general()
          .clientName(withOtherProblem ? '' : 'Acme')
          .webhook(EVENT, 'https://hooks.acme.com', { headers: { Authorization: value } })
          .build();
        expect.fail('accepted');
      } catch (error) {
        if (!(error instanceof ManifestValidationError)) throw error;
        for (const text of [
          error.message,
          String(error),
          JSON.stringify(error.issues),
          JSON.stringify(error.warnings),
          error.stack ?? '',
        ]) {
          if (text.includes(secret)) expect.fail(`the secret is in the error: ${text}`);
        }
      }
    });
    console.log(`        ${RUNS - rejected} values accepted, ${rejected} rejected`);
    expect(rejected).to.be.within(RUNS / 10, (RUNS * 9) / 10);
  });

  describe('the known ways to split or smuggle a header', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['CR LF', 'a\r\nX-Injected: 1'],
      ['a bare LF', 'a\nX-Injected: 1'],
      ['a bare CR', 'a\rX-Injected: 1'],
      ['obs-fold (CR LF and a space)', 'a\r\n b'],
      ['obs-fold (CR LF and a tab)', 'a\r\n\tb'],
      ['a blank line, then a body', 'a\r\n\r\n<html>'],
      ['NUL', 'a\u0000b'],
      ['a vertical tab', 'a\u000bb'],
      ['a form feed', 'a\u000cb'],
      ['an escape sequence', '\u001b[2J'],
      ['DEL', 'a\u007fb'],
    ];
    for (const [name, value] of cases) {
      it(`rejects ${name} in a value, in both profiles`, () => {
        for (const profile of ['general', 'connector'] as const satisfies readonly Profile[]) {
          const result = validateManifest(withHeaders([{ header_name: 'X-Token', header_value: value }]), { profile });
          expect(result.ok).to.equal(false);
          if (!result.ok) expect(result.issues.map((issue) => issue.code)).to.deep.equal(['header_value_control_character']);
        }
      });
    }

    const names = [
      'X-Token\r\nX-Injected',
      'X-Token:',
      'X Token',
      ' X-Token',
      'X-Token ',
      'X-Token\t',
      '',
      'X-Tök',
      'X-\u0130',
      'X\u0000',
    ];
    for (const name of [...names, '(X)', 'X@Y', 'X-Token\n', 'X-Token: 1']) {
      it(`rejects the header name ${JSON.stringify(name)}`, () => {
        const result = validateManifest(withHeaders([{ header_name: name, header_value: 'v' }]));
        expect(result.ok).to.equal(false);
        if (!result.ok) expect(result.issues.map((issue) => issue.code)).to.deep.equal(['invalid_header_name']);
      });
    }

    it('a name that is not a token is never quoted, not even when it is set twice', () => {
      const pasted = 'Authorization: Bearer S3CR3TPASTEDLINE';
      const result = validateManifest(
        withHeaders([
          { header_name: pasted, header_value: 'v' },
          { header_name: pasted, header_value: 'w' },
        ]),
      );
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.issues.map((issue) => issue.code)).to.deep.equal(['invalid_header_name', 'invalid_header_name']);
      expect(JSON.stringify(result.issues)).not.to.contain('S3CR3TPASTEDLINE');
    });

    it('accepts a tab and spaces in a value (RFC 9110 §5.5), and keeps them as they are (padded or empty: with a warning)', () => {
      for (const value of ['Bearer\tabc', '  padded  ', 'a  b', '']) {
        const result = validateManifest(withHeaders([{ header_name: 'X-Token', header_value: value }]));
        expect(result.ok && result.manifest.capabilities?.webhooks?.[EVENT]?.headers?.[0]?.header_value).to.equal(value);
      }
    });

    it('rejects text beyond ASCII, which common HTTP clients refuse to send (U+010A/U+010D become LF/CR when cut to 8 bits)', () => {
      for (const value of ['café ☕', '测试', 'a\u010aX-Injected: 1', '\u0085']) {
        const result = validateManifest(withHeaders([{ header_name: 'X-Token', header_value: value }]));
        expect(result.ok ? [] : result.issues.map((issue) => issue.code)).to.deep.equal(['header_value_not_ascii']);
      }
    });
  });

  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

  it('the CLI never prints a header value, with --format json or text, whether the file parses or not', () => {
    expect(existsSync(cli), 'dist/cli.js (run `npm run build`)').to.equal(true);
    const dir = mkdtempSync(join(tmpdir(), 'lp-header-injection-'));
    try {
      const secrets = ['S3CR3TBADVALUE0001', 'S3CR3TGOODVALUE002', 'S3CR3TRAWNEWLINE03'];
      const valid = join(dir, 'escaped.json');
      writeFileSync(
        valid,
        JSON.stringify(
          withHeaders(
            [
              { header_name: 'Authorization', header_value: `Bearer ${secrets[0]}\r\nX-Injected: 1` },
              { header_name: 'X-Good', header_value: `Bearer ${secrets[1]}` },
            ],
            { client_name: '' },
          ),
        ),
      );
      // A raw line break inside a JSON string is a syntax error: the message gives a line and column, not the text.
      const raw = join(dir, 'raw.json');
      const header = `{"header_name":"X","header_value":"Bearer ${secrets[2]}\r\nX-Injected: 1"}`;
      writeFileSync(
        raw,
        `{"client_name":"Acme","capabilities":{"webhooks":{"${EVENT}":{"endpoint":"https://a.bc","headers":[${header}]}}}}`,
      );
      for (const format of ['json', 'text']) {
        const run = spawnSync(process.execPath, [cli, 'validate', '--format', format, valid, raw], { encoding: 'utf8' });
        expect(run.status, `${format}: exit status (stderr: ${run.stderr})`).to.equal(1);
        const output = `${run.stdout}\n${run.stderr}`;
        for (const secret of secrets) expect(output, `${format} output`).not.to.contain(secret);
        expect(output).not.to.contain('X-Injected');
        if (format === 'json') {
          const report = JSON.parse(run.stdout) as { files: { file: string; issues: { code: string; path: string }[] }[] };
          const issues = (file: string) =>
            report.files.find((entry) => entry.file === file)?.issues.map((issue) => `${issue.path} ${issue.code}`);
          expect(issues(valid)).to.include(
            `capabilities.webhooks["${EVENT}"].headers[0].header_value header_value_control_character`,
          );
          expect(issues(raw)?.[0]).to.match(/ invalid_json$/);
        } else {
          expect(run.stdout).to.contain('header_value_control_character');
          expect(run.stderr).to.contain('[invalid_json]');
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
