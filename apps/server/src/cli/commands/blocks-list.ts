import { listBruteForceBlocks } from '@oauth-ro/core/admin';
import { normalizeIdentifier } from '@oauth-ro/core/internal';
import { withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';
import { optionalString } from '../options.js';

/** `oauth-ro blocks list`: the live brute-force blocks. */
export const blocksList: CliCommand = {
  name: 'blocks list',
  summary: 'list brute-force blocks (identifier + IP refused with 429)',
  help: `Usage: oauth-ro blocks list [--identifier <email | username | phone>] [--connection <name>] [--json]

Lists the live brute-force blocks: an identifier that failed the connection's limit of consecutive
logins (10 by default) from one IP, and is refused there with 429 too_many_attempts until the block
expires or is released (oauth-ro blocks release, or users unblock). With OAUTH_RO_REDIS set, the
blocks are read from Redis, as the servers count them. Without --json: tab-separated lines under a
header (connection, identifier, ip, count, expires_at).

Options:
  --identifier <id>     only this email, username or phone number
  --connection <name>   only this connection
  --json                one JSON object per line

Example:
  oauth-ro blocks list --identifier alice@example.com`,
  options: { identifier: { type: 'string' }, connection: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const identifier = optionalString(args, 'identifier');
    const connection = optionalString(args, 'connection');
    const json = args.values.json === true;
    return withAdminContext(io, async ({ config, stores, clock }) => {
      const blocks = await listBruteForceBlocks({ counters: stores.counters, users: stores.users, clock }, config, {
        ...(identifier === undefined ? {} : { identifier: normalizeIdentifier(identifier) }),
        ...(connection === undefined ? {} : { connection }),
      });
      if (!json) io.out(['connection', 'identifier', 'ip', 'count', 'expires_at'].join('\t'));
      for (const block of blocks) {
        const expires_at = new Date(block.resets_at).toISOString();
        if (json) io.out(JSON.stringify({ connection: block.connection, identifier: block.identifier, ip: block.ip, count: block.count, expires_at }));
        else io.out([block.connection, block.identifier, block.ip, String(block.count), expires_at].join('\t'));
      }
      return EXIT.ok;
    });
  },
};
