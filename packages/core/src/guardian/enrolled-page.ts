import { accountPage } from '../accounts/account-page.js';
import { escapeHtml } from '../accounts/escape-html.js';
import type { OAuthResponse } from '../http/types.js';

/**
 * The page after the first code was accepted: the recovery code, shown this once.
 *
 * @example await enrolledPage('K6LGLV3RSH3VERMKET8L7QKU', CLEAR_CSRF_COOKIE);
 */
export function enrolledPage(recovery_code: string, setCookie: string): Promise<OAuthResponse> {
  return accountPage({
    status: 200,
    title: 'Two-step verification is on',
    body:
      '<p class="ok" role="status">Your authenticator app is set up. From now on, logging in asks for its code.</p>' +
      '<p>If you lose the device, this recovery code lets you in once instead of a code. Write it down and keep it safe: it is shown only now.</p>' +
      `<p class="recovery" id="recovery-code">${escapeHtml(recovery_code)}</p>`,
    headers: { 'set-cookie': setCookie },
  });
}
