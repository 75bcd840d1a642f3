import { expect } from 'chai';
import type { IssueCode } from '../../src/index.js';
import {
  baseFor,
  CONTENT,
  CONTENT_PATH,
  expectClean,
  expectIssue,
  minimalWith,
  PROFILES_UNDER_TEST,
  REMOVE,
  templateWith,
  withValue,
} from './helpers.js';

describe('validateManifest: URIs', () => {
  describe('redirect_uris', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      describe(`in the ${profile} profile`, () => {
        const withRedirect = (uri: unknown) => withValue(baseFor(profile), ['redirect_uris'], [uri]);

        for (const uri of [
          'https://app.example.com/cb',
          'https://app.example.com/cb?state=1',
          'http://localhost/cb',
          'http://localhost:3000/cb',
          'http://127.0.0.1:8080/cb',
          'http://[::1]/cb',
          'com.example.app:/cb',
          'com.example.app:/oauth2redirect/example-provider',
        ]) {
          it(`accepts ${uri}`, () => {
            expect(expectClean(withRedirect(uri), profile)['redirect_uris']).to.deep.equal([uri]);
          });
        }

        for (const uri of ['http://example.com/cb', 'http://localhost.example.com/cb', 'http://127.0.0.2/cb', 'http://10.0.0.1/cb']) {
          it(`rejects plain http:// to a host that is not loopback: ${uri}`, () => {
            expectIssue(withRedirect(uri), profile, 'redirect_uri_insecure_http', 'redirect_uris[0]');
          });
        }

        for (const uri of ['https://app.example.com/cb#section', 'https://app.example.com/cb#', 'http://localhost/cb#x', 'com.example.app:/cb#x']) {
          it(`rejects a fragment: ${uri}`, () => {
            expectIssue(withRedirect(uri), profile, 'redirect_uri_has_fragment', 'redirect_uris[0]');
          });
        }

        for (const uri of ['myapp:/cb', '/cb', 'cb', 'app.example.com/cb', 'HTTPS://app.example.com/cb', '']) {
          it(`rejects what is neither https, loopback http nor a private-use scheme with a dot: ${JSON.stringify(uri)}`, () => {
            expectIssue(withRedirect(uri), profile, 'invalid_redirect_uri', 'redirect_uris[0]');
          });
        }

        it('rejects a user name or password', () => {
          expectIssue(
            withRedirect('https://user:pw@app.example.com/cb'),
            profile,
            'url_has_credentials',
            'redirect_uris[0]',
          );
          expectIssue(withRedirect('http://user@localhost/cb'), profile, 'url_has_credentials', 'redirect_uris[0]');
        });

        it('rejects white space and control characters', () => {
          expectIssue(withRedirect('https://app.example.com/c b'), profile, 'url_has_whitespace', 'redirect_uris[0]');
          expectIssue(withRedirect('https://app.example.com/cb\n'), profile, 'url_has_whitespace', 'redirect_uris[0]');
        });

        it('rejects an https URI without a host', () => {
          expectIssue(withRedirect('https://'), profile, 'url_malformed', 'redirect_uris[0]');
          expectIssue(withRedirect('https:///cb'), profile, 'url_malformed', 'redirect_uris[0]');
        });

        it('allows 128 characters per item, not 129', () => {
          const prefix = 'https://app.example.com/';
          expectClean(withRedirect(prefix + 'a'.repeat(128 - prefix.length)), profile);
          expectIssue(withRedirect(prefix + 'a'.repeat(129 - prefix.length)), profile, 'too_long', 'redirect_uris[0]');
        });

        it('points at the item that is wrong', () => {
          const manifest = withValue(baseFor(profile), ['redirect_uris'], ['https://a.example.com/cb', 'http://b.example.com/cb']);
          const issue = expectIssue(manifest, profile, 'redirect_uri_insecure_http', 'redirect_uris[1]');
          expect(issue.segments).to.deep.equal(['redirect_uris', 1]);
        });

        it('must be an array of strings', () => {
          expectIssue(
            withValue(baseFor(profile), ['redirect_uris'], 'https://app.example.com/cb'),
            profile,
            'invalid_type',
            'redirect_uris',
          );
          expectIssue(withRedirect(42), profile, 'invalid_type', 'redirect_uris[0]');
        });
      });
    }

    it('are kept in the order written (they are not an enum list)', () => {
      const uris = ['https://b.example.com/cb', 'com.example.app:/cb', 'https://a.example.com/cb'];
      expect(expectClean(minimalWith(['redirect_uris'], uris))['redirect_uris']).to.deep.equal(uris);
    });
  });

  describe('logo_uri', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      describe(`in the ${profile} profile`, () => {
        const withLogo = (uri: unknown) => withValue(baseFor(profile), ['logo_uri'], uri);

        for (const uri of ['https://cdn.example.com/logo.png', '/x.png', '/src/modules/campaigns/assets/img/software/Mobile-App.png']) {
          it(`accepts ${uri}`, () => {
            expect(expectClean(withLogo(uri), profile)['logo_uri']).to.equal(uri);
          });
        }

        for (const uri of ['//cdn.example.com/x.png', 'http://cdn.example.com/x.png', 'x.png', 'data:image/png;base64,iVBORw0KGgo=', '']) {
          it(`rejects what is neither an https URL nor a root-relative path: ${JSON.stringify(uri)}`, () => {
            expectIssue(withLogo(uri), profile, 'invalid_logo_uri', 'logo_uri');
          });
        }

        it('rejects credentials, white space and a missing host in an https URL', () => {
          expectIssue(withLogo('https://user@cdn.example.com/x.png'), profile, 'url_has_credentials', 'logo_uri');
          expectIssue(withLogo('https://cdn.example.com/x y.png'), profile, 'url_has_whitespace', 'logo_uri');
          expectIssue(withLogo('https:///x.png'), profile, 'url_malformed', 'logo_uri');
        });

        it('rejects white space in a root-relative path', () => {
          expectIssue(withLogo('/my logo.png'), profile, 'url_has_whitespace', 'logo_uri');
        });

        it('must be a string', () => {
          expectIssue(withLogo({ href: '/x.png' }), profile, 'invalid_type', 'logo_uri');
        });
      });
    }

    it('may be 1024 characters long in the general profile, not 1025', () => {
      expectClean(minimalWith(['logo_uri'], '/' + 'a'.repeat(1023)), 'general');
      expectIssue(minimalWith(['logo_uri'], '/' + 'a'.repeat(1024)), 'general', 'too_long', 'logo_uri');
    });

    it('may be 128 characters long in the connector profile, not 129', () => {
      expectClean(templateWith(['logo_uri'], '/' + 'a'.repeat(127)), 'connector');
      const issue = expectIssue(templateWith(['logo_uri'], '/' + 'a'.repeat(128)), 'connector', 'too_long', 'logo_uri');
      expect(issue.message).to.equal('must be at most 128 characters in the connector profile (got 129)');
    });

    it('of 129 characters fails only in the connector profile', () => {
      expectClean(templateWith(['logo_uri'], '/' + 'a'.repeat(128)), 'general');
    });
  });

  describe('entry_uri', () => {
    it('accepts an https URL', () => {
      expectClean(minimalWith(['entry_uri'], 'https://sso.example.com/launch?app=1'));
    });

    for (const [uri, code] of [
      ['http://sso.example.com/launch', 'url_not_https'],
      ['/launch', 'url_not_https'],
      ['https://', 'url_malformed'],
      ['https://user:pw@sso.example.com/', 'url_has_credentials'],
      ['https://sso.example.com/la unch', 'url_has_whitespace'],
    ] as const) {
      it(`rejects ${JSON.stringify(uri)} (${code})`, () => {
        expectIssue(minimalWith(['entry_uri'], uri), 'general', code, 'entry_uri');
      });
    }
  });

  describe('webhook endpoint', () => {
    const ENDPOINT_PATH = `${CONTENT_PATH}.endpoint`;

    for (const profile of PROFILES_UNDER_TEST) {
      describe(`in the ${profile} profile`, () => {
        const withEndpoint = (endpoint: unknown) =>
          withValue(baseFor(profile), ['capabilities', 'webhooks', CONTENT, 'endpoint'], endpoint);

        for (const endpoint of [
          'https://hooks.example.com/lp',
          'https://hooks.example.com/lp?token=abc&x=1',
          'https://hooks.example.com:8443/lp',
          'https://hooks.example.com/a@b',
          'https://bücher.example/lp',
          'https://your/webhooks/endpoint',
        ]) {
          it(`accepts ${endpoint}`, () => {
            const manifest = expectClean(withEndpoint(endpoint), profile);
            const webhooks = (manifest['capabilities'] as Record<string, Record<string, Record<string, unknown>>>)['webhooks'];
            expect(webhooks?.[CONTENT]?.['endpoint']).to.equal(endpoint);
          });
        }

        const rejected: readonly (readonly [string, IssueCode])[] = [
          ['http://hooks.example.com/lp', 'url_not_https'],
          ['HTTPS://hooks.example.com/lp', 'url_not_https'],
          ['Https://hooks.example.com/lp', 'url_not_https'],
          ['https:/hooks.example.com/lp', 'url_not_https'],
          ['https:hooks.example.com/lp', 'url_not_https'],
          ['ftp://hooks.example.com/lp', 'url_not_https'],
          ['hooks.example.com/lp', 'url_not_https'],
          ['', 'url_not_https'],
          ['https:///hooks.example.com/lp', 'url_malformed'],
          ['https://', 'url_malformed'],
          ['https://?x=1', 'url_malformed'],
          ['https://hooks.example.com:99999/lp', 'url_malformed'],
          ['https://exa%20mple.com/lp', 'url_malformed'],
          ['https://[::1/lp', 'url_malformed'],
          ['https://user:pw@hooks.example.com/x', 'url_has_credentials'],
          ['https://user@hooks.example.com/x', 'url_has_credentials'],
          ['https://@hooks.example.com', 'url_has_credentials'],
          ['https://exa mple.com', 'url_has_whitespace'],
          ['https://hooks.example.com/a b', 'url_has_whitespace'],
          [' https://hooks.example.com/lp', 'url_has_whitespace'],
          ['https://hooks.example.com/lp\n', 'url_has_whitespace'],
          ['https://hooks.example.com/\tlp', 'url_has_whitespace'],
          ['https://hooks.example.com/lp\u0000', 'url_has_whitespace'],
          ['https://hooks.example.com/lp\u007f', 'url_has_whitespace'],
          ['https://hooks.example.com/lp\u0085', 'url_has_whitespace'],
          ['https://hooks.example.com/\u00a0lp', 'url_has_whitespace'],
        ];
        for (const [endpoint, code] of rejected) {
          it(`rejects ${JSON.stringify(endpoint)} with ${code}`, () => {
            const issue = expectIssue(withEndpoint(endpoint), profile, code, ENDPOINT_PATH);
            expect(issue.segments).to.deep.equal(['capabilities', 'webhooks', CONTENT, 'endpoint']);
          });
        }

        it('is required', () => {
          expectIssue(withEndpoint(REMOVE), profile, 'required', ENDPOINT_PATH);
        });

        it('must be a string', () => {
          expectIssue(withEndpoint(42), profile, 'invalid_type', ENDPOINT_PATH);
          expectIssue(withEndpoint(new URL('https://hooks.example.com/lp')), profile, 'invalid_type', ENDPOINT_PATH);
          expectIssue(withEndpoint(null), profile, 'invalid_type', ENDPOINT_PATH);
        });
      });
    }

    it('never echoes the endpoint in a credentials message (the password is a secret)', () => {
      const issue = expectIssue(
        withValue(baseFor('general'), ['capabilities', 'webhooks', CONTENT, 'endpoint'], 'https://user:hunter2@hooks.example.com/x'),
        'general',
        'url_has_credentials',
        ENDPOINT_PATH,
      );
      expect(issue.message).not.to.contain('hunter2');
    });
  });
});
