import { ConfigurationError } from '../errors/oauth-error.js';
import type { ConnectionConfig, EmailTemplate, EmailTemplateName } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Largest template body accepted (Auth0's editor capped templates near this). */
export const MAX_TEMPLATE_BODY = 100_000;
const MAX_SUBJECT = 255;
const MAX_LIFETIME_S = 30 * 24 * 3600;
const TEMPLATE_NAMES: readonly EmailTemplateName[] = ['verify_email', 'reset_email', 'enrollment_email'];

function integer(value: unknown, path: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new ConfigurationError(path, `must be an integer from ${min} to ${max}`);
  return value;
}

function bool(value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'boolean') throw new ConfigurationError(path, 'must be true or false');
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new ConfigurationError(path, 'must be an object');
  return value;
}

/** One header field: a CR or LF would let it write other mail headers. */
function headerText(value: unknown, path: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new ConfigurationError(path, `must be a string of 1 to ${max} characters`);
  if (/[\r\n\0]/.test(value)) throw new ConfigurationError(path, 'must not contain line breaks (header injection)');
  return value;
}

/** Checks a database connection's account options (password policy, username limits, verification). */
function checkDatabaseOptions(options: Readonly<Record<string, unknown>>, path: string): void {
  const policy = options.passwordPolicy;
  if (policy !== undefined && policy !== null && !['none', 'low', 'fair', 'good', 'excellent'].includes(policy as string)) {
    throw new ConfigurationError(`${path}.passwordPolicy`, 'must be one of none, low, fair, good, excellent');
  }
  integer(object(options.password_complexity_options, `${path}.password_complexity_options`).min_length, `${path}.password_complexity_options.min_length`, 1, 128);
  const dictionary = object(options.password_dictionary, `${path}.password_dictionary`);
  bool(dictionary.enable, `${path}.password_dictionary.enable`);
  if (dictionary.dictionary !== undefined) {
    const words = dictionary.dictionary;
    if (!Array.isArray(words) || words.length > 2000 || words.some((w) => typeof w !== 'string' || w.length === 0 || w.length > 50)) {
      throw new ConfigurationError(`${path}.password_dictionary.dictionary`, 'must be at most 2000 strings of 1 to 50 characters');
    }
  }
  const history = object(options.password_history, `${path}.password_history`);
  bool(history.enable, `${path}.password_history.enable`);
  integer(history.size, `${path}.password_history.size`, 1, 24);
  bool(object(options.password_no_personal_info, `${path}.password_no_personal_info`).enable, `${path}.password_no_personal_info.enable`);
  const username = object(object(options.validation, `${path}.validation`).username, `${path}.validation.username`);
  const min = integer(username.min, `${path}.validation.username.min`, 1, 128) ?? 1;
  const max = integer(username.max, `${path}.validation.username.max`, 1, 128) ?? 128;
  if (min > max) throw new ConfigurationError(`${path}.validation.username`, 'min must not exceed max');
  for (const flag of ['requires_username', 'disable_signup', 'requires_email_verification', 'send_verification_email']) bool(options[flag], `${path}.${flag}`);
}

function normalizeTemplate(raw: unknown, path: string): EmailTemplate {
  if (!isRecord(raw)) throw new ConfigurationError(path, 'must be an object');
  const template = raw.template;
  if (!TEMPLATE_NAMES.includes(template as EmailTemplateName)) throw new ConfigurationError(`${path}.template`, `must be one of ${TEMPLATE_NAMES.join(', ')}`);
  const from = headerText(raw.from, `${path}.from`, 320);
  const subject = headerText(raw.subject, `${path}.subject`, MAX_SUBJECT);
  const body = raw.body;
  if (body !== undefined && (typeof body !== 'string' || body.length > MAX_TEMPLATE_BODY)) throw new ConfigurationError(`${path}.body`, `must be a string of at most ${MAX_TEMPLATE_BODY} characters`);
  const resultUrl = raw.resultUrl;
  if (resultUrl !== undefined) {
    let ok: boolean;
    try {
      ok = typeof resultUrl === 'string' && ['https:', 'http:'].includes(new URL(resultUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigurationError(`${path}.resultUrl`, 'must be an http(s) URL');
  }
  const lifetime = integer(raw.urlLifetimeInSeconds, `${path}.urlLifetimeInSeconds`, 60, MAX_LIFETIME_S);
  bool(raw.enabled, `${path}.enabled`);
  return {
    template: template as EmailTemplateName,
    ...(from === undefined ? {} : { from }),
    ...(subject === undefined ? {} : { subject }),
    ...(body === undefined ? {} : { body }),
    ...(resultUrl === undefined ? {} : { resultUrl: resultUrl as string }),
    ...(lifetime === undefined ? {} : { urlLifetimeInSeconds: lifetime }),
    enabled: raw.enabled !== false,
  };
}

/**
 * The account parts of a configuration: database connections' password and verification options
 * are checked, and the top-level `email_templates` (Auth0's `/api/v2/email-templates` shape) and
 * `email_provider` (Auth0's `/api/v2/emails/provider` shape, read by the sender) are carried over.
 * Throws {@link ConfigurationError} naming the path.
 *
 * @example
 * normalizeAccounts({ email_templates: [{ template: 'reset_email', subject: 'Reset' }] }, connections);
 */
export function normalizeAccounts(
  raw: Readonly<Record<string, unknown>>,
  connections: readonly ConnectionConfig[],
): { email_templates?: readonly EmailTemplate[]; email_provider?: Readonly<Record<string, unknown>> } {
  connections.forEach((c, i) => {
    if (c.strategy === 'auth0') checkDatabaseOptions(c.options, `connections[${i}].options`);
  });
  const out: { email_templates?: EmailTemplate[]; email_provider?: Readonly<Record<string, unknown>> } = {};
  if (raw.email_templates !== undefined) {
    if (!Array.isArray(raw.email_templates)) throw new ConfigurationError('email_templates', 'must be an array');
    const templates = raw.email_templates.map((t, i) => normalizeTemplate(t, `email_templates[${i}]`));
    const seen = new Set<string>();
    templates.forEach((t, i) => {
      if (seen.has(t.template)) throw new ConfigurationError(`email_templates[${i}].template`, `duplicates "${t.template}"`);
      seen.add(t.template);
    });
    out.email_templates = templates;
  }
  if (raw.email_provider !== undefined) {
    if (!isRecord(raw.email_provider)) throw new ConfigurationError('email_provider', 'must be an object');
    const provider = raw.email_provider;
    headerText(provider.default_from_address, 'email_provider.default_from_address', 320);
    bool(provider.enabled, 'email_provider.enabled');
    out.email_provider = provider;
  }
  return out;
}
