/** Values a passwordless message template may show. */
export interface TemplateValues {
  readonly code: string;
  /** The client's name (or id), Auth0's `application.name`. */
  readonly application_name: string;
  readonly connection_name: string;
}

const LIQUID_OUTPUT = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}/g;

/**
 * Renders a passwordless template. `@@password@@` is always the code (Auth0's `md_with_macros`).
 * With `liquid`, output tags name values: `{{ code }}` (also `{{ password }}`), `{{ application.name }}`,
 * `{{ connection.name }}`; other names render empty, as in Liquid. Tags (`{% … %}`) and filters are
 * not supported and stay as written.
 *
 * @example renderTemplate('Code: @@password@@', 'md_with_macros', values); // 'Code: 042917'
 */
export function renderTemplate(template: string, syntax: 'md_with_macros' | 'liquid', values: TemplateValues): string {
  const withCode = template.split('@@password@@').join(values.code);
  if (syntax !== 'liquid') return withCode;
  const named: Readonly<Record<string, string>> = {
    code: values.code,
    password: values.code,
    'application.name': values.application_name,
    'connection.name': values.connection_name,
  };
  return withCode.replace(LIQUID_OUTPUT, (_match, name: string) => (Object.hasOwn(named, name) ? named[name]! : ''));
}
