// A separate process for the multi-process race test (run with `node --import tsx`): it imports the
// store, reports `loaded`, waits for `go`, then opens the file (migrating it if needed) and calls
// ensureActive with its own candidate, and reports the active kids it was answered with.
import { openSqliteStores } from '../open-sqlite-stores.js';

const [path, kid] = process.argv.slice(2) as [string, string];

process.once('message', async () => {
  try {
    const stores = await openSqliteStores(path, { busyTimeoutMs: 15_000 });
    const keys = await stores.keys.ensureActive({ kid, alg: 'RS256', private_jwk: '{}', public_jwk: '{}', created_at: Date.now() });
    await stores.close();
    process.send?.({ active: keys.filter((k) => k.retired_at === undefined).map((k) => k.kid) }, () => process.exit(0));
  } catch (error) {
    process.send?.({ error: String(error) }, () => process.exit(1));
  }
});
process.send?.('loaded');
