import type { ConnectionConfig } from '../config/types.js';
import { ConfigurationError } from '../errors/oauth-error.js';

/** A passwordless connection's code and message settings, validated once at start-up. */
export interface PasswordlessSettings {
  readonly strategy: 'sms' | 'email';
  /** Digits in a code (`totp.length`, default 6). */
  readonly length: number;
  /** Seconds a code stays valid (`totp.time_step`, default 180). */
  readonly time_step: number;
  /** Wrong tries that kill a code. */
  readonly max_attempts: number;
  /** `md_with_macros` (`@@password@@`) or `liquid` (also `{{ code }}`, `{{ link }}`, `{{ application.name }}`). */
  readonly syntax: 'md_with_macros' | 'liquid';
  /** The message body template (SMS `template`, email `email.body`). */
  readonly template: string;
  /** Email only: the subject template. */
  readonly subject?: string;
  /** The sender (`from`, or `email.from`), a template for email. */
  readonly from?: string;
}

/** Auth0's limit: the third wrong code kills it. */
export const MAX_CODE_ATTEMPTS = 3;

const DEFAULT_SMS_TEMPLATE = 'Your verification code is: @@password@@';
const DEFAULT_EMAIL_SUBJECT = 'Your verification code';
const DEFAULT_EMAIL_BODY = 'Your verification code is: {{ code }}';
const CODE_PLACEHOLDER = /@@password@@|\{\{\s*(code|password)\s*\}\}/;
const LINK_PLACEHOLDER = /\{\{\s*link\s*\}\}/;
const DEFAULT_LINK_BODY = 'Click this link to log in: {{ link }}';
const DEFAULT_LINK_SUBJECT = 'Your login link';

/** A template and the syntax it is rendered with. */
export interface MessageTemplate {
  readonly template: string;
  readonly syntax: 'md_with_macros' | 'liquid';
}

/**
 * The message body for a code or a link: the connection's own template when it shows what is sent
 * (`@@password@@`/`{{ code }}` for a code, `{{ link }}` for a link, Liquid only), else the default
 * for that kind (so a connection set up for codes can still send links, and the other way round).
 *
 * @example messageTemplate(settings, 'link'); // { template: 'Click this link to log in: {{ link }}', syntax: 'liquid' }
 */
export function messageTemplate(settings: PasswordlessSettings, send: 'code' | 'link'): MessageTemplate {
  const own = { template: settings.template, syntax: settings.syntax };
  if (send === 'link') return settings.syntax === 'liquid' && LINK_PLACEHOLDER.test(settings.template) ? own : { template: DEFAULT_LINK_BODY, syntax: 'liquid' };
  const placeholder = CODE_PLACEHOLDER.exec(settings.template);
  if (placeholder && (placeholder[0] === '@@password@@' || settings.syntax === 'liquid')) return own;
  return settings.strategy === 'sms' ? { template: DEFAULT_SMS_TEMPLATE, syntax: 'md_with_macros' } : { template: DEFAULT_EMAIL_BODY, syntax: 'liquid' };
}

/**
 * The email subject for a code or a link: the connection's own, except the default subject of codes,
 * which a link gets in its own words.
 *
 * @example messageSubject(settings, 'link'); // 'Your login link'
 */
export function messageSubject(settings: PasswordlessSettings, send: 'code' | 'link'): string | undefined {
  if (settings.subject === undefined) return undefined;
  return send === 'link' && settings.subject === DEFAULT_EMAIL_SUBJECT ? DEFAULT_LINK_SUBJECT : settings.subject;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown, fallback: number, min: number, max: number, path: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(path, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function text(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigurationError(path, 'must be a non-empty string');
  return value;
}

/**
 * Reads the options of an `sms` or `email` connection in the shapes of Auth0's Management API:
 * `totp: {time_step, length}`, and `template`/`from`/`syntax` (sms) or `email: {from, subject, body,
 * syntax}` (email). Throws {@link ConfigurationError} naming `path` (the connection's path in the
 * configuration) for anything that cannot work, such as a template without the code in it.
 *
 * @example
 * readPasswordlessSettings(connection, 'connections[1]'); // { length: 6, time_step: 180, … }
 */
export function readPasswordlessSettings(connection: ConnectionConfig, path: string): PasswordlessSettings {
  const strategy = connection.strategy;
  if (strategy !== 'sms' && strategy !== 'email') throw new ConfigurationError(`${path}.strategy`, 'is not a passwordless strategy');
  const options = connection.options;
  const totp = options.totp ?? {};
  if (!isRecord(totp)) throw new ConfigurationError(`${path}.options.totp`, 'must be an object');
  const length = integer(totp.length, 6, 4, 12, `${path}.options.totp.length`);
  const time_step = integer(totp.time_step, 180, 10, 86_400, `${path}.options.totp.time_step`);

  const source = strategy === 'sms' ? options : (options.email ?? {});
  const at = strategy === 'sms' ? `${path}.options` : `${path}.options.email`;
  if (!isRecord(source)) throw new ConfigurationError(at, 'must be an object');
  const syntax = source.syntax ?? (strategy === 'email' ? 'liquid' : 'md_with_macros');
  if (syntax !== 'md_with_macros' && syntax !== 'liquid') {
    throw new ConfigurationError(`${at}.syntax`, 'must be md_with_macros or liquid');
  }
  const templateKey = strategy === 'sms' ? 'template' : 'body';
  const template = text(source[templateKey], `${at}.${templateKey}`) ?? (strategy === 'sms' ? DEFAULT_SMS_TEMPLATE : DEFAULT_EMAIL_BODY);
  const placeholder = CODE_PLACEHOLDER.exec(template);
  const showsCode = placeholder !== null && (placeholder[0] === '@@password@@' || syntax === 'liquid');
  if (!showsCode && !(syntax === 'liquid' && LINK_PLACEHOLDER.test(template))) {
    throw new ConfigurationError(`${at}.${templateKey}`, syntax === 'liquid' ? 'must contain {{ code }}, {{ link }} or @@password@@' : 'must contain @@password@@');
  }
  const from = text(source.from, `${at}.from`);
  const subject = strategy === 'email' ? (text(source.subject, `${at}.subject`) ?? DEFAULT_EMAIL_SUBJECT) : undefined;
  return {
    strategy,
    length,
    time_step,
    max_attempts: MAX_CODE_ATTEMPTS,
    syntax,
    template,
    ...(subject === undefined ? {} : { subject }),
    ...(from === undefined ? {} : { from }),
  };
}
