import { randomUUID } from 'node:crypto';

/** The AADSTS refusals the fake Entra ID can give, with Microsoft's wording. */
export const AADSTS_MESSAGES = {
  50126: 'Error validating credentials due to invalid username or password.',
  50034: "The user account {EUII Hidden} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.",
  50057: 'The user account is disabled.',
  50053: "Your account is locked because you've tried to sign in too many times with an incorrect user ID or password.",
  50055: 'The password is expired.',
  50076:
    "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
  50079:
    "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
  7000215: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{client}'.",
  7000218: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  700016: "Application with identifier '{client}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
  90002: "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
  90033: 'A transient error has occurred. Please try again.',
} as const;

export type AadstsCode = keyof typeof AADSTS_MESSAGES;

/** `error` of each code's body, as Entra ID sends it, and its HTTP status. */
const WIRE: Readonly<Record<AadstsCode, { error: string; status: number; suberror?: string }>> = {
  50126: { error: 'invalid_grant', status: 400 },
  50034: { error: 'invalid_grant', status: 400 },
  50057: { error: 'invalid_grant', status: 400 },
  50053: { error: 'invalid_grant', status: 400 },
  50055: { error: 'invalid_grant', status: 400, suberror: 'user_password_expired' },
  50076: { error: 'invalid_grant', status: 400, suberror: 'basic_action' },
  50079: { error: 'invalid_grant', status: 400, suberror: 'basic_action' },
  7000215: { error: 'invalid_client', status: 401 },
  7000218: { error: 'invalid_client', status: 401 },
  700016: { error: 'unauthorized_client', status: 400 },
  90002: { error: 'invalid_request', status: 400 },
  90033: { error: 'temporarily_unavailable', status: 503 },
};

/** `2024-05-01 12:34:56Z`, the timestamp format of Entra ID error bodies. */
function aadTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/**
 * An error response exactly as the Microsoft identity platform documents it: `error`,
 * `error_description` (`AADSTSnnnn: message` then trace id, correlation id and timestamp),
 * `error_codes`, `timestamp`, `trace_id`, `correlation_id`, `error_uri` (and `suberror` where sent).
 *
 * @example aadstsError(50126, { tenant: 'contoso.onmicrosoft.com', client: 'app' });
 */
export function aadstsError(
  code: AadstsCode,
  names: { tenant: string; client: string },
  authority = 'https://login.microsoftonline.com',
): { status: number; body: Record<string, unknown> } {
  const wire = WIRE[code];
  const now = new Date();
  const trace_id = randomUUID();
  const correlation_id = randomUUID();
  const timestamp = aadTimestamp(now);
  const message = AADSTS_MESSAGES[code].replace('{tenant}', names.tenant).replace('{client}', names.client);
  return {
    status: wire.status,
    body: {
      error: wire.error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${trace_id}\r\nCorrelation ID: ${correlation_id}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id,
      correlation_id,
      error_uri: `${authority}/error?code=${code}`,
      ...(wire.suberror ? { suberror: wire.suberror } : {}),
    },
  };
}
