import { readFile, writeFile } from 'node:fs/promises';
import { convertAuth0Export, scriptsBeside } from '@oauth-ro/migrate';
import { stringify } from 'yaml';
import { parseConfigText } from '../../config/parse-config-text.js';
import { EXIT, type CliCommand } from '../command.js';
import { optionalString } from '../options.js';
import { CommandError } from '../usage-error.js';

/** `oauth-ro convert`: an Auth0 tenant export into an oauth-ro configuration file. */
export const convert: CliCommand = {
  name: 'convert',
  summary: 'turn an Auth0 tenant export into an oauth-ro configuration',
  help: `Usage: oauth-ro convert <export.json | tenant.yaml> [--out <config.json | config.yaml>] [--force]

Converts an Auth0 tenant export (Management API GET /api/v2/clients and /api/v2/connections in one
JSON object {"clients": [...], "connections": [...]}, or an auth0-deploy-cli tenant.yaml) into an
oauth-ro configuration. Secrets are never copied: each becomes an "env:NAME" reference, and a
warning on stderr names the variable to set; Rules, Actions (bound to post-login or
pre-user-registration) and custom-database scripts carry over, read from the files a tenant.yaml
references; what oauth-ro does not do (social connections, hooks, …) is listed as warnings. The configuration goes to stdout as JSON, or to --out
(YAML when it ends in .yaml or .yml). Then: oauth-ro config validate <file>.

Options:
  --out <file>   write the configuration there instead of stdout
  --force        overwrite --out if it exists

Example:
  oauth-ro convert ./auth0-tenant.json --out ./oauth-ro.json`,
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    const out = optionalString(args, 'out');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CommandError(`${file}: ${code === 'ENOENT' ? 'the file does not exist' : `cannot be read (${code ?? String(error)})`}`);
    }
    let converted: ReturnType<typeof convertAuth0Export>;
    try {
      converted = convertAuth0Export(parseConfigText(text, file), { readScript: scriptsBeside(file) });
    } catch (error) {
      if (error instanceof TypeError) throw new CommandError(`${file}: ${error.message}`);
      throw error;
    }
    for (const warning of converted.warnings) io.err(`warning: ${warning}`);
    if (out === undefined) {
      io.out(JSON.stringify(converted.config, null, 2));
      return EXIT.ok;
    }
    const body = /\.ya?ml$/i.test(out) ? stringify(converted.config) : `${JSON.stringify(converted.config, null, 2)}\n`;
    try {
      await writeFile(out, body, { flag: args.values.force === true ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CommandError(`${out}: ${code === 'EEXIST' ? 'exists already (--force overwrites it)' : `cannot be written (${code ?? String(error)})`}`);
    }
    io.out(`wrote ${out}: ${(converted.config.clients as unknown[]).length} client(s), ${(converted.config.connections as unknown[]).length} connection(s), ${converted.warnings.length} warning(s)`);
    return EXIT.ok;
  },
};
