/** Signature algorithms a device key may use for Touch ID assertions. */
export type DeviceKeyAlg = 'RS256' | 'ES256';

/**
 * A device's public key, registered by its user for the Touch ID flow (Auth0's
 * `/api/v2/device-credentials` of type `public_key`).
 */
export interface DeviceCredentialRecord {
  /** `dcr_…`, what the API shows and deletes by. */
  readonly id: string;
  readonly user_id: string;
  readonly client_id: string;
  readonly device_id: string;
  readonly device_name: string;
  readonly type: 'public_key';
  /** The public key as a JWK, JSON text; PEM input is converted once at registration. */
  readonly public_jwk: string;
  readonly alg: DeviceKeyAlg;
  /** Epoch milliseconds. */
  readonly created_at: number;
}

/**
 * Storage of device public keys. At most one key per user, client and `device_id`.
 *
 * @example
 * const keys = await deps.deviceCredentials.listByUser('auth0|5f8a…');
 */
export interface DeviceCredentialStore {
  /** Inserts atomically; `exists` (and writes nothing) when the user already has a key for the client and device_id. */
  create(record: DeviceCredentialRecord): Promise<{ created: true } | { created: false; reason: 'exists' }>;
  /** The user's keys, oldest first. */
  listByUser(user_id: string): Promise<DeviceCredentialRecord[]>;
  /** Deletes the key `id` if it belongs to `user_id`; false otherwise. */
  delete(user_id: string, id: string): Promise<boolean>;
}
