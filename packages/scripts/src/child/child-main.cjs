'use strict';
// The script runner's child process. The pool starts it with Node's permission model (no file-system
// access beyond the runner and its modules, no child processes, no workers, no native addons), no
// environment and a heap cap; this file adds what the permission model does not cover (outbound
// connections only to the allow-list, no listening sockets, no signals to other processes), then
// runs one script call at a time on the pool's behalf. Scripts run in vm contexts: the process is the
// isolation boundary, the context only gives them Auth0's globals.
const vm = require('node:vm');
const { harden } = require('./harden.cjs');
const { createModules } = require('./modules.cjs');
const { runRules, runActions, runDatabaseScript } = require('./run-scripts.cjs');

const settings = JSON.parse(process.argv[2] || '{}');
harden(settings.allow || []);
const modules = createModules(settings.modules || {});

const sandboxes = new Map();

/** The vm context of one script, kept between calls (Auth0 kept `global` warm in a container). */
function sandboxFor(key, onTimer) {
  let sandbox = sandboxes.get(key);
  if (!sandbox) {
    sandbox = createSandbox(key);
    sandboxes.set(key, sandbox);
  }
  sandbox.onTimer = onTimer;
  return sandbox;
}

function createSandbox(key) {
  const box = { onTimer: undefined, compiled: new Map() };
  const timers = (set, clear) => [
    (fn, ms, ...args) => {
      const handle = set(fn, ms, ...args);
      box.onTimer?.(handle, clear);
      return handle;
    },
    (handle) => clear(handle),
  ];
  const [setTimeoutTracked, clearTimeoutTracked] = timers(setTimeout, clearTimeout);
  const [setIntervalTracked, clearIntervalTracked] = timers(setInterval, clearInterval);
  const globals = {
    console: consoleFor(key),
    setTimeout: setTimeoutTracked,
    clearTimeout: clearTimeoutTracked,
    setInterval: setIntervalTracked,
    clearInterval: clearIntervalTracked,
    setImmediate: (fn, ...args) => setImmediate(fn, ...args),
    clearImmediate: (handle) => clearImmediate(handle),
    queueMicrotask: (fn) => queueMicrotask(fn),
    Buffer,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    AbortController,
    fetch: (...args) => fetch(...args),
    Headers,
    Request,
    Response,
    atob,
    btoa,
    structuredClone,
    require: (name) => modules.require(name),
  };
  const context = vm.createContext(globals, { name: `script:${key}`, codeGeneration: { strings: true, wasm: false } });
  vm.runInContext(ERROR_CLASSES, context, { filename: 'oauth-ro:errors' });
  context.global = context;
  box.context = context;
  // The context's own JSON (builtins are not properties of the contextified object), to rebuild
  // inputs in the script's realm.
  box.JSON = vm.runInContext('JSON', context);
  box.compile = (source, wrap, filename) => {
    const cacheKey = `${wrap}\u0000${source}`;
    let fn = box.compiled.get(cacheKey);
    if (!fn) {
      const code = wrap === 'module' ? `(function (exports, require, module) {\n${source}\n})` : `(${source}\n)`;
      fn = new vm.Script(code, { filename }).runInContext(context);
      box.compiled.set(cacheKey, fn);
    }
    return fn;
  };
  return box;
}

// Auth0's error types, defined inside each context so scripts' `instanceof` checks hold there.
const ERROR_CLASSES = `
class UnauthorizedError extends Error { constructor(message) { super(message); this.name = 'UnauthorizedError'; } }
class WrongUsernameOrPasswordError extends Error {
  constructor(userOrMessage, message) {
    super(message === undefined ? (userOrMessage === undefined ? 'Wrong email or password.' : String(userOrMessage)) : String(message));
    this.name = 'WrongUsernameOrPasswordError';
    if (message !== undefined) this.user = userOrMessage;
  }
}
class ValidationError extends Error {
  constructor(code, message) { super(message === undefined ? String(code) : String(message)); this.name = 'ValidationError'; this.code = message === undefined ? 'invalid_signup' : String(code); }
}
globalThis.UnauthorizedError = UnauthorizedError;
globalThis.WrongUsernameOrPasswordError = WrongUsernameOrPasswordError;
globalThis.ValidationError = ValidationError;
`;

function consoleFor(key) {
  const emit = (level) => (...args) => {
    const text = args.map((a) => (typeof a === 'string' ? a : safeInspect(a))).join(' ').slice(0, 4096);
    process.send?.({ type: 'log', level, script: key, text });
  };
  return { log: emit('info'), info: emit('info'), warn: emit('warn'), error: emit('error'), debug: emit('debug') };
}

function safeInspect(value) {
  try {
    return require('node:util').inspect(value, { depth: 3, breakLength: Infinity });
  } catch {
    return String(value);
  }
}

const runners = { rules: runRules, actions: runActions, database: runDatabaseScript };

process.on('message', (message) => {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'ping') {
    process.send?.({ type: 'pong', id: message.id });
    return;
  }
  if (message.type !== 'run') return;
  const run = runners[message.kind];
  if (!run) {
    process.send?.({ type: 'result', id: message.id, ok: false, error: { name: 'Error', message: `unknown kind ${message.kind}` } });
    return;
  }
  const pendingTimers = new Map();
  const onTimer = (handle, clear) => pendingTimers.set(handle, clear);
  Promise.resolve()
    .then(() => run(message.input, (key) => sandboxFor(key, onTimer)))
    .then(
      (outcome) => process.send?.({ type: 'result', id: message.id, ...outcome }),
      (error) => process.send?.({ type: 'result', id: message.id, ok: false, error: serializeError(error) }),
    )
    .finally(() => {
      // A script that called back and left timers behind must not keep working between calls.
      for (const [handle, clear] of pendingTimers) clear(handle);
    });
});

function serializeError(error) {
  if (error && typeof error === 'object') {
    return { name: String(error.name || 'Error'), message: String(error.message ?? ''), ...(error.code !== undefined ? { code: String(error.code) } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

process.on('uncaughtException', (error) => {
  process.send?.({ type: 'uncaught', error: serializeError(error) });
});
process.on('unhandledRejection', (error) => {
  process.send?.({ type: 'uncaught', error: serializeError(error) });
});

process.send?.({ type: 'ready' });
