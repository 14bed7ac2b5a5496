import { describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../errors/error-table.js';
import { ROUTE_PATHS } from '../handlers/routes.js';
import { openApiDocument } from './openapi-document.js';

const doc = openApiDocument({ issuer: 'https://auth.example.com/' });
/** Core's `:id` route syntax in OpenAPI's `{id}`. */
const asTemplate = (route: string) => route.replace(/:(\w+)/g, '{$1}');

describe('openApiDocument', () => {
  it('documents every route core answers, and no path core does not answer', () => {
    const documented = Object.keys(doc.paths).sort();
    expect(documented).toEqual(ROUTE_PATHS.map(asTemplate).sort());
  });

  it('adds the standalone server’s own routes only when asked', () => {
    const server = openApiDocument({ issuer: 'https://auth.example.com/', standalone: true });
    expect(Object.keys(server.paths)).toEqual(expect.arrayContaining(['/openapi.json', '/docs']));
    expect(Object.keys(doc.paths)).not.toContain('/openapi.json');
    // Readiness is core's now (deps.readiness): every embedder answers /health?ready and /health/ready.
    for (const d of [server, doc]) expect(d.paths['/health/ready']?.get?.responses['503']).toBeDefined();
  });

  it('gives every operation an id, a success answer (a 302 for a redirect-only route) and JSON errors of the error table', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(ids.has(op!.operationId), `${method} ${path}`).toBe(false);
        ids.add(op!.operationId);
        const statuses = Object.keys(op!.responses);
        expect(statuses.some((s) => s.startsWith('2') || s === '302'), `${method} ${path}`).toBe(true);
        for (const status of statuses.filter((s) => Number(s) >= 400)) {
          const content = op!.responses[status]!.content;
          // The account pages (reset form, verification link) answer their errors as HTML pages.
          if (content?.['text/html']) continue;
          const schema = content?.['application/json']?.schema as { properties?: { error?: { enum?: string[] } }; anyOf?: { properties?: { error?: { enum?: string[] } } }[] };
          for (const error of [...(schema.properties?.error?.enum ?? []), ...(schema.anyOf ?? []).flatMap((s) => s.properties?.error?.enum ?? [])]) {
            const known = Object.values(ERROR_TABLE).some((e) => e.error === error && String(e.status) === status);
            expect(known, `${method} ${path} ${status} ${error}`).toBe(true);
          }
        }
      }
    }
  });

  it('documents the contract’s statuses of POST /oauth/ro, with Retry-After on 429 and 503', () => {
    const responses = doc.paths['/oauth/ro']!.post!.responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '403', '413', '415', '429', '431', '500', '503']);
    expect(responses['429']!.headers?.['Retry-After']).toBeDefined();
    expect(responses['503']!.headers?.['Retry-After']).toBeDefined();
  });

  it('is plain JSON data, and points its server at the issuer', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(doc.servers).toEqual([{ url: 'https://auth.example.com' }]);
  });
});
