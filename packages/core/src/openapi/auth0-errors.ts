import { AUTH0_ERROR_NAMES } from '../errors/auth0-error-table.js';
import { ERROR_TABLE, type OAuthErrorCode } from '../errors/error-table.js';
import { schemaRef } from './error-responses.js';
import type { ExampleObject, JsonSchema, ResponseObject } from './types.js';

/** Auth0's own error body, answered by `/dbconnections/*` for the errors in `AUTH0_ERROR_NAMES`. */
export const AUTH0_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    'Auth0’s error body for sign-up and password errors: auth0.js reads `code`, `description`, `name` and `policy`. `description` is an object `{rules, verified}` for `PasswordStrengthError` (password-sheriff’s rules, each with `verified`), else text.',
  required: ['name', 'code', 'description', 'statusCode'],
  properties: {
    name: { enum: ['BadRequestError', 'PasswordStrengthError', 'PasswordDictionaryError', 'PasswordNoUserInfoError', 'PasswordHistoryError'] },
    message: { type: 'string' },
    code: { type: 'string' },
    description: { anyOf: [{ type: 'string' }, { type: 'object', required: ['rules', 'verified'], properties: { rules: { type: 'array' }, verified: { type: 'boolean' } } }] },
    policy: { type: 'string', description: 'The policy as a bulleted list (`PasswordStrengthError` only).' },
    statusCode: { const: 400 },
  },
  additionalProperties: false,
};

/**
 * Adds Auth0-shaped 400 answers to an operation's responses: its 400 schema becomes "the contract's
 * error or Auth0's", with an example per code.
 *
 * @example withAuth0Errors(errorResponses([...]), ['user_exists', 'invalid_password']);
 */
export function withAuth0Errors(responses: Record<string, ResponseObject>, codes: readonly OAuthErrorCode[]): Record<string, ResponseObject> {
  const current = responses['400'];
  const json = current?.content?.['application/json'];
  const examples: Record<string, ExampleObject> = { ...(json?.examples ?? {}) };
  const lines: string[] = [];
  for (const code of codes) {
    const named = AUTH0_ERROR_NAMES[code];
    const shape = ERROR_TABLE[code];
    if (!named) continue;
    lines.push(`- \`${named.name}\` \`${shape.error}\`: \`${shape.description}\``);
    examples[`auth0_${code}`] = {
      summary: `${named.name} (${shape.error})`,
      value: { name: named.name, ...(named.message ? { message: shape.description } : {}), code: shape.error, description: shape.description, statusCode: 400 },
    };
  }
  return {
    ...responses,
    '400': {
      description: `${current?.description ?? 'Bad request.'}\n\nIn Auth0’s own shape (\`Auth0Error\`):\n${lines.join('\n')}`,
      ...(current?.headers ? { headers: current.headers } : {}),
      content: { 'application/json': { schema: { anyOf: [...(json?.schema ? [json.schema] : []), schemaRef('Auth0Error')] }, examples } },
    },
  };
}
