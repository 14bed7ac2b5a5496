// @oauth-ro/core/ports — for implementers of a port (stores, hashers, directories, senders, scripts):
// every port with its records, plus the few helpers their implementations share with core. Where a
// new export goes: ARCHITECTURE.md, "The public API".
export * from '../ports/index.js';
export { UnavailableError, isUnavailableError } from '../errors/unavailable-error.js';
export { ConfigurationError, errorWire, oauthError } from '../errors/oauth-error.js';
export type { OAuthError } from '../errors/oauth-error.js';
export type { OAuthErrorCode } from '../errors/error-table.js';
export { err, ok } from '../util/result.js';
export type { Result } from '../util/result.js';
export { constantTimeEqual, constantTimeEqualBytes } from '../util/constant-time.js';
export { fetchLimitedText } from '../util/fetch-limited-text.js';
export type { FetchLimits, LimitedTextReply } from '../util/fetch-limited-text.js';
export { identifierSkeleton } from '../validation/identifier-skeleton.js';
export type { ClientConfig, ConnectionConfig } from '../config/types.js';
export { optionReader } from '../config/option-reader.js';
export type { OptionReader, OptionReaderSettings } from '../config/option-reader.js';
