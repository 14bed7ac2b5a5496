/** The demo page's own server (serve-page.mjs). */
export interface PageServer {
  /** `http://127.0.0.1:<port>/demo/?server=<server>`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  close(): Promise<void>;
}
export function servePage(options: { dir: string; server: string; port?: number; host?: string }): Promise<PageServer>;
