/**
 * A record's fields as the values of table columns: an optional field is a nullable column. A
 * store maps its driver's row to these typed values (numbers, booleans, parsed JSON) itself.
 */
export type RecordColumns<T> = { -readonly [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

/**
 * The record that typed column values stand for: NULL columns become absent fields, as the memory
 * store has them.
 *
 * @example const user = recordFromColumns<UserRecord>({ ...row, blocked: row.blocked === 1, profile: JSON.parse(row.profile) });
 */
export function recordFromColumns<T>(columns: RecordColumns<T>): T {
  const record: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(columns)) if (value !== null) record[name] = value;
  return record as T;
}

/**
 * The column values of a record, one per name: absent fields become NULL.
 *
 * @example const params = columnsFromRecord(record, ['id', 'token_hash', 'expires_at']); // { id, token_hash, expires_at: null }
 */
export function columnsFromRecord<T, K extends keyof T>(record: T, names: readonly K[]): Pick<RecordColumns<T>, K> {
  const columns: Partial<Record<K, unknown>> = {};
  for (const name of names) columns[name] = record[name] ?? null;
  return columns as Pick<RecordColumns<T>, K>;
}
