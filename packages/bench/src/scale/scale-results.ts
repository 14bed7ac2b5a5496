import type { ImportRun } from './measure-import.js';
import type { QueryPlan } from './query-plans.js';
import type { MonthResult } from './simulate-month.js';

/** One path at one table size, over every round. */
export interface ScaleSizeRow {
  readonly size: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly perSecond: number;
  /** Median over rounds of (this size's median latency ÷ the reference size's, in the same round). */
  readonly medianRatio: number;
  /** Median over rounds of (this size's 2xx/s ÷ the reference size's, in the same round). */
  readonly throughputRatio: number;
  readonly statuses: Readonly<Record<string, number>>;
}

/** One path (login, or `/userinfo`) on one store, at every size. */
export interface ScalePath {
  readonly path: string;
  /** Whether the ±10 % goal is judged on it (login) or it is shown for the store's share (userinfo). */
  readonly judged: boolean;
  readonly connections: number;
  readonly rounds: number;
  readonly roundSeconds: number;
  readonly sizes: readonly ScaleSizeRow[];
}

/** Everything the scale section measured on one store. */
export interface ScaleStoreResult {
  readonly store: 'sqlite' | 'postgres';
  readonly seeded: { readonly size: number; readonly seconds: number }[];
  readonly paths: ScalePath[];
  readonly planSize: number;
  readonly plans: QueryPlan[];
  month?: MonthResult;
  readonly imports: ImportRun[];
  readonly notes: string[];
}
