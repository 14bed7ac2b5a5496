import { SpanKind, type Attributes } from '@opentelemetry/api';
import type { CoreDeps } from '../ports/deps.js';
import { STORE_PORT_NAMES } from '../ports/store-bundle.js';
import { isPromiseLike } from '../util/maybe-promise.js';
import { endWithError, tracer, tracingEnabled } from './tracer.js';


/** Synchronous helpers too small to be worth a span. */
const UNTRACED = new Set(['needsRehash', 'overloaded']);

function callInSpan(name: string, kind: SpanKind, attributes: Attributes, call: () => unknown): unknown {
  if (!tracingEnabled()) return call();
  return tracer.startActiveSpan(name, { kind, attributes }, (span) => {
    let result: unknown;
    try {
      result = call();
    } catch (error) {
      endWithError(span, error);
      throw error;
    }
    if (!isPromiseLike(result)) {
      span.end();
      return result;
    }
    return result.then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        endWithError(span, error);
        throw error;
      },
    );
  });
}

/**
 * A port whose every method call runs in a span named `<name>.<method>`. Methods are called on the
 * port itself (private fields keep working), and absent optional methods stay absent.
 */
function tracePort<T extends object>(port: T, name: string, kind: SpanKind, attributes: Attributes = {}): T {
  const wrappers = new Map<string, { readonly method: unknown; readonly traced: unknown }>();
  return new Proxy(port, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function' || typeof key !== 'string' || UNTRACED.has(key)) return value;
      const cached = wrappers.get(key);
      if (cached?.method === value) return cached.traced;
      const spanName = `${name}.${key}`;
      const spanAttributes: Attributes = { ...attributes, 'oauth_ro.port': name, 'oauth_ro.operation': key };
      const traced = (...args: unknown[]): unknown =>
        callInSpan(spanName, kind, spanAttributes, () => (value as (...a: unknown[]) => unknown).apply(target, args));
      wrappers.set(key, { method: value, traced });
      return traced;
    },
  });
}

function traceEach<T extends object>(
  ports: Readonly<Record<string, T | undefined>> | undefined,
  name: string,
  kind: SpanKind,
  attribute: string,
): Record<string, T> | undefined {
  if (!ports) return undefined;
  const out: Record<string, T> = {};
  for (const [key, port] of Object.entries(ports)) if (port) out[key] = tracePort(port, name, kind, { [attribute]: key });
  return out;
}

/**
 * The ports with every call traced, wrapped once at the port boundary so that every store,
 * hasher, directory and sender is traced alike: stores as `users.find`, `counters.increment`,
 * `refreshTokens.create`…; the hasher as `hasher.verify`; directories as `directory.authenticate`
 * (attribute `oauth_ro.strategy`); senders as `sender.send`; custom databases and login hooks too.
 * Arguments and results are never recorded. With no OpenTelemetry SDK registered the spans are
 * no-ops.
 *
 * @example const traced = traceDeps(deps); await traced.users.find('Username-Password-Authentication', { email });
 */
export function traceDeps(deps: CoreDeps): CoreDeps {
  const traced: Record<string, unknown> = { ...deps };
  if (deps.hasher) traced.hasher = tracePort(deps.hasher, 'hasher', SpanKind.INTERNAL);
  // Every storage port: each call is a span `<port>.<method>` (e.g. `users.find`, `counters.increment`).
  for (const port of STORE_PORT_NAMES) {
    const store = deps[port];
    if (store) traced[port] = tracePort(store, port, SpanKind.CLIENT);
  }
  const directories = traceEach(deps.directories, 'directory', SpanKind.CLIENT, 'oauth_ro.strategy');
  if (directories) traced.directories = directories;
  const senders = traceEach(deps.senders, 'sender', SpanKind.CLIENT, 'oauth_ro.strategy');
  if (senders) traced.senders = senders;
  const customDatabases = traceEach(deps.customDatabases, 'customDatabase', SpanKind.INTERNAL, 'oauth_ro.connection');
  if (customDatabases) traced.customDatabases = customDatabases;
  if (deps.hooks) traced.hooks = tracePort(deps.hooks, 'hooks', SpanKind.INTERNAL);
  return traced as unknown as CoreDeps;
}
