/**
 * Every place in a valid manifest, with what the rules tables say belongs
 * there: the mutation, hostile-input and pollution tests change one place at
 * a time and expect the validator to point at it, and the differential test
 * of the JSON Schema (test/schema/helpers/arbitraries.ts) mutates one place
 * at a time and expects the schema and the validator to agree.
 */
import type { Profile } from '../../src/index.js';
import {
  CAPABILITY_KEYS,
  EDITOR_SCHEMA_KEY,
  ENGAGEMENT_FIELDS,
  HEADER_KEYS,
  LOCALIZED_NAME_PREFIX,
  RETENTION_TIME,
  RETRY_KEY,
  RETRY_KEYS,
  TOP_LEVEL_FIELDS,
  WEBHOOK,
  WEBHOOK_EVENTS,
  WEBHOOK_KEYS,
  type BooleanRule,
  type CAPABILITIES,
  type EnumListRule,
  type IdListRule,
  type LeafRule,
  type ScopeRule,
  type StringRule,
} from '../../src/rules/tables.js';
import { isRequired, keyAt } from './arbitraries.js';
import type { Json, Segments } from './support.js';

export type ObjectRole = 'root' | 'capabilities' | 'webhooks' | 'webhook' | 'header' | 'retry' | 'engagement';

interface Base {
  readonly path: Segments;
  /** Whether the key of this place may be removed without breaking a rule. */
  readonly required: boolean;
}

export type Site = Base &
  (
    | { readonly kind: 'object'; readonly role: ObjectRole; readonly known: readonly string[] }
    | { readonly kind: 'enum-list'; readonly rule: EnumListRule }
    | { readonly kind: 'enum-item'; readonly rule: EnumListRule }
    | { readonly kind: 'redirect-uris'; readonly itemMaxLength: number }
    | { readonly kind: 'redirect-uri'; readonly itemMaxLength: number }
    | { readonly kind: 'id-list'; readonly rule: IdListRule }
    | { readonly kind: 'id'; readonly rule: IdListRule }
    | { readonly kind: 'headers' }
    | { readonly kind: 'string'; readonly rule: StringRule; readonly localized: boolean }
    | { readonly kind: 'scope'; readonly rule: ScopeRule }
    | { readonly kind: 'boolean'; readonly rule: BooleanRule }
    | { readonly kind: 'endpoint' }
    | { readonly kind: 'integer'; readonly range: { readonly min: number; readonly max: number } }
    | { readonly kind: 'header_name' }
    | { readonly kind: 'header_value' }
    | { readonly kind: 'editor-schema' }
  );

/** The JSON type a place holds. */
export function jsonTypeOf(site: Site): 'object' | 'array' | 'string' | 'number' | 'boolean' {
  switch (site.kind) {
    case 'object':
      return 'object';
    case 'enum-list':
    case 'redirect-uris':
    case 'headers':
    case 'id-list':
      return 'array';
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'id':
      return 'number';
    default:
      return 'string';
  }
}

const TOP_LEVEL_KEYS = Object.keys(TOP_LEVEL_FIELDS);
const WEBHOOK_CONTAINER_KEYS = [...WEBHOOK_EVENTS, RETRY_KEY];
const ENGAGEMENT_KEYS = Object.keys(ENGAGEMENT_FIELDS);

function enumSites(sites: Site[], path: Segments, rule: EnumListRule, value: unknown, required: boolean): void {
  sites.push({ kind: 'enum-list', path, rule, required });
  (value as unknown[]).forEach((_, index) => sites.push({ kind: 'enum-item', path: [...path, index], rule, required: true }));
}

/** Every place of a valid manifest of the profile (keys in any order, maybe a `$schema`), parents before children. */
export function sitesOf(manifest: Json, profile: Profile): Site[] {
  const sites: Site[] = [{ kind: 'object', role: 'root', path: [], known: TOP_LEVEL_KEYS, required: true }];
  for (const [key, value] of Object.entries(manifest)) {
    if (key === EDITOR_SCHEMA_KEY) {
      // An editor's "$schema" (scramble() adds one): any string, left out of the output.
      sites.push({ kind: 'editor-schema', path: [key], required: false });
      continue;
    }
    if (key.startsWith(LOCALIZED_NAME_PREFIX)) {
      sites.push({ kind: 'string', path: [key], rule: TOP_LEVEL_FIELDS.client_name, localized: true, required: false });
      continue;
    }
    const spec = TOP_LEVEL_FIELDS[key as keyof typeof TOP_LEVEL_FIELDS];
    const required = isRequired(spec, profile);
    if (spec.type !== 'object') leafSites(sites, [key], spec, value, required);
    else {
      // The one object among the top-level fields: a second one fails to compile here, until its places are listed.
      const only: typeof CAPABILITIES = spec;
      capabilitySites(sites, value as Json, only);
    }
  }
  return sites;
}

/** The places of a leaf's value (and of its items, for a list-valued leaf), one case per kind of leaf. */
function leafSites(sites: Site[], path: Segments, spec: LeafRule, value: unknown, required: boolean): void {
  switch (spec.type) {
    case 'string':
      sites.push({ kind: 'string', path, rule: spec, localized: false, required });
      break;
    case 'enum-list':
      enumSites(sites, path, spec, value, required);
      break;
    case 'boolean':
      sites.push({ kind: 'boolean', path, rule: spec, required });
      break;
    case 'scope':
      sites.push({ kind: 'scope', path, rule: spec, required });
      break;
    case 'redirect-uris':
      sites.push({ kind: 'redirect-uris', path, itemMaxLength: spec.itemMaxLength, required });
      (value as unknown[]).forEach((_, index) =>
        sites.push({ kind: 'redirect-uri', path: [...path, index], itemMaxLength: spec.itemMaxLength, required: false }),
      );
      break;
    case 'id-list':
      sites.push({ kind: 'id-list', path, rule: spec, required });
      (value as unknown[]).forEach((_, index) => sites.push({ kind: 'id', path: [...path, index], rule: spec, required: false }));
      break;
    case 'integer':
      sites.push({ kind: 'integer', path, range: spec, required });
      break;
    case 'endpoint':
      sites.push({ kind: 'endpoint', path, required });
      break;
    case 'header-name':
      sites.push({ kind: 'header_name', path, required });
      break;
    case 'header-value':
      sites.push({ kind: 'header_value', path, required });
      break;
    default:
      spec satisfies never;
  }
}

function capabilitySites(sites: Site[], capabilities: Json, node: typeof CAPABILITIES): void {
  const path = ['capabilities'];
  sites.push({ kind: 'object', role: 'capabilities', path, known: CAPABILITY_KEYS, required: false });
  // A new capability in the rules has places of its own: this fails to compile until they are listed here.
  const listed: Record<keyof typeof node.fields, true> = { webhooks: true, engagement: true };
  void listed;
  const webhooks = capabilities['webhooks'] as Json | undefined;
  if (webhooks !== undefined) {
    const at = [...path, 'webhooks'];
    sites.push({ kind: 'object', role: 'webhooks', path: at, known: WEBHOOK_CONTAINER_KEYS, required: false });
    for (const [key, value] of Object.entries(webhooks)) {
      if (key === RETRY_KEY) {
        sites.push({ kind: 'object', role: 'retry', path: [...at, key], known: RETRY_KEYS, required: false });
        sites.push({ kind: 'integer', path: [...at, key, keyAt(RETRY_KEYS, 0)], range: RETENTION_TIME, required: true });
      } else webhookSites(sites, [...at, key], value as Json);
    }
  }
  const engagement = capabilities['engagement'] as Json | undefined;
  if (engagement !== undefined) {
    const at = [...path, 'engagement'];
    sites.push({ kind: 'object', role: 'engagement', path: at, known: ENGAGEMENT_KEYS, required: false });
    for (const [key, rule] of Object.entries(ENGAGEMENT_FIELDS)) {
      if (rule.type === 'boolean') sites.push({ kind: 'boolean', path: [...at, key], rule, required: true });
      else enumSites(sites, [...at, key], rule, engagement[key], true);
    }
  }
}

/** A webhook's places, field by field of the rules' webhook node. */
function webhookSites(sites: Site[], path: Segments, webhook: Json): void {
  sites.push({ kind: 'object', role: 'webhook', path, known: WEBHOOK_KEYS, required: false });
  // A field of a new kind (not a leaf, not the headers) fails to compile here, until its places are listed.
  for (const [key, field] of Object.entries(WEBHOOK.fields)) {
    const required = 'required' in field && field.required === 'always';
    if (!required && !(key in webhook)) continue;
    if (field.type !== 'list') {
      leafSites(sites, [...path, key], field, webhook[key], required);
      continue;
    }
    sites.push({ kind: 'headers', path: [...path, key], required });
    (webhook[key] as unknown[]).forEach((_, index) => {
      const at = [...path, key, index];
      sites.push({ kind: 'object', role: 'header', path: at, known: HEADER_KEYS, required: false });
      for (const [name, item] of Object.entries(field.items.fields)) leafSites(sites, [...at, name], item, undefined, true);
    });
  }
}

/** A manifest with every optional part the rules know, in canonical order: valid in both profiles. */
export function fullManifest(): Json {
  const header = (name: string, value: string): Json => ({ header_name: name, header_value: value });
  const webhook = (n: number): Json => ({
    endpoint: `https://hooks${n}.acme.com/lp?event=${n}`,
    max_retries: n % 6,
    headers: [header('Authorization', `Bearer token-${n}`), header('X-Acme', 'a\tb')],
  });
  return {
    client_name: 'Acme Connector',
    'client_name#fr-FR': 'Connecteur Acme',
    description: 'Routes Acme chat into LivePerson',
    grant_types: ['client_credentials', 'authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['https://acme.com/cb', 'http://localhost:8080/cb', 'com.acme.app:/cb'],
    scope: 'msg.consumer',
    logo_uri: '/assets/logo.png',
    enabled: true,
    display_name: 'Acme',
    quick_launch_enabled: false,
    entry_uri: 'https://acme.com/launch',
    enabled_for_profiles: [42, 43],
    capabilities: {
      webhooks: {
        ...Object.fromEntries(WEBHOOK_EVENTS.map((event, n) => [event, webhook(n)])),
        retry: { retention_time: 3600 },
      },
      engagement: {
        design_engagement: false,
        design_window: false,
        entry_point: ['section', 'url'],
        visitor_behavior: ['flow', 'cart_items'],
        target_audience: ['ip'],
        goal: [],
        consumer_identity: ['auth'],
        language_selection: true,
      },
    },
  } satisfies Record<keyof typeof TOP_LEVEL_FIELDS, unknown> & Json;
}
