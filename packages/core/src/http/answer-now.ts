import type { MaybePromise } from '../util/maybe-promise.js';
import type { OAuthRequest, OAuthResponse } from './types.js';

/**
 * Where an oauth-ro instance keeps its request boundary without the promise (`createOAuthRo` sets
 * it, hidden): read only through {@link answerNow}.
 */
export const ANSWER_NOW: unique symbol = Symbol('oauth-ro.answerNow');

/** What {@link answerNow} needs of an instance: `handle`, and the boundary itself when it has one. */
export interface AnswersRequests {
  handle(request: OAuthRequest): Promise<OAuthResponse>;
  readonly [ANSWER_NOW]?: (request: OAuthRequest) => MaybePromise<OAuthResponse>;
}

/**
 * The instance's answer to a request, as `handle` gives it, but the answer itself, not a promise,
 * when nothing on the way needs waiting for (JWKS, discovery, the probes, preflights): oauth-ro's
 * own adapters hand such an answer to their framework in the same turn, as a framework's own
 * synchronous route would. Anything else answering `handle` (a test double) is asked through it.
 *
 * @example const answered = answerNow(oauthRo, request); if (answered instanceof Promise) …
 */
export function answerNow(oauthRo: AnswersRequests, request: OAuthRequest): MaybePromise<OAuthResponse> {
  const now = oauthRo[ANSWER_NOW];
  return now ? now(request) : oauthRo.handle(request);
}
