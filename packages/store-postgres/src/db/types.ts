/** The rows and count a statement returned. */
export interface QueryResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

/**
 * Something statements run on: the pool (each statement on its own connection) or one transaction.
 * Connection failures reject with core's `UnavailableError`.
 */
export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
}

/** The pool the stores share. */
export interface Database extends Sql {
  /**
   * Runs `work` in one transaction (`BEGIN` … `COMMIT`, `ROLLBACK` on any throw) on one connection.
   * Use it wherever a write spans rows.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Resolves when PostgreSQL answers `SELECT 1`; rejects with `UnavailableError` otherwise. */
  ping(): Promise<void>;
  /** Ends every pooled connection. */
  close(): Promise<void>;
}
