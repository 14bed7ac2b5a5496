import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startOtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';
import { startServerProcess, tempDir } from './spawn-server.js';

const CONNECTION = 'Username-Password-Authentication';
let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

/** Every span of a trace, each one's parent included, up to its root. */
function ancestors(spans: readonly ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const chain: ReceivedSpan[] = [];
  for (let at = byId.get(span.parentSpanId); at && chain.length < 50; at = byId.get(at.parentSpanId)) chain.push(at);
  return chain;
}

describe('OpenTelemetry traces over OTLP', () => {
  it('exports one trace per login, with spans for validation, hashing, store calls and signing, continuing a traceparent', async () => {
    const receiver = await startOtlpReceiver();
    onTestFinished(() => receiver.close());
    const server = await startServerProcess({
      OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'traces.db')}`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_SERVICE_NAME: 'oauth-ro-under-test',
    });
    onTestFinished(() => server.kill());
    const post = (path: string, json: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) });
    const email = 'traced@example.com';
    const password = 'Traced-passw0rd';
    expect((await post('/dbconnections/signup', { client_id: 'demo', connection: CONNECTION, email, password })).status).toBe(200);
    const login = { client_id: 'demo', connection: CONNECTION, grant_type: 'password', username: email, password, scope: 'openid' };
    expect((await post('/oauth/ro', login)).status).toBe(200);
    const callerTrace = '0af7651916cd43dd8448eb211c80319c';
    const callerSpan = 'b7ad6b7169203331';
    expect((await post('/oauth/ro', login, { traceparent: `00-${callerTrace}-${callerSpan}-01` })).status).toBe(200);
    expect((await post('/oauth/ro', { ...login, password: 'Wrong-passw0rd' })).status).toBe(401);

    // SIGTERM: the server drains, then flushes the batched spans before exiting.
    server.child.kill('SIGTERM');
    const code = await server.exited;
    expect(code, [...server.stdout.slice(-5), ...server.stderr].join("\n")).toBe(0);

    const spans = receiver.spans;
    expect(receiver.contentTypes.every((type) => type === 'application/x-protobuf')).toBe(true);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['oauth-ro-under-test']));
    const logins = spans.filter((s) => s.name === 'POST /oauth/ro');
    expect(logins).toHaveLength(3);
    // One trace per login: three distinct traces, each with exactly one request span.
    expect(new Set(logins.map((s) => s.traceId)).size).toBe(3);
    for (const root of logins) {
      expect(root.kind).toBe(2);
      const trace = spans.filter((s) => s.traceId === root.traceId);
      expect(trace.filter((s) => s.kind === 2)).toEqual([root]);
      // Every other span of the trace descends from the request span.
      for (const span of trace.filter((s) => s !== root)) expect(ancestors(trace, span)).toContain(root);
      expect(root.attributes).toMatchObject({ 'http.request.method': 'POST', 'url.path': '/oauth/ro', 'http.route': '/oauth/ro' });
      const names = trace.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['validate', 'users.find']));
      expect(names.some((n) => n.startsWith('hasher.verify'))).toBe(true);
      expect(names.some((n) => n.startsWith('counters.'))).toBe(true);
    }
    const [first, continued, refused] = logins as [ReceivedSpan, ReceivedSpan, ReceivedSpan];
    expect(first.parentSpanId).toBe('');
    expect(first.attributes['http.response.status_code']).toBe(200);
    expect(refused.attributes['http.response.status_code']).toBe(401);
    // The caller's traceparent is continued: same trace, the request span a child of the caller's.
    expect(continued).toMatchObject({ traceId: callerTrace, parentSpanId: callerSpan });
    for (const root of [first, continued]) {
      const names = spans.filter((s) => s.traceId === root.traceId).map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['sign access_token', 'sign id_token']));
    }
    const refusedNames = spans.filter((s) => s.traceId === refused.traceId).map((s) => s.name);
    expect(refusedNames.some((n) => n.startsWith('sign '))).toBe(false);
    // The store call spans are clients of their store, nested under the request, never carrying arguments.
    const find = spans.find((s) => s.traceId === first.traceId && s.name === 'users.find')!;
    expect(find).toMatchObject({ kind: 3, attributes: { 'oauth_ro.port': 'users', 'oauth_ro.operation': 'find' } });
    const everything = JSON.stringify(spans);
    for (const secret of [password, 'Wrong-passw0rd', email]) expect(everything).not.toContain(secret);

    // Core's log lines carry the trace id of the request even without a traceparent.
    const audit = server.stdout.filter((l) => l.includes('"msg":"audit s"')).map((l) => JSON.parse(l) as { trace_id?: string });
    expect(audit.map((l) => l.trace_id)).toEqual(expect.arrayContaining([first.traceId, callerTrace]));
  });
});
