import type { CliIo } from './cli-io.js';
import type { CommandArgs } from './command.js';
import { optionalString } from './options.js';
import { CommandError, UsageError } from './usage-error.js';

/** Longer than any password policy allows; stops a wrong file piped in from being read whole. */
const MAX_BYTES = 4096;

/** Asks on the terminal with echo off: typed characters are never shown. */
async function prompt(io: CliIo): Promise<string> {
  const stdin = io.stdin;
  io.err('Password (not shown): ');
  stdin.setRawMode?.(true);
  try {
    let typed = '';
    for await (const chunk of stdin) {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n' || char === '\u0004') return typed;
        if (char === '\u0003') throw new CommandError('cancelled');
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    }
    return typed;
  } finally {
    stdin.setRawMode?.(false);
    stdin.pause();
  }
}

/**
 * The password for `--password-stdin`: the first line of standard input (its line break dropped),
 * or, on a terminal, typed without echo. Never printed, never logged.
 *
 * @example const password = await readPassword(io);
 */
export async function readPassword(io: CliIo): Promise<string> {
  io.stdin.setEncoding('utf8');
  if (io.stdin.isTTY) return prompt(io);
  let text = '';
  for await (const chunk of io.stdin) {
    text += String(chunk);
    if (text.length > MAX_BYTES) throw new CommandError('standard input is too long for a password');
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CommandError('no password on standard input');
  return line;
}

/**
 * The password a command was given: exactly one of `--password-stdin` (read as {@link readPassword})
 * and `--password` (accepted with a warning, since it leaves the password in shell history).
 *
 * @example const password = await passwordFromOptions(args, io);
 */
export async function passwordFromOptions(args: CommandArgs, io: CliIo): Promise<string> {
  const fromStdin = args.values['password-stdin'] === true;
  const given = optionalString(args, 'password');
  if (fromStdin === (given !== undefined)) throw new UsageError('give exactly one of --password-stdin and --password');
  if (given !== undefined) io.err('warning: --password leaves the password in shell history and the process list; prefer --password-stdin');
  return given ?? (await readPassword(io));
}
