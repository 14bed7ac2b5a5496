import { describe, expect, it } from 'vitest';
import { benchSettings } from '../plan/bench-settings.js';
import type { PasswordOverheadRow, PeerPathRow } from '../plan/run-peers.js';
import { renderPeers } from './render-peers.js';

const path = (target: string, ratio: number): PeerPathRow => ({
  target,
  path: 'client_credentials',
  perSecond: 1000 * ratio,
  oidcPerSecond: 1000,
  ratio,
  perCpuSecond: 1500 * ratio,
  oidcPerCpuSecond: 1500,
  cpuRatio: ratio,
  notOk: 0,
});
const overhead = (system: string, ratio: number, cpuRatio: number): PasswordOverheadRow => ({
  system,
  loginPerSecond: 10 * ratio,
  rawPerSecond: 10,
  ratio,
  loginPerCpuSecond: 20 * cpuRatio,
  rawPerCpuSecond: 20,
  cpuRatio,
  notOk: 0,
  fromSection1: false,
});

describe('renderPeers', () => {
  it('marks each path against oidc-provider (> 1) and compares the lowest oauth-ro overhead with Better Auth\'s', () => {
    const text = renderPeers(
      {
        oidcProviderVersion: '9.6.0',
        betterAuthVersion: '1.7.25',
        paths: [path('express', 1.2), path('hono', 0.9)],
        overhead: [overhead('oauth-ro (express)', 0.95, 0.97), overhead('oauth-ro (hono)', 0.9, 0.96), overhead('Better Auth', 0.7, 0.98)],
      },
      benchSettings(1),
    ).join('\n');
    expect(text).toContain('oidc-provider 9.6.0');
    expect(text).toContain('Better Auth 1.7.25');
    expect(text).toContain('| express | client_credentials | 1,200 | 1,000 | **1.20** ✅ |');
    expect(text).toContain('| hono | client_credentials | 900 | 1,000 | **0.90** ❌ |');
    expect(text).toContain('Throughput: 0.90 (oauth-ro, lowest) against 0.70 (Better Auth) ✅; per CPU-second: 0.96 (oauth-ro, lowest) against 0.98 (Better Auth) ❌.');
  });
});
