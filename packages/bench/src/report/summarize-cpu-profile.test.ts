import { describe, expect, it } from 'vitest';
import { areaOf, summarizeCpuProfile, type CpuProfile } from './summarize-cpu-profile.js';

describe('areaOf', () => {
  it('names dependencies, workspace packages, Node modules and V8 buckets', () => {
    expect(areaOf('file:///w/node_modules/.pnpm/jose@6.1.0/node_modules/jose/dist/webapi/jwt/sign.js', 'sign')).toBe('jose');
    expect(areaOf('file:///w/node_modules/.pnpm/x/node_modules/@hono/node-server/dist/index.mjs', 'f')).toBe('@hono/node-server');
    expect(areaOf('file:///work/main/packages/core/dist/index.js', 'handle')).toBe('@oauth-ro/core');
    expect(areaOf('node:_http_server', 'f')).toBe('node:http');
    expect(areaOf('node:internal/crypto/webcrypto', 'f')).toBe('node:crypto');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(areaOf('', 'writev')).toBe('(native)');
  });
});

describe('summarizeCpuProfile', () => {
  it('sums self time per area and function and leaves idle time out of the shares', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
        { id: 2, callFrame: { functionName: 'handle', url: 'file:///r/packages/core/dist/index.js', lineNumber: 9 } },
        { id: 3, callFrame: { functionName: 'sign', url: 'file:///r/node_modules/jose/dist/sign.js', lineNumber: 0 } },
      ],
      startTime: 1000,
      samples: [1, 2, 3, 3, 1],
      timeDeltas: [500, 100, 100, 200, 100],
    };
    const summary = summarizeCpuProfile(profile);
    expect(summary.totalMs).toBe(1);
    expect(summary.busyMs).toBeCloseTo(0.4);
    expect(summary.areas.map((a) => [a.name, a.share])).toEqual([
      ['jose', 0.75],
      ['@oauth-ro/core', 0.25],
    ]);
    expect(summary.functions[0]!.name).toBe('sign (jose sign.js:1)');
  });

  it('keeps only the samples inside a window', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: 'startup', url: 'node:internal/modules/cjs/loader', lineNumber: 0 } },
        { id: 2, callFrame: { functionName: 'handle', url: 'file:///r/packages/core/dist/index.js', lineNumber: 0 } },
      ],
      startTime: 0,
      samples: [1, 1, 2, 2],
      timeDeltas: [100, 100, 100, 100],
    };
    const summary = summarizeCpuProfile(profile, { window: { fromUs: 250, toUs: 400 } });
    expect(summary.areas.map((a) => a.name)).toEqual(['@oauth-ro/core']);
    expect(summary.busyMs).toBeCloseTo(0.2);
  });
});
