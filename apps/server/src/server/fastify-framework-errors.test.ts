import { openApiDocument } from '@oauth-ro/core/openapi';
import { OAUTH_RO_MAX_PARAM_LENGTH, oauthRoFrameworkErrors } from '@oauth-ro/fastify';
import { createResponseChecker, toTestResponse } from '@oauth-ro/test-kit';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const app = Fastify({ routerOptions: { maxParamLength: OAUTH_RO_MAX_PARAM_LENGTH }, frameworkErrors: oauthRoFrameworkErrors });
const check = createResponseChecker(openApiDocument({ issuer: 'http://localhost/', standalone: true }), []);

beforeAll(async () => {
  app.all('/api/v2/users/:id', async (_request, reply) => reply.code(401).send({ error: 'invalid_token', error_description: 'missing admin token' }));
  await app.ready();
});
afterAll(() => app.close());

async function get(path: string) {
  const res = await app.inject({ method: 'GET', url: path });
  return toTestResponse(res.statusCode, res.headers as Record<string, string>, res.body);
}

describe('oauthRoFrameworkErrors', () => {
  it('answers a path that does not decode with the contract’s 400, as the document says', async () => {
    const res = await get('/api/v2/users/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: 'invalid_request', error_description: 'the path could not be decoded' });
    expect(check({ method: 'GET', path: '/api/v2/users/%E0%A4%A' }, res)).toEqual([]);
  });

  it('lets a 512-character user id through, percent-encoded, and answers a longer parameter 404', async () => {
    expect((await get(`/api/v2/users/${encodeURIComponent(`ad|corp|${'é'.repeat(250)}`)}`)).status).toBe(401);
    const long = await get(`/api/v2/users/${'a'.repeat(OAUTH_RO_MAX_PARAM_LENGTH + 1)}`);
    expect(long.status).toBe(404);
    expect(long.json).toEqual({ error: 'not_found', error_description: 'not found' });
  });
});
