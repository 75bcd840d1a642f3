import { expect } from 'chai';
import {
  formatIssue,
  ManifestBuilder,
  validateManifest,
  validateTemplate,
  type Profile,
  type ValidateOptions,
} from '../../src/index.js';
import { makeIssue } from '../../src/validation/issue.js';
import {
  CONTENT,
  CONTENT_PATH,
  expectIssue,
  expectIssues,
  minimal,
  minimalWith,
  MISSPELLED_EVENT,
  template,
  type Json,
} from './helpers.js';
import { thrownBy } from '../helpers/thrown.js';

/** A trap or getter that throws. */
const fail = (): never => {
  throw new Error('trap');
};

/** Options as untyped JavaScript might pass them. */
const untypedOptions = (options: unknown): ValidateOptions => options as ValidateOptions;

describe('validateManifest: issues and errors', () => {
  describe('an issue', () => {
    it('has a code, a severity, a path, segments, params and a message', () => {
      const issue = expectIssue(minimalWith(['client_name'], ''), 'general', 'blank', 'client_name');
      expect(issue).to.deep.equal({
        code: 'blank',
        severity: 'error',
        path: 'client_name',
        segments: ['client_name'],
        params: {},
        message: 'must not be blank',
      });
      const tooLong = expectIssue(minimalWith(['client_name'], 'x'.repeat(300)), 'general', 'too_long', 'client_name');
      expect(tooLong.params).to.deep.equal({ max: 128, actual: 300, profile: 'general' });
    });

    it('writes identifiers with dots, other keys in brackets and quotes, and indexes in brackets', () => {
      const manifest = minimalWith(['capabilities', 'webhooks', CONTENT], {
        endpoint: 'https://hooks.example.com/lp',
        headers: [
          { header_name: 'X-Acme', header_value: 'v' },
          { header_name: 'X Acme', header_value: 'v' },
        ],
      });
      const issue = expectIssue(
        manifest,
        'general',
        'invalid_header_name',
        'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].headers[1].header_name',
      );
      expect(issue.segments).to.deep.equal(['capabilities', 'webhooks', CONTENT, 'headers', 1, 'header_name']);
      expect(issue.segments[4]).to.be.a('number');
    });

    it('has the path "" and no segments when it is about the whole manifest', () => {
      const issue = expectIssue(null, 'general', 'invalid_type', '');
      expect(issue.segments).to.deep.equal([]);
      expect(formatIssue(issue)).to.equal('(root): must be an object, got null [invalid_type]');
    });

    it('escapes a key with quotes or backslashes inside brackets', () => {
      // (Such a key is not a name: the validator reports it at its object, unquoted; a path made of it still escapes it.)
      const key = 'a"b\\c';
      expectIssue(minimalWith([key], 1), 'general', 'unknown_key_not_shown', '');
      expect(makeIssue([key], 'blank', {}).path).to.equal('["a\\"b\\\\c"]');
      const named = "a-b'c";
      expect(expectIssue(minimalWith([named], 1), 'general', 'unknown_key', `[${JSON.stringify(named)}]`).path).to.equal(
        `["a-b'c"]`,
      );
    });

    it('is formatted by formatIssue() as PATH: MESSAGE [code]', () => {
      const issue = expectIssue(
        minimalWith(['capabilities', 'webhooks', CONTENT, 'endpoint'], 'http://hooks.example.com'),
        'general',
        'url_not_https',
        `${CONTENT_PATH}.endpoint`,
      );
      expect(formatIssue(issue)).to.equal(
        'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].endpoint: must start with "https://" [url_not_https]',
      );
    });

    it('quotes a long offending value only in part, so a huge input never makes a huge message', () => {
      const issue = expectIssue(
        minimalWith(['grant_types'], ['x'.repeat(100_000)]),
        'general',
        'invalid_enum_value',
        'grant_types[0]',
      );
      expect(issue.message.length).to.be.lessThan(400);
    });
  });

  describe('every issue at once', () => {
    /** A general manifest with one independent problem per field, and the issue each must give. */
    function manifestWithManyProblems(): { manifest: Json; expected: { code: string; path: string }[] } {
      const engagement = (template()['capabilities'] as Record<string, Json>)['engagement'];
      const manifest: Json = {
        client_name: '',
        'client_name#fr_FR': 'Acme',
        description: 'd'.repeat(257),
        grant_types: ['client_credentials', 'password'],
        response_types: ['token', 'token'],
        redirect_uris: ['http://example.com/cb'],
        scope: 'msg.agent',
        logo_uri: '//cdn.example.com/x.png',
        enabled: 'yes',
        display_name: ' ',
        entry_uri: 'http://sso.example.com',
        homepage: 'https://example.com',
        capabilities: {
          webhooks: {
            [CONTENT]: {
              endpoint: 'http://hooks.example.com/lp',
              max_retries: 6,
              headers: [{ header_name: 'bad name', header_value: 'a\nb' }],
            },
            [MISSPELLED_EVENT]: { endpoint: 'https://hooks.example.com/lp' },
            retry: { retention_time: 1 },
          },
          engagement: { ...engagement, entry_point: [], goal: ['lead', 'lead'], design_window: 'no' },
        },
      };
      const expected = [
        { code: 'blank', path: 'client_name' },
        { code: 'invalid_language_tag', path: '["client_name#fr_FR"]' },
        { code: 'too_long', path: 'description' },
        { code: 'invalid_enum_value', path: 'grant_types[1]' },
        { code: 'duplicate_item', path: 'response_types[1]' },
        { code: 'redirect_uri_insecure_http', path: 'redirect_uris[0]' },
        { code: 'invalid_scope', path: 'scope' },
        { code: 'invalid_logo_uri', path: 'logo_uri' },
        { code: 'invalid_type', path: 'enabled' },
        { code: 'blank', path: 'display_name' },
        { code: 'url_not_https', path: 'entry_uri' },
        { code: 'unknown_key', path: 'homepage' },
        { code: 'url_not_https', path: `${CONTENT_PATH}.endpoint` },
        { code: 'out_of_range', path: `${CONTENT_PATH}.max_retries` },
        { code: 'invalid_header_name', path: `${CONTENT_PATH}.headers[0].header_name` },
        { code: 'header_value_control_character', path: `${CONTENT_PATH}.headers[0].header_value` },
        { code: 'misspelled_webhook_event', path: `capabilities.webhooks["${MISSPELLED_EVENT}"]` },
        { code: 'out_of_range', path: 'capabilities.webhooks.retry.retention_time' },
        { code: 'too_few_items', path: 'capabilities.engagement.entry_point' },
        { code: 'duplicate_item', path: 'capabilities.engagement.goal[1]' },
        { code: 'invalid_type', path: 'capabilities.engagement.design_window' },
      ];
      return { manifest, expected };
    }

    it('reports all 21 independent problems of one manifest in one result', () => {
      const { manifest, expected } = manifestWithManyProblems();
      expect(expected).to.have.length(21);
      expectIssues(manifest, 'general', expected as Parameters<typeof expectIssues>[2]);
    });

    it('reports every issue of every webhook, not only the first webhook', () => {
      const endpoints: Json = {};
      for (const event of [CONTENT, 'ms.MessagingEventNotification.ChatStateEvent', 'cqm.ExConversationChangeNotification']) {
        endpoints[event] = { endpoint: 'http://hooks.example.com/lp' };
      }
      const issues = expectIssues(minimalWith(['capabilities', 'webhooks'], endpoints), 'general', [
        { code: 'url_not_https', path: `${CONTENT_PATH}.endpoint` },
        { code: 'url_not_https', path: 'capabilities.webhooks["ms.MessagingEventNotification.ChatStateEvent"].endpoint' },
        { code: 'url_not_https', path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint' },
      ]);
      expect(issues).to.have.length(3);
    });
  });

  describe('ManifestValidationError from build()', () => {
    const invalidBuilder = () =>
      ManifestBuilder.general()
        .clientName('')
        .description('d'.repeat(257))
        .logoUri('//cdn.example.com/x.png')
        .webhook(CONTENT, 'https://user@hooks.example.com/lp');

    it('is an Error named ManifestValidationError, with every issue', () => {
      const error = thrownBy(() => invalidBuilder().build());
      expect(error).to.be.instanceOf(Error);
      expect(error.name).to.equal('ManifestValidationError');
      expect(error.issues.map(({ code, path }) => ({ code, path }))).to.have.deep.members([
        { code: 'blank', path: 'client_name' },
        { code: 'too_long', path: 'description' },
        { code: 'invalid_logo_uri', path: 'logo_uri' },
        { code: 'url_has_credentials', path: `${CONTENT_PATH}.endpoint` },
      ]);
    });

    it('has a multi-line message: a summary line, then one line per issue', () => {
      const error = thrownBy(() => invalidBuilder().build());
      const lines = error.message.split('\n');
      expect(lines).to.have.length(error.issues.length + 1);
      expect(lines[0]).to.equal('Invalid manifest (4 issues):');
      error.issues.forEach((issue, index) => {
        expect(lines[index + 1]).to.equal(`  ✖ ${formatIssue(issue)}`);
      });
    });

    it('says "1 issue" for one', () => {
      const error = thrownBy(() => ManifestBuilder.general().clientName('   ').build());
      expect(error.message).to.equal('Invalid manifest (1 issue):\n  ✖ client_name: must not be blank [blank]');
      expect(error.issues).to.have.length(1);
    });

    it('gives the same issues as validate()', () => {
      const builder = invalidBuilder();
      const result = builder.validate();
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(thrownBy(() => builder.build()).issues).to.deep.equal(result.issues);
    });
  });

  describe('validateManifest never throws', () => {
    const cyclic: Json = { client_name: 'Acme' };
    cyclic['capabilities'] = { webhooks: cyclic, engagement: cyclic };

    let nested: Json = {};
    const deep = nested;
    for (let i = 0; i < 10_000; i++) {
      const next: Json = {};
      nested['capabilities'] = next;
      nested = next;
    }

    // [label, value, whether it is a valid manifest]
    const hostile: readonly (readonly [string, unknown, boolean])[] = [
      ['a cyclic object', cyclic, false],
      ['10 000 levels of nesting', deep, false],
      ['a Proxy whose every trap throws', new Proxy({}, { ownKeys: fail, getPrototypeOf: fail, get: fail, has: fail }), false],
      [
        'a revoked Proxy',
        (() => {
          const { proxy, revoke } = Proxy.revocable({}, {});
          revoke();
          return proxy;
        })(),
        false,
      ],
      [
        'a throwing getter',
        {
          get client_name(): string {
            throw new Error('getter');
          },
        },
        false,
      ],
      ['a function', () => ({ client_name: 'Acme' }), false],
      ['a symbol', Symbol('manifest'), false],
      ['a bigint', 10n, false],
      [
        '10 000 duplicate grant types',
        { client_name: 'Acme', grant_types: new Array<string>(10_000).fill('client_credentials') },
        false,
      ],
      ['a sparse array', { client_name: 'Acme', grant_types: new Array<string>(3) }, false],
      ['symbol keys (not JSON, so not seen)', { client_name: 'Acme', [Symbol('x')]: 1 }, true],
      ['a frozen object', Object.freeze({ client_name: 'Acme' }), true],
    ];
    for (const [label, value, valid] of hostile) {
      it(`for ${label}, and says whether it is valid`, () => {
        let result: ReturnType<typeof validateManifest> | undefined;
        expect(() => {
          result = validateManifest(value);
        }).not.to.throw();
        expect(result?.ok).to.equal(valid);
        expect(() => validateManifest(value, { profile: 'connector' })).not.to.throw();
      });
    }

    for (const [label, options] of [
      ['null', null],
      ['a string', 'connector'],
      ['a profile that is a number', { profile: 42 }],
      [
        'a getter that throws',
        {
          get profile(): Profile {
            throw new Error('getter');
          },
        },
      ],
    ] as const) {
      it(`for options that are ${label}`, () => {
        expect(() => validateManifest(minimal(), untypedOptions(options))).not.to.throw();
      });
    }
  });

  describe('values that cannot be read', () => {
    it('are reported as unreadable_value at their path: a throwing getter', () => {
      const manifest = {
        get client_name(): string {
          throw new Error('boom');
        },
      };
      const issue = expectIssue(manifest, 'general', 'unreadable_value', 'client_name');
      expect(issue.message).not.to.contain('boom');
    });

    it('are reported as unreadable_value at their path: a throwing getter deep inside', () => {
      const webhook = {
        get endpoint(): string {
          throw new Error('boom');
        },
      };
      expectIssue(
        minimalWith(['capabilities', 'webhooks', CONTENT], webhook),
        'general',
        'unreadable_value',
        `${CONTENT_PATH}.endpoint`,
      );
    });

    it('are reported as unreadable_value for the whole manifest: a Proxy whose ownKeys trap throws', () => {
      const manifest = new Proxy({ client_name: 'Acme' }, { ownKeys: fail });
      expectIssue(manifest, 'general', 'unreadable_value', '');
    });

    it('are reported as unreadable_value for an array whose length cannot be read', () => {
      const grants = new Proxy(['client_credentials'], {
        get: (target, key) => (key === 'length' ? fail() : Reflect.get(target, key)),
      });
      expectIssue(minimalWith(['grant_types'], grants), 'general', 'unreadable_value', 'grant_types');
    });
  });

  describe('the profile option', () => {
    it('rejects an unknown profile with invalid_profile, at the root', () => {
      const result = validateManifest(minimal(), untypedOptions({ profile: 'agent' }));
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.issues.map(({ code, path, segments }) => ({ code, path, segments }))).to.deep.equal([
        { code: 'invalid_profile', path: '', segments: [] },
      ]);
      expect(result.issues[0].message).to.contain('"agent"');
      expect(result.warnings).to.deep.equal([]);
    });

    it('rejects options it does not take, and options that are not an object, with invalid_options at the root', () => {
      const misspelled = validateManifest(minimal(), untypedOptions({ profil: 'connector' }));
      if (misspelled.ok) expect.fail('valid');
      expect(misspelled.issues.map(({ code, path }) => [code, path])).to.deep.equal([['invalid_options', '']]);
      expect(misspelled.issues[0].message).to.equal(
        'unknown option "profil"; did you mean "profile"? (the options are profile, maxIssues, allowKeys)',
      );
      const text = validateManifest(minimal(), untypedOptions('connector'));
      if (text.ok) expect.fail('valid');
      expect(text.issues[0].message).to.equal('the options must be an object (with profile, maxIssues, allowKeys), got a string');
      const template = validateTemplate(minimal(), { env: {}, allowUnresolve: true } as never);
      if (template.ok) expect.fail('valid');
      expect(template.issues[0].message).to.equal(
        'unknown option "allowUnresolve"; did you mean "allowUnresolved"? (the options are profile, env, allowUnresolved, maxIssues, allowKeys)',
      );
    });

    it('rejects a profile that is not a string', () => {
      const result = validateManifest(minimal(), untypedOptions({ profile: 42 }));
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.issues.map(({ code }) => code)).to.deep.equal(['invalid_profile']);
    });

    it('rejects a profile whose name differs only in case', () => {
      const result = validateManifest(minimal(), untypedOptions({ profile: 'Connector' }));
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.issues.map(({ code }) => code)).to.deep.equal(['invalid_profile']);
    });

    it('defaults to general when options are omitted, empty, or say undefined', () => {
      // valid in the general profile only: a 101-character name, no grant_types, no scope
      const manifest = { client_name: 'a'.repeat(101) };
      expect(validateManifest(manifest, { profile: 'connector' }).ok).to.equal(false);
      expect(validateManifest(manifest).ok).to.equal(true);
      expect(validateManifest(manifest, {}).ok).to.equal(true);
      expect(validateManifest(manifest, untypedOptions({ profile: undefined })).ok).to.equal(true);
      expect(validateManifest(manifest, untypedOptions(null)).ok).to.equal(true);
    });
  });
});
