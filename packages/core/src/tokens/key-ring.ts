import { importJWK, type JWK } from 'jose';
import type { Clock } from '../ports/clock.js';
import type { KeyStore, SigningKeyRecord } from '../ports/key-store.js';
import type { Logger } from '../ports/logger.js';
import { generateSigningKey } from './generate-signing-key.js';
import { isSealedPrivateJwk, openPrivateJwk, sealSigningKey } from './key-encryption.js';

type AsymmetricAlg = SigningKeyRecord['alg'];

/** A key imported once, ready to sign or verify. */
export interface LoadedKey {
  readonly kid: string;
  readonly alg: AsymmetricAlg;
  readonly publicJwk: JWK;
  readonly publicKey: CryptoKey;
  readonly privateKey: CryptoKey;
  readonly created_at: number;
  readonly retired_at?: number;
}

/**
 * The server's signing keys, imported from the key store (never per request) and kept in step with
 * it: rotations made by another instance are picked up when a token names an unknown `kid` (at
 * most once per `unknownKidReloadMs`) and otherwise every `refreshIntervalMs`, without timers.
 */
export interface KeyRing {
  /** The active key for an algorithm. */
  signer(alg: AsymmetricAlg): LoadedKey | undefined;
  /** A published key by `kid`, as currently loaded. */
  find(kid: string): LoadedKey | undefined;
  /** A published key by `kid`, reloading from the store (rate-limited) when it is unknown. */
  resolve(kid: string): Promise<LoadedKey | undefined>;
  /** Public keys for `/.well-known/jwks.json`: active first, then retired ones still needed. */
  jwks(): { keys: JWK[] };
  /** Reads the store again now (one reload at a time). */
  reload(): Promise<void>;
  /** A new key signs for `alg`; the previous one stays published until its tokens have expired. */
  rotate(alg: AsymmetricAlg): Promise<LoadedKey>;
}

/** Options of {@link loadKeyRing}. */
export interface KeyRingOptions {
  /** 32 bytes; new private keys are stored sealed with it, sealed ones are opened with it. */
  readonly keyEncryptionKey?: Uint8Array;
  /** Longest lifetime of any token this server signs, in seconds (default 36000). */
  readonly maxTokenLifetimeS?: number;
  /** Default 5 minutes. */
  readonly refreshIntervalMs?: number;
  /** Default 10 seconds. */
  readonly unknownKidReloadMs?: number;
  readonly logger?: Logger;
}

/** Clock skew verification tolerates; a retired key stays published this much longer. */
const SKEW_MS = 30_000;

async function importRecord(record: SigningKeyRecord, kek: Uint8Array | undefined): Promise<LoadedKey> {
  const publicJwk = JSON.parse(record.public_jwk) as JWK;
  const privateJwk = JSON.parse(await openPrivateJwk(record, kek)) as JWK;
  return {
    kid: record.kid,
    alg: record.alg,
    publicJwk,
    publicKey: (await importJWK(publicJwk, record.alg)) as CryptoKey,
    privateKey: (await importJWK(privateJwk, record.alg)) as CryptoKey,
    created_at: record.created_at,
    ...(record.retired_at === undefined ? {} : { retired_at: record.retired_at }),
  };
}

/**
 * Makes sure an active key exists for each algorithm in `algs` (generating and storing one if the
 * store has none; concurrent starts agree through {@link KeyStore.ensureActive}), then imports all
 * keys. A retired key stays published for the longest token lifetime plus the refresh interval
 * (another instance may sign with it until it reloads) plus clock skew.
 *
 * @example const ring = await loadKeyRing(deps.keys, deps.clock, ['RS256'], { maxTokenLifetimeS: 36000 });
 */
export async function loadKeyRing(
  store: KeyStore,
  clock: Clock,
  algs: readonly AsymmetricAlg[],
  options: KeyRingOptions = {},
): Promise<KeyRing> {
  const kek = options.keyEncryptionKey;
  if (kek && kek.length !== 32) throw new Error('the key-encryption key must be 32 bytes');
  const refreshMs = options.refreshIntervalMs ?? 5 * 60_000;
  const unknownKidMs = options.unknownKidReloadMs ?? 10_000;
  const publishMs = (options.maxTokenLifetimeS ?? 36000) * 1000 + refreshMs + SKEW_MS;
  const seal = (record: SigningKeyRecord) => (kek ? sealSigningKey(record, kek) : Promise.resolve(record));

  let records = await store.list();
  for (const alg of algs) {
    if (!records.some((r) => r.alg === alg && r.retired_at === undefined)) {
      records = await store.ensureActive(await seal(await generateSigningKey(alg, clock)));
    }
  }
  const plain = kek ? records.filter((r) => !isSealedPrivateJwk(r.private_jwk)) : [];
  if (plain.length > 0) {
    options.logger?.warn({ kids: plain.map((r) => r.kid) }, 'signing keys stored unencrypted; rotate them to seal them');
  }

  const imported = new Map<string, LoadedKey>();
  let loaded: LoadedKey[] = [];
  let lastLoadAt = clock.now();
  let lastUnknownKidReload = -Infinity;
  let inflight: Promise<void> | undefined;

  async function install(next: readonly SigningKeyRecord[], strict: boolean): Promise<void> {
    const keys: LoadedKey[] = [];
    for (const record of next) {
      let key = imported.get(record.kid);
      if (!key) {
        try {
          key = await importRecord(record, kek);
        } catch (error) {
          if (strict) throw error;
          options.logger?.error({ kid: record.kid, err: (error as Error).message }, 'signing key could not be loaded');
          continue;
        }
        imported.set(record.kid, key);
      }
      const { retired_at: _old, ...rest } = key;
      keys.push(record.retired_at === undefined ? rest : { ...rest, retired_at: record.retired_at });
    }
    // Active keys first (newest first), then retired ones, most recently retired first.
    keys.sort((a, b) => (b.retired_at ?? Infinity) - (a.retired_at ?? Infinity) || b.created_at - a.created_at);
    loaded = keys;
  }
  await install(records, true);

  function reload(): Promise<void> {
    inflight ??= (async () => {
      lastLoadAt = clock.now();
      try {
        await install(await store.list(), false);
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  function published(): LoadedKey[] {
    const now = clock.now();
    if (now - lastLoadAt >= refreshMs && !inflight) {
      reload().catch((error: unknown) => options.logger?.warn({ err: (error as Error).message }, 'key store reload failed'));
    }
    return loaded.filter((k) => k.retired_at === undefined || now < k.retired_at + publishMs);
  }

  const find = (kid: string) => published().find((k) => k.kid === kid);

  return {
    signer: (alg) => published().find((k) => k.alg === alg && k.retired_at === undefined),
    find,
    async resolve(kid) {
      const known = find(kid);
      if (known) return known;
      const now = clock.now();
      if (now - lastUnknownKidReload < unknownKidMs) return undefined;
      lastUnknownKidReload = now;
      await reload();
      return find(kid);
    },
    jwks: () => ({ keys: published().map((k) => k.publicJwk) }),
    reload,
    async rotate(alg) {
      const now = clock.now();
      const candidate = await seal(await generateSigningKey(alg, clock));
      await store.rotate(candidate, now);
      await store.prune(now - publishMs);
      // A reload already under way may have read the store before the rotation.
      await inflight?.catch(() => undefined);
      await reload();
      const key = loaded.find((k) => k.kid === candidate.kid);
      if (!key) throw new Error(`rotated key ${candidate.kid} did not load`);
      return key;
    },
  };
}
