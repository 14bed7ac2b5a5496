import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3002);
const host = process.env.HOST ?? '127.0.0.1';
const app = await createApp({ issuer: `http://${host}:${port}/`, logger: true });
await app.listen({ port, host });
console.log('sign up: POST /dbconnections/signup, log in: POST /oauth/ro (client_id notes-app), then GET /api/notes');
