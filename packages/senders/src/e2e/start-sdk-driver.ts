import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const DRIVER = fileURLToPath(new URL('./sdk-driver.mjs', import.meta.url));

/** What one SDK call gave: its resolved value, or the SDK's error (`name` is Auth0's `error`). */
export type SdkAnswer =
  | { readonly ok: true; readonly value: any }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message?: string; readonly statusCode?: number | string } };

/** The `auth0` Node SDK v2 running in its own Node process. */
export interface SdkDriver {
  call(method: 'passwordless.sendSMS' | 'passwordless.sendEmail' | 'passwordless.signIn' | 'oauth.signIn', args: Record<string, unknown>): Promise<SdkAnswer>;
  close(): Promise<void>;
}

/**
 * Starts the SDK driver process for `domain`, trusting the test certificate through
 * `NODE_EXTRA_CA_CERTS` (the SDK's HTTP client passes its own `ca` and no agent, so a process-wide
 * agent setting never reaches it). Calls are answered in order; each is bounded by `timeoutMs`.
 *
 * @example const sdk = await startSdkDriver({ domain, clientId: 'app', certPath }); await sdk.call('passwordless.sendSMS', { phone_number });
 */
export async function startSdkDriver(options: { domain: string; clientId: string; certPath: string; timeoutMs?: number }): Promise<SdkDriver> {
  const child = spawn(process.execPath, [DRIVER, JSON.stringify({ domain: options.domain, clientId: options.clientId })], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: options.certPath },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<number, (answer: SdkAnswer) => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const { id, ...answer } = JSON.parse(line) as SdkAnswer & { id: number };
    waiting.get(id)?.(answer);
    waiting.delete(id);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let next = 0;
  return {
    call(method, args) {
      const id = (next += 1);
      return new Promise<SdkAnswer>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`SDK call ${method} gave no answer within ${options.timeoutMs ?? 20_000} ms`));
        }, options.timeoutMs ?? 20_000);
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
        child.stdin.write(`${JSON.stringify({ id, method, args })}\n`);
      });
    },
    async close() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
