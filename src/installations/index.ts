/**
 * lp-app-manifest/installations: deploying a manifest to LivePerson through
 * the App Installations API. A semantic diff of manifests, a pure planner,
 * and a client with revisions, retries and a bounded time. Node.js only
 * (it uses the global `fetch`).
 *
 * @packageDocumentation
 */
export {
  createInstallationsClient,
  type CreatedInstallation,
  type InstallationsClient,
  type InstallationsClientOptions,
  type ReadInstallation,
} from './client.js';
export { InstallationsError, type InstallationsErrorCode } from './errors.js';
export { DEFAULT_CSDS_URL } from './hosts.js';
export { DEFAULT_TIMEOUT_MS, MAX_TRIES, RETRY_PAUSES_MS, type Clock } from './http.js';
export { credentialsFromEnv, type Credentials } from './login.js';
export {
  diffManifests,
  formatJsonPath,
  formatManifestChange,
  formatManifestDiff,
  HIDDEN_VALUE,
  isSecretKey,
  type ManifestChange,
  type ManifestDiff,
} from './diff.js';
export {
  managedCapabilities,
  managedFields,
  manifestFromInstallation,
  planInstallation,
  SERVER_FIELDS,
  type HiddenHeader,
  type Installation,
  type InstallationPlan,
} from './plan.js';
