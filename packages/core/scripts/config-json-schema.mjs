// The JSON Schema of the configuration file, converted from core's valibot schema (the one the
// server validates with): used by the build (write-config-schema.mjs) and by the test that checks
// the committed config.schema.json is current.
import { toJsonSchema } from '@valibot/to-json-schema';

/**
 * @param {import('valibot').GenericSchema} schema core's `CONFIG_SCHEMA`
 * @param {string} auth0OnlyProblem core's `AUTH0_ONLY_PROBLEM`: keys described so are marked deprecated
 * @returns {Record<string, unknown>}
 */
export function configJsonSchema(schema, auth0OnlyProblem) {
  // Custom checks (Auth0-only keys, a section that is not an array) have no JSON Schema form: the
  // server still runs them; editors get the rest.
  const json = toJsonSchema(schema, { errorMode: 'ignore' });
  const mark = (node) => {
    if (Array.isArray(node)) node.forEach(mark);
    else if (node && typeof node === 'object') {
      if (node.description === auth0OnlyProblem) node.deprecated = true;
      Object.values(node).forEach(mark);
    }
  };
  mark(json);
  return {
    $schema: json.$schema,
    $id: 'https://github.com/oauth-ro/oauth-ro/blob/main/packages/core/config.schema.json',
    title: 'oauth-ro configuration',
    description: 'The oauth-ro configuration file (docs/spec.md §2). Generated from @oauth-ro/core; do not edit.',
    ...Object.fromEntries(Object.entries(json).filter(([key]) => key !== '$schema')),
  };
}

/** The file's text: two-space JSON and a final newline. */
export function configJsonSchemaText(schema, auth0OnlyProblem) {
  return `${JSON.stringify(configJsonSchema(schema, auth0OnlyProblem), null, 2)}\n`;
}
