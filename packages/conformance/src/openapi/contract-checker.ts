import { openApiDocument } from '@oauth-ro/core/openapi';
import { createResponseChecker, type ResponseChecker } from './response-checker.js';

let shared: ResponseChecker | undefined;

/**
 * The checker of core's own OpenAPI document (as the adapters serve it: no standalone routes),
 * compiled once per test process.
 *
 * @example contractChecker()({ method: 'GET', path: '/health' }, response); // []
 */
export function contractChecker(): ResponseChecker {
  shared ??= createResponseChecker(openApiDocument({ issuer: 'http://localhost/' }));
  return shared;
}
