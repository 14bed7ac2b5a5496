import type { ConnectionConfig } from '../config/types.js';
import { bruteForceSubject } from '../protection/brute-force-subject.js';
import type { UserStore } from '../ports/user-store.js';
import { findDatabaseUser } from '../strategies/database/login-database-user.js';
import { normalizeIdentifier } from '../validation/normalize-identifier.js';

/**
 * The brute-force subjects an identifier's counts may be kept under on a connection: the identifier
 * itself (counted so while no user had it), and, on a database connection whose user has it (as
 * email or username), that user's subject (see `bruteForceSubject`). Without a user store, the
 * identifier only.
 *
 * @example await identifierSubjects(users, connection, 'ann'); // ['ann', 'ann@example.com']
 */
export async function identifierSubjects(users: UserStore | undefined, connection: ConnectionConfig, identifier: string): Promise<string[]> {
  const typed = normalizeIdentifier(identifier);
  if (!users || connection.strategy !== 'auth0') return [typed];
  const user = await findDatabaseUser({ users }, connection, typed);
  return [...new Set([typed, bruteForceSubject(user, typed)])];
}
