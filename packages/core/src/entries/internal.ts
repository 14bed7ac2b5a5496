// @oauth-ro/core/internal — UNSTABLE: every module of core, for oauth-ro's own packages (adapters,
// the standalone server, the test kits), which are released together with core. Anything here may
// change or go away in any release, a patch included; import from the root, `/ports`, `/admin`,
// `/openapi` or `/node` instead. (tRPC's `unstable-core-do-not-import`, for the same reason.)
export * from '../errors/index.js';
export * from '../ports/index.js';
export * from '../config/index.js';
export * from '../http/index.js';
export * from '../validation/index.js';
export * from '../strategies/index.js';
export * from '../passwordless/index.js';
export * from '../devices/index.js';
export * from '../tokens/index.js';
export * from '../handlers/index.js';
export * from '../util/index.js';
export * from '../protection/index.js';
export * from '../metrics/index.js';
export * from '../audit/index.js';
export * from '../admin/index.js';
export * from '../openapi/index.js';
export * from '../maintenance/index.js';
export * from '../legacy/index.js';
export * from '../accounts/index.js';
export * from '../social/index.js';
export * from '../mfa/index.js';
export * from '../guardian/index.js';
// The Node bridge's same-turn answer, for oauth-ro's adapters (the public one is `@oauth-ro/core/node`'s `answerNodeRequest`).
export { answerNodeRequestNow } from '../node/answer-node-request.js';
