/**
 * The command line itself is wrong (unknown command or option, missing argument): the CLI prints
 * the message and the command's usage, and exits 2.
 *
 * @example throw new UsageError('--connection is required');
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The command ran and failed in a way the operator can act on (unknown user, bad file): the CLI
 * prints the message, without a stack trace, and exits 1.
 *
 * @example throw new CommandError('no user auth0|abc');
 */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
