import { expect } from 'chai';
import { inspect } from 'node:util';
import {
  FRAMING_HEADER_NAMES,
  ManifestBuilder,
  ManifestValidationError,
  validateManifest,
  type Profile,
} from '../../src/index.js';
import {
  baseFor,
  CONTENT,
  CONTENT_PATH,
  expectClean,
  expectIssue,
  expectValid,
  MISSPELLED_EVENT,
  PROFILES_UNDER_TEST,
  withValue,
  type Json,
} from './helpers.js';

const HEADERS_PATH = `${CONTENT_PATH}.headers`;
const ENDPOINT = 'https://hooks.example.com/lp';

/** A valid manifest of the profile whose ContentEvent webhook carries these headers. */
const withHeaders = (profile: Profile, headers: unknown): Json =>
  withValue(baseFor(profile), ['capabilities', 'webhooks', CONTENT], { endpoint: ENDPOINT, headers });

const header = (header_name: unknown, header_value: unknown = 'value') => ({ header_name, header_value });

describe('validateManifest: webhook headers', () => {
  for (const profile of PROFILES_UNDER_TEST) {
    describe(`in the ${profile} profile`, () => {
      it('accepts a list of { header_name, header_value }', () => {
        const headers = [header('X-Acme-Token', 'Bearer abc'), header('Authorization', 'Basic xyz')];
        const manifest = expectClean(withHeaders(profile, headers), profile);
        const webhooks = (manifest['capabilities'] as Record<string, Record<string, Record<string, unknown>>>)['webhooks'];
        expect(webhooks?.[CONTENT]?.['headers']).to.deep.equal(headers);
      });

      it('accepts an empty list', () => {
        expectClean(withHeaders(profile, []), profile);
      });

      describe('header_name', () => {
        // (A token with "_" is valid too, with a warning: below.)
        for (const name of ['X-Acme-Token', 'Authorization', 'a', '0', "!#$%&'*+-.^`|~", 'X-Liveperson', 'X-LivePersonal-Id']) {
          it(`accepts the HTTP token ${JSON.stringify(name)}`, () => {
            expectClean(withHeaders(profile, [header(name)]), profile);
          });
        }

        for (const name of [
          'bad name',
          'X:Y',
          '',
          'Ünïcode',
          'X-Acme\r\n',
          '(comment)',
          'a/b',
          'a@b',
          '"quoted"',
          'X-Acme;',
          'tab\there',
        ]) {
          it(`rejects ${JSON.stringify(name)}, which is not an HTTP token`, () => {
            const issue = expectIssue(
              withHeaders(profile, [header(name)]),
              profile,
              'invalid_header_name',
              `${HEADERS_PATH}[0].header_name`,
            );
            expect(issue.segments).to.deep.equal(['capabilities', 'webhooks', CONTENT, 'headers', 0, 'header_name']);
          });
        }

        for (const name of ['x-liveperson-signature', 'X-LivePerson-Account-Id', 'X-LIVEPERSON-', 'x-LivePerson-anything']) {
          it(`rejects ${JSON.stringify(name)}: the x-liveperson- prefix is LivePerson's own, in any case`, () => {
            const issue = expectIssue(
              withHeaders(profile, [header(name)]),
              profile,
              'reserved_header_name',
              `${HEADERS_PATH}[0].header_name`,
            );
            expect(issue.message).to.contain('"x-liveperson-"');
          });
        }

        it('rejects two headers with the same name, compared case-insensitively', () => {
          const headers = [header('X-Acme-Token', 'a'), header('x-acme-token', 'b')];
          const issue = expectIssue(
            withHeaders(profile, headers),
            profile,
            'duplicate_header_name',
            `${HEADERS_PATH}[1].header_name`,
          );
          expect(issue.message).to.contain('"x-acme-token"');
        });

        it('rejects the exact same name twice', () => {
          const headers = [header('Authorization', 'a'), header('X-Other', 'b'), header('Authorization', 'c')];
          expectIssue(withHeaders(profile, headers), profile, 'duplicate_header_name', `${HEADERS_PATH}[2].header_name`);
        });

        it('is required', () => {
          expectIssue(withHeaders(profile, [{ header_value: 'v' }]), profile, 'required', `${HEADERS_PATH}[0].header_name`);
        });

        it('must be a string', () => {
          expectIssue(withHeaders(profile, [header(7)]), profile, 'invalid_type', `${HEADERS_PATH}[0].header_name`);
        });
      });

      describe('header_name: the faults named, and "_" warned about', () => {
        const SECRET = 'Bearer s3cr3t-Q9x';
        const NAME_PATH = `${HEADERS_PATH}[0].header_name`;

        // nginx's default (underscores_in_headers off, https://nginx.org/en/docs/http/ngx_http_core_module.html#underscores_in_headers)
        // drops such a header at the receiver's proxy.
        for (const [name, suggestion] of [
          ['access_key', 'access-key'],
          ['X_Api_Key', 'X-Api-Key'],
          ["!#$%&'*+-.^_`|~", "!#$%&'*+-.^-`|~"],
        ]) {
          it(`accepts ${JSON.stringify(name)}, with a warning that nginx drops names with "_" by default`, () => {
            const { warnings } = expectValid(withHeaders(profile, [header(name, SECRET)]), profile);
            expect(warnings.map(({ code, path, params }) => ({ code, path, params }))).to.deep.equal([
              { code: 'header_name_underscore', path: NAME_PATH, params: { name, suggestion } },
            ]);
            expect(warnings[0]?.message).to.contain('underscores_in_headers off').and.contain(JSON.stringify(suggestion));
            expect(JSON.stringify(warnings)).not.to.contain('s3cr3t');
          });
        }

        const faults: [string, { problem?: string; suggestion?: string }, string][] = [
          ['X Api Key', { problem: 'whitespace' }, 'a name is one word, such as "X-Api-Key"'],
          // Words are never joined and shown: a value may follow the name, letters only or not.
          ['X-Api-Key MySuperSecretPassword', { problem: 'whitespace' }, 'put the value in "header_value"'],
          ['password letmein', { problem: 'whitespace' }, 'the name is not shown'],
          [' Authorization', { problem: 'whitespace', suggestion: 'Authorization' }, 'write "Authorization"'],
          ['Authorization:', { problem: 'trailing_colon', suggestion: 'Authorization' }, 'must not end with ":"'],
          ['X-Api-Key :', { problem: 'trailing_colon', suggestion: 'X-Api-Key' }, 'write "X-Api-Key"'],
          [':authority', { problem: 'pseudo_header' }, 'HTTP/2 pseudo-header (it starts with ":", RFC 9113 §8.3)'],
          [':path', { problem: 'pseudo_header' }, 'remove this header'],
          [
            `Authorization: ${SECRET}`,
            { problem: 'header_line', suggestion: 'Authorization' },
            'put "Authorization" in "header_name"',
          ],
          // A name that may be a pasted credential is never joined and shown.
          [SECRET, { problem: 'whitespace' }, 'words joined with "-"'],
          ['bearer abcdefghijk', { problem: 'whitespace' }, 'the name is not shown'],
          ['Token abc 123', { problem: 'whitespace' }, 'the name is not shown'],
          [`${SECRET}:`, { problem: 'trailing_colon' }, 'remove it'],
          ['a/b', {}, 'must be an HTTP token'],
        ];
        for (const [name, params, words] of faults) {
          it(`names the fault of ${JSON.stringify(name)}: ${JSON.stringify(params)}`, () => {
            const issue = expectIssue(withHeaders(profile, [header(name, SECRET)]), profile, 'invalid_header_name', NAME_PATH);
            expect(issue.params).to.deep.equal(params);
            expect(issue.message).to.contain(words);
            expect(JSON.stringify(issue))
              .not.to.contain('s3cr3t')
              .and.not.to.contain('abcdefghijk')
              .and.not.to.contain('123')
              .and.not.to.contain('MySuperSecretPassword')
              .and.not.to.contain('letmein');
          });
        }
      });

      describe('header_name: names that frame, route or describe the request', () => {
        const variants = (name: string): string[] => [name, name.toLowerCase(), name.toUpperCase()];
        for (const name of FRAMING_HEADER_NAMES.flatMap(variants)) {
          it(`rejects ${JSON.stringify(name)}: it frames or routes the request (RFC 9110 §7.6.1, RFC 9112 §6), in any case`, () => {
            const issue = expectIssue(
              withHeaders(profile, [header(name, '0')]),
              profile,
              'framing_header_name',
              `${HEADERS_PATH}[0].header_name`,
            );
            expect(issue.message).to.contain(JSON.stringify(name)).and.to.contain('RFC 9110 §7.6.1');
          });
        }

        it('rejects { "header_name": "Content-Length", "header_value": "0" } (issue 12) through the builder too', () => {
          const headers = { 'Content-Length': '0' } as Readonly<Record<string, string>>;
          const builder = ManifestBuilder.general().clientName('x').webhook(CONTENT, ENDPOINT, { headers });
          expect(() => builder.build()).to.throw(ManifestValidationError, /framing_header_name/);
        });

        for (const name of ['X-Host', 'Hosts', 'Content-Lengths', 'X-Content-Length', 'TE-Id', 'Expected', 'Upgrade-Insecure']) {
          it(`accepts ${JSON.stringify(name)}: only the exact names frame the request`, () => {
            expectClean(withHeaders(profile, [header(name)]), profile);
          });
        }

        for (const name of ['Content-Type', 'content-type', 'CONTENT-ENCODING', 'Content-Encoding']) {
          it(`warns about ${JSON.stringify(name)}: LivePerson sets the body and its type`, () => {
            const { warnings } = expectValid(withHeaders(profile, [header(name, 'application/json')]), profile);
            const forProfile = warnings.filter((w) => w.code === 'body_header_name');
            expect(forProfile.map(({ code, path }) => ({ code, path }))).to.deep.equal([
              { code: 'body_header_name', path: `${HEADERS_PATH}[0].header_name` },
            ]);
            expect(forProfile[0]?.severity).to.equal('warning');
            expect(forProfile[0]?.message).to.contain(JSON.stringify(name));
          });
        }
      });

      describe('header_value', () => {
        const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
        for (const value of ['Bearer abc', 'Bearer\tabc', 'a', PRINTABLE_ASCII, 'dGVzdA==', 'a  \t b']) {
          it(`accepts ${JSON.stringify(value)} (visible ASCII, with spaces and tabs inside)`, () => {
            expectClean(withHeaders(profile, [header('X-Acme', value)]), profile);
          });
        }

        for (const [label, value] of [
          ['CJK text (issue 12: "测试")', '测试'],
          ['an accented letter', 'café'],
          ['an emoji', 'token ☕'],
          ['a no-break space', 'a\u00a0b'],
          ['a C1 control', 'a\u0085b'],
          ["DEL's neighbour U+0080", '\u0080'],
          ['U+010A and U+010D (CR and LF once cut to 8 bits)', 'a\u010aX-Injected: 1\u010d'],
          ['a lone surrogate', '\ud800'],
          ['a byte order mark', '\ufefftoken'],
        ] as const) {
          it(`rejects ${label}: visible ASCII, space and tab only; the message suggests an ASCII encoding`, () => {
            const issue = expectIssue(
              withHeaders(profile, [header('X-Tenant', value)]),
              profile,
              'header_value_not_ascii',
              `${HEADERS_PATH}[0].header_value`,
            );
            expect(issue.message).to.contain('base64').and.to.contain('not shown');
            expect(issue.message).not.to.contain(value);
          });
        }

        it('reports a control character, not the non-ASCII text beside it: one issue, the one that can split the header', () => {
          expectIssue(
            withHeaders(profile, [header('X-Acme', 'café\r\nX-Injected: 1')]),
            profile,
            'header_value_control_character',
            `${HEADERS_PATH}[0].header_value`,
          );
        });

        for (const [label, value, problem] of [
          ['empty', '', 'empty'],
          ['a space', ' ', 'blank'],
          ['a tab', '\t', 'blank'],
          ['spaces and tabs', ' \t  \t', 'blank'],
          ['a leading space', ' s3cr3t', 'padded'],
          ['a trailing space', 's3cr3t ', 'padded'],
          ['a trailing tab', 's3cr3t\t', 'padded'],
          ['padded both ends', '  s3cr3t  ', 'padded'],
        ] as const) {
          it(`warns about a value that is ${label} (an unset secret looks like this), never showing it`, () => {
            const warnings = expectValid(withHeaders(profile, [header('Authorization', value)]), profile).warnings.filter(
              (warning) => warning.code === 'header_value_whitespace',
            );
            expect(warnings.map(({ code, path }) => ({ code, path }))).to.deep.equal([
              { code: 'header_value_whitespace', path: `${HEADERS_PATH}[0].header_value` },
            ]);
            const message = warnings[0]?.message ?? '';
            expect(message).to.contain(
              problem === 'padded' ? 'leading or trailing white space' : problem === 'empty' ? 'is empty' : 'only white space',
            );
            expect(message).to.contain('not shown');
            if (value.trim() !== '') expect(message).not.to.contain(value.trim());
          });
        }

        it('warns through the builder: build() returns the manifest, validate() shows the warning', () => {
          const builder = ManifestBuilder.general()
            .clientName('x')
            .webhook(CONTENT, ENDPOINT, { headers: { Authorization: '' } });
          expect(builder.build().capabilities?.webhooks?.[CONTENT]?.headers?.[0]?.header_value).to.equal('');
          expect(builder.validate().warnings.map((w) => w.code)).to.deep.equal(['header_value_whitespace']);
        });

        for (const [label, value] of [
          ['CR', 'abc\rdef'],
          ['LF', 'abc\ndef'],
          ['CRLF', 'abc\r\nX-Injected: 1'],
          ['NUL', 'abc\u0000'],
          ['SOH', '\u0001abc'],
          ['BEL', 'abc\u0007'],
          ['VT', 'abc\u000bdef'],
          ['ESC', 'abc\u001b[0m'],
          ['US', 'abc\u001f'],
          ['DEL', 'abc\u007f'],
        ] as const) {
          it(`rejects a ${label} control character`, () => {
            expectIssue(
              withHeaders(profile, [header('X-Acme', value)]),
              profile,
              'header_value_control_character',
              `${HEADERS_PATH}[0].header_value`,
            );
          });
        }

        it('is required', () => {
          expectIssue(withHeaders(profile, [{ header_name: 'X-Acme' }]), profile, 'required', `${HEADERS_PATH}[0].header_value`);
        });

        it('must be a string', () => {
          expectIssue(withHeaders(profile, [header('X-Acme', 42)]), profile, 'invalid_type', `${HEADERS_PATH}[0].header_value`);
          expectIssue(withHeaders(profile, [header('X-Acme', null)]), profile, 'invalid_type', `${HEADERS_PATH}[0].header_value`);
        });
      });

      describe('the header object and the list', () => {
        it('rejects an unknown key in a header, suggesting the close one', () => {
          const headers = [{ header_name: 'X-Acme', header_value: 'v', header_valeu: 'w' }];
          const issue = expectIssue(withHeaders(profile, headers), profile, 'unknown_key', `${HEADERS_PATH}[0].header_valeu`);
          expect(issue.message).to.contain('did you mean "header_value"?');
        });

        it('rejects an unknown key in a header without a hint when nothing is close', () => {
          const headers = [{ header_name: 'X-Acme', header_value: 'v', sensitive: true }];
          expectIssue(withHeaders(profile, headers), profile, 'unknown_key', `${HEADERS_PATH}[0].sensitive`);
        });

        it('rejects a header that is not an object', () => {
          expectIssue(withHeaders(profile, ['X-Acme: v']), profile, 'invalid_type', `${HEADERS_PATH}[0]`);
          expectIssue(withHeaders(profile, [header('X-Acme'), null]), profile, 'invalid_type', `${HEADERS_PATH}[1]`);
        });

        it('rejects headers that are not an array', () => {
          expectIssue(withHeaders(profile, { 'X-Acme': 'v' }), profile, 'invalid_type', HEADERS_PATH);
          expectIssue(withHeaders(profile, 'X-Acme: v'), profile, 'invalid_type', HEADERS_PATH);
        });

        it('points at the header that is wrong', () => {
          const headers = [header('X-One'), header('X Two'), header('X-Three')];
          expectIssue(withHeaders(profile, headers), profile, 'invalid_header_name', `${HEADERS_PATH}[1].header_name`);
        });
      });
    });
  }

  describe('a key that is a pasted header line is never shown', () => {
    const LINE = 'Authorization: Bearer sk-SECRET-K';
    for (const profile of PROFILES_UNDER_TEST) {
      it(`at any object, an event name included: unknown_key_not_shown at the object, the key in no path, params or message (${profile})`, () => {
        const inHeader = withHeaders(profile, [header('X-A'), { ...header('X-B'), [LINE]: 'x' }]);
        const inWebhook = withValue(baseFor(profile), ['capabilities', 'webhooks', CONTENT], { endpoint: ENDPOINT, [LINE]: 'x' });
        const atTop = { ...baseFor(profile), [LINE]: 'x' };
        const asEvent = withValue(baseFor(profile), ['capabilities', 'webhooks', LINE], { endpoint: ENDPOINT });
        const asLanguageTag = { ...baseFor(profile), [`client_name#${LINE}`]: 'x' };
        for (const [input, at] of [
          [inHeader, `${HEADERS_PATH}[1]`],
          [inWebhook, CONTENT_PATH],
          [atTop, ''],
          [asEvent, 'capabilities.webhooks'],
          [asLanguageTag, ''],
        ] as const) {
          const result = validateManifest(input, { profile });
          if (result.ok) expect.fail('valid');
          expect(result.issues.map((issue) => `${issue.code}@${issue.path}`)).to.deep.equal([`unknown_key_not_shown@${at}`]);
          expect(JSON.stringify(result.issues) + inspect(result.issues)).not.to.contain('SECRET');
        }
      });
    }

    it('an unknown key that is a token is still quoted, with a suggestion', () => {
      const result = validateManifest(withHeaders('general', [{ ...header('X-A'), value: 'x' }]));
      if (result.ok) expect.fail('valid');
      expect(result.issues.map((issue) => [issue.code, issue.path])).to.deep.equal([['unknown_key', `${HEADERS_PATH}[0].value`]]);
    });
  });

  describe('a header value is never echoed (it may be a secret)', () => {
    const SECRET = 's3cr3t-VALUE\r\nX-Injected: 1';
    const FRAGMENTS = ['s3cr3t', 'VALUE', 'X-Injected'];

    const expectNoSecret = (text: string, where: string): void => {
      for (const fragment of FRAGMENTS) expect(text, where).not.to.contain(fragment);
    };

    const cases: readonly (readonly [string, unknown])[] = [
      ['with a CRLF in it', [header('X-Token', SECRET)]],
      ['with non-ASCII text in it', [header('X-Token', `${FRAGMENTS.join('')}测试`)]],
      ['under a framing name', [header('Content-Length', SECRET)]],
      ['under a name that is not a token', [header('X Token', SECRET)]],
      ['under a reserved name', [header('X-LivePerson-Token', SECRET)]],
      ['under a duplicate name', [header('X-Token', 'first'), header('x-token', SECRET)]],
      ['without a name', [{ header_value: SECRET }]],
      ['under a misspelled key', [{ header_name: 'X-Token', header_valeu: SECRET }]],
      ['given as a string', [`X-Token: ${SECRET}`]],
      ['given as a map', { 'X-Token': SECRET }],
    ];
    for (const [label, headers] of cases) {
      it(`not in any issue or warning: a secret ${label}`, () => {
        const manifest = withHeaders('general', headers);
        manifest['client_name'] = ''; // a second, unrelated problem
        const result = validateManifest(manifest);
        expect(result.ok).to.equal(false);
        if (result.ok) return;
        expect(result.issues.length).to.be.greaterThan(1);
        for (const issue of [...result.issues, ...result.warnings]) {
          expectNoSecret(issue.message, `message of ${issue.code}`);
          expectNoSecret(issue.path, `path of ${issue.code}`);
          expectNoSecret(JSON.stringify(issue.segments), `segments of ${issue.code}`);
        }
      });
    }

    it('not in the warning about a padded value', () => {
      const result = validateManifest(withHeaders('general', [header('X-Token', ` ${FRAGMENTS.join('')} `)]));
      expect(result.warnings.map((warning) => warning.code)).to.deep.equal(['header_value_whitespace']);
      for (const warning of result.warnings) expectNoSecret(JSON.stringify(warning), warning.code);
    });

    it('not under a misspelled event either', () => {
      const manifest = withValue(baseFor('general'), ['capabilities', 'webhooks', MISSPELLED_EVENT], {
        endpoint: ENDPOINT,
        headers: [header('X-Token', SECRET)],
      });
      const result = validateManifest(manifest);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.issues.map((issue) => issue.code)).to.have.members([
        'misspelled_webhook_event',
        'header_value_control_character',
      ]);
      for (const issue of result.issues) expectNoSecret(JSON.stringify(issue), issue.code);
    });

    it('not in the ManifestValidationError thrown by build(): message, stack, issues or inspection', () => {
      const builder = ManifestBuilder.general()
        .clientName('x')
        .webhook(CONTENT, ENDPOINT, { headers: { 'X-Token': SECRET } });
      let thrown: unknown;
      try {
        builder.build();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(ManifestValidationError);
      if (!(thrown instanceof ManifestValidationError)) return;
      expect(thrown.issues.map(({ code, path }) => ({ code, path }))).to.deep.equal([
        { code: 'header_value_control_character', path: `${HEADERS_PATH}[0].header_value` },
      ]);
      expectNoSecret(thrown.message, 'message');
      expectNoSecret(String(thrown), 'String(error)');
      expectNoSecret(thrown.stack ?? '', 'stack');
      expectNoSecret(JSON.stringify(thrown.issues), 'issues');
      expectNoSecret(JSON.stringify(thrown.warnings), 'warnings');
      expectNoSecret(inspect(thrown, { depth: null }), 'util.inspect');
    });
  });
});
