import { errorResponses, schemaRef } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import type { PathItemObject } from '../types.js';
import { NOT_READY } from './health-probes.js';

/** What an endpoint that touches no store can still answer: only the (never expected) internal error. */
const INTERNAL = errorResponses(['server_error']);

/**
 * `GET` JWKS, OpenID configuration, `/health` and `/metrics`. `/health?ready` is readiness
 * everywhere now (core answers it from `deps.readiness`); `_standalone` is kept for callers.
 *
 * @example discoveryPaths('https://auth.example.com/', false)['/health'];
 */
export function discoveryPaths(issuer: string, _standalone: boolean): Record<string, PathItemObject> {
  return {
    '/.well-known/jwks.json': {
      get: {
        operationId: 'jwks',
        summary: 'Public signing keys',
        tags: ['Discovery and operations'],
        description: 'The current and previous public signing keys, each with its `kid` (cached 5 minutes).',
        responses: {
          '200': jsonResult('JWKS.', 'Jwks', { keys: [{ kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig', n: '…', e: 'AQAB' }] }),
          ...INTERNAL,
        },
      },
    },
    '/.well-known/openid-configuration': {
      get: {
        operationId: 'openIdConfiguration',
        summary: 'OpenID Provider metadata',
        tags: ['Discovery and operations'],
        description: 'Issuer, endpoints and supported values.',
        responses: {
          '200': jsonResult('The metadata.', 'OpenIdConfiguration', {
            issuer,
            jwks_uri: `${issuer}.well-known/jwks.json`,
            userinfo_endpoint: `${issuer}userinfo`,
            token_endpoint: `${issuer}oauth/token`,
            response_types_supported: ['token', 'id_token', 'token id_token'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
          }),
          ...INTERNAL,
        },
      },
    },
    '/health': {
      get: {
        operationId: 'health',
        summary: 'Liveness, or readiness with `?ready`',
        tags: ['Discovery and operations'],
        description: 'Liveness: 200 while the process runs. With `?ready`: the same answer as `/health/ready`.',
        parameters: [{ name: 'ready', in: 'query', description: 'Present (any value): readiness instead of liveness.', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'Alive (or ready).',
            content: { 'application/json': { schema: { oneOf: [schemaRef('Health'), schemaRef('Readiness')] }, examples: { default: { value: { status: 'ok' } } } } },
          },
          '503': NOT_READY,
          ...INTERNAL,
        },
      },
    },
    '/metrics': {
      get: {
        operationId: 'metrics',
        summary: 'Prometheus metrics',
        tags: ['Discovery and operations'],
        description: 'This process’s request and login counters and latency histograms, in Prometheus text format 0.0.4.',
        responses: {
          '200': {
            description: 'Prometheus text.',
            content: {
              'text/plain': {
                schema: { type: 'string' },
                examples: { default: { value: '# TYPE oauth_ro_requests_total counter\noauth_ro_requests_total{route="/oauth/ro",method="POST",status="200"} 1\n' } },
              },
            },
          },
          ...INTERNAL,
        },
      },
    },
  };
}
