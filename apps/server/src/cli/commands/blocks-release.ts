import { unblockIdentifier } from '@oauth-ro/core/admin';
import { normalizeIdentifier } from '@oauth-ro/core/internal';
import { withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';
import { optionalString } from '../options.js';

/** `oauth-ro blocks release`: clears an identifier's brute-force counts from every IP. */
export const blocksRelease: CliCommand = {
  name: 'blocks release',
  summary: "release an identifier's brute-force blocks, from every IP",
  help: `Usage: oauth-ro blocks release <email | username | phone> [--connection <name>]

Clears the brute-force counts of an identifier from every IP (in every connection, or one), so its
next login is judged afresh; prints the blocks released. An administrator's block of the user
(users block) is not touched: see oauth-ro users unblock.

Options:
  --connection <name>   only this connection

Example:
  oauth-ro blocks release alice@example.com`,
  options: { connection: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const identifier = normalizeIdentifier(args.positionals[0]!);
    const connection = optionalString(args, 'connection');
    return withAdminContext(io, async ({ config, stores, clock }) => {
      const released = await unblockIdentifier({ counters: stores.counters, users: stores.users, clock }, config, identifier, {
        ...(connection === undefined ? {} : { connection }),
      });
      for (const block of released) io.out(`released ${block.connection}\t${block.identifier}\t${block.ip}`);
      io.out(`${released.length} block${released.length === 1 ? '' : 's'} released for ${identifier}`);
      return EXIT.ok;
    });
  },
};
