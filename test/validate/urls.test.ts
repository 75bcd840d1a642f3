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
          'https://192.0.2.1/lp',
          'https://[2001:db8::1]:8443/lp',
          "https://hooks.example.com/a-b_c.d~e!$&'()*+,;=:@/%2F%7b?q=/?",
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
        // Valid, with a warning: a host with a trailing dot, a fragment (whose characters are RFC 3986's too).
        for (const [endpoint, code] of [
          ['https://hooks.example.com./lp', 'trailing_dot_host'],
          ["https://hooks.example.com/a-b_c.d~e!$&'()*+,;=:@/%2F%7b?q=/?#frag/?", 'endpoint_has_fragment'],
        ] as const) {
          it(`accepts ${endpoint}, with ${code}`, () => {
            expect(warningsOf(withEndpoint(endpoint), profile)).to.deep.equal([{ code, path: ENDPOINT_PATH }]);
          });
        }

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
    // In a query (where keys are often sent) only the placeholder's shape is quoted.
    expectEverywhere(
      'https://hooks.example.com/lp?key={sk_live_SECRET}',
      'url_placeholder',
      /^"\{…\}" in the query looks like an unfilled placeholder: replace it with the real value$/,
    );
    expectEverywhere('https://hooks.example.com/lp?key=<SECRET-key>&x=1', 'url_placeholder', /^"<…>" in the query /);
    expectEverywhere('https://hooks.example.com/lp?key=${SECRET}', 'url_placeholder', /^"\$\{…\}" in the query /);
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
      // (A trailing dot is valid, with its warning.)
      expect(warningsOf(withEndpoint(`https://${host}/lp`)).map((warning) => warning.code)).to.deep.equal(
        host.endsWith('.') ? ['trailing_dot_host'] : [],
      );
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

/** Real inputs that were judged wrong or passed in silence (issue 19 §1): each a kind, at every URL field where it applies. */
describe('URLs: field cases', () => {
  const ENDPOINT = 'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint';
  const withRedirect = (uri: string) => minimalWith(['redirect_uris'], [uri]);

  describe('an IPv6 literal is compared as an address, not as text (RFC 4291 §2.2)', () => {
    // RFC 2732 §2's examples, and other spellings of one address: every client reads the same address.
    for (const url of [
      'https://[1080:0:0:0:8:800:200C:417A]/index.html',
      'https://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html',
      'https://[3ffe:2a00:100:7031::1]',
      'https://[::FFFF:129.144.52.38]:80/index.html',
      'https://[2010:836B:4179::836B:4179]',
      'https://[2001:0db8:0000:0000:0000:0000:0000:0001]/lp',
    ]) {
      it(`accepts ${url} everywhere`, () => {
        expectClean(withEndpoint(url));
        expectClean(minimalWith(['entry_uri'], url));
        expectClean(minimalWith(['logo_uri'], url));
        expectClean(withRedirect(url));
        expect(isHttpsUrl(url), 'isHttpsUrl').to.equal(true);
      });
    }

    it('still warns on a loopback, private or IPv4-mapped loopback or private address, however written', () => {
      for (const [url, host] of [
        ['https://[0:0:0:0:0:0:0:1]/lp', '[::1]'],
        ['https://[0::1]/lp', '[::1]'],
        ['https://[::ffff:127.0.0.1]/lp', '[::ffff:7f00:1]'],
        ['https://[::FFFF:10.0.0.1]/lp', '[::ffff:a00:1]'],
        ['https://[0:0:0:0:0:ffff:c0a8:0101]/lp', '[::ffff:c0a8:101]'],
        ['https://[FD00:0::1]/lp', '[fd00::1]'],
      ] as const) {
        const [warning] = expectValid(withEndpoint(url)).warnings;
        expect(warning?.code, url).to.equal('unreachable_endpoint_host');
        expect(warning?.params, url).to.deep.equal({ host });
      }
    });

    it('warns on reserved hosts too: multicast, "this network", 240/4 and broadcast, IPv4-compatible, .internal', () => {
      for (const [url, host] of [
        ['https://224.0.0.1/lp', '224.0.0.1'],
        ['https://239.255.255.250/lp', '239.255.255.250'],
        ['https://0.1.2.3/lp', '0.1.2.3'],
        ['https://240.0.0.1/lp', '240.0.0.1'],
        ['https://255.255.255.255/lp', '255.255.255.255'],
        ['https://[FF02::1]/lp', '[ff02::1]'],
        ['https://[::10.0.0.1]/lp', '[::a00:1]'],
        ['https://metadata.google.internal/computeMetadata/v1', 'metadata.google.internal'],
      ] as const) {
        const [warning, ...rest] = expectValid(withEndpoint(url)).warnings;
        expect(warning?.code, url).to.equal('unreachable_endpoint_host');
        expect(warning?.params, url).to.deep.equal({ host });
        expect(warning?.message, url).to.equal(
          `host "${host}" is loopback, private or reserved: LivePerson's servers cannot reach it`,
        );
        expect(rest, url).to.deep.equal([]);
      }
      // Public neighbours stay quiet.
      for (const url of [
        'https://223.255.255.1/lp',
        'https://1.0.0.1/lp',
        'https://[2001:db8::1]/lp',
        'https://[::2]/lp',
        'https://internal.example.com/lp',
      ]) {
        expect(expectValid(withEndpoint(url)).warnings, url).to.deep.equal([]);
      }
    });

    it('any spelling of the loopback address is loopback for a plain-http redirect URI (RFC 8252 §7.3)', () => {
      expectClean(withRedirect('http://[0:0:0:0:0:0:0:1]:8080/cb'));
      expectIssue(withRedirect('http://[::2]/cb'), 'general', 'redirect_uri_insecure_http', 'redirect_uris[0]');
    });

    it('an invalid IPv6 literal is still an error', () => {
      for (const url of [
        'https://[1:2:3:4:5:6:7:8:9]/lp',
        'https://[::g]/lp',
        'https://[1::2::3]/lp',
        'https://[::1.2.3.04]/lp',
      ]) {
        expectIssue(withEndpoint(url), 'general', 'url_invalid_host', ENDPOINT);
        expect(isHttpsUrl(url), url).to.equal(false);
      }
    });
  });

  describe('a fragment in a webhook endpoint is never sent: a warning that says which URL is requested', () => {
    for (const [url, requested] of [
      ['https://hooks.example.com/foo?query=123#ct=1000', 'https://hooks.example.com/foo?query=123'],
      ['https://webhook.site/#!/0b7c2bd4-6f2a-4a5e-9d55-1f0e3c6a8b21', 'https://webhook.site/'],
      // the long way (a port, an IP literal), not only the short one for common URLs
      ['https://hooks.example.com:8443/lp#x', 'https://hooks.example.com:8443/lp'],
      ['https://[2001:db8::1]/lp#', 'https://[2001:db8::1]/lp'],
    ] as const) {
      it(`${url}: valid, and says ${requested} is requested`, () => {
        const { warnings } = expectValid(withEndpoint(url));
        expect(warnings.map(({ code, path }) => ({ code, path }))).to.deep.equal([
          { code: 'endpoint_has_fragment', path: ENDPOINT },
        ]);
        expect(warnings[0]!.params).to.deep.equal({ requested });
        // A query is never shown in the message (it often holds a key): the URL up to it, and "?…".
        const shown = requested.includes('?') ? `${requested.slice(0, requested.indexOf('?'))}?…` : requested;
        expect(warnings[0]!.message).to.contain(`will request ${JSON.stringify(shown)}`);
        expect(warnings[0]!.message).not.to.contain('query=123');
      });
    }

    it('is not given where a fragment does no harm (entry_uri, logo_uri: a browser keeps it), nor without "#"', () => {
      expectClean(minimalWith(['entry_uri'], 'https://sso.example.com/launch#app'));
      expectClean(minimalWith(['logo_uri'], 'https://cdn.example.com/x.png#v2'));
      expectClean(withEndpoint('https://hooks.example.com/lp?a=1'));
    });

    it('a redirect URI keeps its error (RFC 6749 §3.1.2)', () => {
      expectIssue(withRedirect('https://app.example.com/cb#x'), 'general', 'redirect_uri_has_fragment', 'redirect_uris[0]');
    });
  });

  describe('a host with a trailing dot: valid, with a warning (a TLS server name has none, RFC 6066 §3)', () => {
    const PLACES = [
      ['endpoint', (url: string) => withEndpoint(url), ENDPOINT],
      ['entry_uri', (url: string) => minimalWith(['entry_uri'], url), 'entry_uri'],
      ['logo_uri', (url: string) => minimalWith(['logo_uri'], url), 'logo_uri'],
      ['redirect_uris', (url: string) => withRedirect(url), 'redirect_uris[0]'],
    ] as const;
    // The first takes the short way for common URLs (a plain name, no port), the others the long way.
    for (const url of [
      'https://hooks.example.com./lp',
      'https://Hooks.Example.com.:8443/lp',
      'https://xn--bcher-kva.example./lp',
    ]) {
      it(`${url}: at every URL field`, () => {
        const host = new URL(url).hostname;
        for (const [name, make, path] of PLACES) {
          const { warnings } = expectValid(make(url));
          expect(
            warnings.map((warning) => [warning.code, warning.path]),
            name,
          ).to.deep.equal([['trailing_dot_host', path]]);
          expect(warnings[0]!.params).to.deep.equal({ host, expected: host.slice(0, -1) });
          expect(warnings[0]!.message)
            .to.contain('RFC 6066')
            .and.to.contain(`write ${JSON.stringify(host.slice(0, -1))}`);
        }
        expect(isHttpsUrl(url)).to.equal(true);
      });
    }

    it('says the bigger problem only, for a single label or an unreachable host ("hooks.", "localhost.")', () => {
      expect(warningsOf(withEndpoint('https://hooks./lp')).map((w) => w.code)).to.deep.equal(['single_label_host']);
      expect(warningsOf(withEndpoint('https://localhost./lp')).map((w) => w.code)).to.deep.equal(['unreachable_endpoint_host']);
    });

    it('is not given without a host ending in a dot (a dot in the path, a private-use redirect URI)', () => {
      expectClean(withEndpoint('https://hooks.example.com/lp./x.'));
      expectClean(withRedirect('com.example.app:/cb.'));
    });
  });

  describe('a scheme written twice is an error that says so, and what to write', () => {
    for (const [url, written, expected] of [
      ['https://http://hooks.acme-corp.com/lp', 'https://http://', 'https://hooks.acme-corp.com/…'],
      ['https://https://hooks.acme-corp.com', 'https://https://', 'https://hooks.acme-corp.com'],
      ['https://HTTPS://hooks.acme-corp.com:8443?x=1', 'https://HTTPS://', 'https://hooks.acme-corp.com:8443?…'],
      // the user name and password, and the path, are not shown
      [
        'https://http://user:hunter2@hooks.acme-corp.com/services/T0/B0/s3cret',
        'https://http://',
        'https://hooks.acme-corp.com/…',
      ],
    ] as const) {
      it(`${url}: url_scheme_repeated at every URL field`, () => {
        for (const [make, path] of [
          [withEndpoint, ENDPOINT],
          [(u: string) => minimalWith(['entry_uri'], u), 'entry_uri'],
          [(u: string) => minimalWith(['logo_uri'], u), 'logo_uri'],
          [withRedirect, 'redirect_uris[0]'],
        ] as const) {
          const issue = expectIssue(make(url), 'general', 'url_scheme_repeated', path);
          expect(issue.params).to.deep.equal({ written, expected });
          expect(issue.message)
            .to.contain('scheme written twice')
            .and.to.contain(`write it once: ${JSON.stringify(expected)}`);
          expect(issue.message).not.to.match(/hunter2|s3cret|services/);
        }
        expect(isHttpsUrl(url)).to.equal(false);
      });
    }

    it('in a plain-http loopback redirect URI too', () => {
      const issue = expectIssue(
        withRedirect('http://http://localhost:3000/cb'),
        'general',
        'url_scheme_repeated',
        'redirect_uris[0]',
      );
      expect(issue.params).to.deep.equal({ written: 'http://http://', expected: 'http://localhost:3000/…' });
    });
  });

  describe('<…> is an unfilled placeholder, as {…} is', () => {
    it('https://<your-domain>/webhook: url_placeholder at every URL field and in httpsUrl()', () => {
      for (const [url, placeholder] of [
        ['https://<your-domain>/webhook', '<your-domain>'],
        ['https://hooks.example.com/<tenant>/lp', '<tenant>'],
        ['https://<a>.example.com/{b}', '<a>'],
      ] as const) {
        for (const [value, path] of [
          [withEndpoint(url), ENDPOINT],
          [minimalWith(['entry_uri'], url), 'entry_uri'],
          [minimalWith(['logo_uri'], url), 'logo_uri'],
          [withRedirect(url), 'redirect_uris[0]'],
        ] as const) {
          const issue = expectIssue(value, 'general', 'url_placeholder', path);
          expect(issue.params).to.deep.equal({ placeholder });
          expect(issue.message).to.contain('unfilled placeholder').and.not.to.contain('percent-encode');
        }
        try {
          httpsUrl(url, 'X');
          expect.fail('returned');
        } catch (error) {
          expect((error as ManifestValidationError).issues.map((issue) => issue.code)).to.deep.equal(['url_placeholder']);
        }
      }
      expectIssue(minimalWith(['logo_uri'], '/<logo>.png'), 'general', 'url_placeholder', 'logo_uri');
      expectIssue(withRedirect('com.example.app:/<path>'), 'general', 'url_placeholder', 'redirect_uris[0]');
    });

    it('a lone "<" or ">" is still a character to percent-encode', () => {
      expectIssue(withEndpoint('https://hooks.example.com/a<b'), 'general', 'url_invalid_character', ENDPOINT);
      expectIssue(withEndpoint('https://hooks.example.com/a>b<'), 'general', 'url_invalid_character', ENDPOINT);
    });
  });

  describe('a user name or password: an error in every URL field, worded for what the URL is for', () => {
    it('a private-use redirect URI with user information is an error (RFC 8252 §7.1), never showing the password', () => {
      for (const uri of [
        'com.example.app://user:pass@host/cb',
        'com.example.app://user@host',
        'com.example.app://u:p|ss@host/cb',
        'com.example.app://u:pä55@host/cb',
      ]) {
        const issue = expectIssue(withRedirect(uri), 'general', 'url_has_credentials', 'redirect_uris[0]');
        expect(issue.params).to.deep.equal({ use: 'redirect', backslash: false });
        expect(issue.message).not.to.match(/pass@|p\|ss|pä55|user[:@]|character \d/);
      }
      // "@" outside an authority is a path's character
      expectClean(withRedirect('com.example.app:/cb@x'));
      expectClean(withRedirect('com.example.app://host/cb@x'));
    });

    it('says what to do for each kind of URL: webhook headers only for a webhook endpoint', () => {
      const cases = [
        [withEndpoint('https://user:pw@hooks.example.com/lp'), ENDPOINT, 'webhook', /send secrets in webhook headers/],
        [
          withRedirect('https://user:pw@app.example.com/cb'),
          'redirect_uris[0]',
          'redirect',
          /redirect URI .*carries no credentials/,
        ],
        [withRedirect('com.example.app://user:pw@cb'), 'redirect_uris[0]', 'redirect', /redirect URI/],
        [minimalWith(['logo_uri'], 'https://user:pw@cdn.example.com/x.png'), 'logo_uri', 'browser', /browsers refuse or strip/],
        [minimalWith(['entry_uri'], 'https://user:pw@sso.example.com/'), 'entry_uri', 'browser', /browsers refuse or strip/],
      ] as const;
      for (const [value, path, use, wording] of cases) {
        const issue = expectIssue(value, 'general', 'url_has_credentials', path);
        expect(issue.params, path).to.deep.equal({ use, backslash: false });
        expect(issue.message, path).to.match(wording);
        if (use !== 'webhook') expect(issue.message, path).not.to.contain('header');
      }
      try {
        httpsUrl('https://user:pw@hooks.example.com/lp', 'X');
        expect.fail('returned');
      } catch (error) {
        const [issue] = (error as ManifestValidationError).issues;
        expect(issue!.params).to.deep.equal({ use: 'webhook', backslash: false });
      }
    });

    it('a backslash before "@" is said as what it is (two readings of the host), in every field, not as a secret to move', () => {
      for (const [value, path, use] of [
        [withRedirect('https://evil.example.com\\@apps.example.com/cb'), 'redirect_uris[0]', 'redirect'],
        [withRedirect('http://localhost\\@evil.example.com/cb'), 'redirect_uris[0]', 'redirect'],
        [withEndpoint('https://evil.example.com\\@apps.example.com/lp'), ENDPOINT, 'webhook'],
        [minimalWith(['logo_uri'], 'https://evil.example.com\\@cdn.example.com/x.png'), 'logo_uri', 'browser'],
      ] as const) {
        const issue = expectIssue(value, 'general', 'url_has_credentials', path);
        expect(issue.params, path).to.deep.equal({ use, backslash: true });
        expect(issue.message, path).to.contain('browsers read "\\" as "/"').and.not.to.contain('header');
      }
    });
  });
});
