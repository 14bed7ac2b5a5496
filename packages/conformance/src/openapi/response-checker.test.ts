import type { OAuthRo } from '@oauth-ro/core';
import { openApiDocument } from '@oauth-ro/core/openapi';
import { describe, expect, it } from 'vitest';
import { ContractViolationError, withContractCheck } from '../harness/with-contract-check.js';
import { toTestResponse } from '../harness/to-test-response.js';
import type { AdapterHarness, TestRequest } from '../harness/types.js';
import { createResponseChecker } from './response-checker.js';

const doc = openApiDocument({ issuer: 'http://localhost/' });
const check = createResponseChecker(doc);
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  toTestResponse(status, { ...JSON_TYPE, ...headers }, JSON.stringify(body));
const ro: TestRequest = { method: 'POST', path: '/oauth/ro', json: {} };

describe('createResponseChecker', () => {
  it('accepts answers the document describes', () => {
    expect(check(ro, json(200, { access_token: 'a', token_type: 'bearer' }))).toEqual([]);
    expect(check(ro, json(401, { error: 'invalid_user_password', error_description: 'Wrong email or password.' }))).toEqual([]);
    expect(check(ro, json(429, { error: 'too_many_attempts', error_description: 'x' }, { 'retry-after': '60' }))).toEqual([]);
    expect(check({ method: 'DELETE', path: '/api/v2/device-credentials/dcr_1' }, toTestResponse(204, {}, ''))).toEqual([]);
    expect(check({ method: 'GET', path: '/metrics' }, toTestResponse(200, { 'content-type': 'text/plain; version=0.0.4' }, '# x'))).toEqual([]);
  });

  it('refuses an undocumented status, and any 500', () => {
    expect(check(ro, json(418, { error: 'teapot', error_description: 'x' }))).toEqual(['status 418 is not documented for POST /oauth/ro']);
    expect(check({ method: 'GET', path: '/userinfo' }, json(413, { error: 'invalid_request', error_description: 'x' }))[0]).toMatch(/status 413 is not documented/);
    expect(check(ro, json(500, { error: 'server_error', error_description: 'internal error' }))).toContain('a 500 is never expected');
  });

  it('refuses a body its schema does not accept, naming the field', () => {
    expect(check(ro, json(200, { token_type: 'bearer' }))[0]).toMatch(/must have required property 'access_token'/);
    expect(check(ro, json(200, { access_token: 'a', token_type: 'bearer', password: 'x' }))[0]).toMatch(/additional properties/);
    expect(check(ro, json(401, { error: 'bad.request', error_description: 'x' }))[0]).toMatch(/body\/error must be equal to one of the allowed values/);
    expect(check(ro, json(400, { error: 'invalid_request' }))[0]).toMatch(/error_description/);
  });

  it('refuses a wrong content-type, a non-JSON body and a body where none is documented', () => {
    expect(check(ro, toTestResponse(200, { 'content-type': 'text/html' }, '<p>hi</p>'))[0]).toMatch(/content-type "text\/html" is not documented/);
    expect(check(ro, toTestResponse(200, JSON_TYPE, 'not json'))).toEqual(['the body is not JSON']);
    expect(check({ method: 'DELETE', path: '/api/v2/device-credentials/x' }, json(204, {}))[0]).toMatch(/without a body/);
  });

  it('refuses headers the status does not document, and malformed documented ones', () => {
    expect(check(ro, json(400, { error: 'invalid_request', error_description: 'x' }, { 'retry-after': '5' }))).toEqual([
      'header retry-after is sent but not documented for status 400',
    ]);
    expect(check(ro, json(503, { error: 'temporarily_unavailable', error_description: 'x' }, { 'retry-after': 'soon' }))[0]).toMatch(/retry-after/);
  });

  it('wants 405 for a method no operation lists, with the error body', () => {
    expect(check({ method: 'GET', path: '/oauth/ro' }, json(405, { error: 'invalid_request', error_description: 'method not allowed' }))).toEqual([]);
    expect(check({ method: 'PUT', path: '/oauth/ro' }, json(404, { error: 'not_found', error_description: 'x' }))[0]).toMatch(/must be 405/);
  });

  it('accepts 431 for an oversized header on any method, in the documented shape', () => {
    const tooLarge = json(431, { error: 'invalid_request', error_description: 'authorization header too large' });
    expect(check({ method: 'PUT', path: '/userinfo' }, tooLarge)).toEqual([]);
    expect(check({ method: 'GET', path: '/userinfo' }, tooLarge)).toEqual([]);
    expect(check({ method: 'GET', path: '/userinfo' }, json(431, { error: 'too_big', error_description: 'x' }))[0]).toMatch(/allowed values/);
  });

  it('accepts a body refusal on any method only when a body was sent', () => {
    const refused = json(400, { error: 'invalid_request', error_description: 'the request body could not be parsed' });
    expect(check({ method: 'DELETE', path: '/health', body: '{', headers: { 'content-type': 'application/json' } }, refused)).toEqual([]);
    expect(check({ method: 'GET', path: '/userinfo', body: '{' }, json(413, { error: 'invalid_request', error_description: 'x' }))).toEqual([]);
    expect(check({ method: 'GET', path: '/userinfo' }, refused)[0]).toMatch(/status 400 is not documented/);
    expect(check({ method: 'GET', path: '/userinfo', body: '{' }, json(400, { error: 'invalid_grant', error_description: 'x' }))[0]).toMatch(/allowed values/);
  });

  it('fails a route oauth-ro answers that the document lacks, and leaves the host app’s routes alone', () => {
    const { ['/metrics']: _metrics, ...paths } = doc.paths;
    const partial = createResponseChecker({ ...doc, paths });
    expect(partial({ method: 'GET', path: '/metrics' }, toTestResponse(200, {}, ''))).toEqual(['oauth-ro answers /metrics, but the document has no such path']);
    expect(check({ method: 'GET', path: '/api/me' }, toTestResponse(418, {}, 'anything'))).toEqual([]);
  });
});

describe('withContractCheck', () => {
  const fake = (status: number, body: unknown): AdapterHarness => ({
    name: 'fake',
    mount: async () => ({ dispatch: async () => json(status, body), close: async () => {} }),
  });

  it('fails the request whose answer contradicts the document, naming it', async () => {
    const app = await withContractCheck(fake(200, { nope: true })).mount({} as OAuthRo);
    const error = await app.dispatch(ro).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as Error).message).toMatch(/^POST \/oauth\/ro → 200 contradicts the OpenAPI document/);
  });

  it('passes a conforming answer through unchanged', async () => {
    const app = await withContractCheck(fake(200, { status: 'ok' })).mount({} as OAuthRo);
    expect((await app.dispatch({ method: 'GET', path: '/health' })).json).toEqual({ status: 'ok' });
  });
});

describe('host router answers', () => {
  it('leaves a host Fastify router’s own refusals alone, and nothing else', () => {
    const path = { method: 'GET', path: '/api/v2/users/%E0%A4%A' };
    expect(check(path, json(400, { error: 'Bad Request', code: 'FST_ERR_BAD_URL', message: 'x', statusCode: 400 }))).toEqual([]);
    expect(check(path, json(400, { error: 'Bad Request', code: 'FST_ERR_OTHER', message: 'x' }))[0]).toMatch(/body does not match/);
  });
});
