import { describe, expect, it } from 'vitest';
import { loginName } from './login-name.js';
import { bindName } from './direct-bind.js';

describe('loginName', () => {
  it('keeps sAMAccountName and UPN logins as typed', () => {
    expect(loginName('jdoe', undefined)).toBe('jdoe');
    expect(loginName('jdoe@corp.example.com', 'CORP')).toBe('jdoe@corp.example.com');
  });

  it('strips DOMAIN\\ and checks the domain when one is configured', () => {
    expect(loginName('CORP\\jdoe', undefined)).toBe('jdoe');
    expect(loginName('corp\\jdoe', 'CORP')).toBe('jdoe');
    expect(loginName('CORP\\jdoe', 'corp.example.com')).toBe('jdoe');
    expect(loginName('OTHER\\jdoe', 'CORP')).toBeUndefined();
  });

  it('refuses empty parts and overlong names without asking the directory', () => {
    expect(loginName('', undefined)).toBeUndefined();
    expect(loginName('\\jdoe', undefined)).toBeUndefined();
    expect(loginName('CORP\\', undefined)).toBeUndefined();
    expect(loginName('a'.repeat(513), undefined)).toBeUndefined();
    expect(loginName('jdoe\0', undefined)).toBeUndefined();
    expect(loginName('jdoe\n', undefined)).toBeUndefined();
  });
});

describe('bindName (direct mode)', () => {
  it('binds with the login as typed for {0}', () => {
    expect(bindName('{0}', 'CORP\\jdoe', 'jdoe')).toBe('CORP\\jdoe');
  });
  it('DN-escapes the name in DN templates', () => {
    expect(bindName('uid={0},ou=people,dc=example,dc=org', 'x,ou=admins', 'x,ou=admins')).toBe('uid=x\\,ou\\=admins,ou=people,dc=example,dc=org');
  });
  it('puts the plain name into UPN-style templates', () => {
    expect(bindName('{0}@corp.example.com', 'CORP\\jdoe', 'jdoe')).toBe('jdoe@corp.example.com');
  });
});
