export type * from './context.js';
export * from './create-oauth-ro.js';
export * from './handle-ro.js';
export * from './handle-signup.js';
export * from './handle-profile.js';
export * from './handle-discovery.js';
