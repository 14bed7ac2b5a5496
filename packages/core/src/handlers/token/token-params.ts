import type { OAuthError } from '../../errors/oauth-error.js';
import type { BodyParams } from '../../http/parse-body.js';
import type { Result } from '../../util/result.js';
import { readStringParams } from '../../validation/read-params.js';
import { inSyncSpan } from '../../tracing/tracer.js';

const PARAMS = [
  'grant_type',
  'client_id',
  'client_secret',
  'refresh_token',
  'scope',
  'audience',
  'username',
  'password',
  'realm',
  'otp',
  'device',
  'subject_token',
  'subject_token_type',
  'user_profile',
  'mfa_token',
] as const;

/** The string parameters `/oauth/token` reads; each grant uses its own. */
export type TokenParams = Partial<Record<(typeof PARAMS)[number], string>>;

/**
 * Reads every parameter `/oauth/token` knows from an untrusted body (strings only, length-capped).
 *
 * @example readTokenParams({ grant_type: 'password', username: 'a@b.c', password: 'x' });
 */
export function readTokenParams(body: BodyParams): Result<TokenParams, OAuthError> {
  return inSyncSpan('validate', {}, () => readStringParams(body, PARAMS, { password: 1024, subject_token: 8192, user_profile: 8192, mfa_token: 4096 }));
}
