import { describe, expect, it } from 'vitest';
import { parseConfigText } from './parse-config-text.js';
import { StartupError } from './startup-error.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return (error as Error).message;
  }
  throw new Error('expected a StartupError');
}

describe('parseConfigText', () => {
  const yaml = 'issuer: https://auth.example.com/\nclients:\n  - client_id: app\n    client_secret: env:APP_SECRET\n';

  it('reads YAML by extension, with unquoted env: values as strings', () => {
    expect(parseConfigText(yaml, 'oauth-ro.yaml')).toEqual({
      issuer: 'https://auth.example.com/',
      clients: [{ client_id: 'app', client_secret: 'env:APP_SECRET' }],
    });
    expect(parseConfigText(yaml, 'conf/oauth-ro.YML')).toHaveProperty('clients');
  });

  it('reads JSON by extension, and by content when the extension says nothing', () => {
    expect(parseConfigText('{"issuer":"https://a.example/"}', 'oauth-ro.json')).toEqual({ issuer: 'https://a.example/' });
    expect(parseConfigText('\uFEFF  {"clients": []}', 'oauth-ro.conf')).toEqual({ clients: [] });
    expect(parseConfigText(yaml, 'oauth-ro.conf')).toHaveProperty('issuer');
  });

  it('names the file, line and column of a JSON syntax error', () => {
    const message = messageOf(() => parseConfigText('{\n  "issuer": "x",\n  oops\n}', 'oauth-ro.json'));
    expect(message).toMatch(/^oauth-ro\.json: line 3, column 3: not valid JSON: /);
    expect(message).not.toContain('\n');
  });

  it('names the file, line and column of a YAML syntax error, on one line', () => {
    const message = messageOf(() => parseConfigText('issuer: a\nclients:\n  - client_id: x\n   bad: [\n', 'oauth-ro.yaml'));
    expect(message).toMatch(/^oauth-ro\.yaml: line \d+, column \d+: not valid YAML: \S/);
    expect(message).not.toContain('\n');
  });

  it('refuses duplicate keys in YAML', () => {
    expect(messageOf(() => parseConfigText('issuer: a\nissuer: b\n', 'x.yaml'))).toMatch(/^x\.yaml: line 2, column 1: not valid YAML: .*unique/i);
  });
});
