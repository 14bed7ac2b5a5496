import { randomBytes } from 'node:crypto';
import type { OAuthRo } from '@oauth-ro/core';
import { openPostgresStores, type PostgresStores } from '@oauth-ro/store-postgres';
import { createCapturingSender, createTestOAuthRo, DB_CONNECTION, SMS_CONNECTION, TEST_CLIENTS } from '@oauth-ro/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../../store-postgres/test/create-test-database.js';
import { TEST_REDIS_URL, testPrefix } from '../test/test-redis.js';
import { openRedisStores, type RedisStores } from './open-redis-stores.js';

// Two oauth-ro instances of one deployment in this process: each with its own PostgreSQL pool, its
// own Redis connection and its own key ring, sharing only what a real deployment shares (the
// database, Redis and the code hash key).

const run = testPrefix();
const codeHashKey = randomBytes(32).toString('base64url');
const sms = createCapturingSender();
let db: TestDatabase;
const opened: { postgres: PostgresStores; redis: RedisStores }[] = [];
let a: OAuthRo;
let b: OAuthRo;

async function instance(schema: string): Promise<OAuthRo> {
  const [postgres, redis] = await Promise.all([
    openPostgresStores(db.url, { schema, max: 3 }),
    openRedisStores(TEST_REDIS_URL, { prefix: run.prefix }),
  ]);
  opened.push({ postgres, redis });
  const { codes, counters, usedAssertions } = redis;
  const { oauthRo } = await createTestOAuthRo({
    ...postgres,
    codes,
    counters,
    usedAssertions,
    senders: { sms },
    passwordless: { codeHashKey },
  });
  return oauthRo;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const schema = testSchema();
  [a, b] = await Promise.all([instance(schema), instance(schema)]);
});
afterAll(async () => {
  await Promise.all(opened.flatMap(({ postgres, redis }) => [postgres.close(), redis.close()]));
  await db?.drop();
  await run.cleanup();
});

async function post(oauthRo: OAuthRo, path: string, body: Record<string, unknown>) {
  const res = await oauthRo.handle({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    rawBody: JSON.stringify(body),
    ip: '203.0.113.7',
  });
  return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> };
}

describe('two instances on PostgreSQL + Redis', () => {
  it('an SMS code sent through one is accepted once by the other, then by neither', async () => {
    const phone = '+15550100042';
    const started = await post(a, '/passwordless/start', { client_id: TEST_CLIENTS.rs256, connection: SMS_CONNECTION, phone_number: phone, send: 'code' });
    expect(started.status).toBe(200);
    const code = sms.lastCode(phone)!;
    const ro = { client_id: TEST_CLIENTS.rs256, connection: SMS_CONNECTION, grant_type: 'password', username: phone, password: code, scope: 'openid' };
    expect((await post(b, '/oauth/ro', ro)).status).toBe(200);
    for (const again of [a, b]) expect((await post(again, '/oauth/ro', ro)).status).toBe(401);
  });

  it('wrong codes tried on both instances add up: the third wrong try kills the code', async () => {
    const phone = '+15550100043';
    await post(b, '/passwordless/start', { client_id: TEST_CLIENTS.rs256, connection: SMS_CONNECTION, phone_number: phone });
    const code = sms.lastCode(phone)!;
    const wrong = code === '000000' ? '111111' : '000000';
    const ro = (password: string) => ({ client_id: TEST_CLIENTS.rs256, connection: SMS_CONNECTION, grant_type: 'password', username: phone, password });
    for (const on of [a, b, a]) expect((await post(on, '/oauth/ro', ro(wrong))).status).toBe(401);
    expect((await post(b, '/oauth/ro', ro(code))).status).toBe(401);
  });

  it('a user signed up through one logs in through the other', async () => {
    const user = { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, email: 'both@example.com', password: 'Both-instances-9' };
    expect((await post(a, '/dbconnections/signup', user)).status).toBe(200);
    const login = await post(b, '/oauth/ro', { ...user, grant_type: 'password', username: user.email, scope: 'openid' });
    expect(login.status).toBe(200);
  });
});
