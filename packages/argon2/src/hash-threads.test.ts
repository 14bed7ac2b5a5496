import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHashThreads, HASH_JOBS_PER_THREAD, HASH_THREAD_NICENESS, hashThreads } from './hash-threads.js';

const cheap = { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1, outputLen: 32 };
const owasp = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

/** Name and niceness of each thread of this process (Linux), from /proc. */
function threadsOfProcess(): Array<{ name: string; niceness: number }> {
  return readdirSync(`/proc/${process.pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), niceness: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
  });
}

/** How long one hash with `options` takes on a thread of its own, ms. */
async function timeOne(options: typeof owasp): Promise<number> {
  const threads = createHashThreads(1, 0, 1);
  await threads.run({ op: 'argon2-hash', password: 'warm', options: cheap });
  const started = performance.now();
  await threads.run({ op: 'argon2-hash', password: 'pw', options });
  return performance.now() - started;
}

describe('hashThreads', () => {
  it('hashes and verifies argon2id and bcrypt off the event loop', async () => {
    const threads = createHashThreads(2, 0);
    const phc = (await threads.run({ op: 'argon2-hash', password: 'pw', options: cheap })) as string;
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await threads.run({ op: 'argon2-verify', phc, password: 'pw' })).toBe(true);
    expect(await threads.run({ op: 'argon2-verify', phc, password: 'pW' })).toBe(false);
    expect(await threads.run({ op: 'argon2-verify', phc: 'garbage', password: 'pw' })).toBe(false);
    const bcrypt = (await threads.run({ op: 'bcrypt-hash', password: 'pw', cost: 4 })) as string;
    expect(await threads.run({ op: 'bcrypt-verify', phc: bcrypt, password: 'pw' })).toBe(true);
    expect(await threads.run({ op: 'both-verify', argon2Phc: phc, bcryptPhc: bcrypt, password: 'pw' })).toEqual([true, true]);
    expect(await threads.run({ op: 'both-verify', argon2Phc: phc, bcryptPhc: bcrypt, password: 'x' })).toEqual([false, false]);
  });

  it('fails a job it cannot run, and goes on', async () => {
    const threads = createHashThreads(1, 0);
    await expect(threads.run({ op: 'nope' } as never)).rejects.toThrow(/password hashing failed: unknown hashing job/);
    expect(await threads.run({ op: 'argon2-verify', phc: 'garbage', password: 'pw' })).toBe(false);
  });

  it('answers each job with its own result while threads hold two jobs each', async () => {
    const threads = createHashThreads(2, 0, 2);
    const phc = (await threads.run({ op: 'argon2-hash', password: 'pw', options: cheap })) as string;
    const passwords = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'pw' : `wrong-${i}`));
    const answers = await Promise.all(passwords.map((password) => threads.run({ op: 'argon2-verify', phc, password })));
    expect(answers).toEqual(passwords.map((p) => p === 'pw'));
    await expect(Promise.all([threads.run({ op: 'nope' } as never), threads.run({ op: 'argon2-verify', phc, password: 'pw' })])).rejects.toThrow(/unknown hashing job/);
    expect(await threads.run({ op: 'argon2-verify', phc, password: 'pw' })).toBe(true);
  });

  it('hands a thread its next job while it runs one: the next starts without waiting for the event loop', async () => {
    const single = await timeOne(owasp);
    const timeBoth = async (depth: number): Promise<number> => {
      const threads = createHashThreads(1, 0, depth);
      await threads.run({ op: 'argon2-hash', password: 'warm', options: cheap });
      const done: number[] = [];
      const jobs = [0, 1].map(() => threads.run({ op: 'argon2-hash', password: 'pw', options: owasp }).then(() => done.push(performance.now())));
      // The event loop is busy far longer than both hashes take, even on a loaded machine: only a
      // thread that already holds its second job can run it meanwhile.
      const until = performance.now() + Math.min(6000, Math.max(1500, 40 * single));
      while (performance.now() < until);
      await Promise.all(jobs);
      // How long after the event loop was free again the second hash was answered.
      return done[1]! - until;
    };
    const ahead = await timeBoth(2);
    const one = await timeBoth(1);
    // Handed ahead, both were answered as soon as the loop was free; one at a time, the second
    // hash only started then.
    expect(ahead).toBeLessThan(one / 2);
    expect(hashThreads().depth).toBe(HASH_JOBS_PER_THREAD);
    expect(HASH_JOBS_PER_THREAD).toBe(2);
  }, 30_000);

  it('runs one thread per core, each named and below the event loop priority (Linux)', async () => {
    const threads = hashThreads();
    await Promise.all(Array.from({ length: threads.size * 2 }, () => threads.run({ op: 'argon2-hash', password: 'pw', options: cheap })));
    expect(threads.size).toBeGreaterThanOrEqual(1);
    // At least: the pools of the other tests (niceness 0), and other test files, may share this process.
    const lowered = threadsOfProcess().filter((t) => t.name === 'oauth-ro-hash' && t.niceness === HASH_THREAD_NICENESS);
    expect(lowered.length).toBeGreaterThanOrEqual(threads.size);
  });

  it("leaves libuv's pool to WebCrypto: a digest asked for while every thread hashes is answered before any hash", async () => {
    const threads = createHashThreads(4, 0);
    const order: string[] = [];
    const hashes = Array.from({ length: 4 }, () => threads.run({ op: 'argon2-hash', password: 'pw', options: owasp }).then(() => order.push('hash')));
    await new Promise((resolve) => setTimeout(resolve, 1));
    const digest = crypto.subtle.digest('SHA-256', new Uint8Array(64)).then(() => order.push('digest'));
    await Promise.all([...hashes, digest]);
    expect(order[0]).toBe('digest');
  });

  it('keeps a process alive while it hashes, and lets it exit when idle', () => {
    const dist = join(import.meta.dirname, '..', 'dist', 'index.js');
    const program = `import('${dist}').then(async ({ createArgon2Hasher }) => {
      const hasher = await createArgon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
      hasher.hash('pw').then((phc) => console.log(phc.slice(0, 9)));
    });`;
    const out = execFileSync(process.execPath, ['-e', program], { timeout: 20_000, encoding: 'utf8' });
    expect(out.trim()).toBe('$argon2id');
  });
});
