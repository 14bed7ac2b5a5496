import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRequest } from '../load/bench-request.js';
import { closedLoop } from '../load/closed-loop.js';
import { spawnTarget, type RunningTarget } from '../load/spawn-target.js';
import { summarizeCpuProfile, type CpuProfile, type ProfileWindow } from '../report/summarize-cpu-profile.js';
import type { TargetSpec } from '../targets/protocol.js';
import type { BenchSettings } from './bench-settings.js';
import type { ProfileRow } from './results.js';

/**
 * Runs one path against a fresh target started with `--cpu-prof`, stops it, and summarizes the
 * profile it wrote (self time by area and by function) over the measured window only: start-up and
 * warm-up (`warmupSeconds` of load, the settings' default) are left out.
 *
 * @example await measureProfile({ name: 'fastify' }, (t) => benchRequests(t.url, t.fixtures!).login, 'fastify login', 8, settings);
 */
export async function measureProfile(
  spec: TargetSpec,
  pick: (target: RunningTarget) => BenchRequest,
  label: string,
  connections: number,
  s: BenchSettings,
  warmupSeconds = s.warmupSeconds,
): Promise<ProfileRow> {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-cpu-prof-'));
  try {
    const target = await spawnTarget(spec, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    let perSecond: number;
    let window: ProfileWindow;
    try {
      const request = pick(target);
      await closedLoop(request, { connections, seconds: warmupSeconds });
      const fromUs = await target.mark();
      perSecond = (await closedLoop(request, { connections, seconds: s.profileSeconds })).okPerSecond;
      window = { fromUs, toUs: await target.mark() };
    } finally {
      await target.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile written for ${label}`);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    return { label, perSecond, summary: summarizeCpuProfile(profile, { limit: 14, window }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
