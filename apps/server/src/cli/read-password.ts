import type { CliIo } from './cli-io.js';
import { CommandError } from './usage-error.js';

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
