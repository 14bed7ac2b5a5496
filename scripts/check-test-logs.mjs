#!/usr/bin/env node
// Fails when any log written during the test suite holds a secret: a known fixture password, client
// secret or key (packages/conformance/src/fixtures/known-test-secrets.json), anything shaped like a
// JWT, or a credential-named JSON key (password, secret, token, authorization, cookie, assertion,
// otp; `code` when it holds a one-time code's digits) with a value other than pino's redaction
// marker, or any passwordless code the tests issued (listed in the directory's `*.codes` files by
// test-kit's capturing sender) in a string of a log line. Usage: node scripts/check-test-logs.mjs [dir] (default $OAUTH_RO_TEST_LOG_DIR, else
// .tmp/test-logs). Prints how many files and lines it scanned; exits 1 on any finding.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SECRETS_FILE = fileURLToPath(new URL('../packages/conformance/src/fixtures/known-test-secrets.json', import.meta.url));
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\./;
const CREDENTIAL_KEY = /(password|passwd|secret|token|authorization|cookie|assertion|otp)s?$/i;
const CODE_KEY = /(^|_)code$/i;
const ONE_TIME_CODE = /^\d{4,12}$/;
const REDACTED = new Set(['[redacted]', '[Redacted]', '[REDACTED]']);
// Ids are hex or base64 and may hold a run of digits that equals some code by chance.
const ID_KEY = /(^|_)(id|kid|jti|reqid)$|Id$/i;
// A code stands alone (`code is 042917`, `code=042917&`): digits glued to letters are part of a longer
// token, such as a hex user id inside a logged path (`/api/v2/users/auth0%7C042917a4…`).
const DIGIT_RUN = /(?<![0-9A-Za-z])\d{4,12}(?![0-9A-Za-z])/g;

/** The fixture secrets every log is searched for. */
export function knownTestSecrets() {
  return JSON.parse(readFileSync(SECRETS_FILE, 'utf8'));
}

/** Shows which value matched without printing the secret itself. */
function mask(value) {
  return `${JSON.stringify(value.slice(0, 3))}… (${value.length} chars)`;
}

/** The issued codes among the digit runs of `text`. */
function issuedCodesIn(text, codes) {
  return codes.size === 0 ? [] : (text.match(DIGIT_RUN) ?? []).filter((run) => codes.has(run));
}

/** Credential-named keys holding a string, and issued codes in strings, anywhere in a parsed log line. */
function credentialFields(value, path, found, codes) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => credentialFields(item, `${path}[${i}]`, found, codes));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (typeof field === 'string' && field !== '' && !REDACTED.has(field)) {
        if (CREDENTIAL_KEY.test(key)) found.push(`key ${at} holds ${mask(field)}`);
        else if (CODE_KEY.test(key) && ONE_TIME_CODE.test(field)) found.push(`key ${at} holds a one-time code ${mask(field)}`);
        if (!ID_KEY.test(key)) for (const code of issuedCodesIn(field, codes)) found.push(`key ${at} holds an issued passwordless code ${mask(code)}`);
      }
      credentialFields(field, at, found, codes);
    }
  }
}

/** Every problem of one line; `codes` are the passwordless codes the tests issued. */
export function lineFindings(line, secrets, codes = new Set()) {
  const found = [];
  for (const secret of secrets) {
    // As written, or as JSON escapes it inside a string.
    if (line.includes(secret) || line.includes(JSON.stringify(secret).slice(1, -1))) found.push(`known test secret ${mask(secret)}`);
  }
  const jwt = JWT_SHAPE.exec(line);
  if (jwt) found.push(`JWT-shaped text ${mask(jwt[0])}`);
  let parsed;
  try {
    parsed = line.startsWith('{') ? JSON.parse(line) : undefined;
  } catch {
    // Not JSON after all (an operator line that starts with a brace): checked as text below.
  }
  if (parsed !== undefined) credentialFields(parsed, '', found, codes);
  else for (const code of issuedCodesIn(line, codes)) found.push(`an issued passwordless code ${mask(code)}`);
  return found;
}

function logFiles(dir) {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .flatMap((path) => (statSync(path).isDirectory() ? logFiles(path) : [path]));
}

/** Scans every log file under `dir`; returns counts and findings (`file:line: what`). */
export function checkTestLogs(dir, secrets = knownTestSecrets()) {
  const findings = [];
  let lines = 0;
  const all = logFiles(dir);
  const codeFiles = all.filter((file) => file.endsWith('.codes'));
  const codes = new Set(codeFiles.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean)));
  const files = all.filter((file) => !file.endsWith('.codes'));
  for (const file of files) {
    const text = readFileSync(file, 'utf8').split('\n');
    text.forEach((line, i) => {
      if (line === '') return;
      lines += 1;
      for (const what of lineFindings(line, secrets, codes)) findings.push(`${relative(process.cwd(), file)}:${i + 1}: ${what}`);
    });
  }
  return { files: files.length, lines, codes: codes.size, findings };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? process.env.OAUTH_RO_TEST_LOG_DIR ?? '.tmp/test-logs';
  if (!existsSync(dir)) {
    console.error(`check-test-logs: ${dir} does not exist (was the suite run with OAUTH_RO_TEST_LOG_DIR set?)`);
    process.exit(1);
  }
  const { files, lines, codes, findings } = checkTestLogs(dir);
  console.log(`check-test-logs: ${files} files, ${lines} lines scanned in ${dir} (${codes} issued passwordless codes looked for), ${findings.length} findings`);
  for (const finding of findings.slice(0, 50)) console.error(`  ${finding}`);
  if (findings.length > 50) console.error(`  … and ${findings.length - 50} more`);
  process.exit(findings.length === 0 ? 0 : 1);
}
