import { ROUTE_PATHS } from '@oauth-ro/core';
import type { HttpMethod, OpenApiDocument, ResponseObject } from '@oauth-ro/core/openapi';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { TestRequest, TestResponse } from '../harness/types.js';

/** ajv-formats is CommonJS; its default export arrives wrapped under some loaders. */
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const DOC_ID = 'urn:oauth-ro:openapi';

/**
 * Errors a host Fastify app's router answers itself, before any plugin runs (a URL that does not
 * decode, a parameter over the host's `maxParamLength`): the host's answers, not oauth-ro's.
 */
const HOST_ROUTER_ERRORS = new Set(['FST_ERR_BAD_URL', 'FST_ERR_MAX_PARAM_LENGTH']);

function isHostRouterAnswer(response: TestResponse): boolean {
  const code = (response.json as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && HOST_ROUTER_ERRORS.has(code);
}

/** Checks one response against the document; answers what is wrong with it (nothing: `[]`). */
export type ResponseChecker = (request: TestRequest, response: TestResponse) => string[];

const pointer = (...tokens: string[]) => tokens.map((t) => encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** The general answers to a body that cannot be read, by status (component names). */
const BODY_REFUSALS: Readonly<Record<number, string>> = { 400: 'InvalidBody', 413: 'BodyTooLarge', 415: 'UnsupportedMediaType' };

function normalisePath(path: string): string {
  const bare = path.split('?')[0] ?? '';
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

/** A concrete path matches a template when each `{name}` / `:name` segment is one non-empty segment. */
function matches(template: string, path: string): boolean {
  const t = template.split('/');
  const p = path.split('/');
  return t.length === p.length && t.every((seg, i) => (/^(\{\w+\}|:\w+)$/.test(seg) ? p[i] !== '' : seg === p[i]));
}

/**
 * Compiles a checker for an OpenAPI document: a response must have a status documented for its
 * path and method (any other method: 405), a content-type the document lists for that status, a
 * body that its schema accepts, and only the `Retry-After`/`WWW-Authenticate` headers documented
 * there. A 500 is always wrong. Paths oauth-ro does not answer (the host app's own) are not its to
 * check, nor are a host Fastify router's own refusals; a path oauth-ro answers that the document lacks is. Schemas compile once, on first use.
 *
 * @example
 * const check = createResponseChecker(openApiDocument({ issuer: 'http://localhost/' }));
 * check({ method: 'GET', path: '/health' }, response); // [] when it matches
 */
export function createResponseChecker(doc: OpenApiDocument, routePaths: readonly string[] = ROUTE_PATHS): ResponseChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID);
  const compiled = new Map<string, ValidateFunction>();
  const validator = (ref: string): ValidateFunction => {
    let fn = compiled.get(ref);
    if (!fn) {
      fn = ajv.compile({ $ref: `${DOC_ID}#/${ref}` });
      compiled.set(ref, fn);
    }
    return fn;
  };
  const templates = Object.keys(doc.paths);

  return (request, response) => {
    const path = normalisePath(request.path);
    const template = templates.find((t) => matches(t, path));
    if (template === undefined) {
      return routePaths.some((route) => matches(route, path)) ? [`oauth-ro answers ${path}, but the document has no such path`] : [];
    }
    if (isHostRouterAnswer(response)) return [];
    const method = request.method.toUpperCase();
    const opMethod = (method === 'HEAD' ? 'get' : method.toLowerCase()) as HttpMethod;
    const item = doc.paths[template]!;
    const problems: string[] = [];
    if (response.status === 500) problems.push('a 500 is never expected');
    const operation = item[opMethod];
    // A body, or a content-type that announces one (Fastify refuses an empty-but-typed body with 415).
    const hasBody =
      request.json !== undefined ||
      request.form !== undefined ||
      (request.body ?? '') !== '' ||
      Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'content-type');
    let documented = operation?.responses[String(response.status)];
    let base = ['paths', template, opMethod, 'responses', String(response.status)];
    // The document's general rules: 405 for an unlisted method; 431 and a body that cannot be read, on any method.
    const general =
      response.status === 405 && !operation
        ? 'MethodNotAllowed'
        : response.status === 431
          ? 'HeaderTooLarge'
          : hasBody
            ? BODY_REFUSALS[response.status]
            : undefined;
    if (!documented && general) {
      documented = doc.components.responses[general];
      base = ['components', 'responses', general];
    }
    if (!documented) {
      return [
        ...problems,
        operation
          ? `status ${response.status} is not documented for ${opMethod.toUpperCase()} ${template}`
          : `${method} is not documented on ${template}, so the answer must be 405, not ${response.status}`,
      ];
    }
    problems.push(...checkHeaders(documented, response));
    if (method === 'HEAD') return problems;
    const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!documented.content) {
      if (response.text !== '') problems.push(`status ${response.status} is documented without a body, but one came (${type || 'no content-type'})`);
      return problems;
    }
    const media = documented.content[type];
    if (!media) return [...problems, `content-type "${type}" is not documented for status ${response.status} (documented: ${Object.keys(documented.content).join(', ')})`];
    if (type === 'application/json') {
      if (response.json === undefined) return [...problems, 'the body is not JSON'];
      const validate = validator(pointer(...base, 'content', type, 'schema'));
      if (!validate(response.json)) {
        problems.push(`body does not match the schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
      }
    }
    return problems;
  };
}

/** Headers the document describes must be present when required, and absent when not described. */
function checkHeaders(documented: ResponseObject, response: TestResponse): string[] {
  const problems: string[] = [];
  const described = Object.fromEntries(Object.entries(documented.headers ?? {}).map(([name, h]) => [name.toLowerCase(), h]));
  for (const [name, header] of Object.entries(described)) {
    const value = response.headers[name];
    if (value === undefined) {
      if (header.required) problems.push(`header ${name} is documented as required but is absent`);
      continue;
    }
    const pattern = (header.schema as { pattern?: string }).pattern;
    if (pattern && !new RegExp(pattern).test(value)) problems.push(`header ${name}: "${value}" does not match ${pattern}`);
  }
  for (const name of ['retry-after', 'www-authenticate']) {
    if (response.headers[name] !== undefined && !described[name]) problems.push(`header ${name} is sent but not documented for status ${response.status}`);
  }
  return problems;
}
