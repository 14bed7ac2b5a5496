/** What a pool runs: a Rules pipeline, an Actions trigger, or one custom-database operation. */
export type ScriptKind = 'rules' | 'actions' | 'database';

/** Why a run did not complete: the script's own error, or a budget the pool enforced. */
export interface ScriptFailure {
  /**
   * `script`: the script failed (passed an error to its callback, threw, rejected); `timeout`,
   * `cpu`, `memory`: a budget was exceeded and the process replaced; `crashed`: the process ended;
   * `busy`: too many runs waiting; `closed`: the pool was closed.
   */
  readonly kind: 'script' | 'timeout' | 'cpu' | 'memory' | 'crashed' | 'busy' | 'closed';
  /** The error's `name` (`UnauthorizedError`, `WrongUsernameOrPasswordError`, `ValidationError`, `Error`…). */
  readonly name: string;
  readonly message: string;
  /** `ValidationError`'s code, or a Node error code. */
  readonly code?: string;
  /** The rule or action that failed, where one did. */
  readonly rule?: string;
  readonly action?: string;
  /** `compile` when the script did not even load. */
  readonly phase?: string;
}

/** A run's outcome; runs never throw. */
export type RunOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ScriptFailure };

/** A line a script wrote with `console.*`. */
export interface ScriptLogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly script: string;
  readonly text: string;
}

/** Options of the process pool. */
export interface PoolOptions {
  /** Child processes (each runs one call at a time). Default 2. */
  readonly size?: number;
  /** Wall-clock budget of one run, ms (Auth0: 20 s for rules and scripts). Default 20000. */
  readonly timeoutMs?: number;
  /** CPU-time budget of one run, ms, measured by the parent from /proc. Default 5000. */
  readonly cpuMs?: number;
  /** V8 heap cap per child, MiB; resident memory beyond it + 96 MiB also kills the child. Default 128. */
  readonly memoryMb?: number;
  /** Runs that may wait for a free child before new ones are refused (`busy`). Default 1000. */
  readonly maxQueue?: number;
  /** Milliseconds a child may take to start. Default 10000. */
  readonly startTimeoutMs?: number;
  /** `host:port` pairs scripts may connect to (`*` for any host or port); everything else is refused. */
  readonly allowHosts?: readonly string[];
  /**
   * A PEM file of extra CA certificates scripts trust for TLS (a legacy system behind a private CA),
   * handed to the children as `NODE_EXTRA_CA_CERTS`, their only environment variable.
   */
  readonly caFile?: string;
  /** Receives scripts' console output (default: dropped). */
  readonly onLog?: (entry: ScriptLogEntry) => void;
}
