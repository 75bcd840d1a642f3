/**
 * The connector profile's fixed values as the published types show them: each a literal (what
 * an editor's hover shows), and the two compile-time messages word for word. The types are
 * derived from the spec tables (test/types/connector-values.ts ties each one to its table value);
 * these assertions pin what a user sees, under every TypeScript version test/consumer/run.mjs checks.
 */
import { expectType } from 'tsd';
import type {
  ConnectorEngagementData,
  ConnectorEngagementSettings,
  ConnectorGrantTypesMessage,
  ConnectorManifest,
  ConnectorScopeMessage,
  ManifestBuilder,
  ManifestTypeError,
} from '../dist/index.js';

declare const manifest: ConnectorManifest;
declare const data: ConnectorEngagementData;
declare const settings: ConnectorEngagementSettings;
declare const scopeMessage: ConnectorScopeMessage;
declare const grantMessage: ConnectorGrantTypesMessage;
declare const scopeArguments: Parameters<ManifestBuilder<'connector'>['scope']>;

expectType<'msg.consumer'>(manifest.scope);
expectType<false>(data.design_engagement);
expectType<false>(data.design_window);
expectType<readonly ['auth']>(data.consumer_identity);
expectType<false>(settings.designEngagement);
expectType<false>(settings.designWindow);
expectType<readonly ['auth']>(settings.consumerIdentity);

// The messages, word for word as before they were made from the table's values.
expectType<'a connector\'s scope is exactly "msg.consumer"'>(scopeMessage);
expectType<'a connector needs grantTypes(...) to include "client_credentials"'>(grantMessage);
expectType<['msg.consumer'] | [ManifestTypeError<'a connector\'s scope is exactly "msg.consumer"'>]>(scopeArguments);
