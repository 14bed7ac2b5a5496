import { ERROR_TABLE, type OAuthErrorCode } from '../errors/error-table.js';
import type { ExampleObject, HeaderObject, ResponseObject } from './types.js';

/** One way an operation fails: an error code, optionally with when it happens and a real `error_description`. */
export type ErrorCase = OAuthErrorCode | { readonly code: OAuthErrorCode; readonly when: string; readonly example?: string };

const RETRY_AFTER: HeaderObject = {
  description: 'Seconds to wait before trying again (sent with throttling answers and store outages).',
  schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
};

const WWW_AUTHENTICATE: HeaderObject = {
  description: 'Sent with `invalid_token`: `Bearer error="invalid_token"`.',
  schema: { type: 'string' },
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Unsupported media type',
  431: 'Request header too large',
  429: 'Too many requests',
  500: 'Internal error (never expected: a bug; no stack trace is sent)',
  503: 'A store or directory is unreachable',
};

const codeOf = (c: ErrorCase): OAuthErrorCode => (typeof c === 'string' ? c : c.code);

/** A reference to a shared schema in `components.schemas`. */
export function schemaRef(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

/**
 * The error responses of an operation, grouped by status from the one error table, so a status or
 * `error` string changed in the table changes the document too. Each status lists its cases, narrows
 * `error` to the strings it can carry, and has one example per case.
 *
 * @example
 * errorResponses(['missing_parameter', 'unauthorized_client']);
 * // { '400': { description: 'Bad request…', content: … }, '403': { … } }
 */
export function errorResponses(cases: readonly ErrorCase[]): Record<string, ResponseObject> {
  const byStatus = new Map<number, ErrorCase[]>();
  for (const c of cases) {
    const status = ERROR_TABLE[codeOf(c)].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), c]);
  }
  const out: Record<string, ResponseObject> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const errors = [...new Set(list.map((c) => ERROR_TABLE[codeOf(c)].error))];
    const examples: Record<string, ExampleObject> = {};
    const lines: string[] = [];
    for (const c of list) {
      const shape = ERROR_TABLE[codeOf(c)];
      const description = typeof c === 'string' ? shape.description : (c.example ?? shape.description);
      const when = typeof c === 'string' ? '' : ` — ${c.when}`;
      lines.push(`- \`${shape.error}\`: \`${description}\`${when}`);
      const key = examples[codeOf(c)] === undefined ? codeOf(c) : `${codeOf(c)}_${Object.keys(examples).length}`;
      examples[key] = { summary: typeof c === 'string' ? description : c.when, value: { error: shape.error, error_description: description } };
    }
    const headers: Record<string, HeaderObject> = {};
    if (status === 429 || status === 503) headers['Retry-After'] = RETRY_AFTER;
    if (list.some((c) => codeOf(c) === 'invalid_token')) headers['WWW-Authenticate'] = WWW_AUTHENTICATE;
    out[String(status)] = {
      description: `${TITLES[status] ?? 'Error'}.\n\n${lines.join('\n')}`,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      content: {
        'application/json': {
          schema: { allOf: [schemaRef('Error')], properties: { error: { enum: errors } } },
          examples,
        },
      },
    };
  }
  return out;
}

/** Body errors every operation that reads a body can answer (JSON or form; 16 KiB at most). */
export const BODY_ERRORS: readonly ErrorCase[] = [
  { code: 'invalid_body', when: 'the body is not valid JSON or not a JSON object', example: 'the request body is not valid JSON' },
  'unsupported_media_type',
  'body_too_large',
];

/** Errors any operation can answer: a store outage (503) and, never expected, an internal error (500). */
export const SERVICE_ERRORS: readonly ErrorCase[] = [
  { code: 'temporarily_unavailable', when: 'a store (PostgreSQL, Redis) or directory did not answer' },
  'server_error',
];

/** Parameter errors of operations that read string parameters. */
export const PARAMETER_ERRORS: readonly ErrorCase[] = [
  { code: 'missing_parameter', when: 'a required parameter is absent or empty', example: 'missing client_id parameter' },
  {
    code: 'invalid_parameter',
    when: 'a parameter has the wrong type or is too long, or holds a control character or ill-formed Unicode (an identifier: also an invisible or format character, or over 254 characters once normalised)',
    example: 'scope must be a string',
  },
];

/** Operations with a path parameter: a segment that is not valid percent-encoding (Express refuses it before core). */
export const PATH_ERRORS: readonly ErrorCase[] = [
  { code: 'invalid_request', when: 'the path is not valid percent-encoding', example: 'the path could not be decoded' },
];

/** Checked before routing, on every request: an `Authorization` or `Content-Type` over 8 KiB. */
export const HEADER_ERRORS: readonly ErrorCase[] = [
  { code: 'header_too_large', when: 'an Authorization or Content-Type header over 8 KiB', example: 'authorization header too large' },
];
