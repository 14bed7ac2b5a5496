export * from './directory/create-ldap-directory.js';
export * from './options/types.js';
export * from './options/parse-ldap-options.js';
export * from './options/parse-attribute-map.js';
export * from './filter/escape-filter.js';
export * from './filter/escape-dn.js';
export * from './errors/map-ad-error.js';
export * from './profile/format-id.js';
