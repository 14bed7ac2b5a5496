/**
 * A reason the server cannot start that the operator can fix (a bad configuration file, a bad
 * environment variable). `message` is the whole line printed before exiting with code 1: it names
 * where the problem is and what is wrong, and no stack trace goes with it.
 *
 * @example
 * throw new StartupError('oauth-ro.yaml: connections[1].strategy: must be one of auth0, sms, …');
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
