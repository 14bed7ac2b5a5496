import { describe, expect, it } from 'vitest';
import { aadstsCode, mapAadError } from './map-aad-error.js';

describe('mapAadError', () => {
  it.each([
    [50126, 'invalid_user_password', undefined],
    [50034, 'invalid_user_password', undefined],
    [50057, 'unauthorized', 'user account is disabled'],
    [50053, 'unauthorized', 'user account is locked'],
    [50055, 'unauthorized', 'password has expired'],
    [50076, 'unauthorized', 'multi-factor authentication is required'],
    [50079, 'unauthorized', 'multi-factor authentication enrollment is required'],
  ])('AADSTS%i → %s', (code, expected, description) => {
    const mapped = mapAadError({ error: 'invalid_grant', error_codes: [code] }, 'contoso');
    expect(mapped.code).toBe(expected);
    expect(mapped.description).toBe(description);
  });

  it('marks AADSTS50034 (no such user) as an unknown user for the audit log, and only that code', () => {
    expect(mapAadError({ error: 'invalid_grant', error_codes: [50034] }, 'contoso')).toEqual({ code: 'invalid_user_password', unknownUser: true });
    expect(mapAadError({ error: 'invalid_grant', error_description: 'AADSTS50034: The user account does not exist.' }, 'contoso').unknownUser).toBe(true);
    expect(mapAadError({ error: 'invalid_grant', error_codes: [50126] }, 'contoso')).toEqual({ code: 'invalid_user_password' });
  });

  it('answers 503 naming the connection and the code for refusals the user did not cause', () => {
    const mapped = mapAadError({ error: 'invalid_client', error_codes: [7000215] }, 'contoso');
    expect(mapped).toEqual({ code: 'temporarily_unavailable', description: 'the Azure AD tenant of connection contoso refused the login (AADSTS7000215)' });
  });

  it('falls back to the AADSTS prefix of error_description when error_codes is missing', () => {
    expect(aadstsCode({ error: 'invalid_grant', error_description: 'AADSTS50057: The user account is disabled.' })).toBe(50057);
    expect(aadstsCode({ error: 'invalid_grant' })).toBeUndefined();
  });
});
