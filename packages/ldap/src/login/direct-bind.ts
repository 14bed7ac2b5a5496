import { err, oauthError, type DirectoryIdentity, type OAuthError, type Result } from '@oauth-ro/core/ports';
import type { Client, Entry } from 'ldapts';
import { bindUser } from '../bind/bind-user.js';
import type { ConnectionState } from '../directory/connection-state.js';
import { unavailable } from '../errors/unavailable.js';
import { unknownUser } from '../errors/unknown-user.js';
import { escapeDnValue } from '../filter/escape-dn.js';
import { findUser } from './find-user.js';
import { loginName } from './login-name.js';
import { toIdentity } from './to-identity.js';

/**
 * The bind name for direct mode: `{0}` alone binds with the login exactly as typed (AD accepts
 * `jdoe@upn` and `DOMAIN\jdoe`); a DN template gets the name DN-escaped; other templates
 * (`{0}@corp.example.com`, `CORP\{0}`) get the plain name.
 *
 * @example
 * bindName('uid={0},ou=people,dc=example,dc=org', 'jdoe', 'jdoe'); // 'uid=jdoe,ou=people,dc=example,dc=org'
 */
export function bindName(template: string, typed: string, name: string): string {
  if (template === '{0}') return typed;
  const value = template.includes('=') ? escapeDnValue(name) : name;
  return template.replaceAll('{0}', () => value);
}

/**
 * Direct mode (no service account): bind as the user, then read the user's own entry on that same
 * connection while still bound as them.
 *
 * @example
 * const identity = await directBind(state, 'jdoe@corp.example.com', 'Passw0rd!');
 */
export async function directBind(state: ConnectionState, username: string, password: string): Promise<Result<DirectoryIdentity, OAuthError>> {
  const { options } = state;
  const name = loginName(username, options.domain);
  if (name === undefined) return err(unknownUser());
  if (password.length === 0) return err(oauthError('invalid_user_password'));
  const template = options.userBindDn as string;
  const dn = bindName(template, username, name);
  const dnTemplate = template !== '{0}' && template.includes('=');
  const readOwnEntry = async (client: Client): Promise<Result<DirectoryIdentity, OAuthError>> => {
    let entry: Entry | undefined;
    if (dnTemplate) {
      const { searchEntries } = await client.search(dn, {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: state.attributes,
        explicitBufferAttributes: state.binaryAttributes,
      });
      entry = searchEntries[0];
    } else {
      const found = await findUser(state, name, client);
      if (!found.ok) return found;
      entry = found.value;
    }
    if (!entry) return err(unavailable(state.name, "the user's entry could not be read"));
    return toIdentity(state, entry, client);
  };
  const bound = await bindUser(state, dn, password, readOwnEntry);
  if (!bound.ok) return bound;
  return bound.value ?? err(unavailable(state.name));
}

