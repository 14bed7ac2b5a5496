import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { normalizeConfig } from './normalize-config.js';

const config = (client: Record<string, unknown>) => ({ issuer: 'https://auth.example.com/', clients: [{ client_id: 'spa', ...client }], connections: [] });

function problem(client: Record<string, unknown>): string {
  try {
    normalizeConfig(config(client));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('normalizeConfig: browser URLs of clients', () => {
  it('keeps allowed_origins, web_origins, callbacks and allowed_logout_urls (trimmed)', () => {
    const { clients } = normalizeConfig(
      config({
        allowed_origins: [' https://app.example.com '],
        web_origins: ['https://*.example.com'],
        callbacks: ['https://app.example.com/cb', 'com.example.app://cb'],
        allowed_logout_urls: ['https://app.example.com/bye'],
      }),
    );
    expect(clients[0]).toMatchObject({
      allowed_origins: ['https://app.example.com'],
      web_origins: ['https://*.example.com'],
      callbacks: ['https://app.example.com/cb', 'com.example.app://cb'],
      allowed_logout_urls: ['https://app.example.com/bye'],
    });
  });

  it('names the path of a bad entry', () => {
    expect(problem({ allowed_origins: 'https://app.example.com' })).toBe('clients[0].allowed_origins: must be an array of strings');
    expect(problem({ allowed_origins: ['https://app.example.com', 'file://*'] })).toBe('clients[0].allowed_origins[1]: "file://*" must be an http or https origin');
    expect(problem({ web_origins: ['*'] })).toMatch(/^clients\[0\]\.web_origins\[0\]: "\*" /);
    expect(problem({ callbacks: ['/relative'] })).toBe('clients[0].callbacks[0]: "/relative" is not an absolute URL');
    expect(problem({ allowed_logout_urls: [42] })).toBe('clients[0].allowed_logout_urls[0]: must be a non-empty string');
  });
});
