import type { SigningKeyRecord } from '@oauth-ro/core/ports';

/** A `signing_keys` row as `pg` returns it (`bigint` arrives as a string). */
export interface KeyRow {
  kid: string;
  alg: SigningKeyRecord['alg'];
  private_jwk: string;
  public_jwk: string;
  created_at: string;
  retired_at: string | null;
}

/**
 * The record a row stands for.
 *
 * @example const keys = rows.map(rowToKey);
 */
export function rowToKey(row: KeyRow): SigningKeyRecord {
  return {
    kid: row.kid,
    alg: row.alg,
    private_jwk: row.private_jwk,
    public_jwk: row.public_jwk,
    created_at: Number(row.created_at),
    ...(row.retired_at !== null && { retired_at: Number(row.retired_at) }),
  };
}
