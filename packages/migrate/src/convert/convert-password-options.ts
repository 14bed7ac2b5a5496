import { isRecord, type Auth0Record, type MigrationContext } from './migration-context.js';

const int = (v: unknown, min: number, max: number): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? Math.min(max, Math.max(min, v)) : undefined);

/**
 * The password and username settings of an Auth0 database connection, in the same option names:
 * `password_complexity_options.min_length`, `password_dictionary` (`enable`, `dictionary`),
 * `password_history` (`enable`, `size`), `password_no_personal_info`, `validation.username`. Values
 * outside what oauth-ro accepts are clamped, with a warning.
 *
 * @example
 * convertPasswordOptions({ password_history: { enable: true, size: 5 } }, 'connections[0]', context);
 * // { password_history: { enable: true, size: 5 } }
 */
export function convertPasswordOptions(options: Auth0Record, where: string, context: MigrationContext): Auth0Record {
  const out: Auth0Record = {};
  const complexity = options.password_complexity_options;
  if (isRecord(complexity) && complexity.min_length !== undefined) {
    const min = int(complexity.min_length, 1, 128);
    if (min !== undefined) out.password_complexity_options = { min_length: min };
    else context.warnings.push(`${where}.options.password_complexity_options.min_length: not a whole number; ignored`);
  }
  const dictionary = options.password_dictionary;
  if (isRecord(dictionary) && typeof dictionary.enable === 'boolean') {
    const words = Array.isArray(dictionary.dictionary) ? dictionary.dictionary.filter((w): w is string => typeof w === 'string' && w.length > 0) : [];
    const kept = words.filter((w) => w.length <= 50).slice(0, 2000);
    if (kept.length < words.length) context.warnings.push(`${where}.options.password_dictionary.dictionary: ${words.length - kept.length} entries over 50 characters or past 2000 dropped`);
    out.password_dictionary = { enable: dictionary.enable, ...(kept.length > 0 ? { dictionary: kept } : {}) };
  }
  const history = options.password_history;
  if (isRecord(history) && typeof history.enable === 'boolean') {
    const size = int(history.size, 1, 24);
    if (history.size !== undefined && size !== history.size) context.warnings.push(`${where}.options.password_history.size: ${JSON.stringify(history.size)} is outside 1 to 24; using ${String(size ?? 5)}`);
    out.password_history = { enable: history.enable, size: size ?? 5 };
  }
  const personal = options.password_no_personal_info;
  if (isRecord(personal) && typeof personal.enable === 'boolean') out.password_no_personal_info = { enable: personal.enable };
  const username = isRecord(options.validation) && isRecord(options.validation.username) ? options.validation.username : undefined;
  if (username) {
    const min = int(username.min, 1, 128);
    const max = int(username.max, 1, 128);
    if (min !== undefined || max !== undefined) {
      const lo = Math.min(min ?? 1, max ?? 128);
      out.validation = { username: { min: lo, max: Math.max(lo, max ?? 128) } };
    }
  }
  return out;
}
