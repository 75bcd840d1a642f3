/**
 * `env('NAME')`: a reference to an environment variable, for the builder's
 * setters that take a deployment value. It is the placeholder `${{ NAME }}`,
 * typed so that it goes where a value from the environment makes sense and
 * nowhere else; `build()` fills it in.
 */
import { describeType } from '../validation/read.js';
import { placeholder, VARIABLE_NAME } from './placeholders.js';

declare const envReferenceBrand: unique symbol;

/**
 * A reference to the environment variable `TName`, made by {@link env}: at run
 * time the placeholder string `${{ TName }}`. Accepted by webhook endpoints
 * (where it stands for an `HttpsUrl`), header values, `clientName`,
 * `localizedClientName`, `displayName`, `description`, `logoUri`,
 * `redirectUris` and `entryUri`; not by enum values or numbers.
 *
 * @example
 * ```ts
 * import { env, type EnvReference } from 'lp-app-manifest';
 *
 * const host: EnvReference<'LP_CONTENT_URL'> = env('LP_CONTENT_URL');
 * ```
 */
export type EnvReference<TName extends string = string> = string & {
  /** The brand: a type-only property no plain `string` has. */
  readonly [envReferenceBrand]: TName;
};

/**
 * A reference to an environment variable, filled in when the manifest is
 * built: `build()` reads `process.env`, `build({ env })` the record you give.
 * A variable that is unset, or empty where a value is needed, is an
 * `unresolved_placeholder` issue at the path where the reference was used,
 * naming the variable; a value is validated where it lands, and an issue in
 * it ends with `(from NAME)`. `toTemplate()` writes the reference as
 * `${{ NAME }}`.
 *
 * @param name - The variable's name: a letter or `_`, then letters, digits and `_`.
 * @throws `TypeError` for any other name, at the call, naming it.
 * @returns The placeholder `${{ NAME }}`, typed as {@link EnvReference}.
 *
 * @example
 * ```ts
 * import { env, ManifestBuilder } from 'lp-app-manifest';
 *
 * const builder = ManifestBuilder.connector()
 *   .clientName('Acme Connector')
 *   .webhook('ms.MessagingEventNotification.ContentEvent', env('LP_CONTENT_URL'), {
 *     headers: { 'X-Acme-Token': env('LP_WEBHOOK_TOKEN') },
 *   });
 * const manifest = builder.build({
 *   env: { LP_CONTENT_URL: 'https://hooks.acme.com/lp/content', LP_WEBHOOK_TOKEN: 'tok-123' },
 * });
 * const template = builder.toTemplate(); // the endpoint reads "${{ LP_CONTENT_URL }}"
 * ```
 */
export function env<const TName extends string>(name: TName): EnvReference<TName> {
  // Untyped JavaScript: env() or env(undefined) would otherwise name a variable "undefined".
  if (typeof name !== 'string') throw new TypeError(`env(name): the name of a variable is a string, got ${describeType(name)}`);
  const text = String(name);
  if (!VARIABLE_NAME.test(text)) {
    throw new TypeError(
      `env(${JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text)}): a variable name is a letter or "_", then letters, digits and "_"`,
    );
  }
  return placeholder(text) as EnvReference<TName>;
}
