/**
 * One schema change. Versions only grow; a released migration is never edited, a new one is added.
 * Changes stay additive so a process of the previous release keeps working on a migrated file.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
