import { describe, expect, it } from 'vitest';
import type { RefreshTokenRecord } from '../ports/refresh-token-store.js';
import { liveFamilies, MAX_LIVE_REFRESH_TOKENS, revokeBeyondLimit } from './live-families.js';

const NOW = 1_800_000_000_000;

function token(n: number, extra: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord {
  return {
    id: `id${String(n).padStart(4, '0')}`,
    token_hash: `h${n}`,
    family_id: `dcr_${n}`,
    user_id: 'auth0|ada',
    client_id: 'mobile',
    device: 'phone',
    scope: 'openid offline_access',
    rotating: false,
    created_at: NOW - 1_000_000 + n,
    ...extra,
  };
}

/** listByUser and revokeFamily over an array, as the store port describes them (revoked and rotated ones are not listed). */
function arrayStore(records: RefreshTokenRecord[]) {
  const revoked = new Map<string, number>();
  return {
    revoked,
    listByUser: async (user_id: string) => records.filter((r) => r.user_id === user_id && !revoked.has(r.family_id)).sort((a, b) => a.created_at - b.created_at),
    revokeFamily: async (family_id: string, at: number) => {
      if (revoked.has(family_id) || !records.some((r) => r.family_id === family_id)) return 0;
      revoked.set(family_id, at);
      return records.filter((r) => r.family_id === family_id).length;
    },
  };
}

describe('liveFamilies', () => {
  it('keeps one record per family, and drops families whose newest token expired, absolutely or idle', () => {
    const live = liveFamilies(
      [
        token(1),
        token(2, { family_id: 'dcr_1' }),
        token(3, { expires_at: NOW }),
        token(4, { idle_expires_at: NOW - 1 }),
        token(5, { expires_at: NOW + 1, idle_expires_at: NOW + 1 }),
      ],
      NOW,
    );
    expect(live.map((r) => r.id)).toEqual(['id0002', 'id0005']);
  });
});

describe('revokeBeyondLimit', () => {
  it(`is Auth0's ${MAX_LIVE_REFRESH_TOKENS} per user and client by default: the oldest families beyond it are revoked, once`, async () => {
    const records = Array.from({ length: MAX_LIVE_REFRESH_TOKENS + 3 }, (_, i) => token(i));
    const store = arrayStore(records);
    expect(await revokeBeyondLimit(store, 'auth0|ada', 'mobile', NOW)).toBe(3);
    expect([...store.revoked.keys()]).toEqual(['dcr_0', 'dcr_1', 'dcr_2']);
    expect(await revokeBeyondLimit(store, 'auth0|ada', 'mobile', NOW)).toBe(0);
  });

  it("counts only the client's live families: other clients, other users, expired and idle-expired tokens are neither counted nor revoked", async () => {
    const records = [
      ...Array.from({ length: 5 }, (_, i) => token(i, { client_id: 'web' })),
      ...Array.from({ length: 5 }, (_, i) => token(10 + i, { user_id: 'auth0|bob' })),
      token(20, { expires_at: NOW - 1 }),
      token(21, { idle_expires_at: NOW - 1 }),
      token(30),
      token(31),
      token(32),
    ];
    const store = arrayStore(records);
    expect(await revokeBeyondLimit(store, 'auth0|ada', 'mobile', NOW, 3)).toBe(0);
    records.push(token(33));
    expect(await revokeBeyondLimit(store, 'auth0|ada', 'mobile', NOW, 3)).toBe(1);
    expect([...store.revoked.keys()]).toEqual(['dcr_30']);
  });

  it('ranks a rotating family by its newest token, so a family refreshed recently outlives one that was not', async () => {
    const records = [token(1, { rotating: true }), token(2), token(3), token(4, { family_id: 'dcr_1', rotating: true })];
    const store = arrayStore(records);
    expect(await revokeBeyondLimit(store, 'auth0|ada', 'mobile', NOW, 2)).toBe(1);
    expect([...store.revoked.keys()]).toEqual(['dcr_2']);
  });

  it('revokes the same oldest families when two logins race past the limit', async () => {
    const records = Array.from({ length: 6 }, (_, i) => token(i));
    const store = arrayStore(records);
    const [a, b] = await Promise.all([revokeBeyondLimit(store, 'auth0|ada', 'mobile', NOW, 4), revokeBeyondLimit(store, 'auth0|ada', 'mobile', NOW, 4)]);
    expect(a + b).toBe(2);
    expect([...store.revoked.keys()].sort()).toEqual(['dcr_0', 'dcr_1']);
  });
});
