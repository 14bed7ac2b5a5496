// A separate process for the multi-process refresh-token race (run with `node --import tsx`): it
// opens the file, reports `loaded`, waits for `go`, then presents the token with rotation and a
// negative leeway (so any earlier rotation counts as reuse), and reports the outcome.
import { openSqliteStores } from '../open-sqlite-stores.js';

const [path, token_hash, name] = process.argv.slice(2) as [string, string, string];

const stores = await openSqliteStores(path, { busyTimeoutMs: 15_000 });
process.once('message', async () => {
  try {
    const used = await stores.refreshTokens.use(token_hash, 'mobile-app', 1_700_000_000_000, {
      successor: { id: `successor-${name}`, token_hash: `successor-hash-${name}`, created_at: 1_700_000_000_000 },
      leeway_ms: -1,
    });
    await stores.close();
    process.send?.({ outcome: used.outcome }, () => process.exit(0));
  } catch (error) {
    process.send?.({ error: String(error) }, () => process.exit(1));
  }
});
process.send?.('loaded');
