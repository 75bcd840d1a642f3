/**
 * Rules across fields, run once the walk is done, on the canonical output.
 * Each is named by the issue code it reports; they run in this order, so
 * their issues come out in it. A new rule across fields is an entry here.
 */
import { RETRY_KEY, WEBHOOK_EVENTS } from '../rules/tables.js';
import type { IssueCode } from './codes.js';
import { NO_PARAMS as NONE } from './issue.js';
import { at } from './paths.js';
import type { Walk } from './state.js';

type JsonObject = Record<string, unknown>;

interface CrossFieldCheck {
  readonly code: IssueCode;
  readonly run: (walk: Walk, manifest: JsonObject) => void;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `object[key]` if it is an own property: the output's objects have a prototype that may be polluted. */
const ownValue = (object: JsonObject | undefined, key: string): unknown =>
  object !== undefined && hasOwn.call(object, key) ? object[key] : undefined;

const listAt = (object: JsonObject | undefined, key: string): readonly string[] | undefined =>
  ownValue(object, key) as readonly string[] | undefined;

export const CROSS_FIELD_CHECKS: readonly CrossFieldCheck[] = [
  {
    // Only a retention time set on the policy overrides max_retries (a retry without one is an error already);
    // max_retries: 0, the opt-out, still means something.
    code: 'max_retries_with_retention',
    run(walk, manifest) {
      const webhooks = ownValue(ownValue(manifest, 'capabilities') as JsonObject | undefined, 'webhooks') as
        | JsonObject
        | undefined;
      const retry = ownValue(webhooks, RETRY_KEY) as JsonObject | undefined;
      if (ownValue(retry, 'retention_time') === undefined) return;
      const path = at(at(null, 'capabilities'), 'webhooks');
      for (const event of WEBHOOK_EVENTS) {
        const maxRetries = ownValue(ownValue(webhooks, event) as JsonObject | undefined, 'max_retries');
        if (typeof maxRetries === 'number' && maxRetries > 0) {
          walk.report(at(at(path, event), 'max_retries'), 'max_retries_with_retention', NONE);
        }
      }
    },
  },
  {
    // RFC 7591 §2.1: the code response type goes with the authorization_code grant.
    code: 'code_without_authorization_code',
    run(walk, manifest) {
      if (
        listAt(manifest, 'response_types')?.includes('code') &&
        !listAt(manifest, 'grant_types')?.includes('authorization_code')
      ) {
        walk.report(at(null, 'response_types'), 'code_without_authorization_code', NONE);
      }
    },
  },
  {
    // RFC 7591 §2.1: the authorization_code grant redirects, so it needs redirect URIs.
    code: 'authorization_code_without_redirect_uris',
    run(walk, manifest) {
      const redirects = listAt(manifest, 'redirect_uris');
      if (
        listAt(manifest, 'grant_types')?.includes('authorization_code') &&
        (redirects === undefined || redirects.length === 0)
      ) {
        walk.report(at(null, 'grant_types'), 'authorization_code_without_redirect_uris', NONE);
      }
    },
  },
  {
    // A Connector API app is sent conversation events only through its webhooks.
    code: 'connector_without_webhooks',
    run(walk, manifest) {
      if (!walk.connector) return;
      const capabilities = ownValue(manifest, 'capabilities') as JsonObject | undefined;
      const webhooks = ownValue(capabilities, 'webhooks') as JsonObject | undefined;
      if (WEBHOOK_EVENTS.some((event) => ownValue(webhooks, event) !== undefined)) return;
      const path = at(null, 'capabilities');
      if (capabilities === undefined) walk.report(path, 'connector_without_webhooks', { missing: 'capabilities' });
      else {
        walk.report(at(path, 'webhooks'), 'connector_without_webhooks', {
          missing: webhooks === undefined ? 'webhooks' : 'events',
        });
      }
    },
  },
];

/** Runs every check of {@link CROSS_FIELD_CHECKS}, in order. */
export function runCrossFieldChecks(walk: Walk, manifest: JsonObject): void {
  for (const check of CROSS_FIELD_CHECKS) check.run(walk, manifest);
}
