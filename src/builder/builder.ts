import { ENGAGEMENT_FIELDS } from '../spec/tables.js';
import { CONNECTOR_TEMPLATE } from '../spec/template.js';
import type { Profile } from '../types/manifest.js';
import { ManifestValidationError } from '../validation/error.js';
import { isPlainObject } from '../validation/read.js';
import { readProfile, runValidation, type ValidationResult } from '../validation/validate.js';
import type { EngagementSettings, ManifestBuilder as ManifestBuilderInterface, ManifestBuilderFactory } from './types.js';

/**
 * A manifest under construction; see {@link ManifestBuilderInterface} for every method.
 *
 * @example
 * ```ts
 * const base: ManifestBuilder<'connector', true> = ManifestBuilder.connector().clientName('Acme');
 * ```
 */
export type ManifestBuilder<
  TProfile extends Profile = Profile,
  THasName extends boolean = boolean,
> = ManifestBuilderInterface<TProfile, THasName>;

/**
 * A manifest draft in its JSON shape. The builder only copies what it is given
 * into it; every rule is checked by the validator in `build()`, so a value
 * from untyped JavaScript that is wrong shows up there, with its path.
 */
type Draft = Readonly<Record<string, unknown>>;

const ENGAGEMENT_ENTRIES = /* @__PURE__ */ Object.entries(ENGAGEMENT_FIELDS);

/** A copy of an array argument, duplicates dropped (the validator puts enum values in canonical order). */
const uniqueCopy = (values: readonly unknown[]): unknown[] => [...new Set(values)];

/** An own property only: nothing inherited (from a polluted `Object.prototype`, say) slips into a manifest. */
const own = (value: object, key: string): unknown =>
  Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * A copy of the arrays and plain objects in an argument, as deep as a
 * manifest goes, so that changing the argument after the call changes nothing
 * in the builder. Anything else is kept as it is, for the validator to report.
 */
function copyData(value: unknown, depth: number): unknown {
  if (depth === 0) return value;
  if (Array.isArray(value)) {
    // Item by item: a hole stays a hole (the validator reports it), and a huge sparse length costs nothing.
    const copy: unknown[] = new Array<unknown>(value.length);
    for (const key of Object.keys(value)) {
      if (ARRAY_INDEX.test(key)) copy[Number(key)] = copyData(value[Number(key)], depth - 1);
    }
    return copy;
  }
  if (!isPlainObject(value)) return value;
  // Object.fromEntries defines own properties, so even a "__proto__" key stays data (for the validator to reject).
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyData(item, depth - 1)]));
}

/** Maps camelCase engagement settings to the manifest's names; unknown keys pass through for the validator to report. */
function engagementToJson(settings: unknown): unknown {
  if (!isPlainObject(settings)) return settings;
  const out: Record<string, unknown> = {};
  const rest: Record<string, unknown> = { ...settings };
  for (const [jsonKey, { option }] of ENGAGEMENT_ENTRIES) {
    if (Object.hasOwn(rest, option)) {
      out[jsonKey] = rest[option];
      delete rest[option];
    }
  }
  // The block, its lists and their items: copied, so the caller's arrays can change later.
  return copyData({ ...out, ...rest }, 3);
}

/** The reverse: the current engagement block, as the settings a callback receives. */
function engagementFromJson(json: unknown): EngagementSettings {
  const source = (isPlainObject(json) ? json : CONNECTOR_TEMPLATE.capabilities.engagement) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [jsonKey, { option }] of ENGAGEMENT_ENTRIES) {
    const value = own(source, jsonKey);
    out[option] = Array.isArray(value) ? Object.freeze([...(value as unknown[])]) : value;
  }
  return Object.freeze(out) as unknown as EngagementSettings;
}

function headersToJson(headers: unknown): unknown {
  if (!isPlainObject(headers)) return headers;
  return Object.entries(headers).map(([header_name, header_value]) => ({ header_name, header_value }));
}

function webhookToJson(endpoint: unknown, options: unknown): Record<string, unknown> {
  if (options === undefined) return { endpoint };
  if (!isPlainObject(options)) return { endpoint, options };
  const { maxRetries: _maxRetries, headers: _headers, ...rest } = options;
  const maxRetries = own(options, 'maxRetries');
  const headers = own(options, 'headers');
  // The webhook, its headers, each header and its fields: copied, so the caller's objects can change later.
  return copyData(
    {
      endpoint,
      ...(maxRetries === undefined ? {} : { max_retries: maxRetries }),
      ...(headers === undefined ? {} : { headers: headersToJson(headers) }),
      ...rest,
    },
    4,
  ) as Record<string, unknown>;
}

const readObject = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});

class Builder<TProfile extends Profile> {
  readonly #draft: Draft;

  constructor(
    readonly profile: TProfile,
    draft: Draft,
  ) {
    this.#draft = Object.freeze(draft);
    Object.freeze(this);
  }

  #with(changes: Record<string, unknown>): Builder<TProfile> {
    return newBuilder(this.profile, { ...this.#draft, ...changes });
  }

  #capabilities(): Record<string, unknown> {
    return readObject(own(this.#draft, 'capabilities'));
  }

  #withCapability(key: 'webhooks' | 'engagement', value: unknown): Builder<TProfile> {
    const capabilities = { ...this.#capabilities(), [key]: value };
    if (value === undefined) delete capabilities[key];
    if (Object.keys(capabilities).length === 0) {
      const { capabilities: _removed, ...rest } = this.#draft;
      return newBuilder(this.profile, rest);
    }
    return this.#with({ capabilities });
  }

  #withWebhooks(update: (webhooks: Record<string, unknown>) => void): Builder<TProfile> {
    const webhooks = { ...readObject(own(this.#capabilities(), 'webhooks')) };
    update(webhooks);
    return this.#withCapability('webhooks', Object.keys(webhooks).length === 0 ? undefined : webhooks);
  }

  clientName(name: string) {
    return this.#with({ client_name: name });
  }

  localizedClientName(languageTag: string, name: string) {
    return this.#with({ [`client_name#${languageTag}`]: name });
  }

  displayName(name: string) {
    return this.#with({ display_name: name });
  }

  description(text: string) {
    return this.#with({ description: text });
  }

  grantTypes(...grantTypes: readonly unknown[]) {
    return this.#with({ grant_types: uniqueCopy(grantTypes) });
  }

  responseTypes(...responseTypes: readonly unknown[]) {
    return this.#with({ response_types: uniqueCopy(responseTypes) });
  }

  redirectUris(...uris: readonly unknown[]) {
    return this.#with({ redirect_uris: [...uris] });
  }

  scope(...scopes: readonly unknown[]) {
    return this.#with({ scope: uniqueCopy(scopes).join(' ') });
  }

  logoUri(uri: string) {
    return this.#with({ logo_uri: uri });
  }

  enabled(enabled = true) {
    return this.#with({ enabled });
  }

  quickLaunchEnabled(enabled = true) {
    return this.#with({ quick_launch_enabled: enabled });
  }

  entryUri(uri: string) {
    return this.#with({ entry_uri: uri });
  }

  webhook(event: string, endpoint: string, options?: unknown) {
    return this.#withWebhooks((webhooks) => {
      // Defined, not assigned: `webhooks["__proto__"] = …` would set the prototype and lose the webhook.
      Object.defineProperty(webhooks, String(event), {
        value: webhookToJson(endpoint, options),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
  }

  withoutWebhook(event: string) {
    return this.#withWebhooks((webhooks) => {
      delete webhooks[event];
    });
  }

  retryRetention(seconds: number) {
    return this.#withWebhooks((webhooks) => {
      webhooks['retry'] = { retention_time: seconds };
    });
  }

  engagement(settings: unknown) {
    const next =
      typeof settings === 'function'
        ? (settings as (current: EngagementSettings) => unknown)(engagementFromJson(own(this.#capabilities(), 'engagement')))
        : settings;
    return this.#withCapability('engagement', engagementToJson(next));
  }

  validate(): ValidationResult<TProfile> {
    return runValidation(this.#draft, this.profile);
  }

  build() {
    const result = this.validate();
    if (!result.ok) throw new ManifestValidationError(result.issues, result.warnings);
    return result.manifest;
  }
}

/**
 * `new Builder(…)`, for the class's own methods. Naming the class inside its body makes
 * TypeScript write a module-level alias (`_a = Builder`), a side effect that keeps the
 * builder in the bundle of an application that imports only `validateManifest`.
 */
function newBuilder<TProfile extends Profile>(profile: TProfile, draft: Draft): Builder<TProfile> {
  return new Builder(profile, draft);
}

function from(manifest: unknown, options?: { readonly profile?: Profile }) {
  const profile = readProfile(options);
  if (typeof profile !== 'string') throw new ManifestValidationError([profile]);
  const result = runValidation(manifest, profile);
  if (!result.ok) throw new ManifestValidationError(result.issues, result.warnings);
  return new Builder(profile, result.manifest as unknown as Draft);
}

/**
 * Starts a typed, immutable manifest builder: `ManifestBuilder.general()`,
 * `ManifestBuilder.connector()` (pre-filled with the documented connector
 * template) or `ManifestBuilder.from(json)`.
 *
 * @example
 * ```ts
 * import { ManifestBuilder, httpsUrl } from 'lp-app-manifest';
 *
 * const manifest = ManifestBuilder.connector()
 *   .clientName('Acme Connector')
 *   .localizedClientName('fr-FR', 'Connecteur Acme')
 *   .description('Routes Acme chat into LivePerson')
 *   .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.acme.com/lp/content', { maxRetries: 3 })
 *   .webhook('cqm.ExConversationChangeNotification', httpsUrl(process.env.CONV_URL ?? 'https://hooks.acme.com/lp/conv'))
 *   .retryRetention(3600)
 *   .build();
 * ```
 */
export const ManifestBuilder: ManifestBuilderFactory = {
  general: () => new Builder('general', {}) as unknown as ManifestBuilder<'general', false>,
  connector: () =>
    new Builder('connector', structuredClone(CONNECTOR_TEMPLATE) as Draft) as unknown as ManifestBuilder<'connector', false>,
  from: from as ManifestBuilderFactory['from'],
};
