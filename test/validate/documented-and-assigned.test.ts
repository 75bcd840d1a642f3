/**
 * Fields LivePerson documents or assigns, the scope values its own tool
 * accepts, and messages that lead to the fix in one round: each example of
 * those reports is a test here, through validateManifest() and the builder.
 */
import { expect } from 'chai';
import { ManifestBuilder, validateManifest, type Profile } from '../../src/index.js';
import {
  CONVERSATION,
  CONVERSATION_PATH,
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
  type Json,
} from './helpers.js';
import { thrownBy } from '../helpers/thrown.js';

/** The issues of an invalid manifest as `path code`, in the order reported. */
function issuesOf(value: unknown, profile: Profile = 'general'): string[] {
  const result = validateManifest(value, { profile });
  return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`);
}

describe('enabled_for_profiles (agent-profile ids, documented beside quick_launch_enabled and entry_uri)', () => {
  const EXAMPLE = {
    client_name: 'x',
    quick_launch_enabled: true,
    entry_uri: 'https://apps.example.com/appentry',
    enabled_for_profiles: [42, 43],
  };

  for (const profile of PROFILES_UNDER_TEST) {
    it(`accepts the example of the private-apps page, in canonical order (${profile})`, () => {
      const value = profile === 'general' ? EXAMPLE : { ...baseFor(profile), ...EXAMPLE, client_name: 'x' };
      const manifest = expectValid(value, profile).manifest;
      expect(manifest['enabled_for_profiles']).to.deep.equal([42, 43]);
      const keys = Object.keys(manifest);
      expect(keys.indexOf('enabled_for_profiles')).to.equal(keys.indexOf('entry_uri') + 1);
    });
  }

  it('the example is clean: no issue and no warning', () => {
    expectClean(EXAMPLE);
  });

  it('keeps the ids in the order written; an empty list is valid', () => {
    expect(expectClean(minimalWith(['enabled_for_profiles'], [7, 3, 900_000_001]))['enabled_for_profiles']).to.deep.equal([
      7, 3, 900_000_001,
    ]);
    expect(expectClean(minimalWith(['enabled_for_profiles'], []))['enabled_for_profiles']).to.deep.equal([]);
  });

  for (const [label, id] of [
    ['0', 0],
    ['-1', -1],
    ['-0', -0],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['2^53 (beyond what a JSON number holds exactly)', 2 ** 53],
  ] as const) {
    it(`rejects the id ${label}: a positive whole number`, () => {
      const issue = expectIssue(
        minimalWith(['enabled_for_profiles'], [42, id]),
        'general',
        'invalid_agent_profile_id',
        'enabled_for_profiles[1]',
      );
      expect(issue.message).to.equal('must be a positive whole number (a LivePerson agent-profile id), at most 9007199254740991');
    });
  }

  it('accepts the largest safe integer', () => {
    expectClean(minimalWith(['enabled_for_profiles'], [Number.MAX_SAFE_INTEGER]));
  });

  it('rejects an id listed twice, at the second one', () => {
    const issue = expectIssue(
      minimalWith(['enabled_for_profiles'], [42, 43, 42]),
      'general',
      'duplicate_item',
      'enabled_for_profiles[2]',
    );
    expect(issue.message).to.equal('"42" is listed more than once');
  });

  it('rejects ids that are not numbers, and a value that is not a list', () => {
    expectIssues(minimalWith(['enabled_for_profiles'], ['42', null, [1]]), 'general', [
      { code: 'invalid_type', path: 'enabled_for_profiles[0]' },
      { code: 'invalid_type', path: 'enabled_for_profiles[1]' },
      { code: 'invalid_type', path: 'enabled_for_profiles[2]' },
    ]);
    expectIssue(minimalWith(['enabled_for_profiles'], 42), 'general', 'invalid_type', 'enabled_for_profiles');
    expectIssue(minimalWith(['enabled_for_profiles'], { 0: 42 }), 'general', 'invalid_type', 'enabled_for_profiles');
  });

  it('the builder sets it (duplicates dropped), and from() keeps it', () => {
    const manifest = ManifestBuilder.general()
      .clientName('x')
      .quickLaunchEnabled()
      .entryUri('https://apps.example.com/appentry')
      .enabledForProfiles(42, 43, 42)
      .build();
    expect(JSON.stringify(manifest)).to.equal(JSON.stringify(EXAMPLE));
    expect(ManifestBuilder.from(EXAMPLE).build()).to.deep.equal(EXAMPLE);
    const error = thrownBy(() => ManifestBuilder.general().clientName('x').enabledForProfiles(0).build());
    expect(error.issues.map((issue) => `${issue.path} ${issue.code}`)).to.deep.equal([
      'enabled_for_profiles[0] invalid_agent_profile_id',
    ]);
  });
});

describe('server-assigned keys (from a fetched installation)', () => {
  const SECRET = 'S3CR3T-client-secret-VALUE';
  const ASSIGNED: Json = {
    client_id: 'a1b2c3d4-0000-4000-8000-aabbccddeeff',
    client_secret: SECRET,
    client_id_issued_at: 1_700_000_000,
    client_secret_expires_at: 0,
    id: 'a1b2c3d4-0000-4000-8000-aabbccddeeff',
    deleted: false,
    installation_type: 'PRIVATE',
    is_internal: false,
  };

  for (const profile of PROFILES_UNDER_TEST) {
    it(`each is an error of its own code, not unknown_key, at its path (${profile})`, () => {
      const issues = expectIssues(
        { ...baseFor(profile), ...ASSIGNED },
        profile,
        Object.keys(ASSIGNED).map((key) => ({ code: 'server_assigned_key' as const, path: key })),
      );
      for (const issue of issues) {
        if (issue.path === 'client_secret') continue;
        expect(issue.message).to.equal(
          `${JSON.stringify(issue.path)} is assigned by LivePerson when the app is installed: remove it before submitting the manifest`,
        );
      }
    });
  }

  it('client_secret: a secret that does not belong in a manifest file; its value is never shown', () => {
    const issue = expectIssue(minimalWith(['client_secret'], SECRET), 'general', 'server_assigned_key', 'client_secret');
    expect(issue.message).to.contain('is a secret LivePerson assigns').and.to.contain('does not belong in a manifest file');
    expect(issue.message).to.contain('remove it before submitting');
    const error = thrownBy(() => ManifestBuilder.from({ ...minimal(), ...ASSIGNED }));
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error.issues),
      JSON.stringify(error.warnings),
      error.stack ?? '',
    ]) {
      expect(text).not.to.contain(SECRET);
      expect(text).not.to.contain('a1b2c3d4');
    }
  });

  it('whatever the value: an object, a number, a string, the key alone is reported', () => {
    for (const value of [{ nested: SECRET }, 7, SECRET, null]) {
      expectIssue(minimalWith(['client_secret'], value), 'general', 'server_assigned_key', 'client_secret');
    }
  });

  it('a near miss is still an unknown key with a hint (client_ids is not assigned by LivePerson)', () => {
    expectIssue(minimalWith(['client_ids'], 'x'), 'general', 'unknown_key', 'client_ids');
  });
});

describe('scope: the values LivePerson accepts, and what is wrong said as it is', () => {
  for (const scope of [
    'msg.consumer faas.lambdas',
    'livedeflect',
    'faas.lambdas',
    'msg.consumer livedeflect faas.my-fn_1.v2',
    'faas.a faas.b faas.A',
  ]) {
    it(`accepts ${JSON.stringify(scope)} in the general profile (issue 12)`, () => {
      expectClean(minimalWith(['scope'], scope));
    });
  }

  it('writes the table values in table order, then the faas.<name> values as written', () => {
    expect(expectClean(minimalWith(['scope'], 'faas.z livedeflect faas.a msg.consumer'))['scope']).to.equal(
      'msg.consumer livedeflect faas.z faas.a',
    );
  });

  it('the builder takes them too', () => {
    expect(ManifestBuilder.general().clientName('x').scope('msg.consumer', 'faas.lambdas').build().scope).to.equal(
      'msg.consumer faas.lambdas',
    );
  });

  for (const value of ['faas.', 'faas.a/b', 'faas.λ', 'faas.a:b', 'FAAS.x', 'faas', 'msg.consumers', 'livedeflect.x']) {
    it(`rejects ${JSON.stringify(value)}, saying what is supported`, () => {
      const issue = expectIssue(minimalWith(['scope'], `msg.consumer ${value}`), 'general', 'invalid_scope', 'scope');
      expect(issue.message).to.contain(JSON.stringify(value)).and.to.contain('"faas.<name>"');
      expect(issue.message).to.contain('a <name> is letters, digits, ".", "_" and "-"');
    });
  }

  it('suggests the value a near miss means', () => {
    const issue = expectIssue(minimalWith(['scope'], 'MSG.CONSUMER'), 'general', 'invalid_scope', 'scope');
    expect(issue.message).to.contain('did you mean "msg.consumer"?');
  });

  for (const [scope, found] of [
    ['msg.consumer  livedeflect', 'two or more spaces in a row'],
    [' msg.consumer', 'a space at the start'],
    ['msg.consumer ', 'a space at the end'],
    ['  msg.consumer   livedeflect ', 'a space at the start, a space at the end, two or more spaces in a row'],
  ] as const) {
    it(`${JSON.stringify(scope)}: one spacing issue that says what it found, and no empty value`, () => {
      const issue = expectIssue(minimalWith(['scope'], scope), 'general', 'scope_spacing', 'scope');
      expect(issue.message).to.equal(`separate scope values with single spaces, none at the start or end: found ${found}`);
    });
  }

  it('a tab is not a separator: the value with it is not supported', () => {
    expectIssue(minimalWith(['scope'], 'msg.consumer\tlivedeflect'), 'general', 'invalid_scope', 'scope');
  });

  it('"faas.a faas.a": a repeated value', () => {
    expectIssue(minimalWith(['scope'], 'faas.a faas.a'), 'general', 'duplicate_item', 'scope');
  });

  for (const scope of ['msg.consumer faas.lambdas', 'livedeflect', 'faas.lambdas']) {
    it(`the connector profile still needs exactly "msg.consumer": ${JSON.stringify(scope)} is rejected`, () => {
      const issue = expectIssue(templateWith(['scope'], scope), 'connector', 'connector_required_value', 'scope');
      expect(issue.message).to.equal('must be "msg.consumer" in the connector profile');
    });
  }
});

describe('messages that lead to the fix in one round', () => {
  it('a connector without grant_types or scope is told the values it needs', () => {
    const value = templateWith(['grant_types'], REMOVE);
    delete value['scope'];
    const issues = expectIssues(value, 'connector', [
      { code: 'required', path: 'grant_types' },
      { code: 'required', path: 'scope' },
    ]);
    expect(issues.map((issue) => issue.message)).to.deep.equal([
      'is required in the connector profile: set it to ["client_credentials"]',
      'is required in the connector profile: set it to "msg.consumer"',
    ]);
    const error = thrownBy(() => ManifestBuilder.from({ client_name: 'x' }, { profile: 'connector' }));
    expect(error.message).to.contain('set it to ["client_credentials"]').and.to.contain('set it to "msg.consumer"');
  });

  it('a field required in every profile says only that', () => {
    expect(expectIssue({}, 'general', 'required', 'client_name').message).to.equal('is required');
  });

  it('"logo_uri": "URL for your logo" is told what the value must be, not about its white space', () => {
    const issue = expectIssue(minimalWith(['logo_uri'], 'URL for your logo'), 'general', 'invalid_logo_uri', 'logo_uri');
    expect(issue.message).to.equal('must be an "https://" URL or a root-relative path starting with "/"');
  });

  it('the same for every URL field: the form first, white space only in a value of that form', () => {
    expect(issuesOf(minimalWith(['logo_uri'], 'see logo.png'))).to.deep.equal(['logo_uri invalid_logo_uri']);
    expect(issuesOf(minimalWith(['redirect_uris'], ['my callback']))).to.deep.equal(['redirect_uris[0] invalid_redirect_uri']);
    expect(issuesOf(minimalWith(['entry_uri'], 'the launch page'))).to.deep.equal(['entry_uri url_not_https']);
    expect(issuesOf(minimalWith(['capabilities', 'webhooks', CONVERSATION], { endpoint: 'your endpoint here' }))).to.deep.equal([
      `${CONVERSATION_PATH}.endpoint url_not_https`,
    ]);
    // In the right form, the white space is the problem.
    expect(issuesOf(minimalWith(['logo_uri'], '/my logo.png'))).to.deep.equal(['logo_uri url_has_whitespace']);
    expect(issuesOf(minimalWith(['logo_uri'], ' /logo.png'))).to.deep.equal(['logo_uri url_has_whitespace']);
    expect(issuesOf(minimalWith(['redirect_uris'], ['https://app.example.com/my cb']))).to.deep.equal([
      'redirect_uris[0] url_has_whitespace',
    ]);
  });

  it('retryRetention(1) and retention_time out of range give the unit and the longest in words (issue 10)', () => {
    const error = thrownBy(() => ManifestBuilder.general().clientName('x').retryRetention(1).build());
    expect(error.issues.map((issue) => issue.message)).to.deep.equal(['must be between 2 and 259200 seconds (3 days)']);
    for (const seconds of [1, 259_201]) {
      const issue = expectIssue(
        withValue(minimal(), ['capabilities', 'webhooks', 'retry'], { retention_time: seconds }),
        'general',
        'out_of_range',
        'capabilities.webhooks.retry.retention_time',
      );
      expect(issue.message).to.equal('must be between 2 and 259200 seconds (3 days)');
    }
  });
});
