import type { AddressInfo } from 'node:net';
import { systemClock, type CombinedStores } from '@oauth-ro/core';
import { pruneExpired } from '@oauth-ro/core/admin';
import { OAUTH_RO_MAX_PARAM_LENGTH, oauthRoFrameworkErrors, oauthRoPlugin } from '@oauth-ro/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { StartupError } from '../config/startup-error.js';
import type { ShutdownEnvironment } from '../env/read-shutdown-environment.js';
import { createProcessMetrics } from '../metrics/process-metrics.js';
import { packageVersion } from '../version.js';
import { openStores } from '../stores/open-stores.js';
import { answerClientErrors, MAX_HEADER_BYTES } from './answer-client-errors.js';
import { answerInContractShape } from './answer-in-contract-shape.js';
import { auditLogSink } from './audit-log-sink.js';
import { composeOAuthRo, isConfigurationError, type ComposedOAuthRo } from './compose-oauth-ro.js';
import { drainOnClose } from './drain-on-close.js';
import { drainRequests } from './drain-requests.js';
import { listenManagement, registerOperations, type ManagementListener } from './serve-operations.js';
import { registerRequestIds, requestIdOptions } from './register-request-ids.js';
import { withRequestFields } from './with-request-fields.js';
import { listenError } from './listen-error.js';
import { mfaByRulesWarning } from './mfa-by-rules-warning.js';
import { readStartupSettings } from './read-startup-settings.js';
import { loggerOptions } from './logger-options.js';
import { registerApiReference } from './register-api-reference.js';
import { schedulePruning } from './schedule-pruning.js';
import { serveDemo } from './serve-demo.js';
import { startTracing, type Tracing } from './start-tracing.js';
import { unsealedKeysWarning } from './unsealed-keys-warning.js';
import { zeroConfigBanner } from './zero-config-banner.js';

/** A server that is listening. */
export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  readonly address: string;
  readonly issuer: string;
  readonly log: FastifyBaseLogger;
  /** The shutdown timings, for the signal handler's hard deadline. */
  readonly shutdown: ShutdownEnvironment;
  /**
   * Readiness answers 503 at once; after `OAUTH_RO_SHUTDOWN_DELAY_SECONDS` new requests get the JSON
   * 503 while in-flight ones finish (up to `OAUTH_RO_DRAIN_TIMEOUT_SECONDS`); then the listener,
   * directories and stores close.
   */
  stop(): Promise<void>;
}

function formatAddress(address: AddressInfo): string {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  // Fastify logs one "Server listening at" line per address at info level; the server prints its
  // own single line instead, so that line is the only one announcing the address.
  const level = app.log.level;
  app.log.level = 'warn';
  try {
    await app.listen({ port, host });
  } catch (error) {
    throw listenError(error, port, host);
  } finally {
    app.log.level = level;
  }
  return formatAddress(app.server.address() as AddressInfo);
}

/**
 * Starts the standalone server from environment variables (docs/spec.md §1): reads the configuration file
 * or uses zero-config, opens the stores, builds oauth-ro and listens. Lines for the operator (the
 * zero-config banner, then the one "listening on" line) go to `print` (stderr in main.ts); logs are pino JSON on stdout.
 * Every operator mistake throws a {@link StartupError}.
 *
 * @example
 * const server = await startServer(process.env, (line) => process.stdout.write(`${line}\n`));
 * process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
 */
export async function startServer(
  processEnv: Readonly<Record<string, string | undefined>>,
  print: (line: string) => void,
): Promise<RunningServer> {
  // The same reading and checks as `oauth-ro config validate`.
  const { env, timeouts, shutdown, management, migrate, tracing: tracingSettings, config } = await readStartupSettings(processEnv, (line) => print(`warning: ${line}`));

  const app = Fastify({
    logger: loggerOptions(env.logLevel),
    ...requestIdOptions(),
    // Fastify accepts a hop count too (documented), though its typings only list the other forms.
    trustProxy: env.trustProxy as FastifyServerOptions['trustProxy'],
    // drainOnClose answers requests that arrive while closing, in the contract's shape.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // Slow clients: Node checks the request and header deadlines every second (its default is 30 s).
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.idleMs,
    http: { maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: timeouts.headersMs, connectionsCheckingInterval: 1000 },
    clientErrorHandler: answerClientErrors,
    routerOptions: { maxParamLength: OAUTH_RO_MAX_PARAM_LENGTH },
    frameworkErrors: oauthRoFrameworkErrors,
  });
  drainOnClose(app);
  registerRequestIds(app);
  const drain = drainRequests(app);
  let stores: CombinedStores | undefined;
  let composed: ComposedOAuthRo | undefined;
  let managementListener: ManagementListener | undefined;
  let tracing: Tracing | undefined;
  try {
    // Before core is built: its spans are no-ops until an SDK is registered.
    if (tracingSettings) tracing = await startTracing(tracingSettings);
    stores = await openStores({ ...env, migrate }, app.log);
    // Directories, scripts, senders, hasher and core: the same composition `config validate` runs.
    composed = await composeOAuthRo({
      env,
      config,
      stores,
      logger: app.log,
      deps: { logger: withRequestFields(app.log), audit: auditLogSink(app.log), readiness: { ...stores.readiness, server: () => drain.readiness() } },
    });
    const { oauthRo, hasher } = composed;
    const metrics = createProcessMetrics({ version: packageVersion(), hashLoad: () => hasher.load() });
    registerOperations(app, oauthRo, metrics, { moved: management.managementPort !== undefined });
    registerApiReference(app, config.issuer);
    answerInContractShape(app, oauthRo);
    await app.register(oauthRoPlugin, { oauthRo });
    const demoPath = await serveDemo(app, processEnv);
    const address = await listen(app, env.port, env.host);
    app.log.info(
      { mode: env.configFile ? 'config-file' : 'zero-config', issuer: config.issuer, database: stores.description, adminApi: env.adminToken !== undefined },
      'oauth-ro started',
    );
    if (!env.configFile) for (const line of zeroConfigBanner(config.issuer, config.issuer)) print(line);
    const unsealed = unsealedKeysWarning(env);
    if (unsealed) {
      app.log.warn({ keys: 'unsealed' }, unsealed);
      print(unsealed);
    }
    const mfaByRules = mfaByRulesWarning(config, stores, env);
    if (mfaByRules) {
      app.log.warn({ mfa: 'rules' }, mfaByRules);
      print(mfaByRules);
    }
    if (demoPath) print(`demo page (development only): ${address}${demoPath}`);
    if (management.managementPort !== undefined) {
      const { managementPort: port, managementHost: host = env.host } = management;
      try {
        managementListener = await listenManagement({ oauthRo, metrics, log: app.log, port, host });
      } catch (error) {
        throw listenError(error, port, host, 'OAUTH_RO_MANAGEMENT_PORT');
      }
      print(`oauth-ro management (metrics, probes) on ${managementListener.address}`);
    }
    print(`oauth-ro listening on ${address}`);

    const running = { composed, stores };
    // Expired records are swept in the background; stop() waits for a sweep under way before closing the stores.
    const pruning =
      env.pruneIntervalSeconds > 0
        ? schedulePruning({ intervalMs: env.pruneIntervalSeconds * 1000, run: () => pruneExpired({ clock: systemClock, ...running.stores }), log: app.log })
        : undefined;
    return {
      address,
      issuer: config.issuer,
      log: app.log,
      shutdown,
      async stop() {
        drain.beginShutdown();
        if (shutdown.shutdownDelaySeconds > 0) {
          app.log.info({ delay_s: shutdown.shutdownDelaySeconds }, 'shutting down: readiness answers 503, still serving');
          await new Promise((resolve) => setTimeout(resolve, shutdown.shutdownDelaySeconds * 1000));
        }
        drain.refuseNewRequests();
        app.log.info({ in_flight: drain.inFlight, timeout_s: shutdown.drainTimeoutSeconds }, 'draining: new requests get 503');
        if (!(await drain.settled(shutdown.drainTimeoutSeconds * 1000))) {
          app.log.warn({ in_flight: drain.inFlight }, 'requests still in flight after the drain timeout: closing anyway');
        }
        await pruning?.stop();
        await app.close();
        await managementListener?.close();
        await running.composed.close();
        await running.stores.close();
        // Last: the spans of the requests drained above are exported before the process exits.
        await tracing?.shutdown();
      },
    };
  } catch (error) {
    await app.close().catch(() => {});
    await managementListener?.close().catch(() => {});
    await composed?.close().catch(() => {});
    await stores?.close().catch(() => {});
    await tracing?.shutdown().catch(() => {});
    if (error instanceof StartupError) throw error;
    if (isConfigurationError(error)) {
      throw new StartupError(`${env.configFile ?? '(zero-config)'}: ${error.path}: ${error.problem}`);
    }
    throw new StartupError(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
