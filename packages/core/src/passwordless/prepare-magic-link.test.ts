import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../config/types.js';
import { webCryptoRandom } from '../ports/random.js';
import { hashCode, importCodeKey } from './hash-code.js';
import { prepareMagicLink } from './prepare-magic-link.js';

const client: ClientConfig = {
  client_id: 'native',
  name: 'Native',
  jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36000, secret_encoded: false },
  mobile: { ios: { app_bundle_identifier: 'com.Example.App' }, android: { app_package_name: 'com.example.app' } },
};
const codeKey = await importCodeKey(new Uint8Array(32).fill(7));
const issuer = 'https://auth.example.com/';

describe('prepareMagicLink: the app links of link_ios / link_android', () => {
  it('is https://{domain}/ios/{bundle identifier}/{email|sms}?code=… and nothing else, as Lock.swift opens it', async () => {
    const prepared = await prepareMagicLink(codeKey, webCryptoRandom, { issuer, client, connection: 'email', strategy: 'email', recipient: 'a@example.com', send: 'link_ios', length: 6 });
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.value.link).toBe(`https://auth.example.com/ios/com.Example.App/email?code=${prepared.value.value}`);
    expect(prepared.value.value).toMatch(/^[0-9]{6}$/);
    // A plain code of the connection: redeemable at /oauth/ro and /passwordless/verify like `send=code`.
    expect(prepared.value.hash).toBe(await hashCode(codeKey, 'email', 'a@example.com', prepared.value.value));
  });

  it('is https://{domain}/android/{package}/{email|sms}?code=…, the prefix Lock.Android’s intent filter matches (case kept)', async () => {
    const prepared = await prepareMagicLink(codeKey, webCryptoRandom, { issuer, client, connection: 'sms-renamed', strategy: 'sms', recipient: '+15550100000', send: 'link_android', length: 6 });
    expect(prepared.ok && prepared.value.link).toMatch(/^https:\/\/auth\.example\.com\/android\/com\.example\.app\/sms\?code=[0-9]{6}$/);
  });

  it('refuses a client that names no app for the platform', async () => {
    const web: ClientConfig = { ...client, mobile: {} };
    const prepared = await prepareMagicLink(codeKey, webCryptoRandom, { issuer, client: web, connection: 'email', strategy: 'email', recipient: 'a@example.com', send: 'link_android', length: 6 });
    expect(prepared.ok ? undefined : prepared.error).toMatchObject({ code: 'bad_request', description: "send=link_android needs the client's mobile.android.app_package_name" });
  });
});
