import { openApiDocument, type OpenApiDocument } from '@oauth-ro/core/openapi';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.js';
import { renderReferencePage } from './render-reference-page.js';
import { renderText } from './render-text.js';

const doc = openApiDocument({ issuer: 'https://auth.example.com/' });

describe('renderReferencePage', () => {
  it('shows each operation with its parameters, body, responses, schemas and examples', () => {
    const html = renderReferencePage(doc);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<span class="method post">POST</span> <code>/oauth/ro</code>');
    expect(html).toContain('<code>application/x-www-form-urlencoded</code>');
    expect(html).toContain('<span class="status s4">429</span>');
    expect(html).toContain('Wrong email or password.');
    expect(html).toContain('id="schema-TokenSet"');
    expect(html).toContain('<code>Retry-After</code>');
    expect(html).toContain('<td><code>identifier</code></td><td>query</td>');
    // A body that is one component shows that component's fields in place.
    const ro = html.slice(html.indexOf('id="op-resourceOwnerLogin"'), html.indexOf('</section>', html.indexOf('id="op-resourceOwnerLogin"')));
    expect(ro).toContain('<td><code>grant_type</code></td>');
  });

  it('escapes every string of the document', () => {
    const hostile = '<script>alert(1)</script>"\'&';
    const evil: OpenApiDocument = {
      ...doc,
      info: { ...doc.info, title: hostile, description: `${hostile} \`${hostile}\`` },
      tags: [{ name: hostile, description: hostile }],
      paths: { [`/x${hostile}`]: { get: { ...doc.paths['/health']!.get!, operationId: hostile, summary: hostile, description: hostile, tags: [hostile] } } },
      components: { ...doc.components, schemas: { [hostile]: { type: 'object', description: hostile, properties: { [hostile]: { const: hostile } } } } },
    };
    const html = renderReferencePage(evil);
    expect(html).not.toContain('<script');
    expect(html).toContain(escapeHtml(hostile));
  });

  it('renders paragraphs, lists and code spans, and nothing else', () => {
    expect(renderText('a `b`\n\n- c\n- <d>')).toBe('<p>a <code>b</code></p><ul><li>c</li><li>&lt;d&gt;</li></ul>');
  });
});
