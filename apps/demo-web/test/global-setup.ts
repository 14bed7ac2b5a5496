import { buildWithDependencies } from '@oauth-ro/test-kit/build-with-dependencies';

/**
 * The end-to-end test drives the built page (dist/) served by the real built server
 * (apps/server/dist/main.js). Build both and what they depend on first; turbo makes this a cache
 * hit when nothing changed (e.g. after the root `pnpm test` built).
 */
export default function setup(): void {
  buildWithDependencies('@oauth-ro/demo-web');
}
