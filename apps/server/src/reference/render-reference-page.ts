import type { HttpMethod, OpenApiDocument, OperationObject } from '@oauth-ro/core/openapi';
import { anchorId, escapeHtml } from './escape-html.js';
import { renderOperation } from './render-operation.js';
import { renderSchema } from './render-schema.js';
import { renderText } from './render-text.js';

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete', 'options'];

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#fff}
nav{position:fixed;top:0;bottom:0;left:0;width:300px;overflow:auto;padding:1rem;background:#f4f6f9;border-right:1px solid #dde2ea;box-sizing:border-box}
nav h2{font-size:.8rem;text-transform:uppercase;color:#5b6478;margin:1rem 0 .3rem}nav ul{list-style:none;margin:0;padding:0}
nav li{margin:.15rem 0;font-size:.85rem}nav a{color:#1d2330;text-decoration:none}
main{margin-left:300px;padding:1rem 2rem;max-width:980px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
pre{background:#f4f6f9;padding:.6rem;overflow:auto;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #dde2ea;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f6f9;font-weight:600}td p{margin:0}
.operation{border-top:2px solid #dde2ea;padding-top:1rem;margin-top:2rem}
.method{display:inline-block;min-width:4.2em;text-align:center;color:#fff;border-radius:3px;padding:0 .4em;font-size:.8em}
.get{background:#2f7d32}.post{background:#1565c0}.put,.patch{background:#8d5b00}.delete{background:#b71c1c}.options{background:#5b6478}
.status{display:inline-block;padding:0 .5em;border-radius:3px;color:#fff}.s2{background:#2f7d32}.s4{background:#8d5b00}.s5{background:#b71c1c}
.summary{font-weight:600}.type{color:#5b6478}.media{margin-left:1rem}.example-title{font-size:.8rem;color:#5b6478}
.response{margin-left:1rem}details summary{cursor:pointer;color:#5b6478;font-size:.85rem}
@media (max-width:800px){nav{position:static;width:auto}main{margin-left:0}}
`;

function operations(doc: OpenApiDocument): { method: HttpMethod; path: string; op: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ method, path, op: item[method] }] : [])),
  );
}

/**
 * The whole API reference as one self-contained HTML page: no script, no external stylesheet,
 * font or image, so it works air-gapped and under a strict Content-Security-Policy. Every string
 * from the document is escaped.
 *
 * @example
 * const html = renderReferencePage(openApiDocument({ issuer, standalone: true }));
 */
export function renderReferencePage(doc: OpenApiDocument): string {
  const all = operations(doc);
  const nav = doc.tags
    .map((tag) => {
      const items = all
        .filter(({ op }) => op.tags.includes(tag.name))
        .map(({ method, path, op }) => `<li><a href="#op-${anchorId(op.operationId)}"><span class="method ${method}">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`)
        .join('');
      return `<h2>${escapeHtml(tag.name)}</h2><ul>${items}</ul>`;
    })
    .join('');
  const body = doc.tags
    .map((tag) => {
      const ops = all.filter(({ op }) => op.tags.includes(tag.name));
      return `<h1 id="tag-${anchorId(tag.name)}">${escapeHtml(tag.name)}</h1>${renderText(tag.description)}${ops.map(({ method, path, op }) => renderOperation(method, path, op, doc.components.schemas)).join('')}`;
    })
    .join('');
  const security = Object.entries(doc.components.securitySchemes)
    .map(([name, s]) => `<h3 id="security-${anchorId(name)}"><code>${escapeHtml(name)}</code> (HTTP ${escapeHtml(s.scheme)})</h3>${renderText(s.description)}`)
    .join('');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, schema]) => `<h3 id="schema-${anchorId(name)}">${escapeHtml(name)}</h3>${typeof schema.description === 'string' ? renderText(schema.description) : ''}${renderSchema(schema)}`)
    .join('');
  const servers = doc.servers.map((s) => `<code>${escapeHtml(s.url)}</code>`).join(', ');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)} — API reference</title><style>${STYLE}</style></head><body>` +
    `<nav><strong>${escapeHtml(doc.info.title)}</strong> ${escapeHtml(doc.info.version)}<p><a href="openapi.json">openapi.json</a></p>${nav}<h2>Reference</h2><ul><li><a href="#security">Authorization</a></li><li><a href="#schemas">Schemas</a></li></ul></nav>` +
    `<main><h1>${escapeHtml(doc.info.title)} API reference</h1><p>Server: ${servers} · OpenAPI ${escapeHtml(doc.openapi)} · <a href="openapi.json">openapi.json</a></p>${renderText(doc.info.description)}` +
    body +
    `<h1 id="security">Authorization</h1>${security}<h1 id="schemas">Schemas</h1>${schemas}</main></body></html>`
  );
}
