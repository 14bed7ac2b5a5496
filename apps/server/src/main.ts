import { StartupError } from './config/startup-error.js';
import { startServer } from './server/start-server.js';
import { stopOnSignals } from './server/stop-on-signals.js';

/** The `pnpm start` entry point: start, or print why not and exit 1 (no stack trace). */
async function main(): Promise<void> {
  try {
    const server = await startServer(process.env, (line) => process.stdout.write(`${line}\n`));
    stopOnSignals({ stop: () => server.stop(), log: server.log, exit: (code) => process.exit(code) });
  } catch (error) {
    const message = error instanceof StartupError ? error.message : `cannot start: ${String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

void main();
