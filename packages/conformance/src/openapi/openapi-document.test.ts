import { ROUTE_PATHS } from '@oauth-ro/core';
import { openApiDocument } from '@oauth-ro/core/openapi';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOAuthRo, type TestOAuthRo } from '../fixtures/create-test-oauth-ro.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

describe('the OpenAPI document', () => {
  it.each([false, true])('is valid OpenAPI 3.1 (standalone: %s)', async (standalone) => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument({ issuer: 'https://auth.example.com/', standalone }) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is refused by the validator when broken, so the test above can fail', async () => {
    const doc = openApiDocument({ issuer: 'https://auth.example.com/' });
    const broken = { ...doc, paths: { ...doc.paths, '/oauth/ro': { post: { ...doc.paths['/oauth/ro']!.post, responses: 'none' } } } };
    expect((await new Validator().validate(broken as unknown as Record<string, unknown>)).valid).toBe(false);
  });

  describe('lists exactly the methods each route answers', () => {
    let test: TestOAuthRo;
    beforeAll(async () => {
      test = await createTestOAuthRo();
    });
    afterAll(() => test.oauthRo.close());

    it('every documented method is routed, every other one is 405', async () => {
      const doc = openApiDocument({ issuer: test.oauthRo.issuer });
      const wrong: string[] = [];
      for (const route of ROUTE_PATHS) {
        const item = doc.paths[route.replace(/:(\w+)/g, '{$1}')] ?? {};
        for (const method of METHODS) {
          const path = route.replace(/:\w+/g, 'x');
          const res = await test.oauthRo.handle({ method, path, headers: {}, ip: '127.0.0.1' });
          const documented = item[method.toLowerCase() as Lowercase<(typeof METHODS)[number]>] !== undefined;
          if (documented === (res.status === 405)) wrong.push(`${method} ${route}: documented ${documented}, answered ${res.status}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });
});
