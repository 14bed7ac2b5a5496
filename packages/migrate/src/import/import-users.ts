import type { UserStore } from '@oauth-ro/core';
import type { UserRecord } from '@oauth-ro/core/ports';
import { parseAuth0User } from './parse-auth0-user.js';
import type { ExportRecord } from './read-export-records.js';

/** What an import did, record by record. */
export interface ImportCounts {
  /** Users created. */
  imported: number;
  /** Of those, users without a password hash (they cannot log in until one is set). */
  withoutPassword: number;
  /** Users whose `user_id` was already there, in this connection: left as they are. */
  skipped: number;
  /** Records refused: unreadable, invalid, a hash that cannot be verified, or a login key taken by another user. */
  refused: number;
}

/** Options of {@link importUsers}. */
export interface ImportUsersOptions {
  readonly connection: string;
  readonly now: () => string;
  /** A fresh `auth0|…` id, for a record without one. */
  readonly newId: () => string;
  /** One line per refused record: where it is and why, never a hash. */
  readonly report: (line: number, problem: string) => void;
  /** Called every `progressEvery` records read. */
  readonly progress?: (counts: ImportCounts, read: number) => void;
  readonly progressEvery?: number;
  /**
   * Users being written at once (default 8) by a store without `createMany`, which commits each on
   * its own: several in flight share the round trips and commits of a networked store.
   */
  readonly concurrency?: number;
}

/** Users handed to `createMany` at once, where the store has it (one transaction each). */
const BATCH = 500;

type Created = { created: true } | { created: false; reason: 'exists' };

/** `imported`, `skipped` (already there, same connection), or why the user could not be imported. */
async function outcomeOf(users: UserStore, user: UserRecord, created: Created, connection: string): Promise<string> {
  if (created.created) return 'imported';
  const existing = await users.findById(user.user_id);
  if (existing && existing.connection === connection) return 'skipped';
  if (existing) return `${user.user_id} already exists in connection ${existing.connection}`;
  return `${user.user_id}: its email, username or phone number belongs to another user of ${connection}`;
}

/**
 * Imports users as the records stream in: in batches of 500, each one transaction, where the store
 * has `createMany` (SQLite, PostgreSQL), one batch at a time (two under way could deadlock over keys
 * both claim); otherwise one user at a time per write, at most `concurrency` under way. A file of any
 * size costs the memory of one batch, or of `concurrency` records. Idempotent: a user whose `user_id`
 * is already in the connection is skipped, so running the same file again imports only what was
 * refused or missing before. A bad record is reported with its line number and the import goes on.
 * Of two records that claim the same login key, the first is imported and the other refused, except
 * on a store without `createMany` that writes concurrently, where the two within `concurrency`
 * records of each other race.
 * A store that fails (not a refusal) stops the import with its error once the writes under way
 * have settled.
 *
 * @example
 * const counts = await importUsers(readExportRecords(file), stores.users, {
 *   connection: 'Username-Password-Authentication', now: () => new Date().toISOString(), newId, report,
 * });
 */
export async function importUsers(records: AsyncIterable<ExportRecord>, users: UserStore, options: ImportUsersOptions): Promise<ImportCounts> {
  const counts: ImportCounts = { imported: 0, withoutPassword: 0, skipped: 0, refused: 0 };
  const every = options.progressEvery ?? 10_000;
  const concurrency = users.createMany ? 1 : Math.max(1, options.concurrency ?? 8);
  const batchSize = users.createMany ? BATCH : 1;
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let batch: { user: UserRecord; refuse: (problem: string) => void }[] = [];
  const tally = (outcome: string, user: UserRecord, refuse: (problem: string) => void) => {
    if (outcome === 'imported') {
      counts.imported += 1;
      if (user.password_hash === undefined) counts.withoutPassword += 1;
    } else if (outcome === 'skipped') counts.skipped += 1;
    else refuse(outcome);
  };
  const flush = async () => {
    const taken = batch;
    batch = [];
    const write: Promise<void> = (async () => {
      const created = users.createMany ? await users.createMany(taken.map((t) => t.user)) : [await users.create(taken[0]!.user)];
      for (const [i, { user, refuse }] of taken.entries()) tally(await outcomeOf(users, user, created[i]!, options.connection), user, refuse);
    })()
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => writing.delete(write));
    writing.add(write);
    if (writing.size >= concurrency) await Promise.race(writing);
  };
  let read = 0;
  for await (const record of records) {
    if (failure) break;
    read += 1;
    if (read % every === 0) options.progress?.(counts, read);
    const refuse = (problem: string) => {
      counts.refused += 1;
      options.report(record.line, problem);
    };
    if (record.text === undefined) {
      refuse(record.problem ?? 'unreadable');
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(record.text);
    } catch {
      // The parser's message quotes the text, which may hold a hash: say only that it is not JSON.
      refuse('not valid JSON');
      continue;
    }
    const user = parseAuth0User(value, options.connection, { now: options.now(), newId: options.newId });
    if (!user.ok) {
      refuse(user.error.join('; '));
      continue;
    }
    batch.push({ user: user.value, refuse });
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0 && !failure) await flush();
  await Promise.all(writing);
  if (failure) throw failure.error;
  return counts;
}
