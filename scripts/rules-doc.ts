/**
 * Renders docs/rules.md from the rules tables and the issue messages, so the
 * documentation can never disagree with the validator. `npm run docs:rules`
 * writes it; a test fails when the committed file is stale.
 */
import { FIELD_DESCRIPTIONS } from '../src/schema/descriptions.js';
import {
  CAPABILITIES,
  TOP_LEVEL_FIELDS,
  URL_MAX_LENGTH,
  WEBHOOK_EVENTS,
  WEBHOOKS,
  type FieldSpec,
  type LeafRule,
  type ProfileLimit,
} from '../src/rules/tables.js';
import {
  BODY_HEADER_NAMES,
  EDITOR_SCHEMA_KEY,
  FRAMING_HEADER_NAMES,
  MISSPELLED_WEBHOOK_EVENTS,
  SECRET_SERVER_ASSIGNED_KEY,
  SERVER_ASSIGNED_KEYS,
} from '../src/rules/tables.js';
import { DNS_NAME_MAX_LENGTH } from '../src/rules/patterns.js';
import { DECISIONS, FIELD_SOURCES, LIVEPERSON_PAGES } from '../src/rules/sources.js';
import { LIVEPERSON_TEMPLATE_TEXTS, STARTER } from '../src/rules/template.js';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { FILE_ISSUE_CODES, fileSeverity } from '../src/cli/file-issues.js';
import { WARNING_CODES } from '../src/validation/codes.js';
import { ISSUE_CODES } from '../src/validation/messages.js';

const code = (value: unknown): string => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
const limit = (value: ProfileLimit): string =>
  typeof value === 'number' ? `≤ ${value} chars` : `≤ ${value.general} chars (connector: ≤ ${value.connector})`;

function describeField(spec: FieldSpec): string {
  switch (spec.type) {
    case 'string': {
      const parts = [limit(spec.maxLength)];
      if (spec.notBlank) parts.push('not blank');
      if (spec.noControlCharacters) parts.push('no control characters');
      if (spec.format === 'https-url') parts.push('an `https://` URL, as written (see URLs)');
      if (spec.format === 'logo-uri') parts.push('an `https://` URL or a root-relative path, as written (see URLs)');
      return parts.join('; ');
    }
    case 'enum-list': {
      const parts = [
        `${spec.minItems !== undefined && spec.minItems > 0 ? 'non-empty, ' : ''}unique items from ${spec.values.map(code).join(', ')}`,
      ];
      if (spec.anyOrder === true)
        parts.push(
          'a value of several space-separated values may list them in any order (RFC 6749 §3.1.1: `token id_token` is `id_token token`), written in the order shown',
        );
      if (spec.connectorMustInclude !== undefined) parts.push(`connector: must include ${code(spec.connectorMustInclude)}`);
      if (spec.connectorExactly !== undefined) parts.push(`connector: must be ${code(spec.connectorExactly)}`);
      return parts.join('; ');
    }
    case 'scope':
      return `values from ${spec.values.map(code).join(', ')}${
        spec.prefix === undefined ? '' : ` and \`${spec.prefix}<name>\` (a name of letters, digits, \`.\`, \`_\` and \`-\`)`
      }, separated by single spaces (none at the start or end), each value once; ≤ ${spec.maxLength} chars${
        spec.connectorExactly === undefined ? '' : `; connector: exactly ${code(spec.connectorExactly)}`
      }`;
    case 'id-list':
      return `unique positive integers (agent-profile ids), each ≤ ${spec.max}`;
    case 'redirect-uris':
      return `each ≤ ${spec.itemMaxLength} chars: \`https://…\`, \`http://\` to a loopback host, or a private-use scheme with a dot; no fragment`;
    case 'boolean':
      return spec.connectorExactly === undefined ? 'boolean' : `boolean; connector: must be ${code(spec.connectorExactly)}`;
    case 'integer':
      return `integer ${spec.unit === undefined ? '' : `${spec.unit} `}${spec.min}..${spec.max}${
        spec.maxInWords === undefined ? '' : ` (${spec.maxInWords} at most)`
      }`;
    case 'endpoint':
      return `an \`https://\` URL of at most ${spec.maxLength} chars, as written (see URLs below), on a host LivePerson can reach`;
    case 'header-name':
      return `an HTTP token (RFC 9110 §5.6.2), not starting with ${code(spec.reservedPrefix)}, not a name that frames or routes the request (below)`;
    case 'header-value':
      return 'visible US-ASCII, space and tab only (RFC 9110 §5.5)';
    case 'object':
      return `${Object.keys(spec.fields).map(code).join(' and ')} (below)`;
    case 'list':
      return `a list of \`{ ${Object.keys(spec.items.fields).join(', ')} }\`${
        spec.uniqueName === undefined ? '' : `; ${code(spec.uniqueName)}s differ ignoring case`
      }`;
    case 'events':
      return `one webhook per event${Object.keys(spec.also).length === 0 ? '' : `, and ${Object.keys(spec.also).map(code).join(', ')}`}`;
  }
}

/** The head of a table of {@link nestedRows}. */
const NESTED_TABLE_HEAD = ['| field | required | builder option | rule |', '|---|---|---|---|'] as const;

/**
 * The rows of a table of every field below a node of the rules tree, named by
 * where it sits (`<event>.headers[].header_name`): the same tree the
 * validator walks, so a field added there is documented here.
 */
function nestedRows(spec: FieldSpec, prefix: string): string[] {
  const rows = (fields: { readonly [key: string]: FieldSpec }, at: string): string[] =>
    Object.entries(fields).flatMap(([key, field]) => [
      `| ${code(`${at}${key}`)} | ${required(field)} | ${field.option === undefined ? '—' : code(field.option)} | ${describeField(field)} |`,
      ...nestedRows(field, `${at}${key}`),
    ]);
  switch (spec.type) {
    case 'object':
      return rows(spec.fields, `${prefix}.`);
    case 'list':
      return rows(spec.items.fields, `${prefix}[].`);
    case 'events':
      return [...rows(spec.each.fields, `${prefix}<event>.`), ...rows(spec.also, prefix)];
    default:
      // A leaf has no rows below it; a new kind of container fails to compile here until it has.
      spec satisfies LeafRule;
      return [];
  }
}

function required(spec: FieldSpec): string {
  if (!('required' in spec)) return 'no';
  return spec.required === 'always' ? 'yes' : 'connector only';
}

/**
 * Each code's params as `name: type`, read from the `IssueParams` (library), `TextIssueParams`
 * (lp-app-manifest/text) and `FileIssueParams` (CLI) interfaces in the source (so that the list cannot
 * drift from the types), and the tag types the params use, with their values.
 */
function issueParamsDoc(): {
  readonly params: ReadonlyMap<string, string>;
  readonly tags: ReadonlyMap<string, readonly string[]>;
} {
  const read = (file: string): ts.SourceFile =>
    ts.createSourceFile(file, readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8'), ts.ScriptTarget.Latest, true);
  const sources = [
    read('validation/codes.ts'),
    read('validation/read.ts'),
    read('rules/template.ts'),
    read('text/issues.ts'),
    read('cli/file-issues.ts'),
    read('text/parse.ts'),
  ];
  const typeText = (node: ts.TypeNode): string =>
    node
      .getText()
      .replace(/\/\*\*[\s\S]*?\*\//g, '')
      .replace(/\breadonly /g, '')
      .replace(/\s*\|\s*undefined\b/g, '')
      .replace(/\s+/g, ' ')
      .replace(/;\s*}/g, ' }')
      .trim();
  const params = new Map<string, string>();
  const tags = new Map<string, readonly string[]>();
  // A param of an interface type (a position) is written out as its fields.
  const shapes = new Map<string, string>();
  for (const source of sources) {
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) && statement.name.text === 'TextPosition') {
        const fields = statement.members.filter(ts.isPropertySignature);
        shapes.set(
          statement.name.text,
          `{ ${fields.map((field) => `${field.name.getText()}: ${field.type?.getText()}`).join('; ')} }`,
        );
      }
      if (
        ts.isInterfaceDeclaration(statement) &&
        ['IssueParams', 'TextIssueParams', 'FileIssueParams'].includes(statement.name.text)
      ) {
        for (const member of statement.members) {
          if (!ts.isPropertySignature(member) || member.type === undefined) continue;
          const type = member.type;
          // The CLI's codes of JSON text are lp-app-manifest/text's (`TextIssueParams['invalid_json']`), read there.
          if (ts.isIndexedAccessTypeNode(type)) continue;
          const text = ts.isTypeLiteralNode(type)
            ? type.members
                .filter(ts.isPropertySignature)
                .map((field) => {
                  // An unset parameter is left out of an issue's params: `?` for `| undefined` too.
                  const optional = field.questionToken !== undefined || /\|\s*undefined\b/.test(field.type?.getText() ?? '');
                  return `${field.name.getText()}${optional ? '?' : ''}: ${field.type === undefined ? 'unknown' : typeText(field.type)}`;
                })
                .join(', ')
            : typeText(type) === 'Record<string, never>'
              ? ''
              : typeText(type);
          params.set(member.name.getText(), text);
        }
      }
      if (ts.isTypeAliasDeclaration(statement) && ts.isUnionTypeNode(statement.type)) {
        const values = statement.type.types.map((member) =>
          ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? member.literal.text : undefined,
        );
        if (values.every((value) => value !== undefined)) tags.set(statement.name.text, values as string[]);
      }
    }
  }
  for (const [code, text] of params)
    params.set(
      code,
      text.replace(/\b\w+\b/g, (name) => shapes.get(name) ?? name),
    );
  return { params, tags };
}

const cell = (text: string): string => (text === '' ? '—' : `\`${text.replace(/\|/g, '\\|')}\``);

/** The whole document. */
export function renderRulesDoc(): string {
  const PARAMS = issueParamsDoc();
  const lines: string[] = [
    '# Manifest rules reference',
    '',
    '<!-- Generated from src/rules/tables.ts and src/validation/issues.ts by `npm run docs:rules`. Do not edit by hand. -->',
    '',
    '## Top-level fields (in output order)',
    '',
    '| field | required | rule | source |',
    '|---|---|---|---|',
    ...(Object.entries(TOP_LEVEL_FIELDS) as [keyof typeof TOP_LEVEL_FIELDS, FieldSpec][]).map(
      ([name, spec]) => `| ${code(name)} | ${required(spec)} | ${describeField(spec)} | ${FIELD_SOURCES[name]} |`,
    ),
    '| `client_name#<tag>` | no | a localized `client_name`; `<tag>` is a well-formed RFC 5646 language tag of at most 255 characters | RFC 7591 §2.2; RFC 5646 |',
    `| ${code(EDITOR_SCHEMA_KEY)} | no | a string naming the JSON Schema for editors; left out of the output | this package (editor support) |`,
    '',
    'Unknown top-level keys are errors (`unknown_key`, with a "did you mean" hint where a known key is close).',
    "A field LivePerson adds after this release passes when the caller names it (`allowKeys: ['categories']`,",
    '`--allow-key categories`): as written, after the known fields in the order named, with an `allowed_unknown_key`',
    'warning that it is not checked; its value must be JSON data. There is no "allow every key": an entry that is a known',
    'field, a key LivePerson assigns, not a name, or has `*` is an `invalid_options` error.',
    `The keys LivePerson assigns when it installs an app, ${SERVER_ASSIGNED_KEYS.map(code).join(', ')} (RFC 7591 §3.2.1`,
    'response members, and what LivePerson returns for an installed app), are errors of their own (`server_assigned_key`):',
    `they appear when an installation is fetched and edited, and must be removed before submitting; ${code(SECRET_SERVER_ASSIGNED_KEY)}`,
    'is a secret that does not belong in a manifest file. Their values are never shown.',
    '',
    '## Webhook events (in output order)',
    '',
    ...WEBHOOK_EVENTS.map((event, i) => `${i + 1}. ${code(event)}`),
    '',
    ...Object.entries(MISSPELLED_WEBHOOK_EVENTS).map(
      ([wrong, right]) => `${code(wrong)} (the spelling in LivePerson's table) is rejected; use ${code(right)}.`,
    ),
    '',
    `Each webhook, and the retry policy (under \`capabilities.webhooks\`; \`<event>\` is one of the events above; the builder option is of \`webhook(event, endpoint, options)\`):`,
    '',
    ...NESTED_TABLE_HEAD,
    ...nestedRows(WEBHOOKS, ''),
    '',
    `Header names must not frame or route the request, in any case: ${FRAMING_HEADER_NAMES.map(code).join(', ')}`,
    '(RFC 9110 §7.6.1, RFC 9112 §6: the sender sets these, and a second value breaks delivery or smuggles a request).',
    'Header values are visible US-ASCII, space and tab only (RFC 9110 §5.5, without obs-text): no control character can split or fold',
    'the header, and nothing beyond ASCII, which common HTTP clients refuse to send (encode such a value, e.g. in base64).',
    `Warnings: a header named ${BODY_HEADER_NAMES.map(code).join(' or ')} (LivePerson sets the body and its type), and a header`,
    'value that is empty, only white space, or has white space at either end (stripped in transit; an unset secret looks like this).',
    '',
    'A header name with `_` (`access_key`) is a valid token, but nginx drops it by default: its `underscores_in_headers` directive is',
    '`off` unless configured, which marks such a name invalid, and `ignore_invalid_headers` (on by default) then drops the header',
    '([nginx: `underscores_in_headers`](https://nginx.org/en/docs/http/ngx_http_core_module.html#underscores_in_headers)), so an',
    "authentication header can vanish at the receiver's proxy: a warning (`header_name_underscore`) that suggests the name with `-`.",
    'A header name that is not a token is an error (`invalid_header_name`), and where it is one of these common faults, its `problem`',
    'says which, and the message what to write (`suggestion`, where the name can be told and may be shown):',
    '',
    '- `whitespace`: a space or tab in it or around it (RFC 9110 §5.6.2: a name is a token, one word such as `X-Api-Key`). A name',
    '  only padded with white space is shown trimmed; words are never joined and shown, since a value may follow the name',
    "  (`X-Api-Key MySecretPassword`): the message says to join a name's words with `-` and to put a value in `header_value`.",
    '- `trailing_colon`: a `:` at its end, as a pasted `Authorization:` line has (write `Authorization`): the colon separates a',
    "  field's name from its value (RFC 9112 §5).",
    '- `pseudo_header`: a `:` at its start (`:authority`, `:path`): an HTTP/2 pseudo-header (RFC 9113 §8.3), which the client sets',
    '  from the request itself and no application may send as a header: remove it.',
    '- `header_line`: a whole `Name: value` line pasted as the name: put the name (suggested) in `header_name` and the value in',
    '  `header_value`; the rest is never shown.',
    '',
    `A connector-profile manifest with no webhook (no \`capabilities\`, no \`webhooks\`, or only \`retry\`) is valid, with a warning`,
    `(\`connector_without_webhooks\`): a Connector API app receives conversation events only through its webhooks (${LIVEPERSON_PAGES.gettingStarted},`,
    `${LIVEPERSON_PAGES.connectorManifest}), so without one it receives nothing.`,
    '',
    '## URLs (`endpoint`, `redirect_uris`, `logo_uri`, `entry_uri` and `httpsUrl()`)',
    '',
    'A URL is checked as written, so that every HTTP client reads it the same way, and a URL that one client reads as another host',
    '(a redirect or delivery bypass) is an error:',
    '',
    '- It is an RFC 3986 URI reference as written: ASCII only (a non-ASCII host gets its punycode form as a hint, e.g. `xn--bcher-kva.example`;',
    '  other characters are percent-encoded as UTF-8), only the characters RFC 3986 allows (no space, `\\`, `{`, `}`, `|`, `^`, `` ` ``, `"`,',
    '  `<`, `>`; `[` and `]` only around an IP-literal host; `#` once), and every `%` starts an escape `%HH` (RFC 3986 §2, §3).',
    '  `{…}`, `${…}` and `<…>` (`https://<your-domain>/webhook`) are errors that say they look like an unfilled placeholder.',
    `- Its host is a DNS name, labels of letters, digits and \`-\`, 1 to 63 chars each, not starting or ending with \`-\`, at most ${DNS_NAME_MAX_LENGTH} in all,`,
    '  a trailing dot allowed, with a warning (below) (RFC 1123 §2.1, RFC 1035 §2.3.4), or an IP address: IPv4 in dotted decimal, or IPv6 in',
    "  brackets in any valid spelling (RFC 4291 §2.2; `[1080:0:0:0:8:800:200C:417A]`, RFC 2732 §2's example, is `[1080::8:800:200c:417a]`),",
    '  which is compared as the address, not as text: `[0:0:0:0:0:0:0:1]` is the loopback `[::1]`, and `[::ffff:10.0.0.1]` an IPv4-mapped private address.',
    "- The host that WHATWG's URL parser (browsers, Node.js) finds is the host as written, lower-cased: `0x7f.1` and `127.1`",
    '  are errors that name the host the parser reads (`127.0.0.1`); `https://evil.example.com\\@apps.example.com/` (a browser goes',
    '  to `evil.example.com`, other parsers to `apps.example.com`: the message says so) and `https:/host` are errors too. A port is at most 65535.',
    '- No user name or password (`user:pass@`, RFC 3986 §3.2.1 deprecates a password in a URI), in any field, also in the authority of a',
    '  private-use redirect URI (`com.example.app://user:pass@host/cb`); the message never shows them, and says what to do for the field:',
    '  secrets go in webhook headers for an `endpoint`; a redirect URI or a URL a browser opens (`logo_uri`, `entry_uri`) carries none (`url_has_credentials`).',
    '- A scheme written twice (`https://http://hooks.example.com/lp`, which parsers read as a host `http` with an empty port) is an error',
    '  that shows what to write (`https://hooks.example.com/…`) (`url_scheme_repeated`).',
    `- At most ${URL_MAX_LENGTH} chars where the field has no smaller limit (\`endpoint\`, \`httpsUrl()\`): what common HTTP servers and proxies accept.`,
    '- The scheme is compared as written: `HTTPS://…` is an error that says to write it in lower case.',
    "- Warning: a webhook `endpoint` or `entry_uri` whose host is a single label (no dot), such as the template's `https://your/webhooks/endpoint`",
    '  or `https://undefined/…`: not a public DNS name, so it cannot be reached over the internet (most likely an unfilled placeholder) (`single_label_host`).',
    "- Warning: a webhook `endpoint` on a host LivePerson's servers cannot reach (`unreachable_endpoint_host`): `localhost` and `*.localhost`, `*.local`,",
    '  `*.internal` (the top-level domain ICANN reserved for private networks; `metadata.google.internal`), loopback, private, link-local,',
    '  carrier-grade NAT, "this network" (`0.x.x.x`, RFC 1122), multicast (RFC 5771) and reserved or broadcast (`240/4`) IPv4 addresses,',
    '  and IPv6 loopback, unique-local, link-local, multicast (RFC 4291 §2.7), IPv4-compatible and IPv4-mapped',
    '  private addresses, as the WHATWG parser reads the host (`0x7f.1` is `127.0.0.1`). Only for `endpoint`: LivePerson sends it notifications;',
    "  `entry_uri` is opened by the agent's browser, which may reach a private host.",
    "- Warning: a webhook `endpoint` with a fragment (`…/foo?query=123#ct=1000`, `https://webhook.site/#!/…`, a page's address, not its hook):",
    '  a fragment is never sent in a request (RFC 3986 §3.5), so LivePerson requests the URL before `#`; the warning says which (`endpoint_has_fragment`).',
    '  A redirect URI with a fragment stays an error (RFC 6749 §3.1.2).',
    '- Warning: a host that ends with a dot (`https://hooks.example.com./lp`), in any `https://` or `http://` URL: TLS sends the server name without the dot',
    "  (RFC 6066 §3), and some clients fail on it (Java's `SNIHostName` throws) (`trailing_dot_host`); not beside a single-label or unreachable host's warning.",
    '',
    '## Text left from a template',
    '',
    'Text that a template asks to replace is valid, with a warning (`template_leftover`, whose `origin` says where it comes from),',
    "so that LivePerson's own documented examples still validate, and a starter left unedited is caught (`--strict` fails on it):",
    '',
    `- \`liveperson_template\`: a \`client_name\` or \`description\` (or a localized name) that is a placeholder text of LivePerson's examples,`,
    `  in any case: ${[...LIVEPERSON_TEMPLATE_TEXTS.client_name, ...LIVEPERSON_TEMPLATE_TEXTS.description].map(code).join(', ')}`,
    `  (${LIVEPERSON_PAGES.connectorManifest}, ${LIVEPERSON_PAGES.gettingStarted}, ${LIVEPERSON_PAGES.installing}).`,
    `- \`init_starter\`: what \`lp-app-manifest init\` writes for you to replace: the texts ${[STARTER.general, STARTER.connector]
      .flatMap((texts) => [texts.client_name, texts.description])
      .map(code)
      .join(', ')},`,
    `  and the host of its endpoints, ${code(STARTER.host)} (reserved for documentation, RFC 2606), in any URL.`,
    '- `placeholder`: a `client_name` or `description` wholly in braces or angle brackets (`{Your App Name}`, `<app name>`).',
    '- `your_label`: a URL whose host has a label starting `your-` (`https://your-domain.com/webhook`, `https://YOUR-APP.example.com/`).',
    '',
    // Every other object under capabilities: a table of its fields, from the tree (as the webhooks' above).
    ...Object.entries(CAPABILITIES.fields)
      .filter(([, node]) => node.type === 'object')
      .flatMap(([key, node]) => [
        `## \`capabilities.${key}\``,
        '',
        `${FIELD_DESCRIPTIONS.capabilities[key as keyof typeof FIELD_DESCRIPTIONS.capabilities]} The builder option is of \`${key}(…)\`'s settings.`,
        '',
        ...NESTED_TABLE_HEAD,
        ...nestedRows(node, key).map((row) => row.replace(`| \`${key}.`, '| `')),
        '',
      ]),
    '## Decisions',
    '',
    'LivePerson\'s pages ("Installing LivePerson Applications" and the Connector API pages "App Install Manifest for Connectors", "Getting Started" and "Retry Policy") disagree with each other in places; these rules decide, and say why:',
    '',
    ...DECISIONS.map((decision) => `- ${decision.rule} *Why:* ${decision.because}`),
    '',
    '## Issue codes',
    '',
    "Each issue is `{ code, severity, path, segments, params, message }`. `params` is the code's data, as listed here (`?`: left out when it does not apply): numbers, names and the tags below, never a header value. `message` is the English wording made from them (`MESSAGES`); `formatIssue(issue, messages)` takes a table of other wording per code.",
    '',
    '| code | severity | params |',
    '|---|---|---|',
    ...ISSUE_CODES.map(
      (issueCode) =>
        `| ${code(issueCode)} | ${WARNING_CODES.has(issueCode) ? 'warning' : 'error'} | ${cell(PARAMS.params.get(issueCode) ?? '')} |`,
    ),
    '',
    '### Tags in params',
    '',
    ...[...PARAMS.tags]
      .filter(([name]) => [...PARAMS.params.values()].some((text) => new RegExp(`\\b${name}\\b`).test(text)))
      .map(([name, values]) => `- \`${name}\`: ${values.map(code).join(', ')}`),
    '',
    '### File-level codes',
    '',
    "The command line reports these about the file or text it reads, in the same shape as the codes above and in the same reports; `validateManifest` never does, and they are not in the library's `IssueCode` type. A JSON file must be strict JSON (RFC 8259): UTF-8 (a byte order mark is allowed), no comments, no trailing commas, and no member name twice in one object (`duplicate_key`: `JSON.parse` would keep the last one silently).",
    '',
    '| code | severity | params |',
    '|---|---|---|',
    ...FILE_ISSUE_CODES.map(
      (issueCode) => `| ${code(issueCode)} | ${fileSeverity(issueCode)} | ${cell(PARAMS.params.get(issueCode) ?? '')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
