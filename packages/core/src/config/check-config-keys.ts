import * as v from 'valibot';
import { ConfigurationError } from '../errors/oauth-error.js';
import { AUTH0_ONLY_CONFIG_KEYS, AUTH0_ONLY_PROBLEM, CONFIG_SCHEMA, CONFIG_SECTIONS, KNOWN_CONFIG_KEYS } from './known-config-keys.js';

type Section = keyof typeof CONFIG_SECTIONS;
type Issue = v.InferIssue<typeof CONFIG_SCHEMA>;

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function suggestion(key: string, section: Section): string {
  const candidates = [...KNOWN_CONFIG_KEYS[section], ...AUTH0_ONLY_CONFIG_KEYS[section]];
  const lower = key.toLowerCase();
  const best = candidates
    .map((candidate) => ({ candidate, score: distance(lower, candidate.toLowerCase()) }))
    .filter(({ candidate, score }) => score <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((x, y) => x.score - y.score)[0];
  return best ? `; did you mean "${best.candidate}"?` : '';
}

/** The section an object at `keys` (array indices left out) belongs to. */
const SECTION_AT: Readonly<Record<string, Section>> = {
  '': 'root',
  clients: 'client',
  'clients.jwt_configuration': 'jwt_configuration',
  'clients.refresh_token': 'refresh_token',
  connections: 'connection',
};

type PathItem = NonNullable<Issue['path']>[number];

/** `clients[0].jwt_configuration.alg`, as every configuration message names a place. */
function format(items: readonly PathItem[]): string {
  let path = '';
  for (const item of items) path += typeof item.key === 'number' ? `[${item.key}]` : `${path === '' ? '' : '.'}${String(item.key)}`;
  return path === '' ? '(root)' : path;
}

function pathOf(issue: Issue): { path: string; parent: Section | undefined; key: string } {
  const items = issue.path ?? [];
  const last = items.at(-1)?.key;
  const names = items.slice(0, -1).filter((item) => typeof item.key === 'string').map((item) => item.key as string);
  return { path: format(items), parent: SECTION_AT[names.join('.')], key: typeof last === 'string' || typeof last === 'number' ? String(last) : '' };
}

/** The problem of one schema issue, in the configuration's own words. */
function problemOf(issue: Issue, parent: Section | undefined, key: string): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return `unknown key${parent ? suggestion(key, parent) : ''}`;
  if (issue.type === 'strict_object' && issue.received === 'undefined' && parent) {
    // A required key that is missing: the message of the key's own schema.
    const entry = (CONFIG_SECTIONS[parent] as Readonly<Record<string, { readonly message?: unknown }>>)[key];
    if (typeof entry?.message === 'string') return entry.message;
  }
  return issue.message;
}

/**
 * Validates a raw configuration's shape against the configuration schema ({@link CONFIG_SCHEMA}, the
 * one list of keys): the first problem throws a `ConfigurationError` naming its path (an unknown key
 * with a suggestion: `enabeld_clients` → did you mean `enabled_clients`?); keys Auth0 knows but
 * oauth-ro does not support are returned as warnings. What the shape cannot say (URLs, references
 * between clients and connections, duplicates) is checked by `normalizeConfig`.
 *
 * @example
 * checkConfigKeys({ issuer: 'https://a.example/', clients: [{ client_id: 'app', oidc_conformant: true }], connections: [] });
 * // ['clients[0].oidc_conformant: Auth0 setting that oauth-ro does not support; it is ignored']
 */
export function checkConfigKeys(raw: unknown): string[] {
  const result = v.safeParse(CONFIG_SCHEMA, raw, { abortEarly: false });
  const warnings: string[] = [];
  for (const issue of result.issues ?? []) {
    const { path, parent, key } = pathOf(issue);
    if (issue.message === AUTH0_ONLY_PROBLEM) warnings.push(`${path}: ${AUTH0_ONLY_PROBLEM}`);
    else throw new ConfigurationError(path, problemOf(issue, parent, key));
  }
  return warnings;
}
