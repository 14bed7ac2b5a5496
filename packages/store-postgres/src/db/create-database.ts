import type { Logger } from '@oauth-ro/core/ports';
import type { Pool, PoolClient } from 'pg';
import { isConnectionError } from './is-connection-error.js';
import { toStoreError } from './to-store-error.js';
import type { Database, QueryResult, Sql } from './types.js';

/**
 * Wraps a `pg` pool so that every statement maps connection failures to `UnavailableError`, a
 * connection that failed is discarded rather than handed out again, and no socket error on a
 * checked-out connection can reach the process as an unhandled `'error'` event.
 *
 * @example
 * const db = createDatabase(new Pool({ connectionString }), logger);
 * await db.transaction(async (tx) => { await tx.query('…'); await tx.query('…'); });
 */
export function createDatabase(pool: Pool, logger: Logger): Database {
  pool.on('error', (error) => {
    // An idle connection died (server restart, network cut). The pool already dropped it.
    logger.warn({ err: { name: error.name, message: error.message } }, 'PostgreSQL idle connection failed');
  });

  async function checkout(): Promise<{ client: PoolClient; done: (destroy: boolean) => void }> {
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw toStoreError(error);
    }
    const onError = (error: Error) => {
      logger.warn({ err: { name: error.name, message: error.message } }, 'PostgreSQL connection failed');
    };
    client.on('error', onError);
    return {
      client,
      done(destroy: boolean) {
        client.removeListener('error', onError);
        // Passing `true` destroys the connection instead of returning it to the pool.
        client.release(destroy);
      },
    };
  }

  async function run<R extends object>(client: PoolClient, text: string, values?: readonly unknown[]): Promise<QueryResult<R>> {
    const result = await client.query<R>(text, values as unknown[] | undefined);
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  }

  return {
    async query<R extends object>(text: string, values?: readonly unknown[]) {
      const { client, done } = await checkout();
      try {
        const result = await run<R>(client, text, values);
        done(false);
        return result;
      } catch (error) {
        done(isConnectionError(error));
        throw toStoreError(error);
      }
    },

    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      const { client, done } = await checkout();
      const tx: Sql = { query: (text, values) => run(client, text, values) };
      try {
        await client.query('BEGIN');
        const value = await work(tx);
        await client.query('COMMIT');
        done(false);
        return value;
      } catch (error) {
        // After a connection failure the server rolls back by itself; only roll back a live one,
        // and never hand out again a connection whose state is unknown.
        let destroy = isConnectionError(error);
        if (!destroy) destroy = await client.query('ROLLBACK').then(() => false, () => true);
        done(destroy);
        throw toStoreError(error);
      }
    },

    async ping() {
      await this.query('SELECT 1');
    },

    async close() {
      await pool.end();
    },
  };
}
