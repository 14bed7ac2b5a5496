import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io.js';

/** Exit codes: 0 done, 1 the command failed, 2 the command line is wrong. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Options and positionals of one command line, as `node:util` `parseArgs` returns them. */
export interface CommandArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** One CLI command: its words, its help and what it runs. */
export interface CliCommand {
  /** The words that select it, e.g. `users create`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text: usage line first, then options and an example. */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** Returns the exit code; throws `UsageError` (2) or `CommandError` / `StartupError` (1). */
  run(args: CommandArgs, io: CliIo): Promise<number>;
}
