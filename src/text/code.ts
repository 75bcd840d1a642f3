/**
 * From a manifest's JSON to builder code: a TypeScript module that builds the
 * same manifest with `ManifestBuilder`, reading each header value and each
 * `${{ NAME }}` placeholder from the environment with `env('NAME')`. The
 * command `lp-app-manifest code` and the web page both print what this writes.
 *
 * No Node.js module here: the page runs it in a browser.
 */
import { escapeTemplateText, listPlaceholders, validateTemplate, type Profile, type ValidationIssue } from '../index.js';
import { parseTemplate } from '../template/placeholders.js';
import { formatPath } from '../validation/paths.js';
import { schemaProfile } from '../rules/profiles.js';
import { headerVariableName, isHttpToken } from '../rules/secrets.js';
import { CONNECTOR_TEMPLATE } from '../rules/template.js';
import {
  CAPABILITY_KEYS,
  ENGAGEMENT_FIELDS,
  HEADER_KEYS,
  LOCALIZED_NAME_PREFIX,
  RETRY_KEY,
  TOP_LEVEL_FIELDS,
  WEBHOOK,
} from '../rules/tables.js';

/**
 * A manifest as builder code: `code` is a TypeScript ES module whose default
 * export is a `ManifestBuilder` (what `lp-app-manifest build module.ts`
 * takes); `variables` are the environment variables it reads, in the order
 * the module first uses them (its header comment lists them too).
 *
 * @example
 * ```ts
 * import { manifestToCode, type ManifestCode } from 'lp-app-manifest/text';
 *
 * const result = manifestToCode({ client_name: 'Acme App' });
 * const code: ManifestCode | undefined = result.ok ? result : undefined;
 * ```
 */
export interface ManifestCode {
  /** The module's text: UTF-8, `\n` line ends, formatted as Biome formats (2 spaces, single quotes). */
  readonly code: string;
  /** The environment variables the module reads (`env('NAME')`), in order of first use. */
  readonly variables: readonly string[];
}

/**
 * Options of {@link manifestToCode}.
 *
 * @example
 * ```ts
 * import type { ManifestToCodeOptions } from 'lp-app-manifest/text';
 *
 * const options: ManifestToCodeOptions = { profile: 'connector' };
 * ```
 */
export interface ManifestToCodeOptions {
  /** The rules the manifest is checked against, and the builder the code starts from. Default: the profile its `"$schema"` names, else `general`. */
  readonly profile?: Profile | undefined;
}

/**
 * What {@link manifestToCode} returns: the code, or every issue that makes the manifest invalid.
 *
 * @example
 * ```ts
 * import { manifestToCode, type ManifestCodeResult } from 'lp-app-manifest/text';
 *
 * const result: ManifestCodeResult = manifestToCode({ client_name: '' });
 * if (!result.ok) console.error(result.issues.map((issue) => issue.message));
 * ```
 */
export type ManifestCodeResult =
  | ({
      /** The manifest is valid: here is its code. */
      readonly ok: true;
    } & ManifestCode)
  | {
      /** The manifest is invalid: no code. */
      readonly ok: false;
      /** Every error, as the validator reports it (with `allowUnresolved`: a placeholder stands for a value that would pass). */
      readonly issues: readonly ValidationIssue[];
    };

// ------------------------------------------------------------------ JavaScript literals

/** A code unit as `\uXXXX`. */
const unicodeEscape = (unit: number): string => `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

/**
 * The escapes every literal needs: a backslash, the control characters (a line of code stays one
 * line), U+2028 and U+2029, and a lone surrogate (which no UTF-8 file can hold), each as an escape.
 * `special` are the characters the literal's own delimiters make special.
 */
function escapeText(text: string, special: (char: string, next: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += char + text[i + 1]!;
        i++;
      } else out += unicodeEscape(unit);
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) out += unicodeEscape(unit);
    else if (char === '\\') out += '\\\\';
    else if (SHORT_ESCAPES[char] !== undefined) out += SHORT_ESCAPES[char];
    else if (unit < 0x20 || unit === 0x7f || unit === 0x2028 || unit === 0x2029) out += unicodeEscape(unit);
    else out += special(char, text[i + 1] ?? '') ?? char;
  }
  return out;
}

/**
 * A string literal: single quotes, unless the text holds more of them than double quotes (as
 * Biome and Prettier choose), with every character that could end or break it escaped.
 */
export function stringLiteral(text: string): string {
  const singles = text.split("'").length - 1;
  const doubles = text.split('"').length - 1;
  const quote = singles > doubles ? '"' : "'";
  return quote + escapeText(text, (char) => (char === quote ? `\\${char}` : undefined)) + quote;
}

/** The text of a template literal between its backticks: a backtick and a `${` escaped. */
const templateText = (text: string): string =>
  escapeText(text, (char, next) => (char === '`' ? '\\`' : char === '$' && next === '{' ? '\\$' : undefined));

/** A name that needs no quotes as an object key. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// ------------------------------------------------------------------ layout

/** Biome's line width for this project (biome.jsonc): a line longer than this is broken. */
const LINE_WIDTH = 130;
const INDENT = '  ';

/** A piece of code that may be laid out on one line or broken over several. */
type Doc =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [key: string, value: Doc])[] }
  | { readonly kind: 'array'; readonly items: readonly Doc[] };

const text = (value: string): Doc => ({ kind: 'text', text: value });

/**
 * Whether an argument is simple, as Biome's formatter sees it (its `SimpleArgument`, after
 * Prettier's): literals, `env('NAME')` as an argument itself, and objects and arrays of those, not
 * deeper than two levels; a template literal around `env()`, a cast or a computed key is not. A
 * chain of more than two calls with a complex argument is always broken, one call per line.
 */
function simple(doc: Doc, depth: number): boolean {
  if (depth >= 2) return false;
  switch (doc.kind) {
    case 'text':
      if (doc.text.startsWith('env(')) return depth === 0;
      return !doc.text.startsWith('`');
    case 'object':
      return doc.entries.every(([key, value]) => !key.startsWith('[') && simple(value, depth + 1));
    case 'array':
      return doc.items.every((item) => simple(item, depth + 1));
  }
}

/** The doc on one line. */
function flat(doc: Doc): string {
  switch (doc.kind) {
    case 'text':
      return doc.text;
    case 'object':
      return doc.entries.length === 0 ? '{}' : `{ ${doc.entries.map(([key, value]) => `${key}: ${flat(value)}`).join(', ')} }`;
    case 'array':
      return `[${doc.items.map(flat).join(', ')}]`;
  }
}

/**
 * The doc at `indent`, after `prefix` on its first line and before `suffix` on its last: on one
 * line where that fits in {@link LINE_WIDTH}, else broken, one entry per line with a trailing comma.
 */
function layout(doc: Doc, indent: string, prefix: string, suffix: string): string[] {
  const line = flat(doc);
  if (doc.kind === 'text' || indent.length + prefix.length + line.length + suffix.length <= LINE_WIDTH)
    return [`${indent}${prefix}${line}${suffix}`];
  return broken(doc, indent, prefix, suffix);
}

/** The doc broken: its opening on the first line, each entry on a line of its own, its closing on the last. */
function broken(doc: Exclude<Doc, { kind: 'text' }>, indent: string, prefix: string, suffix: string): string[] {
  const inner = indent + INDENT;
  const lines = [`${indent}${prefix}${doc.kind === 'object' ? '{' : '['}`];
  if (doc.kind === 'object') for (const [key, value] of doc.entries) lines.push(...layout(value, inner, `${key}: `, ','));
  else for (const item of doc.items) lines.push(...layout(item, inner, '', ','));
  lines.push(`${indent}${doc.kind === 'object' ? '}' : ']'}${suffix}`);
  return lines;
}

/**
 * A call `name(args)` at `indent`, after `lead` on its first line (`export default `): on one line
 * where it fits, else with its last argument (an object or array) broken after the others, as
 * Biome hugs it, else one argument per line.
 */
function call(name: string, args: readonly Doc[], indent: string, suffix: string, lead = ''): string[] {
  const head = `${lead}${name}(`;
  const line = `${indent}${head}${args.map(flat).join(', ')})${suffix}`;
  if (line.length <= LINE_WIDTH) return [line];
  const last = args.at(-1);
  // Not after an argument of the same kind (two objects): then every argument goes on a line of its own.
  if (last !== undefined && last.kind !== 'text' && args.at(-2)?.kind !== last.kind) {
    const prefix = `${head}${args
      .slice(0, -1)
      .map((arg) => `${flat(arg)}, `)
      .join('')}`;
    if (indent.length + prefix.length + 1 <= LINE_WIDTH) return broken(last, indent, prefix, `)${suffix}`);
  }
  const inner = indent + INDENT;
  return [`${indent}${head}`, ...args.flatMap((arg) => layout(arg, inner, '', ',')), `${indent})${suffix}`];
}

// ------------------------------------------------------------------ the manifest, as arguments

/** `client_name` → `clientName`: a top-level value's builder setter is its key in camelCase. */
const camelCase = (key: string): string => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

const HEADERS_KEY = /* @__PURE__ */ (() => Object.entries(WEBHOOK.fields).find(([, field]) => field.type === 'list')![0])();
const [HEADER_NAME_KEY, HEADER_VALUE_KEY] = HEADER_KEYS as readonly [string, string];
const [WEBHOOKS_KEY, ENGAGEMENT_KEY] = CAPABILITY_KEYS as readonly [string, string];
const CAPABILITIES_KEY = 'capabilities';

/** The webhook options, `[JSON key, option name]`, from the rules tree. */
const WEBHOOK_OPTIONS = /* @__PURE__ */ (() =>
  Object.entries(WEBHOOK.fields).flatMap(([key, field]) => ('option' in field ? [[key, field.option] as const] : [])))();

type Json = Readonly<Record<string, unknown>>;
type Segments = readonly (string | number)[];

const pathKey = (segments: Segments): string => JSON.stringify(segments);

/** One variable the module reads, and where (for its header comment). */
interface Variable {
  readonly name: string;
  readonly where: string;
}

/** Writes the code of one manifest: each string as a literal or with its `env('NAME')` references. */
class Writer {
  readonly variables: Variable[] = [];
  readonly #seen = new Set<string>();
  /** Names no header value's variable may take: every variable the manifest's placeholders name. */
  readonly #taken: Set<string>;
  /** The strings that hold placeholders, by path. */
  readonly #templates: ReadonlySet<string>;
  usesEnv = false;
  usesEnvType = false;

  /**
   * @param manifest - The valid manifest, in canonical order: a string that holds placeholders is as written, any other as it reads (`$${{` read as `${{`).
   * @param template - The manifest as given, whose placeholders say which strings are templates.
   */
  constructor(
    readonly manifest: Json,
    template: unknown,
  ) {
    const uses = listPlaceholders(template);
    this.#templates = new Set(uses.map((use) => pathKey(use.segments)));
    this.#taken = new Set(uses.flatMap((use) => use.variables));
  }

  #env(name: string, where: string): string {
    this.usesEnv = true;
    if (!this.#seen.has(name)) {
      this.#seen.add(name);
      this.variables.push({ name, where });
    }
    return `env(${stringLiteral(name)})`;
  }

  /**
   * A string of the manifest at `segments`: a literal (its `${{` written `$${{`, as the builder
   * reads it), `env('NAME')` for a whole placeholder, or a template literal around references.
   * `url`: the start a URL setter's type accepts as it is (`https://`, and `/` for a logo);
   * a template that starts otherwise is typed as the reference it is (`as EnvReference`).
   */
  string(value: string, segments: Segments, where: string, url?: readonly string[]): string {
    if (!this.#templates.has(pathKey(segments))) return stringLiteral(escapeTemplateText(value));
    const { parts } = parseTemplate(value);
    if (parts.length === 1 && 'variable' in parts[0]!) return this.#env(parts[0].variable, where);
    let out = '';
    parts.forEach((part, i) => {
      if ('variable' in part) out += `\${${this.#env(part.variable, where)}}`;
      else out += templateText(escapeTemplateText(part.text, i + 1 < parts.length));
    });
    const first = parts[0]!;
    if (url !== undefined && !('text' in first && url.some((start) => first.text.startsWith(start)))) {
      this.usesEnvType = true;
      return `\`${out}\` as EnvReference`;
    }
    return `\`${out}\``;
  }

  /** The `header_name` beside the header value at `segments`. */
  headerNameAt(segments: Segments): unknown {
    let at: unknown = this.manifest;
    for (const segment of segments.slice(0, -1)) at = (at as Record<string | number, unknown>)[segment];
    return (at as Json)[HEADER_NAME_KEY];
  }

  /** A header value: from the environment, the variable `pull` would name, unless it is one placeholder already; an empty one as it is. */
  headerValue(value: string, segments: Segments, event: string, name: unknown, index: number): string {
    // An empty value holds no secret, and no variable can give it (an empty variable is unset where a value is needed).
    if (value === '') return stringLiteral(value);
    const where = `header value of ${isHttpToken(name) ? name : `header ${index + 1}`} of ${event}`;
    if (this.#templates.has(pathKey(segments))) {
      const { parts } = parseTemplate(value);
      if (parts.length === 1 && 'variable' in parts[0]!) return this.#env(parts[0].variable, where);
    }
    const named = this.#templates.has(pathKey(segments)) ? parseTemplate(value).variables : [];
    // The whole value, as written: a variable inside it would leave the rest of the value in the code.
    const whole = named.length === 0 ? '' : ` (the whole value, which the JSON wrote with ${named.join(', ')})`;
    return this.#env(headerVariableName(event, name, index, this.#taken), where + whole);
  }
}

/** An object key: bare where it is a name, `['__proto__']` (an own key, not the prototype), else quoted. */
function objectKey(key: string): string {
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** Whether the keys of an object keep this order (integer-like keys come first in JavaScript). */
const keepsOrder = (keys: readonly string[]): boolean =>
  Object.keys(Object.fromEntries(keys.map((key) => [key, 0]))).every((key, i) => key === keys[i]);

/** The URL starts a setter's type takes as they are. */
const HTTPS = ['https://'] as const;
const HTTPS_OR_PATH = ['https://', '/'] as const;
const URL_STARTS: Readonly<Record<string, readonly string[]>> = { logo_uri: HTTPS_OR_PATH, entry_uri: HTTPS };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON value as a literal, its strings written by the writer (header values from the environment). */
function literal(value: unknown, segments: Segments, writer: Writer): Doc {
  if (typeof value === 'string') {
    const last = segments.at(-1);
    if (last === HEADER_VALUE_KEY && segments.includes(HEADERS_KEY)) {
      const header = segments.at(-2) as number;
      return text(writer.headerValue(value, segments, String(segments[2]), writer.headerNameAt(segments), header));
    }
    return text(writer.string(value, segments, formatPath(segments)));
  }
  if (Array.isArray(value)) return { kind: 'array', items: value.map((item, i) => literal(item, [...segments, i], writer)) };
  if (isObject(value))
    return {
      kind: 'object',
      entries: Object.keys(value).map((key) => [objectKey(key), literal(value[key], [...segments, key], writer)] as const),
    };
  return text(JSON.stringify(value));
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One call of the chain: the method and its arguments. */
interface Call {
  readonly method: string;
  readonly args: readonly Doc[];
}

/** The calls that set a top-level field, by its rule's type. */
function fieldCalls(key: string, value: unknown, writer: Writer): Call[] {
  const segments = [key];
  if (key.startsWith(LOCALIZED_NAME_PREFIX))
    return [
      {
        method: 'localizedClientName',
        args: [text(stringLiteral(key.slice(LOCALIZED_NAME_PREFIX.length))), text(writer.string(value as string, segments, key))],
      },
    ];
  const rule = TOP_LEVEL_FIELDS[key as keyof typeof TOP_LEVEL_FIELDS];
  const method = camelCase(key);
  switch (rule.type) {
    case 'string':
      return [{ method, args: [text(writer.string(value as string, segments, key, URL_STARTS[key]))] }];
    case 'boolean':
      return [{ method, args: [text(String(value))] }];
    case 'scope':
      return [{ method, args: (value as string).split(' ').map((scope) => text(stringLiteral(scope))) }];
    case 'enum-list':
    case 'redirect-uris':
    case 'id-list':
      return [
        {
          method,
          args: (value as readonly unknown[]).map((item, i) =>
            text(typeof item === 'string' ? writer.string(item, [key, i], `${key}[${i}]`) : JSON.stringify(item)),
          ),
        },
      ];
    case 'object':
      return [];
  }
}

/** The calls that set `capabilities`: a webhook per event, the retry policy, the engagement block. */
function capabilityCalls(capabilities: Json, writer: Writer, seeded: ReadonlySet<string>): Call[] {
  const calls: Call[] = [];
  const webhooks = capabilities[WEBHOOKS_KEY];
  if (isObject(webhooks)) {
    for (const event of Object.keys(webhooks)) {
      if (seeded.has(event)) continue;
      const webhook = webhooks[event] as Json;
      const base = [CAPABILITIES_KEY, WEBHOOKS_KEY, event];
      if (event === RETRY_KEY) {
        calls.push({ method: 'retryRetention', args: Object.values(webhook).map((seconds) => text(JSON.stringify(seconds))) });
        continue;
      }
      const endpoint = writer.string(webhook['endpoint'] as string, [...base, 'endpoint'], `${formatPath(base)}.endpoint`, HTTPS);
      const options: [string, Doc][] = [];
      for (const [key, option] of WEBHOOK_OPTIONS) {
        if (!Object.hasOwn(webhook, key)) continue;
        const value = webhook[key];
        if (key === HEADERS_KEY) {
          const headers = value as readonly Json[];
          options.push([
            option,
            {
              kind: 'object',
              entries: headers.map((header, i) => {
                const name = header[HEADER_NAME_KEY] as string;
                const nameSegments = [...base, HEADERS_KEY, i, HEADER_NAME_KEY];
                const written = writer.string(name, nameSegments, formatPath(nameSegments));
                const keyText = written.startsWith('env(') || written.startsWith('`') ? `[${written}]` : objectKey(name);
                const valueSegments = [...base, HEADERS_KEY, i, HEADER_VALUE_KEY];
                return [keyText, text(writer.headerValue(header[HEADER_VALUE_KEY] as string, valueSegments, event, name, i))];
              }),
            },
          ]);
        } else options.push([option, text(JSON.stringify(value))]);
      }
      calls.push({
        method: 'webhook',
        args: [
          text(stringLiteral(event)),
          text(endpoint),
          ...(options.length === 0 ? [] : [{ kind: 'object', entries: options } as const]),
        ],
      });
    }
  }
  const engagement = capabilities[ENGAGEMENT_KEY];
  if (isObject(engagement) && !seeded.has(ENGAGEMENT_KEY)) {
    const entries = Object.entries(ENGAGEMENT_FIELDS).map(([key, { option }]) => {
      const value = engagement[key];
      const doc: Doc = Array.isArray(value)
        ? { kind: 'array', items: value.map((item) => text(stringLiteral(String(item)))) }
        : text(JSON.stringify(value));
      return [option, doc] as const;
    });
    calls.push({ method: 'engagement', args: [{ kind: 'object', entries }] });
  }
  return calls;
}

/**
 * How the chain starts: `ManifestBuilder.general()`, `ManifestBuilder.connector()` (the documented
 * template, each of its values the manifest changes set after it), or, where the builder's
 * methods cannot make part of the manifest, `ManifestBuilder.from(part, { profile })` with that
 * part: a connector without the template's `logo_uri` or engagement block (no method removes
 * them), an empty `capabilities` or `webhooks` object, or headers whose names JavaScript would
 * put in another order (integer-like names, as `"1"`).
 */
function startOf(manifest: Json, profile: Profile): { seed: Json | undefined; seededEvents: Set<string>; template: boolean } {
  const seed: Record<string, unknown> = {};
  const seededEvents = new Set<string>();
  const capabilities = manifest[CAPABILITIES_KEY];
  let needed = false;
  if (isObject(capabilities)) {
    const webhooks = capabilities[WEBHOOKS_KEY];
    const seededCapabilities: Record<string, unknown> = {};
    if (Object.keys(capabilities).length === 0) needed = true;
    if (isObject(webhooks)) {
      const seededWebhooks: Record<string, unknown> = {};
      for (const event of Object.keys(webhooks)) {
        const headers = event === RETRY_KEY ? undefined : (webhooks[event] as Json)[HEADERS_KEY];
        if (Array.isArray(headers) && !keepsOrder(headers.map((header: Json) => String(header[HEADER_NAME_KEY])))) {
          seededWebhooks[event] = webhooks[event];
          seededEvents.add(event);
        }
      }
      if (Object.keys(webhooks).length === 0 || seededEvents.size > 0) {
        seededCapabilities[WEBHOOKS_KEY] = seededWebhooks;
        needed = true;
      }
    }
    if (needed) seed[CAPABILITIES_KEY] = seededCapabilities;
  }
  const template =
    profile === 'connector' &&
    Object.hasOwn(manifest, 'logo_uri') &&
    isObject(capabilities) &&
    Object.hasOwn(capabilities, ENGAGEMENT_KEY);
  if (!needed && (profile === 'general' || template)) return { seed: undefined, seededEvents, template };
  // The fields a profile requires, so that from() accepts the seed.
  const required = Object.keys(TOP_LEVEL_FIELDS).filter((key) => {
    const spec = TOP_LEVEL_FIELDS[key as keyof typeof TOP_LEVEL_FIELDS];
    if (!('required' in spec)) return false;
    return spec.required === 'always' || (spec.required === profile && Object.hasOwn(manifest, key));
  });
  const ordered: Record<string, unknown> = {};
  for (const key of required) ordered[key] = manifest[key];
  return { seed: { ...ordered, ...seed }, seededEvents, template: false };
}

/**
 * The header comment: what the module is, how to build it, and the variables it reads.
 * Nothing in it comes from the manifest but variable names and paths (no value), and a `*\/` in
 * one could not end the comment anyway: it is written `*\u2215`.
 */
function headerComment(profile: Profile, variables: readonly Variable[]): string[] {
  const lines = [
    '/**',
    ` * A LivePerson app manifest (${profile} profile), built with lp-app-manifest's ManifestBuilder.`,
    ' * Written by `lp-app-manifest code` from a JSON manifest; build it with',
    ' *   npx --no-install lp-app-manifest build <this file> --out manifest.json',
    ' * (its default export is a ManifestBuilder, the module shape `build` takes), or call .build() on it.',
  ];
  if (variables.length === 0) lines.push(' *', ' * It reads no environment variable.');
  else {
    lines.push(' *', ' * The environment variables it reads (env(), filled in by build(); every one must be set):');
    const width = variables.reduce((widest, variable) => Math.max(widest, variable.name.length), 0);
    for (const { name, where } of variables) lines.push(` *   ${name.padEnd(width)}  ${where}`);
  }
  lines.push(' */');
  return lines.map((line) => line.replaceAll('*/', '*\u2215').replace(/^ \*\u2215$/, ' */'));
}

/**
 * Turns a manifest (parsed JSON, `${{ NAME }}` placeholders allowed) into a
 * TypeScript ES module that builds the same manifest with `ManifestBuilder`:
 * one builder method per field (`clientName`, `webhook`, `engagement`, …), in
 * the manifest's canonical order. Every webhook header value is read from the
 * environment, `env('NAME')`, with the name `lp-app-manifest pull` gives it
 * (`LP_<EVENT>_<HEADER>`); a header value that is one placeholder keeps its
 * variable, and every other placeholder becomes `env('NAME')` in place. No
 * header value is written in the code. The module's default export is the
 * builder, so `lp-app-manifest build module.ts` builds it; run with its
 * variables set, it builds exactly the manifest `validateTemplate` returns
 * for the JSON with those variables.
 *
 * The manifest must be valid (placeholders stand for values that would pass,
 * as `validate --allow-unresolved` checks them): otherwise the result is
 * `{ ok: false, issues }`, every error as the validator reports it. The same
 * input always gives the same code, byte for byte.
 *
 * @param manifest - Parsed JSON.
 * @param options - `profile`: `general` or `connector`; default: the profile the manifest's `"$schema"` names, else `general`.
 * @returns `{ ok: true, code, variables }` or `{ ok: false, issues }`; never throws.
 *
 * @example
 * ```ts
 * import { manifestToCode } from 'lp-app-manifest/text';
 *
 * const result = manifestToCode({
 *   client_name: 'Acme App',
 *   capabilities: {
 *     webhooks: {
 *       'ms.MessagingEventNotification.ContentEvent': {
 *         endpoint: 'https://${{ LP_HOST }}/lp/content',
 *         headers: [{ header_name: 'X-Api-Key', header_value: 'k-123' }],
 *       },
 *     },
 *   },
 * });
 * if (result.ok) {
 *   console.log(result.variables); // ['LP_HOST', 'LP_CONTENTEVENT_X_API_KEY']
 *   console.log(result.code);
 *   // …
 *   // import { env, ManifestBuilder } from 'lp-app-manifest';
 *   //
 *   // export default ManifestBuilder.general()
 *   //   .clientName('Acme App')
 *   //   .webhook('ms.MessagingEventNotification.ContentEvent', `https://${env('LP_HOST')}/lp/content`, {
 *   //     headers: { 'X-Api-Key': env('LP_CONTENTEVENT_X_API_KEY') },
 *   //   });
 * } else {
 *   console.error(result.issues.map((issue) => issue.message));
 * }
 * ```
 */
export function manifestToCode(manifest: unknown, options?: ManifestToCodeOptions): ManifestCodeResult {
  let given: unknown;
  try {
    given = typeof options === 'object' && options !== null ? options.profile : undefined;
  } catch {
    given = undefined;
  }
  const profile = given ?? schemaProfile(manifest) ?? 'general';
  const result = validateTemplate(manifest, { profile: profile as Profile, env: {}, allowUnresolved: true });
  if (!result.ok) return { ok: false, issues: result.issues };
  return { ok: true, ...write(result.manifest as unknown as Json, manifest, profile as Profile) };
}

/** The module of a valid manifest (in canonical order, placeholders kept). */
function write(manifest: Json, given: unknown, profile: Profile): ManifestCode {
  const writer = new Writer(manifest, given);
  const { seed, seededEvents, template } = startOf(manifest, profile);
  let start: string;
  const startArgs: Doc[] = [];
  if (seed !== undefined) {
    start = 'ManifestBuilder.from';
    startArgs.push(literal(seed, [], writer), { kind: 'object', entries: [['profile', text(stringLiteral(profile))]] });
  } else start = `ManifestBuilder.${profile}()`;
  const calls: Call[] = [];
  const seededKeys = new Set(seed === undefined ? [] : Object.keys(seed).filter((key) => key !== CAPABILITIES_KEY));
  for (const key of Object.keys(manifest)) {
    if (seededKeys.has(key)) continue;
    const value = manifest[key];
    if (template && key in CONNECTOR_TEMPLATE && key !== CAPABILITIES_KEY) {
      if (sameJson(value, CONNECTOR_TEMPLATE[key as keyof typeof CONNECTOR_TEMPLATE])) continue;
    }
    if (key === CAPABILITIES_KEY) {
      const capabilities = value as Json;
      const skipEngagement = template && sameJson(capabilities[ENGAGEMENT_KEY], CONNECTOR_TEMPLATE.capabilities.engagement);
      calls.push(
        ...capabilityCalls(capabilities, writer, skipEngagement ? new Set([...seededEvents, ENGAGEMENT_KEY]) : seededEvents),
      );
    } else calls.push(...fieldCalls(key, value, writer));
  }

  // As Biome lays out a chain: one call after the start stays on its line (its arguments broken
  // where they do not fit); more are one per line, unless all fit on one line and no argument is complex.
  const opening = 'export default ';
  const head = seed === undefined ? [`${opening}${start}`] : call(start, startArgs, '', '', opening);
  let body: string[];
  const oneLine = `${head.join('\n')}${calls.map((c) => `.${c.method}(${c.args.map(flat).join(', ')})`).join('')};`;
  if (calls.length <= 1) {
    body = head;
    const last = calls[0];
    if (last === undefined) body[body.length - 1] += ';';
    else body.push(...call(last.method, last.args, '', ';', `${body.pop()!}.`));
  } else if (
    head.length === 1 &&
    oneLine.length <= LINE_WIDTH &&
    [...startArgs, ...calls.flatMap((c) => c.args)].every((arg) => simple(arg, 0))
  )
    body = [oneLine];
  else body = [...head, ...calls.flatMap((c, i) => call(`.${c.method}`, c.args, INDENT, i === calls.length - 1 ? ';' : ''))];

  // Always in this order: the same input gives the same bytes.
  const names = [...(writer.usesEnv ? ['env'] : []), ...(writer.usesEnvType ? ['type EnvReference'] : []), 'ManifestBuilder'];
  const lines = [
    ...headerComment(profile, writer.variables),
    `import { ${names.join(', ')} } from 'lp-app-manifest';`,
    '',
    ...body,
  ];
  return { code: `${lines.join('\n')}\n`, variables: writer.variables.map((variable) => variable.name) };
}
