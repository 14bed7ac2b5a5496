import type { Socket } from 'node:net';
import { errorResponse, oauthError, type OAuthErrorCode } from '@oauth-ro/core';

/**
 * Largest HTTP header block the standalone server reads, in bytes (Node's own default, made explicit
 * so that it does not change under a Node upgrade or a `--max-http-header-size` flag).
 */
export const MAX_HEADER_BYTES = 16 * 1024;

/** Node's parser errors (and its timeouts), as the contract's codes with their status lines. */
const CLIENT_ERRORS: Readonly<Record<string, readonly [OAuthErrorCode, string]>> = {
  HPE_HEADER_OVERFLOW: ['header_too_large', 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: ['request_timeout', 'Request Timeout'],
};

function rawResponse(status: number, statusText: string, headers: Readonly<Record<string, string>>, body: string): string {
  const lines = Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `HTTP/1.1 ${status} ${statusText}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refused never reaches a route, so the
 * answer is written on the socket here, in the contract's JSON shape, and the connection is closed.
 * Headers over {@link MAX_HEADER_BYTES} get 431 (`header_too_large`), a request whose headers or
 * body did not arrive within the server's timeouts 408 (`request_timeout`), any other malformed
 * request 400 `invalid_request`.
 *
 * @example Fastify({ http: { maxHeaderSize: MAX_HEADER_BYTES }, clientErrorHandler: answerClientErrors });
 */
export function answerClientErrors(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A timeout may strike while a response is being written (a slow reader): never write into it.
  const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !response?.headersSent) {
    const [code, statusText] = CLIENT_ERRORS[error.code ?? ''] ?? ['invalid_request', 'Bad Request'];
    const res = errorResponse(code === 'invalid_request' ? oauthError(code, 'malformed HTTP request') : oauthError(code));
    socket.write(rawResponse(res.status, statusText, res.headers, res.body));
  }
  socket.destroy();
}
