import type { QueueLimits } from '@oauth-ro/argon2';
import type { BenchStore } from './open-bench-stores.js';

/** The servers the bench can start in a child process. */
export type TargetName = 'express' | 'fastify' | 'hono' | 'oidc-provider' | 'raw-argon2' | 'better-auth' | 'raw-better-auth';

/** What the parent asks a child to be. */
export interface TargetSpec {
  readonly name: TargetName;
  /** Limits of the argon2 queue; the package default when absent. */
  readonly hasherLimits?: QueueLimits;
  /**
   * Off for the login flood and the timing run: every attempt then reaches the hasher, as a thousand
   * users (or IPs) at once would; on, one user from one IP waits for a slot past ten attempts in flight
   * (429 once ten failed), and one IP past 100 (429 once 100 failed). Off also lifts the per-IP throttle of failed logins.
   */
  readonly bruteForceProtection?: boolean;
  /**
   * Also seed a user imported with a bcrypt hash (`$2b$10$`, as Auth0 exports carry), so that the
   * connection holds legacy hashes: the timing run's "bcrypt user" class.
   */
  readonly legacyUser?: boolean;
  /**
   * Extra database users with the bench password (`benchUserEmail(i)`, i from 0): the overload run
   * spreads its logins over them, so that brute-force protection's per-user slots never bind.
   */
  readonly users?: number;
  /** Where users and keys live; memory when absent. */
  readonly store?: BenchStore;
  /** One post-login Rule (adds a namespaced claim), run by `@oauth-ro/scripts`, on every login. */
  readonly postLoginRule?: boolean;
  /**
   * A second connection, `legacy-db`, that is a custom database in `import_mode` whose bench user was
   * already migrated (stored locally): its logins never reach the script.
   */
  readonly customDatabase?: boolean;
}

/** Requests the bench sends, prepared by the child (it owns the keys and the user). */
export interface BenchFixtures {
  readonly issuer: string;
  /** JSON body of a successful password login. */
  readonly loginBody: Readonly<Record<string, string>>;
  /** Bodies of successful logins of {@link BENCH_LOGIN_USERS} different users, sent in turn by the login runs. */
  readonly loginBodies: ReadonlyArray<Readonly<Record<string, string>>>;
  /** An RS256 access token for `/userinfo`. */
  readonly accessToken: string;
  /** An RS256 id_token of the bench client. */
  readonly idToken: string;
  /** A non-rotating refresh token for `/delegation` (absent when the core has no refresh tokens). */
  readonly refreshToken?: string;
  /** The client_credentials request (form body, Basic client authentication) for the bench API. */
  readonly clientCredentials?: { readonly body: string; readonly authorization: string };
  /** oidc-provider only: a refresh_token grant request for a seeded, non-rotating refresh token. */
  readonly refreshTokenGrant?: { readonly body: string; readonly authorization: string };
  /** Better Auth only: one JSON sign-in body per bench user. */
  readonly signInBodies?: readonly string[];
  /** Peers only: the version of the package measured, read from its package.json. */
  readonly version?: string;
}

/** Child → parent. */
export type ChildMessage =
  | { readonly type: 'ready'; readonly port: number; readonly fixtures?: BenchFixtures }
  | { readonly type: 'raw-argon2-done'; readonly verifies: number; readonly seconds: number }
  /** The child's monotonic clock in microseconds: the clock of `--cpu-prof` sample times. */
  | { readonly type: 'mark'; readonly atUs: number }
  | { readonly type: 'failed'; readonly message: string };

/** Parent → child. */
export type ParentMessage =
  | { readonly type: 'stop' }
  | { readonly type: 'mark' }
  /** Raw password verifies in the child: argon2 (`raw-argon2`) or Better Auth's own (`raw-better-auth`). */
  | { readonly type: 'raw-argon2'; readonly concurrency: number; readonly seconds: number };

/** Paths of the bare baseline routes every framework target mounts beside oauth-ro. */
export const BARE_ROUTES = {
  /** GET with `Authorization: Bearer`: verifies the token, answers its claims (baseline of `/userinfo`). */
  verifyBearer: '/bench/bare/userinfo',
  /** POST `{sub}`: signs an RS256 id_token for it (baseline of token-issuing paths). */
  sign: '/bench/bare/sign',
  /** POST `{refresh_token, sub}`: SHA-256 of the token, then signs an RS256 id_token (baseline of `/delegation`). */
  delegate: '/bench/bare/delegate',
  /** POST `{id_token}`: verifies it (the client as audience), answers its claims (baseline of `/tokeninfo`). */
  verifyIdToken: '/bench/bare/tokeninfo',
  /** GET: answers the same public JWKS, serialised per request (baseline of `/.well-known/jwks.json`). */
  jwks: '/bench/bare/jwks',
} as const;

/** Users the login runs spread their logins over, one after another (as many as the connections). */
export const BENCH_LOGIN_USERS = 16;
