import { schemaRef } from './error-responses.js';
import type { ResponseObject } from './types.js';

/**
 * A 2xx JSON response whose body is the named component schema, with one example.
 *
 * @example jsonResult('Tokens.', 'TokenSet', { access_token: 'eyJ…', token_type: 'bearer' });
 */
export function jsonResult(description: string, schemaName: string, example: unknown): ResponseObject {
  return { description, content: { 'application/json': { schema: schemaRef(schemaName), examples: { default: { value: example } } } } };
}

/** Shortened JWTs for examples. */
export const EXAMPLE_JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJhdXRoMHw1ZjhhIn0.c2ln';
