export * from './open-postgres-stores.js';
export * from './migrate-postgres.js';
export * from './migrations/postgres-migration-status.js';
export type * from './options.js';
export type { MigrationReport } from './migrations/run-migrations.js';
