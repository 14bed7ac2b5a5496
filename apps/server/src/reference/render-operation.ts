import type { JsonSchema, MediaTypeObject, OperationObject, ResponseObject } from '@oauth-ro/core/openapi';
import { anchorId, escapeHtml } from './escape-html.js';
import { renderSchema, schemaLink, typeSummary } from './render-schema.js';
import { renderText } from './render-text.js';

function renderExamples(media: MediaTypeObject): string {
  return Object.entries(media.examples ?? {})
    .map(([name, example]) => {
      const value = typeof example.value === 'string' ? example.value : JSON.stringify(example.value, null, 2);
      const title = example.summary ?? (name === 'default' ? 'example' : name);
      return `<div class="example"><div class="example-title">${escapeHtml(title)}</div><pre>${escapeHtml(value)}</pre></div>`;
    })
    .join('');
}

/** Component schemas by name, so a body or response that is one `$ref` shows its fields in place. */
type Schemas = Readonly<Record<string, JsonSchema>>;
const REF = '#/components/schemas/';

function renderBodySchema(schema: JsonSchema, schemas: Schemas): string {
  const ref = typeof schema.$ref === 'string' && schema.$ref.startsWith(REF) ? schema.$ref.slice(REF.length) : undefined;
  const target = ref === undefined ? undefined : schemas[ref];
  return ref !== undefined && target ? `<p class="type">${schemaLink(ref)}</p>${renderSchema(target)}` : renderSchema(schema);
}

function renderContent(content: Readonly<Record<string, MediaTypeObject>>, schemas: Schemas): string {
  return Object.entries(content)
    .map(([type, media]) => `<div class="media"><div class="media-type"><code>${escapeHtml(type)}</code></div>${renderBodySchema(media.schema, schemas)}${renderExamples(media)}</div>`)
    .join('');
}

function renderResponse(status: string, response: ResponseObject, schemas: Schemas): string {
  const headers = Object.entries(response.headers ?? {})
    .map(([name, h]) => `<li><code>${escapeHtml(name)}</code>: ${typeSummary(h.schema)}${h.required ? ' (always)' : ''} — ${escapeHtml(h.description)}</li>`)
    .join('');
  return (
    `<div class="response"><h4><span class="status s${escapeHtml(status.charAt(0))}">${escapeHtml(status)}</span></h4>` +
    renderText(response.description) +
    (headers ? `<p>Headers:</p><ul>${headers}</ul>` : '') +
    (response.content ? renderContent(response.content, schemas) : '<p class="type">no body</p>') +
    '</div>'
  );
}

/**
 * One operation as an HTML section: method and path, summary, description, security, parameters,
 * request body (each media type, schema and example) and every response.
 *
 * @example renderOperation('post', '/oauth/ro', doc.paths['/oauth/ro'].post, doc.components.schemas);
 */
export function renderOperation(method: string, path: string, op: OperationObject, schemas: Schemas = {}): string {
  const security = (op.security ?? [])
    .map((req) => Object.keys(req))
    .map((names) => (names.length === 0 ? 'none' : names.map((n) => `<a href="#security-${anchorId(n)}">${escapeHtml(n)}</a>`).join(' + ')))
    .join(' or ');
  const parameters = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${typeSummary(p.schema)}</td><td>${p.required ? 'yes' : ''}</td><td>${renderText(p.description)}</td></tr>`,
    )
    .join('');
  const body = op.requestBody
    ? `<h3>Request body</h3>${op.requestBody.description ? renderText(op.requestBody.description) : ''}${renderContent(op.requestBody.content, schemas)}`
    : '';
  return (
    `<section class="operation" id="op-${anchorId(op.operationId)}">` +
    `<h2><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>` +
    `<p class="summary">${escapeHtml(op.summary)}</p>` +
    renderText(op.description) +
    (security ? `<p>Authorization: ${security}</p>` : '') +
    (parameters
      ? `<h3>Parameters</h3><table><thead><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>description</th></tr></thead><tbody>${parameters}</tbody></table>`
      : '') +
    body +
    `<h3>Responses</h3>${Object.entries(op.responses)
      .map(([status, response]) => renderResponse(status, response, schemas))
      .join('')}` +
    '</section>'
  );
}
