import { errorResponses, schemaRef } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import type { JsonSchema, PathItemObject, ResponseObject } from '../types.js';

const CHECK: JsonSchema = {
  type: 'object',
  required: ['status'],
  properties: { status: { enum: ['ok', 'unavailable'] }, reason: { type: 'string', description: 'Why the check failed (never a URL or secret).' } },
  additionalProperties: false,
};

/** The readiness body: overall status and one entry per check. */
export const PROBE_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Readiness: {
    type: 'object',
    required: ['status', 'checks'],
    properties: {
      status: { enum: ['ok', 'unavailable'] },
      checks: { type: 'object', description: 'By check name: `database`, `redis`, `server` (fails while shutting down).', additionalProperties: CHECK },
    },
    additionalProperties: false,
  },
};

/** 503 of a readiness probe: a check failed, or the server is shutting down. */
export const NOT_READY: ResponseObject = {
  description: 'Not ready: a check failed (a store did not answer within two seconds) or the server is shutting down.',
  headers: { 'Retry-After': { description: 'Seconds before asking again.', schema: { type: 'string', pattern: '^[1-9][0-9]*$' } } },
  content: {
    'application/json': {
      schema: schemaRef('Readiness'),
      examples: {
        default: { value: { status: 'unavailable', checks: { database: { status: 'ok' }, redis: { status: 'unavailable', reason: 'redis: connect ECONNREFUSED' } } } },
      },
    },
  },
};

/**
 * `GET /health/live` and `GET /health/ready`, the orchestrator probes (next to `/health`).
 *
 * @example HEALTH_PROBE_PATHS['/health/ready'].get.responses['503'];
 */
export const HEALTH_PROBE_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/health/live': {
    get: {
      operationId: 'healthLive',
      summary: 'Liveness probe',
      tags: ['Discovery and operations'],
      description: 'Liveness: 200 while the process answers. Checks nothing outside the process, so an orchestrator does not restart an instance that only waits for its database.',
      responses: { '200': jsonResult('Alive.', 'Health', { status: 'ok' }), ...errorResponses(['server_error']) },
    },
  },
  '/health/ready': {
    get: {
      operationId: 'healthReady',
      summary: 'Readiness probe',
      tags: ['Discovery and operations'],
      description:
        'Readiness: runs every check (the stores’ ping, each within two seconds, and the server’s own, which fails from the moment shutdown begins) and answers 200, or 503 with each check’s status.',
      responses: {
        '200': jsonResult('Ready.', 'Readiness', { status: 'ok', checks: { database: { status: 'ok' }, server: { status: 'ok' } } }),
        '503': NOT_READY,
        ...errorResponses(['server_error']),
      },
    },
  },
};
