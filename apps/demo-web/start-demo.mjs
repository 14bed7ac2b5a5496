// `pnpm --filter @oauth-ro/demo-web start`: the standalone server (built) and, on its own origin, the
// demo page talking to it cross-origin. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { servePage } from './serve-page.mjs';

const port = process.env.PORT ?? '3000';
const server = process.env.OAUTH_RO_URL ?? `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, [fileURLToPath(new URL('../server/dist/main.js', import.meta.url))], { stdio: 'inherit', env: process.env });
const page = await servePage({ dir: fileURLToPath(new URL('./dist/', import.meta.url)), server, port: Number(process.env.DEMO_PORT ?? 3001) });
console.log(`demo page (its own origin, calling ${server} through CORS): ${page.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill(signal);
    void page.close();
  });
}
child.on('exit', (code) => {
  void page.close();
  process.exit(code ?? 0);
});
