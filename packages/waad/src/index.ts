export * from './create-waad-directory.js';
export { parseWaadOptions, DEFAULT_AUTHORITY, type WaadOptions } from './options/parse-waad-options.js';
export { AADSTS_ERRORS, mapAadError } from './map/map-aad-error.js';
export { claimsToIdentity } from './map/claims-to-identity.js';
