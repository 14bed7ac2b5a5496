import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTestLogs, knownTestSecrets, lineFindings } from '../../../../scripts/check-test-logs.mjs';
import { HS256_SECRET, TEST_ADMIN_TOKEN } from '@oauth-ro/conformance';
import { GOOD_PASSWORD } from '@oauth-ro/conformance';
import { createCapturingSender } from '@oauth-ro/conformance';
import { KNOWN_TEST_SECRETS } from '@oauth-ro/conformance';
import { TEST_LOG_DIR_ENV, testLogFile, testLogger } from '@oauth-ro/conformance';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdXRoMHwxIn0.c2lnbmF0dXJl';
const line = (obj: Record<string, unknown>) => JSON.stringify({ level: 30, time: 1, ...obj });

describe('scripts/check-test-logs.mjs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oauth-ro-logcheck-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the same fixture secrets test-kit exports, and they cover the fixtures', () => {
    expect(knownTestSecrets()).toEqual(KNOWN_TEST_SECRETS);
    expect(KNOWN_TEST_SECRETS).toEqual(expect.arrayContaining([GOOD_PASSWORD, HS256_SECRET, TEST_ADMIN_TOKEN, 'rs256-client-secret-value']));
  });

  it.each([
    ['a fixture password anywhere in a line', `oauth-ro listening; tried ${GOOD_PASSWORD}`, /known test secret/],
    ['a fixture password JSON-escaped', line({ body: { pw: 'Adfs-Pa55<&>"' } }), /known test secret/],
    ['a JWT', line({ msg: `Bearer ${JWT}` }), /JWT-shaped/],
    ['a password key', line({ body: { password: 'whatever-it-is' } }), /key body\.password/],
    ['a client_secret key', line({ client_secret: 'x' }), /key client_secret/],
    ['an authorization header', line({ req: { headers: { authorization: 'Basic abc' } } }), /key req\.headers\.authorization/],
    ['a refresh_token key', line({ refresh_token: 'opaque' }), /key refresh_token/],
    ['a one-time code', line({ code: '042917' }), /one-time code/],
    ['an otp', line({ otp: 'x1' }), /key otp/],
  ])('flags %s', (_what, text, finding) => {
    const found = lineFindings(text, KNOWN_TEST_SECRETS);
    expect(found.join('\n')).toMatch(finding);
    expect(found.join('\n')).not.toContain('whatever-it-is');
  });

  it.each([
    ['pino redaction', line({ req: { headers: { authorization: '[redacted]', cookie: '[Redacted]' } } })],
    ['an error code', line({ err: { code: 'ECONNREFUSED' }, error: 'invalid_user_password' })],
    ['an audit event', line({ audit: { type: 'fp', user_name: 'a@example.com', details: { error: 'invalid_user_password' } }, msg: 'audit fp' })],
    ['booleans and numbers', line({ secret_encoded: true, tokens: 3, token_type: 'bearer' })],
  ])('lets %s through', (_what, text) => {
    expect(lineFindings(text, KNOWN_TEST_SECRETS)).toEqual([]);
  });

  it('scans a directory: a clean log passes, a poisoned one fails with file and line', async () => {
    await writeFile(join(dir, 'clean.log'), `${line({ msg: 'audit s' })}\n${line({ msg: 'request completed' })}\n`);
    expect(checkTestLogs(dir)).toEqual({ files: 1, lines: 2, codes: 0, findings: [] });
    await writeFile(join(dir, 'poisoned.log'), `${line({ msg: 'ok' })}\n${line({ password: GOOD_PASSWORD })}\n`);
    const result = checkTestLogs(dir);
    expect(result.files).toBe(2);
    expect(result.lines).toBe(4);
    expect(result.findings).toHaveLength(2);
    expect(result.findings[0]).toMatch(/poisoned\.log:2: known test secret/);
  });

  it('looks for the passwordless codes tests issued in every string but ids', () => {
    const codes = new Set(['042917']);
    expect(lineFindings(line({ msg: 'sent "Your code is 042917"' }), [], codes).join()).toMatch(/issued passwordless code/);
    expect(lineFindings(line({ message: { body: 'code:042917.' } }), [], codes).join()).toMatch(/key message\.body holds an issued/);
    expect(lineFindings('stderr: 042917', [], codes).join()).toMatch(/issued passwordless code/);
    expect(lineFindings(line({ user_id: 'auth0|ab042917cd', reqId: 'req-042917', msg: '+15550429170' }), [], codes)).toEqual([]);
    // An id inside a logged path can hold the same digits by chance (CI once met `auth0%7C020185a4…`).
    expect(lineFindings(line({ audit: { details: { path: '/api/v2/users/auth0%7C042917a4a3cbed01e3bdc1b0' } } }), [], codes)).toEqual([]);
    expect(lineFindings(line({ url: '/passwordless/verify_redirect?verification_code=042917&connection=email' }), [], codes).join()).toMatch(/key url holds an issued/);
  });

  it('reads issued codes from .codes files, which it does not scan as logs', async () => {
    const codesDir = join(dir, 'codes');
    await mkdir(codesDir);
    await writeFile(join(codesDir, 'issued-1-0.codes'), '042917\n731520\n');
    await writeFile(join(codesDir, 'vitest-1-0.log'), `${line({ msg: 'audit cs' })}\n${line({ msg: 'oops 731520' })}\n`);
    const result = checkTestLogs(codesDir);
    expect(result).toMatchObject({ files: 1, lines: 2, codes: 2 });
    expect(result.findings).toEqual([expect.stringMatching(/vitest-1-0\.log:2: key msg holds an issued passwordless code/)]);
  });

  it('the capturing sender records the codes it is given', async () => {
    const previous = process.env[TEST_LOG_DIR_ENV];
    const logDir = join(dir, 'sender');
    process.env[TEST_LOG_DIR_ENV] = logDir;
    try {
      const sender = createCapturingSender();
      await sender.send({ connection: { name: 'sms', strategy: 'sms', enabled_clients: [], options: {} }, recipient: '+15550100000', client_id: 'app', body: 'Your code is 042917' });
      testLogFile('issued', 'codes')!.flush();
    } finally {
      if (previous === undefined) delete process.env[TEST_LOG_DIR_ENV];
      else process.env[TEST_LOG_DIR_ENV] = previous;
    }
    expect(checkTestLogs(logDir)).toMatchObject({ files: 0, codes: 1 });
  });

  it('the test logger writes pino-shaped lines the checker reads', () => {
    const previous = process.env[TEST_LOG_DIR_ENV];
    const logDir = join(dir, 'logger');
    process.env[TEST_LOG_DIR_ENV] = logDir;
    try {
      const logger = testLogger('checker-test');
      logger.info({ user_id: 'auth0|1' }, 'signed up');
      logger.warn({ password: 'typed-by-mistake' }, 'oops');
      testLogFile('checker-test')!.flush();
    } finally {
      if (previous === undefined) delete process.env[TEST_LOG_DIR_ENV];
      else process.env[TEST_LOG_DIR_ENV] = previous;
    }
    const result = checkTestLogs(logDir);
    expect(result.lines).toBe(2);
    expect(result.findings).toEqual([expect.stringMatching(/checker-test-\d+-\d+\.log:2: key password holds/)]);
  });
});
