import { describe, expect, it } from 'vitest';
import { describeSmtpError, mailBodies } from './send-via-smtp.js';

describe('mailBodies', () => {
  it('sends plain text as text only', () => {
    expect(mailBodies('Your code is 123456')).toEqual({ text: 'Your code is 123456' });
  });

  it('sends markup as HTML with a readable text twin', () => {
    const html = '<html><head><style>p{color:red}</style></head><body><p>Code: <b>123456</b></p><p>Bye &amp; thanks</p></body></html>';
    expect(mailBodies(html)).toEqual({ html, text: 'Code: 123456\nBye & thanks' });
  });
});

describe('describeSmtpError', () => {
  it.each([
    [{ responseCode: 550, response: '550 5.1.1 <x@example.com>: Recipient address rejected', code: 'EENVELOPE' }, 'The mail server refused the message (SMTP 550).'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' }, 'The mail server could not be reached.'],
    [{ code: 'EAUTH', message: 'Invalid login: 535 user=secret' }, 'The mail server refused our credentials.'],
    [new Error('something else'), 'The email could not be sent.'],
  ])('describes %j without the server text', (error, description) => {
    expect(describeSmtpError(error).description).toBe(description);
  });
});
