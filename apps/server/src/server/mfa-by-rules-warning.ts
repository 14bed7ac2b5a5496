import type { CoreDeps, OAuthRoConfig } from '@oauth-ro/core';
import type { ServerEnvironment } from '../env/read-environment.js';
import { runsPostLoginScripts } from './load-extensibility.js';

/** The stores MFA needs, as core's deps name them. */
const MFA_STORES = ['mfaEnrollments', 'usedAssertions', 'counters'] as const;

/**
 * The operator line the standalone server prints (and logs at `warn`) when Rules or post-login
 * Actions run, so any of them may ask for MFA (docs/spec.md §5.9), but MFA cannot work as it should:
 * without its stores a login a Rule puts under MFA fails closed with 503 `temporarily_unavailable`;
 * without `OAUTH_RO_KEY_ENCRYPTION_KEY` TOTP secrets and `mfa_token`s are sealed with a key of this
 * process only (enrolments are lost at restart, tokens fail on other instances). Start-up refuses a
 * connection's `options.mfa` in either case; a Rule's request is only known at login, hence a
 * warning. Undefined when there is nothing to say. Names what is missing, never a value.
 *
 * @example
 * const warning = mfaByRulesWarning(config, stores, env);
 * if (warning) print(warning);
 */
export function mfaByRulesWarning(
  config: OAuthRoConfig,
  stores: Partial<Pick<CoreDeps, (typeof MFA_STORES)[number]>>,
  env: Pick<ServerEnvironment, 'keyEncryptionKey'>,
): string | undefined {
  if (!runsPostLoginScripts(config)) return undefined;
  const missing = MFA_STORES.filter((name) => !stores[name]);
  if (missing.length > 0) {
    return (
      `WARNING: Rules or Actions are configured, but the stores have no ${missing.join(', ')}: a login a Rule or Action ` +
      'asks MFA for fails with 503 temporarily_unavailable. Use a database store that keeps MFA enrolments; see docs/mfa.md.'
    );
  }
  if (env.keyEncryptionKey !== undefined) return undefined;
  return (
    'WARNING: Rules or Actions are configured, but OAUTH_RO_KEY_ENCRYPTION_KEY is not set: MFA a Rule or Action asks for ' +
    'seals TOTP secrets and mfa_tokens with a key of this process only (enrolments are lost at restart, mfa_tokens fail on ' +
    'other instances). Set it (openssl rand -base64 32); see docs/mfa.md.'
  );
}
