import { fetchHarness, withContractCheck, type AdapterHarness } from '@oauth-ro/conformance';
import { expressHarness as express, expressHostParsedHarness as expressHostParsed } from './express-harness.js';
import { fastifyHarness as fastify } from './fastify-harness.js';
import { honoHarness as hono, honoNodeHarness as honoNode } from './hono-harness.js';

/** Express, driven through supertest; every response checked against the OpenAPI document. */
export const expressHarness = withContractCheck(express);
/** Express behind the host's own `express.json()`/`urlencoded()`; responses checked. */
export const expressHostParsedHarness = withContractCheck(expressHostParsed);
/** Fastify, driven through `app.inject`; responses checked. */
export const fastifyHarness = withContractCheck(fastify);
/** Hono, driven through `app.request`; responses checked. */
export const honoHarness = withContractCheck(hono);
/** Hono on `@hono/node-server` over loopback sockets (the adapter's Node path); responses checked. */
export const honoNodeHarness = withContractCheck(honoNode);

/** The three adapters; strategy suites run once per entry. */
export const ADAPTER_HARNESSES: readonly AdapterHarness[] = [expressHarness, fastifyHarness, honoHarness];

/**
 * The adapters plus embedding variants (Express behind the host's own body parsers, Hono on Node's
 * own server) and core's own Fetch entry: the contract suite runs on all six.
 */
export const CONFORMANCE_HARNESSES: readonly AdapterHarness[] = [fetchHarness, ...ADAPTER_HARNESSES, expressHostParsedHarness, honoNodeHarness];
