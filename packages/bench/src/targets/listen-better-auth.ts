import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { betterAuth } from 'better-auth';
import { toNodeHandler } from 'better-auth/node';
import Database from 'better-sqlite3';
import type { Listening } from './listening.js';
import { packageVersion } from './package-version.js';
import type { BenchFixtures } from './protocol.js';
import { BETTER_AUTH_PASSWORD } from './run-raw-better-auth.js';

/** Users signed up before the run; the load cycles through them (one body per user). */
export const BETTER_AUTH_USERS = 8;

/**
 * Better Auth with its defaults for email and password (its own scrypt hasher from
 * `better-auth/crypto`, sessions in the database), on an in-memory SQLite database (better-sqlite3
 * through its built-in Kysely dialect; its own migrations create the tables), mounted with
 * `toNodeHandler` on a plain Node HTTP server. Two settings differ from a fresh install: rate limiting
 * is off (every sign-in of the bench comes from 127.0.0.1; Better Auth turns it on only in production
 * anyway) and telemetry is off (no network).
 *
 * @example const { server, fixtures } = await listenBetterAuth();
 */
export async function listenBetterAuth(): Promise<{ server: Listening; fixtures: BenchFixtures }> {
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const baseURL = `http://127.0.0.1:${port}`;
  const database = new Database(':memory:');
  const auth = betterAuth({
    baseURL,
    secret: 'bench-better-auth-secret-0123456789-0123456789',
    database,
    emailAndPassword: { enabled: true },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  });
  await (await auth.$context).runMigrations();
  const emails = Array.from({ length: BETTER_AUTH_USERS }, (_, i) => `bench-user-${i}@example.com`);
  for (const email of emails) await auth.api.signUpEmail({ body: { email, password: BETTER_AUTH_PASSWORD, name: 'Bench User' } });
  const handler = toNodeHandler(auth);
  http.on('request', (req, res) => void handler(req, res));
  return {
    server: {
      port,
      close: () =>
        new Promise((resolve) =>
          http.close(() => {
            database.close();
            resolve();
          }),
        ),
    },
    fixtures: {
      issuer: baseURL,
      loginBody: {},
      loginBodies: [],
      accessToken: '',
      idToken: '',
      signInBodies: emails.map((email) => JSON.stringify({ email, password: BETTER_AUTH_PASSWORD })),
      version: packageVersion('better-auth'),
    },
  };
}
