import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './spawn-server.js';

let server: (ServerProcess & { url: string }) | undefined;
afterEach(async () => {
  await server?.kill();
  server = undefined;
});

/** A zero-config server process logging at `level`, after one login of an unknown user. */
async function afterUnknownUserLogin(level: string): Promise<ServerProcess> {
  server = await startServerProcess({ OAUTH_RO_DATABASE: 'sqlite::memory:', OAUTH_RO_LOG_LEVEL: level });
  const res = await fetch(`${server.url}/oauth/ro`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo', connection: 'Username-Password-Authentication', grant_type: 'password', username: 'ghost@example.com', password: 'Wrong-Password-1' }),
  });
  expect(res.status).toBe(401);
  return server;
}

const jsonLines = (running: ServerProcess) => running.stdout.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the audit trail of the real server process', () => {
  it('is written at OAUTH_RO_LOG_LEVEL=warn, while the request lines are not', async () => {
    const running = await afterUnknownUserLogin('warn');
    const line = await running.waitForLine(/"msg":"audit fu"/);
    expect(JSON.parse(line)).toMatchObject({ level: 30, service: 'oauth-ro', audit: { type: 'fu', client_id: 'demo', user_name: 'ghost@example.com' } });
    expect(jsonLines(running).filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([]);
  });

  it('is not written at OAUTH_RO_LOG_LEVEL=silent, like every other log line', async () => {
    const running = await afterUnknownUserLogin('silent');
    // Shut it down and read its stdout to the end, so that no line can still be on its way.
    const closed = once(running.child.stdout!, 'close');
    running.child.kill('SIGTERM');
    await closed;
    expect(await running.exited).toBe(0);
    expect(jsonLines(running)).toEqual([]);
  });
});
