import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreSuite } from '@oauth-ro/conformance';
import { afterAll } from 'vitest';
import { openSqliteStores } from './open-sqlite-stores.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-sqlite-suite-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreSuite('sqlite file', () => {
  files += 1;
  return openSqliteStores(`sqlite:${join(dir, `suite-${files}.db`)}`);
});
describeStoreSuite('sqlite :memory:', () => openSqliteStores(':memory:'));
