import type { OAuthRoConfig } from '../config/types.js';
import { ConfigurationError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import { readMfaSettings, type MfaSettings } from './mfa-settings.js';

const encoder = new TextEncoder();

/** Settings of MFA (TOTP), built once at start-up. */
export interface MfaContext {
  /** AES-256-GCM key sealing TOTP secrets at rest (derived from the key-encryption key), imported once. */
  readonly sealKey: CryptoKey;
  /** AES-256-GCM key of `mfa_token`s (`/oauth/token`), derived apart from the sealing key, imported once. */
  readonly tokenKey: CryptoKey;
  /** True when no key-encryption key was given: secrets are sealed with a key of this process only. */
  readonly ephemeralKey: boolean;
  /** The `issuer` authenticator apps show: the host of the configuration's issuer. */
  readonly issuerName: string;
  /** `options.mfa` of each connection where it is active, by connection name. */
  readonly connections: ReadonlyMap<string, MfaSettings>;
}

/** 32 bytes as a non-extractable AES-256-GCM key: imported once, not at every seal and open. */
function aesKey(bytes: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(bytes), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function hkdf(secret: Uint8Array, info: string): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', new Uint8Array(secret), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(info) }, base, 256);
  return new Uint8Array(bits);
}

function hostOf(issuer: string): string {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}

/**
 * Validates every connection's `options.mfa` and derives the key that seals TOTP secrets:
 * HKDF-SHA-256 of the key-encryption key (its own `info`), so secrets survive restarts and are
 * shared by instances. Without a key-encryption key a random key of this process is used (zero-config
 * development: enrolments then do not survive a restart) and the logger is told once; the standalone
 * server refuses a configuration file with an MFA connection and no key-encryption key.
 * Undefined without `deps.mfaEnrollments`; throws {@link ConfigurationError} when a connection turns
 * MFA on without the stores it needs (enrolments, replay markers, counters).
 *
 * @example const mfa = await prepareMfa(config, deps, kek);
 */
export async function prepareMfa(config: OAuthRoConfig, deps: CoreDeps, keyEncryptionKey?: Uint8Array): Promise<MfaContext | undefined> {
  const connections = new Map<string, MfaSettings>();
  config.connections.forEach((connection, i) => {
    const settings = readMfaSettings(connection, `connections[${i}]`);
    if (!settings) return;
    const path = `connections[${i}].options.mfa`;
    if (!deps.mfaEnrollments) throw new ConfigurationError(path, 'needs an MFA enrolment store (deps.mfaEnrollments)');
    if (!deps.usedAssertions) throw new ConfigurationError(path, 'needs a used-assertion store (deps.usedAssertions) to refuse replayed codes');
    if (!deps.counters) throw new ConfigurationError(path, 'needs a counter store (deps.counters) to limit guessed codes');
    connections.set(connection.name, settings);
  });
  if (!deps.mfaEnrollments) return undefined;
  if (!keyEncryptionKey && connections.size > 0) {
    deps.logger?.warn({}, 'no key-encryption key: MFA secrets are sealed with a key of this process only, enrolments do not survive a restart');
  }
  return {
    sealKey: await aesKey(keyEncryptionKey ? await hkdf(keyEncryptionKey, 'oauth-ro mfa totp secret v1') : deps.random.bytes(32)),
    tokenKey: await aesKey(keyEncryptionKey ? await hkdf(keyEncryptionKey, 'oauth-ro mfa token v1') : deps.random.bytes(32)),
    ephemeralKey: !keyEncryptionKey,
    issuerName: hostOf(config.issuer),
    connections,
  };
}
