export * from './social-identity.js';
export * from './verify-facebook-token.js';
export * from './verify-google-token.js';
export * from './redeem-apple-code.js';
export * from './verify-social-token.js';
export * from './find-or-create-social-user.js';
