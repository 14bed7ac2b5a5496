'use strict';
// The `require` scripts get: the modules Auth0 documented for Rules, Actions and custom-database
// scripts that oauth-ro supports, by their Auth0 names. Anything else is refused with the list.
const BUILTINS = ['crypto', 'util', 'url', 'querystring', 'buffer', 'events', 'assert', 'string_decoder', 'punycode'];

/** Auth0 name → npm package the pool resolves (`bcrypt` is bcryptjs: same API, no native addon). */
const PACKAGES = { request: 'request', bcrypt: 'bcryptjs', jsonwebtoken: 'jsonwebtoken', lodash: 'lodash', pg: 'pg', mysql2: 'mysql2' };

/**
 * `pg` as installed, plus the `pg.connect(conString, callback(err, client, done))` of pg < 7, which
 * Auth0's PostgreSQL templates call: one pool per connection string, `done` returns the client.
 */
function withLegacyConnect(pg) {
  const pools = new Map();
  function connect(config, callback) {
    const key = typeof config === 'string' ? config : JSON.stringify(config ?? {});
    let pool = pools.get(key);
    if (!pool) {
      pool = new pg.Pool(typeof config === 'string' ? { connectionString: config } : config);
      // An idle client losing its server must not become an uncaught error of the process.
      pool.on('error', () => {});
      pools.set(key, pool);
    }
    if (typeof callback !== 'function') return pool.connect();
    pool.connect((error, client, release) => callback(error, client, release ?? (() => {})));
  }
  return new Proxy(pg, { get: (target, prop, receiver) => (prop === 'connect' ? connect : Reflect.get(target, prop, receiver)) });
}

function createModules(resolved) {
  const cache = new Map();
  const supported = [...Object.keys(PACKAGES), ...BUILTINS].sort();
  function load(requested) {
    if (typeof requested !== 'string') throw new TypeError('require expects a module name');
    // Auth0 let scripts pin versions (`lodash@4.17.21`); the version installed here answers.
    const name = requested.replace(/^node:/, '').replace(/^([^@/][^@]*)@[^/]+$/, '$1');
    if (cache.has(name)) return cache.get(name);
    let value;
    if (BUILTINS.includes(name)) value = require(`node:${name}`);
    else if (name === 'pg' && resolved.pg) value = withLegacyConnect(require(resolved.pg));
    else if (Object.hasOwn(PACKAGES, name) && resolved[name]) value = require(resolved[name]);
    else {
      const error = new Error(`module "${requested}" is not available to scripts in oauth-ro (supported: ${supported.join(', ')})`);
      error.code = 'MODULE_NOT_SUPPORTED';
      throw error;
    }
    cache.set(name, value);
    return value;
  }
  return { require: load, supported };
}

module.exports = { createModules, PACKAGES, BUILTINS };
