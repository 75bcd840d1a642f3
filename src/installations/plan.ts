/**
 * Planning a deployment without touching anything: which fields of an
 * installation the manifest manages, what LivePerson adds, and the body an
 * update sends (the installation as read, with exactly the managed fields replaced).
 */
import { headerVariableName, isShownKey } from '../rules/secrets.js';
import {
  CAPABILITIES,
  CAPABILITY_KEYS,
  HEADER,
  HEADERS,
  LOCALIZED_NAME_PREFIX,
  SERVER_ASSIGNED_KEYS,
  TOP_LEVEL_FIELDS,
  WEBHOOK,
  WEBHOOKS,
} from '../rules/tables.js';
import { diffManifests, formatJsonPath, type ManifestChange, type ManifestDiff } from './diff.js';
import { isObject } from './json.js';

/** A JSON object as LivePerson's App Installations API returns it. */
export type Installation = { readonly [key: string]: unknown };

const MANAGED_FIELDS: readonly string[] = /* @__PURE__ */ Object.freeze(Object.keys(TOP_LEVEL_FIELDS));

/**
 * The top-level fields a manifest manages (besides localized `client_name#<tag>`
 * names): every field of the manifest format, as the rules tree lists them.
 * Everything else on an installation is LivePerson's or unknown to this
 * package, and an update keeps it as it was read.
 *
 * @example
 * ```ts
 * import { managedFields } from 'lp-app-manifest/installations';
 *
 * managedFields().includes('capabilities'); // true
 * ```
 */
export const managedFields = (): readonly string[] => MANAGED_FIELDS;

/**
 * The keys of `capabilities` a manifest manages (`webhooks`, `engagement`);
 * others (LivePerson adds e.g. `broadcast`) are kept by an update.
 *
 * @example
 * ```ts
 * import { managedCapabilities } from 'lp-app-manifest/installations';
 *
 * managedCapabilities(); // ['webhooks', 'engagement']
 * ```
 */
export const managedCapabilities = (): readonly string[] => CAPABILITY_KEYS;

/**
 * Fields LivePerson assigns to an installation (as seen in LivePerson's
 * Connector API demo app and other public tools; the list is not documented
 * by LivePerson). `pull` leaves them out of the manifest; `client_secret` is a
 * secret and never printed or written, except by `apply --credentials-out`.
 *
 * @example
 * ```ts
 * import { SERVER_FIELDS } from 'lp-app-manifest/installations';
 *
 * SERVER_FIELDS.includes('client_secret'); // true
 * ```
 */
export const SERVER_FIELDS = SERVER_ASSIGNED_KEYS;

const isManaged = (key: string): boolean => MANAGED_FIELDS.includes(key) || key.startsWith(LOCALIZED_NAME_PREFIX);
const isManagedCapability = (key: string): boolean => (CAPABILITY_KEYS as readonly string[]).includes(key);

function set(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A webhook header value that {@link manifestFromInstallation} replaced by a
 * `${{ NAME }}` placeholder: where it was, and the variable named.
 *
 * @example
 * ```ts
 * import type { HiddenHeader } from 'lp-app-manifest/installations';
 *
 * const hidden: HiddenHeader = { path: 'capabilities.webhooks["ms.MessagingEventNotification.ContentEvent"].headers[0].header_value', variable: 'LP_CONTENTEVENT_X_API_KEY' };
 * ```
 */
export interface HiddenHeader {
  readonly path: string;
  readonly variable: string;
}

/** The key of a node among an object's fields (the tree names each place once). */
const keyOf = (fields: object, node: unknown): string => Object.entries(fields).find(([, field]) => field === node)![0];

// Where the header values are, read from the tree: capabilities.<webhooks>[event].<headers>[i].<secret field>.
const WEBHOOKS_KEY = /* @__PURE__ */ keyOf(CAPABILITIES.fields, WEBHOOKS);
const HEADERS_KEY = /* @__PURE__ */ Object.entries(WEBHOOK.fields).find(([, field]) => field.type === 'list')![0];
const HEADER_NAME_KEY = HEADERS.uniqueName;
const HEADER_VALUE_KEY = /* @__PURE__ */ Object.entries(HEADER.fields).find(([, field]) => 'secret' in field)![0];

/** Replaces every webhook header value with a placeholder, in place (on a copy made here). */
function hideHeaderValues(capabilities: Record<string, unknown>, hidden: HiddenHeader[]): void {
  const webhooks = capabilities[WEBHOOKS_KEY];
  if (!isObject(webhooks)) return;
  const taken = new Set<string>();
  const copy: Record<string, unknown> = {};
  for (const event of Object.keys(webhooks)) {
    const webhook = webhooks[event];
    if (!isObject(webhook) || !Array.isArray(webhook[HEADERS_KEY])) {
      set(copy, event, webhook);
      continue;
    }
    const headers = (webhook[HEADERS_KEY] as unknown[]).map((header, index) => {
      if (!isObject(header) || !Object.hasOwn(header, HEADER_VALUE_KEY)) return header;
      const variable = headerVariableName(event, header[HEADER_NAME_KEY], index, taken);
      const segments = ['capabilities', WEBHOOKS_KEY, event, HEADERS_KEY, index, HEADER_VALUE_KEY];
      hidden.push({ path: formatJsonPath(segments), variable });
      const masked: Record<string, unknown> = {};
      for (const key of Object.keys(header)) set(masked, key, key === HEADER_VALUE_KEY ? `\${{ ${variable} }}` : header[key]);
      return masked;
    });
    const maskedWebhook: Record<string, unknown> = {};
    for (const key of Object.keys(webhook)) set(maskedWebhook, key, key === HEADERS_KEY ? headers : webhook[key]);
    set(copy, event, maskedWebhook);
  }
  set(capabilities, WEBHOOKS_KEY, copy);
}

/** A path of what LivePerson answered, or, where a key is not a name (a pasted `Authorization: Bearer …` line, maybe), a phrase in its place. */
const shownPath = (segments: readonly string[]): string =>
  segments.every(isShownKey) ? formatJsonPath(segments) : '(a key that is not an HTTP token)';

/**
 * What an installation says about the fields a manifest manages: the
 * manifest it corresponds to (`manifest`), the JSON paths of the fields left
 * out because a manifest has no place for them (`leftOut`: fields not in
 * {@link SERVER_FIELDS} and not managed, such as `capabilities.broadcast`;
 * a key that is not a name is never shown, so such a path reads
 * `(a key that is not an HTTP token)`),
 * and, with `hideSecrets`, the webhook header values replaced by `${{ NAME }}`
 * placeholders (`hidden`): a header value is often an API key or a signature
 * secret, and an exported file must not carry it (set it from the
 * environment instead).
 *
 * @param installation - An installation as LivePerson returns it.
 * @param options - `hideSecrets` (default `true`): replace header values by placeholders.
 *
 * @example
 * ```ts
 * import { manifestFromInstallation } from 'lp-app-manifest/installations';
 *
 * const { manifest, leftOut } = manifestFromInstallation({ id: '42', client_name: 'Bot', client_secret: 's', extra: 1 });
 * console.log(manifest); // { client_name: 'Bot' }
 * console.log(leftOut); // ['extra']
 * ```
 */
export function manifestFromInstallation(
  installation: Installation,
  options: { readonly hideSecrets?: boolean } = {},
): { readonly manifest: Record<string, unknown>; readonly leftOut: readonly string[]; readonly hidden: readonly HiddenHeader[] } {
  const manifest: Record<string, unknown> = {};
  const leftOut: string[] = [];
  const hidden: HiddenHeader[] = [];
  for (const key of Object.keys(installation)) {
    const value = installation[key];
    if (key === 'capabilities' && isObject(value)) {
      const capabilities: Record<string, unknown> = {};
      for (const capability of Object.keys(value)) {
        if (isManagedCapability(capability)) set(capabilities, capability, value[capability]);
        else leftOut.push(shownPath(['capabilities', capability]));
      }
      if (options.hideSecrets !== false) hideHeaderValues(capabilities, hidden);
      if (Object.keys(capabilities).length > 0) set(manifest, key, capabilities);
    } else if (isManaged(key)) set(manifest, key, value);
    else if (!(SERVER_FIELDS as readonly string[]).includes(key)) leftOut.push(shownPath([key]));
  }
  return { manifest, leftOut, hidden };
}

/**
 * What `apply` would do: `create` (nothing installed), `update` (the
 * installation differs) or `none`. `body` is what would be sent; `diff` is
 * from the installed manifest fields to the desired ones (secrets hidden);
 * `deletions` are the changes of `diff` that remove something the
 * installation has (a field, a webhook, a header, a redirect URI: every
 * `removed` change), which `apply` carries out only when told to
 * (`--allow-deletes`). A `create` deletes nothing.
 *
 * @example
 * ```ts
 * import { planInstallation, type InstallationPlan } from 'lp-app-manifest/installations';
 *
 * const plan: InstallationPlan = planInstallation({ client_name: 'Bot' }, undefined);
 * console.log(plan.action, plan.deletions.length); // 'create' 0
 * ```
 */
export type InstallationPlan =
  | {
      readonly action: 'create';
      readonly body: Record<string, unknown>;
      readonly diff: ManifestDiff;
      readonly deletions: readonly ManifestChange[];
    }
  | {
      readonly action: 'update' | 'none';
      readonly id: string | undefined;
      readonly body: Record<string, unknown>;
      readonly diff: ManifestDiff;
      readonly deletions: readonly ManifestChange[];
    };

/**
 * Plans the deployment of a manifest. Pure: it only compares.
 *
 * - Nothing installed (`installed` undefined): `create`, whose body is the
 *   manifest itself (LivePerson's install call takes the manifest JSON).
 * - Otherwise the body is the installation as read, with exactly the fields a
 *   manifest manages ({@link managedFields}, `client_name#<tag>`, and
 *   `capabilities.webhooks`/`.engagement`) replaced by the manifest's, and
 *   every other field kept: LivePerson deletes attributes missing from an
 *   update body (account-config API docs), so nothing it or another tool set
 *   is lost. A managed field the manifest leaves out is removed, except
 *   `enabled`: LivePerson itself may disable an app (e.g. a slow webhook
 *   endpoint), so `enabled` is managed only when the manifest sets it, and
 *   then drift shows (`~ enabled: false → true`). A top-level key the rules do not know that
 *   `desired` sets (one `validateManifest`'s `allowKeys` let through) is managed too while it sets
 *   it: the update replaces LivePerson's value, and the diff shows it.
 * - `none` when the managed fields already match (no write is needed).
 * - `deletions`: what the update removes (a managed field, webhook, header or
 *   redirect URI the installation has and the manifest leaves out).
 *
 * @param desired - The manifest to deploy (best: a valid, canonical manifest from `validateManifest`).
 * @param installed - The installation as read from LivePerson, or `undefined` if there is none.
 *
 * @example
 * ```ts
 * import { formatManifestDiff, planInstallation } from 'lp-app-manifest/installations';
 *
 * const plan = planInstallation(
 *   { client_name: 'Bot', enabled: true },
 *   { id: 'a1', client_id: 'c1', client_name: 'Bot', enabled: false, is_internal: false },
 * );
 * console.log(plan.action); // 'update'
 * console.log(formatManifestDiff(plan.diff)); // ~ enabled: false → true
 * console.log(plan.body); // { id: 'a1', client_id: 'c1', client_name: 'Bot', enabled: true, is_internal: false }
 * ```
 */
export function planInstallation(desired: Installation, installed: Installation | undefined): InstallationPlan {
  const wanted: Record<string, unknown> = {};
  for (const key of Object.keys(desired)) if (key !== '$schema') set(wanted, key, desired[key]);
  // A top-level key the rules do not know that the manifest sets (validateManifest lets one through only when
  // allowKeys names it) is the manifest's too, while it sets it: replaced, and shown in the diff.
  const allowed = Object.keys(wanted).filter((key) => !isManaged(key) && !(SERVER_FIELDS as readonly string[]).includes(key));
  const managesKey = (key: string): boolean => isManaged(key) || allowed.includes(key);
  if (installed === undefined) {
    return Object.freeze({ action: 'create', body: wanted, diff: diffManifests({}, wanted), deletions: Object.freeze([]) });
  }
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(installed)) {
    if (key === 'capabilities') {
      const capabilities = mergeCapabilities(installed[key], wanted[key]);
      if (capabilities !== undefined) set(body, key, capabilities);
    } else if (!managesKey(key) || (key === 'enabled' && !Object.hasOwn(wanted, 'enabled'))) set(body, key, installed[key]);
    else if (Object.hasOwn(wanted, key)) set(body, key, wanted[key]);
  }
  for (const key of Object.keys(wanted)) if (!Object.hasOwn(installed, key)) set(body, key, wanted[key]);
  const id =
    typeof installed['id'] === 'string'
      ? installed['id']
      : typeof installed['id'] === 'number'
        ? String(installed['id'])
        : undefined;
  const view = (installation: Installation): Record<string, unknown> => {
    const { manifest } = manifestFromInstallation(installation, { hideSecrets: false });
    for (const key of allowed) if (Object.hasOwn(installation, key)) set(manifest, key, installation[key]);
    return manifest;
  };
  const diff = diffManifests(view(installed), view(body));
  const deletions = Object.freeze(diff.changes.filter((change) => change.kind === 'removed'));
  return Object.freeze({ action: diff.equal ? 'none' : 'update', id, body, diff, deletions });
}

/**
 * The installation's `capabilities` with the managed ones replaced by the
 * manifest's; `undefined` when nothing is left (the key is then left out).
 */
function mergeCapabilities(had: unknown, want: unknown): unknown {
  if (!isObject(had) || (want !== undefined && !isObject(want))) return want;
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(had)) if (!isManagedCapability(key)) set(merged, key, had[key]);
  if (isObject(want)) for (const key of Object.keys(want)) set(merged, key, want[key]);
  return Object.keys(merged).length > 0 || want !== undefined ? merged : undefined;
}
