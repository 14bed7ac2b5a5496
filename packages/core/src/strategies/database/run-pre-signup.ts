import type { ClientConfig, ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { OAuthRequest } from '../../http/types.js';
import type { CoreDeps } from '../../ports/deps.js';
import { err, ok, type Result } from '../../util/result.js';

/** Metadata of a sign-up after the pre-sign-up step (Auth0's pre-user-registration Actions and Hooks). */
export interface EnrichedSignup {
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  readonly app_metadata?: Readonly<Record<string, unknown>>;
}

/**
 * Runs `deps.hooks.preSignup`, if any, before anything is hashed or stored: it may refuse the sign-up
 * or add metadata (what it sets replaces the caller's `user_metadata` keys of the same name).
 *
 * @example
 * const enriched = await runPreSignup(ctx, request, client, connection, { email, user_metadata });
 */
export async function runPreSignup(
  ctx: { readonly deps: Pick<CoreDeps, 'hooks' | 'logger'> },
  request: OAuthRequest,
  client: ClientConfig,
  connection: ConnectionConfig,
  input: { readonly email?: string; readonly username?: string | undefined; readonly user_metadata?: Readonly<Record<string, unknown>> | undefined },
): Promise<Result<EnrichedSignup, OAuthError>> {
  const base = input.user_metadata === undefined ? {} : { user_metadata: input.user_metadata };
  const hooks = ctx.deps.hooks;
  if (!hooks?.preSignup) return ok(base);
  const userAgent = request.headers['user-agent'];
  const outcome = await hooks.preSignup({
    ...(input.email === undefined ? {} : { email: input.email }),
    ...(input.username === undefined ? {} : { username: input.username }),
    ...base,
    client,
    connection,
    request: { ip: request.ip, ...(userAgent === undefined ? {} : { user_agent: userAgent }) },
  }).catch((error: unknown) => {
    ctx.deps.logger?.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'pre-sign-up step failed');
    return err(oauthError('invalid_signup', 'the sign-up could not be completed'));
  });
  if (!outcome.ok) return outcome;
  const user_metadata = outcome.value.user_metadata ? { ...input.user_metadata, ...outcome.value.user_metadata } : input.user_metadata;
  return ok({
    ...(user_metadata === undefined ? {} : { user_metadata }),
    ...(outcome.value.app_metadata === undefined ? {} : { app_metadata: outcome.value.app_metadata }),
  });
}
