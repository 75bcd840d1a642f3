/**
 * What the JSON Schema adds for editors, beyond checking: the message an editor shows when a
 * pattern fails (instead of the pattern itself, often hundreds of characters long), snippets to
 * insert, and help in Markdown. These are the keywords of VS Code's JSON language service
 * (microsoft/vscode-json-languageservice, `src/jsonSchema.ts`, "VSCode extensions"): annotations
 * that every other JSON Schema tool may ignore, and that change no verdict.
 *
 * The wording is the validator's (`MESSAGES`) wherever one issue code says what a pattern checks;
 * where a pattern checks what several codes say (a URL as written), the text names the rule and
 * points to `lp-app-manifest validate`, which names the exact fault.
 */
import { DNS_NAME_MAX_LENGTH } from '../rules/patterns.js';
import type { EnumListRule, HeaderNameRule, ScopeRule } from '../rules/nodes.js';
import { CONNECTOR_TEMPLATE } from '../rules/template.js';
import { WEBHOOK_EVENTS } from '../rules/tables.js';
import { MESSAGES } from '../validation/messages.js';
import { quote } from '../validation/quote.js';

/**
 * The keywords of VS Code's JSON language service that {@link manifestJsonSchema} writes:
 * annotations for editors (a pattern's message, snippets, Markdown help) that change no verdict.
 * A validator in strict mode (ajv's default) refuses keywords it does not know: register these
 * as annotations (ajv: `ajv.addVocabulary([...JSON_SCHEMA_EDITOR_KEYWORDS])`).
 *
 * @example
 * ```ts
 * import { Ajv2020 } from 'ajv/dist/2020.js';
 * import { JSON_SCHEMA_EDITOR_KEYWORDS, manifestJsonSchema } from 'lp-app-manifest';
 *
 * const ajv = new Ajv2020({ allErrors: true });
 * ajv.addVocabulary([...JSON_SCHEMA_EDITOR_KEYWORDS]); // annotations only: they change no verdict
 * const check = ajv.compile(manifestJsonSchema('connector'));
 * ```
 */
export const JSON_SCHEMA_EDITOR_KEYWORDS = [
  'patternErrorMessage',
  'errorMessage',
  'markdownDescription',
  'defaultSnippets',
] as const;

/** A pattern and what an editor says when a value does not match it. */
export interface PatternCheck {
  readonly pattern: string;
  readonly message: string;
}

/** What the validator says after a quoted framing header name (`"Host" frames or routes the request: …`). */
const framingReason = (): string => MESSAGES.framing_header_name({ name: '' }).slice(quote('').length + 1);

/** The editor's message for each pattern the generator writes, by what the pattern checks. */
export const PATTERN_MESSAGES = {
  notBlank: (): string => MESSAGES.blank({}),
  noControlCharacters: (): string => MESSAGES.control_character({}),
  httpsUrl: (): string =>
    `must be an "https://" URL as written (RFC 3986): "https://" in lower case; ASCII letters, digits and -._~!$&'()*+,;=:@/? only, ` +
    'every "%" a "%HH" escape; no user name or password; a host of DNS labels (letters, digits and "-") or an IP address; ' +
    '`lp-app-manifest validate` names the exact fault',
  hostLength: (): string => `has a host longer than ${DNS_NAME_MAX_LENGTH} characters (RFC 1035)`,
  logoUri: (): string => MESSAGES.invalid_logo_uri({}),
  redirectUri: (): string => MESSAGES.invalid_redirect_uri({}),
  redirectUriFragment: (): string => MESSAGES.redirect_uri_has_fragment({}),
  scope: (rule: ScopeRule): string =>
    `must be scope values separated by single spaces, none at the start or end, from: ${[
      ...rule.values,
      ...(rule.prefix === undefined ? [] : [`${rule.prefix}<name>`]),
    ]
      .map((value) => quote(value))
      .join(', ')}${rule.prefix === undefined ? '' : ' (a <name> is letters, digits, ".", "_" and "-")'}`,
  headerName: (): string => MESSAGES.invalid_header_name({}),
  reservedHeaderName: (rule: HeaderNameRule): string => MESSAGES.reserved_header_name({ prefix: rule.reservedPrefix }),
  framingHeaderName: (rule: HeaderNameRule): string =>
    `must not be ${rule.framing.map((name) => quote(name)).join(', ')} (in any case): each ${framingReason()}`,
  headerValue: (): string =>
    'must be visible ASCII, space or tab only (RFC 9110 §5.5): no control characters such as CR, LF or NUL, which could ' +
    'split or fold the header, and nothing beyond ASCII, which common HTTP clients refuse to send; encode other text, e.g. in base64',
} as const;

/** The message an editor shows for a connector's required value (a `const` or `contains` that fails), as the validator words it. */
export const connectorValueMessage = (rule: 'equals' | 'includes', expected: boolean | string | readonly string[]): string =>
  MESSAGES.connector_required_value({ rule, expected });

/**
 * A snippet of VS Code's `defaultSnippets`. VS Code writes `body` as JSON, each string quoted as
 * JSON, and reads the result as a snippet: a string may hold `${1:placeholder}` and `${1|a,b|}`
 * choices. A string starting with `^` is written as it is, unquoted: the way to write a literal `$`
 * (`\$` in snippet syntax, whose backslash JSON quoting would double).
 */
type Snippet = { label: string; description: string; body: { [key: string]: unknown } };

/** A header: a name to edit, and the value as a `${{ NAME }}` placeholder (a secret is never written in a file). */
export const headerSnippet = (): Snippet => ({
  label: 'header',
  description: 'A header LivePerson sends with each notification; its value from an environment variable.',
  body: {
    header_name: '${1:X-Api-Key}',
    // written as it is (`^`): `"\${{ ${2:…} }}"` inserts the JSON string "${{ LP_WEBHOOK_TOKEN }}", a placeholder to fill from the environment
    header_value: '^"\\${{ ${2:LP_WEBHOOK_TOKEN} }}"',
  },
});

/** A webhook: the endpoint LivePerson sends an event's notifications to. */
export const webhookSnippet = (): Snippet => ({
  label: 'webhook',
  description: 'The https endpoint that receives this event.',
  body: { endpoint: 'https://${1:hooks.acme.com}/${2:lp/webhooks}' },
});

/** A webhook for one event, as the value of `capabilities.webhooks`. */
export const webhooksSnippet = (): Snippet => ({
  label: 'webhooks',
  description: 'One webhook for one event; add the others the app handles.',
  body: {
    [WEBHOOK_EVENTS[0]]: { endpoint: 'https://${1:hooks.acme.com}/${2:lp/content}' },
  },
});

/** The engagement block of LivePerson's documented connector template, its entry point to choose. */
export const engagementSnippet = (entryPoint: EnumListRule): Snippet => {
  const template = CONNECTOR_TEMPLATE.capabilities.engagement;
  const first = template.entry_point[0];
  const choices = [first, ...entryPoint.values.filter((value) => value !== first)];
  return {
    label: 'engagement',
    description: "The engagement settings of LivePerson's documented connector template.",
    body: {
      design_engagement: template.design_engagement,
      design_window: template.design_window,
      entry_point: [`\${1|${choices.join(',')}|}`],
      visitor_behavior: [...template.visitor_behavior],
      target_audience: [...template.target_audience],
      goal: [...template.goal],
      consumer_identity: [...template.consumer_identity],
      language_selection: template.language_selection,
    },
  };
};
