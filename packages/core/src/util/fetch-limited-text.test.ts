import { describe, expect, it } from 'vitest';
import { fetchLimitedText } from './fetch-limited-text.js';

const limits = { timeoutMs: 5_000, maxBytes: 16 };

describe('fetchLimitedText', () => {
  it('returns the status, headers and text of an answer within the cap', async () => {
    const reply = await fetchLimitedText('data:text/plain,hello', { method: 'GET' }, limits);
    expect(reply).toMatchObject({ kind: 'reply', status: 200, text: 'hello' });
    expect(reply.kind === 'reply' && reply.headers.get('content-type')).toBe('text/plain');
  });

  it('refuses an answer larger than maxBytes instead of buffering it', async () => {
    const reply = await fetchLimitedText(`data:text/plain,${'x'.repeat(17)}`, { method: 'GET' }, limits);
    expect(reply).toEqual({ kind: 'unreachable', reason: 'the answer was too large' });
  });

  it('keeps a leading byte-order mark in the text', async () => {
    const reply = await fetchLimitedText('data:text/plain,%EF%BB%BFx', { method: 'GET' }, limits);
    expect(reply).toMatchObject({ kind: 'reply', text: '\uFEFFx' });
  });

  it('reports a refused connection as unreachable, not as a throw', async () => {
    const reply = await fetchLimitedText('http://127.0.0.1:1/', { method: 'GET' }, limits);
    expect(reply).toEqual({ kind: 'unreachable', reason: 'connection failed' });
  });
});
