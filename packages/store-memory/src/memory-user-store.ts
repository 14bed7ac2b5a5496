import { identifierSkeleton, type LegacyHashes, type UserListOptions, type UserLookup, type UserPatch, type UserRecord, type UserStore } from '@oauth-ro/core/ports';

type LoginKey = 'email' | 'username' | 'phone_number';
const LOGIN_KEYS: readonly LoginKey[] = ['email', 'username', 'phone_number'];

function keyOf(connection: string, field: LoginKey | 'email_skeleton' | 'username_skeleton', value: string): string {
  return `${connection}\u0000${field}\u0000${value}`;
}

/**
 * The unique keys a user holds in its connection: each login key, and for a database (`auth0`)
 * user the confusable skeleton of its email and username (as the SQL stores' unique indexes).
 */
function uniqueKeys(user: UserRecord): string[] {
  const keys: string[] = [];
  for (const field of LOGIN_KEYS) {
    const value = user[field];
    if (value !== undefined) keys.push(keyOf(user.connection, field, value));
  }
  if (user.strategy === 'auth0') {
    if (user.email !== undefined) keys.push(keyOf(user.connection, 'email_skeleton', identifierSkeleton(user.email)));
    if (user.username !== undefined) keys.push(keyOf(user.connection, 'username_skeleton', identifierSkeleton(user.username)));
  }
  return keys;
}

/** Code point order, which is the byte order of UTF-8 (SQL stores' order); `<` on strings compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * A deep copy of profile data: plain objects and arrays by hand (most profiles are a few JSON
 * fields, for which `structuredClone` costs several times more), anything else by `structuredClone`.
 */
function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyValue);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // An own `__proto__` (JSON.parse makes one) would set the copy's prototype by assignment.
    if (key === '__proto__') return structuredClone(value);
    out[key] = copyValue((value as Record<string, unknown>)[key]);
  }
  return out;
}

/** Records leave the store as copies, so a caller cannot change it behind its back. */
function copyOf(user: UserRecord | undefined): UserRecord | undefined {
  return user === undefined ? undefined : { ...user, profile: copyValue(user.profile) as UserRecord['profile'] };
}

/** The cost of a bcrypt hash (`$2b$10$…` → 10), undefined for any other hash. */
function bcryptCostOf(hash: string): number | undefined {
  const m = /^\$2[aby]\$(\d\d)\$/.exec(hash);
  return m ? Number(m[1]) : undefined;
}

/**
 * Users in a Map, with the same uniqueness rules as the SQL stores.
 *
 * @example const users = new MemoryUserStore();
 */
export class MemoryUserStore implements UserStore {
  readonly #byId = new Map<string, UserRecord>();
  readonly #byLogin = new Map<string, string>();
  /** Per connection, how many bcrypt hashes of each cost it holds (the index `legacyHashes` reads). */
  readonly #bcryptCosts = new Map<string, Map<number, number>>();

  async find(connection: string, lookup: UserLookup): Promise<UserRecord | undefined> {
    const [field, value] = Object.entries(lookup)[0] as [LoginKey, string];
    const id = this.#byLogin.get(keyOf(connection, field, value));
    return id === undefined ? undefined : copyOf(this.#byId.get(id));
  }

  async findById(user_id: string): Promise<UserRecord | undefined> {
    return copyOf(this.#byId.get(user_id));
  }

  #taken(user: UserRecord, except?: string): boolean {
    return uniqueKeys(user).some((key) => {
      const owner = this.#byLogin.get(key);
      return owner !== undefined && owner !== except;
    });
  }

  #index(user: UserRecord, add: boolean): void {
    const cost = user.password_hash === undefined ? undefined : bcryptCostOf(user.password_hash);
    if (cost !== undefined) {
      const costs = this.#bcryptCosts.get(user.connection) ?? new Map<number, number>();
      const n = (costs.get(cost) ?? 0) + (add ? 1 : -1);
      if (n > 0) costs.set(cost, n);
      else costs.delete(cost);
      this.#bcryptCosts.set(user.connection, costs);
    }
    for (const key of uniqueKeys(user)) {
      if (add) this.#byLogin.set(key, user.user_id);
      else this.#byLogin.delete(key);
    }
  }

  async create(user: UserRecord): Promise<{ created: true } | { created: false; reason: 'exists' }> {
    if (this.#byId.has(user.user_id) || this.#taken(user)) return { created: false, reason: 'exists' };
    this.#byId.set(user.user_id, structuredClone(user));
    this.#index(user, true);
    return { created: true };
  }

  async update(user_id: string, patch: UserPatch, updated_at: string): Promise<UserRecord | undefined> {
    const current = this.#byId.get(user_id);
    if (!current) return undefined;
    const next: UserRecord = structuredClone({ ...current, ...patch, updated_at });
    if (this.#taken(next, user_id)) throw new Error('update would duplicate a login key');
    this.#index(current, false);
    this.#byId.set(user_id, next);
    this.#index(next, true);
    return structuredClone(next);
  }

  async upsert(user: UserRecord): Promise<UserRecord> {
    const current = this.#byId.get(user.user_id);
    const next = structuredClone(current ? { ...user, created_at: current.created_at, blocked: current.blocked } : user);
    // Like a unique index in SQL: taking another user's login key is refused, nothing changes.
    if (this.#taken(next, user.user_id)) throw new Error('upsert would duplicate a login key');
    if (current) this.#index(current, false);
    this.#byId.set(user.user_id, next);
    this.#index(next, true);
    return structuredClone(next);
  }

  async legacyHashes(connection: string): Promise<LegacyHashes> {
    const costs = [...(this.#bcryptCosts.get(connection)?.keys() ?? [])];
    return costs.length === 0 ? {} : { bcryptCost: Math.max(...costs) };
  }

  async list(options: UserListOptions): Promise<UserRecord[]> {
    const { connection, limit, after } = options;
    return [...this.#byId.values()]
      .filter((user) => (connection === undefined || user.connection === connection) && (after === undefined || compareCodePoints(user.user_id, after) > 0))
      .sort((a, b) => compareCodePoints(a.user_id, b.user_id))
      .slice(0, limit)
      .map((user) => structuredClone(user));
  }

  async delete(user_id: string): Promise<boolean> {
    const current = this.#byId.get(user_id);
    if (!current) return false;
    this.#index(current, false);
    return this.#byId.delete(user_id);
  }
}
