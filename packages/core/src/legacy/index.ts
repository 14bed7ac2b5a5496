export * from './geoloc-settings.js';
export * from './client-settings.js';
export * from './logout-url-allowed.js';
