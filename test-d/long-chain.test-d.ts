// A 60-call chain must type-check without "Type instantiation is excessively deep",
// keep its type state (unbuildable until clientName) and keep checking arguments at the end.
import { expectError, expectType } from 'tsd';
import { ManifestBuilder, type ConnectorManifest, type ManifestBuilderInterface } from '../dist/index.js';

const unnamed = ManifestBuilder.connector()
  .description('step 0')
  .webhook('ms.MessagingEventNotification.RichContentEvent', 'https://hooks.example.com/1', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 2')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(7)
  .description('step 6')
  .webhook('ms.MessagingEventNotification.AcceptStatusEvent', 'https://hooks.example.com/7', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 8')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(13)
  .description('step 12')
  .webhook('ms.MessagingEventNotification.ChatStateEvent', 'https://hooks.example.com/13', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 14')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(19)
  .description('step 18')
  .webhook('cqm.ExConversationChangeNotification', 'https://hooks.example.com/19', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 20')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(25)
  .description('step 24')
  .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/25', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 26')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(31)
  .description('step 30')
  .webhook('ms.MessagingEventNotification.RichContentEvent', 'https://hooks.example.com/31', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 32')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(37)
  .description('step 36')
  .webhook('ms.MessagingEventNotification.AcceptStatusEvent', 'https://hooks.example.com/37', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 38')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(43)
  .description('step 42')
  .webhook('ms.MessagingEventNotification.ChatStateEvent', 'https://hooks.example.com/43', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 44')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(49)
  .description('step 48')
  .webhook('cqm.ExConversationChangeNotification', 'https://hooks.example.com/49', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 50')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(55)
  .description('step 54')
  .webhook('ms.MessagingEventNotification.ContentEvent', 'https://hooks.example.com/55', { maxRetries: 1 })
  .localizedClientName('fr', 'Nom 56')
  .engagement((current) => ({ ...current, entryPoint: ['url'] }))
  .grantTypes('client_credentials', 'refresh_token')
  .retryRetention(61);
expectType<ManifestBuilderInterface<'connector', false>>(unnamed);
expectError(unnamed.build());

// naming it at the end of the chain makes it buildable, with the connector's manifest type
const named = unnamed.clientName('Long chain');
expectType<ConnectorManifest>(named.build());
expectError(named.webhook('cqm.ExConversationChangeNotification', 'http://insecure.example.com'));
expectError(named.grantTypes('refresh_token'));
