// A password-hashing thread of @oauth-ro/argon2 (started by hash-threads.ts): runs one job at a time,
// synchronously, and answers { ok, value } or { ok: false, message }. CommonJS, whatever the host's
// module settings, so that it loads the same way from src/ (tests) and dist/.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require('@node-rs/argon2');
const bcrypt = require('@node-rs/bcrypt');

// Linux: named (what `top -H` and /proc/<pid>/task/*/comm show), and below the event loop's
// priority (nice is per thread). Elsewhere, or if refused, as is.
try {
  require('node:fs').writeFileSync('/proc/thread-self/comm', 'oauth-ro-hash');
} catch {
  // not Linux
}
if (workerData && workerData.niceness > 0) {
  try {
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    require('node:os').setPriority(tid, workerData.niceness);
  } catch {
    // not Linux, or not allowed: the thread runs at the process's priority
  }
}

function argon2Verify(phc, password) {
  try {
    return argon2.verifySync(phc, password);
  } catch {
    return false;
  }
}

function bcryptVerify(phc, password) {
  try {
    return bcrypt.verifySync(password, phc);
  } catch {
    return false;
  }
}

function runJob(job) {
  switch (job.op) {
    case 'argon2-hash':
      return argon2.hashSync(job.password, job.options);
    case 'argon2-verify':
      return argon2Verify(job.phc, job.password);
    case 'bcrypt-hash':
      return bcrypt.hashSync(job.password, { cost: job.cost });
    case 'bcrypt-verify':
      return bcryptVerify(job.phc, job.password);
    case 'both-verify':
      return [argon2Verify(job.argon2Phc, job.password), bcryptVerify(job.bcryptPhc, job.password)];
    default:
      throw new Error('unknown hashing job');
  }
}

parentPort.on('message', (job) => {
  try {
    parentPort.postMessage({ ok: true, value: runJob(job) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
