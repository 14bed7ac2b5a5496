import type { TicketKind, TicketRecord, TicketStore } from '@oauth-ro/core/ports';
import { deleteWhere } from './delete-where.js';

const keyOf = (kind: TicketKind, ticket_hash: string) => `${kind}\0${ticket_hash}`;

/**
 * Reset and verification tickets in a Map, by kind and hash. `redeem` runs without awaiting, so on
 * one event loop only one of racing redemptions gets the ticket.
 *
 * @example const tickets = new MemoryTicketStore();
 */
export class MemoryTicketStore implements TicketStore {
  readonly #tickets = new Map<string, TicketRecord>();

  async issue(record: TicketRecord): Promise<void> {
    this.#tickets.set(keyOf(record.kind, record.ticket_hash), { ...record });
    if (this.#tickets.size % 1024 === 0) await this.prune(record.created_at);
  }

  async peek(kind: TicketKind, ticket_hash: string, at: number): Promise<TicketRecord | undefined> {
    const stored = this.#tickets.get(keyOf(kind, ticket_hash));
    return stored && stored.expires_at > at ? { ...stored } : undefined;
  }

  async redeem(kind: TicketKind, ticket_hash: string, at: number): Promise<TicketRecord | undefined> {
    const key = keyOf(kind, ticket_hash);
    const stored = this.#tickets.get(key);
    if (!stored) return undefined;
    this.#tickets.delete(key);
    return stored.expires_at > at ? { ...stored } : undefined;
  }

  async prune(before: number): Promise<number> {
    return deleteWhere(this.#tickets, (t) => t.expires_at < before);
  }
}
