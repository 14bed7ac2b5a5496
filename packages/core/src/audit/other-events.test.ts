import { describe, expect, it } from 'vitest';
import { oauthError } from '../errors/oauth-error.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok } from '../util/result.js';
import { codeSentEvent } from './code-sent-event.js';
import { signupEvent } from './signup-event.js';
import { delegationEvent, refreshExchangeEvent, revocationEvent } from './token-events.js';

const origin = { ip: '198.51.100.2', client_id: 'app' };
const user = { user_id: 'auth0|1' } as UserRecord;

describe('the other audit events', () => {
  it('sign-up: ss, limit_mu when the IP is throttled, fs otherwise', () => {
    expect(signupEvent(origin, ok(user))).toMatchObject({ type: 'ss', user_id: 'auth0|1' });
    expect(signupEvent(origin, err(oauthError('too_many_requests')))).toMatchObject({ type: 'limit_mu', details: { error: 'too_many_requests' } });
    expect(signupEvent(origin, err(oauthError('invalid_password')))).toMatchObject({ type: 'fs', details: { error: 'invalid_password' } });
  });

  it('passwordless start: cs for sms, cls for email, api_limit when throttled, fn when the sender failed', () => {
    expect(codeSentEvent(origin, 'sms', ok(undefined)).type).toBe('cs');
    expect(codeSentEvent(origin, 'email', ok(undefined)).type).toBe('cls');
    expect(codeSentEvent(origin, 'sms', err(oauthError('too_many_requests'))).type).toBe('api_limit');
    expect(codeSentEvent(origin, 'sms', err(oauthError('sms_provider_error', 'gateway said 500')))).toMatchObject({
      type: 'fn',
      description: 'gateway said 500',
      details: { error: 'sms_provider_error' },
    });
  });

  it('refresh, delegation and revocation', () => {
    expect(refreshExchangeEvent(origin, ok({ user_id: 'auth0|1' }))).toMatchObject({ type: 'sertft', user_id: 'auth0|1' });
    expect(refreshExchangeEvent(origin, err(oauthError('invalid_refresh_grant'))).type).toBe('fertft');
    expect(delegationEvent(origin, ok({ user_id: 'auth0|1' }), 'other')).toMatchObject({ type: 'sd', details: { target: 'other' } });
    expect(delegationEvent(origin, err(oauthError('invalid_refresh_token'))).type).toBe('fd');
    expect(revocationEvent(origin, 'auth0|1', 2)).toMatchObject({ type: 'srrt', user_id: 'auth0|1', details: { revoked: 2 } });
  });
});
