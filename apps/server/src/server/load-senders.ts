import type { CoreDeps, Logger, OAuthRoConfig } from '@oauth-ro/core';

/**
 * The passwordless message senders handed to core as `deps.senders`: loaded only when the
 * configuration has `sms` or `email` connections. Each connection's provider options
 * (`sms_gateway`, `twilio`, SMTP, or the development providers, which refuse to run with
 * `NODE_ENV=production`) are checked by the sender when it validates the connection.
 *
 * @example const senders = await loadSenders(config, logger); // { sms } for a config with an sms connection
 */
export async function loadSenders(config: OAuthRoConfig, logger: Logger, options: { zeroConfig?: boolean } = {}): Promise<NonNullable<CoreDeps['senders']>> {
  const uses = (strategy: string) => config.connections.some((c) => c.strategy === strategy);
  // The tenant's provider (Auth0's `email_provider`) sends reset and verification emails, and is the
  // fallback of passwordless email connections; zero-config mode uses the development outbox.
  const tenantProvider =
    config.email_provider && config.email_provider.enabled !== false
      ? config.email_provider
      : options.zeroConfig
        ? { name: 'development', default_from_address: 'oauth-ro development <no-reply@localhost>' }
        : undefined;
  const senders: { sms?: NonNullable<CoreDeps['senders']>['sms']; email?: NonNullable<CoreDeps['senders']>['email'] } = {};
  if (uses('sms')) {
    const { createSmsSender } = await import('@oauth-ro/senders');
    senders.sms = createSmsSender({ logger });
  }
  if (uses('email') || tenantProvider) {
    const { createEmailSender } = await import('@oauth-ro/senders');
    senders.email = createEmailSender({ logger, ...(tenantProvider ? { provider: tenantProvider, providerPath: 'email_provider' } : {}) });
  }
  // A bad provider option stops start-up naming `connections[i].options.<option>`.
  config.connections.forEach((c, i) => {
    if (c.strategy === 'sms' || c.strategy === 'email') senders[c.strategy]?.validate?.(c, `connections[${i}]`);
  });
  return senders;
}
