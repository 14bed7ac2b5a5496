import { openApiDocument } from '@oauth-ro/core/openapi';
import type { FastifyInstance } from 'fastify';
import { renderReferencePage } from '../reference/render-reference-page.js';

/** The page runs no script and loads nothing: say so to the browser. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves the OpenAPI 3.1 document at `GET /openapi.json` and its rendered reference at `GET /docs`
 * (one self-contained HTML page). Both are built once, for this server's issuer.
 *
 * @example registerApiReference(app, 'https://auth.example.com/');
 */
export function registerApiReference(app: FastifyInstance, issuer: string): void {
  const doc = openApiDocument({ issuer, standalone: true });
  const json = JSON.stringify(doc);
  const html = renderReferencePage(doc);
  app.get('/openapi.json', async (_request, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(json),
  );
  app.get('/docs', async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('content-security-policy', PAGE_POLICY)
      .header('x-content-type-options', 'nosniff')
      .send(html),
  );
}
