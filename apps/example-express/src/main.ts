import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';
const { app } = await createApp({ issuer: `http://${host}:${port}/` });
app.listen(port, host, () => {
  console.log(`example-express listening on http://${host}:${port}`);
  console.log('sign up: POST /dbconnections/signup, log in: POST /oauth/ro (client_id notes-app), then GET /api/notes');
});
