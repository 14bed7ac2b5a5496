// A separate process for openDatabase's multi-process test (run with `node --import tsx`): it
// imports openDatabase, reports `loaded`, then for each path it is sent opens that file with a 15 s
// busy timeout, closes it and reports `{ ok: true }` or the error it met.
import { openDatabase } from './open-database.js';

process.on('message', (path: string) => {
  try {
    openDatabase({ kind: 'file', path }, 15_000).close();
    process.send?.({ ok: true });
  } catch (error) {
    process.send?.({ error: `${(error as { code?: string }).code ?? ''} ${String(error)}` });
  }
});
process.send?.('loaded');
