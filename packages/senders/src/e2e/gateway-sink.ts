import type { IncomingHttpHeaders } from 'node:http';
import { listenLocal, recordTestCode, type LocalServer } from '@oauth-ro/test-kit';

/** What a gateway received in one call. */
export interface GatewayCall {
  readonly headers: IncomingHttpHeaders;
  readonly json: { recipient: string; body: string; sender?: string; req?: Record<string, string> };
}

/** A running SMS gateway sink. */
export interface GatewaySink extends LocalServer {
  readonly calls: GatewayCall[];
  /** Answers every call with this status from now on (200 by default). */
  answer(status: number): void;
  /** The first 6-digit run of the newest message to `recipient`. */
  codeFor(recipient: string): string | undefined;
}

/**
 * A real HTTP server standing in for a customer's SMS gateway: records each JSON call and answers
 * the status the test chooses.
 *
 * @example const sink = await startGatewaySink(); // gateway_url: `${sink.url}/send`
 */
export async function startGatewaySink(): Promise<GatewaySink> {
  const calls: GatewayCall[] = [];
  let status = 200;
  const server = await listenLocal((req, text) => {
    calls.push({ headers: req.headers, json: JSON.parse(text) as GatewayCall['json'] });
    return { status, headers: { 'content-type': 'application/json' }, body: status < 300 ? '{"ok":true}' : '{"error":"nope"}' };
  });
  return {
    ...server,
    calls,
    answer(next) {
      status = next;
    },
    codeFor(recipient) {
      const call = [...calls].reverse().find((c) => c.json.recipient === recipient);
      const code = call && /[0-9]{6}/.exec(call.json.body)?.[0];
      // Listed for scripts/check-test-logs.mjs, which fails if the code shows up in a log line.
      if (code !== undefined) recordTestCode(code);
      return code;
    },
  };
}
