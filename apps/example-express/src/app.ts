import { createArgon2Hasher } from '@oauth-ro/argon2';
import { createOAuthRo, normalizeConfig, systemClock, webCryptoRandom, type Logger, type OAuthRo } from '@oauth-ro/core';
import { oauthRoRouter, requireAuth } from '@oauth-ro/express';
import { createMemoryStores } from '@oauth-ro/store-memory';
import express, { type Express } from 'express';

/**
 * An existing Express app (a tiny notes service) with oauth-ro added: the endpoints Auth0's legacy
 * clients call are mounted with one `app.use`, and `GET /api/notes` accepts only tokens they issued.
 *
 * `logger` (optional) receives oauth-ro's log lines and its audit events (`{ audit: {…} }`).
 *
 * @example
 * const { app } = await createApp({ issuer: 'http://localhost:3001/' });
 * app.listen(3001);
 */
export async function createApp(options: { issuer: string; logger?: Logger }): Promise<{ app: Express; oauthRo: OAuthRo }> {
  const app = express();
  app.use(express.json()); // the app's own body parser; oauth-ro copes with it (and with forms)
  app.get('/', (_req, res) => {
    res.type('text').send('notes service: GET /api/notes with a bearer token from POST /oauth/ro\n');
  });

  // --- oauth-ro: a configuration in Auth0's Management API shape, the stores, and one app.use ---
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
  app.use(oauthRoRouter(oauthRo));
  // --- end of oauth-ro ---

  const notes = new Map<string, string[]>();
  app.get('/api/notes', requireAuth(oauthRo), (req, res) => {
    const owner = req.auth!.sub;
    res.json({ owner, notes: notes.get(owner) ?? [] });
  });
  app.post('/api/notes', requireAuth(oauthRo), (req, res) => {
    const owner = req.auth!.sub;
    const { text } = (req.body ?? {}) as { text?: unknown };
    notes.set(owner, [...(notes.get(owner) ?? []), typeof text === 'string' ? text : '']);
    res.status(201).json({ owner, notes: notes.get(owner) });
  });
  return { app, oauthRo };
}
