import { expressHarness, expressHostParsedHarness } from './express-harness.js';
import { fastifyHarness } from './fastify-harness.js';
import { honoHarness } from './hono-harness.js';
import type { AdapterHarness } from './types.js';

export type * from './types.js';
export { expressHarness, expressHostParsedHarness, fastifyHarness, honoHarness };
export * from './to-test-response.js';

/** The three adapters; strategy suites run once per entry. */
export const ADAPTER_HARNESSES: readonly AdapterHarness[] = [expressHarness, fastifyHarness, honoHarness];

/** The adapters plus embedding variants (Express behind the host's own body parsers): the contract suite runs on all. */
export const CONFORMANCE_HARNESSES: readonly AdapterHarness[] = [...ADAPTER_HARNESSES, expressHostParsedHarness];
