/**
 * build() throughput for the documented connector template, written as in
 * examples/connector.ts: the whole chain, and build() alone on a finished
 * builder (a builder is immutable, so it can be built again and again).
 */
import { ManifestBuilder } from 'lp-app-manifest';
import { formatNs, formatOps, throughput, type Row } from './measure.js';

const GROUP = 'build()';
const ENDPOINT = 'https://your/webhooks/endpoint';

/** The documented connector template, from scratch. */
const documentedConnector = () =>
  ManifestBuilder.connector()
    .clientName('App name')
    .description('App description')
    .webhook('ms.MessagingEventNotification.ContentEvent', ENDPOINT, { maxRetries: 3 })
    .webhook('ms.MessagingEventNotification.RichContentEvent', ENDPOINT, { maxRetries: 5 })
    .webhook('ms.MessagingEventNotification.AcceptStatusEvent', ENDPOINT, { maxRetries: 1 })
    .webhook('ms.MessagingEventNotification.ChatStateEvent', ENDPOINT)
    .webhook('cqm.ExConversationChangeNotification', ENDPOINT);

export function benchBuild(budgetMs = 1000): Row[] {
  const finished = documentedConnector();
  const ops = throughput(
    {
      chainAndBuild: { run: () => documentedConnector().build(), opsPerRun: 1 },
      chainOnly: { run: documentedConnector, opsPerRun: 1 },
      buildOnly: { run: () => finished.build(), opsPerRun: 1 },
    },
    { budgetMs },
  );
  return [
    {
      group: GROUP,
      measure: 'connector template: chain + build()',
      result: `${formatOps(ops.chainAndBuild)}  (${formatNs(1e9 / ops.chainAndBuild)} each)`,
    },
    {
      group: GROUP,
      measure: '  of which the chain (8 calls)',
      result: `${formatOps(ops.chainOnly)}  (${formatNs(1e9 / ops.chainOnly)} each)`,
    },
    { group: GROUP, measure: '  build() alone', result: `${formatOps(ops.buildOnly)}  (${formatNs(1e9 / ops.buildOnly)} each)` },
  ];
}
