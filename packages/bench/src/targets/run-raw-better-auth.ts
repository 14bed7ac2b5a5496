import { hashPassword, verifyPassword } from 'better-auth/crypto';

/** The password of every Better Auth bench user. */
export const BETTER_AUTH_PASSWORD = 'Bench-passw0rd-for-scrypt';

/**
 * The physical limit of Better Auth's password sign-in: its own `verifyPassword` (scrypt through
 * `node:crypto`, on libuv's thread pool) of a correct password, `concurrency` in flight, for
 * `seconds`. No HTTP, no database, no session.
 *
 * @example const { verifies, seconds } = await runRawBetterAuth(8, 10);
 */
export async function runRawBetterAuth(concurrency: number, seconds: number): Promise<{ verifies: number; seconds: number }> {
  const hash = await hashPassword(BETTER_AUTH_PASSWORD);
  const start = performance.now();
  const end = start + seconds * 1000;
  let verifies = 0;
  const lane = async () => {
    while (performance.now() < end) {
      if (!(await verifyPassword({ hash, password: BETTER_AUTH_PASSWORD }))) throw new Error('raw Better Auth verify failed');
      verifies += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { verifies, seconds: (performance.now() - start) / 1000 };
}
