import { identifierSkeleton } from '@oauth-ro/core/ports';
import { BENCH } from '../targets/bench-config.js';

/** The user counts of the scale section: `BENCH_SCALE_USERS=1000,10000` overrides; the first is the reference. */
export function scaleSizes(env: string | undefined = process.env.BENCH_SCALE_USERS): number[] {
  const sizes = (env ?? '10000,100000,1000000').split(',').map((s) => Number(s.trim()));
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 64)) {
    throw new Error(`BENCH_SCALE_USERS: at least two whole numbers ≥ 64, got ${JSON.stringify(env)}`);
  }
  return sizes;
}

/** The i-th seeded user: id, email and its confusable skeleton (the stores' unique key for sign-ups). */
export function scaleUser(i: number): { user_id: string; email: string; email_skeleton: string } {
  const email = `user${String(i).padStart(7, '0')}@scale.example`;
  return { user_id: `auth0|scale${String(i).padStart(19, '0')}`, email, email_skeleton: identifierSkeleton(email) };
}

/** Indexes of `count` users spread evenly over a table of `size` (first, middle and last pages alike). */
export function spreadUsers(size: number, count = 64): number[] {
  return Array.from({ length: count }, (_, k) => Math.floor(((k + 0.5) * size) / count));
}

/** Every seeded user has this password; one argon2id hash of it is shared by every row. */
export const SCALE_PASSWORD = BENCH.password;
export const SCALE_PROFILE = JSON.stringify({ email_verified: true, name: 'Scale User' });
