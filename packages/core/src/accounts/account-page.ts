import type { OAuthResponse } from '../http/types.js';
import { escapeHtml } from './escape-html.js';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#1f2328;margin:0}main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}h1{font-size:1.4rem;margin-top:0}label{display:block;margin:1rem 0 .25rem}input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}button{margin-top:1.5rem;width:100%;padding:.6rem;font-size:1rem;background:#0a58ca;color:#fff;border:0;border-radius:4px}.error{color:#b42318;white-space:pre-line}.ok{color:#1a7f37}.policy{white-space:pre-wrap;font-size:.85rem;color:#57606a}svg{display:block;margin:1rem auto;max-width:100%;height:auto}.secret,.recovery{font:1.15rem ui-monospace,monospace;text-align:center;word-break:break-all;background:#f4f5f7;padding:.5rem;border-radius:4px}input[name=code]{width:100%;box-sizing:border-box;padding:.5rem;font:1.4rem ui-monospace,monospace;letter-spacing:.3em;text-align:center}';

let styleHash: Promise<string> | undefined;

/** The CSP hash of the one inline style, so the policy needs no 'unsafe-inline'. */
function hashOfStyle(): Promise<string> {
  styleHash ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(STYLE)).then((d) => {
    let bin = '';
    for (const b of new Uint8Array(d)) bin += String.fromCharCode(b);
    return `'sha256-${btoa(bin)}'`;
  });
  return styleHash;
}

/** What a page shows. `body` is trusted HTML built with {@link escapeHtml}. */
export interface AccountPage {
  readonly status: number;
  readonly title: string;
  readonly body: string;
  /** Extra origins a form on the page may submit to (the result URL a POST redirects to). */
  readonly formOrigins?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A server-rendered account page (reset form, results): no script at all, a strict CSP (`default-src
 * 'none'`, the inline style by hash, forms only to this origin), never cached, never framed, and no
 * Referer, so the ticket in the URL leaks nowhere.
 *
 * @example await accountPage({ status: 200, title: 'Email verified', body: '<p>Thanks.</p>' });
 */
export async function accountPage(page: AccountPage): Promise<OAuthResponse> {
  const formAction = ["'self'", ...(page.formOrigins ?? [])].join(' ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(page.title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(page.title)}</h1>${page.body}</main></body></html>`;
  return {
    status: page.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      pragma: 'no-cache',
      'content-security-policy': `default-src 'none'; style-src ${await hashOfStyle()}; img-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...page.headers,
    },
    body: html,
  };
}

/** A page that says something went wrong with the link (400) or the request (403). */
export function problemPage(status: number, title: string, message: string): Promise<OAuthResponse> {
  return accountPage({ status, title, body: `<p class="error">${escapeHtml(message)}</p>` });
}
