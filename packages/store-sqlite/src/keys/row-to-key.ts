import type { SigningKeyRecord } from '@oauth-ro/core/ports';

/** A `signing_keys` row as better-sqlite3 returns it. */
export interface KeyRow {
  kid: string;
  alg: SigningKeyRecord['alg'];
  private_jwk: string;
  public_jwk: string;
  created_at: number;
  retired_at: number | null;
}

/**
 * The record a row stands for; an active key has no `retired_at` at all.
 *
 * @example const keys = (list.all() as KeyRow[]).map(rowToKey);
 */
export function rowToKey(row: KeyRow): SigningKeyRecord {
  return {
    kid: row.kid,
    alg: row.alg,
    private_jwk: row.private_jwk,
    public_jwk: row.public_jwk,
    created_at: row.created_at,
    ...(row.retired_at !== null && { retired_at: row.retired_at }),
  };
}
