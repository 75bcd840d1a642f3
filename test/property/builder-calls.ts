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
  const list = (key: string): [never] => arg((manifest[key] as unknown[]).map(text)) as [never];
  const expected = copyJson(manifest);
  const start = profile === 'connector' ? ManifestBuilder.connector() : ManifestBuilder.general();
  let b: ManifestBuilderInterface<Profile, true> = start.clientName(field('client_name'));
  for (const [key, value] of Object.entries(manifest)) {
    if (key.startsWith(LOCALIZED_NAME_PREFIX))
      b = b.localizedClientName(key.slice(LOCALIZED_NAME_PREFIX.length), text(value) as never);
  }
  if ('description' in m) b = b.description(field('description'));
  if ('grant_types' in m) b = b.grantTypes(...list('grant_types'));
  if ('response_types' in m) b = b.responseTypes(...list('response_types'));
  if ('redirect_uris' in m) b = b.redirectUris(...list('redirect_uris'));
  if ('scope' in m) b = b.scope(...((m['scope'] as string).split(' ').map(text) as [never]));
  if ('logo_uri' in m) b = b.logoUri(field('logo_uri'));
  else if (profile === 'connector') expected['logo_uri'] = CONNECTOR_TEMPLATE.logo_uri;
  if ('enabled' in m) b = b.enabled(field('enabled'));
  if ('display_name' in m) b = b.displayName(field('display_name'));
  if ('quick_launch_enabled' in m) b = b.quickLaunchEnabled(field('quick_launch_enabled'));
  if ('entry_uri' in m) b = b.entryUri(field('entry_uri'));
  if ('enabled_for_profiles' in m) b = b.enabledForProfiles(...list('enabled_for_profiles'));

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
