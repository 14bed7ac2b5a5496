import { anchorId, escapeHtml } from './escape-html.js';
import { renderText } from './render-text.js';

type Schema = Readonly<Record<string, unknown>>;

const REF = '#/components/schemas/';

/** A link to a component schema's section. */
export function schemaLink(name: string): string {
  return `<a href="#schema-${anchorId(name)}">${escapeHtml(name)}</a>`;
}

/**
 * A one-line description of a schema's type: `string (max 1024)`, `one of "code", "link"`,
 * `array of DeviceCredential`, with component names linked.
 *
 * @example typeSummary({ type: 'array', items: { $ref: '#/components/schemas/Jwk' } }); // 'array of <a …>Jwk</a>'
 */
export function typeSummary(schema: Schema): string {
  if (typeof schema.$ref === 'string') return schema.$ref.startsWith(REF) ? schemaLink(schema.$ref.slice(REF.length)) : escapeHtml(schema.$ref);
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(', ')}`;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) {
      const parts = (list as Schema[]).map(typeSummary).join(key === 'allOf' ? ' and ' : ' or ');
      const extra = schema.properties ? ` with ${Object.keys(schema.properties).map((k) => `<code>${escapeHtml(k)}</code>`).join(', ')}` : '';
      return parts + extra;
    }
  }
  if (schema.type === 'array') return `array of ${typeSummary((schema.items as Schema | undefined) ?? {})}`;
  const limits = [
    typeof schema.pattern === 'string' ? `pattern <code>${escapeHtml(schema.pattern)}</code>` : '',
    typeof schema.maxLength === 'number' ? `max ${schema.maxLength}` : '',
    typeof schema.format === 'string' ? escapeHtml(schema.format) : '',
    'default' in schema ? `default <code>${escapeHtml(JSON.stringify(schema.default))}</code>` : '',
  ].filter(Boolean);
  const type = typeof schema.type === 'string' ? escapeHtml(schema.type) : 'any';
  return limits.length > 0 ? `${type} (${limits.join(', ')})` : type;
}

/**
 * A schema as a table of its properties (name, type, required, description), or its one-line type
 * when it has none, plus the raw JSON Schema in a closed `<details>`.
 *
 * @example renderSchema(doc.components.schemas.TokenSet);
 */
export function renderSchema(schema: Schema): string {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const names = Object.keys(properties);
  const head = names.length > 0 && !('allOf' in schema) ? '' : `<p class="type">${typeSummary(schema)}</p>`;
  const table =
    names.length === 0
      ? ''
      : `<table><thead><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr></thead><tbody>${names
          .map((name) => {
            const p = properties[name]!;
            const description = typeof p.description === 'string' ? renderText(p.description) : '';
            return `<tr><td><code>${escapeHtml(name)}</code></td><td>${typeSummary(p)}</td><td>${required.has(name) ? 'yes' : ''}</td><td>${description}</td></tr>`;
          })
          .join('')}</tbody></table>`;
  const raw = `<details><summary>JSON Schema</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
  return head + table + raw;
}
