/** One kind of request the load generators send, over and over. */
export interface BenchRequest {
  readonly method: 'GET' | 'POST';
  /** Absolute URL on 127.0.0.1. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Several bodies (e.g. one per user): each connection sends them in turn instead of `body`. */
  readonly bodies?: readonly string[];
}

/** @example jsonPost(`${target.url}/oauth/ro`, loginBody); */
export function jsonPost(url: string, body: unknown, headers: Record<string, string> = {}): BenchRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** @example bearerGet(`${target.url}/userinfo`, accessToken); */
export function bearerGet(url: string, token: string): BenchRequest {
  return { method: 'GET', url, headers: { authorization: `Bearer ${token}` } };
}

/**
 * Sends the request once and fails loudly unless it answers 2xx: a benchmark of error responses
 * would measure the wrong thing.
 *
 * @example await probe(request);
 */
export async function probe(request: BenchRequest): Promise<void> {
  const res = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`probe ${request.method} ${request.url} answered ${res.status}: ${text.slice(0, 300)}`);
}
