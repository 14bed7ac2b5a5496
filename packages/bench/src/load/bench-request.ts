/** One kind of request the load generators send, over and over. */
export interface BenchRequest {
  readonly method: 'GET' | 'POST';
  /** Absolute URL on 127.0.0.1. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /**
   * Bodies sent in turn instead of `body` (logins spread over many users): request i carries
   * `bodies[i % bodies.length]`.
   */
  readonly bodies?: readonly string[];
}

/**
 * The body of the request's `i`-th sending.
 *
 * @example bodyOf({ method: 'POST', url, headers: {}, bodies: ['a', 'b'] }, 3); // 'b'
 */
export function bodyOf(request: BenchRequest, i: number): string | undefined {
  return request.bodies?.length ? request.bodies[i % request.bodies.length] : request.body;
}

/** @example jsonPost(`${target.url}/oauth/ro`, loginBody); */
export function jsonPost(url: string, body: unknown, headers: Record<string, string> = {}): BenchRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** @example jsonPostEach(`${target.url}/oauth/ro`, users.map(loginBodyOf)); // one user after another */
export function jsonPostEach(url: string, bodies: readonly unknown[]): BenchRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, bodies: bodies.map((b) => JSON.stringify(b)) };
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
    ...(bodyOf(request, 0) === undefined ? {} : { body: bodyOf(request, 0) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`probe ${request.method} ${request.url} answered ${res.status}: ${text.slice(0, 300)}`);
}
