import type { Client } from 'ldapts';
import { isConnectionError } from './is-connection-error.js';

/** How a pool opens, readies and checks its connections. */
export interface PoolOptions {
  readonly size: number;
  /** How long `use` waits for a free connection before giving up. */
  readonly acquireTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly healthCheckAfterMs: number;
  open(): Promise<Client>;
  /** Runs before each use (e.g. binds the service account when the connection is not bound). */
  prepare?(client: Client): Promise<void>;
  /** A cheap round trip that proves a long-idle connection still works. */
  healthCheck(client: Client): Promise<void>;
}

/** A bounded set of LDAP connections, each used by one operation at a time. */
export interface Pool {
  /**
   * Runs `work` on a connection. A connection whose socket failed is dropped, never reused. With
   * `retry`, work that failed on a reused connection because that connection had died is run once
   * more on a fresh one (only for idempotent work such as searches).
   */
  use<T>(work: (client: Client) => Promise<T>, retry?: boolean): Promise<T>;
  readonly size: { open: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/**
 * Thrown by `use` when no connection became free in time.
 *
 * @example
 * if (error instanceof PoolTimeoutError) return err(unavailable(connection));
 */
export class PoolTimeoutError extends Error {
  constructor() {
    super('no LDAP connection became free in time');
    this.name = 'PoolTimeoutError';
  }
}

interface Slot {
  readonly client: Client;
  lastUsed: number;
  reused: boolean;
}

function destroy(client: Client): void {
  void client.unbind().catch(() => undefined);
}

/**
 * @example
 * const pool = createPool({ size: 4, acquireTimeoutMs: 5000, idleTimeoutMs: 60000, healthCheckAfterMs: 15000,
 *   open: () => openClient(options), healthCheck: (c) => readRootDse(c) });
 * const entries = await pool.use((client) => client.search(base, { filter }), true);
 */
export function createPool(options: PoolOptions): Pool {
  const idle: Slot[] = [];
  const waiters: Array<() => void> = [];
  let open = 0;
  let closed = false;
  let sweeper: NodeJS.Timeout | undefined;

  function wakeOne(): void {
    waiters.shift()?.();
  }

  function sweep(): void {
    const cutoff = Date.now() - options.idleTimeoutMs;
    for (let i = idle.length - 1; i >= 0; i--) {
      const slot = idle[i] as Slot;
      if (slot.lastUsed < cutoff) {
        idle.splice(i, 1);
        open--;
        destroy(slot.client);
      }
    }
    if (open === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }

  async function take(deadline: number): Promise<Slot> {
    for (;;) {
      if (closed) throw new Error('the LDAP pool is closed');
      const slot = idle.pop();
      if (slot) {
        if (!slot.client.isConnected) {
          open--;
          destroy(slot.client);
          continue;
        }
        if (Date.now() - slot.lastUsed > options.healthCheckAfterMs) {
          try {
            await options.healthCheck(slot.client);
          } catch {
            open--;
            destroy(slot.client);
            wakeOne();
            continue;
          }
        }
        return slot;
      }
      if (open < options.size) {
        open++;
        sweeper ??= setInterval(sweep, Math.max(1_000, options.idleTimeoutMs / 2)).unref();
        try {
          return { client: await options.open(), lastUsed: Date.now(), reused: false };
        } catch (error) {
          open--;
          wakeOne();
          throw error;
        }
      }
      await new Promise<void>((resolve, reject) => {
        const wait = deadline - Date.now();
        const timer = setTimeout(() => {
          const at = waiters.indexOf(wake);
          if (at >= 0) waiters.splice(at, 1);
          reject(new PoolTimeoutError());
        }, Math.max(0, wait));
        function wake(): void {
          clearTimeout(timer);
          resolve();
        }
        waiters.push(wake);
      });
    }
  }

  function give(slot: Slot, healthy: boolean): void {
    if (!healthy || closed || !slot.client.isConnected) {
      open--;
      destroy(slot.client);
    } else {
      slot.lastUsed = Date.now();
      slot.reused = true;
      idle.push(slot);
    }
    wakeOne();
  }

  async function useOnce<T>(work: (client: Client) => Promise<T>, deadline: number): Promise<{ value: T } | { error: unknown; stale: boolean }> {
    const slot = await take(deadline);
    try {
      await options.prepare?.(slot.client);
      const value = await work(slot.client);
      give(slot, true);
      return { value };
    } catch (error) {
      const broken = isConnectionError(error);
      give(slot, !broken);
      // A timeout is not retried: the directory is slow or hung, and a second wait would double the delay.
      return { error, stale: broken && slot.reused && !/timed out|timeout/i.test(String((error as Error)?.message)) };
    }
  }

  return {
    async use(work, retry = false) {
      const deadline = Date.now() + options.acquireTimeoutMs;
      const first = await useOnce(work, deadline);
      if ('value' in first) return first.value;
      if (!(retry && first.stale)) throw first.error;
      const second = await useOnce(work, Date.now() + options.acquireTimeoutMs);
      if ('value' in second) return second.value;
      throw second.error;
    },
    get size() {
      return { open, idle: idle.length, waiting: waiters.length };
    },
    async close() {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
      const clients = idle.splice(0).map((slot) => slot.client);
      open -= clients.length;
      for (const wake of waiters.splice(0)) wake();
      await Promise.all(clients.map((client) => client.unbind().catch(() => undefined)));
    },
  };
}
