import type { Logger } from '@oauth-ro/core';
import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { StartupError } from '../../config/startup-error.js';
import { readEnvironment } from '../../env/read-environment.js';
import { composeOAuthRo } from '../../server/compose-oauth-ro.js';
import { readStartupSettings } from '../../server/read-startup-settings.js';
import { EXIT, type CliCommand } from '../command.js';
import { UsageError } from '../usage-error.js';

const quiet: Logger & { debug: Logger['info'] } = { info() {}, warn() {}, error() {}, debug() {} };

/** `oauth-ro config validate`: start-up's own checks, without opening the database or listening. */
export const configValidate: CliCommand = {
  name: 'config validate',
  summary: 'check a configuration file (and the environment) with the checks start-up runs',
  help: `Usage: oauth-ro config validate [file]

Runs the checks start-up runs, with the same code, on the configuration file (default:
OAUTH_RO_CONFIG) and the environment: the OAUTH_RO_* variables, the file ("env:NAME" values and
OAUTH_RO_ISSUER included), Rules, Actions and custom-database scripts (compiled, and the script
runner started and stopped), the options of ad, waad and adfs connections as their directory
packages read them, the sms / email provider options as the senders read them, and what core checks
when it is created (passwordless settings, signing algorithms, the admin token). Prints OK with what
the file holds, or the problem with the file and the path in it (exit 1): an unknown key is an error
with a suggestion, an Auth0 setting oauth-ro does not support a warning (on stderr). The database is
not opened (a throwaway in-memory one stands in) and nothing listens or connects to a directory.

Example:
  oauth-ro config validate ./oauth-ro.yaml`,
  options: {},
  positionals: { min: 0, max: 1 },
  async run(args, io) {
    const file = args.positionals[0] ?? readEnvironment(io.env).configFile;
    if (file === undefined) throw new UsageError('name a file, or set OAUTH_RO_CONFIG');
    try {
      const { env, config } = await readStartupSettings({ ...io.env, OAUTH_RO_CONFIG: file }, (line) => io.err(`warning: ${line}`));
      const stores = await openSqliteStores(':memory:');
      try {
        const composed = await composeOAuthRo({ env, config, stores, logger: quiet });
        await composed.close();
      } finally {
        await stores.close();
      }
      io.out(`OK ${file}: issuer ${config.issuer}, ${config.clients.length} client(s), ${config.connections.length} connection(s)`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof StartupError)) throw error;
      io.err(error.message);
      return EXIT.failure;
    }
  },
};
