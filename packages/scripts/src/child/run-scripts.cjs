'use strict';
// The three kinds of Auth0 code, called as Auth0 called them: Rules `function (user, context,
// callback)` in order, Actions `exports.onExecutePostLogin(event, api)` /
// `onExecutePreUserRegistration`, and custom-database scripts `function login(email, password,
// callback)` and friends. Inputs come from the pool as JSON; objects handed to a script are rebuilt in
// the script's own realm so `instanceof Object` and friends behave as in Auth0.

/** Calls a callback-style function; settles on its first callback, a throw, or a rejected promise it returns. */
function callWithCallback(fn, args) {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (error, results) => {
      if (settled) return;
      settled = true;
      resolve({ error, results });
    };
    try {
      const returned = fn(...args, (error, ...results) => settle(error ?? undefined, results));
      if (returned && typeof returned.then === 'function') returned.then(undefined, (error) => settle(error ?? new Error('rejected'), []));
    } catch (error) {
      settle(error ?? new Error('thrown'), []);
    }
  });
}

function inRealm(box, value) {
  return value === undefined ? undefined : box.JSON.parse(JSON.stringify(value));
}

function plain(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function serializeError(error, extra) {
  if (error && typeof error === 'object') {
    return {
      name: String(error.name || 'Error'),
      message: String(error.message ?? ''),
      ...(error.code !== undefined ? { code: String(error.code) } : {}),
      ...extra,
    };
  }
  return { name: 'Error', message: String(error), ...extra };
}

async function runRules(input, sandboxFor) {
  const updates = {};
  let user = input.user;
  let context = input.context;
  for (const rule of input.rules) {
    const box = sandboxFor(`rule:${rule.id}`);
    box.context.configuration = Object.freeze(inRealm(box, input.configuration ?? {}));
    box.context.auth0 = {
      domain: input.domain,
      baseUrl: input.baseUrl,
      users: {
        updateAppMetadata: (_id, metadata) => {
          updates.app_metadata = plain(metadata ?? {});
          return Promise.resolve();
        },
        updateUserMetadata: (_id, metadata) => {
          updates.user_metadata = plain(metadata ?? {});
          return Promise.resolve();
        },
      },
    };
    let fn;
    try {
      fn = box.compile(rule.script, 'expression', `rule:${rule.name}`);
      if (typeof fn !== 'function') throw new TypeError('a rule must be a function (user, context, callback)');
    } catch (error) {
      return { ok: false, error: serializeError(error, { rule: rule.name, phase: 'compile' }) };
    }
    const { error, results } = await callWithCallback(fn, [inRealm(box, user), inRealm(box, context)]);
    if (error !== undefined) return { ok: false, error: serializeError(error, { rule: rule.name }) };
    if (results[0] !== undefined) user = plain(results[0]);
    if (results[1] !== undefined) context = plain(results[1]);
  }
  return { ok: true, value: { user, context, updates } };
}

function actionApi(trigger, commands, cache) {
  const claim = (target) => ({
    setCustomClaim: (name, value) => {
      commands[target][String(name)] = plain(value);
    },
  });
  const metadata = (target) => (name, value) => {
    commands[target][String(name)] = value === undefined ? null : plain(value);
  };
  const unsupported = (name) => () => {
    throw new Error(`api.${name} is not supported by oauth-ro (no redirects or prompts on /oauth/ro)`);
  };
  const api = {
    access: {
      deny: trigger === 'post-login'
        ? (reason) => {
            commands.deny ??= { reason: String(reason ?? '') };
          }
        : (code, reason) => {
            commands.deny ??= reason === undefined ? { reason: String(code ?? '') } : { code: String(code), reason: String(reason) };
          },
    },
    user: { setAppMetadata: metadata('app_metadata'), setUserMetadata: metadata('user_metadata') },
    cache: {
      get: (key) => (cache.has(key) ? { value: cache.get(key) } : undefined),
      set: (key, value) => {
        cache.set(String(key), String(value));
        return { type: 'success' };
      },
      delete: (key) => {
        cache.delete(String(key));
        return { type: 'success' };
      },
    },
  };
  if (trigger === 'post-login') {
    api.idToken = claim('idToken');
    api.accessToken = { ...claim('accessToken'), addScope: unsupported('accessToken.addScope'), removeScope: unsupported('accessToken.removeScope') };
    api.multifactor = {
      enable: (provider, options) => {
        commands.multifactor = { ...(options ? plain(options) : {}), provider: String(provider) };
      },
    };
    api.redirect = { sendUserTo: unsupported('redirect.sendUserTo'), encodeToken: unsupported('redirect.encodeToken'), validateToken: unsupported('redirect.validateToken') };
    api.authentication = { challengeWith: unsupported('authentication.challengeWith'), enrollWith: unsupported('authentication.enrollWith') };
  } else {
    api.validation = {
      error: (code, message) => {
        commands.deny ??= { code: String(code), reason: String(message ?? '') };
      },
    };
  }
  return api;
}

const ACTION_HANDLERS = { 'post-login': 'onExecutePostLogin', 'pre-user-registration': 'onExecutePreUserRegistration' };
const actionCaches = new Map();

async function runActions(input, sandboxFor) {
  const handlerName = ACTION_HANDLERS[input.trigger];
  if (!handlerName) return { ok: false, error: { name: 'Error', message: `unknown trigger ${input.trigger}` } };
  const commands = { idToken: {}, accessToken: {}, app_metadata: {}, user_metadata: {} };
  for (const action of input.actions) {
    const box = sandboxFor(`action:${action.id}`);
    let exports;
    try {
      const factory = box.compile(action.code, 'module', `action:${action.name}`);
      const module = { exports: {} };
      factory.call(module.exports, module.exports, box.context.require, module);
      exports = module.exports;
    } catch (error) {
      return { ok: false, error: serializeError(error, { action: action.name, phase: 'compile' }) };
    }
    const handler = exports?.[handlerName];
    if (typeof handler !== 'function') continue;
    if (!actionCaches.has(action.id)) actionCaches.set(action.id, new Map());
    const event = inRealm(box, { ...input.event, secrets: action.secrets ?? {} });
    try {
      await handler(event, actionApi(input.trigger, commands, actionCaches.get(action.id)));
    } catch (error) {
      return { ok: false, error: serializeError(error, { action: action.name }) };
    }
    if (commands.deny) break;
  }
  return { ok: true, value: commands };
}

/** Argument lists of Auth0's custom-database scripts, by operation. */
const DATABASE_ARGS = {
  login: (a) => [a.email, a.password],
  get_user: (a) => [a.email],
  create: (a) => [a.user],
  verify: (a) => [a.email],
  change_password: (a) => [a.email, a.newPassword],
  delete: (a) => [a.id],
};

async function runDatabaseScript(input, sandboxFor) {
  const args = DATABASE_ARGS[input.op];
  if (!args) return { ok: false, error: { name: 'Error', message: `unknown custom-database operation ${input.op}` } };
  const box = sandboxFor(`db:${input.id}:${input.op}`);
  box.context.configuration = Object.freeze(inRealm(box, input.configuration ?? {}));
  let fn;
  try {
    fn = box.compile(input.script, 'expression', `${input.id}/${input.op}.js`);
    if (typeof fn !== 'function') throw new TypeError(`the ${input.op} script must be a function`);
  } catch (error) {
    return { ok: false, error: serializeError(error, { phase: 'compile' }) };
  }
  const { error, results } = await callWithCallback(fn, args(input.args).map((value) => inRealm(box, value)));
  if (error !== undefined) return { ok: false, error: serializeError(error) };
  return { ok: true, value: results[0] === undefined || results[0] === null ? null : plain(results[0]) };
}

module.exports = { runRules, runActions, runDatabaseScript, callWithCallback };
