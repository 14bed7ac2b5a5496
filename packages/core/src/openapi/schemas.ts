import type { JsonSchema } from './types.js';
import { schemaRef } from './error-responses.js';

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Schemas of the responses. Response objects are closed (`additionalProperties: false`) except profiles, whose attributes are the store's. */
const RESPONSES: Readonly<Record<string, JsonSchema>> = {
  Error: {
    type: 'object',
    description: 'Every error. Never a stack trace.',
    required: ['error', 'error_description'],
    properties: {
      error: { type: 'string' },
      error_description: { type: 'string' },
      mfa_token: str('Only with `mfa_required` (`/oauth/token`): redeem it with the `mfa-otp` grant within 10 minutes, once.'),
      mfa_settings: {
        type: 'object',
        description: 'Only with `a0.mfa_registration_required` on a connection with `options.mfa.return_enroll_settings`: the pending enrolment to add to an authenticator app.',
        required: ['provider', 'key', 'qr'],
        properties: {
          provider: { const: 'google-authenticator' },
          key: str('The base32 TOTP secret (SHA-1, 6 digits, 30 s).', { pattern: '^[A-Z2-7]+$' }),
          qr: str('The `otpauth://totp/…` key URI a QR code carries.'),
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  TokenSet: {
    type: 'object',
    description: '`id_token` only under scope `openid`; `refresh_token` only with `offline_access` and `device`.',
    required: ['access_token', 'token_type'],
    properties: {
      access_token: str('RS256 JWT for `/userinfo` and the host app’s routes (audience `{issuer}userinfo`).'),
      id_token: str('JWT signed with the client’s algorithm; claims shaped by `scope`.'),
      token_type: { const: 'bearer' },
      refresh_token: str('Opaque.'),
      recovery_code: str('Only after MFA with the recovery code, or the login that confirmed an enrolment: the new recovery code, shown once.', { pattern: '^[A-Z0-9]{24}$' }),
    },
    additionalProperties: false,
  },
  RefreshedTokenSet: {
    type: 'object',
    required: ['access_token', 'token_type', 'expires_in', 'scope'],
    properties: {
      access_token: str('RS256 JWT.'),
      id_token: str('Under scope `openid`.'),
      token_type: { const: 'Bearer' },
      refresh_token: str('The successor, for clients that rotate refresh tokens.'),
      expires_in: { type: 'integer', minimum: 0 },
      scope: str('The scope granted, space-separated.'),
      recovery_code: str('`mfa-otp` with the recovery code: the new recovery code, shown once.', { pattern: '^[A-Z0-9]{24}$' }),
    },
    additionalProperties: false,
  },
  DelegationResult: {
    type: 'object',
    required: ['id_token', 'token_type', 'expires_in'],
    properties: { id_token: str('JWT for `target`.'), token_type: { const: 'Bearer' }, expires_in: { type: 'integer', minimum: 0 } },
    additionalProperties: false,
  },
  Identity: {
    type: 'object',
    required: ['provider', 'user_id', 'connection', 'isSocial'],
    properties: { provider: str('The strategy.'), user_id: { type: 'string' }, connection: { type: 'string' }, isSocial: { type: 'boolean' } },
  },
  Profile: {
    type: 'object',
    description: 'Auth0’s normalised profile; further attributes (`given_name`, `user_metadata`, …) as stored.',
    required: ['user_id', 'identities', 'created_at', 'updated_at'],
    properties: {
      user_id: str('`{strategy}|{id}`, e.g. `auth0|5f8a…`, `sms|…`, `ad|corp|jdoe`.'),
      email: { type: 'string' },
      email_verified: { type: 'boolean' },
      username: { type: 'string' },
      phone_number: { type: 'string' },
      phone_verified: { type: 'boolean' },
      name: { type: 'string' },
      nickname: { type: 'string' },
      picture: { type: 'string' },
      identities: { type: 'array', items: schemaRef('Identity'), minItems: 1 },
      created_at: str('ISO 8601.'),
      updated_at: str('ISO 8601.'),
    },
  },
  UserInfo: { allOf: [schemaRef('Profile')], required: ['sub'], properties: { sub: str('Equals `user_id`.') } },
  SignupResult: {
    type: 'object',
    required: ['_id', 'email', 'email_verified'],
    properties: {
      _id: str('The user id without the `auth0|` prefix.'),
      email: { type: 'string' },
      email_verified: { type: 'boolean' },
      username: { type: 'string' },
      user_metadata: { type: 'object', additionalProperties: { type: 'string' } },
    },
    additionalProperties: false,
  },
  PasswordlessVerifyResult: { type: 'object', additionalProperties: false, description: 'Empty: the code is right.' },
  PasswordlessStartResult: {
    oneOf: [
      {
        type: 'object',
        required: ['_id', 'phone_number', 'phone_verified'],
        properties: { _id: { type: 'string' }, phone_number: str('E.164.'), phone_verified: { type: 'boolean' } },
        additionalProperties: false,
      },
      {
        type: 'object',
        required: ['_id', 'email', 'email_verified'],
        properties: { _id: { type: 'string' }, email: { type: 'string' }, email_verified: { type: 'boolean' } },
        additionalProperties: false,
      },
    ],
  },
  Empty: { type: 'object', maxProperties: 0 },
  DeviceCredential: {
    type: 'object',
    required: ['id', 'type', 'user_id', 'client_id'],
    properties: {
      id: str('`dcr_…` for a key; the token family id for a refresh token (DELETE revokes it).'),
      device_name: { type: 'string' },
      device_id: { type: 'string' },
      type: { enum: ['public_key', 'refresh_token', 'rotating_refresh_token'] },
      user_id: { type: 'string' },
      client_id: { type: 'string' },
    },
    additionalProperties: false,
  },
  DeviceCredentialCreated: { type: 'object', required: ['id'], properties: { id: str('`dcr_…`') }, additionalProperties: false },
  Jwks: {
    type: 'object',
    required: ['keys'],
    properties: {
      keys: {
        type: 'array',
        items: { type: 'object', required: ['kty', 'kid'], properties: { kty: { type: 'string' }, kid: { type: 'string' }, alg: { type: 'string' }, use: { type: 'string' } } },
      },
    },
    additionalProperties: false,
  },
  OpenIdConfiguration: {
    type: 'object',
    required: ['issuer', 'jwks_uri', 'userinfo_endpoint', 'token_endpoint', 'response_types_supported', 'subject_types_supported', 'id_token_signing_alg_values_supported'],
    properties: {
      issuer: { type: 'string', format: 'uri' },
      jwks_uri: { type: 'string', format: 'uri' },
      userinfo_endpoint: { type: 'string', format: 'uri' },
      token_endpoint: { type: 'string', format: 'uri' },
      revocation_endpoint: { type: 'string', format: 'uri' },
    },
    additionalProperties: { type: 'array', items: { type: 'string' } },
  },
  Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } }, additionalProperties: false },
};

/** Schemas of the request bodies (JSON or form). Open, as the server ignores unknown parameters. */
const REQUESTS: Readonly<Record<string, JsonSchema>> = {
  RoRequest: {
    type: 'object',
    required: ['client_id', 'connection'],
    properties: {
      client_id: { type: 'string' },
      connection: str('Connection name, e.g. `Username-Password-Authentication`, `sms`, `corp`.'),
      grant_type: { enum: ['password', JWT_BEARER], default: 'password' },
      username: str('Required for `password`: email or username; E.164 phone number for `sms`; email for `email`.'),
      password: str('Required for `password`: the password, or the passwordless code.', { maxLength: 1024 }),
      scope: str('`openid` adds an id_token; further words add profile attributes; `profile` the whole profile; `offline_access` with `device` a refresh token.'),
      id_token: str('Required for the jwt-bearer grant: a JWT signed by the device key, `iss` = the user id.', { maxLength: 8192 }),
      device: str('Required for the jwt-bearer grant; with `offline_access`, names the device holding the refresh token.'),
      mfa_code: {
        type: ['string', 'integer'],
        description: 'On a connection with `options.mfa.active`: the 6-digit TOTP code of the user’s authenticator, or the 24-character recovery code. Refused on other connections.',
      },
    },
  },
  PasswordlessStartRequest: {
    type: 'object',
    required: ['client_id', 'connection'],
    properties: {
      client_id: { type: 'string' },
      connection: { enum: ['sms', 'email'], description: 'A connection of strategy `sms` or `email`.' },
      phone_number: str('For `sms`: E.164.', { pattern: '^\\+[0-9]{1,15}$' }),
      email: str('For `email`.'),
      send: {
        enum: ['code', 'link', 'link_ios', 'link_android'],
        description: '`code` (default for sms); `link` (default for email): a single-use link to `/passwordless/verify_redirect`; `link_ios`/`link_android`: a code in the app link of the client’s `mobile` app.',
      },
      authParams: {
        type: 'object',
        description: 'For `send=link`; in a form body as bracketed keys (`authParams[state]=…`, as auth0.js v7 sends them): `redirect_uri` (one of the client’s callbacks; default its first), `response_type` (`token` default, `id_token`, `id_token token`; `code` refused), `scope` (default `openid`), `state`, `nonce`, `response_mode` (`fragment` only).',
      },
    },
  },
  PasswordlessVerifyRequest: {
    type: 'object',
    required: ['connection', 'verification_code'],
    properties: {
      client_id: { type: 'string', description: 'Optional (auth0.js sends none); when given, the connection must be enabled for it.' },
      connection: str('A connection of strategy `sms` or `email`.'),
      verification_code: str('The code received.'),
      phone_number: str('For `sms`.'),
      email: str('For `email`.'),
    },
  },
  SignupRequest: {
    type: 'object',
    required: ['client_id', 'connection', 'email', 'password'],
    properties: {
      client_id: { type: 'string' },
      connection: str('A database (`auth0`) connection.'),
      email: { type: 'string', maxLength: 254 },
      password: { type: 'string', maxLength: 1024 },
      username: { type: 'string', maxLength: 128 },
      user_metadata: { type: 'object', maxProperties: 10, additionalProperties: { type: 'string', maxLength: 500 }, description: 'JSON only.' },
    },
  },
  TokenInfoRequest: { type: 'object', required: ['id_token'], properties: { id_token: { type: 'string', maxLength: 16384 } } },
  DelegationRequest: {
    type: 'object',
    required: ['client_id', 'grant_type'],
    properties: {
      client_id: { type: 'string' },
      grant_type: { const: JWT_BEARER },
      refresh_token: str('Either this or `id_token`.'),
      client_secret: str('A confidential client redeeming a refresh token, unless sent through HTTP Basic.'),
      id_token: str('An id_token issued to `client_id` (its single audience).', { maxLength: 16384 }),
      target: str('The client the new id_token is for (default: `client_id`); it must list `client_id` in `allowed_clients` unless it is `client_id`.'),
      api_type: { enum: ['app', 'auth0'], default: 'app', description: '`auth0` only with `scope=passthrough`: renews the id_token of `client_id`.' },
      scope: str('Default `openid`; `passthrough` (with `api_type=auth0`) keeps the claims of the presented token.'),
    },
  },
  TokenRequest: {
    type: 'object',
    required: ['grant_type'],
    properties: {
      grant_type: {
        enum: [
          'password',
          'http://auth0.com/oauth/grant-type/password-realm',
          'http://auth0.com/oauth/grant-type/passwordless/otp',
          'http://auth0.com/oauth/grant-type/mfa-otp',
          'client_credentials',
          'refresh_token',
          'urn:ietf:params:oauth:grant-type:token-exchange',
        ],
      },
      subject_token: str('token-exchange: the Apple authorization code or Facebook session-info token.', { maxLength: 8192 }),
      subject_token_type: {
        enum: ['http://auth0.com/oauth/token-type/apple-authz-code', 'http://auth0.com/oauth/token-type/facebook-info-session-access-token'],
      },
      user_profile: str('token-exchange: JSON object, e.g. the name Apple gave the app at first sign-in.'),
      client_id: str('May come through HTTP Basic instead.'),
      client_secret: str('Confidential clients, unless sent through HTTP Basic.'),
      username: str('Password and OTP grants.'),
      password: str('Password grants.', { maxLength: 1024 }),
      realm: str('password-realm: the connection; passwordless/otp: `sms` or `email`.'),
      otp: str('passwordless/otp: the code sent by `/passwordless/start`; mfa-otp: the TOTP code (or the recovery code).'),
      mfa_token: str('mfa-otp: the `mfa_token` of the `mfa_required` answer.', { maxLength: 4096 }),
      audience: str('An API identifier: the access token is for it (required for client_credentials).'),
      device: str('Names the device a refresh token is bound to (default: the user agent).'),
      refresh_token: { type: 'string' },
      scope: str('Space-separated; for refresh_token narrower than the granted scope, or absent.'),
    },
  },
  SocialAccessTokenRequest: {
    type: 'object',
    required: ['client_id', 'access_token', 'connection'],
    properties: {
      client_id: { type: 'string' },
      access_token: str('The provider’s access token.', { maxLength: 4096 }),
      connection: str('A `facebook` or `google-oauth2` connection.'),
      scope: { type: 'string' },
      device: str('With `offline_access`: the device a refresh token is bound to.'),
    },
  },
  RevokeRequest: {
    type: 'object',
    required: ['client_id', 'token'],
    properties: {
      client_id: str('May come through HTTP Basic instead.'),
      client_secret: str('Confidential clients, unless sent through HTTP Basic.'),
      token: str('The refresh token.'),
      token_type_hint: { type: 'string' },
    },
  },
  DeviceCredentialRequest: {
    type: 'object',
    required: ['device_name', 'type', 'value', 'device_id', 'client_id'],
    properties: {
      device_name: { type: 'string', maxLength: 256 },
      type: { const: 'public_key' },
      value: { description: 'The device public key: PEM (SPKI or PKCS#1 RSA), or a JWK object (JSON only). RSA → RS256, P-256 → ES256.', oneOf: [{ type: 'string' }, { type: 'object' }] },
      device_id: { type: 'string', maxLength: 256 },
      client_id: { type: 'string' },
    },
  },
};

/** Every schema the document shares through `components.schemas`. */
export const COMPONENT_SCHEMAS: Readonly<Record<string, JsonSchema>> = { ...RESPONSES, ...REQUESTS };
