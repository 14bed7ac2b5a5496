import type { PasswordHistoryStore, TicketStore } from '@oauth-ro/core';
import type { TicketRecord } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import type { StoreFactory, StoresUnderTest } from './types.js';
import { useStores } from './use-stores.js';

const T0 = 1_700_000_000_000;
let sequence = 0;

/** A live reset ticket for a fresh hash, valid an hour from T0. */
function makeTicket(overrides: Partial<TicketRecord> = {}): TicketRecord {
  sequence += 1;
  return { ticket_hash: sequence.toString(16).padStart(64, 't'), kind: 'reset', user_id: `auth0|ticket-${sequence}`, created_at: T0, expires_at: T0 + 3_600_000, ...overrides };
}

function port<K extends 'tickets' | 'passwordHistory'>(stores: StoresUnderTest, name: K): NonNullable<StoresUnderTest[K]> {
  const store = stores[name];
  if (!store) throw new Error(`this store set has no ${name}`);
  return store as NonNullable<StoresUnderTest[K]>;
}

/** The `TicketStore` port: single use (also under 20 racing redemptions), expiry, kinds kept apart. */
export function ticketStoreSuite(factory: StoreFactory): void {
  describe('TicketStore', () => {
    const stores = useStores(factory);
    const tickets = (): TicketStore => port(stores.current, 'tickets');

    it('keeps every field, peeks without spending, and redeems once', async () => {
      const record = makeTicket({ client_id: 'app', result_url: 'https://app.example.com/done', password_hash: '$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA' });
      await tickets().issue(record);
      expect(await tickets().peek('reset', record.ticket_hash, T0)).toEqual(record);
      expect(await tickets().peek('reset', record.ticket_hash, T0)).toEqual(record);
      expect(await tickets().redeem('reset', record.ticket_hash, T0)).toEqual(record);
      expect(await tickets().redeem('reset', record.ticket_hash, T0)).toBeUndefined();
      expect(await tickets().peek('reset', record.ticket_hash, T0)).toBeUndefined();
    });

    it('keeps kinds apart: a reset ticket is not a verification ticket', async () => {
      const record = makeTicket();
      await tickets().issue(record);
      expect(await tickets().peek('verify', record.ticket_hash, T0)).toBeUndefined();
      expect(await tickets().redeem('verify', record.ticket_hash, T0)).toBeUndefined();
      expect(await tickets().redeem('reset', record.ticket_hash, T0)).toMatchObject({ user_id: record.user_id });
    });

    it('keeps MFA enrolment tickets apart from reset and verification tickets, and spends them once', async () => {
      const record = makeTicket({ kind: 'mfa_enroll' });
      const reset = makeTicket({ ticket_hash: record.ticket_hash.replace(/^t/, 'u') });
      await tickets().issue(record);
      await tickets().issue(reset);
      expect(await tickets().peek('reset', record.ticket_hash, T0)).toBeUndefined();
      expect(await tickets().peek('mfa_enroll', reset.ticket_hash, T0)).toBeUndefined();
      expect(await tickets().peek('mfa_enroll', record.ticket_hash, T0)).toEqual(record);
      const results = await Promise.all(Array.from({ length: 10 }, () => tickets().redeem('mfa_enroll', record.ticket_hash, T0)));
      expect(results.filter((r) => r !== undefined)).toEqual([record]);
      expect(await tickets().peek('reset', reset.ticket_hash, T0)).toEqual(reset);
    });

    it('refuses a ticket at and after its expiry, and never gives it out again', async () => {
      const record = makeTicket({ expires_at: T0 + 1000 });
      await tickets().issue(record);
      expect(await tickets().peek('reset', record.ticket_hash, T0 + 999)).toBeDefined();
      expect(await tickets().peek('reset', record.ticket_hash, T0 + 1000)).toBeUndefined();
      expect(await tickets().redeem('reset', record.ticket_hash, T0 + 1000)).toBeUndefined();
      expect(await tickets().redeem('reset', record.ticket_hash, T0)).toBeUndefined();
    });

    it('gives a ticket to exactly one of 20 parallel redemptions', async () => {
      const record = makeTicket({ kind: 'verify' });
      await tickets().issue(record);
      const results = await Promise.all(Array.from({ length: 20 }, () => tickets().redeem('verify', record.ticket_hash, T0)));
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    });

    it('prunes expired tickets and keeps live ones', async () => {
      const dead = makeTicket({ expires_at: T0 - 1 });
      const live = makeTicket();
      await tickets().issue(dead);
      await tickets().issue(live);
      // Stores whose keys expire on their own (Redis) have nothing to prune and answer 0.
      const pruned = await tickets().prune(T0);
      expect([0, 1]).toContain(pruned);
      if (pruned === 1) expect(await tickets().peek('reset', dead.ticket_hash, T0 - 10)).toBeUndefined();
      expect(await tickets().redeem('reset', dead.ticket_hash, T0)).toBeUndefined();
      expect(await tickets().peek('reset', live.ticket_hash, T0)).toBeDefined();
    });
  });
}

/** The `PasswordHistoryStore` port: newest first, trimmed to `keep`, per user. */
export function passwordHistoryStoreSuite(factory: StoreFactory): void {
  describe('PasswordHistoryStore', () => {
    const stores = useStores(factory);
    const history = (): PasswordHistoryStore => port(stores.current, 'passwordHistory');

    it('answers the newest hashes first, keeps only `keep`, and forgets a user', async () => {
      const user = `auth0|history-${++sequence}`;
      const other = `${user}-other`;
      for (let i = 1; i <= 5; i++) await history().add(user, `$hash-${i}`, T0 + i, 3);
      await history().add(other, '$other', T0, 3);
      expect(await history().recent(user, 10)).toEqual(['$hash-5', '$hash-4', '$hash-3']);
      expect(await history().recent(user, 2)).toEqual(['$hash-5', '$hash-4']);
      await history().forget(user);
      expect(await history().recent(user, 10)).toEqual([]);
      expect(await history().recent(other, 10)).toEqual(['$other']);
    });

    it('shrinks to a smaller keep on the next add', async () => {
      const user = `auth0|history-${++sequence}`;
      for (let i = 1; i <= 4; i++) await history().add(user, `$h${i}`, T0 + i, 4);
      await history().add(user, '$h5', T0 + 5, 1);
      expect(await history().recent(user, 10)).toEqual(['$h5']);
    });
  });
}
