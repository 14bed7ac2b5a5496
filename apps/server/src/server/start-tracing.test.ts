import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { createTestOAuthRo, DB_CONNECTION, TEST_ADMIN_TOKEN, TEST_CLIENTS } from '@oauth-ro/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTracingEnvironment } from '../env/read-tracing-environment.js';

// Core's spans in process, with the real SDK and an in-memory exporter (the OTLP export itself is
// tested end to end in test/tracing.test.ts).
const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
});

describe("core's spans", () => {
  it('redacts ids in url.path, marks a 5xx as an error, and nests under a host span as an internal span', async () => {
    const { oauthRo } = await createTestOAuthRo({
      users: {
        find: () => Promise.reject(new Error('store down: secret-looking detail')),
        findById: () => Promise.reject(new Error('store down')),
      } as never,
    });
    exporter.reset();
    const user = await oauthRo.handle({ method: 'GET', path: '/api/v2/users/auth0%7Csecret-id', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, ip: '127.0.0.1' });
    expect(user.status).toBe(500);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(request.name).toBe('GET /api/v2/users/:id');
    expect(request.attributes).toMatchObject({ 'url.path': '/api/v2/users/REDACTED', 'http.route': '/api/v2/users/:id', 'http.response.status_code': 500, 'error.type': '500' });
    const failed = spans.find((s) => s.name === 'users.findById')!;
    expect(failed.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(failed.attributes['error.type']).toBe('Error');
    expect(JSON.stringify(spans.map((s) => [s.attributes, s.events]))).not.toMatch(/secret/);

    exporter.reset();
    await trace.getTracer('host').startActiveSpan('host request', async (host) => {
      await oauthRo.handle({ method: 'GET', path: '/.well-known/jwks.json', headers: {}, ip: '127.0.0.1' });
      host.end();
    });
    const nested = exporter.getFinishedSpans().find((s) => s.name === 'GET /.well-known/jwks.json')!;
    expect(nested.kind).toBe(SpanKind.INTERNAL);
    expect(nested.parentSpanContext?.spanId).toBe(exporter.getFinishedSpans().find((s) => s.name === 'host request')!.spanContext().spanId);
  });
});

describe('store spans of a sign-up and a login with a refresh token', () => {
  it('traces user writes and reads, counters and the refresh token under their request spans', async () => {
    const { oauthRo } = await createTestOAuthRo();
    exporter.reset();
    const json = { 'content-type': 'application/json' };
    const credentials = { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, email: 'spans@example.com', password: 'Spans-passw0rd' };
    expect((await oauthRo.handle({ method: 'POST', path: '/dbconnections/signup', headers: json, ip: '127.0.0.1', rawBody: JSON.stringify(credentials) })).status).toBe(200);
    const login = { ...credentials, grant_type: 'password', username: credentials.email, scope: 'openid offline_access', device: 'phone' };
    const res = await oauthRo.handle({ method: 'POST', path: '/oauth/ro', headers: json, ip: '127.0.0.1', rawBody: JSON.stringify(login) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toHaveProperty('refresh_token');
    const spans = exporter.getFinishedSpans();
    const under = (route: string) => {
      const root = spans.find((s) => s.name === route)!;
      return spans.filter((s) => s.parentSpanContext?.spanId === root.spanContext().spanId).map((s) => s.name);
    };
    expect(under('POST /dbconnections/signup')).toEqual(expect.arrayContaining(['users.create', 'hasher.hash']));
    expect(under('POST /oauth/ro')).toEqual(expect.arrayContaining(['validate', 'users.find', 'counters.acquire', 'refreshTokens.create', 'sign access_token', 'sign id_token']));
  });
});

describe('readTracingEnvironment', () => {
  it('is off without an endpoint or with OTEL_SDK_DISABLED, and refuses gRPC naming the variable', () => {
    expect(readTracingEnvironment({})).toBeUndefined();
    expect(readTracingEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(readTracingEnvironment({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toEqual({ protocol: 'http/protobuf' });
    expect(readTracingEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toEqual({ protocol: 'http/json' });
    expect(() => readTracingEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' })).toThrow(
      /^OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: oauth-ro exports OTLP over HTTP/,
    );
  });
});
