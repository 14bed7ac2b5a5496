/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) that a summary needs. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }>;
  readonly samples: readonly number[];
  /** Microseconds on the process's monotonic clock. */
  readonly startTime: number;
  /** Microseconds since the previous sample. */
  readonly timeDeltas: readonly number[];
}

/** Self time of one area (a package, a Node module, GC) or one function, as a share of busy time. */
export interface ProfileEntry {
  readonly name: string;
  readonly ms: number;
  /** 0..1 of busy (non-idle) time. */
  readonly share: number;
}

/** Where a profiled process spent its time. */
export interface ProfileSummary {
  readonly totalMs: number;
  /** Time not idle. */
  readonly busyMs: number;
  readonly areas: readonly ProfileEntry[];
  readonly functions: readonly ProfileEntry[];
}

/**
 * What a script URL belongs to: a dependency (`jose`), a workspace package (`@oauth-ro/core`), a
 * Node module (`node:http`), or V8's own buckets (`(garbage collector)`).
 *
 * @example areaOf('file:///x/node_modules/.pnpm/jose@6.1.0/node_modules/jose/dist/webapi/index.js', 'f'); // 'jose'
 */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) {
    const module = url.slice(5).replace(/^internal\//, '').split('/')[0]!.replace(/^_+/, '').replace(/_.*$/, '');
    return `node:${module}`;
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const [first, second] = url.slice(nm + 14).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  const pkg = /\/(?:packages|apps)\/([^/]+)\//.exec(url);
  return pkg ? `@oauth-ro/${pkg[1]}` : url;
}

function ranked(totals: Map<string, number>, busyUs: number, limit: number): ProfileEntry[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
}

/** A window on the profile's clock (µs); samples outside it are left out. */
export interface ProfileWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/**
 * Self time by area and by function (name, area/file:line), largest first, idle excluded; only the
 * samples inside `window` when given (to leave start-up and warm-up out).
 *
 * @example summarizeCpuProfile(JSON.parse(readFileSync(file, 'utf8')), { limit: 12 });
 */
export function summarizeCpuProfile(
  profile: CpuProfile,
  options: { readonly limit?: number; readonly window?: ProfileWindow } = {},
): ProfileSummary {
  const limit = options.limit ?? 12;
  const window = options.window ?? { fromUs: -Infinity, toUs: Infinity };
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (at < window.fromUs || at > window.toUs) return;
    totalUs += us;
    const frame = byId.get(id);
    if (!frame || frame.functionName === '(idle)') {
      idleUs += us;
      return;
    }
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const file = frame.url.split('/').at(-1) ?? '';
    const name = frame.url === '' ? frame.functionName : `${frame.functionName || '(anonymous)'} (${area} ${file}:${frame.lineNumber + 1})`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  });
  const busyUs = totalUs - idleUs;
  return {
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    areas: ranked(areas, busyUs, limit),
    functions: ranked(functions, busyUs, limit),
  };
}
