import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Clock } from '../ports/clock.js';
import type { KeyStore, SigningKeyRecord } from '../ports/key-store.js';

type AsymmetricAlg = SigningKeyRecord['alg'];

/** A key imported once, ready to sign or verify. */
export interface LoadedKey {
  readonly kid: string;
  readonly alg: AsymmetricAlg;
  readonly publicJwk: JWK;
  readonly publicKey: CryptoKey;
  readonly privateKey: CryptoKey;
  readonly retired_at?: number;
}

/**
 * The server's signing keys, imported once from the key store (never per request).
 * `signer(alg)` is the active key for an algorithm; `find(kid)` any published key.
 */
export interface KeyRing {
  signer(alg: AsymmetricAlg): LoadedKey | undefined;
  find(kid: string): LoadedKey | undefined;
  /** Public keys for `/.well-known/jwks.json`, active first. */
  jwks(): { keys: JWK[] };
}

/**
 * Generates a fresh key pair as a storable record; `kid` is the RFC 7638 thumbprint.
 *
 * @example const record = await generateSigningKey('RS256', clock);
 */
export async function generateSigningKey(alg: AsymmetricAlg, clock: Clock): Promise<SigningKeyRecord> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const meta = { kid, alg, use: 'sig' };
  return {
    kid,
    alg,
    public_jwk: JSON.stringify({ ...publicJwk, ...meta }),
    private_jwk: JSON.stringify({ ...privateJwk, ...meta }),
    created_at: clock.now(),
  };
}

async function loadKey(record: SigningKeyRecord): Promise<LoadedKey> {
  const publicJwk = JSON.parse(record.public_jwk) as JWK;
  const privateJwk = JSON.parse(record.private_jwk) as JWK;
  return {
    kid: record.kid,
    alg: record.alg,
    publicJwk,
    publicKey: (await importJWK(publicJwk, record.alg)) as CryptoKey,
    privateKey: (await importJWK(privateJwk, record.alg)) as CryptoKey,
    ...(record.retired_at === undefined ? {} : { retired_at: record.retired_at }),
  };
}

/**
 * Makes sure an active key exists for each algorithm in `algs` (generating and storing one if the
 * store has none; concurrent starts agree through {@link KeyStore.ensureActive}), then imports all keys.
 *
 * @example const ring = await loadKeyRing(deps.keys, deps.clock, ['RS256']);
 */
export async function loadKeyRing(store: KeyStore, clock: Clock, algs: readonly AsymmetricAlg[]): Promise<KeyRing> {
  let records = await store.list();
  for (const alg of algs) {
    if (!records.some((r) => r.alg === alg && r.retired_at === undefined)) {
      records = await store.ensureActive(await generateSigningKey(alg, clock));
    }
  }
  const loaded = await Promise.all(records.map(loadKey));
  // Active keys first, then the newest retired ones.
  loaded.sort((a, b) => (a.retired_at ?? Infinity) - (b.retired_at ?? Infinity)).reverse();
  const byKid = new Map(loaded.map((k) => [k.kid, k]));
  return {
    signer: (alg) => loaded.find((k) => k.alg === alg && k.retired_at === undefined),
    find: (kid) => byKid.get(kid),
    jwks: () => ({ keys: loaded.map((k) => k.publicJwk) }),
  };
}
