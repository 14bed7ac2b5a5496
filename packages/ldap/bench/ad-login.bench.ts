/**
 * AD login throughput and latency against a real Samba AD DC, as a ratio to raw ldapts
 * search+bind in the same run (goal: ≥ 0.8). Three contenders, interleaved in short rounds (5 × 600 ms each) so
 * that machine noise hits them alike:
 *   raw     ldapts by hand: a service-account connection searches (same attributes), a second connection binds as the user
 *   ad      createLdapDirectory().authenticate: pools, escaping, error mapping, profile mapping
 *   oauth   the whole POST /oauth/ro through oauthRo.handle (adds token minting, RS256)
 * Bounded: each phase runs for PHASE_MS, the whole run well under a minute after the DC is up.
 *
 *   pnpm --filter @oauth-ro/ldap bench                 # Samba AD
 *   pnpm --filter @oauth-ro/ldap bench -- --slapd      # OpenLDAP instead (quick)
 */
import { createTestOAuthRo, startSambaAd, startSlapd, TEST_CLIENTS, testConfig, unicodePwd } from '@oauth-ro/test-kit';
import type { ConnectionConfig } from '@oauth-ro/core/ports';
import { Client } from 'ldapts';
import { createLdapDirectory, DEFAULT_ATTRIBUTES } from '../src/index.js';
import { requestedAttributes } from '../src/profile/map-profile.js';

const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = [1, 8];
const PASSWORD = 'Passw0rd-1!';
const USERS = 8;
/** Raw reads the same attributes the profile needs, so both do the same directory work. */
const PROFILE_ATTRIBUTES = requestedAttributes(DEFAULT_ATTRIBUTES);

interface Target {
  url: string;
  base: string;
  bindUser: string;
  bindPassword: string;
  filter: string;
  close(): Promise<void>;
}

async function sambaTarget(): Promise<Target> {
  const dc = await startSambaAd();
  const entry = (cn: string, uac: number) =>
    `dn: CN=${cn},${dc.usersDn}\nobjectClass: user\nsAMAccountName: ${cn}\nunicodePwd:: ${unicodePwd(PASSWORD)}\nuserAccountControl: ${uac}\nmail: ${cn}@corp.example.test\n`;
  await dc.modify([entry('svc-auth', 0x10200), ...Array.from({ length: USERS }, (_, i) => entry(`user${i}`, 512))].join('\n'));
  return { url: dc.url, base: dc.baseDn, bindUser: `CN=svc-auth,${dc.usersDn}`, bindPassword: PASSWORD, filter: '(sAMAccountName={0})', close: () => dc.close() };
}

async function slapdTarget(): Promise<Target> {
  const suffix = 'dc=example,dc=org';
  const people = Array.from({ length: USERS }, (_, i) => `dn: uid=user${i},${suffix}\nobjectClass: inetOrgPerson\nuid: user${i}\ncn: user${i}\nsn: x\nuserPassword: ${PASSWORD}\n`);
  const ldap = await startSlapd({ suffix, ldif: people.join('\n') });
  return { url: ldap.url, base: suffix, bindUser: ldap.adminDn, bindPassword: ldap.adminPassword, filter: '(uid={0})', close: () => ldap.close() };
}

interface Stats {
  count: number;
  ms: number;
  latencies: number[];
}

/** Runs `login(worker, i)` on `workers` workers for `ms` milliseconds. */
async function drive(workers: number, ms: number, login: (worker: number, i: number) => Promise<void>, into: Stats): Promise<void> {
  const end = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now();
        await login(w, i);
        into.latencies.push(performance.now() - t);
        into.count++;
      }
    }),
  );
  into.ms += performance.now() - started;
}

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};

async function main(): Promise<void> {
  const wall = performance.now();
  const kind = process.argv.includes('--slapd') ? 'OpenLDAP slapd' : 'Samba AD';
  const target = kind === 'Samba AD' ? await sambaTarget() : await slapdTarget();
  const setupMs = performance.now() - wall;
  const escape = (v: string) => v.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const connection: ConnectionConfig = {
    name: 'corp',
    strategy: 'ad',
    enabled_clients: [TEST_CLIENTS.rs256],
    options: {
      ldap_url: target.url,
      ldap_base: target.base,
      ldap_bind_user: target.bindUser,
      ldap_bind_password: target.bindPassword,
      ldap_user_by_name: target.filter,
      ldap_pool_size: Math.max(...CONCURRENCY),
    },
  };
  const directory = createLdapDirectory();
  const { oauthRo } = await createTestOAuthRo({ config: testConfig({ connections: [connection] }), directories: { ad: directory } });
  try {
    console.log(`ad-login bench against ${kind} at ${target.url} (setup ${(setupMs / 1000).toFixed(1)} s), ${ROUNDS} rounds × ${PHASE_MS} ms per contender`);
    for (const workers of CONCURRENCY) {
      // Raw ldapts: one service-account and one bind connection per worker, opened up front.
      const raw = await Promise.all(
        Array.from({ length: workers }, async () => {
          const search = new Client({ url: target.url });
          await search.bind(target.bindUser, target.bindPassword);
          return { search, bind: new Client({ url: target.url }) };
        }),
      );
      const rawLogin = async (w: number, i: number) => {
        const pair = raw[w]!;
        const name = `user${(w + i) % USERS}`;
        const { searchEntries } = await pair.search.search(target.base, { filter: target.filter.replace('{0}', escape(name)), attributes: PROFILE_ATTRIBUTES, sizeLimit: 2 });
        await pair.bind.bind(searchEntries[0]!.dn, PASSWORD);
      };
      const adLogin = async (w: number, i: number) => {
        const result = await directory.authenticate({ connection, username: `user${(w + i) % USERS}`, password: PASSWORD, ip: '127.0.0.1' });
        if (!result.ok) throw new Error(`ad login failed: ${JSON.stringify(result.error)}`);
      };
      const roLogin = async (w: number, i: number) => {
        const body = JSON.stringify({ client_id: TEST_CLIENTS.rs256, connection: 'corp', grant_type: 'password', username: `user${(w + i) % USERS}`, password: PASSWORD, scope: 'openid' });
        const res = await oauthRo.handle({ method: 'POST', path: '/oauth/ro', headers: { 'content-type': 'application/json' }, rawBody: body, ip: '127.0.0.1' });
        if (res.status !== 200) throw new Error(`/oauth/ro answered ${res.status}: ${res.body}`);
      };
      const stats = { raw: { count: 0, ms: 0, latencies: [] as number[] }, ad: { count: 0, ms: 0, latencies: [] as number[] }, oauth: { count: 0, ms: 0, latencies: [] as number[] } };
      // Warm-up: connections, JIT, pools.
      await drive(workers, 300, rawLogin, { count: 0, ms: 0, latencies: [] });
      await drive(workers, 300, adLogin, { count: 0, ms: 0, latencies: [] });
      await drive(workers, 300, roLogin, { count: 0, ms: 0, latencies: [] });
      for (let round = 0; round < ROUNDS; round++) {
        await drive(workers, PHASE_MS, rawLogin, stats.raw);
        await drive(workers, PHASE_MS, adLogin, stats.ad);
        await drive(workers, PHASE_MS, roLogin, stats.oauth);
      }
      await Promise.all(raw.flatMap((pair) => [pair.search.unbind(), pair.bind.unbind()]));
      const rate = (s: Stats) => (s.count / s.ms) * 1000;
      const line = (name: string, s: Stats) =>
        `  ${name.padEnd(6)} ${rate(s).toFixed(0).padStart(6)} logins/s   p50 ${pct(s.latencies, 50).toFixed(2)} ms   p95 ${pct(s.latencies, 95).toFixed(2)} ms   (${s.count} logins)`;
      console.log(`concurrency ${workers}:`);
      console.log(line('raw', stats.raw));
      console.log(line('ad', stats.ad));
      console.log(line('oauth', stats.oauth));
      const ratio = (a: Stats, b: Stats) => rate(a) / rate(b);
      const latencyRatio = (a: Stats, b: Stats) => pct(b.latencies, 50) / pct(a.latencies, 50);
      console.log(
        `  ratio ad/raw: throughput ${ratio(stats.ad, stats.raw).toFixed(2)}, latency (raw p50 / ad p50) ${latencyRatio(stats.ad, stats.raw).toFixed(2)}` +
          `   |   /oauth/ro vs raw: throughput ${ratio(stats.oauth, stats.raw).toFixed(2)}, latency ${latencyRatio(stats.oauth, stats.raw).toFixed(2)}`,
      );
    }
    // Same answer, same timing (docs/spec.md §3): wrong password for a real user vs a name nobody has.
    const timed = async (username: string) => {
      const t = performance.now();
      const result = await directory.authenticate({ connection, username, password: 'wrong', ip: '127.0.0.1' });
      if (result.ok || result.error.code !== 'invalid_user_password') throw new Error(`expected invalid_user_password for ${username}`);
      return performance.now() - t;
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 20; i++) {
      wrong.push(await timed(`user${i % USERS}`));
      unknown.push(await timed(`nobody${i}`));
    }
    console.log(`401 timing: wrong password p50 ${pct(wrong, 50).toFixed(2)} ms, unknown user p50 ${pct(unknown, 50).toFixed(2)} ms`);
  } finally {
    await oauthRo.close();
    await target.close();
  }
  console.log(`done in ${((performance.now() - wall) / 1000).toFixed(1)} s`);
}

await main();
