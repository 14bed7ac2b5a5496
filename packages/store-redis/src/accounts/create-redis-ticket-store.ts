import type { TicketRecord, TicketStore } from '@oauth-ro/core/ports';
import type { Redis } from 'ioredis';
import { luaScript, runScript } from '../client/run-script.js';
import { toStoreError } from '../client/to-store-error.js';

/** KEYS[1] ticket: read and delete in one step, so racing redemptions agree on one winner. */
const TAKE = luaScript(`
local value = redis.call('GET', KEYS[1])
if value then redis.call('DEL', KEYS[1]) end
return value
`);

/** A ticket key outlives its expiry by this much (decisions use the caller's clock, not Redis's). */
const GRACE_MS = 3_600_000;

function parse(value: unknown, at: number): TicketRecord | undefined {
  if (typeof value !== 'string') return undefined;
  const record = JSON.parse(value) as TicketRecord;
  return record.expires_at > at ? record : undefined;
}

/**
 * Tickets in Redis, one key per ticket (by kind and SHA-256) that Redis drops after expiry, so the
 * store has nothing to prune. `redeem` reads and deletes in one script.
 *
 * @example const tickets = createRedisTicketStore(redis, 'oauth-ro:');
 */
export function createRedisTicketStore(redis: Redis, prefix: string): TicketStore {
  const key = (kind: string, hash: string) => `${prefix}ticket:${kind}:${hash}`;
  return {
    async issue(record) {
      try {
        await redis.set(key(record.kind, record.ticket_hash), JSON.stringify(record), 'PX', Math.max(record.expires_at - record.created_at, 1) + GRACE_MS);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async peek(kind, ticket_hash, at) {
      try {
        return parse(await redis.get(key(kind, ticket_hash)), at);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async redeem(kind, ticket_hash, at) {
      return parse(await runScript(redis, TAKE, [key(kind, ticket_hash)], []), at);
    },
    async prune() {
      return 0;
    },
  };
}
