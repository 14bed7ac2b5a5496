export * from './oauth-ro-plugin.js';
// Re-exported so that importing this package also loads @fastify/jwt's declarations (request.user,
// request.jwtVerify) for the app's own routes; the options the plugin registers come from core.
export type { FastifyJWT } from '@fastify/jwt';
export { accessTokenJwtOptions } from '@oauth-ro/core/node';
