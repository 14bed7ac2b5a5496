import { describe, expect, it } from 'vitest';
import { mapTwilioError } from './map-twilio-error.js';

describe('mapTwilioError', () => {
  it("passes Twilio's message and code on", () => {
    const body = JSON.stringify({ code: 21211, message: "The 'To' number +1555 is not a valid phone number.", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    expect(mapTwilioError(400, body)).toEqual({ description: "The 'To' number +1555 is not a valid phone number. (Code: 21211)", code: 21211 });
  });

  it('falls back to the status for bodies that are not Twilio errors, and cuts long messages', () => {
    expect(mapTwilioError(502, '<html>Bad gateway</html>')).toEqual({ description: 'Twilio answered 502.' });
    expect(mapTwilioError(500, '{"code": 20500}')).toEqual({ description: 'Twilio answered 500.', code: 20500 });
    expect(mapTwilioError(400, JSON.stringify({ message: 'x'.repeat(1000) })).description).toHaveLength(300);
  });
});
