import { takeUrlOption } from '@oauth-ro/core/ports';
import type { PostgresStoreOptions } from './options.js';

/** A PostgreSQL URL for the driver, and the options it carried. */
export interface ResolvedPostgresUrl {
  /** The URL without `?schema=` (the driver would not know it). */
  readonly url: string;
  readonly options: PostgresStoreOptions;
}

/**
 * Takes `?schema=name` off a `postgres://` (or `postgresql://`) URL into `options.schema`; a schema
 * both in the URL and in `options` must agree. A URL that does not parse is refused without
 * echoing it (it may carry a password).
 *
 * @example resolveUrl('postgres://db/oauth?schema=tenant_a&sslmode=require'); // { url: 'postgres://db/oauth?sslmode=require', options: { schema: 'tenant_a' } }
 */
export function resolveUrl(value: string, options: PostgresStoreOptions = {}): ResolvedPostgresUrl {
  const { url, option: schema } = takeUrlOption(value, 'schema', 'postgres', options.schema);
  return { url, options: schema === undefined ? options : { ...options, schema } };
}

/**
 * How a PostgreSQL store is named in a log line: host and schema, never a user or password.
 *
 * @example describeUrl('postgres://u:p@db:5432/oauth', 'tenant_a'); // 'postgres://db:5432 (schema tenant_a)'
 */
export function describeUrl(url: string, schema: string): string {
  return `postgres://${new URL(url).host}${schema === 'public' ? '' : ` (schema ${schema})`}`;
}
