/**
 * An issue carries its data: every code's `params` reach a wording table
 * given to formatIssue() exactly as they are, the built-in message is worded
 * from them alone, they are deep-frozen plain data, and they hold tags, not
 * English.
 */
import { expect } from 'chai';
import {
  formatIssue,
  ISSUE_CODES,
  MESSAGES,
  validateManifest,
  type IssueCode,
  type IssueMessages,
  type IssueParams,
  type ValidateOptions,
  type ValidationIssue,
} from '../../src/index.js';
import { FILE_ISSUE_CODES, fileIssue, type FileIssueCode, type FileIssueParams } from '../../src/cli/file-issues.js';
import { makeIssue } from '../../src/validation/issue.js';
import { issueLine } from '../../src/validation/error.js';
import { CONTENT, CONTENT_PATH, minimal, minimalWith, REMOVE, template, templateWith } from './helpers.js';

/** One set of parameters per code, as a caller of makeIssue() could give them. Typed: a code without a sample does not compile. */
const SAMPLES: { readonly [TCode in IssueCode]: IssueParams[TCode] } = {
  invalid_type: { expected: 'string', received: 'instance', className: 'Date' },
  required: { expected: ['client_credentials'] },
  unknown_key: { key: 'client_nme', suggestion: 'client_name' },
  unknown_key_not_shown: { start: 'Authorization' },
  invalid_options: { option: 'profil', suggestion: 'profile', known: ['profile'] },
  misspelled_webhook_event: { key: 'a', suggestion: 'b' },
  unreadable_value: {},
  invalid_profile: { value: 'agent', received: 'string' },
  too_long: { max: 128, actual: 300, profile: 'general' },
  blank: {},
  control_character: {},
  too_few_items: { min: 1 },
  invalid_enum_value: { value: 'pasword', allowed: ['password', 'code'], suggestion: 'password' },
  duplicate_item: { value: 'code' },
  connector_required_value: { rule: 'includes', expected: 'client_credentials' },
  invalid_scope: { value: 'everything', allowed: ['msg.consumer', 'faas.<name>'] },
  invalid_language_tag: { tag: 'fr_FR' },
  duplicate_language_tag: { tag: 'fr-fr', other: 'fr-FR' },
  localized_name_without_client_name: {},
  url_not_https: {},
  url_malformed: {},
  url_has_credentials: { use: 'redirect', backslash: false },
  url_has_whitespace: {},
  url_empty: {},
  url_missing: {},
  url_scheme_not_lower_case: { written: 'HTTPS', expected: 'https' },
  url_scheme_repeated: { written: 'https://http://', expected: 'https://hooks.acme-corp.com/…' },
  url_placeholder: { placeholder: '{domain}' },
  url_not_ascii: { character: 'ü', punycodeHost: 'xn--bcher-kva.example' },
  url_invalid_character: { character: '|', position: 27 },
  url_invalid_percent_encoding: { position: 29 },
  url_invalid_host: { host: 'my_host.example.com', problem: 'character', character: '_' },
  url_host_mismatch: { host: '0x7f.1', parsed: '127.0.0.1' },
  url_invalid_port: {},
  url_too_long: { max: 2048, actual: 2100 },
  invalid_logo_uri: {},
  invalid_redirect_uri: {},
  redirect_uri_has_fragment: {},
  redirect_uri_insecure_http: {},
  not_integer: { min: 0, max: 5 },
  out_of_range: { min: 2, max: 259_200, unit: 'seconds' },
  invalid_header_name: { problem: 'trailing_colon', suggestion: 'Authorization' },
  reserved_header_name: { prefix: 'x-liveperson-' },
  header_value_control_character: {},
  duplicate_header_name: { name: 'X-Token' },
  server_assigned_key: { key: 'client_secret', secret: true },
  invalid_agent_profile_id: { max: 2_147_483_647 },
  scope_spacing: { leading: true, trailing: false, repeated: true },
  framing_header_name: { name: 'Content-Length' },
  header_value_not_ascii: {},
  unresolved_placeholder: { variable: 'LP_HOST', empty: false },
  malformed_placeholder: {},
  max_retries_with_retention: {},
  code_without_authorization_code: {},
  authorization_code_without_redirect_uris: {},
  unreachable_endpoint_host: { host: 'localhost' },
  single_label_host: { host: 'your' },
  body_header_name: { name: 'Content-Type' },
  header_value_whitespace: { problem: 'padded' },
  endpoint_has_fragment: { requested: 'https://hooks.example.com/foo?query=123' },
  trailing_dot_host: { host: 'hooks.example.com.', expected: 'hooks.example.com' },
  allowed_unknown_key: { key: 'categories' },
  header_name_underscore: { name: 'access_key', suggestion: 'access-key' },
  template_leftover: { kind: 'host', value: 'your-domain.com', origin: 'your_label' },
  connector_without_webhooks: { missing: 'events' },
};

/** The same for the CLI's own codes (file-issues.ts). */
const FILE_SAMPLES: { readonly [TCode in FileIssueCode]: FileIssueParams[TCode] } = {
  file_not_found: { partIsNotDirectory: false },
  file_unreadable: { errno: 'EACCES' },
  file_is_directory: {},
  folder_without_json: {},
  file_too_large: { limit: 1_048_576, size: 2_097_152 },
  file_empty: {},
  file_not_utf8: {},
  invalid_json: { reason: 'trailing_comma_object', line: 4, column: 1 },
  duplicate_key: { key: 'endpoint', first: { line: 6, column: 9 }, again: { line: 7, column: 9 } },
  duplicate_key_not_shown: { start: 'Authorization', first: { line: 6, column: 9 }, again: { line: 7, column: 9 } },
  logo_unreadable: { file: 'logo.png', reason: 'not_an_image' },
  logo_wrong_size: { file: 'logo.png', width: 64, height: 32, size: 48 },
  schema_profile_mismatch: { schemaProfile: 'general', profile: 'connector' },
};

/** A wording table that writes out the params it is given (and checks it is given the issue too). */
const DUMP: IssueMessages = Object.fromEntries(
  ISSUE_CODES.map((code) => [code, (params: unknown, issue: ValidationIssue) => `${issue.code}=${JSON.stringify(params)}`]),
);

/** Every object and array in a value, itself first. */
function objectsIn(value: unknown, found: object[] = []): object[] {
  if (typeof value === 'object' && value !== null) {
    found.push(value);
    for (const entry of Object.values(value)) objectsIn(entry, found);
  }
  return found;
}

function expectPlainDeepFrozen(params: unknown, where: string): void {
  for (const node of objectsIn(params)) {
    expect(Object.isFrozen(node), `${where}: ${JSON.stringify(node)} is frozen`).to.equal(true);
    expect([Object.prototype, Array.prototype], `${where}: plain data`).to.include(Object.getPrototypeOf(node));
    for (const [key, entry] of Object.entries(node)) {
      expect(entry, `${where}: ${key} is set (an unset parameter is left out)`).not.to.equal(undefined);
      expect(typeof entry, `${where}: ${key}`).to.be.oneOf(['string', 'number', 'boolean', 'object']);
    }
  }
}

/** Manifests and the issues (code at path) they must bring back, params included, covering the codes whose params are made from the input. */
const MADE: readonly {
  readonly value: unknown;
  readonly options?: ValidateOptions;
  readonly code: IssueCode;
  readonly path: string;
  readonly params: object;
  readonly message: string;
}[] = [
  {
    value: minimalWith(['client_name'], 42),
    code: 'invalid_type',
    path: 'client_name',
    params: { expected: 'string', received: 'number' },
    message: 'must be a string, got a number',
  },
  {
    value: minimalWith(['capabilities'], new Date(0)),
    code: 'invalid_type',
    path: 'capabilities',
    params: { expected: 'object', received: 'instance', className: 'Date' },
    message: 'must be an object, got an instance of Date',
  },
  {
    value: minimalWith(['enabled_for_profiles'], ['1']),
    code: 'invalid_type',
    path: 'enabled_for_profiles[0]',
    params: { expected: 'positive_integer', received: 'string' },
    message: 'must be a positive integer, got a string',
  },
  {
    value: minimal(),
    options: { profile: 'connector' },
    code: 'required',
    path: 'grant_types',
    params: { expected: ['client_credentials'] },
    message: 'is required in the connector profile: set it to ["client_credentials"]',
  },
  {
    value: {},
    code: 'required',
    path: 'client_name',
    params: {},
    message: 'is required',
  },
  {
    value: minimalWith(['grant_types'], ['authorization_code']),
    options: { profile: 'connector' },
    code: 'connector_required_value',
    path: 'grant_types',
    params: { rule: 'includes', expected: 'client_credentials' },
    message: 'must be a list that includes "client_credentials" in the connector profile',
  },
  {
    value: minimalWith(['scope'], 'faas.lambdas'),
    options: { profile: 'connector' },
    code: 'connector_required_value',
    path: 'scope',
    params: { rule: 'equals', expected: 'msg.consumer' },
    message: 'must be "msg.consumer" in the connector profile',
  },
  {
    value: templateWith(['capabilities', 'webhooks', 'retry'], { retention_time: 1 }),
    code: 'out_of_range',
    path: 'capabilities.webhooks.retry.retention_time',
    params: { min: 2, max: 259_200, unit: 'seconds' },
    message: 'must be between 2 and 259200 seconds (3 days)',
  },
  {
    value: templateWith(['capabilities', 'webhooks', CONTENT, 'max_retries'], 2.5),
    code: 'not_integer',
    path: `${CONTENT_PATH}.max_retries`,
    params: { min: 0, max: 5 },
    message: 'must be a whole number between 0 and 5',
  },
  {
    value: minimalWith(['client_nme'], 'Acme'),
    code: 'unknown_key',
    path: 'client_nme',
    params: { key: 'client_nme', suggestion: 'client_name' },
    message: 'unknown key "client_nme"; did you mean "client_name"?',
  },
  {
    value: minimalWith(['zzzzzzzzzzzz'], 1),
    code: 'unknown_key',
    path: 'zzzzzzzzzzzz',
    params: { key: 'zzzzzzzzzzzz' },
    message: 'unknown key "zzzzzzzzzzzz"',
  },
  {
    value: templateWith(['capabilities', 'webhooks', CONTENT, 'endpoint'], 'https://your/webhooks/endpoint'),
    code: 'single_label_host',
    path: `${CONTENT_PATH}.endpoint`,
    params: { host: 'your' },
    message:
      'host "your" is a single label (no dot): not a public DNS name, so it cannot be reached over the internet (most likely an unfilled placeholder); use the full host name, e.g. "hooks.example.com"',
  },
  ...(
    [
      [
        'X Api Key',
        { problem: 'whitespace' },
        'must not contain white space (an HTTP token, RFC 9110 §5.6.2): a name is one word, such as "X-Api-Key" (words joined with "-"); if a value follows the name (a key, a token, a password), put the value in "header_value" (the name is not shown: it may hold a secret)',
      ],
      [
        'Authorization:',
        { problem: 'trailing_colon', suggestion: 'Authorization' },
        'must not end with ":" (the colon separates a header\'s name from its value; it is no part of the name): write "Authorization"',
      ],
      [
        ':authority',
        { problem: 'pseudo_header' },
        'is an HTTP/2 pseudo-header (it starts with ":", RFC 9113 §8.3): the HTTP client sets these from the request itself (":authority" from the endpoint\'s host, ":path" from its path); remove this header',
      ],
      ['a/b', {}, "must be an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only"],
    ] as const
  ).map(([name, params, message]) => ({
    value: templateWith(['capabilities', 'webhooks', CONTENT, 'headers'], [{ header_name: name, header_value: 'v' }]),
    code: 'invalid_header_name' as const,
    path: `${CONTENT_PATH}.headers[0].header_name`,
    params,
    message,
  })),
  {
    value: templateWith(['capabilities', 'webhooks', CONTENT, 'headers'], [{ header_name: 'access_key', header_value: 'v' }]),
    code: 'header_name_underscore',
    path: `${CONTENT_PATH}.headers[0].header_name`,
    params: { name: 'access_key', suggestion: 'access-key' },
    message:
      '"access_key" has "_": valid, but nginx\'s default configuration (underscores_in_headers off) drops such a header, so it may never reach your server; write "access-key", or make sure every proxy on the way accepts "_"',
  },
  {
    value: templateWith(['capabilities', 'webhooks', CONTENT, 'endpoint'], 'https://YOUR-APP.example.com/'),
    code: 'template_leftover',
    path: `${CONTENT_PATH}.endpoint`,
    params: { kind: 'host', value: 'your-app.example.com', origin: 'your_label' },
    message:
      'host "your-app.example.com" has a label starting "your-", as a template\'s text to fill in does: replace it with your server\'s host name',
  },
  {
    value: templateWith(['capabilities', 'webhooks', CONTENT, 'endpoint'], 'https://example.com/lp/webhooks/content'),
    code: 'template_leftover',
    path: `${CONTENT_PATH}.endpoint`,
    params: { kind: 'host', value: 'example.com', origin: 'init_starter' },
    message:
      'host "example.com" is the placeholder host that "lp-app-manifest init" writes (reserved for documentation, RFC 2606): replace it with your server\'s host name',
  },
  {
    value: minimalWith(['client_name'], 'My First LE-App'),
    code: 'template_leftover',
    path: 'client_name',
    params: { kind: 'text', value: 'My First LE-App', origin: 'liveperson_template' },
    message:
      '"My First LE-App" is the placeholder text of LivePerson\'s documented template: replace it with your app\'s own text',
  },
  {
    value: minimalWith(['description'], 'What the connector does, in a sentence'),
    code: 'template_leftover',
    path: 'description',
    params: { kind: 'text', value: 'What the connector does, in a sentence', origin: 'init_starter' },
    message:
      '"What the connector does, in a sentence" is the starter text that "lp-app-manifest init" writes: replace it with your app\'s own text',
  },
  {
    value: minimalWith(['client_name'], '{Your App Name}'),
    code: 'template_leftover',
    path: 'client_name',
    params: { kind: 'text', value: '{Your App Name}', origin: 'placeholder' },
    message: '"{Your App Name}" is wholly in brackets, like a placeholder left to fill in: replace it with your app\'s own text',
  },
  {
    value: templateWith(['capabilities'], {}),
    options: { profile: 'connector' },
    code: 'connector_without_webhooks',
    path: 'capabilities.webhooks',
    params: { missing: 'webhooks' },
    message:
      'there is no "webhooks" object, so no webhook: a Connector API app receives nothing without a webhook; add one for each event it handles, e.g. "ms.MessagingEventNotification.ContentEvent"',
  },
  {
    value: templateWith(['capabilities'], REMOVE),
    options: { profile: 'connector' },
    code: 'connector_without_webhooks',
    path: 'capabilities',
    params: { missing: 'capabilities' },
    message:
      'there is no "capabilities" object, so no webhook: a Connector API app receives nothing without a webhook; add one for each event it handles, e.g. "ms.MessagingEventNotification.ContentEvent"',
  },
];

describe('issue params', () => {
  it('every code has a sample here (the table is typed, and checked against ISSUE_CODES at run time)', () => {
    expect(Object.keys(SAMPLES).sort()).to.deep.equal([...ISSUE_CODES].sort());
  });

  for (const code of ISSUE_CODES) {
    it(`${code}: params round-trip through formatIssue with a wording table, and MESSAGES words them as the issue's message`, () => {
      const given = structuredClone(SAMPLES[code]) as IssueParams[typeof code];
      const issue = makeIssue(['capabilities', 'webhooks'], code, given);
      expect(issue.params).to.deep.equal(SAMPLES[code]);
      expect(formatIssue(issue, DUMP)).to.equal(`capabilities.webhooks: ${code}=${JSON.stringify(SAMPLES[code])} [${code}]`);
      expect(formatIssue(issue)).to.equal(`capabilities.webhooks: ${issue.message} [${code}]`);
      expect((MESSAGES[code] as (params: unknown) => string)(issue.params)).to.equal(issue.message);
      expectPlainDeepFrozen(issue.params, code);
      // makeIssue copies: the caller's objects are neither frozen nor shared.
      expect(objectsIn(given).some((node) => Object.isFrozen(node))).to.equal(false);
      expect(objectsIn(issue.params).some((node) => objectsIn(given).includes(node))).to.equal(false);
    });
  }

  for (const code of FILE_ISSUE_CODES) {
    it(`the CLI's ${code}: params copied into plain deep-frozen data, worded into its message`, () => {
      const given = structuredClone(FILE_SAMPLES[code]) as FileIssueParams[typeof code];
      const issue = fileIssue(['capabilities', 'webhooks'], code, given);
      expect(issue.params).to.deep.equal(FILE_SAMPLES[code]);
      expect(issueLine(issue)).to.equal(`capabilities.webhooks: ${issue.message} [${code}]`);
      expectPlainDeepFrozen(issue.params, code);
      expect(objectsIn(given).some((node) => Object.isFrozen(node))).to.equal(false);
      expect(objectsIn(issue.params).some((node) => objectsIn(given).includes(node))).to.equal(false);
    });
  }

  it('an unset optional parameter is left out, as in JSON', () => {
    const issue = makeIssue([], 'unknown_key', { key: 'x', suggestion: undefined });
    expect(Object.keys(issue.params)).to.deep.equal(['key']);
  });

  for (const made of MADE) {
    it(`the validator's ${made.code} at ${made.path}: ${JSON.stringify(made.params)}`, () => {
      const result = validateManifest(made.value, made.options);
      const all = [...(result.ok ? [] : result.issues), ...result.warnings];
      const issue = all.find((candidate) => candidate.code === made.code && candidate.path === made.path);
      expect(issue, JSON.stringify(all.map((candidate) => [candidate.code, candidate.path]))).not.to.equal(undefined);
      expect(issue!.params).to.deep.equal(made.params);
      expect(issue!.message).to.equal(made.message);
      expect(formatIssue(issue!, DUMP)).to.equal(`${made.path}: ${made.code}=${JSON.stringify(made.params)} [${made.code}]`);
    });
  }

  it('every issue of the validator has deep-frozen plain params, worded by MESSAGES into its message', () => {
    const inputs: [unknown, ValidateOptions | undefined][] = [
      ...MADE.map((made): [unknown, ValidateOptions | undefined] => [made.value, made.options]),
      [template(), { profile: 'connector' }],
      [minimalWith(['grant_types'], ['pasword', 'code', 'code']), undefined],
      [minimalWith(['scope'], ' msg.consumer  msg.consumr'), undefined],
      [minimalWith(['redirect_uris'], ['https://bücher.example/cb', 'https://my_host.example.com/cb']), undefined],
      [minimal(), { profile: 'agent' } as unknown as ValidateOptions],
      [minimal(), { profile: 42 } as unknown as ValidateOptions],
    ];
    let seen = 0;
    for (const [value, options] of inputs) {
      const result = validateManifest(value, options);
      for (const issue of [...(result.ok ? [] : result.issues), ...result.warnings]) {
        seen++;
        expectPlainDeepFrozen(issue.params, `${issue.code} at ${issue.path}`);
        expect((MESSAGES[issue.code] as (params: unknown) => string)(issue.params)).to.equal(issue.message);
        expect(Object.keys(issue)).to.deep.equal(['code', 'severity', 'path', 'segments', 'params', 'message']);
      }
    }
    expect(seen).to.be.greaterThan(15);
  });

  it('invalid_profile says what was given, as a tag where it is not a string', () => {
    const named = validateManifest(minimal(), { profile: 'agent' } as unknown as ValidateOptions);
    const number = validateManifest(minimal(), { profile: 42 } as unknown as ValidateOptions);
    expect(named.ok || named.issues[0].params).to.deep.equal({ value: 'agent', received: 'string' });
    expect(number.ok || number.issues[0].params).to.deep.equal({ received: 'number' });
    expect(number.ok || number.issues[0].message).to.equal('unknown profile "a number"; use "general" or "connector"');
  });

  it('paths and segments are the same for places the validator keeps and for those it does not (past its bound, long keys)', () => {
    const keys = Array.from({ length: 6000 }, (_, i) =>
      // (Keys that are names: one that is not is reported at its object, unquoted, as unknown_key_not_shown.)
      i % 3 === 0 ? `k${i}` : i % 3 === 1 ? `${'x'.repeat(200)}${i}` : `a-b'${i}'|~`,
    );
    const input = { client_name: 'Acme', ...Object.fromEntries(keys.map((key) => [key, 1])) };
    for (let run = 0; run < 2; run++) {
      const result = validateManifest(input, { maxIssues: Number.POSITIVE_INFINITY });
      expect(result.ok).to.equal(false);
      const issues = result.ok ? [] : result.issues;
      expect(issues.length).to.equal(keys.length);
      for (const issue of issues) {
        expect(issue.path).to.equal(makeIssue(issue.segments, 'blank', {}).path);
        expect(Object.isFrozen(issue.segments)).to.equal(true);
      }
      expect(issues.map((issue) => issue.segments[0]).sort()).to.deep.equal([...keys].sort());
    }
  });

  it('formatIssue reads only own entries of a wording table, and ignores what Array.prototype.map passes', () => {
    const issue = makeIssue(['client_name'], 'blank', {});
    const inherited = Object.create({ blank: () => 'inherited' }) as IssueMessages;
    expect(formatIssue(issue, inherited)).to.equal('client_name: must not be blank [blank]');
    expect([issue].map(formatIssue)).to.deep.equal(['client_name: must not be blank [blank]']);
  });
});
