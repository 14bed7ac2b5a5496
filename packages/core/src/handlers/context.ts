import type { AdminTokenCheck } from '../admin/admin-token.js';
import type { GeolocSettings } from '../legacy/geoloc-settings.js';
import type { ConfigIndex } from '../config/resolve-client.js';
import type { PasswordlessContext } from '../passwordless/prepare-passwordless.js';
import type { MetricsRegistry } from '../metrics/metrics-registry.js';
import type { IpLimits } from '../protection/ip-limits.js';
import type { CoreDeps } from '../ports/deps.js';
import type { MintContext } from '../tokens/mint-tokens.js';
import type { MfaContext } from '../mfa/prepare-mfa.js';

/** Everything a handler needs, built once when the server starts and never mutated. */
export interface HandlerContext {
  readonly index: ConfigIndex;
  readonly deps: CoreDeps;
  readonly mint: MintContext;
  /** Code key, limits and settings of the `sms`/`email` connections. */
  readonly passwordless?: PasswordlessContext;
  /** Per-process counters and histograms behind `/metrics` (a sink; the only state handlers write). */
  readonly metrics: MetricsRegistry;
  /** Per-IP throttles across users. */
  readonly ipLimits: IpLimits;
  /** The admin API's token check; without it the `/api/v2/users` and `/api/v2/user-blocks` routes answer 404. */
  readonly adminToken?: AdminTokenCheck;
  /** How `/user/geoloc/country` answers (default: `US`, no header). */
  readonly geoloc?: GeolocSettings;
  /** MFA (TOTP): the key sealing secrets and each connection's `options.mfa`; absent without `deps.mfaEnrollments`. */
  readonly mfa?: MfaContext;
}
