import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeConsumption } from '@oauth-ro/core/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkRaceChildren, nextMessage } from '../../test/race-children.js';
import { openSqliteStores } from '../open-sqlite-stores.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-sqlite-passwordless-race-'));
const WORKERS = 4;
const T0 = 1_700_000_000_000;

/** The payload of a JWT, unverified (the test only reads `sub`). */
const decodeJwt = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string };

/** Sends each worker its request at once and returns their results, failing on any worker error. */
async function all<T>(workers: readonly ChildProcess[], requests: readonly unknown[]): Promise<T[]> {
  const answers = workers.map((w) => nextMessage(w));
  workers.forEach((w, i) => w.send(requests[i] as object));
  const replies = (await Promise.all(answers)) as { result?: T; error?: string }[];
  const errors = replies.filter((r) => r.error);
  if (errors.length > 0) throw new Error(errors.map((r) => r.error).join('; '));
  return replies.map((r) => r.result as T);
}

/**
 * Real concurrency on the SQLite store: four processes, each a full oauth-ro instance on one file
 * (as several instances of one deployment), racing on one code at the store and over `/oauth/ro`.
 */
describe('passwordless codes and counters across processes on one SQLite file', () => {
  const path = join(dir, 'passwordless.db');
  let workers: ChildProcess[] = [];

  beforeAll(async () => {
    await (await openSqliteStores(path)).close();
    const key = randomBytes(32).toString('base64url');
    workers = forkRaceChildren('src/codes/race-worker.fixture.ts', Array.from({ length: WORKERS }, () => [path, key]));
    const ready = await Promise.all(workers.map(nextMessage));
    expect(ready).toEqual(Array(WORKERS).fill('ready'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => (w.exitCode === null ? (w.send({ op: 'exit' }), new Promise((r) => w.once('exit', r))) : undefined)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts exactly three of 48 simultaneous wrong tries (12 per process); the right code then finds nothing', async () => {
    const stores = await openSqliteStores(path);
    const right = 'a'.repeat(64);
    await stores.codes.issue('sms', '+15550100001', { code_hash: right, expires_at: T0 + 180_000, max_attempts: 3 });
    const hashes = (w: number) => Array.from({ length: 12 }, (_, i) => (w * 100 + i).toString(16).padStart(64, 'f'));
    const results = (
      await all<CodeConsumption[]>(workers, workers.map((_, w) => ({ op: 'consume', connection: 'sms', recipient: '+15550100001', hashes: hashes(w), at: T0 })))
    ).flat();
    expect(results.filter((r) => r.outcome === 'rejected').map((r) => (r.outcome === 'rejected' ? r.attempts_left : -1)).sort()).toEqual([0, 1, 2]);
    expect(results.filter((r) => r.outcome === 'absent')).toHaveLength(45);
    expect(await stores.codes.consume('sms', '+15550100001', right, T0)).toEqual({ outcome: 'absent' });
    await stores.close();
  });

  it('accepts the right code exactly once when every process presents it twice at once', async () => {
    const stores = await openSqliteStores(path);
    const right = 'b'.repeat(64);
    await stores.codes.issue('sms', '+15550100002', { code_hash: right, expires_at: T0 + 180_000, max_attempts: 3 });
    await stores.close();
    const results = (
      await all<CodeConsumption[]>(workers, workers.map(() => ({ op: 'consume', connection: 'sms', recipient: '+15550100002', hashes: [right, right], at: T0 })))
    ).flat();
    expect(results.filter((r) => r.outcome === 'accepted')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'absent')).toHaveLength(2 * WORKERS - 1);
  });

  it('adds up simultaneous counter increments from every process exactly', async () => {
    const results = (await all<{ count: number }[]>(workers, workers.map(() => ({ op: 'increment', key: 'pwl:ip:203.0.113.9', times: 25, window_ms: 3_600_000, at: T0 })))).flat();
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 * WORKERS }, (_, i) => i + 1));
  });

  it('over /oauth/ro: a code sent by one instance logs in once when all instances present it at once, creating one user', async () => {
    const phone = '+15550100003';
    const [started] = await all<{ status: number; body: { _id: string }; code: string }>(workers.slice(0, 1), [{ op: 'start', phone }]);
    expect(started!.status).toBe(200);
    const logins = (await all<{ status: number; body: any }[]>(workers, workers.map(() => ({ op: 'login', phone, codes: [started!.code, started!.code] })))).flat();
    expect(logins.map((r) => r.status).sort()).toEqual([200, ...Array(2 * WORKERS - 1).fill(401)]);
    const winner = logins.find((r) => r.status === 200)!;
    expect(decodeJwt(winner.body.id_token).sub).toBe(`sms|${started!.body._id}`);
    for (const loser of logins.filter((r) => r.status === 401)) {
      expect(loser.body).toEqual({ error: 'invalid_user_password', error_description: 'Wrong phone number or verification code.' });
    }
  });

  it('over /oauth/ro: 48 simultaneous wrong codes from four instances kill the code; then the right one is refused', async () => {
    const phone = '+15550100004';
    const [started] = await all<{ status: number; code: string }>(workers.slice(1, 2), [{ op: 'start', phone }]);
    const wrong = started!.code === '000000' ? '000001' : '000000';
    const logins = (await all<{ status: number }[]>(workers, workers.map(() => ({ op: 'login', phone, codes: Array(12).fill(wrong) })))).flat();
    expect(logins.every((r) => r.status === 401)).toBe(true);
    const [late] = await all<{ status: number }[]>(workers.slice(2, 3), [{ op: 'login', phone, codes: [started!.code] }]);
    expect(late![0]!.status).toBe(401);
  });

  it('over /oauth/ro: the newest code counts, whichever instance sent it', async () => {
    const phone = '+15550100005';
    const [first] = await all<{ code: string }>(workers.slice(0, 1), [{ op: 'start', phone }]);
    let second = first!;
    for (let i = 0; i < 5 && second.code === first!.code; i += 1) [second] = await all<{ code: string }>(workers.slice(3, 4), [{ op: 'start', phone }]);
    const [old] = await all<{ status: number }[]>(workers.slice(1, 2), [{ op: 'login', phone, codes: [first!.code] }]);
    expect(old![0]!.status).toBe(401);
    const [fresh] = await all<{ status: number }[]>(workers.slice(2, 3), [{ op: 'login', phone, codes: [second.code] }]);
    expect(fresh![0]!.status).toBe(200);
  });
});
