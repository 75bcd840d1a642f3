/**
 * Builds a generated manifest with the builder's methods, and says what
 * build() must return. The objects and arrays passed as arguments are kept,
 * so a test can change them after the calls.
 */
import { escapeTemplateText } from '../../src/template/placeholders.js';
import { ManifestBuilder, type ManifestBuilderInterface, type Profile } from '../../src/index.js';
import { CONNECTOR_TEMPLATE } from '../../src/rules/template.js';
import {
  CAPABILITY_KEYS,
  ENGAGEMENT_FIELDS,
  LOCALIZED_NAME_PREFIX,
  TOP_LEVEL_FIELDS,
  WEBHOOK,
  WEBHOOK_EVENTS,
  type FieldSpec,
} from '../../src/rules/tables.js';
import type { Header, ManifestCase } from './arbitraries.js';
import { copyJson, type Json } from './support.js';

/** Puts the top-level keys in the canonical order (localized names right after client_name, by tag). */
function inTopLevelOrder(manifest: Json): Json {
  const order = Object.keys(TOP_LEVEL_FIELDS);
  const rank = (key: string): number =>
    key.startsWith(LOCALIZED_NAME_PREFIX) ? order.indexOf('client_name') + 0.5 : order.indexOf(key);
  const keys = Object.keys(manifest).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, manifest[key]]));
}

export interface BuilderCalls {
  readonly builder: ManifestBuilderInterface<Profile, true>;
  /** What build() must return. */
  readonly expected: Json;
  /** Every object and array passed to a builder method, with its JSON when it was passed. */
  readonly args: (readonly [object, string])[];
}

/**
 * Calls the builder's methods with the manifest's parts. build() must return
 * the manifest itself, except where the builder's API shapes it: headers are
 * a name → value record, kept in that record's key order; empty `webhooks`
 * and `capabilities` objects are not kept; `connector()` starts from the
 * documented template, so its logo and engagement stay unless replaced.
 */
export function buildWithMethods({ profile, manifest }: ManifestCase): BuilderCalls {
  const m = manifest;
  const args: (readonly [object, string])[] = [];
  /** Keeps an argument (and what it was), to change it later. */
  const arg = <TValue extends object>(value: TValue): TValue => (args.push([value, JSON.stringify(value)]), value);
  // The builder's parameter types are literal unions; the generated values are checked at run time by build().
  // A string given to the builder is a template ("${{ NAME }}" is a variable): a literal "${{" goes in escaped.
  const text = (value: unknown): unknown => (typeof value === 'string' ? escapeTemplateText(value) : value);
  const field = (key: string): never => text(manifest[key]) as never;
  const list = (key: string): unknown[] =>
    key === 'scope' ? (m['scope'] as string).split(' ').map(text) : arg((manifest[key] as unknown[]).map(text));
  const expected = copyJson(manifest);
  const start = profile === 'connector' ? ManifestBuilder.connector() : ManifestBuilder.general();
  let b: ManifestBuilderInterface<Profile, true> = start.clientName(field('client_name'));
  for (const [key, value] of Object.entries(manifest)) {
    if (key.startsWith(LOCALIZED_NAME_PREFIX))
      b = b.localizedClientName(key.slice(LOCALIZED_NAME_PREFIX.length), text(value) as never);
  }
  // Every other top-level value, by its setter: the key in camelCase (as the builder's `SetterMethods` says),
  // with the arguments its kind of rule takes. A new kind of leaf fails to compile in `argumentsOf`.
  for (const [key, spec] of Object.entries(TOP_LEVEL_FIELDS) as [string, FieldSpec][]) {
    if (key === 'client_name' || !(key in m)) continue;
    const args = argumentsOf(spec, key, field, list);
    if (args === undefined) continue;
    const setter = key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof typeof b;
    b = (b[setter] as unknown as (...values: unknown[]) => typeof b)(...args);
  }
  if (!('logo_uri' in m) && profile === 'connector') expected['logo_uri'] = CONNECTOR_TEMPLATE.logo_uri;

  const capabilities = (m['capabilities'] ?? {}) as Json;
  const expectedCapabilities = (expected['capabilities'] ?? {}) as Json;
  const hooks = (capabilities['webhooks'] ?? {}) as Json;
  const expectedHooks = (expectedCapabilities['webhooks'] ?? {}) as Json;
  for (const event of WEBHOOK_EVENTS) {
    const hook = hooks[event] as { endpoint: string; max_retries?: number; headers?: Header[] } | undefined;
    if (hook === undefined) continue;
    const record =
      hook.headers && arg(Object.fromEntries(hook.headers.map((h) => [h.header_name, text(h.header_value) as string])));
    b = b.webhook(
      event,
      text(hook.endpoint) as never,
      // Every other field of the webhook, by the option name the rules give it (headers as a record).
      arg(
        Object.fromEntries(
          (Object.entries(WEBHOOK.fields) as [string, FieldSpec][]).flatMap(([key, field]) => {
            const value = (hook as Record<string, unknown>)[key];
            if (field.option === undefined || value === undefined) return [];
            return [[field.option, field.type === 'list' ? record : value]];
          }),
        ) as never,
      ),
    );
    if (hook.headers !== undefined) {
      const expectedRecord = Object.fromEntries(hook.headers.map((h) => [h.header_name, h.header_value]));
      (expectedHooks[event] as Json)['headers'] = Object.entries(expectedRecord).map(([header_name, header_value]) => ({
        header_name,
        header_value,
      }));
    }
  }
  if ('retry' in hooks) b = b.retryRetention((hooks['retry'] as { retention_time: number }).retention_time);
  if (Object.keys(expectedHooks).length === 0) delete expectedCapabilities['webhooks'];

  const engagement = capabilities['engagement'] as Json | undefined;
  if (engagement !== undefined) {
    const settings = Object.fromEntries(
      Object.entries(ENGAGEMENT_FIELDS).map(([key, { option }]) => {
        const value = engagement[key];
        return [option, Array.isArray(value) ? arg([...value]) : value];
      }),
    );
    b = b.engagement(arg(settings) as never);
  } else if (profile === 'connector') {
    expectedCapabilities['engagement'] = copyJson(CONNECTOR_TEMPLATE.capabilities.engagement);
  }
  const orderedCapabilities = Object.fromEntries(
    CAPABILITY_KEYS.filter((key) => key in expectedCapabilities).map((key) => [key, expectedCapabilities[key]]),
  );
  if (Object.keys(orderedCapabilities).length === 0) delete expected['capabilities'];
  else expected['capabilities'] = orderedCapabilities;
  return { builder: b, expected: inTopLevelOrder(expected), args };
}

/**
 * The arguments of a top-level value's setter, by its kind of rule: a list is spread, `scope` is its values,
 * anything else is one argument. `undefined` for the nodes with methods of their own (`capabilities`).
 */
function argumentsOf(
  spec: FieldSpec,
  key: string,
  field: (key: string) => unknown,
  list: (key: string) => unknown[],
): unknown[] | undefined {
  switch (spec.type) {
    case 'enum-list':
    case 'redirect-uris':
    case 'id-list':
    case 'scope':
      return list(key);
    case 'string':
    case 'boolean':
    case 'integer':
      return [field(key)];
    case 'object':
    case 'list':
    case 'events':
    case 'endpoint':
    case 'header-name':
    case 'header-value':
      return undefined;
    default:
      return spec satisfies never;
  }
}
