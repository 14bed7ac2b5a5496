import type { TracingEnvironment } from '../env/read-tracing-environment.js';
import { packageVersion } from '../version.js';

/** A registered OpenTelemetry SDK. */
export interface Tracing {
  /** Exports the spans still buffered, then unregisters the SDK. */
  shutdown(): Promise<void>;
}

/**
 * Registers OpenTelemetry's trace SDK for core's spans (which are no-ops until then): a tracer
 * provider exporting over OTLP/HTTP in batches, the AsyncLocalStorage context manager (so a port
 * call's span nests under its request's), and the W3C trace context propagator (so a caller's
 * `traceparent` is continued). The resource is `service.name` (`OTEL_SERVICE_NAME`, default
 * `oauth-ro`), `service.version`, and `OTEL_RESOURCE_ATTRIBUTES`. Loaded only when tracing is on.
 *
 * @example const tracing = await startTracing({ protocol: 'http/protobuf' }); await tracing.shutdown();
 */
export async function startTracing(settings: TracingEnvironment): Promise<Tracing> {
  const [api, sdk, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, resources, exporter] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
    settings.protocol === 'http/json' ? import('@opentelemetry/exporter-trace-otlp-http') : import('@opentelemetry/exporter-trace-otlp-proto'),
  ]);
  // OTEL_SERVICE_NAME over OTEL_RESOURCE_ATTRIBUTES over the defaults, as the SDK specification orders them.
  const resource = resources
    .resourceFromAttributes({ 'service.name': 'oauth-ro', 'service.version': packageVersion() })
    .merge(resources.detectResources({ detectors: [resources.resourceAttributesEnvDetector, resources.serviceNameEnvDetector] }));
  const provider = new sdk.TracerProvider({ resource, spanProcessors: [new sdk.BatchSpanProcessor({ exporter: new exporter.OTLPTraceExporter() })] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  api.context.setGlobalContextManager(contextManager);
  api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  api.trace.setGlobalTracerProvider(provider);
  return {
    async shutdown() {
      await provider.shutdown();
      api.trace.disable();
      api.propagation.disable();
      api.context.disable();
    },
  };
}
