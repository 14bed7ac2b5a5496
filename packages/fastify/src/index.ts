export * from './oauth-ro-plugin.js';
export * from './framework-errors.js';
// Re-exported so that importing this package also loads @fastify/jwt's declarations (request.user,
// request.jwtVerify) for the app's own routes.
export type { FastifyJWT } from '@fastify/jwt';
export * from './jwt-options.js';
