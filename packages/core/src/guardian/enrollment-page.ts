import { accountPage } from '../accounts/account-page.js';
import { escapeHtml } from '../accounts/escape-html.js';
import type { OAuthResponse } from '../http/types.js';
import { qrSvg } from './qr-svg.js';

/** What the enrolment form shows. */
export interface EnrollmentForm {
  readonly status: number;
  /** Who is enrolling (email, username or user id), shown as text. */
  readonly account: string;
  readonly ticket: string;
  readonly csrf: string;
  readonly enrollment_id: string;
  /** The key and its `otpauth://` URI; without them (a retry after a wrong code) only the code is asked. */
  readonly key?: { readonly secret_base32: string; readonly otpauth_uri: string };
  readonly error?: string;
  readonly setCookie?: string;
}

/** The key in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The enrolment page (`GET`/`POST /guardian/enrollment`): the QR code of the `otpauth://` URI as
 * inline SVG, the key as text, and a form for the first code, posted to the same path with the
 * ticket, the CSRF token and the enrolment id. No script; the account page's strict CSP.
 *
 * @example await enrollmentPage({ status: 200, account: 'alice@example.com', ticket, csrf, enrollment_id, key });
 */
export function enrollmentPage(form: EnrollmentForm): Promise<OAuthResponse> {
  const key = form.key
    ? `<p>Scan this code with an authenticator app (Google Authenticator, Authy, 1Password…):</p>${qrSvg(form.key.otpauth_uri, 'QR code of your authentication key')}` +
      `<p>Or type this key into the app:</p><p class="secret" id="secret">${escapeHtml(grouped(form.key.secret_base32))}</p>`
    : '<p>Enter the current code of the entry you added to your authenticator app.</p>';
  return accountPage({
    status: form.status,
    title: 'Set up two-step verification',
    body:
      `<p>For ${escapeHtml(form.account)}</p>` +
      (form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : '') +
      key +
      `<form method="post" action="enrollment"><input type="hidden" name="ticket" value="${escapeHtml(form.ticket)}"><input type="hidden" name="_csrf" value="${escapeHtml(form.csrf)}"><input type="hidden" name="enrollment_id" value="${escapeHtml(form.enrollment_id)}">` +
      `<label for="code">Code from the app</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7" required>` +
      `<button type="submit">Confirm</button></form>`,
    ...(form.setCookie ? { headers: { 'set-cookie': form.setCookie } } : {}),
  });
}
