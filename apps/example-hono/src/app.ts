import { createArgon2Hasher } from '@oauth-ro/argon2';
import { createOAuthRo, normalizeConfig, systemClock, webCryptoRandom, type Logger, type OAuthRo } from '@oauth-ro/core';
import { oauthRoApp, requireAuth, type OAuthRoVariables } from '@oauth-ro/hono';
import { createMemoryStores } from '@oauth-ro/store-memory';
import { Hono } from 'hono';

/**
 * An existing Hono app (a tiny notes service) with oauth-ro added: its endpoints are mounted with
 * one `app.route`, and `requireAuth` guards the app's own routes with the tokens it issues.
 *
 * `logger` (optional) receives oauth-ro's log lines and its audit events (`{ audit: {…} }`).
 *
 * @example
 * const { app } = await createApp({ issuer: 'http://localhost:3003/' });
 * serve({ fetch: app.fetch, port: 3003 });
 */
export async function createApp(options: { issuer: string; logger?: Logger }): Promise<{ app: Hono<{ Variables: OAuthRoVariables }>; oauthRo: OAuthRo }> {
  const app = new Hono<{ Variables: OAuthRoVariables }>();
  app.get('/', (c) => c.text('notes service: GET /api/notes with a bearer token from POST /oauth/ro\n'));

  // --- oauth-ro: a configuration in Auth0's Management API shape, the stores, and one app.route ---
  const oauthRo = await createOAuthRo({
    config: normalizeConfig({
      issuer: options.issuer,
      clients: [{ client_id: 'notes-app', name: 'Notes app' }],
      connections: [
        { name: 'Username-Password-Authentication', strategy: 'auth0', enabled_clients: ['notes-app'], options: {} },
      ],
    }),
    deps: {
      ...createMemoryStores(),
      hasher: await createArgon2Hasher(),
      clock: systemClock,
      random: webCryptoRandom,
      // Optional: the app's logger, and audit events (Auth0 log types: s, fp, fu, limit_wc, ss…) as log lines.
      ...(options.logger ? { logger: options.logger, audit: { emit: (event) => options.logger!.info({ audit: event }, `audit ${event.type}`) } } : {}),
    },
  });
  app.route('/', oauthRoApp(oauthRo));
  // --- end of oauth-ro ---

  const notes = new Map<string, string[]>();
  app.get('/api/notes', requireAuth(oauthRo), (c) => {
    const owner = c.get('auth').sub;
    return c.json({ owner, notes: notes.get(owner) ?? [] });
  });
  app.post('/api/notes', requireAuth(oauthRo), async (c) => {
    const owner = c.get('auth').sub;
    const body = (await c.req.json().catch(() => ({}))) as { text?: unknown };
    notes.set(owner, [...(notes.get(owner) ?? []), typeof body.text === 'string' ? body.text : '']);
    return c.json({ owner, notes: notes.get(owner) }, 201);
  });
  return { app, oauthRo };
}
