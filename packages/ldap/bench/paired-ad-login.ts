/**
 * The paired form of ad-login.bench.ts, run by `pnpm bench` (section `directories`) as a child: AD
 * login (`createLdapDirectory().authenticate`) against raw ldapts search + bind, and the whole
 * `POST /oauth/ro` for context, against a real Samba AD DC, in interleaved rounds (the order
 * reversed every other round). Each round gives ratios of that round's phases, so a noisy second
 * hits both sides of a ratio alike; the parent takes their median. Besides throughput, every phase
 * reads the CPU of this process (`process.cpuUsage`, all threads) and of the Samba DC's processes
 * (`/proc/<pid>/stat`).
 *
 *   tsx bench/paired-ad-login.ts '{"rounds":10,"phaseMs":1000,"concurrency":[1,8]}'
 *
 * Prints one line `RESULT <json>` (a {@link PairedResult}) on stdout; progress on stderr.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ConnectionConfig } from '@oauth-ro/core/ports';
import { createTestOAuthRo, startSambaAd, TEST_CLIENTS, testConfig, unicodePwd } from '@oauth-ro/test-kit';
import { Client } from 'ldapts';
import { createLdapDirectory, DEFAULT_ATTRIBUTES, escapeFilterValue } from '../src/index.js';
import { requestedAttributes } from '../src/profile/map-profile.js';

const PASSWORD = 'Passw0rd-1!';
const USERS = 8;
const PROFILE_ATTRIBUTES = requestedAttributes(DEFAULT_ATTRIBUTES);
const CONTENDERS = ['raw', 'ad', 'oauth'] as const;
type Contender = (typeof CONTENDERS)[number];

/** One contender's phase in one round. */
export interface Phase {
  readonly logins: number;
  readonly ms: number;
  /** CPU of this process during the phase, ms. */
  readonly selfCpuMs: number;
  /** CPU of the Samba DC's processes during the phase, ms (10 ms ticks). */
  readonly sambaCpuMs: number;
  readonly p50Ms: number;
}

/** What the child prints. */
export interface PairedResult {
  readonly setupSeconds: number;
  readonly sambaPids: readonly number[];
  readonly byConcurrency: ReadonlyArray<{ readonly concurrency: number; readonly rounds: ReadonlyArray<Record<Contender, Phase>> }>;
}

interface Options {
  readonly rounds: number;
  readonly phaseMs: number;
  readonly concurrency: readonly number[];
}

/**
 * The Samba DC's processes: those whose command line names its own directory (`samba -s
 * <dir>/smb.conf`), and every descendant (Samba renames its workers, `samba: task[ldapsrv]`, …).
 */
function sambaPids(dir: string): number[] {
  const parent = new Map<number, number>();
  const roots: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) roots.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  const found = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

function cpuMsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks * 10;
}

const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function drive(workers: number, ms: number, login: (worker: number, i: number) => Promise<void>, samba: readonly number[]): Promise<Phase> {
  const latencies: number[] = [];
  const cpu0 = selfCpuMs();
  const samba0 = cpuMsOf(samba);
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now();
        await login(w, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    logins: latencies.length,
    ms: elapsed,
    selfCpuMs: selfCpuMs() - cpu0,
    sambaCpuMs: cpuMsOf(samba) - samba0,
    p50Ms: latencies[Math.floor(latencies.length / 2)] ?? NaN,
  };
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Options;
  const wall = performance.now();
  const dc = await startSambaAd();
  const entry = (cn: string, uac: number) =>
    `dn: CN=${cn},${dc.usersDn}\nobjectClass: user\nsAMAccountName: ${cn}\nunicodePwd:: ${unicodePwd(PASSWORD)}\nuserAccountControl: ${uac}\nmail: ${cn}@corp.example.test\n`;
  await dc.modify([entry('svc-auth', 0x10200), ...Array.from({ length: USERS }, (_, i) => entry(`user${i}`, 512))].join('\n'));
  const samba = sambaPids(dc.dir);
  const bindUser = `CN=svc-auth,${dc.usersDn}`;
  const filter = '(sAMAccountName={0})';
  const connection: ConnectionConfig = {
    name: 'corp',
    strategy: 'ad',
    enabled_clients: [TEST_CLIENTS.rs256],
    options: {
      ldap_url: dc.url,
      ldap_base: dc.baseDn,
      ldap_bind_user: bindUser,
      ldap_bind_password: PASSWORD,
      ldap_user_by_name: filter,
      ldap_pool_size: Math.max(...options.concurrency),
    },
  };
  const directory = createLdapDirectory();
  const { oauthRo } = await createTestOAuthRo({ config: testConfig({ connections: [connection] }), directories: { ad: directory } });
  const setupSeconds = (performance.now() - wall) / 1000;
  const names = samba.map((pid) => { try { return `${pid} ${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()}`; } catch { return String(pid); } });
  process.stderr.write(`paired-ad-login: Samba AD up in ${setupSeconds.toFixed(1)} s (${names.join(', ')})\n`);
  const byConcurrency: PairedResult['byConcurrency'][number][] = [];
  try {
    for (const workers of options.concurrency) {
      // Raw ldapts: per worker, a service-account connection (bound once) that searches, and one that binds as the user.
      const raw = await Promise.all(
        Array.from({ length: workers }, async () => {
          const search = new Client({ url: dc.url });
          await search.bind(bindUser, PASSWORD);
          return { search, bind: new Client({ url: dc.url }) };
        }),
      );
      const user = (w: number, i: number) => `user${(w + i) % USERS}`;
      const logins: Record<Contender, (w: number, i: number) => Promise<void>> = {
        async raw(w, i) {
          const pair = raw[w]!;
          const { searchEntries } = await pair.search.search(dc.baseDn, {
            filter: filter.replace('{0}', escapeFilterValue(user(w, i))),
            attributes: PROFILE_ATTRIBUTES,
            sizeLimit: 2,
          });
          await pair.bind.bind(searchEntries[0]!.dn, PASSWORD);
        },
        async ad(w, i) {
          const result = await directory.authenticate({ connection, username: user(w, i), password: PASSWORD, ip: '127.0.0.1' });
          if (!result.ok) throw new Error(`ad login failed: ${JSON.stringify(result.error)}`);
        },
        async oauth(w, i) {
          const body = JSON.stringify({ client_id: TEST_CLIENTS.rs256, connection: 'corp', grant_type: 'password', username: user(w, i), password: PASSWORD, scope: 'openid' });
          const res = await oauthRo.handle({ method: 'POST', path: '/oauth/ro', headers: { 'content-type': 'application/json' }, rawBody: body, ip: '127.0.0.1' });
          if (res.status !== 200) throw new Error(`/oauth/ro answered ${res.status}: ${res.body}`);
        },
      };
      for (const c of CONTENDERS) await drive(workers, Math.min(500, options.phaseMs), logins[c], samba);
      const rounds: Array<Record<Contender, Phase>> = [];
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse();
        const phases = {} as Record<Contender, Phase>;
        for (const c of order) phases[c] = await drive(workers, options.phaseMs, logins[c], samba);
        rounds.push(phases);
      }
      await Promise.all(raw.flatMap((pair) => [pair.search.unbind(), pair.bind.unbind()]));
      byConcurrency.push({ concurrency: workers, rounds });
      process.stderr.write(`paired-ad-login: concurrency ${workers} done\n`);
    }
  } finally {
    await oauthRo.close();
    await dc.close();
  }
  const result: PairedResult = { setupSeconds, sambaPids: samba, byConcurrency };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

await main();
