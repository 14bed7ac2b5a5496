import { describe, expect, it } from 'vitest';
import type { ConnectionConfig } from '../config/types.js';
import { ConfigurationError } from '../errors/oauth-error.js';
import { readPasswordlessSettings } from './read-passwordless-settings.js';

const sms = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'sms', strategy: 'sms', enabled_clients: [], options });
const email = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'email', strategy: 'email', enabled_clients: [], options });

describe('readPasswordlessSettings', () => {
  it('applies Auth0 defaults: 6 digits, 180 s, 3 tries', () => {
    expect(readPasswordlessSettings(sms({}), 'connections[0]')).toEqual({
      strategy: 'sms',
      length: 6,
      time_step: 180,
      max_attempts: 3,
      syntax: 'md_with_macros',
      template: 'Your verification code is: @@password@@',
    });
    expect(readPasswordlessSettings(email({}), 'connections[0]')).toMatchObject({ syntax: 'liquid', template: 'Your verification code is: {{ code }}', subject: 'Your verification code' });
  });

  it('reads the Management API shapes', () => {
    const s = readPasswordlessSettings(sms({ totp: { time_step: 300, length: 8 }, from: '+15550100000', template: 'Code: @@password@@' }), 'c');
    expect(s).toMatchObject({ length: 8, time_step: 300, from: '+15550100000', template: 'Code: @@password@@' });
    const e = readPasswordlessSettings(email({ email: { from: 'A <a@example.com>', subject: 'Hi', body: '<b>{{ code }}</b>', syntax: 'liquid' } }), 'c');
    expect(e).toMatchObject({ from: 'A <a@example.com>', subject: 'Hi', template: '<b>{{ code }}</b>' });
  });

  it.each([
    [sms({ totp: { length: 3 } }), 'connections[1].options.totp.length'],
    [sms({ totp: { length: 6.5 } }), 'connections[1].options.totp.length'],
    [sms({ totp: { time_step: 0 } }), 'connections[1].options.totp.time_step'],
    [sms({ totp: 'yes' }), 'connections[1].options.totp'],
    [sms({ template: 'no code here' }), 'connections[1].options.template: must contain @@password@@'],
    [sms({ template: 'Code {{ code }}' }), 'connections[1].options.template: must contain @@password@@'],
    [sms({ syntax: 'handlebars' }), 'connections[1].options.syntax'],
    [email({ email: { body: 'no code' } }), 'connections[1].options.email.body'],
    [email({ email: 'x' }), 'connections[1].options.email'],
    [email({ email: { subject: '' } }), 'connections[1].options.email.subject'],
  ])('refuses bad options naming the path (%#)', (connection, message) => {
    expect(() => readPasswordlessSettings(connection, 'connections[1]')).toThrow(ConfigurationError);
    expect(() => readPasswordlessSettings(connection, 'connections[1]')).toThrow(message);
  });

  it('accepts {{ code }} with the liquid syntax for sms', () => {
    expect(readPasswordlessSettings(sms({ syntax: 'liquid', template: 'Code {{ code }}' }), 'c').template).toBe('Code {{ code }}');
  });
});
