import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useMountedApp, GOOD_PASSWORD } from '@oauth-ro/conformance';
import { DB_CONNECTION, TEST_CLIENTS } from '@oauth-ro/conformance';
import { CONFORMANCE_HARNESSES } from '../harness/index.js';
import { controlText, formatText, loneSurrogateText, nfkcExpandingText, nulText } from './hostile-text.js';

/** Generated identifiers per harness and kind. */
const RUNS = 60;

const refusedIdentifier = fc.oneof(nulText, controlText, loneSurrogateText, formatText, nfkcExpandingText.filter((t) => t.normalize('NFKC').trim().length > 254));

describe.each(CONFORMANCE_HARNESSES.map((h) => [h.name, h] as const))('hostile identifiers through %s', (_name, harness) => {
  const ctx = useMountedApp(harness);

  it('refuses every generated NUL, control, lone-surrogate, format-character or over-long (after NFKC) identifier with 400, at login and sign-up', async () => {
    await fc.assert(
      fc.asyncProperty(refusedIdentifier, fc.constantFrom('login', 'signup-email', 'signup-username', 'metadata'), async (text, where) => {
        const json =
          where === 'login'
            ? { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, username: text, password: 'Wrong-Password-1' }
            : where === 'signup-email'
              ? { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, email: `${text}@example.com`, password: GOOD_PASSWORD }
              : where === 'signup-username'
                ? { client_id: TEST_CLIENTS.rs256, connection: 'db-with-username', email: 'fuzz-u@example.com', username: text, password: GOOD_PASSWORD }
                : { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, email: 'fuzz-m@example.com', password: GOOD_PASSWORD, user_metadata: { note: text } };
        const path = where === 'login' ? '/oauth/ro' : '/dbconnections/signup';
        const res = await ctx.current.app.dispatch({ method: 'POST', path, json });
        const hostile = where !== 'metadata' || !/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]*$/.test(text);
        if (hostile) expect({ status: res.status, error: res.json?.error }, JSON.stringify(text).slice(0, 80)).toEqual({ status: 400, error: 'invalid_request' });
        else expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS * 4, seed: 20261203 },
    );
  }, 120_000);
});
