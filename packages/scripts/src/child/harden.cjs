'use strict';
// What Node's permission model leaves open, closed before any script runs: outbound TCP only to the
// `host:port` allow-list (every client — http, https, fetch, pg, mysql2, request — ends in
// net.Socket#connect), no UDP, no listening sockets, no signals to other processes (the server).
const net = require('node:net');
const dgram = require('node:dgram');

class OutboundDeniedError extends Error {
  constructor(target) {
    super(`outbound connection to ${target} is not in the script runner's allow-list`);
    this.name = 'OutboundDeniedError';
    this.code = 'ERR_OUTBOUND_DENIED';
  }
}

/** `host:port` entries; `*` matches any host or any port. Hosts are compared as written, case-insensitively. */
function allowListMatcher(entries) {
  const parsed = entries.map((entry) => {
    const at = String(entry).lastIndexOf(':');
    return { host: String(entry).slice(0, at).replace(/^\[|\]$/g, '').toLowerCase(), port: String(entry).slice(at + 1) };
  });
  return (host, port) =>
    parsed.some((e) => (e.host === '*' || e.host === host.toLowerCase()) && (e.port === '*' || e.port === String(port)));
}

function connectTarget(args) {
  // Node calls connect with its normalised [options, callback] array, users with (options | port, host | path).
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    if (first.path != null || first.fd != null) return { denied: `local socket ${String(first.path ?? first.fd)}` };
    return { host: String(first.host ?? 'localhost'), port: Number(first.port) };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { denied: `local socket ${first}` };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
}

function lock(target, name, value) {
  Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
}

function harden(allow) {
  const allowed = allowListMatcher(allow);
  const originalConnect = net.Socket.prototype.connect;
  lock(net.Socket.prototype, 'connect', function connect(...args) {
    const target = connectTarget(args);
    const denied = target.denied ?? (allowed(target.host, target.port) ? undefined : `${target.host}:${target.port}`);
    if (denied !== undefined) {
      const error = new OutboundDeniedError(denied);
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return originalConnect.apply(this, args);
  });
  lock(net.Server.prototype, 'listen', function listen() {
    throw new Error('scripts may not listen for connections');
  });
  lock(dgram, 'createSocket', function createSocket() {
    throw new Error('scripts may not open UDP sockets');
  });
  const refuse = (name) =>
    function refused() {
      throw new Error(`process.${name} is not available to scripts`);
    };
  for (const name of ['kill', '_kill', 'dlopen', 'binding', '_linkedBinding']) {
    if (name in process) lock(process, name, refuse(name));
  }
}

module.exports = { harden, allowListMatcher, OutboundDeniedError };
