// Build step: ships core's config.schema.json in the oauth-ro package, so a configuration file can
// say "$schema": "./node_modules/oauth-ro/config.schema.json".
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
copyFileSync(require.resolve('@oauth-ro/core/config.schema.json'), new URL('../config.schema.json', import.meta.url));
