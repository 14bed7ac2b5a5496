import { describe, expect, it } from 'vitest';
import { endsWithRoute } from './routes.js';

describe('endsWithRoute', () => {
  it('matches routes under any mount prefix, including parameter segments', () => {
    expect(endsWithRoute('/oauth/ro')).toBe(true);
    expect(endsWithRoute('/auth/oauth/ro/')).toBe(true);
    expect(endsWithRoute('/auth/api/v2/device-credentials/abc')).toBe(true);
    expect(endsWithRoute('/api/v2/device-credentials/')).toBe(true);
    expect(endsWithRoute('/api/v2/device-credentials/a/b')).toBe(false);
    expect(endsWithRoute('/other')).toBe(false);
  });
});
