import { expect } from 'chai';
import { WEBHOOK_EVENTS, type IssueCode } from '../../src/index.js';
import {
  baseFor,
  CONTENT,
  CONTENT_PATH,
  CONVERSATION,
  expectClean,
  expectIssue,
  expectIssues,
  expectValid,
  minimalWith,
  MISSPELLED_EVENT,
  PROFILES_UNDER_TEST,
  REMOVE,
  withValue,
  type Json,
} from './helpers.js';

const WEBHOOKS = ['capabilities', 'webhooks'] as const;
const ENDPOINT = 'https://hooks.example.com/lp';

/** The webhooks block of a validated manifest. */
const webhooksOf = (manifest: Json): Record<string, Record<string, unknown>> =>
  (manifest['capabilities'] as Record<string, Record<string, Record<string, unknown>>>)['webhooks'] ?? {};

describe('validateManifest: capabilities.webhooks', () => {
  for (const profile of PROFILES_UNDER_TEST) {
    describe(`in the ${profile} profile`, () => {
      // valid, without warnings, and with a ContentEvent webhook to change
      const base = (): Json =>
        profile === 'connector' ? baseFor(profile) : minimalWith([...WEBHOOKS, CONTENT], { endpoint: ENDPOINT });
      const withWebhooks = (webhooks: unknown) => withValue(base(), WEBHOOKS, webhooks);
      const withContent = (segments: readonly (string | number)[], value: unknown) =>
        withValue(base(), [...WEBHOOKS, CONTENT, ...segments], value);

      describe('the webhooks object', () => {
        for (const event of WEBHOOK_EVENTS) {
          it(`accepts the event ${event}`, () => {
            const manifest = expectClean(withWebhooks({ [event]: { endpoint: ENDPOINT } }), profile);
            expect(webhooksOf(manifest)).to.deep.equal({ [event]: { endpoint: ENDPOINT } });
          });
        }

        it(`may be empty${profile === 'connector' ? ', with a warning: a connector receives nothing without a webhook' : ''}`, () => {
          const { manifest, warnings } = expectValid(withWebhooks({}), profile);
          expect(webhooksOf(manifest)).to.deep.equal({});
          expect(warnings.map(({ code, path, params }) => ({ code, path, params }))).to.deep.equal(
            profile === 'connector'
              ? [{ code: 'connector_without_webhooks', path: 'capabilities.webhooks', params: { missing: 'events' } }]
              : [],
          );
        });

        it('must be an object', () => {
          expectIssue(withWebhooks([{ endpoint: ENDPOINT }]), profile, 'invalid_type', 'capabilities.webhooks');
          expectIssue(withWebhooks(ENDPOINT), profile, 'invalid_type', 'capabilities.webhooks');
        });

        it('rejects the ms. spelling of the fifth event and names the cqm. one', () => {
          const issue = expectIssue(
            withWebhooks({ [MISSPELLED_EVENT]: { endpoint: ENDPOINT } }),
            profile,
            'misspelled_webhook_event',
            `capabilities.webhooks["${MISSPELLED_EVENT}"]`,
          );
          expect(issue.segments).to.deep.equal(['capabilities', 'webhooks', MISSPELLED_EVENT]);
          expect(issue.message).to.contain('"cqm.ExConversationChangeNotification"');
        });

        it('still checks the body under the misspelled event, so renaming it reveals nothing new', () => {
          expectIssues(withWebhooks({ [MISSPELLED_EVENT]: { endpoint: 'http://hooks.example.com/lp' } }), profile, [
            { code: 'misspelled_webhook_event', path: `capabilities.webhooks["${MISSPELLED_EVENT}"]` },
            { code: 'url_not_https', path: `capabilities.webhooks["${MISSPELLED_EVENT}"].endpoint` },
          ]);
        });

        it('rejects an unknown event, suggesting the close one', () => {
          const typo = 'ms.MessagingEventNotification.ContentEvnt';
          const issue = expectIssue(
            withWebhooks({ [typo]: { endpoint: ENDPOINT } }),
            profile,
            'unknown_key',
            `capabilities.webhooks["${typo}"]`,
          );
          expect(issue.message).to.contain(`did you mean "${CONTENT}"?`);
        });

        it('rejects an unknown event without a hint when nothing is close', () => {
          const issue = expectIssue(
            withWebhooks({ 'ms.TypingEvent': { endpoint: ENDPOINT } }),
            profile,
            'unknown_key',
            'capabilities.webhooks["ms.TypingEvent"]',
          );
          expect(issue.message).to.equal('unknown key "ms.TypingEvent"');
        });

        it('rejects a misspelled retry key, suggesting "retry"', () => {
          const issue = expectIssue(
            withWebhooks({ Retry: { retention_time: 60 } }),
            profile,
            'unknown_key',
            'capabilities.webhooks.Retry',
          );
          expect(issue.message).to.contain('did you mean "retry"?');
        });
      });

      describe('one webhook', () => {
        it('must be an object', () => {
          expectIssue(withContent([], ENDPOINT), profile, 'invalid_type', CONTENT_PATH);
          expectIssue(withContent([], null), profile, 'invalid_type', CONTENT_PATH);
        });

        for (const [key, suggestion] of [
          ['max_retry', 'max_retries'],
          ['maxRetries', 'max_retries'],
          ['header', 'headers'],
        ] as const) {
          it(`rejects the unknown key ${JSON.stringify(key)}, suggesting ${JSON.stringify(suggestion)}`, () => {
            const issue = expectIssue(withContent([key], 1), profile, 'unknown_key', `${CONTENT_PATH}.${key}`);
            expect(issue.message).to.equal(`unknown key ${JSON.stringify(key)}; did you mean ${JSON.stringify(suggestion)}?`);
          });
        }

        it('rejects a misspelled endpoint key, and says the endpoint is missing', () => {
          const manifest = withContent([], { endpont: ENDPOINT });
          const [unknown] = expectIssues(manifest, profile, [
            { code: 'unknown_key', path: `${CONTENT_PATH}.endpont` },
            { code: 'required', path: `${CONTENT_PATH}.endpoint` },
          ]).filter((issue) => issue.code === 'unknown_key');
          expect(unknown?.message).to.contain('did you mean "endpoint"?');
        });
      });

      describe('max_retries', () => {
        const MAX_RETRIES_PATH = `${CONTENT_PATH}.max_retries`;

        for (const retries of [0, 1, 2, 3, 4, 5]) {
          it(`accepts ${retries}`, () => {
            const manifest = expectClean(withContent(['max_retries'], retries), profile);
            expect(webhooksOf(manifest)[CONTENT]?.['max_retries']).to.equal(retries);
          });
        }

        it('accepts -0 and writes it as 0', () => {
          const manifest = expectClean(withContent(['max_retries'], -0), profile);
          expect(Object.is(webhooksOf(manifest)[CONTENT]?.['max_retries'], 0)).to.equal(true);
        });

        const rejected: readonly (readonly [string, unknown, IssueCode])[] = [
          ['6', 6, 'out_of_range'],
          ['-1', -1, 'out_of_range'],
          ['100', 100, 'out_of_range'],
          ['2.5', 2.5, 'not_integer'],
          ['NaN', Number.NaN, 'not_integer'],
          ['Infinity', Number.POSITIVE_INFINITY, 'not_integer'],
          ['-Infinity', Number.NEGATIVE_INFINITY, 'not_integer'],
          ['"3"', '3', 'invalid_type'],
          ['null', null, 'invalid_type'],
          ['true', true, 'invalid_type'],
          ['[3]', [3], 'invalid_type'],
        ];
        for (const [label, retries, code] of rejected) {
          it(`rejects ${label} with ${code}`, () => {
            const issue = expectIssue(withContent(['max_retries'], retries), profile, code, MAX_RETRIES_PATH);
            expect(issue.segments).to.deep.equal(['capabilities', 'webhooks', CONTENT, 'max_retries']);
            if (code === 'out_of_range') expect(issue.message).to.equal('must be between 0 and 5');
            // A number that is not whole is told the range as well, so that one fix is enough.
            if (code === 'not_integer') expect(issue.message).to.equal('must be a whole number between 0 and 5');
          });
        }
      });

      describe('retry.retention_time', () => {
        const RETRY = [...WEBHOOKS, 'retry'];
        const withRetry = (retry: unknown) => withValue(base(), RETRY, retry);

        for (const seconds of [2, 3600, 259_200]) {
          it(`accepts ${seconds} seconds`, () => {
            const manifest = expectValid(withRetry({ retention_time: seconds }), profile).manifest;
            expect(webhooksOf(manifest)['retry']).to.deep.equal({ retention_time: seconds });
          });
        }

        const rejected: readonly (readonly [string, unknown, IssueCode])[] = [
          ['1', 1, 'out_of_range'],
          ['0', 0, 'out_of_range'],
          ['259201 (more than 3 days)', 259_201, 'out_of_range'],
          ['-60', -60, 'out_of_range'],
          ['3.5', 3.5, 'not_integer'],
          ['NaN', Number.NaN, 'not_integer'],
          ['"3600"', '3600', 'invalid_type'],
        ];
        for (const [label, seconds, code] of rejected) {
          it(`rejects ${label} with ${code}`, () => {
            const issue = expectIssue(
              withRetry({ retention_time: seconds }),
              profile,
              code,
              'capabilities.webhooks.retry.retention_time',
            );
            // The unit, and the longest in words.
            if (code === 'out_of_range') expect(issue.message).to.equal('must be between 2 and 259200 seconds (3 days)');
            if (code === 'not_integer')
              expect(issue.message).to.equal('must be a whole number between 2 and 259200 seconds (3 days)');
          });
        }

        it('is required inside retry', () => {
          expectIssue(withRetry({}), profile, 'required', 'capabilities.webhooks.retry.retention_time');
        });

        it('is the only key of retry', () => {
          expectIssue(
            withRetry({ retention_time: 60, backoff: 'exponential' }),
            profile,
            'unknown_key',
            'capabilities.webhooks.retry.backoff',
          );
        });

        it('suggests retention_time for a close key', () => {
          const [unknown] = expectIssues(withRetry({ retention: 60 }), profile, [
            { code: 'unknown_key', path: 'capabilities.webhooks.retry.retention' },
            { code: 'required', path: 'capabilities.webhooks.retry.retention_time' },
          ]).filter((issue) => issue.code === 'unknown_key');
          expect(unknown?.message).to.contain('did you mean "retention_time"?');
        });

        it('retry must be an object', () => {
          expectIssue(withRetry(3600), profile, 'invalid_type', 'capabilities.webhooks.retry');
          expectIssue(withRetry([{ retention_time: 60 }]), profile, 'invalid_type', 'capabilities.webhooks.retry');
        });

        it(`retry may stand without any webhook${profile === 'connector' ? ', with a warning: a connector receives nothing without one' : ''}`, () => {
          const { manifest, warnings } = expectValid(
            withValue(baseFor(profile), WEBHOOKS, { retry: { retention_time: 60 } }),
            profile,
          );
          expect(webhooksOf(manifest)).to.deep.equal({ retry: { retention_time: 60 } });
          expect(warnings.map(({ code, path }) => `${code}@${path}`)).to.deep.equal(
            profile === 'connector' ? ['connector_without_webhooks@capabilities.webhooks'] : [],
          );
        });
      });
    });
  }

  it('accepts every event together with retry, and returns them in table order', () => {
    const shuffled: Json = { retry: { retention_time: 60 } };
    for (const event of [...WEBHOOK_EVENTS].reverse()) shuffled[event] = { endpoint: ENDPOINT };
    const manifest = expectClean(minimalWith(WEBHOOKS, shuffled));
    expect(Object.keys(webhooksOf(manifest))).to.deep.equal([...WEBHOOK_EVENTS, 'retry']);
    expect(WEBHOOK_EVENTS).to.deep.equal([
      'ms.MessagingEventNotification.ContentEvent',
      'ms.MessagingEventNotification.RichContentEvent',
      'ms.MessagingEventNotification.AcceptStatusEvent',
      'ms.MessagingEventNotification.ChatStateEvent',
      CONVERSATION,
    ]);
  });

  it('returns the keys of a webhook in table order: endpoint, max_retries, headers', () => {
    const manifest = expectClean(
      minimalWith([...WEBHOOKS, CONTENT], {
        headers: [{ header_value: 'v', header_name: 'X-Acme' }],
        max_retries: 2,
        endpoint: ENDPOINT,
      }),
    );
    const webhook = webhooksOf(manifest)[CONTENT] ?? {};
    expect(Object.keys(webhook)).to.deep.equal(['endpoint', 'max_retries', 'headers']);
    expect(webhook['headers']).to.deep.equal([{ header_name: 'X-Acme', header_value: 'v' }]);
  });

  it('does not need every event: the connector template minus one event is still valid', () => {
    expectClean(withValue(baseFor('connector'), [...WEBHOOKS, CONVERSATION], REMOVE), 'connector');
  });
});
