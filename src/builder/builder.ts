import type { SetterMethods } from '../rules/nodes.js';
import { ENGAGEMENT_FIELDS, RESPONSE_TYPES, type TOP_LEVEL_FIELDS, WEBHOOK } from '../rules/tables.js';
import { canonicalOrder } from '../validation/leaves.js';
import { CONNECTOR_TEMPLATE } from '../rules/template.js';
import type { ManifestFor, Profile } from '../types/manifest.js';
import { ManifestValidationError } from '../validation/error.js';
import { BUILDER_MESSAGES } from './messages.js';
import { isPlainObject } from '../validation/read.js';
import { failure, readOptions, runValidation, type ValidationResult } from '../validation/validate.js';
import { mayHoldPlaceholder } from '../template/placeholders.js';
import { checkTemplate, withStrings, type TemplateVariables } from '../template/resolve.js';
import type { BuildOptions, EngagementSettings, ManifestBuilder, ManifestBuilderFactory } from './types.js';

/**
 * A manifest draft in its JSON shape. The builder only copies what it is given
 * into it; every rule is checked by the validator in `build()`, so a value
 * from untyped JavaScript that is wrong shows up there, with its path.
 */
type Draft = Readonly<Record<string, unknown>>;

const ENGAGEMENT_ENTRIES = /* @__PURE__ */ Object.entries(ENGAGEMENT_FIELDS);
/** The webhook fields `webhook(event, endpoint, options)` takes as options: [JSON key, option name, whether a list]. */
const WEBHOOK_OPTIONS: readonly (readonly [string, string, boolean])[] = /* @__PURE__ */ Object.entries(WEBHOOK.fields).flatMap(
  ([key, field]) => ('option' in field ? [[key, field.option, field.type === 'list'] as const] : []),
);

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
  const out: Record<string, unknown> = { endpoint };
  // Options the rules do not know stay as they are, to be reported as unknown keys.
  const rest: Record<string, unknown> = { ...options };
  for (const [key, option, list] of WEBHOOK_OPTIONS) {
    delete rest[option];
    const value = own(options, option);
    // A list option (headers) is given as a record, name to value.
    if (value !== undefined) out[key] = list ? headersToJson(value) : value;
  }
  // The webhook, its headers, each header and its fields: copied, so the caller's objects can change later.
  return copyData({ ...out, ...rest }, 4) as Record<string, unknown>;
}

const readObject = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});

/**
 * Whether a value (a setter's argument, as deep as a manifest goes) holds a
 * string with a `${{` in it: an `env('NAME')` reference or a placeholder. Only
 * then does `build()` fill placeholders, so a builder without any costs nothing more.
 */
function holdsPlaceholder(value: unknown, depth = 6): boolean {
  if (typeof value === 'string') return mayHoldPlaceholder(value);
  if (depth === 0 || typeof value !== 'object' || value === null) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (holdsPlaceholder(item, depth - 1)) return true;
  return false;
}

/** The variables of `process.env`, where there is a process (not in a browser). */
function processEnv(): TemplateVariables {
  return typeof process === 'undefined' ? {} : process.env;
}

/**
 * The builder behind the public interface: it `implements` it (as a named builder, ready to
 * build), so a method missing here, or of another type, is a compile error on this class.
 * The factory's builders without a name are this class seen through `ManifestBuilder<…, false>`.
 */
class Builder<TProfile extends Profile> implements ManifestBuilder<TProfile>, SetterMethods<typeof TOP_LEVEL_FIELDS> {
  readonly #draft: Draft;
  /** Whether the draft may hold placeholders (set once any setter was given one). */
  readonly #templated: boolean;

  constructor(
    readonly profile: TProfile,
    draft: Draft,
    templated = false,
  ) {
    this.#draft = Object.freeze(draft);
    this.#templated = templated;
    Object.freeze(this);
  }

  #with(changes: Record<string, unknown>): Builder<TProfile> {
    return newBuilder(this.profile, { ...this.#draft, ...changes }, this.#templated || holdsPlaceholder(changes));
  }

  #capabilities(): Record<string, unknown> {
    return readObject(own(this.#draft, 'capabilities'));
  }

  #withCapability(key: 'webhooks' | 'engagement', value: unknown): Builder<TProfile> {
    const capabilities = { ...this.#capabilities(), [key]: value };
    if (value === undefined) delete capabilities[key];
    if (Object.keys(capabilities).length === 0) {
      const { capabilities: _removed, ...rest } = this.#draft;
      return newBuilder(this.profile, rest, this.#templated);
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
    // `token id_token` is `id_token token` (RFC 6749 §3.1.1): one value, however written, listed once.
    return this.#with({ response_types: uniqueCopy(responseTypes.map((value) => canonicalOrder(value, RESPONSE_TYPES))) });
  }

  redirectUris(...uris: readonly unknown[]) {
    return this.#with({ redirect_uris: [...uris] });
  }

  scope(...scopes: readonly unknown[]) {
    return this.#with({ scope: uniqueCopy(scopes).join(' ') });
  }

  logoUri(uri: unknown) {
    return this.#with({ logo_uri: uri });
  }

  enabled(enabled = true) {
    return this.#with({ enabled });
  }

  quickLaunchEnabled(enabled = true) {
    return this.#with({ quick_launch_enabled: enabled });
  }

  entryUri(uri: unknown) {
    return this.#with({ entry_uri: uri });
  }

  enabledForProfiles(...profileIds: readonly unknown[]) {
    return this.#with({ enabled_for_profiles: uniqueCopy(profileIds) });
  }

  webhook(event: unknown, endpoint: unknown, options?: unknown) {
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

  withoutWebhook(event: unknown) {
    return this.#withWebhooks((webhooks) => {
      delete webhooks[String(event)];
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

  validate(options?: unknown): ValidationResult<TProfile> {
    const read = readOptions(options, VALIDATE_OPTIONS);
    return 'code' in read ? failure(read) : this.#check(read.env);
  }

  /** The checks of `validate()` and `build()`, with the variables of `env` (`process.env` if not given). */
  #check(env: object | undefined): ValidationResult<TProfile> {
    if (!this.#templated) return runValidation(this.#draft, this.profile);
    return checkTemplate(this.#draft, { profile: this.profile, env: (env ?? processEnv()) as TemplateVariables }).result;
  }

  toTemplate(): ManifestFor<TProfile> {
    const { result, sites } = checkTemplate(this.#draft, { profile: this.profile, env: {}, allowUnresolved: true });
    if (!result.ok)
      throw new ManifestValidationError(result.issues, result.warnings, 'manifest', BUILDER_MESSAGES, result.omitted);
    // The placeholders put back as strings, where the manifest's type has them.
    return (sites.length === 0 ? result.manifest : withStrings(result.manifest, sites)) as ManifestFor<TProfile>;
  }

  build(options?: BuildOptions) {
    const read = readOptions(options, BUILD_OPTIONS);
    if ('code' in read) throw new ManifestValidationError([read]);
    const result = this.#check(read.env);
    // Strict: a warning fails the build too, listed after the errors among the issues (and so in the message).
    const strict = result.warnings.length > 0 && read.strict === true;
    if (!result.ok) {
      const [first, ...rest] = result.issues;
      throw new ManifestValidationError(
        strict ? [first, ...rest, ...result.warnings] : result.issues,
        result.warnings,
        'manifest',
        BUILDER_MESSAGES,
        result.omitted,
      );
    }
    const [first, ...rest] = result.warnings;
    if (strict && first !== undefined)
      throw new ManifestValidationError([first, ...rest], result.warnings, 'manifest', BUILDER_MESSAGES, result.omitted);
    return result.manifest;
  }
}

/**
 * `new Builder(…)`, for the class's own methods. Naming the class inside its body makes
 * TypeScript write a module-level alias (`_a = Builder`), a side effect that keeps the
 * builder in the bundle of an application that imports only `validateManifest`.
 */
function newBuilder<TProfile extends Profile>(profile: TProfile, draft: Draft, templated: boolean): Builder<TProfile> {
  return new Builder(profile, draft, templated);
}

// What each method takes in its options argument (plain JavaScript gets an invalid_options issue for anything else).
const BUILD_OPTIONS = { strict: 'boolean', env: 'object' } as const satisfies Record<keyof BuildOptions, unknown>;
const VALIDATE_OPTIONS = { env: 'object' } as const;
const FROM_OPTIONS = { profile: 'profile' } as const;

function from(manifest: unknown, options?: { readonly profile?: Profile | undefined }) {
  const read = readOptions(options, FROM_OPTIONS);
  if ('code' in read) throw new ManifestValidationError([read]);
  const { profile } = read;
  // Placeholders stay placeholders (references); everything that does not depend on them is checked now.
  const { result, sites } = checkTemplate(manifest, { profile, env: {}, allowUnresolved: true });
  if (!result.ok) throw new ManifestValidationError(result.issues, result.warnings, 'manifest', undefined, result.omitted);
  const draft = sites.length === 0 ? result.manifest : withStrings(result.manifest, sites);
  return new Builder(profile, draft as unknown as Draft, sites.length > 0);
}

/** The value behind `ManifestBuilder` (see types.ts, where it is declared with the interface of the same name). */
export const builderFactory: ManifestBuilderFactory = {
  general: () => new Builder('general', {}) as unknown as ManifestBuilder<'general', false>,
  connector: () =>
    new Builder('connector', structuredClone(CONNECTOR_TEMPLATE) as Draft) as unknown as ManifestBuilder<'connector', false>,
  from: from as ManifestBuilderFactory['from'],
};
