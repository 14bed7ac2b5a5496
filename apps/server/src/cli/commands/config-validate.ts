import { loadConfigFile } from '../../config/load-config-file.js';
import { StartupError } from '../../config/startup-error.js';
import { readEnvironment } from '../../env/read-environment.js';
import { EXIT, type CliCommand } from '../command.js';
import { UsageError } from '../usage-error.js';

/** `oauth-ro config validate`: the server's own loader, without starting anything. */
export const configValidate: CliCommand = {
  name: 'config validate',
  summary: 'check a configuration file as the server would load it',
  help: `Usage: oauth-ro config validate [file]

Loads the configuration file (default: OAUTH_RO_CONFIG) exactly as the server does at start-up,
"env:NAME" values and OAUTH_RO_ISSUER included, and prints OK with what it holds, or the problem
with the file and the path in it (exit 1): an unknown key is an error with a suggestion, an Auth0
setting oauth-ro does not support a warning (on stderr). Nothing is started and no store is opened.

Example:
  oauth-ro config validate ./oauth-ro.yaml`,
  options: {},
  positionals: { min: 0, max: 1 },
  async run(args, io) {
    const env = readEnvironment(io.env);
    const file = args.positionals[0] ?? env.configFile;
    if (file === undefined) throw new UsageError('name a file, or set OAUTH_RO_CONFIG');
    try {
      const config = await loadConfigFile(file, {
        env: io.env,
        ...(env.issuer === undefined ? {} : { issuer: env.issuer }),
        onWarning: (line) => io.err(`warning: ${line}`),
      });
      io.out(`OK ${file}: issuer ${config.issuer}, ${config.clients.length} client(s), ${config.connections.length} connection(s)`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof StartupError)) throw error;
      io.err(error.message);
      return EXIT.failure;
    }
  },
};
