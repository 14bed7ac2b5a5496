import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { OAuthErrorCode } from '../errors/error-table.js';
import type { BodyParams } from '../http/parse-body.js';
import { normalizeRecipient } from '../passwordless/normalize-recipient.js';
import { err, ok, type Result } from '../util/result.js';
import type { HandlerContext } from './context.js';

const MAX_LENGTH = 320;

/**
 * A string parameter of the passwordless routes, refused with the field's own Auth0 error code when it has another type.
 *
 * @example stringParam(body, 'email', 'bad_email'); // { ok: true, value: 'ann@example.com' }
 */
export function stringParam(body: BodyParams, name: string, code: OAuthErrorCode): Result<string | undefined, OAuthError> {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (value === undefined || value === '') return ok(undefined);
  if (typeof value !== 'string') return err(oauthError(code, `${name} must be a string`));
  if (value.length > MAX_LENGTH) return err(oauthError(code, `${name} is too long`));
  return ok(value);
}

/**
 * The value of a required parameter, or Auth0's `Missing required property: <name>`.
 *
 * @example requireProperty(undefined, 'connection', 'bad_connection'); // { ok: false, … }
 */
export function requireProperty(value: string | undefined, name: string, code: OAuthErrorCode): Result<string, OAuthError> {
  return value === undefined ? err(oauthError(code, `Missing required property: ${name}`)) : ok(value);
}

/**
 * The connection, if it exists, is passwordless and is enabled for the client (all `bad.connection`
 * otherwise); without a client, only the first two.
 *
 * @example passwordlessConnection(ctx, 'spa', 'email');
 */
export function passwordlessConnection(ctx: HandlerContext, client_id: string | undefined, name: string): Result<ConnectionConfig & { strategy: 'sms' | 'email' }, OAuthError> {
  const connection = ctx.index.connections.get(name);
  if (!connection) return err(oauthError('bad_connection', 'Connection does not exist'));
  if (connection.strategy !== 'sms' && connection.strategy !== 'email') {
    return err(oauthError('bad_connection', 'the connection is not a passwordless (sms or email) connection'));
  }
  if (client_id !== undefined && !connection.enabled_clients.includes(client_id)) return err(oauthError('bad_connection', 'the connection was disabled'));
  return ok(connection as ConnectionConfig & { strategy: 'sms' | 'email' });
}


/** The recipient field of a passwordless strategy and the error code a bad one gets. */
export function recipientField(strategy: 'sms' | 'email'): { readonly field: 'phone_number' | 'email'; readonly code: OAuthErrorCode } {
  return strategy === 'sms' ? { field: 'phone_number', code: 'bad_phone_number' } : { field: 'email', code: 'bad_email' };
}

/**
 * The recipient a `/passwordless/*` body names (`phone_number` for `sms`, `email` for `email`), in its
 * stored form; a missing or non-string field is an error, and `normalized` is undefined when the
 * text is not a phone number / address (each route words that refusal itself).
 *
 * @example readRecipient({ email: ' Ann@Example.com' }, 'email'); // ok({ normalized: 'ann@example.com' })
 */
export function readRecipient(body: BodyParams, strategy: 'sms' | 'email'): Result<{ readonly normalized: string | undefined }, OAuthError> {
  const { field, code } = recipientField(strategy);
  const raw = stringParam(body, field, code);
  if (!raw.ok) return raw;
  const value = requireProperty(raw.value, field, code);
  if (!value.ok) return value;
  return ok({ normalized: normalizeRecipient(strategy, value.value) });
}
