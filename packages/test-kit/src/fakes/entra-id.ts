import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { aadstsError, type AadstsCode } from './entra-id-errors.js';
import { listenLocal, type FakeReply } from '@oauth-ro/conformance';

export * from './entra-id-errors.js';

/** A user of the fake tenant. `condition` makes every correct-password login fail with that AADSTS code. */
export interface FakeEntraUser {
  readonly username: string;
  readonly password: string;
  readonly oid?: string;
  readonly name?: string;
  readonly email?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly groups?: readonly string[];
  readonly condition?: 50057 | 50053 | 50055 | 50076 | 50079;
}

/** Ways to make the fake misbehave, for negative tests; {@link FakeEntraId.reset} clears them. */
export interface FakeEntraFaults {
  /** Token endpoint answers this status (5xx: AADSTS90033 body; 429: with Retry-After). */
  readonly tokenStatus?: 500 | 502 | 503 | 429;
  /** Discovery / JWKS answer 500. */
  readonly discoveryDown?: boolean;
  readonly jwksDown?: boolean;
  /** Token endpoint waits this long before answering. */
  readonly tokenDelayMs?: number;
  /** Sign id_tokens with a key the JWKS does not publish. */
  readonly unpublishedKey?: boolean;
  /** Flip a payload character after signing. */
  readonly tamper?: boolean;
  readonly audience?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for an already expired id_token. */
  readonly expiresIn?: number;
}

/** Options of {@link startFakeEntraId}. */
export interface FakeEntraIdOptions {
  readonly tenantDomain?: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  /** When set, the app is confidential and the secret is required. */
  readonly clientSecret?: string;
  readonly users?: readonly FakeEntraUser[];
}

/** A running fake Entra ID tenant. */
export interface FakeEntraId {
  /** Pass as the connection's `authority`: `http://127.0.0.1:<port>`. */
  readonly authority: string;
  readonly tenantDomain: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** `{authority}/{tenantId}/v2.0`, what id_tokens carry in `iss`. */
  readonly issuer: string;
  /** Requests served, by route. */
  readonly requests: { discovery: number; jwks: number; token: number };
  /** The last token request's form fields (for asserting what the client sent). */
  lastTokenForm(): URLSearchParams | undefined;
  setFaults(faults: FakeEntraFaults): void;
  reset(): void;
  /** Publishes a new signing key (new `kid`) and signs with it from now on. */
  rotateKey(): Promise<void>;
  close(): Promise<void>;
}

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: Record<string, unknown>;
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(20).toString('base64url');
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, ...(await exportJWK(publicKey)) } };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', ...headers },
  body: JSON.stringify(body),
});

/**
 * Starts a fake Entra ID tenant on 127.0.0.1 speaking the v2.0 endpoints' wire format: OIDC
 * discovery, JWKS, and the token endpoint's resource-owner password grant issuing RS256 id_tokens,
 * or AADSTS error bodies as Microsoft documents them.
 *
 * @example
 * const entra = await startFakeEntraId({ users: [{ username: 'jdoe@contoso.com', password: 'pw' }] });
 * const options = { tenant_domain: entra.tenantDomain, client_id: entra.clientId, authority: entra.authority };
 */
export async function startFakeEntraId(options: FakeEntraIdOptions = {}): Promise<FakeEntraId> {
  const tenantDomain = options.tenantDomain ?? 'contoso.onmicrosoft.com';
  const tenantId = options.tenantId ?? randomUUID();
  const clientId = options.clientId ?? randomUUID();
  const users = options.users ?? [];
  let keys = [await newKey()];
  const stranger = await newKey();
  let faults: FakeEntraFaults = {};
  let lastForm: URLSearchParams | undefined;
  const requests = { discovery: 0, jwks: 0, token: 0 };
  let authority = '';
  const names = { tenant: tenantDomain, client: clientId };

  function tenantBase(segment: string): string | undefined {
    return segment === tenantDomain || segment === tenantId ? `${authority}/${tenantId}` : undefined;
  }

  async function issueIdToken(user: FakeEntraUser, scope: readonly string[]): Promise<string> {
    const oid = user.oid ?? createHash('sha256').update(user.username).digest('hex').slice(0, 32);
    const key = faults.unpublishedKey ? stranger : keys[keys.length - 1]!;
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      oid,
      tid: tenantId,
      ver: '2.0',
      rh: randomBytes(12).toString('base64url'),
      uti: randomBytes(16).toString('base64url'),
      ...(scope.includes('profile')
        ? { name: user.name, preferred_username: user.username, given_name: user.given_name, family_name: user.family_name }
        : {}),
      ...(scope.includes('email') && user.email ? { email: user.email } : {}),
      ...(user.groups ? { groups: user.groups } : {}),
    };
    const jwt = await new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid })
      .setIssuer(faults.issuer ?? `${authority}/${tenantId}/v2.0`)
      .setAudience(faults.audience ?? clientId)
      .setSubject(createHash('sha256').update(`${oid}:${clientId}`).digest('base64url'))
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + (faults.expiresIn ?? 3600))
      .sign(key.privateKey);
    if (!faults.tamper) return jwt;
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    payload.oid = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
  }

  async function token(form: URLSearchParams): Promise<FakeReply> {
    const refuse = (code: AadstsCode) => {
      const e = aadstsError(code, names, authority);
      return json(e.status, e.body);
    };
    if (faults.tokenDelayMs) await new Promise((r) => setTimeout(r, faults.tokenDelayMs));
    if (faults.tokenStatus === 429) return json(429, aadstsError(90033, names, authority).body, { 'retry-after': '7' });
    if (faults.tokenStatus) return json(faults.tokenStatus, aadstsError(90033, names, authority).body);
    if (form.get('client_id') !== clientId) return refuse(700016);
    if (options.clientSecret !== undefined) {
      const secret = form.get('client_secret');
      if (secret === null) return refuse(7000218);
      if (secret !== options.clientSecret) return refuse(7000215);
    }
    if (form.get('grant_type') !== 'password') return json(400, { error: 'unsupported_grant_type' });
    const user = users.find((u) => u.username.toLowerCase() === (form.get('username') ?? '').toLowerCase());
    if (!user) return refuse(50034);
    if (user.password !== form.get('password')) return refuse(50126);
    if (user.condition) return refuse(user.condition);
    const scope = (form.get('scope') ?? '').split(' ');
    return json(200, {
      token_type: 'Bearer',
      scope: 'openid profile email User.Read',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: randomBytes(48).toString('base64url'),
      id_token: await issueIdToken(user, scope),
    });
  }

  const server = await listenLocal(async (req, body) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [segment = '', ...rest] = url.pathname.slice(1).split('/');
    const route = `/${rest.join('/')}`;
    const base = tenantBase(segment);
    if (route === '/v2.0/.well-known/openid-configuration' && req.method === 'GET') {
      requests.discovery += 1;
      if (!base) return json(400, aadstsError(90002, { ...names, tenant: segment }, authority).body);
      if (faults.discoveryDown) return json(500, { error: 'server_error' });
      return json(200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${base}/v2.0`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
        tenant_region_scope: 'EU',
        cloud_instance_name: 'microsoftonline.com',
      });
    }
    if (route === '/discovery/v2.0/keys' && req.method === 'GET' && base) {
      requests.jwks += 1;
      if (faults.jwksDown) return json(500, { error: 'server_error' });
      return json(200, { keys: keys.map((k) => ({ ...k.jwk, issuer: `${base}/v2.0` })) });
    }
    if (route === '/oauth2/v2.0/token' && req.method === 'POST') {
      requests.token += 1;
      if (!base) return json(400, aadstsError(90002, { ...names, tenant: segment }, authority).body);
      lastForm = new URLSearchParams(body);
      return token(lastForm);
    }
    return json(404, { error: 'not_found' });
  });
  authority = server.url;

  return {
    authority,
    tenantDomain,
    tenantId,
    clientId,
    ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
    issuer: `${authority}/${tenantId}/v2.0`,
    requests,
    lastTokenForm: () => lastForm,
    setFaults(next) {
      faults = { ...next };
    },
    reset() {
      faults = {};
    },
    async rotateKey() {
      keys = [...keys.slice(-1), await newKey()];
    },
    close: () => server.close(),
  };
}
