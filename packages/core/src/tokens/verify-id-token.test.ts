import { base64url, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import type { KeyStore, SigningKeyRecord } from '../ports/key-store.js';
import { loadKeyRing } from './key-ring.js';
import type { MintContext } from './mint-tokens.js';
import { verifyIdToken } from './verify-id-token.js';

const ISSUER = 'https://auth.example.test/';
const NOW = 1_800_000_000_000;

async function mintContext(): Promise<MintContext> {
  let keys: SigningKeyRecord[] = [];
  const store: KeyStore = {
    list: async () => [...keys],
    ensureActive: async (candidate) => ((keys = keys.length ? keys : [candidate]), [...keys]),
    rotate: async () => [...keys],
    prune: async () => 0,
  };
  const keyRing = await loadKeyRing(store, { now: () => NOW }, ['RS256']);
  return { issuer: ISSUER, keyRing, clientKeys: new Map(), clientIds: new Set(['app', 'other']) };
}

/** A token really signed with the server's own key: the attacker holds a valid one and plays with its claims. */
async function serverSigned(ctx: MintContext, claims: JWTPayload, typ = 'JWT'): Promise<string> {
  const key = ctx.keyRing.signer('RS256')!;
  const iat = Math.floor(NOW / 1000);
  return new SignJWT({ iss: ISSUER, sub: 'auth0|1', iat, exp: iat + 600, ...claims }).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ }).sign(key.privateKey);
}

/** docs/spec.md §5.1: an id_token's audience is one known client, checked on the verified claims. */
describe('verifyIdToken on tokens signed by the server', () => {
  it('takes a token of one known client', async () => {
    const ctx = await mintContext();
    const verified = await verifyIdToken(ctx, await serverSigned(ctx, { aud: 'app' }), NOW);
    expect(verified).toMatchObject({ ok: true, value: { sub: 'auth0|1', aud: 'app' } });
  });

  it('refuses an unknown client, two audiences, no audience, and an access token', async () => {
    const ctx = await mintContext();
    const refused = { ok: false, error: { code: 'invalid_token' } };
    expect(await verifyIdToken(ctx, await serverSigned(ctx, { aud: 'attacker' }), NOW)).toMatchObject(refused);
    expect(await verifyIdToken(ctx, await serverSigned(ctx, { aud: ['app', 'other'] }), NOW)).toMatchObject(refused);
    expect(await verifyIdToken(ctx, await serverSigned(ctx, {}), NOW)).toMatchObject(refused);
    expect(await verifyIdToken(ctx, await serverSigned(ctx, { aud: 'app' }, 'at+jwt'), NOW)).toMatchObject(refused);
  });

  it('refuses another client’s token where one client is asked for, and a token whose signature was tampered with', async () => {
    const ctx = await mintContext();
    const other = await verifyIdToken(ctx, await serverSigned(ctx, { aud: 'other' }), NOW, { client_id: 'app' });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_token', description: 'the id_token was not issued to this client' } });
    const [header, , signature] = (await serverSigned(ctx, { aud: 'app' })).split('.');
    const swapped = `${header}.${base64url.encode(JSON.stringify({ iss: ISSUER, sub: 'auth0|admin', aud: 'app', exp: NOW / 1000 + 600 }))}.${signature}`;
    expect(await verifyIdToken(ctx, swapped, NOW)).toMatchObject({ ok: false, error: { code: 'invalid_token' } });
  });
});

/** A token signed with a client's HS256 secret, as a client holding its own secret could mint one. */
async function secretSigned(secret: Uint8Array, claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  const iat = Math.floor(NOW / 1000);
  return new SignJWT({ iss: ISSUER, sub: 'auth0|1', iat, exp: iat + 600, ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...header }).sign(secret);
}

describe('verifyIdToken on tokens signed with a client secret (HS256), and forged headers', () => {
  const appSecret = new TextEncoder().encode('app-secret-app-secret-app-secret-0123');
  const otherSecret = new TextEncoder().encode('other-secret-other-secret-other-4567');
  const withSecrets = async (): Promise<MintContext> => ({ ...(await mintContext()), clientKeys: new Map([['app', appSecret], ['other', otherSecret]]) });

  it("takes a token signed with its own client's secret", async () => {
    const ctx = await withSecrets();
    expect(await verifyIdToken(ctx, await secretSigned(appSecret, { aud: 'app' }), NOW)).toMatchObject({ ok: true, value: { sub: 'auth0|1', aud: 'app' } });
  });

  it("refuses a client's secret signing for another client, server keys only, and another client where one is asked for", async () => {
    const ctx = await withSecrets();
    const refused = { ok: false, error: { code: 'invalid_token' } };
    // The app's secret does not sign for `other`: the key is the audience's own secret.
    expect(await verifyIdToken(ctx, await secretSigned(appSecret, { aud: 'other' }), NOW)).toMatchObject(refused);
    expect(await verifyIdToken(ctx, await secretSigned(appSecret, { aud: 'app' }), NOW, { serverKeysOnly: true })).toMatchObject(refused);
    const other = await verifyIdToken(ctx, await secretSigned(otherSecret, { aud: 'other' }), NOW, { client_id: 'app' });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_token', description: 'the id_token was not issued to this client' } });
  });

  it("refuses alg none, an unknown kid, an HS256 token keyed with the server's public key, and a garbled header", async () => {
    const ctx = await withSecrets();
    const refused = { ok: false, error: { code: 'invalid_token' } };
    const good = await serverSigned(ctx, { aud: 'app' });
    const [, payload] = good.split('.');
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
    expect(await verifyIdToken(ctx, none, NOW)).toMatchObject(refused);
    const unknownKid = `${base64url.encode(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'not-ours' }))}.${good.split('.').slice(1).join('.')}`;
    expect(await verifyIdToken(ctx, unknownKid, NOW)).toMatchObject(refused);
    // Algorithm confusion: the public JWK's modulus as an HMAC secret, with the server key's kid.
    const signer = ctx.keyRing.signer('RS256')!;
    const publicBytes = new TextEncoder().encode(JSON.stringify(signer.publicJwk));
    expect(await verifyIdToken(ctx, await secretSigned(publicBytes, { aud: 'app' }, { kid: signer.kid }), NOW)).toMatchObject(refused);
    expect(await verifyIdToken(ctx, `!!.${payload}.x`, NOW)).toMatchObject(refused);
  });
});
