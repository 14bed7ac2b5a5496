import type { ClientConfig } from '../config/types.js';
import { base64UrlDecode } from '../util/encoding.js';

const encoder = new TextEncoder();

/**
 * The HS256 key of a client: its secret as UTF-8, or base64url-decoded when `secret_encoded`.
 *
 * @example clientSecretKey(client); // Uint8Array
 */
export function clientSecretKey(client: ClientConfig): Uint8Array | undefined {
  const secret = client.client_secret;
  if (secret === undefined) return undefined;
  return client.jwt_configuration.secret_encoded ? base64UrlDecode(secret) : encoder.encode(secret);
}
