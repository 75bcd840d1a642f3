/**
 * The fixed corpus of the validator benchmark: the manifests in test/fixtures,
 * plus valid and invalid variants of them made by a seeded generator, so that
 * every run (and every machine) measures the same inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { WEBHOOK_EVENTS as EVENTS, type Profile } from 'lp-app-manifest';
import { prng } from '../test/helpers/prng.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One input of the corpus, and the profile it is checked against. */
export interface CorpusItem {
  readonly name: string;
  readonly profile: Profile;
  readonly value: JsonObject;
}

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const SEED = 20_250_611;

/** The fixtures, parsed, in file-name order. */
export function fixtures(): { name: string; value: JsonObject }[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, value: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as JsonObject }));
}

type Rng = () => number;
const pick = <TItem>(rng: Rng, items: readonly TItem[]): TItem => items[Math.floor(rng() * items.length)]!;
const clone = (value: JsonObject): JsonObject => structuredClone(value);

const capabilities = (m: JsonObject): JsonObject => (m['capabilities'] ??= {}) as JsonObject;
const webhooks = (m: JsonObject): JsonObject => (capabilities(m)['webhooks'] ??= {}) as JsonObject;
const engagement = (m: JsonObject): JsonObject | undefined => capabilities(m)['engagement'] as JsonObject | undefined;
/** The first subscribed webhook (one is added if there is none). */
function someWebhook(m: JsonObject): JsonObject {
  const hooks = webhooks(m);
  const event = EVENTS.find((e) => hooks[e] !== undefined) ?? EVENTS[0];
  return (hooks[event] ??= { endpoint: 'https://hooks.example.com/lp' }) as JsonObject;
}

/** Changes that keep a manifest valid under both profiles. */
const VALID_CHANGES: readonly ((m: JsonObject, rng: Rng, i: number) => void)[] = [
  (m, _, i) => (m['client_name'] = `Acme Connector ${i}`),
  (m, _, i) => (m['description'] = `Routes chat of tenant ${i} into LivePerson`),
  (m, rng) => (m[`client_name#${pick(rng, ['fr-FR', 'de', 'es-419', 'zh-Hant-TW'])}`] = 'Nom localisé'),
  (m, rng) => delete webhooks(m)[pick(rng, EVENTS)],
  (m, rng, i) => (webhooks(m)[pick(rng, EVENTS)] = { endpoint: `https://hooks${i}.example.com/lp/events`, max_retries: i % 6 }),
  (m, _, i) => (someWebhook(m)['headers'] = [{ header_name: 'X-Acme-Token', header_value: `token-${i}` }]),
  (m) => {
    for (const hook of Object.values(webhooks(m))) delete (hook as JsonObject)['max_retries'];
    webhooks(m)['retry'] = { retention_time: 3600 };
  },
  (m) => {
    const block = engagement(m);
    if (block !== undefined) block['entry_point'] = ['url', 'section'];
  },
  (m) => {
    const block = engagement(m);
    if (block !== undefined) block['language_selection'] = true;
  },
  (m) => (m['enabled'] = true),
  (m, _, i) => (m['display_name'] = `Acme ${i}`),
];

/** Changes that make a manifest invalid under both profiles, each something the JSON Schema checks too. */
const INVALID_CHANGES: readonly ((m: JsonObject, rng: Rng, i: number) => void)[] = [
  (m) => (someWebhook(m)['endpoint'] = 'http://hooks.example.com/lp'),
  (m) => (m['clientName'] = 'Acme'),
  (m) => (someWebhook(m)['max_retries'] = 9),
  (m) => (m['grant_types'] = ['client_credentials', 'password']),
  (m) => (m['client_name'] = 'x'.repeat(300)),
  (m) => (m['enabled'] = 'yes'),
  (m) => delete m['client_name'],
  (m) =>
    (webhooks(m)['ms.MessagingEventNotification.ExConversationChangeNotification'] = {
      endpoint: 'https://hooks.example.com/lp',
    }),
  (m) => {
    const block = engagement(m);
    if (block !== undefined) block['entry_point'] = [];
    else m['logo_uri'] = 42;
  },
  (m) => (someWebhook(m)['headers'] = [{ header_name: 'X Acme Token', header_value: 'v' }]),
  (m) => (m['scope'] = 'everything'),
  (m) => (m['redirect_uris'] = 'https://acme.com/cb'),
  (m, _, i) => (capabilities(m)['unknown_capability'] = i),
];

/** A base manifest of the fixtures with 1–3 changes of `changes` applied. */
function variant(
  rng: Rng,
  bases: readonly { name: string; value: JsonObject }[],
  changes: readonly ((m: JsonObject, rng: Rng, i: number) => void)[],
  i: number,
): { name: string; value: JsonObject } {
  const base = pick(rng, bases);
  const value = clone(base.value);
  const count = 1 + Math.floor(rng() * 3);
  for (let n = 0; n < count; n++) pick(rng, changes)(value, rng, i);
  return { name: `${base.name} variant ${i}`, value };
}

/**
 * The corpus: every fixture under both profiles, then `size` generated
 * valid variants and `size` invalid ones (1–3 changes each, the invalid ones
 * with at least one breaking change). Which are valid is decided later, by
 * both validators.
 */
export function corpus(size = 100): CorpusItem[] {
  const rng = prng(SEED);
  const bases = fixtures();
  const items: CorpusItem[] = [];
  const profiles: readonly Profile[] = ['general', 'connector'];
  for (const base of bases) for (const profile of profiles) items.push({ name: base.name, profile, value: base.value });
  for (let i = 0; i < size; i++) {
    items.push({ ...variant(rng, bases, VALID_CHANGES, i), profile: pick(rng, profiles) });
  }
  for (let i = 0; i < size; i++) {
    const broken = variant(rng, bases, VALID_CHANGES, i);
    pick(rng, INVALID_CHANGES)(broken.value, rng, i);
    items.push({ name: `${broken.name} (broken)`, profile: pick(rng, profiles), value: broken.value });
  }
  return items;
}
