import type { Socket } from 'node:net';
import { errorResponse, oauthError } from '@oauth-ro/core';

/**
 * Largest HTTP header block the standalone server reads, in bytes (Node's own default, made explicit
 * so that it does not change under a Node upgrade or a `--max-http-header-size` flag).
 */
export const MAX_HEADER_BYTES = 16 * 1024;

function rawResponse(status: number, statusText: string, headers: Readonly<Record<string, string>>, body: string): string {
  const lines = Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `HTTP/1.1 ${status} ${statusText}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refused never reaches a route, so the
 * answer is written on the socket here, in the contract's JSON shape, and the connection is closed.
 * Headers over {@link MAX_HEADER_BYTES} get 431 (`header_too_large`), any other malformed request
 * 400 `invalid_request`; a request that timed out gets Node's bare 408.
 *
 * @example Fastify({ http: { maxHeaderSize: MAX_HEADER_BYTES }, clientErrorHandler: answerClientErrors });
 */
export function answerClientErrors(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.write(rawResponse(408, 'Request Timeout', {}, ''));
    } else {
      const overflow = error.code === 'HPE_HEADER_OVERFLOW';
      const res = errorResponse(overflow ? oauthError('header_too_large') : oauthError('invalid_request', 'malformed HTTP request'));
      socket.write(rawResponse(res.status, overflow ? 'Request Header Fields Too Large' : 'Bad Request', res.headers, res.body));
    }
  }
  socket.destroy();
}
