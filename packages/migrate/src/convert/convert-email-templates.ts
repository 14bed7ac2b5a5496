import { isRecord, stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';

const SENT = new Set(['verify_email', 'reset_email']);

/**
 * Auth0's email templates (`GET /api/v2/email-templates/{name}` objects, or deploy-cli's
 * `emailTemplates`): `verify_email` and `reset_email` carry over with `from`, `subject`, `body`,
 * `resultUrl`, `urlLifetimeInSeconds` and `enabled`; the others (welcome, MFA, …) are warnings.
 * deploy-cli keeps bodies in `.html` files next to `tenant.yaml`: a body that names a file is
 * a warning, to paste in.
 *
 * @example convertEmailTemplates([{ template: 'reset_email', subject: 'Reset', body: '<p>{{ url }}</p>' }], context);
 */
export function convertEmailTemplates(raw: unknown, context: MigrationContext): Auth0Record[] {
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? Object.entries(raw).map(([template, t]) => (isRecord(t) ? { template, ...t } : t)) : [];
  const out: Auth0Record[] = [];
  list.forEach((t, i) => {
    if (!isRecord(t)) return;
    const name = stringOf(t.template) ?? stringOf(t.name);
    if (!name || !SENT.has(name)) {
      context.warnings.push(`emailTemplates[${i}]: ${name ?? 'unnamed'} is not sent by oauth-ro (only verify_email and reset_email)`);
      return;
    }
    const template: Auth0Record = { template: name };
    for (const key of ['from', 'subject', 'body', 'resultUrl']) if (stringOf(t[key])) template[key] = t[key];
    if (typeof t.body === 'string' && /^\.{0,2}\/?[\w./-]+\.html?$/.test(t.body.trim())) {
      context.warnings.push(`emailTemplates[${i}].body: "${t.body}" names a file; paste its HTML into email_templates[].body`);
      delete template.body;
    }
    if (typeof t.urlLifetimeInSeconds === 'number') template.urlLifetimeInSeconds = Math.min(2_592_000, Math.max(60, Math.trunc(t.urlLifetimeInSeconds)));
    if (typeof t.enabled === 'boolean') template.enabled = t.enabled;
    if (t.syntax !== undefined && t.syntax !== 'liquid') context.warnings.push(`emailTemplates[${i}].syntax: only liquid placeholders ({{ … }}) are rendered`);
    out.push(template);
  });
  return out;
}
