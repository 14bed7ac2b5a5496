import { describe, expect, it } from 'vitest';
import { originMatches, parseOriginPattern, type OriginPattern } from './origin-pattern.js';

function pattern(text: string): OriginPattern {
  const parsed = parseOriginPattern(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe('parseOriginPattern / originMatches', () => {
  it('matches an exact origin only: scheme, host and port, as browsers serialise it', () => {
    const p = pattern('https://App.Example.com/some/path');
    expect(originMatches(p, 'https://app.example.com')).toBe(true);
    for (const origin of ['http://app.example.com', 'https://app.example.com:444', 'https://app.example.com/', 'https://APP.example.com', 'https://app.example.com.evil.example', 'https://evilapp.example.com', 'null', '', 'app.example.com']) {
      expect(originMatches(p, origin), origin).toBe(false);
    }
    expect(originMatches(pattern('http://localhost:3000'), 'http://localhost:3000')).toBe(true);
    expect(originMatches(pattern('https://app.example.com:443'), 'https://app.example.com')).toBe(true);
  });

  it('lets a leading *. label stand for exactly one label', () => {
    const p = pattern('https://*.example.com');
    expect(originMatches(p, 'https://shop.example.com')).toBe(true);
    for (const origin of ['https://example.com', 'https://a.b.example.com', 'https://shop.example.com.evil.example', 'http://shop.example.com', 'https://shopexample.com']) {
      expect(originMatches(p, origin), origin).toBe(false);
    }
  });

  it('refuses what cannot be a browser origin', () => {
    for (const text of ['file://*', '*', 'https://*', 'https://*.com', 'https://app.*.example.com', 'https://a*b.example.com', 'https://user:pw@app.example.com', 'app.example.com', 'chrome-extension://abc']) {
      expect(parseOriginPattern(text).ok, text).toBe(false);
    }
  });
});
