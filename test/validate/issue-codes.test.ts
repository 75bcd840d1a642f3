import { expect } from 'chai';
import {
  httpsUrl,
  ISSUE_CODES,
  ManifestValidationError,
  validateManifest,
  validateTemplate,
  type IssueCode,
  type ValidateOptions,
  type ValidationIssue,
} from '../../src/index.js';
import {
  CONTENT,
  CONTENT_PATH,
  minimal,
  minimalWith,
  MISSPELLED_EVENT,
  template,
  templateWith,
  withEndpoint,
  withWebhook,
} from './helpers.js';

interface Example {
  /** The manifest: one thing wrong (or, for a warning, questionable). */
  readonly value: unknown;
  readonly options?: ValidateOptions;
  /** Where the issue must be reported. */
  readonly path: string;
  /** A warning: the manifest stays valid. */
  readonly warning?: true;
  /** Not a manifest's issue: `value` is given to `httpsUrl(value, path)`, which must throw it. */
  readonly httpsUrl?: true;
  /** A template's issue: `value` is given to `validateTemplate(value, { env })`. */
  readonly env?: Readonly<Record<string, string>>;
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const header = (header_name: string, header_value = 'v') => ({ header_name, header_value });
const CONVERSATION_ENDPOINT = 'capabilities.webhooks["cqm.ExConversationChangeNotification"].endpoint';
const withHeaders = (...headers: unknown[]) => withWebhook({ endpoint: 'https://hooks.example.com/lp', headers });
const MAX_RETRIES = ['capabilities', 'webhooks', CONTENT, 'max_retries'];
const engagement = () => (template()['capabilities'] as Record<string, unknown>)['engagement'];

/**
 * One example input per issue code. Typed by `IssueCode`, so adding a code
 * without an example here is a compile error; the test below checks the same
 * at run time against the exported `ISSUE_CODES`.
 */
const EXAMPLES: { readonly [TCode in IssueCode]: Example } = {
  unresolved_placeholder: { value: minimalWith(['description'], '${{ LP_DESCRIPTION }}'), path: 'description', env: {} },
  malformed_placeholder: { value: minimalWith(['description'], 'a ${{ 1X }}'), path: 'description', env: {} },
  invalid_type: { value: minimalWith(['client_name'], 42), path: 'client_name' },
  required: { value: {}, path: 'client_name' },
  unknown_key: { value: minimalWith(['client_nme'], 'Acme'), path: 'client_nme' },
  unknown_key_not_shown: {
    value: withHeaders({ header_name: 'X-A', header_value: 'a', 'Authorization: Bearer sk-SECRET': 'x' }),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0]',
  },
  misspelled_webhook_event: {
    value: minimalWith(['capabilities', 'webhooks', MISSPELLED_EVENT], { endpoint: 'https://hooks.example.com/lp' }),
    path: `capabilities.webhooks["${MISSPELLED_EVENT}"]`,
  },
  unreadable_value: {
    value: {
      get client_name(): string {
        throw new Error('getter');
      },
    },
    path: 'client_name',
  },
  invalid_profile: { value: minimal(), options: { profile: 'agent' } as unknown as ValidateOptions, path: '' },
  invalid_options: { value: minimal(), options: { profil: 'connector' } as unknown as ValidateOptions, path: '' },
  too_long: { value: minimalWith(['client_name'], 'a'.repeat(129)), path: 'client_name' },
  blank: { value: minimalWith(['client_name'], '   '), path: 'client_name' },
  control_character: { value: minimalWith(['client_name'], 'Acme\n'), path: 'client_name' },
  too_few_items: {
    value: minimalWith(['capabilities', 'engagement'], { ...(engagement() as object), entry_point: [] }),
    path: 'capabilities.engagement.entry_point',
  },
  invalid_enum_value: { value: minimalWith(['grant_types'], ['client_credential']), path: 'grant_types[0]' },
  duplicate_item: { value: minimalWith(['response_types'], ['code', 'code']), path: 'response_types[1]' },
  connector_required_value: {
    value: templateWith(['capabilities', 'engagement', 'design_engagement'], true),
    options: { profile: 'connector' },
    path: 'capabilities.engagement.design_engagement',
  },
  invalid_scope: { value: minimalWith(['scope'], 'msg.agent'), path: 'scope' },
  invalid_language_tag: { value: minimalWith(['client_name#fr_FR'], 'Acme'), path: '["client_name#fr_FR"]' },
  duplicate_language_tag: {
    value: { ...minimal(), 'client_name#FR': 'Acme', 'client_name#fr': 'Acme' },
    path: '["client_name#fr"]',
  },
  localized_name_without_client_name: { value: { 'client_name#fr': 'Acmé' }, path: '["client_name#fr"]' },
  url_not_https: { value: withEndpoint('http://hooks.example.com/lp'), path: CONVERSATION_ENDPOINT },
  url_malformed: { value: withEndpoint('https:///hooks.example.com/lp'), path: CONVERSATION_ENDPOINT },
  url_has_credentials: { value: withEndpoint('https://user:pw@hooks.example.com/lp'), path: CONVERSATION_ENDPOINT },
  url_has_whitespace: { value: withEndpoint('https://exa mple.com'), path: CONVERSATION_ENDPOINT },
  url_empty: { value: withEndpoint(''), path: CONVERSATION_ENDPOINT },
  // Not a manifest's: an unset value given to httpsUrl() (see below).
  url_missing: { value: undefined, httpsUrl: true, path: 'WEBHOOK_URL' },
  url_scheme_not_lower_case: { value: withEndpoint('HTTPS://hooks.example.com/lp'), path: CONVERSATION_ENDPOINT },
  url_scheme_repeated: { value: withEndpoint('https://http://hooks.acme-corp.com/lp'), path: CONVERSATION_ENDPOINT },
  url_placeholder: { value: withEndpoint('https://{domain}/event/ContentEvent'), path: CONVERSATION_ENDPOINT },
  url_not_ascii: { value: withEndpoint('https://bücher.example/lp'), path: CONVERSATION_ENDPOINT },
  url_invalid_character: { value: withEndpoint('https://hooks.example.com/a|b'), path: CONVERSATION_ENDPOINT },
  url_invalid_percent_encoding: { value: withEndpoint('https://hooks.example.com/100%'), path: CONVERSATION_ENDPOINT },
  url_invalid_host: { value: withEndpoint('https://my_host.example.com/lp'), path: CONVERSATION_ENDPOINT },
  url_host_mismatch: { value: withEndpoint('https://0x7f.1/lp'), path: CONVERSATION_ENDPOINT },
  url_invalid_port: { value: withEndpoint('https://hooks.example.com:99999/lp'), path: CONVERSATION_ENDPOINT },
  url_too_long: { value: withEndpoint(`https://hooks.example.com/${'a'.repeat(2048)}`), path: CONVERSATION_ENDPOINT },
  invalid_logo_uri: { value: minimalWith(['logo_uri'], '//cdn.example.com/x.png'), path: 'logo_uri' },
  invalid_redirect_uri: { value: minimalWith(['redirect_uris'], ['myapp:/cb']), path: 'redirect_uris[0]' },
  redirect_uri_has_fragment: {
    value: minimalWith(['redirect_uris'], ['https://app.example.com/cb#x']),
    path: 'redirect_uris[0]',
  },
  redirect_uri_insecure_http: { value: minimalWith(['redirect_uris'], ['http://example.com/cb']), path: 'redirect_uris[0]' },
  not_integer: { value: templateWith(MAX_RETRIES, 2.5), path: `${CONTENT_PATH}.max_retries` },
  out_of_range: { value: templateWith(MAX_RETRIES, 6), path: `${CONTENT_PATH}.max_retries` },
  invalid_header_name: {
    value: withHeaders(header('bad name')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0].header_name',
  },
  reserved_header_name: {
    value: withHeaders(header('X-LivePerson-Signature')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0].header_name',
  },
  header_value_control_character: {
    value: withHeaders(header('X-Token', 'a\r\nb')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0].header_value',
  },
  duplicate_header_name: {
    value: withHeaders(header('X-Token'), header('x-token')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[1].header_name',
  },
  max_retries_with_retention: {
    value: templateWith(['capabilities', 'webhooks', 'retry'], { retention_time: 60 }),
    path: `${CONTENT_PATH}.max_retries`,
    warning: true,
  },
  code_without_authorization_code: {
    value: minimalWith(['response_types'], ['code']),
    path: 'response_types',
    warning: true,
  },
  authorization_code_without_redirect_uris: {
    value: minimalWith(['grant_types'], ['authorization_code']),
    path: 'grant_types',
    warning: true,
  },
  unreachable_endpoint_host: { value: withEndpoint('https://localhost/lp'), path: CONVERSATION_ENDPOINT, warning: true },
  single_label_host: { value: withEndpoint('https://your/webhooks/endpoint'), path: CONVERSATION_ENDPOINT, warning: true },
  server_assigned_key: { value: minimalWith(['client_secret'], 'not-shown'), path: 'client_secret' },
  invalid_agent_profile_id: { value: minimalWith(['enabled_for_profiles'], [0]), path: 'enabled_for_profiles[0]' },
  scope_spacing: { value: minimalWith(['scope'], 'msg.consumer  livedeflect'), path: 'scope' },
  framing_header_name: {
    value: withHeaders(header('Content-Length', '0')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0].header_name',
  },
  header_value_not_ascii: {
    value: withHeaders(header('X-Tenant', '测试')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0].header_value',
  },
  body_header_name: {
    value: withHeaders(header('Content-Type', 'application/json')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0].header_name',
    warning: true,
  },
  header_value_whitespace: {
    value: withHeaders(header('Authorization', '')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0].header_value',
    warning: true,
  },
  endpoint_has_fragment: {
    value: withEndpoint('https://hooks.example.com/foo?query=123#ct=1000'),
    path: CONVERSATION_ENDPOINT,
    warning: true,
  },
  trailing_dot_host: { value: withEndpoint('https://hooks.example.com./lp'), path: CONVERSATION_ENDPOINT, warning: true },
  allowed_unknown_key: {
    value: minimalWith(['categories'], ['crm']),
    options: { allowKeys: ['categories'] },
    path: 'categories',
    warning: true,
  },
  header_name_underscore: {
    value: withHeaders(header('access_key')),
    path: 'capabilities.webhooks["cqm.ExConversationChangeNotification"].headers[0].header_name',
    warning: true,
  },
  template_leftover: { value: withEndpoint('https://your-domain.com/webhook'), path: CONVERSATION_ENDPOINT, warning: true },
  connector_without_webhooks: {
    value: templateWith(['capabilities', 'webhooks'], {}),
    options: { profile: 'connector' },
    path: 'capabilities.webhooks',
    warning: true,
  },
};

describe('ISSUE_CODES', () => {
  it('has an example input in this suite for every code, and no example for a code that does not exist', () => {
    expect(Object.keys(EXAMPLES)).to.have.members([...ISSUE_CODES]);
    expect(new Set(ISSUE_CODES).size).to.equal(ISSUE_CODES.length);
  });

  for (const code of ISSUE_CODES) {
    const example: Example = EXAMPLES[code];
    it(`${code}: produced ${example.warning ? 'as a warning' : 'as an error'} at ${example.path === '' ? '(root)' : example.path}`, () => {
      let reported: readonly ValidationIssue[];
      if (example.httpsUrl) {
        const error = catchError(() => httpsUrl(example.value as string | undefined, example.path));
        expect(error).to.be.instanceOf(ManifestValidationError);
        reported = (error as ManifestValidationError).issues;
      } else {
        const result =
          example.env === undefined
            ? validateManifest(example.value, example.options)
            : validateTemplate(example.value, { ...example.options, env: example.env });
        expect(result.ok, 'ok').to.equal(example.warning === true);
        reported = result.ok ? result.warnings : result.issues;
      }
      const issue = reported.find((candidate) => candidate.code === code && candidate.path === example.path);
      const seen = JSON.stringify(reported.map((candidate) => [candidate.code, candidate.path]));
      expect(issue, `${code} at ${example.path} among ${seen}`).not.to.equal(undefined);
      expect(issue?.severity).to.equal(example.warning ? 'warning' : 'error');
      expect(issue?.message).to.be.a('string').and.not.to.equal('');
    });
  }
});
