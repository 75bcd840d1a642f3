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
  credentialsFromEnv,
  DEFAULT_CSDS_URL,
  DEFAULT_TIMEOUT_MS,
  InstallationsError,
  MAX_TRIES,
  type Clock,
  type CreatedInstallation,
  type Credentials,
  type InstallationsClient,
  type InstallationsClientOptions,
  type InstallationsErrorCode,
  type ReadInstallation,
} from './client.js';
export {
  diffManifests,
  formatJsonPath,
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
