import { convertCustomDatabase } from './convert-extensibility.js';
import { isRecord, type Auth0Record, type MigrationContext } from './migration-context.js';
import { convertPasswordOptions } from './convert-password-options.js';

const POLICIES = new Set(['none', 'low', 'fair', 'good', 'excellent']);

/** Auth0 database options with no oauth-ro counterpart, when switched on. */
const UNSUPPORTED: Readonly<Record<string, (value: unknown) => boolean>> = {
  passkey_options: (v) => isRecord(v),
};

/**
 * Converts the options of an Auth0 database connection (`strategy: auth0`, or a deploy-cli
 * `databases` entry): the password policy, brute-force protection, `requires_username` and
 * `disable_signup` carry over, and custom-database scripts (`customScripts`, `import_mode`) and
 * `mfa` (with a warning: users enrol again); other
 * Auth0-only features are warnings.
 *
 * @example
 * convertDatabaseOptions({ passwordPolicy: 'good', brute_force_protection: true }, 'connections[0]', context);
 * // { passwordPolicy: 'good', brute_force_protection: true }
 */
export function convertDatabaseOptions(options: Auth0Record, where: string, context: MigrationContext, name = ''): Auth0Record {
  const out: Auth0Record = {};
  const policy = options.passwordPolicy;
  if (typeof policy === 'string' && POLICIES.has(policy)) out.passwordPolicy = policy;
  else if (policy === null) out.passwordPolicy = 'none';
  for (const key of ['brute_force_protection', 'requires_username', 'disable_signup']) {
    if (typeof options[key] === 'boolean') out[key] = options[key];
  }
  Object.assign(out, convertPasswordOptions(options, where, context));
  Object.assign(out, convertCustomDatabase(options, where, name, context));
  const mfa = options.mfa;
  if (isRecord(mfa) && mfa.active === true) {
    // docs/spec.md §5.9: the same switch; Auth0 exports no TOTP secret, so users enrol again.
    out.mfa = { active: true, return_enroll_settings: mfa.return_enroll_settings === true };
    context.warnings.push(`${where}.options.mfa: carried over; users must enrol their authenticator again (Auth0 exports no MFA secrets) and OAUTH_RO_KEY_ENCRYPTION_KEY must be set`);
  }
  for (const [key, on] of Object.entries(UNSUPPORTED)) {
    if (on(options[key])) context.warnings.push(`${where}.options.${key}: not supported; ignored`);
  }
  return out;
}
