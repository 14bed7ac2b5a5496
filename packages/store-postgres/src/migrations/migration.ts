/** One schema change. Versions only grow; a released migration is never edited, only followed. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Statements run in one transaction, unqualified (the connection's `search_path` picks the schema). */
  readonly sql: string;
}
