import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROUTE_PATHS } from '@oauth-ro/core';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { ROOT_DIR } from '../readme-examples/public-packages.js';

const read = (path: string) => readFile(join(ROOT_DIR, path), 'utf8');

/** No container engine runs here: the recipes are checked for what the deploy-folder test cannot see. */
describe('the deployment recipes', () => {
  it('Dockerfile: multi-stage from a pnpm deploy, non-root, /data volume, HEALTHCHECK on readiness, the deploy folder’s entry point', async () => {
    const text = await read('Dockerfile');
    const stages = text.split('\n').filter((l) => l.startsWith('FROM '));
    expect(stages).toHaveLength(2);
    expect(text).toContain('pnpm --filter=oauth-ro deploy --prod /app');
    const runtime = text.slice(text.lastIndexOf('\nFROM '));
    expect(runtime).not.toMatch(/apt-get|g\+\+|pnpm install/);
    expect(runtime).toContain('COPY --from=build /app /app');
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('VOLUME ["/data"]');
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health\/ready/m);
    expect(runtime).toContain('ENTRYPOINT ["node", "/app/dist/main.js"]');
  });

  it('Kubernetes: liveness and readiness on oauth-ro’s probe routes, a grace period longer than the drain', async () => {
    const docs = parseAllDocuments(await read('deploy/kubernetes/oauth-ro.yaml')).map((d) => d.toJS());
    const deployment = docs.find((d) => d.kind === 'Deployment');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    for (const path of ['/health/live', '/health/ready']) expect(ROUTE_PATHS).toContain(path);
    const env = Object.fromEntries(container.env.map((e: { name: string; value?: string }) => [e.name, e.value]));
    const drain = Number(env.OAUTH_RO_SHUTDOWN_DELAY_SECONDS) + Number(env.OAUTH_RO_DRAIN_TIMEOUT_SECONDS);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(drain + 5);
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
  });

  it('compose: PostgreSQL, Redis and two instances behind a proxy that checks readiness', async () => {
    const compose = parse(await read('deploy/compose/compose.yaml'), { merge: true });
    expect(Object.keys(compose.services).sort()).toEqual(['oauth-ro-1', 'oauth-ro-2', 'postgres', 'proxy', 'redis']);
    for (const name of ['oauth-ro-1', 'oauth-ro-2']) {
      expect(compose.services[name].environment.OAUTH_RO_DATABASE).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(compose.services[name].environment.OAUTH_RO_REDIS).toBe('redis://redis:6379');
    }
    const caddy = await read('deploy/compose/Caddyfile');
    expect(caddy).toMatch(/reverse_proxy oauth-ro-1:3000 oauth-ro-2:3000/);
    expect(caddy).toMatch(/health_uri \/health\/ready/);
  });

  it('systemd: runs the installed oauth-ro binary with a state directory and a stop timeout longer than the drain', async () => {
    const unit = await read('deploy/systemd/oauth-ro.service');
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/env oauth-ro$/m);
    expect(unit).toMatch(/^StateDirectory=oauth-ro$/m);
    expect(Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1])).toBeGreaterThanOrEqual(15);
  });
});
