import { expressHarness as express, expressHostParsedHarness as expressHostParsed } from './express-harness.js';
import { fetchHarness as fetchCore } from './fetch-harness.js';
import { fastifyHarness as fastify } from './fastify-harness.js';
import { honoHarness as hono } from './hono-harness.js';
import type { AdapterHarness } from './types.js';
import { withContractCheck } from './with-contract-check.js';

export type * from './types.js';
export * from './to-test-response.js';
export * from './with-contract-check.js';

/** Express, driven through supertest; every response checked against the OpenAPI document. */
export const expressHarness = withContractCheck(express);
/** Express behind the host's own `express.json()`/`urlencoded()`; responses checked. */
export const expressHostParsedHarness = withContractCheck(expressHostParsed);
/** Fastify, driven through `app.inject`; responses checked. */
export const fastifyHarness = withContractCheck(fastify);
/** Hono, driven through `app.request`; responses checked. */
export const honoHarness = withContractCheck(hono);

/** Core alone, through `oauthRo.fetch` (a Fetch runtime embedding core); responses checked. */
export const fetchHarness = withContractCheck(fetchCore);

/** The three adapters; strategy suites run once per entry. */
export const ADAPTER_HARNESSES: readonly AdapterHarness[] = [expressHarness, fastifyHarness, honoHarness];

/**
 * The adapters plus embedding variants (Express behind the host's own body parsers) and core's own
 * Fetch entry: the contract suite runs on all five.
 */
export const CONFORMANCE_HARNESSES: readonly AdapterHarness[] = [fetchHarness, ...ADAPTER_HARNESSES, expressHostParsedHarness];
