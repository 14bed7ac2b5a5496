import { serve } from '@hono/node-server';
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3003);
const hostname = process.env.HOST ?? '127.0.0.1';
const { app } = await createApp({ issuer: `http://${hostname}:${port}/` });
serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`example-hono listening on http://${hostname}:${info.port}`);
  console.log('sign up: POST /dbconnections/signup, log in: POST /oauth/ro (client_id notes-app), then GET /api/notes');
});
