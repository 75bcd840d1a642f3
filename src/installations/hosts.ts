/**
 * Where the client's requests go: LivePerson's Domain API (CSDS), at
 * `LP_CSDS_URL` or the documented default, names each service's host. Every
 * call is `https://`, except to a local fake: loopback hosts behind an
 * `http://` Domain API on a loopback host.
 */
import { LOOPBACK_REDIRECT_HOSTS } from '../index.js';
import { InstallationsError } from './errors.js';
import { type Send, failure, listOf, parseJson } from './http.js';
import { isObject } from './json.js';

/** The Domain API (CSDS) LivePerson documents for every account ("Retrieve API Domains"). */
export const DEFAULT_CSDS_URL = 'https://api.liveperson.net';

/** The environment variables the client reads (all optional). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The services the client calls: App Installations, and the Login API. */
export type Service = 'accountConfigReadWrite' | 'agentVep';

/** The URLs of one account on LivePerson's services. */
export interface Hosts {
  /**
   * The URL of `path` under the account on `service` (`https://host/api/account/ID/path`). The
   * hosts come from one Domain API call, made at the first need and reused; after a failure,
   * the next need asks again.
   */
  url(service: Service, path: string): Promise<string>;
}

/** This machine's host names, which the rules allow plain `http://` to (a redirect URI; here, a local fake). */
const isLoopback = (hostname: string): boolean => (LOOPBACK_REDIRECT_HOSTS as readonly string[]).includes(hostname);

/** The Domain API's base URL from `LP_CSDS_URL`: https anywhere, http only on a loopback host (a local fake). */
function csdsBase(env: Env): URL {
  const raw = env['LP_CSDS_URL'];
  if (raw === undefined || raw === '') return new URL(DEFAULT_CSDS_URL);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InstallationsError('config', 'LP_CSDS_URL is not a URL');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new InstallationsError(
      'config',
      'LP_CSDS_URL must be a plain URL: no user name or password, query or fragment (https://, or http:// to this machine only)',
    );
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InstallationsError(
      'config',
      `LP_CSDS_URL uses http://, which is allowed only on a loopback host (${LOOPBACK_REDIRECT_HOSTS.join(', ')}); use https://`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InstallationsError('config', 'LP_CSDS_URL must be an https:// URL');
  return url;
}

/** The base URL of a service host the Domain API gave, under the scheme rules. */
function serviceBase(csds: URL, service: Service, baseURI: string): string {
  const unusable = (): InstallationsError =>
    new InstallationsError('protocol', `the Domain API gave an unusable host for ${service}`);
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(baseURI) ? baseURI : `https://${baseURI}`);
  } catch {
    throw unusable();
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    (url.pathname !== '/' && url.pathname !== '')
  )
    throw unusable();
  // A loopback host behind a loopback http Domain API is a local fake: it is called over http.
  const fake = csds.protocol === 'http:' && isLoopback(url.hostname);
  if (url.protocol === 'http:' && !fake)
    throw new InstallationsError('config', `the Domain API gave an http:// host for ${service}; only https:// is used`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw unusable();
  return `${fake ? 'http:' : 'https:'}//${url.host}`;
}

/** The Domain API asked, and the entries of its answer (`{ service, baseURI }`, unchecked). */
interface DomainAnswer {
  readonly csds: URL;
  readonly entries: readonly unknown[];
}

export function createHosts(env: Env, account: string, send: Send): Hosts {
  const accountPath = `/api/account/${encodeURIComponent(account)}`;
  const what = `Domain API (account ${account})`;
  let lookup: Promise<DomainAnswer> | undefined;

  async function lookUp(): Promise<DomainAnswer> {
    const csds = csdsBase(env);
    const url = `${csds.href.replace(/\/+$/, '')}${accountPath}/service/baseURI.json?version=1.0`;
    return send({
      what,
      method: 'GET',
      url,
      read: (answer) => {
        if (answer.status !== 200) failure(what, answer);
        return { csds, entries: listOf(parseJson(answer, what)) ?? [] };
      },
    });
  }

  return {
    async url(service, path) {
      lookup ??= lookUp();
      try {
        const { csds, entries } = await lookup;
        const entry = entries.find((item) => isObject(item) && item['service'] === service);
        const baseURI = isObject(entry) ? entry['baseURI'] : undefined;
        if (typeof baseURI !== 'string' || baseURI === '')
          throw new InstallationsError('protocol', `${what}: no host for the service ${service}`);
        return `${serviceBase(csds, service, baseURI)}${accountPath}${path}`;
      } catch (error) {
        lookup = undefined;
        throw error;
      }
    },
  };
}
