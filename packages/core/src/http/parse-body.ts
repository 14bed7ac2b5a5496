import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import { findUnstorableText } from '../validation/check-text.js';
import { MAX_BODY_BYTES, type OAuthRequest } from './types.js';

/** A request body as a flat record of parameters; values are untrusted until validated. */
export type BodyParams = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseForm(text: string): BodyParams {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of new URLSearchParams(text)) {
    const prev = out[key];
    // A repeated key becomes an array, which validation refuses as "the wrong type".
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...(prev as unknown[]), value] : [prev, value];
  }
  return out;
}

/**
 * Parses a JSON or form body into parameters. Empty bodies are `{}`; anything else that is not an
 * object (arrays, `null`, numbers, malformed JSON, unknown content types) is a 4xx error value. A body
 * the adapter flagged too large, or whose `Content-Length` is over {@link MAX_BODY_BYTES}, is 413.
 * A string anywhere in it (key or value) with a control character other than tab, CR and LF, or a
 * lone UTF-16 surrogate, is 400 `invalid_request` naming the top-level parameter.
 *
 * @example
 * parseBody({ ...req, rawBody: 'username=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
 */
export function parseBody(request: OAuthRequest): Result<BodyParams, OAuthError> {
  const body = parseBodyParams(request);
  if (!body.ok) return body;
  // A NUL or a lone surrogate is no text any store keeps as sent: refused here, for every route.
  const unstorable = findUnstorableText(body.value);
  return unstorable === undefined
    ? body
    : err(oauthError('invalid_parameter', `${unstorable} must not contain control characters or ill-formed Unicode`));
}

function parseBodyParams(request: OAuthRequest): Result<BodyParams, OAuthError> {
  // A host that parsed the body itself (its own, larger limit) still declared the length it read.
  if (request.bodyTooLarge || Number(request.headers['content-length']) > MAX_BODY_BYTES) return err(oauthError('body_too_large'));
  if (request.parsedBody !== undefined) {
    return isPlainObject(request.parsedBody)
      ? ok(request.parsedBody)
      : err(oauthError('invalid_body', 'the request body must be an object'));
  }
  const text = request.rawBody ?? '';
  if (text.trim() === '') return ok({});
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return ok(parseForm(text));
  if (type === 'application/json' || type.endsWith('+json')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return err(oauthError('invalid_body', 'the request body is not valid JSON'));
    }
    return isPlainObject(value) ? ok(value) : err(oauthError('invalid_body', 'the request body must be a JSON object'));
  }
  return err(oauthError('unsupported_media_type'));
}
