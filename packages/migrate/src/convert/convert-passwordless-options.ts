import { isRecord, stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';

const SMS_KEYS = ['provider', 'twilio_sid', 'messaging_service_sid', 'from', 'template', 'syntax', 'gateway_url', 'forward_req_info'];

function common(options: Auth0Record): Auth0Record {
  const out: Auth0Record = {};
  if (isRecord(options.totp)) {
    const { time_step, length } = options.totp;
    out.totp = { ...(typeof time_step === 'number' ? { time_step } : {}), ...(typeof length === 'number' ? { length } : {}) };
  }
  for (const key of ['brute_force_protection', 'disable_signup']) if (typeof options[key] === 'boolean') out[key] = options[key];
  return out;
}

/**
 * Converts an Auth0 `sms` connection's options: Twilio (`twilio_sid`, `messaging_service_sid` or
 * `from`) or an SMS gateway (`gateway_url`, `gateway_authentication`), the template and `totp`.
 * The Twilio token and the gateway secret become `env:` references.
 *
 * @example
 * convertSmsOptions({ twilio_sid: 'AC…', twilio_token: 'x', from: '+15550100000' }, 'corp-sms', 'connections[1]', context);
 * // { provider: 'twilio', twilio_sid: 'AC…', twilio_token: 'env:CORP_SMS_TWILIO_TOKEN', from: '+15550100000' }
 */
export function convertSmsOptions(options: Auth0Record, name: string, where: string, context: MigrationContext): Auth0Record {
  const out: Auth0Record = { ...common(options) };
  for (const key of SMS_KEYS) if (options[key] !== undefined && options[key] !== null) out[key] = options[key];
  const provider = stringOf(options.provider) ?? 'twilio';
  out.provider = provider;
  if (provider === 'twilio') {
    out.twilio_sid ??= context.envReference(name, 'twilio_sid', `${where}.options.twilio_sid`, 'the Twilio Account SID');
    if (out.from === undefined && out.messaging_service_sid === undefined) {
      out.from = context.envReference(name, 'sms_from', `${where}.options.from`, 'the phone number texts are sent from');
    }
    out.twilio_token = context.envReference(name, 'twilio_token', `${where}.options.twilio_token`, 'the Twilio auth token');
  } else if (provider === 'sms_gateway') {
    out.gateway_url ??= context.envReference(name, 'gateway_url', `${where}.options.gateway_url`, 'the URL of the SMS gateway');
  }
  if (provider === 'sms_gateway' && isRecord(options.gateway_authentication)) {
    const auth = options.gateway_authentication;
    out.gateway_authentication = {
      method: stringOf(auth.method) ?? 'bearer',
      ...(stringOf(auth.subject) ? { subject: auth.subject } : {}),
      ...(stringOf(auth.audience) ? { audience: auth.audience } : {}),
      ...(typeof auth.secret_base64_encoded === 'boolean' ? { secret_base64_encoded: auth.secret_base64_encoded } : {}),
      secret: context.envReference(name, 'gateway_secret', `${where}.options.gateway_authentication.secret`, 'the secret that signs SMS gateway calls'),
    };
  } else if (provider !== 'sms_gateway' && provider !== 'twilio') {
    context.warnings.push(`${where}.options.provider: ${provider} is not supported (twilio, sms_gateway); set it before starting`);
  }
  return out;
}

/**
 * Converts an Auth0 `email` connection's options (`email: {from, subject, body, syntax}`, `totp`).
 * Auth0 keeps the email provider at tenant level; oauth-ro wants it on the connection, so the
 * tenant's SMTP provider (deploy-cli `emailProvider`, or `email_provider` next to the exports) is
 * copied in with its password as an `env:` reference; without one, every SMTP field is an `env:` reference.
 *
 * @example
 * convertEmailOptions({ email: { from: 'no-reply@example.com' } }, 'email', 'connections[2]', provider, context);
 */
export function convertEmailOptions(
  options: Auth0Record,
  name: string,
  where: string,
  provider: Auth0Record | undefined,
  context: MigrationContext,
): Auth0Record {
  const out: Auth0Record = { ...common(options) };
  if (isRecord(options.email)) {
    const email: Auth0Record = {};
    for (const key of ['from', 'subject', 'body', 'syntax']) if (stringOf(options.email[key])) email[key] = options.email[key];
    out.email = email;
  }
  const at = `${where}.options.email_provider`;
  const credentials = isRecord(provider?.credentials) ? provider.credentials : {};
  if (provider && provider.name !== 'smtp') {
    context.warnings.push(`${at}: Auth0's email provider "${String(provider.name)}" is not supported; oauth-ro sends over SMTP`);
  }
  const smtp = provider?.name === 'smtp';
  const port = credentials.smtp_port;
  out.email_provider = {
    name: 'smtp',
    ...(smtp && stringOf(provider.default_from_address) ? { default_from_address: provider.default_from_address } : {}),
    credentials: {
      smtp_host: smtp && stringOf(credentials.smtp_host) ? credentials.smtp_host : context.envReference(name, 'smtp_host', `${at}.credentials.smtp_host`, 'the SMTP server'),
      smtp_port: smtp && typeof port === 'number' ? port : 587,
      smtp_user: smtp && stringOf(credentials.smtp_user) ? credentials.smtp_user : context.envReference(name, 'smtp_user', `${at}.credentials.smtp_user`, 'the SMTP user'),
      smtp_pass: context.envReference(name, 'smtp_pass', `${at}.credentials.smtp_pass`, 'the SMTP password'),
    },
  };
  return out;
}
