import type { BenchSettings } from '../plan/bench-settings.js';
import type { BenchResults, ProfileRow } from '../plan/results.js';
import type { TimingRatios } from '../plan/results.js';
import { TIMING_TOLERANCE, withinTolerance } from '../plan/run-timing.js';
import { EXTENSIBILITY_LIMIT } from '../plan/run-extensibility.js';
import { MFA_LIMIT } from '../plan/run-mfa.js';
import { BENCH_LOGIN_USERS } from '../targets/protocol.js';
import { fixed, markdownTable, range, verdict } from './markdown-table.js';
import { renderPeers } from './render-peers.js';
import { renderScale } from './render-scale.js';
import { renderDirectories } from './render-directories.js';
import { renderNoise } from './render-noise.js';
import { renderOverload } from './render-overload.js';

const GOALS = { login: 0.9, path: 0.9, peer: 1, memoryMiB: 512 } as const;

function statuses(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .sort()
    .map(([code, n]) => `${code}: ${fixed(n)}`)
    .join(', ');
}

/** One CPU profile's tables (also used by section 9). */
export function profileSection(row: ProfileRow): string {
  const { summary } = row;
  const pct = (share: number) => `${fixed(share * 100, 1)} %`;
  return [
    `#### ${row.label}`,
    '',
    `${fixed(row.perSecond)} req/s while profiled; ${fixed(summary.busyMs)} ms busy of ${fixed(summary.totalMs)} ms sampled on the main thread during the measured window.`,
    '',
    markdownTable(['self time by area', 'share of busy'], summary.areas.slice(0, 10).map((a) => [a.name, pct(a.share)])),
    '',
    markdownTable(['self time by function', 'share of busy'], summary.functions.slice(0, 12).map((f) => [`\`${f.name}\``, pct(f.share)])),
  ].join('\n');
}

/**
 * BENCHMARKS.md from one run's results; `findings` (hand-written analysis) is appended verbatim.
 *
 * @example writeFileSync('BENCHMARKS.md', renderReport(results, settings, command, findings));
 */
export function renderReport(r: BenchResults, s: BenchSettings, command: string, findings: string): string {
  const out: string[] = [];
  out.push(
    '# Benchmarks',
    '',
    `Written by \`${command}\` on ${r.startedAt} (${fixed(r.seconds)} s), ${r.machine}.`,
    '',
    'Every figure that is judged is a **ratio of two measurements taken in the same run**, one right after the',
    'other, on a shared, noisy 2-core machine; the absolute rates are there for context and change from run to',
    'run. Load comes from autocannon (closed loop) or an open-loop generator in the bench process, over loopback,',
    'against a server in its own process listening on 127.0.0.1. Nothing here is asserted by the test suite.',
    '',
    'Each ratio is given twice. **Throughput** (2xx answers per second) is what the goals name, but on a machine',
    'whose other tenants come and go it swings from one few-second window to the next. **Per CPU-second** (2xx',
    "answers per second of CPU the server process used, all threads, from `/proc/<pid>/stat`) is what a request",
    'costs the machine; other processes disturb it far less, so it is the steadier reading of the same question.',
    '',
    ...renderNoise(r.noise, r.runSteal),
  );

  if (r.timing.length > 0) {
    const within = (ratio: number) =>
      Number.isFinite(ratio) ? `**${fixed(ratio, 3)}** ${withinTolerance(ratio) ? '✅' : '❌'}` : 'n/a';
    const three = (t: TimingRatios) => `${within(t.medians)}; paired ${within(t.paired)}; CPU ${fixed(t.cpu, 3)}`;
    out.push(
      `## 0. Failed logins are indistinguishable by latency (goal: within ±${fixed(TIMING_TOLERANCE * 100)} %)`,
      '',
      `\`POST /oauth/ro\` on a fresh server per adapter (OWASP argon2id), ${s.timingSamples} failed logins of each class, interleaved`,
      'round-robin (the class that goes first rotates each round), one request at a time over one keep-alive',
      'connection, after 5 unmeasured rounds. Brute-force protection and the per-IP throttle are off on this target',
      'so that every attempt is judged. The judged ratio is of medians, each class against a wrong password for a',
      'real user; "paired" is the median over rounds of the two latencies\' ratio within one round (steadier when',
      'the machine\'s load drifts), "CPU" the mean CPU of the server process per login (all threads, from',
      '`/proc/<pid>/stat`, read around every request; the kernel counts in 10 ms ticks against ≈ 12 ms per login,',
      'so this one is coarse, ±10 % at this sample count).',
      '',
      markdownTable(
        ['adapter', ...r.timing[0]!.classes.map((c) => `${c.name}: median / p90 ms, CPU ms`)],
        r.timing.map((row) => [row.target, ...row.classes.map((c) => `${fixed(c.medianMs, 1)} / ${fixed(c.p90Ms, 1)}, ${fixed(c.cpuMs, 1)}`)]),
      ),
      '',
      markdownTable(
        ['adapter', ...r.timing[0]!.ratios.map((t) => `${t.name} ÷ wrong password: medians; paired; CPU`), 'answers'],
        r.timing.map((row) => [
          row.target,
          ...row.ratios.map(three),
          row.classes.map((c) => `${c.name}: ${statuses(c.statuses)}`).join('; '),
        ]),
      ),
      '',
      '- Every class takes the same path through core (`loginDatabaseUser`): one argon2id verify with the same',
      '  parameters, against the user\'s hash or, for an unknown user, a dummy hash made at start. A blocked user is',
      '  told so only after the password was verified; with a wrong password the answer is the same 401',
      '  `invalid_user_password` as anyone else\'s, so latency is the only thing that could give the block away.',
      '- Not in this table, by design: an identifier blocked by brute-force protection (429 `too_many_attempts`) is',
      '  answered **before any hashing**. Its speed reveals nothing the answer does not already say (the 429 itself',
      '  says "blocked"), and refusing without hashing is what keeps a flood against one account cheap.',
      '',
    );
  }

  out.push(
    `## 1. Password login against raw argon2id (goal ≥ ${GOALS.login})`,
    '',
    `\`POST /oauth/ro\` as deployed (database connection, brute-force protection and the per-IP limits on, scope`,
    `\`openid\`: one argon2id verify with OWASP parameters m=19456 KiB, t=2, p=1 via \`createArgon2Hasher()\`, then an`,
    `RS256 access token and id_token), ${s.loginConnections} keep-alive connections sending the logins of ${BENCH_LOGIN_USERS} different users in turn,`,
    `after ${s.loginWarmupSeconds} s of logins unmeasured (V8 optimises a path that runs only as often as its hash allows: a fresh`,
    `process spends up to twice the event loop a login for its first 10–25 s), in ${s.loginRounds} rounds: a login run of ${s.loginRoundSeconds} s, then raw \`@node-rs/argon2\` \`verify\` with ${s.loginConnections} in flight for ${s.loginRoundSeconds} s (libuv's pool,`,
    "`UV_THREADPOOL_SIZE` as the bench runs) in a separate process. Each login run is divided by the mean of the raw runs",
    "just before and just after it; the judged ratio is the median round, with the rounds' range beside it. This machine's",
    'speed drifts by ±10 % within a minute, and a round moves both sides alike.',
    ...(r.rawAtCores
      ? [
          '',
          `For reference, raw verifies with libuv's pool cut to the core count (\`UV_THREADPOOL_SIZE=${r.rawAtCores.threads}\`, no hash waiting`,
          `for a core), measured at the start and the end of this section: ${fixed(r.rawAtCores.perSecond, 1)} verifies/s, ${fixed(r.rawAtCores.perCpuSecond, 1)} per CPU-s`,
          `(${fixed(1000 / r.rawAtCores.perCpuSecond, 2)} ms of CPU per verify).`,
          "oauth-ro's hasher runs one hash per core on threads of its own, so this, not the line above, is its physical limit:",
          'the second last column is the login rate per CPU-second against it. The last column splits what a login costs',
          "by thread (Linux `/proc/<pid>/task`): the event loop (HTTP, core, JSON, logging), @oauth-ro/argon2's hashing",
          "threads (the verify), and every other thread (libuv's pool: the two RS256 signatures; V8's GC helpers).",
        ]
      : []),
    '',
    markdownTable(
      ['target', 'logins/s', 'raw verifies/s', 'throughput ratio (median round)', 'rounds\' range', 'logins per CPU-s', 'raw verifies per CPU-s', 'per-CPU ratio (median round)', 'rounds\' range', 'not 2xx', 'per CPU-s ÷ raw at core count', 'CPU ms per login: event loop / hashing threads / other threads'],
      r.login.map((row) => [
        row.target,
        fixed(row.loginPerSecond, 1),
        fixed(row.rawPerSecond, 1),
        verdict(row.ratio, GOALS.login),
        range(row.ratioRange),
        fixed(row.loginPerCpuSecond, 1),
        fixed(row.rawPerCpuSecond, 1),
        verdict(row.cpuRatio, GOALS.login),
        range(row.cpuRatioRange),
        fixed(row.notOk),
        r.rawAtCores ? fixed(row.loginPerCpuSecond / r.rawAtCores.perCpuSecond, 2) : 'n/a',
        `${fixed(row.cpuMsPerLogin.main, 2)} / ${fixed(row.cpuMsPerLogin.hashing, 2)} / ${fixed(row.cpuMsPerLogin.other, 2)}`,
      ]),
    ),
    '',
  );

  out.push(
    `## 2. Paths without password hashing against a bare route in the same framework (goal ≥ ${GOALS.path})`,
    '',
    `Each oauth-ro path and a bare route mounted in the same app (same process, same framework, keys imported`,
    `once) are run in ${s.pathRounds} rounds of one run each, ${s.pathConnections} connections, ${s.pathRoundSeconds} s a run, the order alternating`,
    "(A-B, B-A, …). The judged ratio is the median round's oauth-ro ÷ bare, with the rounds' range beside it; req/s are over all rounds.",
    '',
    markdownTable(
      ['adapter', 'path', 'oauth-ro req/s', 'bare req/s', 'throughput ratio (median round)', 'rounds\' range', 'oauth-ro per CPU-s', 'bare per CPU-s', 'per-CPU ratio (median round)', 'rounds\' range', 'not 2xx'],
      r.paths.map((row) => [
        row.target,
        row.path,
        fixed(row.perSecond),
        fixed(row.barePerSecond),
        verdict(row.ratio, GOALS.path),
        range(row.ratioRange),
        fixed(row.perCpuSecond),
        fixed(row.barePerCpuSecond),
        verdict(row.cpuRatio, GOALS.path),
        range(row.cpuRatioRange),
        fixed(row.notOk),
      ]),
    ),
    '',
    'What each bare route does:',
    '',
    ...[...new Map(r.paths.map((p) => [p.path, p.bareDoes]))].map(([path, does]) => `- baseline of \`${path}\`: ${does}.`),
    '',
  );

  const peerPaths = [...new Set(r.peer.flatMap((p) => Object.keys(p.perSecond)))];
  out.push(
    `## 3. Against node-oidc-provider (goal: ahead, ≥ ${GOALS.peer}×; section 9a pairs like with like)`,
    '',
    '`oidc-provider` (devDependency of this package) on its closest equivalent: the `client_credentials` grant',
    '(`client_secret_basic`) issuing an RS256 JWT access token for a resource server, default in-memory adapter,',
    `measured right after each adapter's runs with the same load (${s.pathConnections} connections, ${s.pathSeconds} s).`,
    '',
    'Throughput:',
    '',
    markdownTable(
      ['adapter', ...peerPaths.map((p) => `${p} req/s`), 'oidc-provider req/s', ...peerPaths.map((p) => `${p} ÷ oidc-provider`)],
      r.peer.map((row) => [
        row.target,
        ...peerPaths.map((p) => fixed(row.perSecond[p] ?? NaN)),
        fixed(row.oidcPerSecond),
        ...peerPaths.map((p) => verdict((row.perSecond[p] ?? NaN) / row.oidcPerSecond, GOALS.peer)),
      ]),
    ),
    '',
    'Per CPU-second of each server process:',
    '',
    markdownTable(
      ['adapter', ...peerPaths.map((p) => `${p} per CPU-s`), 'oidc-provider per CPU-s', ...peerPaths.map((p) => `${p} ÷ oidc-provider`)],
      r.peer.map((row) => [
        row.target,
        ...peerPaths.map((p) => fixed(row.perCpuSecond[p] ?? NaN)),
        fixed(row.oidcPerCpuSecond),
        ...peerPaths.map((p) => verdict((row.perCpuSecond[p] ?? NaN) / row.oidcPerCpuSecond, GOALS.peer)),
      ]),
    ),
    '',
  );

  out.push(
    '## 4. Latency at a fixed offered load, and memory under a login flood',
    '',
    `Open loop: request *i* is due at *start + i/rate* whatever happened before, and its latency counts from then`,
    `(no coordinated omission). The rate is ${fixed(s.latencyLoadShare * 100)} % of the lowest throughput measured for that path in`,
    `the same run (so below saturation unless the machine got much busier meanwhile), for ${s.latencySeconds} s.`,
    '',
    markdownTable(
      ['target', 'path', 'offered req/s', 'p50 ms', 'p99 ms', 'max ms', '2xx / sent'],
      r.latency.map((row) => [
        row.target,
        row.path,
        fixed(row.offeredPerSecond),
        fixed(row.p50Ms, 1),
        fixed(row.p99Ms, 1),
        fixed(row.maxMs, 1),
        `${fixed(row.ok)} / ${fixed(row.sent)}`,
      ]),
    ),
    '',
    `Memory (goal ≤ ${GOALS.memoryMiB} MB): a fresh server with the default hasher limits takes ${s.floodConnections} concurrent login`,
    `connections for ${s.floodSeconds} s; peak is the kernel's high-water mark of resident memory (\`VmHWM\`). Brute-force`,
    'protection is off on this connection so that every attempt reaches the hasher, as a thousand users or IPs at',
    'once would (with it on, one user from one IP is answered 429 beyond ten attempts in flight). During the flood',
    'the bench polls `GET /.well-known/jwks.json` every 100 ms and sends one more login every 250 ms on a',
    'connection of its own (to check that each 503 carries `Retry-After`), each from a worker thread with an event',
    'loop of its own.',
    '',
    markdownTable(
      ['target', 'hasher queue', 'idle RSS MiB', `peak RSS MiB, ${fixed(s.floodConnections)} concurrent logins`, 'within goal', 'answers', 'socket errors / timeouts', 'JWKS during the flood: 200 / sent, p50 / max ms', '503 with Retry-After'],
      r.memory.map((row) => [
        row.target,
        row.hasherLimits ? `${row.hasherLimits.concurrency} running, ${row.hasherLimits.maxQueued} queued` : 'default (one hash per core running, 1024 queued)',
        fixed(row.idleMiB, 1),
        fixed(row.peakMiB, 1),
        row.peakMiB * 1.048576 <= GOALS.memoryMiB ? '✅' : '❌',
        statuses(row.statuses),
        `${fixed(row.errors)} / ${fixed(row.timeouts)}`,
        `${fixed(row.jwks.ok)} / ${fixed(row.jwks.sent)}, ${fixed(row.jwks.p50Ms, 1)} / ${fixed(row.jwks.maxMs, 1)}`,
        row.retryAfterOn503 === undefined ? '(no 503 probed)' : row.retryAfterOn503 ? 'yes' : '**no**',
      ]),
    ),
    '',
  );

  out.push(
    '## 5. Stores',
    '',
    `The Fastify target on each store, all started at once and loaded in turn, forward then backward (the`,
    `figure is the mean of both passes), ${s.pathConnections} connections, ${s.pathSeconds} s a run. SQLite is a fresh file (WAL);`,
    `PostgreSQL is the local server, in a schema of the bench's own, whose own CPU is not counted. Throughput only:`,
    'the database work happens partly outside the measured process. Login is left out (one argon2id verify costs',
    'about a hundred user lookups on any of these stores).',
    '',
    markdownTable(
      ['store', 'path', 'req/s', '÷ memory store'],
      r.stores.map((row) => [row.store, row.path, fixed(row.perSecond), fixed(row.vsMemory, 2)]),
    ),
    '',
    ...r.notes.filter((n) => n.startsWith('store')).map((n) => `- ${n.replace(/^store: /, '')}`),
    '',
  );

  out.push('## 6. CPU profiles (`node --cpu-prof`)', '', ...r.profiles.flatMap((p) => [profileSection(p), '']));

  for (const row of r.extensibility) {
    const mark = (ratio: number) => `**${fixed(ratio, 3)}** ${ratio <= EXTENSIBILITY_LIMIT ? '✅' : '❌'}`;
    out.push(
      `## 7. Auth0 extensibility: a login through one Rule, and a migrated custom-database user (goal: ≤ ${fixed(EXTENSIBILITY_LIMIT, 1)} × a plain login)`,
      '',
      `Successful password logins on ${row.target} (OWASP argon2id, brute-force protection on), ${row.samples} of each class, interleaved one at a time: a plain login, the login of a user a custom database (\`import_mode\`) already migrated, and a login on a second server whose one post-login Rule (an "add a claim" rule, run by \`@oauth-ro/scripts\` in a child process) adds a claim. The judged figure is the paired ratio (median over rounds of this class ÷ the plain login in the same round).`,
      '',
      markdownTable(['class', 'median / p90 ms', 'server CPU ms'], row.classes.map((c) => [c.name, `${fixed(c.medianMs, 1)} / ${fixed(c.p90Ms, 1)}`, fixed(c.cpuMs, 1)])),
      '',
      markdownTable(['class ÷ plain login', 'paired', 'medians', 'CPU'], row.ratios.map((t) => [t.name, mark(t.paired), fixed(t.medians, 3), fixed(t.cpu, 3)])),
      '',
    );
  }

  for (const row of r.mfa) {
    out.push(
      `## 8. MFA login ÷ (password login + one HMAC) (goal: ≤ ${fixed(MFA_LIMIT, 2)})`,
      '',
      `In process (\`oauthRo.handle\`, memory stores, OWASP argon2id), ${row.samples} rounds, each in rotating order: a password login, an MFA login of the same password with a fresh TOTP code (docs/spec.md §5.9), and one HMAC-SHA-1 (a TOTP code). The judged figure is the median over rounds of MFA ÷ (password + HMAC).`,
      '',
      markdownTable(
        ['password login ms', 'MFA login ms', 'one HMAC ms', 'paired ratio', 'ratio of medians', 'answers'],
        [[fixed(row.passwordMedianMs, 2), fixed(row.mfaMedianMs, 2), fixed(row.hmacMedianMs, 3), `**${fixed(row.paired, 3)}** ${row.paired <= MFA_LIMIT ? '✅' : '❌'}`, fixed(row.medians, 3), JSON.stringify(row.statuses)]],
      ),
      '',
    );
  }

  for (const peers of r.peers) out.push(...renderPeers(peers, s));
  out.push(...renderScale(r.scale));
  out.push(...renderOverload(r.overload, r.overloadProfiles, s, profileSection));
  out.push(...renderDirectories(r.directories));

  const other = r.notes.filter((n) => !n.startsWith('store'));
  if (other.length > 0) out.push('## Notes from this run', '', ...other.map((n) => `- ${n}`), '');
  if (findings.trim() !== '') out.push(findings.trim(), '');
  return out.join('\n');
}
