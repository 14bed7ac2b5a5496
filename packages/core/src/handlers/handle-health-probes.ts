import { jsonResponse } from '../http/respond.js';
import type { OAuthResponse } from '../http/types.js';
import type { HandlerContext } from './context.js';

/** A readiness probe answers within this time even when a store hangs. */
export const READINESS_TIMEOUT_MS = 2000;

const NO_STORE = { 'cache-control': 'no-store' };

/** One check's outcome on the wire. */
type CheckResult = { status: 'ok' } | { status: 'unavailable'; reason: string };

async function runCheck(check: () => Promise<void>): Promise<CheckResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timeout]);
    return { status: 'ok' };
  } catch (error) {
    // Store errors name the store and the failure (ECONNREFUSED, a timeout), never a URL.
    return { status: 'unavailable', reason: (error instanceof Error ? error.message : String(error)).slice(0, 200) || 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health/live`: liveness, 200 `{"status":"ok"}` while the process answers at all. An
 * orchestrator restarts an instance when this fails, so it checks nothing outside the process.
 *
 * @example handleLive(); // 200 {"status":"ok"}
 */
export function handleLive(): OAuthResponse {
  return jsonResponse(200, { status: 'ok' }, NO_STORE);
}

/**
 * `GET /health/ready`: readiness for a load balancer. Runs every check of `deps.readiness` side by
 * side (each within two seconds) and answers 200 `{"status":"ok","checks":{"database":{"status":"ok"}}}`
 * when all pass, else 503 with `Retry-After` and each check's own status, the failing ones with a
 * `reason` (as Keycloak's and Ory Kratos' probes report per check).
 *
 * @example
 * await handleReady(ctx); // 503 {"status":"unavailable","checks":{"database":{"status":"ok"},"redis":{"status":"unavailable","reason":"…"}}}
 */
export async function handleReady(ctx: HandlerContext): Promise<OAuthResponse> {
  const entries = Object.entries(ctx.deps.readiness ?? {});
  const results = await Promise.all(entries.map(async ([name, check]) => [name, await runCheck(check)] as const));
  const ready = results.every(([, result]) => result.status === 'ok');
  const body = { status: ready ? 'ok' : 'unavailable', checks: Object.fromEntries(results) };
  return ready ? jsonResponse(200, body, NO_STORE) : jsonResponse(503, body, { ...NO_STORE, 'retry-after': '1' });
}
