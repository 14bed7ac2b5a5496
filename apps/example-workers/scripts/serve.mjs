// Serves dist/worker.js in workerd (through Miniflare), as `wrangler dev` would, without Cloudflare.
import { Miniflare } from 'miniflare';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';

const mf = new Miniflare({
  modules: true,
  scriptPath: `${dist}worker.js`,
  modulesRoot: dist,
  compatibilityDate: '2025-07-01',
  host,
  port,
  cf: false,
  ...(process.env.OAUTH_RO_ISSUER ? { bindings: { ISSUER: process.env.OAUTH_RO_ISSUER } } : {}),
});
const url = await mf.ready;
console.log(`example-workers (workerd) listening on ${url}`);
console.log(
  `sign up: curl -s ${url}dbconnections/signup -H 'content-type: application/json' -d '{"client_id":"worker-app","connection":"Username-Password-Authentication","email":"ann@example.com","password":"Ann-passw0rd!"}'`,
);
console.log(
  `log in:  curl -s ${url}oauth/ro -d client_id=worker-app -d connection=Username-Password-Authentication -d grant_type=password -d username=ann@example.com -d 'password=Ann-passw0rd!' -d scope=openid`,
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    mf.dispose().then(() => process.exit(0), () => process.exit(1));
  });
}
