import { StartupError } from './config/startup-error.js';
import { readSecretFiles } from './env/read-secret-files.js';
import { startServer } from './server/start-server.js';
import { stopOnSignals } from './server/stop-on-signals.js';

/** The `pnpm start` entry point: start, or print why not and exit 1 (no stack trace). */
async function serve(): Promise<void> {
  try {
    // Lines for the operator (banner, address) on stderr: stdout carries only JSON log lines.
    const server = await startServer(process.env, (line) => process.stderr.write(`${line}\n`));
    const { shutdownDelaySeconds, drainTimeoutSeconds } = server.shutdown;
    stopOnSignals({
      stop: () => server.stop(),
      log: server.log,
      exit: (code) => process.exit(code),
      // The hard deadline leaves the drain its whole time, plus five seconds to close the stores.
      drainTimeoutMs: (shutdownDelaySeconds + drainTimeoutSeconds + 5) * 1000,
    });
  } catch (error) {
    const message = error instanceof StartupError ? error.message : `cannot start: ${String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

/** `oauth-ro <command> …`: one administration command, then exit with its code. */
async function administer(argv: string[]): Promise<void> {
  // Loaded only for a command: starting the server does not pay for the CLI.
  const [{ runCli }, { processIo }] = await Promise.all([import('./cli/run-cli.js'), import('./cli/cli-io.js')]);
  const code = await runCli(argv, processIo());
  // Let stdout drain (a piped listing may be long), then exit: no store handle keeps the process up.
  process.stdout.write('', () => process.exit(code));
}

// `<NAME>_FILE` secrets become `<NAME>` before the server or a command reads the environment.
try {
  Object.assign(process.env, readSecretFiles(process.env));
} catch (error) {
  process.stderr.write(`${error instanceof StartupError ? error.message : String(error)}\n`);
  process.exit(1);
}
const argv = process.argv.slice(2);
void (argv.length === 0 ? serve() : administer(argv));
