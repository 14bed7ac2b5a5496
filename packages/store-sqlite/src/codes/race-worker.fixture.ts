// One process of the passwordless race tests (run with `node --import tsx`): it opens the SQLite file
// given as argv[2] and builds a full oauth-ro instance on it (every instance shares the code hash key
// argv[3], as instances of one deployment do), reports `ready`, then answers one IPC request at a
// time. Each request fires all of its operations at once and answers with their outcomes in order.
import { err, ok, systemClock, webCryptoRandom, type MessageSender, type PasswordHasher } from '@oauth-ro/core/ports';
import { createOAuthRo, normalizeConfig } from '@oauth-ro/core';
import { openSqliteStores } from '../open-sqlite-stores.js';

const [path, codeHashKey] = process.argv.slice(2) as [string, string];

type Request =
  | { op: 'consume'; connection: string; recipient: string; hashes: string[]; at: number }
  | { op: 'increment'; key: string; times: number; window_ms: number; at: number }
  | { op: 'start'; phone: string }
  | { op: 'login'; phone: string; codes: string[] }
  | { op: 'exit' };

const lastCode = new Map<string, string>();
const sms: MessageSender = {
  async send(message) {
    const code = /[0-9]{6}/.exec(message.body)?.[0];
    if (!code) return err({ description: 'no code in the message' });
    lastCode.set(message.recipient, code);
    return ok(undefined);
  },
};
// Passwordless logins never hash a password.
const hasher: PasswordHasher = {
  hash: () => Promise.reject(new Error('unused')),
  verify: () => Promise.resolve(false),
  needsRehash: () => false,
  verifyDummy: () => Promise.resolve(),
};

const stores = await openSqliteStores(path, { busyTimeoutMs: 15_000 });
const config = normalizeConfig({
  issuer: 'https://auth.race.example/',
  clients: [{ client_id: 'app' }],
  connections: [{ name: 'sms', strategy: 'sms', enabled_clients: ['app'], options: { template: 'Code @@password@@' } }],
});
const oauthRo = await createOAuthRo({
  config,
  deps: { ...stores, hasher, clock: systemClock, random: webCryptoRandom, senders: { sms } },
  passwordless: { codeHashKey, limits: { startsPerIpPerHour: 100_000, sendsPerRecipientPerHour: 100_000 } },
});
const post = (path: string, body: Record<string, string>) =>
  oauthRo.handle({ method: 'POST', path, headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(body), ip: '127.0.0.1' });

async function run(request: Exclude<Request, { op: 'exit' }>): Promise<unknown> {
  switch (request.op) {
    case 'consume':
      return Promise.all(request.hashes.map((h) => stores.codes.consume(request.connection, request.recipient, h, request.at)));
    case 'increment':
      return Promise.all(Array.from({ length: request.times }, () => stores.counters.increment(request.key, request.window_ms, request.at)));
    case 'start': {
      const res = await post('/passwordless/start', { client_id: 'app', connection: 'sms', phone_number: request.phone });
      return { status: res.status, body: JSON.parse(res.body) as unknown, code: lastCode.get(request.phone) };
    }
    case 'login':
      return Promise.all(
        request.codes.map(async (code) => {
          const res = await post('/oauth/ro', { client_id: 'app', connection: 'sms', grant_type: 'password', username: request.phone, password: code, scope: 'openid' });
          return { status: res.status, body: JSON.parse(res.body) as unknown };
        }),
      );
  }
}

process.on('message', (request: Request) => {
  if (request.op === 'exit') {
    void stores.close().then(() => process.exit(0));
    return;
  }
  run(request).then(
    (result) => process.send?.({ result }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
process.send?.('ready');
