import type { OAuthRoConfig } from '../config/types.js';
import { ConfigurationError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import { deriveCodeKey } from './derive-code-key.js';
import { readPasswordlessSettings, type PasswordlessSettings } from './read-passwordless-settings.js';

/** Throttling of `/passwordless/start`, per fixed hour. */
export interface PasswordlessLimits {
  /** Starts accepted per client IP per hour, over all connections (Auth0: 50). */
  readonly startsPerIpPerHour: number;
  /** Messages sent per recipient (number or address) and connection per hour (default 10). */
  readonly sendsPerRecipientPerHour: number;
}

/** Options of the passwordless connections, given to `createOAuthRo`. */
export interface PasswordlessOptions {
  /** 32 bytes, or their base64/base64url/hex text: the HMAC key of stored codes. See {@link deriveCodeKey}. */
  readonly codeHashKey?: string | Uint8Array;
  readonly limits?: Partial<PasswordlessLimits>;
}

/** What the passwordless handlers need, built once at start-up. */
export interface PasswordlessContext {
  readonly codeKey: CryptoKey;
  readonly limits: PasswordlessLimits;
  /** Settings of each `sms` and `email` connection, by connection name. */
  readonly settings: ReadonlyMap<string, PasswordlessSettings>;
}

/** Auth0's published limit for `/passwordless/start`, and a cap against SMS bombing of one number. */
export const DEFAULT_PASSWORDLESS_LIMITS: PasswordlessLimits = { startsPerIpPerHour: 50, sendsPerRecipientPerHour: 10 };

function limitOf(value: number | undefined, fallback: number, path: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new ConfigurationError(path, 'must be a positive integer');
  return value;
}

/**
 * Validates every `sms` and `email` connection (settings, and the sender's own checks of its
 * provider options) and derives the code hash key. Throws {@link ConfigurationError} naming the
 * configuration path of the first problem.
 *
 * @example const passwordless = await preparePasswordless(config, deps, { codeHashKey }, kek);
 */
export async function preparePasswordless(
  config: OAuthRoConfig,
  deps: CoreDeps,
  options: PasswordlessOptions = {},
  keyEncryptionKey?: Uint8Array,
): Promise<PasswordlessContext> {
  const settings = new Map<string, PasswordlessSettings>();
  config.connections.forEach((connection, i) => {
    if (connection.strategy !== 'sms' && connection.strategy !== 'email') return;
    const path = `connections[${i}]`;
    settings.set(connection.name, readPasswordlessSettings(connection, path));
    const sender = deps.senders?.[connection.strategy];
    if (sender) sender.validate?.(connection, path);
    else deps.logger?.warn({ connection: connection.name }, `no ${connection.strategy} sender installed: /passwordless/start answers 503 for this connection`);
  });
  if (settings.size > 0 && !deps.codes) deps.logger?.warn({}, 'no code store installed: passwordless connections answer 503');
  const limits = {
    startsPerIpPerHour: limitOf(options.limits?.startsPerIpPerHour, DEFAULT_PASSWORDLESS_LIMITS.startsPerIpPerHour, 'passwordless.limits.startsPerIpPerHour'),
    sendsPerRecipientPerHour: limitOf(
      options.limits?.sendsPerRecipientPerHour,
      DEFAULT_PASSWORDLESS_LIMITS.sendsPerRecipientPerHour,
      'passwordless.limits.sendsPerRecipientPerHour',
    ),
  };
  const codeKey = await deriveCodeKey({
    ...(options.codeHashKey === undefined ? {} : { codeHashKey: options.codeHashKey }),
    ...(keyEncryptionKey ? { keyEncryptionKey } : {}),
    needed: settings.size > 0,
    random: deps.random,
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  return { codeKey, limits, settings };
}
