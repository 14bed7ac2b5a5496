import type { ClientConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { Random } from '../ports/random.js';
import { base64UrlEncode } from '../util/encoding.js';
import { err, ok, type Result } from '../util/result.js';
import { generateCode } from './generate-code.js';
import { hashCode, hashLinkToken } from './hash-code.js';
import type { PreparedSecret } from './issue-code.js';
import { linkBinding, type LinkAuthParams } from './read-link-auth-params.js';

/** What a link is made for. */
export interface MagicLinkRequest {
  /** The server's issuer, ending in `/` (links point at its routes). */
  readonly issuer: string;
  readonly client: ClientConfig;
  readonly connection: string;
  readonly strategy: 'sms' | 'email';
  /** Normalised: E.164 or lower-cased address. */
  readonly recipient: string;
  readonly send: 'link' | 'link_ios' | 'link_android';
  /** Checked authentication parameters (`link` only). */
  readonly params?: LinkAuthParams;
  /** Digits of a code (`link_ios` / `link_android` carry a code). */
  readonly length: number;
}

/**
 * The web link of `send=link`: `{issuer}passwordless/verify_redirect` with the client, connection,
 * recipient, a 256-bit token as `verification_code` and the authentication parameters, the query
 * Auth0's links carried. The stored hash binds the token to all of them.
 */
async function webLink(codeKey: CryptoKey, random: Random, request: MagicLinkRequest, params: LinkAuthParams): Promise<PreparedSecret> {
  const token = base64UrlEncode(random.bytes(32));
  const hash = await hashLinkToken(codeKey, request.connection, request.recipient, linkBinding(request.client.client_id, params), token);
  const query = new URLSearchParams({
    client_id: request.client.client_id,
    connection: request.connection,
    [request.strategy === 'sms' ? 'phone_number' : 'email']: request.recipient,
    verification_code: token,
    redirect_uri: params.redirect_uri,
    response_type: params.response_type,
    scope: params.scope,
    ...(params.state === undefined ? {} : { state: params.state }),
    ...(params.nonce === undefined ? {} : { nonce: params.nonce }),
  });
  return { value: token, hash, link: `${request.issuer}passwordless/verify_redirect?${query.toString()}` };
}

/**
 * The secret and link of a passwordless link start (docs/spec.md §5.11). `link`: a 256-bit token bound
 * to the client and its parameters, redeemed at `/passwordless/verify_redirect`. `link_ios` /
 * `link_android`: a code (redeemable like any code, e.g. at `/oauth/ro`) inside the app link Auth0's
 * Lock opens, `{issuer}ios/{app_bundle_identifier}/{strategy}?code=…` or
 * `{issuer}android/{app_package_name}/{strategy}?code=…`; the client must name its app (`mobile`).
 *
 * @example const secret = await prepareMagicLink(codeKey, deps.random, { issuer, client, connection: 'email', strategy: 'email', recipient, send: 'link', params, length: 6 });
 */
export async function prepareMagicLink(codeKey: CryptoKey, random: Random, request: MagicLinkRequest): Promise<Result<PreparedSecret, OAuthError>> {
  if (request.send === 'link') {
    if (!request.params) throw new Error('a web link needs its authentication parameters');
    return ok(await webLink(codeKey, random, request, request.params));
  }
  const app = request.send === 'link_ios' ? request.client.mobile?.ios?.app_bundle_identifier : request.client.mobile?.android?.app_package_name;
  if (app === undefined) {
    const key = request.send === 'link_ios' ? 'mobile.ios.app_bundle_identifier' : 'mobile.android.app_package_name';
    return err(oauthError('bad_request', `send=${request.send} needs the client's ${key}`));
  }
  const code = generateCode(random, request.length);
  const hash = await hashCode(codeKey, request.connection, request.recipient, code);
  const platform = request.send === 'link_ios' ? 'ios' : 'android';
  // Auth0's app links, as the SDKs that open them read them: Lock.Android's passwordless magic-link
  // guide (auth0/docs articles/libraries/lock-android/passwordless-magic-link.md and v2/) registers intent
  // filters with `pathPrefix="/android/{YOUR_APP_PACKAGE_NAME}/email"` and `…/sms` — the strategy,
  // lower-case, whatever the connection is called — and its PasswordlessLockActivity.onNewIntent
  // reads only `getQueryParameter("code")`; Lock.swift's PasswordlessActivity.continueAuth accepts a
  // universal link whose path contains the bundle identifier (compared lower-cased) and reads only
  // the `code` query item (the recipient is the one the app asked for). So no other parameter: the
  // recipient's address stays out of the link. Android's pathPrefix is case-sensitive: the package
  // name goes in as configured.
  const link = `${request.issuer}${platform}/${encodeURIComponent(app)}/${request.strategy}?code=${code}`;
  return ok({ value: code, hash, link });
}
