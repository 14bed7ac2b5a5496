import { expressHarness } from './express-harness.js';
import { fastifyHarness } from './fastify-harness.js';
import { honoHarness } from './hono-harness.js';
import type { AdapterHarness } from './types.js';

export type * from './types.js';
export { expressHarness, fastifyHarness, honoHarness };
export * from './to-test-response.js';

/** Every adapter; suites run once per entry (`describe.each(ADAPTER_HARNESSES)`). */
export const ADAPTER_HARNESSES: readonly AdapterHarness[] = [expressHarness, fastifyHarness, honoHarness];
