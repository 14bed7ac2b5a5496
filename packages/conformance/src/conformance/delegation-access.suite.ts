import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { CONFIDENTIAL_SECRET, JWT_BEARER, LIFECYCLE_CLIENTS as C, LIFECYCLE_CONNECTION, lifecycleConfig, lifecycleLogin, newLifecycleUser } from './lifecycle-fixtures.js';
import { useMountedApp } from './use-mounted-app.js';

/** A browser app exported from Auth0 with a secret (Auth0 gives every client one) but `none`: public. */
const SPA = 'app-spa-with-secret';
const SPA_SECRET = 'spa-secret-that-the-browser-never-sends';

function delegationConfig() {
  const config = lifecycleConfig();
  config.clients.push({ client_id: SPA, client_secret: SPA_SECRET, token_endpoint_auth_method: 'none' } as (typeof config.clients)[number]);
  const connection = (config.connections as { name: string; enabled_clients: string[] }[]).find((c) => c.name === LIFECYCLE_CONNECTION)!;
  connection.enabled_clients.push(SPA);
  return config;
}

/**
 * Issue #14 (HIGH, /delegation across clients): who may obtain a token for whom. A target lists the
 * clients that may delegate to it in `allowed_clients`; empty means only itself. A confidential
 * client's refresh token needs the client's secret here as at /oauth/token. Plus the auth0.js v7
 * `renewIdToken`/`refreshToken` call (`api_type=auth0`, `scope=passthrough`, issue #15).
 */
export function delegationAccessSuite(harness: AdapterHarness): void {
  describe('/delegation: allowed_clients, confidential refresh tokens, passthrough renewal', () => {
    const ctx = useMountedApp(harness, { config: delegationConfig() });
    const delegate = (json: Record<string, unknown>, headers?: Record<string, string>) =>
      ctx.current.app.dispatch({ method: 'POST', path: '/delegation', json: { grant_type: JWT_BEARER, ...json }, ...(headers ? { headers } : {}) });

    async function session(client_id: string, scope = 'openid email offline_access') {
      const user = await newLifecycleUser(ctx.current);
      const res = await lifecycleLogin(ctx.current, { client_id, username: user.email, scope, device: 'Phone' });
      expect(res.status, res.text).toBe(200);
      return { ...user, tokens: res.json as { access_token: string; id_token: string; refresh_token: string } };
    }

    it('delegates only to itself or to a target whose allowed_clients lists the caller', async () => {
      const { tokens, user_id } = await session(C.public);
      const allowed = await delegate({ client_id: C.public, id_token: tokens.id_token, target: C.es256 });
      expect(allowed.status, allowed.text).toBe(200);
      expect(decodeJwt(allowed.json.id_token)).toMatchObject({ sub: user_id, aud: C.es256 });
      for (const target of [C.rotating, C.idle, C.confidential, TEST_CLIENTS.hs256, TEST_CLIENTS.hs256Encoded, SPA]) {
        for (const grant of [{ id_token: tokens.id_token }, { refresh_token: tokens.refresh_token }]) {
          const res = await delegate({ client_id: C.public, target, ...grant });
          expect(res.status, `${target} ${Object.keys(grant)[0]}: ${res.text}`).toBe(403);
          expect(res.json.error).toBe('unauthorized_client');
        }
      }
      // The reverse direction is not implied: es256 does not list itself in public's allowed_clients.
      const es = await session(C.es256, 'openid');
      const back = await delegate({ client_id: C.es256, id_token: es.tokens.id_token, target: C.public });
      expect(back.status).toBe(403);
      const self = await delegate({ client_id: C.public, id_token: tokens.id_token });
      expect(self.status, self.text).toBe(200);
    });

    it('a parallel burst of cross-client delegations is refused every time', async () => {
      const { tokens } = await session(C.public);
      const targets = [C.confidential, TEST_CLIENTS.hs256, SPA];
      const results = await Promise.all(
        Array.from({ length: 150 }, (_, i) => delegate({ client_id: C.public, id_token: tokens.id_token, target: targets[i % targets.length] })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(150).fill(403));
    });

    it('needs a confidential client\'s secret to redeem its refresh token, as /oauth/token does', async () => {
      const { tokens } = await session(C.confidential);
      for (const extra of [{}, { client_secret: 'wrong-secret' }, { client_secret: SPA_SECRET }]) {
        const res = await delegate({ client_id: C.confidential, refresh_token: tokens.refresh_token, ...extra });
        expect(res.status, res.text).toBe(401);
        expect(res.json.error).toBe('invalid_client');
      }
      expect((await delegate({ client_id: C.confidential, refresh_token: tokens.refresh_token, client_secret: CONFIDENTIAL_SECRET })).status).toBe(200);
      const basic = `Basic ${Buffer.from(`${C.confidential}:${CONFIDENTIAL_SECRET}`).toString('base64')}`;
      const viaBasic = await delegate({ client_id: C.confidential, refresh_token: tokens.refresh_token }, { authorization: basic });
      expect(viaBasic.status, viaBasic.text).toBe(200);
    });

    it('keeps public clients refreshing without a secret, even one that has a secret but token_endpoint_auth_method none', async () => {
      for (const client_id of [C.public, SPA]) {
        const { tokens } = await session(client_id);
        const res = await delegate({ client_id, refresh_token: tokens.refresh_token });
        expect(res.status, `${client_id}: ${res.text}`).toBe(200);
      }
    });

    it('renews the id_token for the same client with api_type=auth0 and scope=passthrough (auth0.js v7)', async () => {
      const { tokens, user_id, email } = await session(C.public);
      for (const grant of [{ id_token: tokens.id_token }, { refresh_token: tokens.refresh_token }]) {
        // auth0.js v7 getDelegationToken sends the client as its own target.
        const res = await delegate({ client_id: C.public, target: C.public, api_type: 'auth0', scope: 'passthrough', ...grant });
        expect(res.status, res.text).toBe(200);
        expect(res.json).toEqual({ id_token: expect.any(String), token_type: 'Bearer', expires_in: 36000 });
        expect(decodeProtectedHeader(res.json.id_token).typ).toBe('JWT');
        expect(decodeJwt(res.json.id_token)).toMatchObject({ sub: user_id, aud: C.public, email });
      }
      const elsewhere = await delegate({ client_id: C.public, target: C.es256, api_type: 'auth0', scope: 'passthrough', id_token: tokens.id_token });
      expect(elsewhere.status).toBe(400);
      for (const [api_type, scope] of [['auth0', 'openid'], ['firebase', 'passthrough'], ['aws', 'openid']] as const) {
        const res = await delegate({ client_id: C.public, api_type, scope, id_token: tokens.id_token });
        expect(res.status, `${api_type} ${scope}`).toBe(400);
        expect(res.json.error_description).toContain('api_type');
      }
    });
  });
}
