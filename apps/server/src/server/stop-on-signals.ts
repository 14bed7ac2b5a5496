/** How long in-flight requests get to finish after SIGTERM before the process gives up. */
export const DRAIN_TIMEOUT_MS = 10_000;

/** What {@link stopOnSignals} needs from the running server and the process. */
export interface StopOnSignalsOptions {
  stop(): Promise<void>;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  exit(code: number): void;
  drainTimeoutMs?: number;
}

/**
 * On the first SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, close
 * the stores, exit 0. If draining takes longer than the timeout, or a second signal arrives, exit 1
 * at once.
 *
 * @example
 * stopOnSignals({ stop: () => server.stop(), log: server.log, exit: (code) => process.exit(code) });
 */
export function stopOnSignals(options: StopOnSignalsOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      options.log.error({ signal }, 'second signal: exiting without waiting for in-flight requests');
      options.exit(1);
      return;
    }
    stopping = true;
    options.log.info({ signal }, 'shutting down: draining in-flight requests');
    const timeout = options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS;
    const timer = setTimeout(() => {
      options.log.error({ timeout_ms: timeout }, 'requests still in flight after the drain timeout: exiting');
      options.exit(1);
    }, timeout);
    timer.unref();
    options.stop().then(
      () => {
        clearTimeout(timer);
        options.log.info({}, 'stopped');
        options.exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        options.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'shutdown failed');
        options.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
