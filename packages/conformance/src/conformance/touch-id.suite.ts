import { createPublicKey, randomUUID } from 'node:crypto';
import { decodeJwt, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AdapterHarness } from '../harness/types.js';
import { JWT_BEARER, LIFECYCLE_CLIENTS as C, LIFECYCLE_CONNECTION, lifecycleConfig, lifecycleLogin, newLifecycleUser } from './lifecycle-fixtures.js';
import { useMountedApp } from './use-mounted-app.js';

const PATH = '/api/v2/device-credentials';

/** The order of P-256: an ECDSA signature (r, s) also verifies as (r, n - s). */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/**
 * Copies of a JWS that differ only in the encoding of the signature and still verify: every value of
 * the unused low bits of the last base64url character, and for ES256 the same for (r, n - s).
 */
function malleated(jws: string, alg: 'ES256' | 'RS256'): string[] {
  const dot = jws.lastIndexOf('.');
  const input = jws.slice(0, dot);
  const signatures = [jws.slice(dot + 1)];
  if (alg === 'ES256') {
    const raw = Buffer.from(signatures[0]!, 'base64url');
    const s = BigInt(`0x${raw.subarray(32).toString('hex')}`);
    const flipped = Buffer.concat([raw.subarray(0, 32), Buffer.from((P256_N - s).toString(16).padStart(64, '0'), 'hex')]);
    signatures.push(flipped.toString('base64url'));
  }
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const out: string[] = [];
  for (const signature of signatures) {
    // 64 and 256 bytes leave 4 unused bits in the last character.
    const last = alphabet.indexOf(signature.at(-1)!);
    for (let low = 0; low < 16; low += 1) out.push(`${input}.${signature.slice(0, -1)}${alphabet[(last & ~15) | low]!}`);
  }
  return out;
}

interface Device {
  readonly id: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: CryptoKey;
  readonly credentialId: string;
}

/** The Touch ID flow: device keys registered with the user's access token, then jwt-bearer logins. */
export function touchIdSuite(harness: AdapterHarness): void {
  describe('Touch ID: device credentials and the jwt-bearer grant', () => {
    const ctx = useMountedApp(harness, { config: lifecycleConfig() });

    async function loggedIn() {
      const user = await newLifecycleUser(ctx.current);
      const res = await lifecycleLogin(ctx.current, { client_id: C.public, username: user.email, scope: 'openid' });
      return {
        ...user,
        bearer: { authorization: `Bearer ${res.json.access_token as string}` },
        idTokenBearer: { authorization: `Bearer ${res.json.id_token as string}` },
      };
    }

    const register = (bearer: Record<string, string>, body: Record<string, unknown>) =>
      ctx.current.app.dispatch({ method: 'POST', path: PATH, headers: bearer, json: { type: 'public_key', client_id: C.public, ...body } });

    /** Generates a key on the "device" and registers its public half as PEM (RSA as PKCS#1, as iOS sent it). */
    async function enrol(bearer: Record<string, string>, alg: 'RS256' | 'ES256', id = `device-${randomUUID()}`): Promise<Device> {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      const value =
        alg === 'RS256'
          ? createPublicKey({ key: (await exportJWK(publicKey)) as never, format: 'jwk' }).export({ type: 'pkcs1', format: 'pem' }).toString()
          : await exportSPKI(publicKey);
      const res = await register(bearer, { device_name: `Phone ${id}`, device_id: id, value });
      expect(res.status, res.text).toBe(201);
      expect(res.json.id).toMatch(/^dcr_/);
      return { id, alg, privateKey, credentialId: res.json.id };
    }

    function assertion(device: Device, iss: string, claims: Record<string, unknown> = {}, exp: string | number = '2m', key = device.privateKey) {
      return new SignJWT(claims).setProtectedHeader({ alg: device.alg }).setIssuer(iss).setIssuedAt().setJti(randomUUID()).setExpirationTime(exp).sign(key);
    }

    const touchLogin = (id_token: string, device: string, extra: Record<string, unknown> = {}) =>
      ctx.current.login({ client_id: C.public, connection: LIFECYCLE_CONNECTION, grant_type: JWT_BEARER, id_token, device, scope: 'openid offline_access', ...extra });

    const expectGrantError = async (res: Promise<{ status: number; json: any }>, text: RegExp) => {
      const r = await res;
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      expect(r.json.error).toBe('invalid_grant');
      expect(r.json.error_description).toMatch(text);
    };

    it.each(['ES256', 'RS256'] as const)('registers a %s key, lists it, and logs in with a signed assertion', async (alg) => {
      const { user_id, bearer } = await loggedIn();
      const device = await enrol(bearer, alg);
      const list = await ctx.current.app.dispatch({ method: 'GET', path: `${PATH}?type=public_key`, headers: bearer });
      expect(list.json).toEqual([
        { id: device.credentialId, device_name: `Phone ${device.id}`, device_id: device.id, type: 'public_key', user_id, client_id: C.public },
      ]);
      const res = await touchLogin(await assertion(device, user_id), device.id);
      expect(res.status, res.text).toBe(200);
      expect(decodeJwt(res.json.id_token).sub).toBe(user_id);
      expect(res.json.refresh_token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    });

    it('refuses a replayed, forged, expired, long-lived or wrongly signed assertion', async () => {
      const { user_id, bearer } = await loggedIn();
      const device = await enrol(bearer, 'ES256');
      const token = await assertion(device, user_id);
      expect((await touchLogin(token, device.id)).status).toBe(200);
      await expectGrantError(touchLogin(token, device.id), /already used/);
      const { privateKey: stranger } = await generateKeyPair('ES256');
      await expectGrantError(touchLogin(await assertion(device, user_id, {}, '2m', stranger), device.id), /signature/);
      await expectGrantError(touchLogin(await assertion(device, user_id, {}, Math.floor(Date.now() / 1000) - 120), device.id), /expired/);
      await expectGrantError(touchLogin(await assertion(device, user_id, {}, '10m'), device.id), /within 5 minutes/);
      const hs = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(user_id).setExpirationTime('1m').sign(new Uint8Array(32));
      await expectGrantError(touchLogin(hs, device.id), /RS256 or ES256/);
      await expectGrantError(touchLogin('not-a-jwt', device.id), /not a signed JWT/);
      await expectGrantError(touchLogin(await assertion(device, 'auth0|nobody'), device.id), /no key is registered/);
    });

    it('counts a re-encoded signature as the same assertion: a parallel burst of malleated copies logs in once', async () => {
      for (const alg of ['ES256', 'RS256'] as const) {
        const { user_id, bearer } = await loggedIn();
        const device = await enrol(bearer, alg);
        // As older apps sent it: no jti, so replay protection rests on what was signed.
        const original = await new SignJWT({}).setProtectedHeader({ alg }).setIssuer(user_id).setIssuedAt().setExpirationTime('2m').sign(device.privateKey);
        const variants = malleated(original, alg);
        expect(variants.length).toBeGreaterThanOrEqual(alg === 'ES256' ? 32 : 16);
        const results = await Promise.all(Array.from({ length: 150 }, (_, i) => touchLogin(variants[i % variants.length]!, device.id)));
        expect(results.filter((r) => r.status === 200), alg).toHaveLength(1);
        for (const r of results.filter((r) => r.status !== 200)) {
          expect({ status: r.status, error: r.json.error, description: r.json.error_description }).toEqual({
            status: 400,
            error: 'invalid_grant',
            description: 'the id_token was already used',
          });
        }
      }
    });

    it('refuses an assertion for the wrong device, an unknown device, or without device', async () => {
      const { user_id, bearer } = await loggedIn();
      const phone = await enrol(bearer, 'ES256');
      const tablet = await enrol(bearer, 'ES256');
      await expectGrantError(touchLogin(await assertion(phone, user_id), tablet.id), /signature does not verify/);
      await expectGrantError(touchLogin(await assertion(phone, user_id), 'unknown-device'), /no key is registered/);
      const other = await loggedIn();
      await expectGrantError(touchLogin(await assertion(phone, other.user_id), phone.id), /no key is registered/);
      const noDevice = await touchLogin(await assertion(phone, user_id), '');
      expect(noDevice.status).toBe(400);
      expect(noDevice.json.error_description).toBe('missing device parameter');
    });

    it('guards registration: a token of ours for that client required, public keys only, one key per device', async () => {
      const { bearer, idTokenBearer } = await loggedIn();
      const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
      const pem = await exportSPKI(publicKey);
      const body = { device_name: 'Phone', device_id: `d-${randomUUID()}`, value: pem };
      expect((await register({}, body)).status).toBe(401);
      expect((await register({ authorization: 'Bearer forged' }, body)).status).toBe(401);
      // The id_token of one client never enrols a key for another (Auth0's Touch ID enrolment is per client).
      expect((await register(idTokenBearer, { ...body, client_id: C.es256 })).status).toBe(401);
      expect((await register(bearer, { ...body, value: await exportJWK(privateKey) })).json.error_description).toMatch(/not a private/);
      expect((await register(bearer, { ...body, value: 'garbage' })).status).toBe(400);
      expect((await register(bearer, { ...body, type: 'refresh_token' })).status).toBe(400);
      expect((await register(bearer, { ...body, device_id: undefined })).json.error_description).toBe('missing device_id parameter');
      expect((await register(bearer, body)).status).toBe(201);
      const again = await register(bearer, body);
      expect(again.status).toBe(409);
      expect(again.json.error).toBe('conflict');
    });

    it('deletes only the caller\'s own key, after which its assertions are refused', async () => {
      const { user_id, bearer } = await loggedIn();
      const device = await enrol(bearer, 'RS256');
      const other = await loggedIn();
      const del = (headers: Record<string, string>) =>
        ctx.current.app.dispatch({ method: 'DELETE', path: `${PATH}/${device.credentialId}`, headers });
      expect((await del(other.bearer)).status).toBe(404);
      expect((await touchLogin(await assertion(device, user_id), device.id)).status).toBe(200);
      expect((await del(bearer)).status).toBe(204);
      expect((await del(bearer)).status).toBe(404);
      await expectGrantError(touchLogin(await assertion(device, user_id), device.id), /no key is registered/);
    });
  });
}
