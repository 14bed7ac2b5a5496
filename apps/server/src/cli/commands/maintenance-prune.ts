import { pruneExpired, type PrunableStore } from '@oauth-ro/core/admin';
import { withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';

/** `oauth-ro maintenance prune`: the sweep the server runs every hour, once, now. */
export const maintenancePrune: CliCommand = {
  name: 'maintenance prune',
  summary: 'delete expired and revoked records now (the sweep the server runs every hour)',
  help: `Usage: oauth-ro maintenance prune [--json]

Deletes what can no longer matter, as the server does every OAUTH_RO_PRUNE_INTERVAL_SECONDS (an
hour by default): refresh tokens that expired or were revoked more than 7 days ago (rotated tokens
of a family still alive are kept, so their reuse still revokes the family), passwordless codes,
counters and Touch ID replay markers that ended more than an hour ago, expired tickets, and MFA
enrolments left pending (never confirmed) for more than 7 days. Signing keys are left to
keys rotate, which deletes retired keys once no token they signed can be valid. Safe to run while
servers run, and on several machines at once. Prints how many records each store deleted; a store
that fails is named on stderr and the exit code is 1. With OAUTH_RO_REDIS set, Redis expires its
counters and markers itself and they are not listed.

Options:
  --json   one JSON object: {"pruned": {store: count}, "failed": [{store, message}]}

Example:
  oauth-ro maintenance prune`,
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    return withAdminContext(io, async ({ stores, clock }) => {
      const report = await pruneExpired({ clock, ...stores });
      if (args.values.json === true) {
        io.out(JSON.stringify(report));
      } else {
        io.out('store\tpruned');
        for (const [store, count] of Object.entries(report.pruned) as [PrunableStore, number][]) io.out(`${store}\t${count}`);
      }
      for (const failure of report.failed) io.err(`${failure.store}: ${failure.message}`);
      return report.failed.length === 0 ? EXIT.ok : EXIT.failure;
    });
  },
};
