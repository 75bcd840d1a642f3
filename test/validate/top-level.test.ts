import { expect } from 'chai';
import { GRANT_TYPES, ManifestBuilder, RESPONSE_TYPES, type ResponseType } from '../../src/index.js';
import {
  baseFor,
  expectClean,
  expectIssue,
  expectIssues,
  expectValid,
  minimal,
  minimalWith,
  PROFILES_UNDER_TEST,
  REMOVE,
  templateWith,
  withValue,
} from './helpers.js';

const EMOJI = '😀'; // one code point, two UTF-16 units

describe('validateManifest: top-level fields', () => {
  describe('client_name', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      describe(`in the ${profile} profile`, () => {
        it('is required', () => {
          expectIssue(withValue(baseFor(profile), ['client_name'], REMOVE), profile, 'required', 'client_name');
        });

        it('is required even when present as undefined (undefined is not JSON)', () => {
          expectIssue(withValue(baseFor(profile), ['client_name'], undefined), profile, 'required', 'client_name');
        });

        it('must be a string', () => {
          const issue = expectIssue(withValue(baseFor(profile), ['client_name'], 42), profile, 'invalid_type', 'client_name');
          expect(issue.message).to.equal('must be a string, got a number');
          expectIssue(withValue(baseFor(profile), ['client_name'], null), profile, 'invalid_type', 'client_name');
        });

        for (const blank of ['', '   ', '\u00a0\u3000']) {
          it(`must not be blank: ${JSON.stringify(blank)}`, () => {
            expectIssue(withValue(baseFor(profile), ['client_name'], blank), profile, 'blank', 'client_name');
          });
        }

        for (const [label, name] of [
          ['NUL', 'Acme\u0000'],
          ['LF', 'Acme\nConnector'],
          ['CR', 'Acme\rConnector'],
          ['ESC', 'Acme\u001b[31m'],
          ['DEL', 'Acme\u007f'],
          ['C1 NEL', 'Acme\u0085'],
        ] as const) {
          it(`must not contain control characters: ${label}`, () => {
            expectIssue(withValue(baseFor(profile), ['client_name'], name), profile, 'control_character', 'client_name');
          });
        }
      });
    }

    it('may be 128 characters long in the general profile, not 129', () => {
      expect(expectClean(minimalWith(['client_name'], 'a'.repeat(128)))['client_name']).to.equal('a'.repeat(128));
      const issue = expectIssue(minimalWith(['client_name'], 'a'.repeat(129)), 'general', 'too_long', 'client_name');
      expect(issue.message).to.equal('must be at most 128 characters in the general profile (got 129)');
    });

    it('may be 100 characters long in the connector profile, not 101', () => {
      expectClean(templateWith(['client_name'], 'a'.repeat(100)), 'connector');
      const issue = expectIssue(templateWith(['client_name'], 'a'.repeat(101)), 'connector', 'too_long', 'client_name');
      expect(issue.message).to.equal('must be at most 100 characters in the connector profile (got 101)');
    });

    it('of 101 characters fails only in the connector profile', () => {
      expectClean(templateWith(['client_name'], 'a'.repeat(101)), 'general');
      expectIssue(templateWith(['client_name'], 'a'.repeat(101)), 'connector', 'too_long', 'client_name');
    });

    it('is measured in Unicode code points: an emoji counts as one character', () => {
      expectClean(minimalWith(['client_name'], EMOJI.repeat(128)), 'general');
      expectClean(templateWith(['client_name'], EMOJI.repeat(100)), 'connector');
      const issue = expectIssue(minimalWith(['client_name'], EMOJI.repeat(129)), 'general', 'too_long', 'client_name');
      expect(issue.message).to.contain('(got 129)');
      expectIssue(templateWith(['client_name'], EMOJI.repeat(101)), 'connector', 'too_long', 'client_name');
    });
  });

  describe('localized names: client_name#<tag>', () => {
    for (const tag of [
      'fr',
      'fr-FR',
      'zh-Hant-TW',
      'es-419',
      'sgn-BE-FR',
      'x-private',
      'i-klingon',
      'de-CH-1901',
      'en-US-x-twain',
      'de-CH-X-phonebk',
      'EN-A-BBB-X-CCC',
      'X-private',
    ]) {
      it(`accepts the well-formed language tag ${JSON.stringify(tag)}`, () => {
        const manifest = expectClean(minimalWith([`client_name#${tag}`], 'Localized'));
        expect(manifest[`client_name#${tag}`]).to.equal('Localized');
      });
    }

    it('accepts a tag whose primary subtag has 5 to 8 letters ("english"): RFC 5646 calls it well-formed, though unregistered', () => {
      expectClean(minimalWith(['client_name#english'], 'Localized'));
    });

    it('rejects a tag that is not a name (a space in it), as any such key: at the root, saying how it starts', () => {
      const issue = expectIssue(minimalWith(['client_name#fr FR'], 'Localized'), 'general', 'unknown_key_not_shown', '');
      expect(issue.params).to.deep.equal({ start: 'client_name#fr' });
      expect(issue.message).to.contain('"client_name#fr…"');
    });

    for (const tag of ['fr_FR', '', 'fr-', '123', 'f', 'toolongtag', 'fr--FR', '-fr', 'x']) {
      it(`rejects the malformed language tag ${JSON.stringify(tag)}`, () => {
        const key = `client_name#${tag}`;
        const issue = expectIssue(minimalWith([key], 'Localized'), 'general', 'invalid_language_tag', `[${JSON.stringify(key)}]`);
        expect(issue.segments).to.deep.equal([key]);
        expect(issue.message).to.contain(JSON.stringify(tag));
      });
    }

    it('rejects two tags that differ only in case (tags are case-insensitive)', () => {
      const manifest = { ...minimal(), 'client_name#fr-FR': 'Acmé', 'client_name#fr-fr': 'Acmé' };
      const issue = expectIssue(manifest, 'general', 'duplicate_language_tag', '["client_name#fr-fr"]');
      expect(issue.message).to.contain('"fr-FR"');
    });

    for (const profile of PROFILES_UNDER_TEST) {
      it(`needs client_name as well (${profile})`, () => {
        const manifest = withValue(withValue(baseFor(profile), ['client_name'], REMOVE), ['client_name#fr'], 'Acmé');
        expectIssues(manifest, profile, [
          { code: 'required', path: 'client_name' },
          { code: 'localized_name_without_client_name', path: '["client_name#fr"]' },
        ]);
      });
    }

    it('follows the length rule of client_name in each profile', () => {
      expectClean(minimalWith(['client_name#fr'], 'é'.repeat(128)), 'general');
      expectIssue(minimalWith(['client_name#fr'], 'é'.repeat(129)), 'general', 'too_long', '["client_name#fr"]');
      expectClean(templateWith(['client_name#fr'], 'é'.repeat(100)), 'connector');
      expectIssue(templateWith(['client_name#fr'], 'é'.repeat(101)), 'connector', 'too_long', '["client_name#fr"]');
    });

    it('must be a non-blank string', () => {
      expectIssue(minimalWith(['client_name#fr'], 7), 'general', 'invalid_type', '["client_name#fr"]');
      expectIssue(minimalWith(['client_name#fr'], ' '), 'general', 'blank', '["client_name#fr"]');
    });

    it('come out right after client_name, sorted by tag', () => {
      const input = {
        description: 'd',
        'client_name#zh-Hant-TW': 'zh',
        enabled: true,
        'client_name#de': 'de',
        client_name: 'Acme',
        'client_name#fr-FR': 'fr',
      };
      expect(Object.keys(expectClean(input))).to.deep.equal([
        'client_name',
        'client_name#de',
        'client_name#fr-FR',
        'client_name#zh-Hant-TW',
        'description',
        'enabled',
      ]);
    });
  });

  describe('description', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      it(`may be 256 characters long, not 257 (${profile})`, () => {
        expectClean(withValue(baseFor(profile), ['description'], 'd'.repeat(256)), profile);
        expectIssue(withValue(baseFor(profile), ['description'], 'd'.repeat(257)), profile, 'too_long', 'description');
      });
    }

    it('counts code points', () => {
      expectClean(minimalWith(['description'], EMOJI.repeat(256)));
      expectIssue(minimalWith(['description'], EMOJI.repeat(257)), 'general', 'too_long', 'description');
    });

    it('must be a string', () => {
      expectIssue(minimalWith(['description'], ['d']), 'general', 'invalid_type', 'description');
    });
  });

  describe('display_name', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      it(`may be 128 characters long, not 129 (${profile})`, () => {
        expectClean(withValue(baseFor(profile), ['display_name'], 'n'.repeat(128)), profile);
        expectIssue(withValue(baseFor(profile), ['display_name'], 'n'.repeat(129)), profile, 'too_long', 'display_name');
      });
    }

    for (const blank of ['', '   ']) {
      it(`must not be blank: ${JSON.stringify(blank)}`, () => {
        expectIssue(minimalWith(['display_name'], blank), 'general', 'blank', 'display_name');
      });
    }

    it('must be a string', () => {
      expectIssue(minimalWith(['display_name'], false), 'general', 'invalid_type', 'display_name');
    });
  });

  describe('entry_uri', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      it(`may be 1024 characters long, not 1025 (${profile})`, () => {
        const prefix = 'https://sso.example.com/';
        expectClean(withValue(baseFor(profile), ['entry_uri'], prefix + 'a'.repeat(1024 - prefix.length)), profile);
        expectIssue(
          withValue(baseFor(profile), ['entry_uri'], prefix + 'a'.repeat(1025 - prefix.length)),
          profile,
          'too_long',
          'entry_uri',
        );
      });
    }

    it('must be a string', () => {
      expectIssue(minimalWith(['entry_uri'], { url: 'https://sso.example.com' }), 'general', 'invalid_type', 'entry_uri');
    });
  });

  describe('enabled and quick_launch_enabled', () => {
    it('accept booleans', () => {
      const manifest = expectClean({ ...minimal(), enabled: false, quick_launch_enabled: true });
      expect(manifest['enabled']).to.equal(false);
      expect(manifest['quick_launch_enabled']).to.equal(true);
    });

    it('are not filled in with their defaults (the output keeps what was written)', () => {
      expect(expectClean(minimal())).to.deep.equal({ client_name: 'Acme' });
    });

    it('reject anything but a boolean', () => {
      expectIssue(minimalWith(['enabled'], 'true'), 'general', 'invalid_type', 'enabled');
      expectIssue(minimalWith(['quick_launch_enabled'], 1), 'general', 'invalid_type', 'quick_launch_enabled');
    });
  });

  describe('grant_types and response_types', () => {
    it('are checked against the tables of SPEC.md, in their order', () => {
      expect(GRANT_TYPES).to.deep.equal(['client_credentials', 'authorization_code', 'refresh_token']);
      expect(RESPONSE_TYPES).to.deep.equal(['code', 'token', 'id_token', 'id_token token']);
    });

    for (const profile of PROFILES_UNDER_TEST) {
      describe(`in the ${profile} profile`, () => {
        it('reject an unknown grant type, with a "did you mean" hint when one is close', () => {
          const issue = expectIssue(
            withValue(baseFor(profile), ['grant_types'], ['client_credentials', 'refresh_tokn']),
            profile,
            'invalid_enum_value',
            'grant_types[1]',
          );
          expect(issue.segments).to.deep.equal(['grant_types', 1]);
          expect(issue.message).to.contain('did you mean "refresh_token"?');
        });

        it('reject an unknown grant type without a hint when nothing is close', () => {
          const issue = expectIssue(
            withValue(baseFor(profile), ['grant_types'], ['client_credentials', 'password']),
            profile,
            'invalid_enum_value',
            'grant_types[1]',
          );
          expect(issue.message).not.to.contain('did you mean');
          expect(issue.message).to.contain('"client_credentials", "authorization_code", "refresh_token"');
        });

        it('reject an unknown response type, with a hint', () => {
          const issue = expectIssue(
            withValue(baseFor(profile), ['response_types'], ['id-token']),
            profile,
            'invalid_enum_value',
            'response_types[0]',
          );
          expect(issue.message).to.contain('did you mean "id_token"?');
        });

        it('reject a value listed twice (duplicate_item at the second one)', () => {
          expectIssue(
            withValue(baseFor(profile), ['grant_types'], ['client_credentials', 'refresh_token', 'client_credentials']),
            profile,
            'duplicate_item',
            'grant_types[2]',
          );
          expectIssue(
            withValue(baseFor(profile), ['response_types'], ['token', 'token']),
            profile,
            'duplicate_item',
            'response_types[1]',
          );
        });

        it('must be arrays', () => {
          expectIssue(withValue(baseFor(profile), ['grant_types'], 'client_credentials'), profile, 'invalid_type', 'grant_types');
          expectIssue(withValue(baseFor(profile), ['response_types'], { 0: 'code' }), profile, 'invalid_type', 'response_types');
        });

        it('must hold strings', () => {
          expectIssue(
            withValue(baseFor(profile), ['grant_types'], ['client_credentials', 1]),
            profile,
            'invalid_type',
            'grant_types[1]',
          );
          expectIssue(withValue(baseFor(profile), ['response_types'], [null]), profile, 'invalid_type', 'response_types[0]');
        });
      });
    }

    it('accept every documented value, returned in table order', () => {
      const manifest = expectClean({
        ...minimal(),
        grant_types: ['refresh_token', 'authorization_code', 'client_credentials'],
        response_types: ['id_token token', 'id_token', 'token', 'code'],
        redirect_uris: ['https://app.example.com/cb'],
      });
      expect(manifest['grant_types']).to.deep.equal(['client_credentials', 'authorization_code', 'refresh_token']);
      expect(manifest['response_types']).to.deep.equal(['code', 'token', 'id_token', 'id_token token']);
    });

    // RFC 6749 §3.1.1: "the order of values does not matter".
    it('a response type of several values may list them in any order, and is written as the table writes it', () => {
      for (const profile of PROFILES_UNDER_TEST) {
        const manifest = expectClean(withValue(baseFor(profile), ['response_types'], ['token id_token']), profile);
        expect(manifest['response_types'], profile).to.deep.equal(['id_token token']);
      }
      const both = expectClean(minimalWith(['response_types'], ['token id_token', 'token']));
      expect(both['response_types']).to.deep.equal(['token', 'id_token token']);
      // One value, however written, is listed once.
      const issue = expectIssue(
        minimalWith(['response_types'], ['id_token token', 'token id_token']),
        'general',
        'duplicate_item',
        'response_types[1]',
      );
      expect(issue.params).to.deep.equal({ value: 'token id_token' });
      // Only the values of a known type, each once, separated by single spaces.
      for (const value of ['code id_token', 'token token', 'token  id_token', ' token id_token', 'id_token token code']) {
        expectIssue(minimalWith(['response_types'], [value]), 'general', 'invalid_enum_value', 'response_types[0]');
      }
    });

    it('the builder takes "token id_token" (its type too) and writes the canonical order, a value written both ways once', () => {
      const built = ManifestBuilder.general().clientName('Acme').responseTypes('token id_token').build();
      expect(built.response_types).to.deep.equal(['id_token token']);
      const both = ManifestBuilder.general().clientName('Acme').responseTypes('token id_token', 'code', 'id_token token').build();
      expect(both.response_types).to.deep.equal(['code', 'id_token token']);
      // From JavaScript, an unknown value is still the validator's to report.
      const wrong = ManifestBuilder.general()
        .clientName('Acme')
        .responseTypes('code token' as ResponseType)
        .validate();
      expect(wrong.ok).to.equal(false);
    });

    it('come back in canonical order: ["refresh_token","client_credentials"] -> ["client_credentials","refresh_token"]', () => {
      const manifest = expectClean(minimalWith(['grant_types'], ['refresh_token', 'client_credentials']));
      expect(manifest['grant_types']).to.deep.equal(['client_credentials', 'refresh_token']);
    });

    it('are not required in the general profile, and may be empty there', () => {
      expectClean(minimal());
      expectClean({ ...minimal(), grant_types: [], response_types: [] });
    });
  });

  describe('connector profile: grant_types', () => {
    it('is required', () => {
      expectIssue(templateWith(['grant_types'], REMOVE), 'connector', 'required', 'grant_types');
      expectClean(templateWith(['grant_types'], REMOVE), 'general');
    });

    for (const grants of [['refresh_token'], [], ['authorization_code', 'refresh_token']]) {
      it(`must include client_credentials: ${JSON.stringify(grants)} is rejected`, () => {
        const manifest = { ...templateWith(['grant_types'], grants), redirect_uris: ['https://app.example.com/cb'] };
        const issue = expectIssue(manifest, 'connector', 'connector_required_value', 'grant_types');
        expect(issue.message).to.contain('"client_credentials"');
        expectValid(manifest, 'general');
      });
    }

    it('may list other grants beside client_credentials', () => {
      expectClean(templateWith(['grant_types'], ['client_credentials', 'refresh_token']), 'connector');
    });
  });

  describe('scope', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      describe(`in the ${profile} profile`, () => {
        it('accepts "msg.consumer"', () => {
          expect(expectClean(withValue(baseFor(profile), ['scope'], 'msg.consumer'), profile)['scope']).to.equal('msg.consumer');
        });

        it('rejects an unknown scope value', () => {
          const issue = expectIssue(withValue(baseFor(profile), ['scope'], 'msg.agent'), profile, 'invalid_scope', 'scope');
          expect(issue.message).to.contain('"msg.agent"');
        });

        it('rejects an empty string, or one of spaces only, saying it is empty and what it may hold', () => {
          for (const empty of ['', ' ', '   ']) {
            const issue = expectIssue(withValue(baseFor(profile), ['scope'], empty), profile, 'invalid_scope', 'scope');
            expect(issue.message).to.match(/^is empty: give one or more scope values/);
            expect(issue.message).to.contain('"msg.consumer"');
          }
        });

        it('rejects a leading space (values are separated by single spaces)', () => {
          const issue = expectIssue(withValue(baseFor(profile), ['scope'], ' msg.consumer'), profile, 'scope_spacing', 'scope');
          expect(issue.message).to.contain('single spaces');
          expect(issue.message).to.contain('a space at the start');
        });

        it('rejects a value listed twice', () => {
          expectIssue(withValue(baseFor(profile), ['scope'], 'msg.consumer msg.consumer'), profile, 'duplicate_item', 'scope');
        });

        it('rejects "msg.consumer  msg.consumer" saying what is wrong: two spaces, a repeated value (not an empty value)', () => {
          const issues = expectIssues(withValue(baseFor(profile), ['scope'], 'msg.consumer  msg.consumer'), profile, [
            { code: 'scope_spacing', path: 'scope' },
            { code: 'duplicate_item', path: 'scope' },
          ]);
          expect(issues.map((issue) => issue.message)).to.deep.equal([
            'separate scope values with single spaces, none at the start or end: found two or more spaces in a row',
            '"msg.consumer" is listed more than once',
          ]);
        });

        it('may be at most 128 characters long', () => {
          // No valid scope string reaches 128 characters; 128 is checked for its values, 129 only for its length.
          expectIssue(withValue(baseFor(profile), ['scope'], 'x'.repeat(128)), profile, 'invalid_scope', 'scope');
          const tooLong = withValue(baseFor(profile), ['scope'], 'x'.repeat(129));
          if (profile === 'general') expectIssue(tooLong, profile, 'too_long', 'scope');
          // the connector profile also says which value it needs instead
          else
            expectIssues(tooLong, profile, [
              { code: 'too_long', path: 'scope' },
              { code: 'connector_required_value', path: 'scope' },
            ]);
        });

        it('must be a string', () => {
          expectIssue(withValue(baseFor(profile), ['scope'], ['msg.consumer']), profile, 'invalid_type', 'scope');
        });
      });
    }

    it('is required in the connector profile only', () => {
      expectIssue(templateWith(['scope'], REMOVE), 'connector', 'required', 'scope');
      expectClean(templateWith(['scope'], REMOVE), 'general');
    });
  });

  describe('capabilities', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      it(`must be an object (${profile})`, () => {
        const issue = expectIssue(withValue(baseFor(profile), ['capabilities'], []), profile, 'invalid_type', 'capabilities');
        expect(issue.message).to.equal('must be an object, got an array');
        expectIssue(withValue(baseFor(profile), ['capabilities'], 'webhooks'), profile, 'invalid_type', 'capabilities');
        expectIssue(withValue(baseFor(profile), ['capabilities'], null), profile, 'invalid_type', 'capabilities');
      });
    }

    it('may be empty', () => {
      expectClean(minimalWith(['capabilities'], {}));
    });

    it('allows only webhooks and engagement', () => {
      const issue = expectIssue(
        templateWith(['capabilities', 'webhook'], {}),
        'connector',
        'unknown_key',
        'capabilities.webhook',
      );
      expect(issue.message).to.equal('unknown key "webhook"; did you mean "webhooks"?');
      expectIssue(minimalWith(['capabilities', 'agents'], true), 'general', 'unknown_key', 'capabilities.agents');
    });
  });

  describe('unknown top-level keys', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      for (const [key, suggestion] of [
        ['client_nme', 'client_name'],
        ['clientName', 'client_name'],
        ['grant_type', 'grant_types'],
        ['redirect_uri', 'redirect_uris'],
        ['logoUri', 'logo_uri'],
        ['capabilites', 'capabilities'],
      ] as const) {
        it(`rejects ${JSON.stringify(key)} and suggests ${JSON.stringify(suggestion)} (${profile})`, () => {
          const issue = expectIssue(withValue(baseFor(profile), [key], 'x'), profile, 'unknown_key', key);
          expect(issue.message).to.equal(`unknown key ${JSON.stringify(key)}; did you mean ${JSON.stringify(suggestion)}?`);
        });
      }
    }

    it('rejects a key far from any known one, without a hint', () => {
      const issue = expectIssue(minimalWith(['homepage'], 'https://example.com'), 'general', 'unknown_key', 'homepage');
      expect(issue.message).to.equal('unknown key "homepage"');
    });

    it('rejects a key that is not an identifier, quoting it in the path', () => {
      const issue = expectIssue(minimalWith(['client-name'], 'x'), 'general', 'unknown_key', '["client-name"]');
      expect(issue.segments).to.deep.equal(['client-name']);
    });
  });

  describe('the manifest itself', () => {
    for (const [label, value, received] of [
      ['null', null, 'null'],
      ['an array', [], 'an array'],
      ['a string', '{"client_name":"Acme"}', 'a string'],
      ['a number', 42, 'a number'],
      ['undefined', undefined, 'undefined'],
      ['a Date', new Date(), 'an instance of Date'],
      ['a Map', new Map([['client_name', 'Acme']]), 'an instance of Map'],
      [
        'a class instance',
        new (class Manifest {
          client_name = 'Acme';
        })(),
        'an instance of Manifest',
      ],
    ] as const) {
      for (const profile of PROFILES_UNDER_TEST) {
        it(`must be a plain object, not ${label} (${profile})`, () => {
          const issue = expectIssue(value, profile, 'invalid_type', '');
          expect(issue.segments).to.deep.equal([]);
          expect(issue.message).to.equal(`must be an object, got ${received}`);
        });
      }
    }

    it('may be an object without a prototype', () => {
      const manifest = Object.assign(Object.create(null) as Record<string, unknown>, { client_name: 'Acme' });
      expect(expectClean(manifest)).to.deep.equal({ client_name: 'Acme' });
    });
  });
});
