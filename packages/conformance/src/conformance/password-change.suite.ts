import { randomUUID } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { JWT_BEARER, LIFECYCLE_CLIENTS as C, LIFECYCLE_CONNECTION, lifecycleConfig, lifecycleLogin, newLifecycleUser } from './lifecycle-fixtures.js';
import { useMountedApp } from './use-mounted-app.js';

const NEW_PASSWORD = 'Reset-After-Takeover-7';

/**
 * Issue #14 item 7: an attacker who knew the password holds a refresh token and has enrolled a Touch
 * ID key. The victim's administrator sets a new password (`PATCH /api/v2/users/{id}`): every session
 * of the attacker must end — refresh tokens at /delegation and /oauth/token, the device key at
 * /oauth/ro — while the new password works.
 */
export function passwordChangeSuite(harness: AdapterHarness): void {
  describe('a new password ends every session of whoever knew the old one', () => {
    const ctx = useMountedApp(harness, { config: lifecycleConfig() });

    async function attackerSessions() {
      const victim = await newLifecycleUser(ctx.current);
      const login = await lifecycleLogin(ctx.current, { client_id: C.public, username: victim.email, scope: 'openid offline_access', device: 'attacker laptop' });
      expect(login.status, login.text).toBe(200);
      const rotating = await lifecycleLogin(ctx.current, { client_id: C.rotating, username: victim.email, scope: 'openid offline_access', device: 'attacker phone' });
      const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
      const device_id = `attacker-${randomUUID()}`;
      const enrolled = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/api/v2/device-credentials',
        headers: { authorization: `Bearer ${login.json.access_token as string}` },
        json: { type: 'public_key', client_id: C.public, device_name: 'attacker', device_id, value: await exportSPKI(publicKey) },
      });
      expect(enrolled.status, enrolled.text).toBe(201);
      const touchId = async () =>
        ctx.current.login({
          client_id: C.public,
          connection: LIFECYCLE_CONNECTION,
          grant_type: JWT_BEARER,
          device: device_id,
          scope: 'openid',
          id_token: await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setIssuer(victim.user_id).setJti(randomUUID()).setExpirationTime('2m').sign(privateKey),
        });
      const refreshes = () =>
        Promise.all([
          ctx.current.app.dispatch({ method: 'POST', path: '/delegation', json: { client_id: C.public, grant_type: JWT_BEARER, refresh_token: login.json.refresh_token } }),
          ctx.current.app.dispatch({ method: 'POST', path: '/oauth/token', json: { client_id: C.public, grant_type: 'refresh_token', refresh_token: login.json.refresh_token } }),
          ctx.current.app.dispatch({ method: 'POST', path: '/oauth/token', json: { client_id: C.rotating, grant_type: 'refresh_token', refresh_token: rotating.json.refresh_token } }),
        ]);
      return { victim, touchId, refreshes };
    }

    const patchPassword = (user_id: string, json: Record<string, unknown>) =>
      ctx.current.app.dispatch({
        method: 'PATCH',
        path: `/api/v2/users/${encodeURIComponent(user_id)}`,
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
        json,
      });

    it('PATCH /api/v2/users/{id} {"password"} revokes the refresh tokens and deletes the device keys', async () => {
      const { victim, touchId, refreshes } = await attackerSessions();
      expect((await touchId()).status).toBe(200);
      expect((await refreshes()).map((r) => r.status)).toEqual([200, 200, 200]);

      const patched = await patchPassword(victim.user_id, { password: NEW_PASSWORD });
      expect(patched.status, patched.text).toBe(200);

      const [delegation, token, rotated] = await refreshes();
      expect({ status: delegation!.status, error: delegation!.json.error }).toEqual({ status: 403, error: 'access_denied' });
      expect(token!.status).toBe(403);
      expect(rotated!.status).toBe(403);
      const touch = await touchId();
      expect({ status: touch.status, error: touch.json.error }).toEqual({ status: 400, error: 'invalid_grant' });
      expect(await ctx.current.deps.deviceCredentials!.listByUser(victim.user_id)).toEqual([]);
      expect(await ctx.current.deps.refreshTokens!.listByUser(victim.user_id)).toEqual([]);
      const fresh = await lifecycleLogin(ctx.current, { client_id: C.public, username: victim.email, password: NEW_PASSWORD, scope: 'openid' });
      expect(fresh.status).toBe(200);
    });

    it('leaves other users\' sessions alone', async () => {
      const target = await attackerSessions();
      const bystander = await attackerSessions();
      expect((await patchPassword(target.victim.user_id, { password: NEW_PASSWORD })).status).toBe(200);
      expect((await bystander.refreshes()).map((r) => r.status)).toEqual([200, 200, 200]);
      expect((await bystander.touchId()).status).toBe(200);
    });
  });
}
