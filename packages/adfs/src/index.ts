export * from './create-adfs-directory.js';
export { parseAdfsOptions, METADATA_PATH, USERNAMEMIXED_PATH, type AdfsOptions, type AdfsDefaults } from './options/parse-adfs-options.js';
export { normalizeThumbprint } from './options/normalize-thumbprint.js';
export { CLAIM_TYPES, claimsToIdentity } from './map/claims-to-identity.js';
export { mapSoapFault } from './map/map-soap-fault.js';
export { buildRst, type RstInput } from './protocol/build-rst.js';
