import { fetchLimitedText, type LimitedTextReply } from '@oauth-ro/core/ports';

/** Responses larger than this are refused before parsing: no RSTR or metadata comes close. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** What came back from one HTTP call, or why nothing did. */
export type XmlReply = LimitedTextReply;

/**
 * One HTTP exchange with ADFS (the WS-Trust POST or the metadata GET), with a timeout, no
 * redirects and a size cap. Network failures come back as `unreachable` with a reason for the log.
 *
 * @example
 * const reply = await exchangeXml(url, { method: 'POST', body }, 10_000);
 */
export function exchangeXml(url: string, init: RequestInit, timeoutMs: number): Promise<XmlReply> {
  return fetchLimitedText(url, init, { timeoutMs, maxBytes: MAX_RESPONSE_BYTES });
}
