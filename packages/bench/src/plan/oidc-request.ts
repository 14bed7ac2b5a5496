import type { BenchRequest } from '../load/bench-request.js';
import type { RunningTarget } from '../load/spawn-target.js';

/**
 * oidc-provider's client_credentials token request for a running oidc-provider target.
 *
 * @example await closedLoop(oidcRequest(oidc), load);
 */
export function oidcRequest(target: RunningTarget): BenchRequest {
  const cc = target.fixtures?.clientCredentials;
  if (!cc) throw new Error('not an oidc-provider target');
  return {
    method: 'POST',
    url: `${target.url}/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: cc.authorization },
    body: cc.body,
  };
}
