/**
 * Where each rule comes from, and the decisions taken where LivePerson's own
 * pages disagree. docs/rules.md is rendered from this module next to the
 * tables, so every rule a user reads carries its source.
 *
 * The LivePerson pages are named by title, as published on LivePerson's
 * developer site; their JSON examples are copied in test/fixtures/seeds.
 */
import type { TOP_LEVEL_FIELDS } from './tables.js';

// Each page's title a constant of its own (not destructured from LIVEPERSON_PAGES: a bundler keeps a
// destructuring at the top of a module, and with it this module, in bundles that use none of it).
const installing = '"Installing LivePerson Applications"';
const connectorManifest = '"App Install Manifest for Connectors"';
const gettingStarted = 'Connector API "Getting Started"';
const retryPolicy = 'Connector API "Retry Policy"';

/** LivePerson's pages the rules are taken from, by the short name used below. */
export const LIVEPERSON_PAGES = { installing, connectorManifest, gettingStarted, retryPolicy } as const;

/**
 * The source of each top-level field's rule. A field added to the tables without a source fails to compile.
 * (Made in a pure function: a bundler keeps a template literal at a module's top, and the JSON Schema,
 * in the main entry, reads these, so a bundle of the builder alone would carry them.)
 */
export const FIELD_SOURCES: { readonly [TField in keyof typeof TOP_LEVEL_FIELDS]: string } = /* @__PURE__ */ (() => ({
  client_name: `${installing}; connector limit of 100 chars: ${connectorManifest}; RFC 7591 §2`,
  description: installing,
  grant_types: `${installing}; RFC 7591 §2; connector: ${connectorManifest}`,
  response_types: `${installing}; RFC 7591 §2; any order of space-separated values: RFC 6749 §3.1.1`,
  redirect_uris: 'RFC 6749 §3.1.2 (absolute, no fragment); RFC 8252 §7.1 (private-use schemes) and §7.3 (loopback http)',
  scope: `${installing}; \`livedeflect\` and \`faas.<name>\`: accepted by LivePerson's own app-installation tool; connector: ${connectorManifest}`,
  logo_uri: `${installing} (a 70×70 px image; the documented template uses a root-relative path); connector limit of 128 chars: ${connectorManifest}`,
  enabled: installing,
  display_name: `an earlier revision of ${installing}`,
  quick_launch_enabled: `an earlier revision of ${installing}`,
  entry_uri: `an earlier revision of ${installing} (the app's SSO launch URI)`,
  enabled_for_profiles: `the private-apps revision of ${installing} (agent-profile ids, beside \`quick_launch_enabled\` and \`entry_uri\`)`,
  capabilities: `${installing}; ${connectorManifest}`,
}))();

/** One decision where LivePerson's pages disagree, with what decided it. */
export interface RuleDecision {
  /** What was decided, as a user reads it. */
  readonly rule: string;
  /** Why, and which page or standard says so. */
  readonly because: string;
}

/** The decisions behind the rules, in the order docs/rules.md lists them. */
export const DECISIONS: readonly RuleDecision[] = [
  {
    rule: 'The conversation-change webhook event is `cqm.ExConversationChangeNotification`; the spelling `ms.MessagingEventNotification.ExConversationChangeNotification` is an error that names the `cqm.` key.',
    because: `The table on ${installing} spells it with \`ms.MessagingEventNotification.\`, but every JSON example on all of LivePerson's manifest pages uses \`cqm.ExConversationChangeNotification\`, the name LivePerson's servers send.`,
  },
  {
    rule: '`cart_items` is a valid `visitor_behavior` value.',
    because: `The supported-values lists omit it, but every example (${connectorManifest}, ${gettingStarted}) includes it, and the documented template must pass.`,
  },
  {
    rule: '`target_audience` and `goal` are arrays of values.',
    because: 'The field tables say "string"; every example uses an array.',
  },
  {
    rule: '`language_selection` is a boolean.',
    because: `${connectorManifest} says "string"; its examples use \`false\`.`,
  },
  {
    rule: "`retry.retention_time` (integer seconds, 2 to 259200, i.e. 3 days) is the time-based retry policy; it takes precedence over each webhook's `max_retries`, and `max_retries: 0` opts a webhook out. Setting `max_retries` beside it is valid, with a warning.",
    because: `${retryPolicy}, which ${connectorManifest} points to; it documents \`max_retries\` as to be deprecated.`,
  },
  {
    rule: "Every URL is checked as written (RFC 3986), not merely parsed: a webhook endpoint starts with `https://` in lower case, and the host WHATWG's URL parser finds must be the host as written.",
    because: `${connectorManifest} requires HTTPS endpoints; a lenient URL parser would also accept \`https:/host\`, \`HTTPS://\` or \`https://evil.example.com\\@apps.example.com/\`, which other HTTP clients read differently (the last as another host: a redirect or delivery bypass).`,
  },
  {
    rule: '`response_types: ["code"]` without the `authorization_code` grant, and `authorization_code` without `redirect_uris`, are warnings, not errors.',
    because: `RFC 7591 §2.1 asks for consistency, but the example on ${installing} itself asks for \`code\` without \`authorization_code\`, so it cannot be an error.`,
  },
  {
    rule: 'The documented connector template (with `https://your/webhooks/endpoint`) validates under the `connector` profile, and the example of the general page under `general`, byte for byte after canonical ordering.',
    because: `They are what LivePerson publishes (${gettingStarted}, ${connectorManifest}, ${installing}); placeholders in them come back as warnings.`,
  },
  {
    rule: 'Unknown keys are errors, with a "did you mean" hint where a known key is close.',
    because: 'A misspelled key is otherwise dropped by LivePerson without a word, and the setting it carried never takes effect.',
  },
  {
    rule: 'A top-level key the rules do not know passes only when the caller names it (`allowKeys`, `--allow-key`), with a warning; never by a wildcard, and never a known or server-assigned key.',
    because:
      'A field LivePerson adds after a release would otherwise block every manifest that uses it until this package knows it; naming each key keeps a typo of any other key an error.',
  },
];
