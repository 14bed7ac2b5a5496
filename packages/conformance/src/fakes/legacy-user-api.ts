import { listenLocal, type FakeReply, type LocalServer } from './listen-local.js';

/** A user of the legacy system (the password kept in plain text: it is a fake). */
export interface LegacyUser {
  id: string;
  email: string;
  password: string;
  email_verified: boolean;
  name?: string;
}

/** A legacy user store behind a small JSON API, the kind custom-database scripts call with `request`. */
export interface LegacyUserApi extends LocalServer {
  readonly users: Map<string, LegacyUser>;
  /** Requests seen, by `METHOD /route`. */
  readonly calls: Map<string, number>;
}

const json = (status: number, body?: unknown): FakeReply => ({ status, headers: { 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) });
const profile = (u: LegacyUser) => ({ user_id: u.id, email: u.email, email_verified: u.email_verified, ...(u.name ? { name: u.name } : {}) });

/**
 * Starts the legacy API on 127.0.0.1: `POST /login`, `GET /users?email=`, `POST /users`,
 * `POST /verify`, `POST /password`, `DELETE /users/:id`. An email or id starting with `broken`
 * makes it answer 500 (an outage of one call).
 *
 * @example const legacy = await startLegacyUserApi([{ id: '1', email: 'a@example.com', password: 'pw', email_verified: false }]);
 */
export async function startLegacyUserApi(seed: readonly LegacyUser[] = []): Promise<LegacyUserApi> {
  const users = new Map(seed.map((u) => [u.email, { ...u }]));
  const calls = new Map<string, number>();
  let next = 1000;
  const server = await listenLocal((req, text) => {
    const url = new URL(req.url ?? '/', 'http://legacy');
    const route = url.pathname.startsWith('/users/') ? '/users/:id' : url.pathname;
    calls.set(`${req.method} ${route}`, (calls.get(`${req.method} ${route}`) ?? 0) + 1);
    const body = (text ? JSON.parse(text) : {}) as Record<string, string>;
    const email = String(body.email ?? url.searchParams.get('email') ?? '');
    if (email.startsWith('broken') || url.pathname.startsWith('/users/broken')) return json(500, { message: 'legacy failure' });
    const user = users.get(email);
    if (req.method === 'POST' && route === '/login') return user && user.password === body.password ? json(200, profile(user)) : json(401, { message: 'wrong' });
    if (req.method === 'GET' && route === '/users') return user ? json(200, profile(user)) : json(404, { message: 'not found' });
    if (req.method === 'POST' && route === '/users') {
      if (user) return json(409, { message: 'exists' });
      users.set(email, { id: `L${(next += 1)}`, email, password: body.password ?? '', email_verified: false });
      return json(201, {});
    }
    if (req.method === 'POST' && route === '/verify') {
      if (!user || user.email_verified) return json(200, { verified: false });
      user.email_verified = true;
      return json(200, { verified: true });
    }
    if (req.method === 'POST' && route === '/password') {
      if (!user) return json(200, { changed: false });
      user.password = body.password ?? '';
      return json(200, { changed: true });
    }
    if (req.method === 'DELETE' && route === '/users/:id') {
      const id = decodeURIComponent(url.pathname.slice('/users/'.length));
      for (const [key, u] of users) if (u.id === id) users.delete(key);
      return json(204);
    }
    return json(404, { message: 'no route' });
  });
  return Object.assign(server, { users, calls });
}
