/**
 * The order of issues: within an object, its fields in the rules' order, each
 * field's issues together (a missing field's `required` in its place); a
 * list's items in order; the cross-field checks last. One rule for every
 * object of the rules tree (the walk is one generic walk over it).
 */
import { expect } from 'chai';
import { validateManifest } from '../../src/index.js';
import { ENGAGEMENT_FIELDS } from '../../src/rules/tables.js';
import { CONTENT } from './helpers.js';

/** The errors, then the warnings, as `code@path`. */
const issuesOf = (input: unknown, profile: 'general' | 'connector' = 'general'): string[] => {
  const result = validateManifest(input, { profile });
  return [...(result.ok ? [] : result.issues), ...result.warnings].map((issue) => `${issue.code}@${issue.path}`);
};

describe('issue order', () => {
  it('a header: the name (and whether it was seen before in the list), then the value', () => {
    const headers = [
      { header_name: 'Bad Name', header_value: 5 },
      { header_name: 'X-A', header_value: 'a' },
      { header_name: 'x-a', header_value: 'b\n' },
    ];
    const at = `capabilities.webhooks["${CONTENT}"].headers`;
    expect(
      issuesOf({ client_name: 'A', capabilities: { webhooks: { [CONTENT]: { endpoint: 'https://a.example.com/', headers } } } }),
    ).to.deep.equal([
      `invalid_header_name@${at}[0].header_name`,
      `invalid_type@${at}[0].header_value`,
      `duplicate_header_name@${at}[2].header_name`,
      `header_value_control_character@${at}[2].header_value`,
    ]);
  });

  it('the engagement block: its fields in the order of the rules, a missing one where it would be', () => {
    const keys = Object.keys(ENGAGEMENT_FIELDS);
    expect(
      issuesOf({ client_name: 'A', capabilities: { engagement: { design_engagement: 'x', entry_point: ['url'] } } }),
    ).to.deep.equal(
      keys
        .filter((key) => key !== 'entry_point')
        .map((key) => `${key === 'design_engagement' ? 'invalid_type' : 'required'}@capabilities.engagement.${key}`),
    );
  });

  it('the top level: fields in the order of the rules, localized names right after client_name; the cross-field warnings after the errors', () => {
    expect(
      issuesOf(
        { response_types: ['code'], 'client_name#x-': 'A', client_name: 5, logo_uri: 'http://a.example.com/l.png' },
        'connector',
      ),
    ).to.deep.equal([
      'invalid_type@client_name',
      'invalid_language_tag@["client_name#x-"]',
      'required@grant_types',
      'required@scope',
      'invalid_logo_uri@logo_uri',
      'code_without_authorization_code@response_types',
      'connector_without_webhooks@capabilities',
    ]);
  });
});
