import { loadKeyRing } from '@oauth-ro/core/internal';
import { withAdminContext } from '../admin-context.js';
import { EXIT, type CliCommand } from '../command.js';
import { optionalString } from '../options.js';
import { UsageError } from '../usage-error.js';

const ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
type Alg = (typeof ALGS)[number];

/** `oauth-ro keys rotate`: a new signing key, through the same key ring the server uses. */
export const keysRotate: CliCommand = {
  name: 'keys rotate',
  summary: 'make a new signing key; the previous one stays in JWKS until its tokens expire',
  help: `Usage: oauth-ro keys rotate [--alg RS256|ES256|EdDSA]

Generates a new signing key for the algorithm (default RS256) and makes it the one that signs.
The previous key stays published in /.well-known/jwks.json until every token it signed has expired,
so nothing already issued stops verifying. Running servers on the same database pick the new key up
within their refresh interval (5 minutes), or at once when they meet its kid. With
OAUTH_RO_KEY_ENCRYPTION_KEY set (as the server has it), the private key is stored sealed.

Options:
  --alg <alg>   RS256 (default), ES256 or EdDSA

Example:
  oauth-ro keys rotate --alg RS256`,
  options: { alg: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const alg = optionalString(args, 'alg') ?? 'RS256';
    if (!(ALGS as readonly string[]).includes(alg)) throw new UsageError(`--alg must be one of ${ALGS.join(', ')}`);
    return withAdminContext(io, async ({ env, config, stores, clock, logger }) => {
      const keyRing = await loadKeyRing(stores.keys, clock, [alg as Alg], {
        ...(env.keyEncryptionKey === undefined ? {} : { keyEncryptionKey: env.keyEncryptionKey }),
        // As the server computes it, so the retired key is published exactly as long as there.
        maxTokenLifetimeS: Math.max(...config.clients.map((c) => c.jwt_configuration.lifetime_in_seconds), 0),
        logger,
      });
      const key = await keyRing.rotate(alg as Alg);
      io.out(`new ${alg} signing key ${key.kid}${env.keyEncryptionKey === undefined ? '' : ' (sealed)'}; a previous ${alg} key stays in JWKS until its tokens expire`);
      return EXIT.ok;
    });
  },
};
