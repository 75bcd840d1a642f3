/**
 * Renders docs/rules.md from the spec tables and the issue messages, so the
 * documentation can never disagree with the validator. `npm run docs:rules`
 * writes it; a test fails when the committed file is stale.
 */
import {
  ENGAGEMENT_FIELDS,
  MAX_RETRIES,
  RETENTION_TIME,
  TOP_LEVEL_FIELDS,
  WEBHOOK_EVENTS,
  type FieldSpec,
  type ProfileLimit,
} from '../src/spec/tables.js';
import { EDITOR_SCHEMA_KEY, MISSPELLED_WEBHOOK_EVENTS, RESERVED_HEADER_PREFIX } from '../src/spec/tables.js';
import { DECISIONS, FIELD_SOURCES } from '../src/spec/sources.js';
import { ISSUE_CODES, WARNING_CODES } from '../src/validation/issues.js';

const code = (value: unknown): string => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
const limit = (value: ProfileLimit): string =>
  typeof value === 'number' ? `≤ ${value} chars` : `≤ ${value.general} chars (connector: ≤ ${value.connector})`;

function describeField(spec: FieldSpec): string {
  switch (spec.type) {
    case 'string': {
      const parts = [limit(spec.maxLength)];
      if (spec.notBlank) parts.push('not blank');
      if (spec.noControlCharacters) parts.push('no control characters');
      if (spec.format === 'https-url') parts.push('an `https://` URL');
      if (spec.format === 'logo-uri') parts.push('an `https://` URL or a root-relative path');
      return parts.join('; ');
    }
    case 'enum-list': {
      const parts = [`unique items from ${spec.values.map(code).join(', ')}`];
      if (spec.connectorMustInclude !== undefined) parts.push(`connector: must include ${code(spec.connectorMustInclude)}`);
      return parts.join('; ');
    }
    case 'scope':
      return `space-separated values from ${spec.values.map(code).join(', ')}; ≤ ${spec.maxLength} chars${
        spec.connectorExactly === undefined ? '' : `; connector: exactly ${code(spec.connectorExactly)}`
      }`;
    case 'redirect-uris':
      return `each ≤ ${spec.itemMaxLength} chars: \`https://…\`, \`http://\` to a loopback host, or a private-use scheme with a dot; no fragment`;
    case 'boolean':
      return 'boolean';
    case 'capabilities':
      return '`webhooks` and `engagement` (below)';
  }
}

function required(spec: FieldSpec): string {
  if (!('required' in spec)) return 'no';
  return spec.required === 'always' ? 'yes' : 'connector only';
}

/** The whole document. */
export function renderRulesDoc(): string {
  const lines: string[] = [
    '# Manifest rules reference',
    '',
    '<!-- Generated from src/spec/tables.ts and src/validation/issues.ts by `npm run docs:rules`. Do not edit by hand. -->',
    '',
    '## Top-level fields (in output order)',
    '',
    '| field | required | rule | source |',
    '|---|---|---|---|',
    ...(Object.entries(TOP_LEVEL_FIELDS) as [keyof typeof TOP_LEVEL_FIELDS, FieldSpec][]).map(
      ([name, spec]) => `| ${code(name)} | ${required(spec)} | ${describeField(spec)} | ${FIELD_SOURCES[name]} |`,
    ),
    '| `client_name#<tag>` | no | a localized `client_name`; `<tag>` is a well-formed RFC 5646 language tag | RFC 7591 §2.2; RFC 5646 |',
    `| ${code(EDITOR_SCHEMA_KEY)} | no | a string naming the JSON Schema for editors; left out of the output | this package (editor support) |`,
    '',
    '## Webhook events (in output order)',
    '',
    ...WEBHOOK_EVENTS.map((event, i) => `${i + 1}. ${code(event)}`),
    '',
    ...Object.entries(MISSPELLED_WEBHOOK_EVENTS).map(
      ([wrong, right]) => `${code(wrong)} (the spelling in LivePerson's table) is rejected; use ${code(right)}.`,
    ),
    '',
    `Each webhook: \`endpoint\` (required, \`https://\`), \`max_retries\` (integer ${MAX_RETRIES.min}..${MAX_RETRIES.max}),`,
    `\`headers\` (\`[{header_name, header_value}]\`; names are HTTP tokens not starting with ${code(RESERVED_HEADER_PREFIX)},`,
    'unique ignoring case; values without control characters).',
    `\`retry.retention_time\`: integer seconds ${RETENTION_TIME.min}..${RETENTION_TIME.max}.`,
    '',
    '## Engagement fields (all required when `engagement` is present)',
    '',
    '| field | builder option | rule | connector |',
    '|---|---|---|---|',
    ...Object.entries(ENGAGEMENT_FIELDS).map(([name, spec]) => {
      const rule =
        spec.type === 'boolean'
          ? 'boolean'
          : `${'minItems' in spec ? 'non-empty, ' : ''}unique items from ${spec.values.map(code).join(', ')}`;
      const connector = 'connectorExactly' in spec ? `must be ${code(spec.connectorExactly)}` : 'same';
      return `| ${code(name)} | ${code(spec.option)} | ${rule} | ${connector} |`;
    }),
    '',
    '## Decisions',
    '',
    "LivePerson's pages (\"Installing LivePerson Applications\" and the Connector API pages \"App Install Manifest for Connectors\", \"Getting Started\" and \"Retry Policy\") disagree with each other in places; these rules decide, and say why:",
    '',
    ...DECISIONS.map((decision) => `- ${decision.rule} *Why:* ${decision.because}`),
    '',
    '## Issue codes',
    '',
    '| code | severity |',
    '|---|---|',
    ...ISSUE_CODES.map((issueCode) => `| ${code(issueCode)} | ${WARNING_CODES.has(issueCode) ? 'warning' : 'error'} |`),
    '',
  ];
  return lines.join('\n');
}
