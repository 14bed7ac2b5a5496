// The part of auth0.js v8's Authentication API the demo calls (the package ships no types).
declare module 'auth0-js' {
  /** auth0.js v8's error object: `code` is the server's `error`, `description` its `error_description`. */
  export interface Auth0Error {
    readonly code?: string | null;
    readonly description?: string | null;
    readonly statusCode?: number;
  }
  export type Callback<T> = (error: Auth0Error | null, result?: T) => void;

  export interface AuthenticationOptions {
    domain: string;
    clientID: string;
    _sendTelemetry?: boolean;
  }

  export class Authentication {
    constructor(options: AuthenticationOptions);
    /** The options given, plus `rootUrl`, which v8 sets to `https://` + domain. */
    baseOptions: AuthenticationOptions & { rootUrl: string };
    dbConnection: {
      signup(options: { connection: string; email: string; password: string }, cb: Callback<{ _id?: string; email?: string; emailVerified?: boolean }>): void;
    };
    passwordless: {
      start(options: { connection: string; send: 'code' | 'link'; phoneNumber: string }, cb: Callback<{ _id?: string; phoneNumber?: string }>): void;
    };
    loginWithResourceOwner(
      options: { connection: string; username: string; password: string; scope?: string },
      cb: Callback<{ accessToken: string; idToken?: string; tokenType?: string }>,
    ): void;
    userInfo(accessToken: string, cb: Callback<Record<string, unknown>>): void;
  }
}
