/**
 * Helpers for the validator's specification tests: start from a valid
 * manifest, change one thing, and say exactly which issue must come back.
 */
import { expect } from 'chai';
import { validateManifest, type IssueCode, type Profile, type ValidationIssue } from '../../src/index.js';
import { connectorTemplate } from '../helpers/fixtures.js';

export type Json = Record<string, unknown>;
export type Segments = readonly (string | number)[];

export const CONTENT = 'ms.MessagingEventNotification.ContentEvent';
export const RICH_CONTENT = 'ms.MessagingEventNotification.RichContentEvent';
export const ACCEPT_STATUS = 'ms.MessagingEventNotification.AcceptStatusEvent';
export const CHAT_STATE = 'ms.MessagingEventNotification.ChatStateEvent';
export const CONVERSATION = 'cqm.ExConversationChangeNotification';
/** The spelling of the fifth event in page 000's table, which SPEC.md rejects. */
export const MISSPELLED_EVENT = 'ms.MessagingEventNotification.ExConversationChangeNotification';

/** The issue paths of the template's webhooks, spelled out as a person reads them. */
export const CONTENT_PATH = 'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"]';
export const CONVERSATION_PATH = 'capabilities.webhooks["cqm.ExConversationChangeNotification"]';

/** The eight engagement fields in SPEC.md's order, written out as an independent oracle (not read from the spec table). */
export const ENGAGEMENT_FIELD_ORDER = [
  'design_engagement',
  'design_window',
  'entry_point',
  'visitor_behavior',
  'target_audience',
  'goal',
  'consumer_identity',
  'language_selection',
] as const;

export const PROFILES_UNDER_TEST: readonly Profile[] = ['general', 'connector'];

/** A reachable endpoint, put in place of the template's placeholder. */
export const FILLED_ENDPOINT = 'https://hooks.example.com/lp';

/** A name and a description put in place of the template's placeholder texts. */
export const FILLED_NAME = 'Acme Connector';
export const FILLED_DESCRIPTION = 'Sends Acme tickets to LivePerson agents';

/**
 * The documented connector template (seed 004) with its placeholders filled in:
 * its endpoints (`https://your/webhooks/endpoint`, a host of one label, which is
 * valid with a `single_label_host` warning) with {@link FILLED_ENDPOINT}, and its
 * `App name` and `App description` (valid with a `template_leftover` warning
 * each) with {@link FILLED_NAME} and {@link FILLED_DESCRIPTION};
 * test/seeds.test.ts checks the warnings. Valid in both profiles, with no warnings.
 */
export function template(): Json {
  const manifest: Json = { ...connectorTemplate(), client_name: FILLED_NAME, description: FILLED_DESCRIPTION };
  const webhooks = (manifest['capabilities'] as { webhooks: Record<string, Json> }).webhooks;
  for (const event of Object.keys(webhooks)) webhooks[event] = { ...webhooks[event], endpoint: FILLED_ENDPOINT };
  return manifest;
}

/** The smallest valid manifest of the general profile. */
export const minimal = (): Json => ({ client_name: 'Acme' });

/** A valid manifest of the profile, with no warnings: the template for `connector`, the minimal one for `general`. */
export const baseFor = (profile: Profile): Json => (profile === 'connector' ? template() : minimal());

/** Passed to {@link withValue} to delete the key instead. */
export const REMOVE: unique symbol = Symbol('remove');

/**
 * A deep copy of `base` with the value at `segments` replaced (or deleted
 * with {@link REMOVE}). Missing objects on the way are created. The value
 * itself is not copied, so `NaN`, `-0`, getters and class instances arrive
 * as they are.
 */
export function withValue(base: Json, segments: Segments, value: unknown): Json {
  const copy = structuredClone(base);
  let node: Record<string | number, unknown> = copy;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      if (value === REMOVE) delete node[segment];
      else node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next !== 'object' || next === null) node[segment] = typeof segments[index + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
  return copy;
}

/** `withValue(template(), …)`: the connector template with one change. */
export const templateWith = (segments: Segments, value: unknown): Json => withValue(template(), segments, value);

/** `withValue(minimal(), …)`: the minimal general manifest with one change. */
export const minimalWith = (segments: Segments, value: unknown): Json => withValue(minimal(), segments, value);

/** `{ client_name, capabilities: { webhooks: { [CONVERSATION]: webhook } } }`. */
export const withWebhook = (webhook: unknown): Json => minimalWith(['capabilities', 'webhooks', CONVERSATION], webhook);

/** `withWebhook({ endpoint })`. */
export const withEndpoint = (endpoint: unknown): Json => withWebhook({ endpoint });

const describeIssues = (issues: readonly ValidationIssue[]): string =>
  JSON.stringify(issues.map(({ code, path }) => ({ code, path })));

/** Validates and asserts success; returns the manifest and the warnings. */
export function expectValid(
  value: unknown,
  profile: Profile = 'general',
): { manifest: Json; warnings: readonly ValidationIssue[] } {
  const result = validateManifest(value, { profile });
  expect(result.ok, result.ok ? '' : `unexpected issues: ${describeIssues(result.issues)}`).to.equal(true);
  if (!result.ok) throw new Error('unreachable');
  return { manifest: result.manifest as unknown as Json, warnings: result.warnings };
}

/** Validates and asserts success without any warning; returns the manifest. */
export function expectClean(value: unknown, profile: Profile = 'general'): Json {
  const { manifest, warnings } = expectValid(value, profile);
  expect(describeIssues(warnings), 'warnings').to.equal('[]');
  return manifest;
}

/** Validates and asserts failure with exactly these issues (code and path, any order); returns the issues. */
export function expectIssues(
  value: unknown,
  profile: Profile,
  expected: readonly { readonly code: IssueCode; readonly path: string }[],
): readonly ValidationIssue[] {
  const result = validateManifest(value, { profile });
  expect(result.ok, 'validation should fail').to.equal(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.issues.map(({ code, path }) => ({ code, path }))).to.have.deep.members([...expected]);
  for (const issue of result.issues) expect(issue.severity, issue.code).to.equal('error');
  return result.issues;
}

/** Validates and asserts failure with exactly one issue, of this code at this path; returns it. */
export function expectIssue(value: unknown, profile: Profile, code: IssueCode, path: string): ValidationIssue {
  const [issue] = expectIssues(value, profile, [{ code, path }]);
  if (issue === undefined) throw new Error('unreachable');
  return issue;
}

/** The warnings of a valid manifest, as `{ code, path }`. */
export function warningsOf(value: unknown, profile: Profile = 'general'): { code: IssueCode; path: string }[] {
  return expectValid(value, profile).warnings.map(({ code, path }) => ({ code, path }));
}
