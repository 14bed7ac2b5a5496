import { randomBytes } from 'node:crypto';
import { exportJWK, exportPKCS8, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { listenLocal, type FakeReply, type LocalServer } from './listen-local.js';

const json = (status: number, body: unknown): FakeReply => ({ status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify(body) });
const token = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

/** A Facebook app the fake Graph API knows (the connection's `client_id`/`client_secret`). */
export interface FakeFacebookApp {
  readonly appId: string;
  readonly appSecret: string;
}

/** What a fake provider token or code says about its user. */
export interface FakeSocialUser {
  readonly id: string;
  readonly email?: string;
  readonly name?: string;
}

/** Local stand-ins of Facebook's Graph API, Google's tokeninfo and Sign in with Apple. */
export interface FakeSocialProviders {
  /** Base URLs for the connections' `provider_base_url`. */
  readonly facebookUrl: string;
  readonly googleUrl: string;
  readonly appleUrl: string;
  readonly facebookApp: FakeFacebookApp;
  /** A user access token Facebook issued to `appId` (default: the known app), valid `expiresInS` (negative: expired). */
  facebookToken(user: FakeSocialUser, options?: { appId?: string; expiresInS?: number }): string;
  /** A Google access token for the client id `aud`, valid `expiresInS` (negative: expired). */
  googleToken(user: FakeSocialUser, aud: string, expiresInS?: number): string;
  /** An Apple authorization code for the app `clientId`; its ID token signed by a published key unless `unknownKey`. */
  appleCode(user: FakeSocialUser, clientId: string, options?: { unknownKey?: boolean; idTokenAudience?: string; idTokenExpired?: boolean }): string;
  /** The Apple key pair an app signs its client secrets with (the connection's `kid`, `team_id`, `app_secret`). */
  readonly appleClient: { readonly teamId: string; readonly kid: string; readonly p8: string };
  /** The user revoked the token or code (logged out, removed the app). */
  revoke(tokenOrCode: string): void;
  close(): Promise<void>;
}

/**
 * Starts protocol-faithful stand-ins of the three providers on one local port, under `/facebook`
 * (`GET /debug_token`, `GET /me`: Graph API shapes, error code 190), `/google` (`GET /tokeninfo`:
 * 400 `invalid_token` for unknown, expired or revoked tokens) and `/apple` (`POST /auth/token`
 * checking the ES256 client secret and single-use codes, `GET /auth/keys` with the RS256 keys its ID
 * tokens are signed with).
 *
 * @example const providers = await startFakeSocialProviders(); providers.facebookToken({ id: '10153' });
 */
export async function startFakeSocialProviders(): Promise<FakeSocialProviders> {
  const facebookApp = { appId: '1234567890', appSecret: 'facebook-app-secret-0123456789' };
  const fbTokens = new Map<string, { user: FakeSocialUser; appId: string; expiresAt: number }>();
  const googleTokens = new Map<string, { user: FakeSocialUser; aud: string; expiresAt: number }>();
  const appleCodes = new Map<string, { user: FakeSocialUser; clientId: string; unknownKey: boolean; aud?: string; expired: boolean }>();
  const revoked = new Set<string>();

  const appleKey = await generateKeyPair('RS256', { extractable: true });
  const strayKey = await generateKeyPair('RS256', { extractable: true });
  const appleJwk = { ...(await exportJWK(appleKey.publicKey)), kid: 'apple-key-1', alg: 'RS256', use: 'sig' };
  const clientKey = await generateKeyPair('ES256', { extractable: true });
  const appleClient = { teamId: 'TEAM123456', kid: 'CLIENTKEY1', p8: await exportPKCS8(clientKey.privateKey) };
  const now = () => Math.floor(Date.now() / 1000);

  const facebook = (path: string, query: URLSearchParams): FakeReply => {
    if (path === '/debug_token') {
      if (query.get('access_token') !== `${facebookApp.appId}|${facebookApp.appSecret}`) {
        return json(400, { error: { message: 'Invalid OAuth access token signature.', type: 'OAuthException', code: 190 } });
      }
      const input = query.get('input_token') ?? '';
      const found = fbTokens.get(input);
      if (!found) return json(200, { data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] } });
      const data = { app_id: found.appId, type: 'USER', application: 'Fake app', expires_at: found.expiresAt, scopes: ['public_profile', 'email'], user_id: found.user.id };
      if (revoked.has(input)) return json(200, { data: { ...data, is_valid: false, error: { code: 190, subcode: 460, message: 'The session has been invalidated.' } } });
      if (found.expiresAt <= now()) return json(200, { data: { ...data, is_valid: false, error: { code: 190, subcode: 463, message: 'Session has expired.' } } });
      return json(200, { data: { ...data, is_valid: true } });
    }
    if (path === '/me') {
      const found = fbTokens.get(query.get('access_token') ?? '');
      if (!found || revoked.has(query.get('access_token')!) || found.expiresAt <= now()) {
        return json(400, { error: { message: 'Error validating access token.', type: 'OAuthException', code: 190 } });
      }
      const [first, ...rest] = (found.user.name ?? '').split(' ');
      return json(200, { id: found.user.id, ...(found.user.name ? { name: found.user.name, first_name: first, last_name: rest.join(' ') } : {}), ...(found.user.email ? { email: found.user.email } : {}) });
    }
    return json(404, { error: { message: 'Unknown path', code: 803 } });
  };

  const google = (query: URLSearchParams): FakeReply => {
    const presented = query.get('access_token') ?? '';
    const found = googleTokens.get(presented);
    if (!found || revoked.has(presented) || found.expiresAt <= now()) return json(400, { error: 'invalid_token', error_description: 'Invalid Value' });
    return json(200, {
      azp: found.aud,
      aud: found.aud,
      sub: found.user.id,
      scope: 'openid https://www.googleapis.com/auth/userinfo.email',
      exp: String(found.expiresAt),
      expires_in: String(found.expiresAt - now()),
      ...(found.user.email ? { email: found.user.email, email_verified: 'true' } : {}),
      access_type: 'online',
    });
  };

  const apple = async (path: string, body: string): Promise<FakeReply> => {
    if (path === '/auth/keys') return json(200, { keys: [appleJwk] });
    if (path !== '/auth/token') return json(404, { error: 'not_found' });
    const form = new URLSearchParams(body);
    const clientId = form.get('client_id') ?? '';
    try {
      await jwtVerify(form.get('client_secret') ?? '', clientKey.publicKey, { issuer: appleClient.teamId, subject: clientId, audience: 'https://appleid.apple.com', algorithms: ['ES256'] });
    } catch {
      return json(400, { error: 'invalid_client' });
    }
    const code = form.get('code') ?? '';
    const found = appleCodes.get(code);
    appleCodes.delete(code);
    if (form.get('grant_type') !== 'authorization_code' || !found || found.clientId !== clientId || revoked.has(code)) return json(400, { error: 'invalid_grant' });
    const iat = found.expired ? now() - 7200 : now();
    const id_token = await new SignJWT({ ...(found.user.email ? { email: found.user.email, email_verified: 'true' } : {}), auth_time: iat })
      .setProtectedHeader({ alg: 'RS256', kid: found.unknownKey ? 'not-published' : appleJwk.kid })
      .setIssuer('https://appleid.apple.com')
      .setAudience(found.aud ?? clientId)
      .setSubject(found.user.id)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .sign(found.unknownKey ? strayKey.privateKey : appleKey.privateKey);
    return json(200, { access_token: token('a'), token_type: 'Bearer', expires_in: 3600, refresh_token: token('r'), id_token });
  };

  const server: LocalServer = await listenLocal(async (req, body) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, provider, ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    if (provider === 'facebook' && req.method === 'GET') return facebook(path, url.searchParams);
    if (provider === 'google' && req.method === 'GET' && path === '/tokeninfo') return google(url.searchParams);
    if (provider === 'apple') return apple(path, body);
    return json(404, { error: 'not_found' });
  });

  return {
    facebookUrl: `${server.url}/facebook`,
    googleUrl: `${server.url}/google`,
    appleUrl: `${server.url}/apple`,
    facebookApp,
    appleClient,
    facebookToken(user, options = {}) {
      const t = token('EAAB');
      fbTokens.set(t, { user, appId: options.appId ?? facebookApp.appId, expiresAt: now() + (options.expiresInS ?? 3600) });
      return t;
    },
    googleToken(user, aud, expiresInS = 3600) {
      const t = token('ya29.');
      googleTokens.set(t, { user, aud, expiresAt: now() + expiresInS });
      return t;
    },
    appleCode(user, clientId, options = {}) {
      const code = token('c');
      appleCodes.set(code, { user, clientId, unknownKey: options.unknownKey ?? false, ...(options.idTokenAudience ? { aud: options.idTokenAudience } : {}), expired: options.idTokenExpired ?? false });
      return code;
    },
    revoke: (t) => void revoked.add(t),
    close: () => server.close(),
  };
}
