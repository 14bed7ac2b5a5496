import { createArgon2Hasher } from '@oauth-ro/argon2';
import { createOAuthRo, normalizeConfig, systemClock, webCryptoRandom, type OAuthRo } from '@oauth-ro/core';
import { base32Decode, totpCode, totpStep } from '@oauth-ro/core/internal';
import { createMemoryStores } from '@oauth-ro/store-memory';
import { percentileOf } from '../load/interleaved-samples.js';
import { BENCH } from '../targets/bench-config.js';
import type { BenchSettings } from './bench-settings.js';
import type { BenchResults } from './results.js';

/** The goal: an MFA login costs at most a password login plus one HMAC, within 5 %. */
export const MFA_LIMIT = 1.05;

const MFA_CONNECTION = 'db-mfa';

function roBody(connection: string, extra: Record<string, unknown> = {}) {
  return { client_id: BENCH.clientId, connection, grant_type: 'password', username: BENCH.email, password: BENCH.password, scope: 'openid', ...extra };
}

async function post(oauthRo: OAuthRo, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await oauthRo.handle({ method: 'POST', path: '/oauth/ro', headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(body), ip: '127.0.0.1' });
  return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/**
 * Section (8), in process (`oauthRo.handle`, no HTTP, so the figures are the login's own work):
 * one oauth-ro with OWASP argon2id and memory stores, the same user on a plain database connection
 * and on one with `options.mfa` (enrolled through `/oauth/ro` itself). Each round, in rotating
 * order: a password login, an MFA login (password + a fresh TOTP code; the clock moves one 30 s step
 * per round so every code is new), and one HMAC (a TOTP code computed). The judged figure is the
 * median over rounds of MFA ÷ (password + HMAC) in the same round.
 *
 * @example await runMfa(results, settings, log);
 */
export async function runMfa(results: BenchResults, settings: BenchSettings, log: (m: string) => void): Promise<void> {
  const samples = Math.max(20, Math.round(settings.timingSamples / 2));
  log(`mfa: password login, MFA login and one HMAC in process, ${samples} interleaved rounds`);
  let offset = 0;
  const clock = { now: () => systemClock.now() + offset };
  const stores = createMemoryStores();
  const hasher = await createArgon2Hasher();
  const now = new Date().toISOString();
  const password_hash = await hasher.hash(BENCH.password);
  const profile = { email_verified: true };
  for (const connection of [BENCH.connection, MFA_CONNECTION]) {
    await stores.users.create({ user_id: `auth0|bench-${connection}`, connection, strategy: 'auth0', email: BENCH.email, password_hash, blocked: false, profile, created_at: now, updated_at: now });
  }
  const config = normalizeConfig({
    issuer: BENCH.issuer,
    clients: [{ client_id: BENCH.clientId, client_secret: BENCH.clientSecret }],
    connections: [
      { name: BENCH.connection, strategy: 'auth0', enabled_clients: [BENCH.clientId], options: {} },
      { name: MFA_CONNECTION, strategy: 'auth0', enabled_clients: [BENCH.clientId], options: { mfa: { active: true, return_enroll_settings: true } } },
    ],
  });
  const oauthRo = await createOAuthRo({ config, deps: { ...stores, hasher, clock, random: webCryptoRandom }, keyEncryptionKey: webCryptoRandom.bytes(32) });
  const settingsAnswer = await post(oauthRo, roBody(MFA_CONNECTION));
  const key = (settingsAnswer.json.mfa_settings as { key?: string } | undefined)?.key;
  if (!key) throw new Error(`mfa bench: no enrolment settings (${settingsAnswer.status})`);
  const secret = base32Decode(key)!;
  const code = () => totpCode(secret, totpStep(clock.now()));
  const enrolled = await post(oauthRo, roBody(MFA_CONNECTION, { mfa_code: await code() }));
  if (enrolled.status !== 200) throw new Error(`mfa bench: enrolment failed (${enrolled.status})`);

  const password: number[] = [];
  const mfa: number[] = [];
  const hmac: number[] = [];
  const paired: number[] = [];
  const statuses: Record<string, number> = {};
  const warmup = 5;
  for (let round = 0; round < warmup + samples; round++) {
    offset += 30_000;
    const mfaCode = await code();
    const steps: (() => Promise<number>)[] = [
      async () => {
        const [res, ms] = await timed(() => post(oauthRo, roBody(BENCH.connection)));
        statuses[`password ${res.status}`] = (statuses[`password ${res.status}`] ?? 0) + 1;
        return ms;
      },
      async () => {
        const [res, ms] = await timed(() => post(oauthRo, roBody(MFA_CONNECTION, { mfa_code: mfaCode })));
        statuses[`mfa ${res.status}`] = (statuses[`mfa ${res.status}`] ?? 0) + 1;
        return ms;
      },
      async () => (await timed(() => totpCode(secret, totpStep(clock.now()) + 7)))[1],
    ];
    const measured: number[] = [0, 0, 0];
    for (let i = 0; i < 3; i++) {
      const index = (i + round) % 3;
      measured[index] = await steps[index]!();
    }
    if (round < warmup) continue;
    const [p, m, h] = measured as [number, number, number];
    password.push(p);
    mfa.push(m);
    hmac.push(h);
    paired.push(m / (p + h));
  }
  await oauthRo.close();
  const row = {
    samples,
    passwordMedianMs: percentileOf(password, 50),
    mfaMedianMs: percentileOf(mfa, 50),
    hmacMedianMs: percentileOf(hmac, 50),
    paired: percentileOf(paired, 50),
    medians: percentileOf(mfa, 50) / (percentileOf(password, 50) + percentileOf(hmac, 50)),
    statuses,
  };
  results.mfa.push(row);
  log(`mfa: MFA login ÷ (password login + one HMAC) paired ${row.paired.toFixed(3)}, medians ${row.medians.toFixed(3)} ${row.paired <= MFA_LIMIT ? '✅' : '❌'} (${JSON.stringify(statuses)})`);
}
