import { FilterParser } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { escapeFilterValue, userFilter } from './escape-filter.js';
import { escapeDnValue } from './escape-dn.js';

describe('escapeFilterValue (RFC 4515)', () => {
  it.each([
    ['*', '\\2a'],
    ['jdoe)(uid=*', 'jdoe\\29\\28uid=\\2a'],
    ['a\\b', 'a\\5cb'],
    ['nul\0x', 'nul\\00x'],
    ['*)(|(objectClass=*', '\\2a\\29\\28|\\28objectClass=\\2a'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeFilterValue(raw)).toBe(escaped);
  });

  it('leaves UTF-8 as it is, so the parsed filter keeps the exact characters', () => {
    const filter = userFilter('(uid={0})', 'zoë*');
    expect(filter).toBe('(uid=zoë\\2a)');
    expect(FilterParser.parseString(filter).toString()).toContain('zoë');
  });

  it('fills every {0} and parses to one equality filter whatever the input', () => {
    for (const hostile of ['*', ')(uid=*', '\\00', 'x)(|(uid=*))(', '\0']) {
      const filter = userFilter('(|(sAMAccountName={0})(userPrincipalName={0}))', hostile);
      const parsed = FilterParser.parseString(filter);
      expect(parsed.toString().match(/\(\w+=/g)).toHaveLength(2);
    }
  });

  it('does not treat $& in a login name as a replacement pattern', () => {
    expect(userFilter('(uid={0})', "$&$'")).toBe("(uid=$&$')");
  });
});

describe('escapeDnValue (RFC 4514)', () => {
  it.each([
    ['Doe, John', 'Doe\\, John'],
    ['a+b=c', 'a\\+b\\=c'],
    [' lead', '\\ lead'],
    ['#hash', '\\#hash'],
    ['trail ', 'trail\\ '],
    ['q"<>;\\', 'q\\"\\<\\>\\;\\\\'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeDnValue(raw)).toBe(escaped);
  });
});
