import { buildWithDependencies } from '@oauth-ro/test-kit/build-with-dependencies';

/**
 * The examples run against the packages as published: their built `dist`. Build every package this
 * one depends on first; turbo makes this a cache hit after the root `pnpm test` built.
 */
export default function setup(): void {
  buildWithDependencies('@oauth-ro/packaging');
}
