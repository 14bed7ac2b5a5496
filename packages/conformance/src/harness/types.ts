import type { OAuthRo } from '@oauth-ro/core';

/** A request as a test writes it. `json` is sent as application/json, `form` as urlencoded,
 * `body` as is (with whatever content-type header the test sets). */
export interface TestRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A response as a test reads it; `json` is the parsed body (undefined if it was not JSON). */
export interface TestResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  readonly json: any;
}

/** Sends one request to an app, through the framework's own test utility. */
export type Dispatch = (request: TestRequest) => Promise<TestResponse>;

/**
 * One adapter, able to mount an oauth-ro instance in a fresh app of its framework. Every harness also
 * mounts `GET /api/me`, an app route protected the framework's natural way, answering `{ sub }`.
 */
export interface AdapterHarness {
  readonly name: string;
  /**
   * Who answers a path that is not oauth-ro's: the host app (an embedded router passes it on, so the
   * host's own routes and 404 are never shadowed) or oauth-ro itself (core's `fetch`, the whole app). Default `host`.
   */
  readonly unknownPaths?: 'host' | 'oauth-ro';
  mount(oauthRo: OAuthRo): Promise<MountedApp>;
}

/** An app with oauth-ro mounted. */
export interface MountedApp {
  readonly dispatch: Dispatch;
  close(): Promise<void>;
}
