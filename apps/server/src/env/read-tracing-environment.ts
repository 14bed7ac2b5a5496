import { StartupError } from '../config/startup-error.js';

/** OpenTelemetry trace export (docs/deployment.md: observability). */
export interface TracingEnvironment {
  /** `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL` (default `http/protobuf`). */
  readonly protocol: 'http/protobuf' | 'http/json';
}

const PROTOCOLS = new Set(['http/protobuf', 'http/json']);

/**
 * Whether spans are exported, and how: on when `OTEL_EXPORTER_OTLP_ENDPOINT` (or the traces-only
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set and `OTEL_SDK_DISABLED` is not `true`. The exporter
 * itself reads the endpoint, `OTEL_EXPORTER_OTLP_HEADERS`, `…_TIMEOUT` and `…_COMPRESSION`; the
 * resource `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES`. A protocol other than OTLP over HTTP
 * names the variable.
 *
 * @example readTracingEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }); // { protocol: 'http/protobuf' }
 */
export function readTracingEnvironment(env: Readonly<Record<string, string | undefined>>): TracingEnvironment | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!endpoint || env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const name = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = env[name]?.trim() || 'http/protobuf';
  if (!PROTOCOLS.has(protocol)) {
    throw new StartupError(`${name}: oauth-ro exports OTLP over HTTP: use http/protobuf or http/json, got ${JSON.stringify(protocol)}`);
  }
  return { protocol: protocol as TracingEnvironment['protocol'] };
}
