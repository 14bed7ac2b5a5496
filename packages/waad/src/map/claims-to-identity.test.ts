import { describe, expect, it } from 'vitest';
import { claimsToIdentity } from './claims-to-identity.js';

describe('claimsToIdentity', () => {
  it('uses oid as id and maps the profile claims', () => {
    const identity = claimsToIdentity({
      oid: '11111111-2222-3333-4444-555555555555',
      tid: 'tenant-guid',
      sub: 'pairwise',
      preferred_username: 'jdoe@contoso.com',
      name: 'Jane Doe',
      email: 'jane@contoso.com',
      groups: ['g1', 'g2'],
    });
    expect(identity).toEqual({
      id: '11111111-2222-3333-4444-555555555555',
      email: 'jane@contoso.com',
      username: 'jdoe@contoso.com',
      profile: { name: 'Jane Doe', upn: 'jdoe@contoso.com', oid: '11111111-2222-3333-4444-555555555555', tenantid: 'tenant-guid', groups: ['g1', 'g2'] },
    });
  });

  it('takes the UPN as email when there is no email claim, and refuses tokens without oid', () => {
    expect(claimsToIdentity({ oid: 'x', upn: 'jdoe@contoso.com' })?.email).toBe('jdoe@contoso.com');
    expect(claimsToIdentity({ oid: 'x', preferred_username: 'not-an-email' })?.email).toBeUndefined();
    expect(claimsToIdentity({ sub: 'pairwise' })).toBeUndefined();
  });
});
