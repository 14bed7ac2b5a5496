import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../http/parse-body.js';
import { validateRoRequest } from './validate-ro-request.js';

describe('validation under generated input', () => {
  it('never throws, and every failure is a 4xx error value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain'), (raw, type) => {
        const body = parseBody({ method: 'POST', path: '/oauth/ro', ip: '', headers: { 'content-type': type }, rawBody: raw });
        if (!body.ok) return;
        const result = validateRoRequest(body.value);
        if (!result.ok) expect(result.error.code).not.toBe('server_error');
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts any object of JSON values without throwing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (body) => {
        expect(() => validateRoRequest(body)).not.toThrow();
      }),
      { numRuns: 5000 },
    );
  });
});
