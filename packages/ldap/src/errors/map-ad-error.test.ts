import { errorWire } from '@oauth-ro/core/ports';
import { InvalidCredentialsError, StrongAuthRequiredError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { adDataCode, mapAdError } from './map-ad-error.js';

const adMessage = (data: string) => `80090308: LdapErr: DSID-0C09030B, comment: AcceptSecurityContext error, data ${data}, v4563`;

describe('mapAdError', () => {
  it.each([
    ['525', 401, 'invalid_user_password', 'Wrong email or password.'],
    ['52e', 401, 'invalid_user_password', 'Wrong email or password.'],
    ['530', 401, 'unauthorized', 'logon is not permitted at this time'],
    ['531', 401, 'unauthorized', 'logon is not permitted from this workstation'],
    ['532', 401, 'unauthorized', 'password has expired'],
    ['533', 401, 'unauthorized', 'account is disabled'],
    ['701', 401, 'unauthorized', 'account has expired'],
    ['773', 401, 'unauthorized', 'password must be changed before logging on'],
    ['775', 401, 'unauthorized', 'account is locked'],
    ['52E', 401, 'invalid_user_password', 'Wrong email or password.'],
  ])('AD data %s → %i %s', (data, status, error, description) => {
    const wire = errorWire(mapAdError(new InvalidCredentialsError(adMessage(data)), 'corp'));
    expect(wire).toEqual({ status, body: { error, error_description: description } });
  });

  it('only data 525 (no such user) is marked unknownUser, for an fu audit event', () => {
    expect(mapAdError(new InvalidCredentialsError(adMessage('525')), 'corp')).toEqual({ code: 'invalid_user_password', unknownUser: true });
    expect(mapAdError(new InvalidCredentialsError(adMessage('52e')), 'corp')).toEqual({ code: 'invalid_user_password' });
    expect(mapAdError(new InvalidCredentialsError(), 'corp')).toEqual({ code: 'invalid_user_password' });
  });

  it('a plain invalidCredentials (OpenLDAP, no data code) is a wrong password', () => {
    expect(mapAdError(new InvalidCredentialsError(), 'corp').code).toBe('invalid_user_password');
  });

  it('an unknown data code is a wrong password, never a state it cannot name', () => {
    expect(mapAdError(new InvalidCredentialsError(adMessage('56')), 'corp').code).toBe('invalid_user_password');
  });

  it.each([
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:389'), { code: 'ECONNREFUSED' })],
    ['timed out', new Error('BindRequest: Operation timed out')],
    ['TLS', new Error('unable to verify the first certificate')],
    ['another LDAP result', new StrongAuthRequiredError('00002028: LdapErr: strong auth required')],
  ])('%s → 503 naming the connection', (_, error) => {
    const wire = errorWire(mapAdError(error, 'corp'));
    expect(wire.status).toBe(503);
    expect(wire.body).toEqual({ error: 'temporarily_unavailable', error_description: 'connection corp: the directory is unreachable' });
  });

  it('reads the data code out of the diagnostic message', () => {
    expect(adDataCode(adMessage('775'))).toBe('775');
    expect(adDataCode('Invalid credentials')).toBeUndefined();
  });
});
