import type { ReadinessChecks } from './readiness-check.js';
import { STORE_PORT_NAMES, type StoreBundle, type StoreLifecycle, type StorePortName, type StorePorts } from './store-bundle.js';

/** An overlay that lends only some of its ports (Redis for the short-lived ones, say). */
export interface StoreOverlay {
  readonly store: StoreBundle;
  /** The ports taken from `store`; the others stay the primary's. */
  readonly ports: readonly StorePortName[];
}

/**
 * Bundles composed into core's deps: the storage fields (spread them into `deps`), one readiness
 * check per bundle, and one `ping`/`close` for all.
 */
export type CombinedStores = StoreBundle<'users' | 'keys'> & {
  /** Each bundle's `ping` under its name (`database`, `redis`), for `deps.readiness`. */
  readonly readiness: ReadinessChecks;
};

function checkName(name: string, taken: ReadinessChecks): string {
  if (!(name in taken)) return name;
  let n = 2;
  while (`${name}-${n}` in taken) n++;
  return `${name}-${n}`;
}

/**
 * Composes store bundles: the primary's ports, each replaced by the overlays' that follow (a later
 * overlay wins; an overlay given as `{ store, ports }` lends only those ports). Pinging pings every
 * bundle; closing closes them all, overlays first, and reports nothing of a failure to close.
 *
 * @example
 * const stores = combineStores(await openPostgresStores(url), { store: await openRedisStores(redisUrl), ports: ['codes', 'counters', 'usedAssertions'] });
 * const oauthRo = await createOAuthRo({ config, deps: { ...stores, hasher, clock: systemClock, random: webCryptoRandom } });
 */
export function combineStores(primary: StoreBundle<'users' | 'keys'>, ...overlays: readonly (StoreBundle | StoreOverlay)[]): CombinedStores {
  const layers = [{ store: primary, ports: STORE_PORT_NAMES }, ...overlays.map((o) => ('store' in o ? o : { store: o, ports: STORE_PORT_NAMES }))];
  // Filled name by name from the layers; the primary's `users` and `keys` are always among them.
  const ports: Partial<Record<StorePortName, unknown>> = {};
  const readiness: Record<string, () => Promise<void>> = {};
  for (const { store, ports: lent } of layers) {
    for (const name of lent) if (store[name] !== undefined) ports[name] = store[name];
    readiness[checkName(store.name, readiness)] = () => store.ping();
  }
  const stores = layers.map((l) => l.store);
  const lifecycle: StoreLifecycle & { readonly readiness: ReadinessChecks } = {
    name: primary.name,
    description: stores.map((s) => s.description).join(' + '),
    readiness,
    async ping() {
      await Promise.all(stores.map((s) => s.ping()));
    },
    async close() {
      await Promise.allSettled(stores.slice(1).map((s) => s.close()));
      await primary.close().catch(() => {});
    },
  };
  return { ...(ports as unknown as StorePorts & Pick<CombinedStores, 'users' | 'keys'>), ...lifecycle };
}
