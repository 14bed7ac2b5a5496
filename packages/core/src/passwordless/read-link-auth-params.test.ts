import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../config/types.js';
import { linkBinding, readLinkAuthParams } from './read-link-auth-params.js';

const client: ClientConfig = {
  client_id: 'spa',
  jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 3600, secret_encoded: false },
  callbacks: ['https://app.example.com/cb', 'com.example.app://callback'],
};

describe('readLinkAuthParams', () => {
  it('applies the defaults: the first callback, token, openid', () => {
    expect(readLinkAuthParams({}, client, 'bad_request')).toEqual({ ok: true, value: { redirect_uri: 'https://app.example.com/cb', response_type: 'token', scope: 'openid' } });
  });

  it('normalises the response type word order and the scope spacing, and keeps state and nonce', () => {
    const read = readLinkAuthParams({ response_type: 'token  id_token', scope: ' openid   email ', state: 's', nonce: 'n', redirect_uri: 'com.example.app://callback' }, client, 'bad_request');
    expect(read).toEqual({ ok: true, value: { redirect_uri: 'com.example.app://callback', response_type: 'id_token token', scope: 'openid email', state: 's', nonce: 'n' } });
  });

  it.each([
    [{ response_type: 'code' }, 'unsupported_response_type'],
    [{ response_type: 'code token' }, 'unsupported_response_type'],
    [{ response_type: 'token token2' }, 'unsupported_response_type'],
    [{ redirect_uri: 'https://evil.example.net/cb' }, 'callback_mismatch'],
    [{ redirect_uri: 'https://app.example.com/cb#frag' }, 'callback_mismatch'],
    [{ redirect_uri: 'https://app.example.com/cb/../cb2' }, 'callback_mismatch'],
    [{ redirect_uri: 'https://app.example.com.evil.net/cb' }, 'callback_mismatch'],
    [{ response_mode: 'form_post' }, 'bad_request'],
    [{ state: 7 }, 'bad_request'],
    [{ nonce: 'x'.repeat(513) }, 'bad_request'],
  ])('refuses %j with %s', (raw, code) => {
    const read = readLinkAuthParams(raw as Record<string, unknown>, client, 'bad_request');
    expect(read.ok ? undefined : read.error.code).toBe(code);
  });

  it('accepts a callback with another query string, as /logout compares URLs', () => {
    expect(readLinkAuthParams({ redirect_uri: 'https://APP.example.com/cb?from=mail' }, client, 'bad_request').ok).toBe(true);
  });

  it('answers the callback as the URL parser serialises it (no control characters)', () => {
    const read = readLinkAuthParams({ redirect_uri: 'https://app.example.com/cb?x=\r\n1' }, client, 'bad_request');
    expect(read.ok && read.value.redirect_uri).toBe('https://app.example.com/cb?x=1');
  });

  it('refuses every redirect for a client without callbacks', () => {
    const { callbacks: _none, ...bare } = client;
    const read = readLinkAuthParams({}, bare, 'bad_request');
    expect(read.ok ? undefined : read.error).toEqual({ code: 'callback_mismatch', description: 'redirect_uri is missing and the client has no callbacks' });
  });

  it('binds every parameter and the client', () => {
    const params = { redirect_uri: 'https://app.example.com/cb', response_type: 'token' as const, scope: 'openid' };
    const bindings = new Set([
      linkBinding('spa', params),
      linkBinding('other', params),
      linkBinding('spa', { ...params, state: 's' }),
      linkBinding('spa', { ...params, nonce: 's' }),
      linkBinding('spa', { ...params, scope: 'openid email' }),
      linkBinding('spa', { ...params, response_type: 'id_token' }),
    ]);
    expect(bindings.size).toBe(6);
  });
});
