import { parseArgs } from 'node:util';
import { StartupError } from '../config/startup-error.js';
import type { CliIo } from './cli-io.js';
import { EXIT, type CliCommand, type CommandArgs } from './command.js';
import { COMMANDS } from './command-table.js';
import { CommandError, UsageError } from './usage-error.js';
import { packageVersion } from '../version.js';

const ENVIRONMENT = `Environment (the same as the server's):
  OAUTH_RO_DATABASE             sqlite:<path> (default sqlite:./data/oauth-ro.db) or a postgres:// URL
  OAUTH_RO_REDIS                redis:// URL, when the server runs with one (counters, brute-force blocks)
  OAUTH_RO_CONFIG               configuration file; without it, the zero-config connection
  OAUTH_RO_KEY_ENCRYPTION_KEY   seals private signing keys (keys rotate)`;

/** The top-level help: every command and its one-line summary. */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'oauth-ro: the standalone server, and the commands that administer it.',
    '',
    'Usage:',
    '  oauth-ro                        start the server (like pnpm start)',
    '  oauth-ro <command> [options]    run one administration command',
    '  oauth-ro --version              print the version',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    ENVIRONMENT,
    '',
    'Run `oauth-ro <command> --help` for its options. Exit codes: 0 done, 1 failed, 2 wrong usage.',
  ].join('\n');
}

/** The command `argv` starts with (three words, then two, then one), and the arguments after it. */
function findCommand(argv: readonly string[]): { command: CliCommand; rest: string[] } | undefined {
  for (const words of [3, 2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

function parse(command: CliCommand, rest: string[]): CommandArgs & { help: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('. To specify a positional')[0]! : String(error));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help === true) return { values, positionals: parsed.positionals, help: true };
  const count = parsed.positionals.length;
  if (count < command.positionals.min) throw new UsageError('missing argument');
  if (count > command.positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[command.positionals.max]}"`);
  return { values, positionals: parsed.positionals, help: false };
}

/**
 * Runs one administration command line (`argv` without `node` and the script) and returns the
 * exit code: 0 done, 1 the command failed (the reason on stderr, never a stack trace), 2 the
 * command line is wrong (the reason and the command's usage on stderr).
 *
 * @example
 * process.exitCode = await runCli(['users', 'list', '--json'], processIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    io.out(mainHelp());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    io.out(packageVersion());
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
    const wanted = group.length > 0 && argv[1] !== undefined ? `${first} ${argv[1]}` : first;
    io.err(group.length > 0 && argv[1] === undefined ? `oauth-ro ${first}: which one?` : `oauth-ro: unknown command "${wanted}"`);
    io.err(group.length > 0 ? group.map((c) => `  oauth-ro ${c.name.padEnd(16)}${c.summary}`).join('\n') : 'Run `oauth-ro --help` for the commands.');
    return EXIT.usage;
  }
  const { command, rest } = found;
  try {
    const args = parse(command, rest);
    if (args.help) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`oauth-ro ${command.name}: ${error.message}`);
      io.err(command.help.split('\n')[0]!);
      return EXIT.usage;
    }
    const known = error instanceof CommandError || error instanceof StartupError;
    const message = error instanceof Error ? error.message : String(error);
    io.err(`oauth-ro ${command.name}: ${known ? message : `failed: ${message}`}`);
    return EXIT.failure;
  }
}
