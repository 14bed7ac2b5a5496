import { type ChildProcess, fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Forks one `node --import tsx` process per argument list, each running `fixture` (a path under
 * `src/`) with the package as its working directory and an IPC channel for the race protocol.
 *
 * @example const children = forkRaceChildren('src/keys/race-child.fixture.ts', [[path, 'a'], [path, 'b']]);
 */
export function forkRaceChildren(fixture: string, argLists: readonly string[][]): ChildProcess[] {
  return argLists.map((args) =>
    fork(join(packageRoot, fixture), args, {
      cwd: packageRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
}

/**
 * The next message of `child`, or a rejection if it errors or exits before sending one.
 *
 * @example const ready = await Promise.all(children.map(nextMessage));
 */
export function nextMessage(child: ChildProcess): Promise<any> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code} before answering`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (message) => {
      child.off('exit', onExit);
      child.off('error', reject);
      resolve(message);
    });
  });
}
