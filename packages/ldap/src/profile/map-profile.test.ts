import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTRIBUTES } from '../options/parse-attribute-map.js';
import { formatGuid } from './format-id.js';
import { mapProfile, requestedAttributes } from './map-profile.js';
import { rdnValue } from './rdn-value.js';

describe('formatGuid', () => {
  it('formats objectGUID the way Windows shows it (first three fields little-endian)', () => {
    // [guid]'d87fc4bc-18d4-4b08-828d-3facb31d134d' as bytes, base64 as ldapsearch prints it.
    expect(formatGuid(Buffer.from('vMR/2NQYCEuCjT+ssx0TTQ==', 'base64'))).toBe('d87fc4bc-18d4-4b08-828d-3facb31d134d');
  });
});

describe('rdnValue', () => {
  it.each([
    ['CN=Domain Users,CN=Users,DC=corp,DC=example,DC=com', 'Domain Users'],
    ['CN=Sales\\, EMEA,OU=Groups,DC=corp', 'Sales, EMEA'],
    ['cn=caf\\C3\\A9,ou=groups,dc=example,dc=org', 'café'],
    ['cn=a+sn=b,dc=x', 'a'],
  ])('%s → %s', (dn, name) => {
    expect(rdnValue(dn)).toBe(name);
  });
});

describe('mapProfile', () => {
  const guid = Buffer.from('vMR/2NQYCEuCjT+ssx0TTQ==', 'base64');

  it("builds Auth0's AD profile from an AD entry", () => {
    const identity = mapProfile(
      {
        dn: 'CN=John Doe,CN=Users,DC=corp,DC=example,DC=com',
        objectGUID: guid,
        sAMAccountName: 'jdoe',
        userPrincipalName: 'jdoe@corp.example.com',
        mail: 'John.Doe@corp.example.com',
        displayName: 'John Doe',
        givenName: 'John',
        sn: 'Doe',
        memberOf: ['CN=Staff,OU=Groups,DC=corp,DC=example,DC=com', 'CN=Engineering,OU=Groups,DC=corp,DC=example,DC=com'],
      },
      DEFAULT_ATTRIBUTES,
    );
    expect(identity).toEqual({
      id: 'd87fc4bc-18d4-4b08-828d-3facb31d134d',
      email: 'John.Doe@corp.example.com',
      username: 'jdoe',
      profile: {
        name: 'John Doe',
        given_name: 'John',
        family_name: 'Doe',
        nickname: 'jdoe',
        upn: 'jdoe@corp.example.com',
        email: 'John.Doe@corp.example.com',
        groups: ['Engineering', 'Staff'],
        dn: 'CN=John Doe,CN=Users,DC=corp,DC=example,DC=com',
      },
    });
  });

  it('uses entryUUID, uid and cn on OpenLDAP, whatever case the server answers in', () => {
    const identity = mapProfile({ dn: 'uid=ann,ou=people,dc=example,dc=org', entryuuid: 'f1b2…', UID: 'ann', cn: 'Ann' }, DEFAULT_ATTRIBUTES);
    expect(identity).toMatchObject({ id: 'f1b2…', username: 'ann', profile: { name: 'Ann', nickname: 'ann', groups: [] } });
  });

  it('has no identity without an id attribute', () => {
    expect(mapProfile({ dn: 'cn=x', cn: 'x' }, DEFAULT_ATTRIBUTES)).toBeUndefined();
  });

  it('applies extra mapped fields and prefers nested groups when given', () => {
    const map = { ...DEFAULT_ATTRIBUTES, extra: { department: 'department' } };
    expect(requestedAttributes(map)).toContain('department');
    const identity = mapProfile({ dn: 'cn=x', objectGUID: guid, department: 'R&D', memberOf: 'CN=Direct,DC=x' }, map, ['Outer', 'Direct']);
    expect(identity?.profile).toMatchObject({ department: 'R&D', groups: ['Direct', 'Outer'] });
  });
});
