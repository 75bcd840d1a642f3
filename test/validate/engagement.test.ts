import { expect } from 'chai';
import { CONSUMER_IDENTITIES, ENTRY_POINTS, GOALS, TARGET_AUDIENCES, VISITOR_BEHAVIORS, type Profile } from '../../src/index.js';
import {
  expectClean,
  expectIssue,
  expectIssues,
  PROFILES_UNDER_TEST,
  REMOVE,
  template,
  withValue,
  type Json,
  ENGAGEMENT_FIELD_ORDER,
} from './helpers.js';

const ENGAGEMENT = ['capabilities', 'engagement'] as const;

const FIELDS = ENGAGEMENT_FIELD_ORDER;

/** The template's engagement block, valid in both profiles (in a minimal manifest for `general`). */
function base(profile: Profile): Json {
  const connector = template();
  if (profile === 'connector') return connector;
  const capabilities = connector['capabilities'] as Json;
  return { client_name: 'Acme', capabilities: { engagement: capabilities['engagement'] } };
}

const withField = (profile: Profile, field: string, value: unknown): Json =>
  withValue(base(profile), [...ENGAGEMENT, field], value);

const engagementOf = (manifest: Json): Json => (manifest['capabilities'] as Record<string, Json>)['engagement'] ?? {};

/** The enum-list fields, each with its table, a typo and what the typo should suggest. */
const LISTS = [
  { field: 'entry_point', values: ENTRY_POINTS, typo: 'sectoin', suggestion: 'section' },
  { field: 'visitor_behavior', values: VISITOR_BEHAVIORS, typo: 'cart_item', suggestion: 'cart_items' },
  { field: 'target_audience', values: TARGET_AUDIENCES, typo: 'returning_visitor', suggestion: 'returning_visitors' },
  { field: 'goal', values: GOALS, typo: 'purchase_totl', suggestion: 'purchase_total' },
  { field: 'consumer_identity', values: CONSUMER_IDENTITIES, typo: 'unath', suggestion: 'unauth' },
] as const;

describe('validateManifest: capabilities.engagement', () => {
  it('checks against the value tables of SPEC.md, in their order', () => {
    expect(ENTRY_POINTS).to.deep.equal(['section', 'url']);
    expect(VISITOR_BEHAVIORS).to.deep.equal([
      'visited_location',
      'time_on_location',
      'flow',
      'engaged_in_session',
      'about_to_abandon',
      'cart_value',
      'cart_items',
      'visitor_error',
      'viewed_products',
      'service_activity',
    ]);
    expect(TARGET_AUDIENCES).to.deep.equal([
      'external_referral',
      'search_keywords',
      'ip',
      'platform',
      'geo_location',
      'returning_visitors',
      'marketing_source',
      'customer_type',
      'age',
      'balance',
      'customer_id',
      'gender',
      'store_zip_code',
      'store_number',
      'company_size',
      'registration_date',
    ]);
    expect(GOALS).to.deep.equal(['url', 'purchase_total', 'num_of_pages', 'lead', 'service_activity']);
    expect(CONSUMER_IDENTITIES).to.deep.equal(['auth', 'unauth']);
  });

  it('accepts visitor_behavior "cart_items" (missing from the supported-values lists, present in every example)', () => {
    for (const profile of PROFILES_UNDER_TEST) {
      const manifest = expectClean(withField(profile, 'visitor_behavior', ['cart_items']), profile);
      expect(engagementOf(manifest)['visitor_behavior']).to.deep.equal(['cart_items']);
    }
  });

  for (const profile of PROFILES_UNDER_TEST) {
    describe(`in the ${profile} profile`, () => {
      it('accepts the documented block', () => {
        expect(engagementOf(expectClean(base(profile), profile))).to.deep.equal(engagementOf(template()));
      });

      for (const field of FIELDS) {
        it(`requires ${field}`, () => {
          const issue = expectIssue(withField(profile, field, REMOVE), profile, 'required', `capabilities.engagement.${field}`);
          expect(issue.segments).to.deep.equal(['capabilities', 'engagement', field]);
        });
      }

      it('requires all eight fields of an empty block, each reported', () => {
        expectIssues(
          withValue(base(profile), ENGAGEMENT, {}),
          profile,
          FIELDS.map((field) => ({ code: 'required' as const, path: `capabilities.engagement.${field}` })),
        );
      });

      it('must be an object', () => {
        expectIssue(withValue(base(profile), ENGAGEMENT, []), profile, 'invalid_type', 'capabilities.engagement');
        expectIssue(withValue(base(profile), ENGAGEMENT, true), profile, 'invalid_type', 'capabilities.engagement');
      });

      for (const [key, suggestion] of [
        ['entry_points', 'entry_point'],
        ['designEngagement', 'design_engagement'],
        ['goals', 'goal'],
        ['languageSelection', 'language_selection'],
      ] as const) {
        it(`rejects the unknown key ${JSON.stringify(key)}, suggesting ${JSON.stringify(suggestion)}`, () => {
          const issue = expectIssue(withField(profile, key, []), profile, 'unknown_key', `capabilities.engagement.${key}`);
          expect(issue.message).to.equal(`unknown key ${JSON.stringify(key)}; did you mean ${JSON.stringify(suggestion)}?`);
        });
      }

      it('rejects an unknown key without a hint when nothing is close', () => {
        const issue = expectIssue(withField(profile, 'priority', 1), profile, 'unknown_key', 'capabilities.engagement.priority');
        expect(issue.message).to.equal('unknown key "priority"');
      });

      for (const field of ['design_engagement', 'design_window', 'language_selection']) {
        it(`${field} must be a boolean`, () => {
          expectIssue(withField(profile, field, 'false'), profile, 'invalid_type', `capabilities.engagement.${field}`);
          expectIssue(withField(profile, field, 0), profile, 'invalid_type', `capabilities.engagement.${field}`);
          expectIssue(withField(profile, field, null), profile, 'invalid_type', `capabilities.engagement.${field}`);
        });
      }

      it('language_selection may be true', () => {
        const manifest = expectClean(withField(profile, 'language_selection', true), profile);
        expect(engagementOf(manifest)['language_selection']).to.equal(true);
      });

      // consumer_identity has its own rules in the connector profile (below)
      const lists = LISTS.filter((list) => profile === 'general' || list.field !== 'consumer_identity');
      for (const { field, values, typo, suggestion } of lists) {
        describe(field, () => {
          const at = `capabilities.engagement.${field}`;

          it('accepts every value of its table, returned in table order', () => {
            const manifest = expectClean(withField(profile, field, [...values].reverse()), profile);
            expect(engagementOf(manifest)[field]).to.deep.equal(values);
          });

          it(`rejects an unknown value, suggesting the close one (${JSON.stringify(typo)} -> ${JSON.stringify(suggestion)})`, () => {
            const issue = expectIssue(withField(profile, field, [values[0], typo]), profile, 'invalid_enum_value', `${at}[1]`);
            expect(issue.segments).to.deep.equal(['capabilities', 'engagement', field, 1]);
            expect(issue.message).to.contain(`did you mean ${JSON.stringify(suggestion)}?`);
          });

          it('rejects an unknown value without a hint when nothing is close', () => {
            const issue = expectIssue(
              withField(profile, field, [values[0], 'zzzzzzzzzz']),
              profile,
              'invalid_enum_value',
              `${at}[1]`,
            );
            expect(issue.message).not.to.contain('did you mean');
          });

          it('rejects a value listed twice', () => {
            expectIssue(withField(profile, field, [values[0], values[0]]), profile, 'duplicate_item', `${at}[1]`);
          });

          it('must be an array', () => {
            expectIssue(withField(profile, field, values[0]), profile, 'invalid_type', at);
            expectIssue(withField(profile, field, null), profile, 'invalid_type', at);
          });

          it('must hold strings', () => {
            expectIssue(withField(profile, field, [values[0], 1]), profile, 'invalid_type', `${at}[1]`);
          });
        });
      }

      it('entry_point must not be empty', () => {
        const issue = expectIssue(
          withField(profile, 'entry_point', []),
          profile,
          'too_few_items',
          'capabilities.engagement.entry_point',
        );
        expect(issue.message).to.equal('must have at least 1 item');
      });

      for (const field of ['visitor_behavior', 'target_audience', 'goal']) {
        it(`${field} may be empty`, () => {
          expect(engagementOf(expectClean(withField(profile, field, []), profile))[field]).to.deep.equal([]);
        });
      }
    });
  }

  describe('rules that differ between the profiles', () => {
    for (const field of ['design_engagement', 'design_window']) {
      it(`${field} must be false in the connector profile, and may be true in the general one`, () => {
        const issue = expectIssue(
          withField('connector', field, true),
          'connector',
          'connector_required_value',
          `capabilities.engagement.${field}`,
        );
        expect(issue.message).to.equal('must be false in the connector profile');
        expect(engagementOf(expectClean(withField('general', field, true), 'general'))[field]).to.equal(true);
      });
    }

    for (const identities of [['unauth'], ['auth', 'unauth'], ['unauth', 'auth']]) {
      it(`consumer_identity ${JSON.stringify(identities)} is rejected in the connector profile, accepted in the general one`, () => {
        const issue = expectIssue(
          withField('connector', 'consumer_identity', identities),
          'connector',
          'connector_required_value',
          'capabilities.engagement.consumer_identity',
        );
        expect(issue.message).to.equal('must be ["auth"] in the connector profile');
        expectClean(withField('general', 'consumer_identity', identities), 'general');
      });
    }

    it('consumer_identity must not be empty (general)', () => {
      expectIssue(
        withField('general', 'consumer_identity', []),
        'general',
        'too_few_items',
        'capabilities.engagement.consumer_identity',
      );
    });

    it('consumer_identity must not be empty, and must be ["auth"] (connector)', () => {
      expectIssues(withField('connector', 'consumer_identity', []), 'connector', [
        { code: 'too_few_items', path: 'capabilities.engagement.consumer_identity' },
        { code: 'connector_required_value', path: 'capabilities.engagement.consumer_identity' },
      ]);
    });

    it('consumer_identity with a misspelled value is also not ["auth"] (connector)', () => {
      expectIssues(withField('connector', 'consumer_identity', ['auth', 'unath']), 'connector', [
        { code: 'invalid_enum_value', path: 'capabilities.engagement.consumer_identity[1]' },
        { code: 'connector_required_value', path: 'capabilities.engagement.consumer_identity' },
      ]);
    });

    it('the engagement block is optional in both profiles', () => {
      for (const profile of PROFILES_UNDER_TEST) expectClean(withValue(base(profile), ENGAGEMENT, REMOVE), profile);
    });
  });
});
