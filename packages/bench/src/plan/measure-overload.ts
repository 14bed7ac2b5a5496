import { bearerGet, jsonPost, probe, type BenchRequest } from '../load/bench-request.js';
import { closedLoop } from '../load/closed-loop.js';
import { percentileOf } from '../load/interleaved-samples.js';
import { openLoop, type OpenLoopResult } from '../load/open-loop.js';
import type { PollResult } from '../load/poll-during.js';
import { pollInWorker } from '../load/poll-in-worker.js';
import { procMemory } from '../load/proc-memory.js';
import type { RunningTarget } from '../load/spawn-target.js';
import { benchLoginBody, benchUserEmail } from '../targets/bench-config.js';
import type { BenchSettings } from './bench-settings.js';
import type { OverloadPhase, OverloadRow, PollFigures } from './results.js';

/** Milliseconds between two polls of JWKS, and of `/userinfo`: 20 a second each, a modest fixed rate. */
export const POLL_INTERVAL_MS = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function figures(poll: PollResult): PollFigures {
  const sorted = [...poll.latenciesMs].sort((a, b) => a - b);
  return { sent: poll.sent, ok: poll.ok, p50Ms: percentileOf(sorted, 50), p99Ms: percentileOf(sorted, 99) };
}

/** Polls JWKS and `/userinfo`, each from a worker thread of its own, until `until` settles. */
async function pollBoth(jwks: BenchRequest, userinfo: BenchRequest, until: Promise<unknown>) {
  const [j, u] = await Promise.all([pollInWorker(jwks, POLL_INTERVAL_MS, until), pollInWorker(userinfo, POLL_INTERVAL_MS, until)]);
  return { jwks: figures(j), userinfo: figures(u) };
}

function phase(result: OpenLoopResult, polled: { jwks: PollFigures; userinfo: PollFigures }): OverloadPhase {
  const unavailable = result.statuses['503'] ?? 0;
  return {
    offeredPerSecond: result.offeredPerSecond,
    sent: result.sent,
    statuses: result.statuses,
    okP50Ms: percentileOf(result.okLatenciesMs, 50),
    okP99Ms: percentileOf(result.okLatenciesMs, 99),
    unavailable,
    unavailableP50Ms: percentileOf(result.unavailableLatenciesMs, 50),
    unavailableBy: result.unavailableBy,
    ...(unavailable > 0 ? { retryAfterOn503: result.unavailableWithoutRetryAfter === 0 } : {}),
    ...polled,
  };
}

/** What {@link measureOverload} returns: the row, and the target's clock around the 2× phase (for a profile). */
export interface OverloadMeasurement {
  readonly row: OverloadRow;
  readonly doubleWindow?: { readonly fromUs: number; readonly toUs: number };
}

/**
 * On a fresh target with `users` extra users: idle latencies of JWKS and `/userinfo`; capacity
 * (closed-loop logins of the bench user); then open-loop logins rotating over the users at half and
 * at twice that capacity, JWKS and `/userinfo` polled from worker threads meanwhile; peak RSS.
 * `markDouble` reads the target's clock around the 2× phase (a `--cpu-prof` child).
 *
 * @example const { row } = await measureOverload('fastify', target, settings, 40);
 */
export async function measureOverload(
  name: string,
  target: RunningTarget,
  s: BenchSettings,
  users: number,
  markDouble = false,
): Promise<OverloadMeasurement> {
  const idleMiB = procMemory(target.pid)?.rssMiB ?? NaN;
  const fixtures = target.fixtures!;
  const login = jsonPost(`${target.url}/oauth/ro`, fixtures.loginBody);
  const logins = Array.from({ length: users }, (_, i) => jsonPost(`${target.url}/oauth/ro`, benchLoginBody(benchUserEmail(i))));
  const jwks: BenchRequest = { method: 'GET', url: `${target.url}/.well-known/jwks.json`, headers: {} };
  const userinfo = bearerGet(`${target.url}/userinfo`, fixtures.accessToken);
  for (const request of [login, logins[0]!, jwks, userinfo]) await probe(request);

  const idle = await pollBoth(jwks, userinfo, sleep(Math.max(1000, s.overloadSeconds * 600)));
  // Eight connections of one user: below brute-force protection's ten attempts in flight per user.
  await closedLoop(login, { connections: s.loginConnections, seconds: s.loginWarmupSeconds });
  const capacity = await closedLoop(login, { connections: s.loginConnections, seconds: s.loginSeconds });
  const capacityPerSecond = capacity.okPerSecond;
  const run = async (share: number, mark: boolean) => {
    const perSecond = Math.max(1, Math.round(capacityPerSecond * share));
    const fromUs = mark ? await target.mark() : 0;
    const sending = sleep(s.overloadSeconds * 1000);
    const [result, polled] = await Promise.all([
      openLoop((i) => logins[i % logins.length]!, { perSecond, seconds: s.overloadSeconds }),
      pollBoth(jwks, userinfo, sending),
    ]);
    const toUs = mark ? await target.mark() : 0;
    return { phase: phase(result, polled), window: { fromUs, toUs } };
  };
  const half = await run(0.5, false);
  await sleep(1000);
  const double = await run(2, markDouble);
  return {
    row: {
      target: name,
      users,
      capacityPerSecond,
      idle,
      half: half.phase,
      double: double.phase,
      loginRatio: double.phase.okP50Ms / half.phase.okP50Ms,
      idleMiB,
      peakMiB: procMemory(target.pid)?.peakMiB ?? NaN,
    },
    ...(markDouble ? { doubleWindow: double.window } : {}),
  };
}
