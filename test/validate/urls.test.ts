import { expect } from 'chai';
import {
  httpsUrl,
  isHttpsUrl,
  ManifestBuilder,
  ManifestValidationError,
  type IssueCode,
  type ValidationIssue,
} from '../../src/index.js';
import {
  baseFor,
  expectIssues,
  expectValid,
  type Json,
  warningsOf,
  withEndpoint,
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

        for (const uri of [
          'http://example.com/cb',
          'http://localhost.example.com/cb',
          'http://127.0.0.2/cb',
          'http://10.0.0.1/cb',
        ]) {
          it(`rejects plain http:// to a host that is not loopback: ${uri}`, () => {
            expectIssue(withRedirect(uri), profile, 'redirect_uri_insecure_http', 'redirect_uris[0]');
          });
        }

        for (const uri of [
          'https://app.example.com/cb#section',
          'https://app.example.com/cb#',
          'http://localhost/cb#x',
          'com.example.app:/cb#x',
        ]) {
          it(`rejects a fragment: ${uri}`, () => {
            expectIssue(withRedirect(uri), profile, 'redirect_uri_has_fragment', 'redirect_uris[0]');
          });
        }

        for (const uri of ['myapp:/cb', '/cb', 'cb', 'app.example.com/cb', '']) {
          it(`rejects what is neither https, loopback http nor a private-use scheme with a dot: ${JSON.stringify(uri)}`, () => {
            expectIssue(withRedirect(uri), profile, 'invalid_redirect_uri', 'redirect_uris[0]');
          });
        }

        for (const uri of ['HTTPS://app.example.com/cb', 'Http://localhost/cb']) {
          it(`rejects a scheme not in lower case, saying so: ${uri}`, () => {
            const issue = expectIssue(withRedirect(uri), profile, 'url_scheme_not_lower_case', 'redirect_uris[0]');
            expect(issue.message).to.contain('lower case');
          });
        }

        it('rejects a user name or password', () => {
          expectIssue(withRedirect('https://user:pw@app.example.com/cb'), profile, 'url_has_credentials', 'redirect_uris[0]');
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
          const manifest = withValue(
            baseFor(profile),
            ['redirect_uris'],
            ['https://a.example.com/cb', 'http://b.example.com/cb'],
          );
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

        for (const uri of [
          'https://cdn.example.com/logo.png',
          '/x.png',
          '/src/modules/campaigns/assets/img/software/Mobile-App.png',
        ]) {
          it(`accepts ${uri}`, () => {
            expect(expectClean(withLogo(uri), profile)['logo_uri']).to.equal(uri);
          });
        }

        for (const uri of [
          '//cdn.example.com/x.png',
          'http://cdn.example.com/x.png',
          'x.png',
          'data:image/png;base64,iVBORw0KGgo=',
          '',
        ]) {
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
      expectClean(minimalWith(['logo_uri'], `/${'a'.repeat(1023)}`), 'general');
      expectIssue(minimalWith(['logo_uri'], `/${'a'.repeat(1024)}`), 'general', 'too_long', 'logo_uri');
    });

    it('may be 128 characters long in the connector profile, not 129', () => {
      expectClean(templateWith(['logo_uri'], `/${'a'.repeat(127)}`), 'connector');
      const issue = expectIssue(templateWith(['logo_uri'], `/${'a'.repeat(128)}`), 'connector', 'too_long', 'logo_uri');
      expect(issue.message).to.equal('must be at most 128 characters in the connector profile (got 129)');
    });

    it('of 129 characters fails only in the connector profile', () => {
      expectClean(templateWith(['logo_uri'], `/${'a'.repeat(128)}`), 'general');
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
          'https://xn--bcher-kva.example/lp',
          'https://hooks.example.com./lp',
          'https://192.0.2.1/lp',
          'https://[2001:db8::1]:8443/lp',
          "https://hooks.example.com/a-b_c.d~e!$&'()*+,;=:@/%2F%7b?q=/?#frag/?",
        ]) {
          it(`accepts ${endpoint}`, () => {
            const manifest = expectClean(withEndpoint(endpoint), profile);
            const webhooks = (manifest['capabilities'] as Record<string, Record<string, Record<string, unknown>>>)['webhooks'];
            expect(webhooks?.[CONTENT]?.['endpoint']).to.equal(endpoint);
          });
        }

        const rejected: readonly (readonly [string, IssueCode])[] = [
          ['http://hooks.example.com/lp', 'url_not_https'],
          ['HTTPS://hooks.example.com/lp', 'url_scheme_not_lower_case'],
          ['Https://hooks.example.com/lp', 'url_scheme_not_lower_case'],
          ['https:/hooks.example.com/lp', 'url_not_https'],
          ['https:hooks.example.com/lp', 'url_not_https'],
          ['ftp://hooks.example.com/lp', 'url_not_https'],
          ['hooks.example.com/lp', 'url_not_https'],
          ['', 'url_empty'],
          ['https:///hooks.example.com/lp', 'url_malformed'],
          ['https://', 'url_malformed'],
          ['https://?x=1', 'url_malformed'],
          ['https://hooks.example.com:99999/lp', 'url_invalid_port'],
          ['https://hooks.example.com:44a/lp', 'url_invalid_port'],
          ['https://:443/lp', 'url_malformed'],
          ['https://exa%20mple.com/lp', 'url_invalid_host'],
          ['https://[::1/lp', 'url_invalid_host'],
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
        withValue(
          baseFor('general'),
          ['capabilities', 'webhooks', CONTENT, 'endpoint'],
          'https://user:hunter2@hooks.example.com/x',
        ),
        'general',
        'url_has_credentials',
        ENDPOINT_PATH,
      );
      expect(issue.message).not.to.contain('hunter2');
    });
  });
});

/**
 * Every URL field, and httpsUrl(), checks the URL as written (RFC 3986 characters and escapes,
 * ASCII, a DNS-name or IP-literal host that the WHATWG parser reads the same, lower-case scheme),
 * so that every HTTP client reads it alike.
 */
describe('URLs as written: every URL field and httpsUrl()', () => {
  /** Each place a URL is checked; the rules below hold in all of them. */
  const PLACES: readonly (readonly [string, (url: string) => Json, string])[] = [
    ['endpoint', (url) => withEndpoint(url), 'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint'],
    ['entry_uri', (url) => minimalWith(['entry_uri'], url), 'entry_uri'],
    ['logo_uri', (url) => minimalWith(['logo_uri'], url), 'logo_uri'],
    ['redirect_uris', (url) => minimalWith(['redirect_uris'], [url]), 'redirect_uris[0]'],
  ];

  /** What httpsUrl() throws for a value: the issues of its error. */
  function httpsUrlIssues(value: string | undefined, label?: string): readonly ValidationIssue[] {
    try {
      httpsUrl(value, label);
    } catch (error) {
      expect(error).to.be.instanceOf(ManifestValidationError);
      return (error as ManifestValidationError).issues;
    }
    expect.fail(`httpsUrl(${JSON.stringify(value)}) returned`);
  }

  function expectEverywhere(url: string, code: IssueCode, message?: RegExp): void {
    for (const [name, make, path] of PLACES) {
      const issue = expectIssue(make(url), 'general', code, path);
      if (message !== undefined) expect(issue.message, name).to.match(message);
    }
    const issues = httpsUrlIssues(url, 'HOOK_URL');
    expect(
      issues.map((issue) => issue.code),
      'httpsUrl',
    ).to.deep.equal([code]);
    expect(issues[0]!.path).to.equal('HOOK_URL');
    if (message !== undefined) expect(issues[0]!.message, 'httpsUrl').to.match(message);
    expect(isHttpsUrl(url), 'isHttpsUrl').to.equal(false);
  }

  // The examples of the issue that brought these rules, each at every place.
  it('rejects a backslash before "@" (browsers go to the host before it, other parsers to the one after)', () => {
    const url = 'https://evil.example.com\\@apps.example.com/cb';
    expectEverywhere(url, 'url_has_credentials');
  });

  it('rejects a backslash anywhere, naming it and its escape', () => {
    expectEverywhere('https://apps.example.com\\cb', 'url_invalid_character', /"\\\\" \(character 25\).*"%5C"/);
    expectEverywhere('https://apps.example.com/a\\b', 'url_invalid_character', /browsers read it as "\/"/);
  });

  it('rejects an unfilled placeholder, with a hint that it is one', () => {
    expectEverywhere('https://{domain}/event/ContentEvent', 'url_placeholder', /"\{domain\}" looks like an unfilled placeholder/);
    expectEverywhere('https://${HOST}/lp', 'url_placeholder', /"\$\{HOST\}" looks like an unfilled placeholder/);
    expectEverywhere('https://hooks.example.com/{tenant}/lp', 'url_placeholder', /"\{tenant\}"/);
  });

  it('rejects a scheme not in lower case, saying to write it in lower case', () => {
    for (const url of ['HTTPS://hooks.example.com/lp', 'hTTps://hooks.example.com/lp']) {
      expectEverywhere(url, 'url_scheme_not_lower_case', /must start with "https:\/\/" in lower case/);
    }
  });

  it('rejects "https://" + "a.".repeat(100000) + "!": host rules and the length limit, in linear time', () => {
    const url = `https://${'a.'.repeat(100_000)}!`;
    const started = performance.now();
    const issues = expectIssues(withEndpoint(url), 'general', [
      { code: 'url_too_long', path: PLACES[0]![2] },
      { code: 'url_invalid_host', path: PLACES[0]![2] },
    ]);
    expect(issues.find((issue) => issue.code === 'url_invalid_host')!.message).to.contain('"!" is not allowed');
    expect(httpsUrlIssues(url).map((issue) => issue.code)).to.deep.equal(['url_too_long', 'url_invalid_host']);
    expect(performance.now() - started, 'ms').to.be.below(1000);
    // Every message stays short, whatever the input's size.
    for (const issue of issues) expect(issue.message.length).to.be.below(400);
  });

  it('rejects characters RFC 3986 does not allow, each named with its escape', () => {
    for (const [character, escape] of [
      ['{', '%7B'],
      ['}', '%7D'],
      ['|', '%7C'],
      ['^', '%5E'],
      ['`', '%60'],
      ['"', '%22'],
      ['<', '%3C'],
      ['>', '%3E'],
    ]) {
      const url = `https://hooks.example.com/a${character}b`;
      expectEverywhere(url, 'url_invalid_character', new RegExp(`\\(character 28\\).*"${escape}"`));
    }
    // "[" and "]" only around an IP-literal host; "#" once.
    expectEverywhere('https://hooks.example.com/a[1]', 'url_invalid_character', /"\["/);
    // (A redirect URI has no fragment at all: redirect_uri_has_fragment, tested above.)
    expectIssue(withEndpoint('https://hooks.example.com/a?b#c#d'), 'general', 'url_invalid_character', PLACES[0]![2]);
    expectIssue(minimalWith(['entry_uri'], 'https://hooks.example.com/a?b#c#d'), 'general', 'url_invalid_character', 'entry_uri');
  });

  it('rejects a "%" that does not start a %HH escape', () => {
    for (const url of [
      'https://hooks.example.com/100%',
      'https://hooks.example.com/%zz',
      'https://hooks.example.com/%4',
      'https://hooks.example.com/?q=%g1',
    ]) {
      expectEverywhere(url, 'url_invalid_percent_encoding', /write a literal "%" as "%25"/);
    }
  });

  it('rejects non-ASCII, with the punycode form of a host', () => {
    expectEverywhere(
      'https://bücher.example/lp',
      'url_not_ascii',
      /the host has "ü"; write the host in punycode: "xn--bcher-kva\.example"/,
    );
    expectEverywhere('https://hooks.example.com/café', 'url_not_ascii', /percent-encode "é" as "%C3%A9"/);
    expectEverywhere('https://ſ.example.com/lp', 'url_not_ascii', /"xn--|"s\.example\.com"/);
    expectEverywhere('https://hooks.example.com/😀', 'url_not_ascii', /"%F0%9F%98%80"/);
  });

  it('rejects a host that is not a DNS name or an IP literal', () => {
    for (const [url, problem] of [
      ['https://my_host.example.com/lp', /"_" is not allowed/],
      ['https://exa%41mple.com/lp', /cannot be percent-encoded/],
      ['https://hooks..example.com/lp', /empty label/],
      ['https://.example.com/lp', /empty label/],
      ['https://-hooks.example.com/lp', /starts or ends with "-"/],
      ['https://hooks-.example.com/lp', /starts or ends with "-"/],
      [`https://${'a'.repeat(64)}.example.com/lp`, /longer than 63/],
      ['https://hooks.example.com!/lp', /"!" is not allowed/],
      ['https://1.2.3.256/lp', /ends in a number/],
      ['https://example.123/lp', /ends in a number/],
      ['https://[::1/lp', /IPv6 address in brackets/],
      ['https://[::1]x/lp', /IPv6 address in brackets/],
      ['https://[v1.x]/lp', /IPv6 address in brackets/],
      ['https://xn--a.example/lp', /"xn--" label/],
    ] as const) {
      expectEverywhere(url, 'url_invalid_host', problem);
    }
  });

  it('allows labels of 63 characters and names of 253, not more (a trailing dot aside)', () => {
    const label63 = 'a'.repeat(63);
    const name253 = `${'a'.repeat(61)}.${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(61)}.eeeee`;
    expect(name253).to.have.length(253);
    for (const host of [`${label63}.example.com`, name253, `${name253}.`]) {
      expectClean(withEndpoint(`https://${host}/lp`));
      expect(isHttpsUrl(`https://${host}/lp`), host).to.equal(true);
    }
    for (const host of [`${name253}e`, `${name253}e.`]) {
      const issue = expectIssue(withEndpoint(`https://${host}/lp`), 'general', 'url_invalid_host', PLACES[0]![2]);
      expect(issue.message).to.contain('longer than 253 characters');
    }
  });

  it('rejects a host the WHATWG parser reads as another (IPv4 and IPv6 forms), naming the host it reads', () => {
    for (const [url, parsed] of [
      ['https://0x7f.1/lp', '127.0.0.1'],
      ['https://127.1/lp', '127.0.0.1'],
      ['https://017.0.0.1/lp', '15.0.0.1'],
      ['https://3232235777/lp', '192.168.1.1'],
      ['https://1.2.3.4./lp', '1.2.3.4'],
      ['https://[0:0::1]/lp', '[::1]'],
    ] as const) {
      expectEverywhere(url, 'url_host_mismatch', new RegExp(`is read as "${parsed.replace(/[.[\]]/g, '\\$&')}"`));
    }
  });

  it('rejects a port above 65535 or not a number', () => {
    expectEverywhere('https://hooks.example.com:65536/lp', 'url_invalid_port');
    expectClean(withEndpoint('https://hooks.example.com:65535/lp'));
  });

  it('checks the same rules on plain-http loopback and private-use redirect URIs', () => {
    const withRedirect = (uri: string) => minimalWith(['redirect_uris'], [uri]);
    expectIssue(withRedirect('http://localhost\\@evil.example.com/cb'), 'general', 'url_has_credentials', 'redirect_uris[0]');
    expectIssue(withRedirect('http://127.1/cb'), 'general', 'url_host_mismatch', 'redirect_uris[0]');
    expectIssue(withRedirect('http://localhost:65536/cb'), 'general', 'url_invalid_port', 'redirect_uris[0]');
    expectIssue(withRedirect('com.example.app:/{path}'), 'general', 'url_placeholder', 'redirect_uris[0]');
    expectIssue(withRedirect('com.example.app:/a%zz'), 'general', 'url_invalid_percent_encoding', 'redirect_uris[0]');
    expectIssue(withRedirect('com.example.app:/café'), 'general', 'url_not_ascii', 'redirect_uris[0]');
    expectClean(withRedirect('http://LOCALHOST/cb'));
  });

  it('checks a root-relative logo_uri as written too', () => {
    expectIssue(minimalWith(['logo_uri'], '/logo|1.png'), 'general', 'url_invalid_character', 'logo_uri');
    expectIssue(minimalWith(['logo_uri'], '/logo%.png'), 'general', 'url_invalid_percent_encoding', 'logo_uri');
    expectIssue(minimalWith(['logo_uri'], '/{logo}.png'), 'general', 'url_placeholder', 'logo_uri');
    expectClean(minimalWith(['logo_uri'], '/logo%201.png?v=2'));
  });

  it('reports what a value must be before its characters: "URL for your logo" is not a URL at all', () => {
    expectIssue(minimalWith(['logo_uri'], 'URL for your logo'), 'general', 'invalid_logo_uri', 'logo_uri');
    expectIssue(withEndpoint('URL for your webhook'), 'general', 'url_not_https', PLACES[0]![2]);
  });

  it('never shows a character of a user name or password', () => {
    for (const url of [
      'https://user:s3cr|t@hooks.example.com/lp',
      'https://user:pä55@hooks.example.com/lp',
      'https://user:p%zz@hooks.example.com/lp',
    ]) {
      for (const [, make, path] of PLACES) {
        const issue = expectIssue(make(url), 'general', 'url_has_credentials', path);
        expect(issue.message).not.to.match(/s3cr|ä|%zz|character \d/);
      }
    }
  });

  it('an endpoint is at most 2,048 characters; the other fields keep their own, smaller limits', () => {
    const at = (length: number) => `https://hooks.example.com/${'a'.repeat(length - 'https://hooks.example.com/'.length)}`;
    expectClean(withEndpoint(at(2048)));
    expect(isHttpsUrl(at(2048))).to.equal(true);
    const issue = expectIssue(withEndpoint(at(2049)), 'general', 'url_too_long', PLACES[0]![2]);
    expect(issue.message).to.contain('at most 2048 characters').and.to.contain('got 2049');
    expect(httpsUrlIssues(at(2049)).map((i) => i.code)).to.deep.equal(['url_too_long']);
    expect(isHttpsUrl(at(2049))).to.equal(false);
    expectIssue(minimalWith(['entry_uri'], at(1025)), 'general', 'too_long', 'entry_uri');
  });

  describe('warnings: a host of a single label (no public DNS name)', () => {
    for (const url of ['https://your/webhooks/endpoint', 'https://undefined/lp', 'https://hooks/lp', 'https://HOOKS./lp']) {
      it(`warns on ${url} as an endpoint and as entry_uri, and it stays valid`, () => {
        const host = new URL(url).hostname;
        expect(warningsOf(withEndpoint(url))).to.deep.equal([{ code: 'single_label_host', path: PLACES[0]![2] }]);
        expect(warningsOf(minimalWith(['entry_uri'], url))).to.deep.equal([{ code: 'single_label_host', path: 'entry_uri' }]);
        const [warning] = expectValid(withEndpoint(url)).warnings;
        expect(warning!.severity).to.equal('warning');
        expect(warning!.message).to.contain(JSON.stringify(host)).and.to.contain('cannot be reached');
        expect(isHttpsUrl(url)).to.equal(true);
      });
    }

    it('does not warn on a dotted name or an IP address, and says "unreachable" (not also "single label") for localhost', () => {
      for (const url of ['https://hooks.example.com/lp', 'https://192.0.2.1/lp', 'https://[2001:db8::1]/lp']) {
        expect(warningsOf(withEndpoint(url)), url).to.deep.equal([]);
      }
      expect(warningsOf(withEndpoint('https://localhost/lp')).map((w) => w.code)).to.deep.equal(['unreachable_endpoint_host']);
    });

    it("is not given for logo_uri or redirect_uris (their hosts are the browser's, not LivePerson's servers')", () => {
      expect(warningsOf(minimalWith(['logo_uri'], 'https://cdn/x.png'))).to.deep.equal([]);
      expect(warningsOf(minimalWith(['redirect_uris'], ['https://intranet/cb']))).to.deep.equal([]);
    });
  });

  it('the builder checks the same: build() throws with the code at the field', () => {
    const codesOf = (build: () => unknown): string[] => {
      try {
        build();
      } catch (error) {
        return (error as ManifestValidationError).issues.map((issue) => `${issue.path} ${issue.code}`);
      }
      return [];
    };
    const general = () => ManifestBuilder.general().clientName('Acme');
    expect(
      codesOf(() => general().webhook('cqm.ExConversationChangeNotification', 'https://{domain}/event/ContentEvent').build()),
    ).to.deep.equal([`${PLACES[0]![2]} url_placeholder`]);
    expect(codesOf(() => general().redirectUris('https://evil.example.com\\@apps.example.com/cb').build())).to.deep.equal([
      'redirect_uris[0] url_has_credentials',
    ]);
    expect(codesOf(() => general().entryUri('https://0x7f.1/launch').build())).to.deep.equal(['entry_uri url_host_mismatch']);
    const built = general().webhook('cqm.ExConversationChangeNotification', 'https://your/webhooks/endpoint');
    expect(built.validate().warnings.map((warning) => warning.code)).to.deep.equal(['single_label_host']);
  });

  describe('httpsUrl(process.env.X, "X"): messages about a value, not a manifest', () => {
    it('unset: says the value of X is not set', () => {
      let thrown: unknown;
      try {
        httpsUrl(undefined, 'CONV_URL');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(ManifestValidationError);
      const error = thrown as ManifestValidationError;
      expect(error.message).to.equal(
        'Invalid value of CONV_URL (1 issue):\n  ✖ CONV_URL: is not set (undefined); it must be an "https://" URL [url_missing]',
      );
      expect(error.message).not.to.contain('manifest').and.not.to.contain('is required');
      expect(error.issues[0].code).to.equal('url_missing');
    });

    it('empty: says it is empty, not that it must start with "https://"', () => {
      const [issue] = httpsUrlIssues('', 'CONV_URL');
      expect(issue!.code).to.equal('url_empty');
      expect(issue!.message).to.equal('is empty; it must be an "https://" URL');
    });

    it('without a label: the first line says "URL", the path is the root', () => {
      try {
        httpsUrl('http://hooks.example.com');
        expect.fail('returned');
      } catch (error) {
        expect((error as Error).message).to.match(
          /^Invalid URL \(1 issue\):\n {2}✖ \(root\): must start with "https:\/\/" \[url_not_https\]$/,
        );
      }
    });

    it('returns a valid URL unchanged', () => {
      expect(httpsUrl('https://hooks.example.com/lp', 'X')).to.equal('https://hooks.example.com/lp');
      expect(httpsUrl('https://your/webhooks/endpoint', 'X')).to.equal('https://your/webhooks/endpoint');
    });
  });
});
