/**
 * What a CLI command talks to: its output streams, standard input and the environment. The real
 * process passes its own; tests pass buffers.
 */
export interface CliIo {
  /** One line of the command's result (no trailing newline). */
  out(line: string): void;
  /** One line of progress, warnings or errors (no trailing newline). */
  err(line: string): void;
  /** Like `out`, resolving once the line is accepted (backpressure, for long streamed output). */
  write?(line: string): Promise<void>;
  /** Standard input, for `--password-stdin` and `users import -`. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean; setRawMode?(raw: boolean): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard output is a terminal (colours are welcome there). */
  readonly stdoutIsTTY?: boolean;
}

/**
 * The process's own streams and environment.
 *
 * @example const code = await runCli(process.argv.slice(2), processIo());
 */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    write: (line) =>
      new Promise<void>((resolve) => {
        if (process.stdout.write(`${line}\n`)) resolve();
        else process.stdout.once('drain', resolve);
      }),
    err: (line) => process.stderr.write(`${line}\n`),
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}
