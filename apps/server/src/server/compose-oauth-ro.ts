import { createArgon2Hasher, DEFAULT_HASHER_LIMITS, OWASP_ARGON2ID, type Argon2Hasher } from '@oauth-ro/argon2';
import { createOAuthRo, systemClock, webCryptoRandom, type CoreDeps, type Directory, type Logger, type OAuthRo, type OAuthRoConfig, type StoreBundle } from '@oauth-ro/core';
import { StartupError } from '../config/startup-error.js';
import type { ServerEnvironment } from '../env/read-environment.js';
import { loadDirectories } from './load-directories.js';
import { loadExtensibility, type LoadedExtensibility } from './load-extensibility.js';
import { loadSenders } from './load-senders.js';

/** By shape rather than `instanceof`: a strategy package may hold another copy of core (ESM/CJS). */
export function isConfigurationError(error: unknown): error is { path: string; problem: string } {
  return (
    error instanceof Error &&
    error.name === 'ConfigurationError' &&
    typeof (error as { path?: unknown }).path === 'string' &&
    typeof (error as { problem?: unknown }).problem === 'string'
  );
}

/** What {@link composeOAuthRo} needs. */
export interface ComposeOptions {
  readonly env: ServerEnvironment;
  readonly config: OAuthRoConfig;
  /** The open stores (a bundle or `combineStores`' result); their ports are spread into core's deps. */
  readonly stores: StoreBundle<'users' | 'keys'>;
  /** For the directory, sender and script packages (scripts' output at debug). */
  readonly logger: Logger & { debug: Logger['info'] };
  /** What only a running server adds: the request-scoped logger, the audit sink, readiness checks. */
  readonly deps?: Pick<Partial<CoreDeps>, 'logger' | 'audit' | 'readiness'>;
}

/** oauth-ro with everything the configuration asks for, and how to release it. */
export interface ComposedOAuthRo {
  readonly oauthRo: OAuthRo;
  readonly hasher: Argon2Hasher;
  /** Closes the directories' and senders' connections and the script runner's processes. */
  close(): Promise<void>;
}

/**
 * Builds oauth-ro over open stores the way start-up does: loads the directory packages the
 * configuration uses and validates their connections' options (`ad`, `waad`, `adfs`), starts the
 * script runner for Rules, Actions and custom databases, loads and validates the senders, creates
 * the hasher, then `createOAuthRo` (passwordless settings, keys, admin token). Start-up and
 * `oauth-ro config validate` both call it, so validate fails exactly where start-up would. A
 * configuration problem throws a `StartupError` naming the file and the path in it; whatever was
 * loaded before the failure is closed.
 *
 * @example
 * const { oauthRo, close } = await composeOAuthRo({ env, config, stores, logger });
 */
export async function composeOAuthRo(options: ComposeOptions): Promise<ComposedOAuthRo> {
  const { env, config, logger } = options;
  let directories: Readonly<Record<string, Directory>> = {};
  let senders: CoreDeps['senders'] = {};
  let extensibility: LoadedExtensibility | undefined;
  try {
    directories = await loadDirectories(config, logger);
    extensibility = await loadExtensibility(config, logger);
    const hasher = await createArgon2Hasher(OWASP_ARGON2ID, {
      ...DEFAULT_HASHER_LIMITS,
      maxQueued: env.hashQueue ?? DEFAULT_HASHER_LIMITS.maxQueued,
      ...(env.hashLifoMs === undefined ? {} : { lifoAfterMs: env.hashLifoMs }),
      ...(env.hashShedMs === undefined ? {} : { shedAfterMs: env.hashShedMs }),
    });
    senders = await loadSenders(config, logger, { zeroConfig: !env.configFile });
    const oauthRo = await createOAuthRo({
      config,
      deps: {
        ...options.stores,
        hasher,
        clock: systemClock,
        random: webCryptoRandom,
        logger,
        directories,
        senders,
        ...(extensibility.hooks ? { hooks: extensibility.hooks } : {}),
        ...(extensibility.customDatabases ? { customDatabases: extensibility.customDatabases } : {}),
        ...options.deps,
      },
      ...(env.keyEncryptionKey === undefined ? {} : { keyEncryptionKey: env.keyEncryptionKey }),
      ...(env.codeHashKey === undefined ? {} : { passwordless: { codeHashKey: env.codeHashKey } }),
      ...(env.adminToken === undefined ? {} : { adminToken: env.adminToken }),
      ...(env.geoloc === undefined ? {} : { geoloc: env.geoloc }),
    });
    const loaded = extensibility;
    return {
      oauthRo,
      hasher,
      async close() {
        await oauthRo.close();
        await loaded.close();
      },
    };
  } catch (error) {
    await Promise.allSettled([
      ...Object.values(directories).map((d) => d.close?.()),
      ...Object.values(senders ?? {}).map((s) => s?.close?.()),
      extensibility?.close(),
    ]);
    if (isConfigurationError(error)) throw new StartupError(`${env.configFile ?? '(zero-config)'}: ${error.path}: ${error.problem}`);
    throw error;
  }
}
