import { describe, expect, it } from 'vitest';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok } from '../util/result.js';
import { loginEvent, loginFailureType } from './login-event.js';

const origin = { ip: '203.0.113.7', client_id: 'app', connection: 'Username-Password-Authentication', strategy: 'auth0', user_name: 'a@example.com' };
const user = { user_id: 'auth0|5f8a', connection: 'Username-Password-Authentication', strategy: 'auth0', blocked: false, profile: {}, created_at: '', updated_at: '' } as UserRecord;

describe('loginFailureType', () => {
  it.each<[OAuthError, string | undefined, string]>([
    [oauthError('invalid_user_password'), 'auth0', 'fp'],
    [{ ...oauthError('invalid_user_password'), unknownUser: true }, 'auth0', 'fu'],
    [oauthError('invalid_user_password'), 'ad', 'fp'],
    [{ ...oauthError('invalid_user_password'), unknownUser: true }, 'ad', 'fu'],
    [{ ...oauthError('invalid_user_password'), unknownUser: true }, 'waad', 'fu'],
    [oauthError('too_many_attempts'), 'auth0', 'limit_wc'],
    [oauthError('too_many_requests'), 'ad', 'limit_mu'],
    [oauthError('temporarily_unavailable'), 'ad', 'fc'],
    [oauthError('temporarily_unavailable'), 'auth0', 'f'],
    [oauthError('unauthorized', 'user is blocked'), 'auth0', 'f'],
    [oauthError('invalid_passwordless_code'), 'sms', 'f'],
    [oauthError('unauthorized_client'), undefined, 'f'],
  ])('%o on %s is %s', (error, strategy, type) => {
    expect(loginFailureType(error, strategy)).toBe(type);
  });
});

describe('loginEvent', () => {
  it('a success names the user', () => {
    expect(loginEvent(origin, ok(user))).toEqual({ type: 's', ...origin, user_id: 'auth0|5f8a', description: 'Successful login' });
  });

  it('a failure carries the wire description and the error code, and nothing of the error beyond them', () => {
    const event = loginEvent(origin, err({ ...oauthError('invalid_user_password'), unknownUser: true }));
    expect(event).toEqual({ type: 'fu', ...origin, description: 'Wrong email or password.', details: { error: 'invalid_user_password' } });
  });
});
