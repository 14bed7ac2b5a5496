import { isSealedPrivateJwk } from '@oauth-ro/core/internal';
import { withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';

/** `oauth-ro keys list`: the signing keys in the database, never their private parts. */
export const keysList: CliCommand = {
  name: 'keys list',
  summary: 'list the signing keys: kid, algorithm, active or retired, sealed or not',
  help: `Usage: oauth-ro keys list [--json]

Lists the signing keys kept in the database, newest first: kid, algorithm, created, status
(active signs new tokens; retired keys stay in JWKS until the tokens they signed expire) and whether
the private key is sealed with OAUTH_RO_KEY_ENCRYPTION_KEY. Private keys are never printed.

Options:
  --json   one JSON object per line

Example:
  oauth-ro keys list`,
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const json = args.values.json === true;
    return withAdminContext(io, async ({ stores }) => {
      const keys = (await stores.keys.list()).sort((a, b) => b.created_at - a.created_at);
      if (!json) io.out(['kid', 'alg', 'created_at', 'status', 'private_key'].join('\t'));
      for (const key of keys) {
        const row = {
          kid: key.kid,
          alg: key.alg,
          created_at: new Date(key.created_at).toISOString(),
          status: key.retired_at === undefined ? 'active' : `retired ${new Date(key.retired_at).toISOString()}`,
          private_key: isSealedPrivateJwk(key.private_jwk) ? 'sealed' : 'plain',
        };
        io.out(json ? JSON.stringify(row) : Object.values(row).join('\t'));
      }
      return EXIT.ok;
    });
  },
};
