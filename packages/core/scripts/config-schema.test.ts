import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText } from './config-json-schema.mjs';
import { AUTH0_ONLY_PROBLEM, CONFIG_SCHEMA, KNOWN_CONFIG_KEYS } from '../src/config/known-config-keys.js';
import { normalizeConfig } from '../src/config/normalize-config.js';

const repo = (path: string) => new URL(`../../../${path}`, import.meta.url);
const published = readFileSync(new URL('../config.schema.json', import.meta.url), 'utf8');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(published) as object);

/** The configuration files the repository ships as examples (the Kubernetes one inside its ConfigMap). */
function exampleConfigs(): [string, unknown][] {
  const kubernetes = parse(readFileSync(repo('deploy/kubernetes/oauth-ro.yaml'), 'utf8').split(/^---$/m).find((doc) => doc.includes('kind: ConfigMap'))!) as {
    data: Record<string, string>;
  };
  return [
    ['deploy/compose/oauth-ro.yaml', parse(readFileSync(repo('deploy/compose/oauth-ro.yaml'), 'utf8'))],
    ['apps/demo-web/demo.config.json', JSON.parse(readFileSync(repo('apps/demo-web/demo.config.json'), 'utf8'))],
    ...Object.entries(kubernetes.data).map(([name, text]): [string, unknown] => [`deploy/kubernetes/oauth-ro.yaml (${name})`, parse(text)]),
  ];
}

describe('config.schema.json', () => {
  it('is current: generated from the schema normalizeConfig validates with (pnpm --filter @oauth-ro/core build rewrites it)', () => {
    expect(published).toBe(configJsonSchemaText(CONFIG_SCHEMA, AUTH0_ONLY_PROBLEM));
  });

  it('lists every known key, requires what start-up requires, and refuses what start-up refuses', () => {
    const schema = JSON.parse(published) as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining([...KNOWN_CONFIG_KEYS.root]));
    expect(schema.required.sort()).toEqual(['clients', 'connections', 'issuer']);
    expect(schema.additionalProperties).toBe(false);
    const base = { issuer: 'https://auth.example.com/', clients: [{ client_id: 'app' }], connections: [{ name: 'db', strategy: 'auth0' }] };
    expect(validate(base)).toBe(true);
    for (const wrong of [
      { ...base, isuer: 'x' },
      { ...base, clients: [{ client_id: 'app', jwt_configuration: { alg: 'none' } }] },
      { ...base, connections: [{ name: 'db', strategy: 'nope' }] },
      { ...base, connections: [{ name: 'db', strategy: 'auth0', enabeld_clients: [] }] },
    ]) {
      expect(validate(wrong)).toBe(false);
      expect(() => normalizeConfig(wrong)).toThrow();
    }
    // Auth0-only keys are accepted (deprecated, a warning at start-up).
    expect(validate({ ...base, clients: [{ client_id: 'app', oidc_conformant: true }] })).toBe(true);
  });

  it.each(exampleConfigs())('validates the example %s, which start-up accepts too', (_name, config) => {
    expect(validate.errors ?? [], JSON.stringify(validate(config) ? [] : validate.errors)).toEqual([]);
    expect(validate(config)).toBe(true);
    expect(() => normalizeConfig(config)).not.toThrow();
  });
});
