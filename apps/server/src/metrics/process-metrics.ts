import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** What the process metrics read from the running server. */
export interface ProcessMetricsSource {
  /** The `oauth-ro` package version. */
  readonly version: string;
  /** The password hasher's load: hashes running and waiting for a slot. */
  hashLoad(): { readonly running: number; readonly queued: number };
}

/** The standalone server's own metrics, appended to core's at `/metrics`. */
export interface ProcessMetrics {
  /** Prometheus text: process and Node runtime metrics, build info, hashing queue. */
  render(): Promise<string>;
}

/**
 * prom-client's default process and runtime metrics (CPU, memory, event-loop lag, GC, handles), a
 * build-info gauge (`oauth_ro_build_info{version,node_version} 1`) and the password-hashing queue
 * (`oauth_ro_hash_queue_depth`, `oauth_ro_hashes_running`), in a registry of its own.
 *
 * @example
 * const metrics = createProcessMetrics({ version: '0.1.0', hashLoad: () => hasher.load() });
 * const text = await metrics.render();
 */
export function createProcessMetrics(source: ProcessMetricsSource): ProcessMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'oauth_ro_build_info',
    help: 'oauth-ro version and Node.js version of this process (always 1).',
    labelNames: ['version', 'node_version'],
    registers: [registry],
  }).set({ version: source.version, node_version: process.version }, 1);
  new Gauge({
    name: 'oauth_ro_hash_queue_depth',
    help: 'Password hashes waiting for a hashing slot; beyond OAUTH_RO_HASH_QUEUE, logins get 503.',
    registers: [registry],
    collect() {
      this.set(source.hashLoad().queued);
    },
  });
  new Gauge({
    name: 'oauth_ro_hashes_running',
    help: 'Password hashes running now (at most one per core, on the hashing threads).',
    registers: [registry],
    collect() {
      this.set(source.hashLoad().running);
    },
  });
  return { render: () => registry.metrics() };
}
