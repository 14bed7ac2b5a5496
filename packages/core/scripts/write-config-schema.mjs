// Build step: writes config.schema.json (published with the package) from the built schema.
import { writeFileSync } from 'node:fs';
import { AUTH0_ONLY_PROBLEM, CONFIG_SCHEMA } from '../dist/internal/index.js';
import { configJsonSchemaText } from './config-json-schema.mjs';

writeFileSync(new URL('../config.schema.json', import.meta.url), configJsonSchemaText(CONFIG_SCHEMA, AUTH0_ONLY_PROBLEM));
