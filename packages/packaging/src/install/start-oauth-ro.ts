import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running `oauth-ro` process, its base URL and what it printed. */
export interface OAuthRoProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exited: Promise<number | null>;
}

/**
 * Starts `command args…` in `cwd` with `env` (plus PATH), on a port the OS picks, and waits for its
 * `oauth-ro listening on <url>` line (on stderr).
 *
 * @example const server = await startOAuthRo(process.execPath, ['node_modules/.bin/oauth-ro'], dir, {});
 */
export function startOAuthRo(command: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<OAuthRoProcess> {
  const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  createInterface({ input: child.stdout }).on('line', (line) => stdout.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 30 s\n${stderr.join('\n')}`)), 30_000);
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr.push(line);
      const url = /^oauth-ro listening on (http:\/\/\S+)$/.exec(line)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, stdout, stderr, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`oauth-ro exited (${code}) before listening\n${stderr.join('\n')}`));
    });
  });
}

/** Signs a user up and logs them in through `/oauth/ro` with the zero-config client; returns the login response. */
export async function zeroConfigLogin(url: string, email: string): Promise<Response> {
  const common = { client_id: 'demo', connection: 'Username-Password-Authentication' };
  const post = (path: string, body: Record<string, string>, requestId: string) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: JSON.stringify(body) });
  const signup = await post('/dbconnections/signup', { ...common, email, password: 'Install-passw0rd' }, 'install-signup');
  if (signup.status !== 200) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
  return post('/oauth/ro', { ...common, grant_type: 'password', username: email, password: 'Install-passw0rd', scope: 'openid' }, 'install-login');
}
