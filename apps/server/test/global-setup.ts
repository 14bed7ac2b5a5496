import { buildWithDependencies } from '@oauth-ro/test-kit/build-with-dependencies';

/**
 * The integration tests run the real built server (`dist/main.js`). Build it and what it depends on
 * first; turbo makes this a cache hit when nothing changed (e.g. after the root `pnpm test` built).
 */
export default function setup(): void {
  buildWithDependencies('oauth-ro');
}
