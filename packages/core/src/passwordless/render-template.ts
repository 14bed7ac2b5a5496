/** How a passwordless message is sent: Auth0's `send` (`code`, `link`, `link_ios`, `link_android`). */
export type PasswordlessSend = 'code' | 'link' | 'link_ios' | 'link_android';

/** Values a passwordless message template may show. */
export interface TemplateValues {
  readonly code: string;
  /** The client's name (or id), Auth0's `application.name`. */
  readonly application_name: string;
  readonly connection_name: string;
  /** The magic link, when one is sent (`{{ link }}`). */
  readonly link?: string;
  /** Auth0's `{{ send }}`: what the message carries. Default `code`. */
  readonly send?: PasswordlessSend;
}

const LIQUID_OUTPUT = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}/g;
/** One `{% if %}…{% endif %}` block without nesting, with optional `elsif` and `else` branches. */
const IF_BLOCK = /\{%-?\s*if\s+([^%]*?)\s*-?%\}([\s\S]*?)\{%-?\s*endif\s*-?%\}/g;
const BRANCH = /\{%-?\s*(elsif\s+[^%]*?|else)\s*-?%\}/g;
/** `send == 'link'`, `send != "code"`: the only conditions rendered; a block with any other is left as written. */
const SEND_TEST = /^send\s*(==|!=)\s*(?:'([a-z_]+)'|"([a-z_]+)")$/;

/** The value of a condition made of `send` tests joined by `or`/`and` (left to right, as Liquid), or undefined when it is anything else. */
function sendCondition(condition: string, send: string): boolean | undefined {
  const parts = condition.trim().split(/\s+(or|and)\s+/);
  let value: boolean | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const test = SEND_TEST.exec(parts[i]!.trim());
    if (!test) return undefined;
    const result = test[1] === '==' ? send === (test[2] ?? test[3]) : send !== (test[2] ?? test[3]);
    const joiner = parts[i - 1];
    value = value === undefined ? result : joiner === 'or' ? value || result : value && result;
  }
  return value;
}

/** Chooses the branch of each `{% if send … %}` block, as Auth0's default passwordless email template uses them. */
function renderSendBlocks(template: string, send: string): string {
  return template.replace(IF_BLOCK, (block: string, condition: string, body: string) => {
    const branches: { condition: string | undefined; body: string }[] = [];
    let current: string | undefined = condition;
    let last = 0;
    for (const match of body.matchAll(BRANCH)) {
      branches.push({ condition: current, body: body.slice(last, match.index) });
      const tag = match[1]!;
      current = tag === 'else' ? undefined : tag.slice(5).trim();
      last = match.index + match[0].length;
    }
    branches.push({ condition: current, body: body.slice(last) });
    const decided = branches.map((b) => (b.condition === undefined ? true : sendCondition(b.condition, send)));
    if (decided.some((d) => d === undefined)) return block;
    return branches[decided.indexOf(true)]?.body ?? '';
  });
}

/**
 * Renders a passwordless template. `@@password@@` is always the code (Auth0's `md_with_macros`).
 * With `liquid`, output tags name values: `{{ code }}` (also `{{ password }}`), `{{ link }}`,
 * `{{ send }}`, `{{ application.name }}`, `{{ connection.name }}`; other names render empty, as in
 * Liquid. `{% if send == 'link' or … %}…{% elsif … %}…{% else %}…{% endif %}` blocks (Auth0's
 * default email template) are rendered; any other tag or filter stays as written.
 *
 * @example renderTemplate('Code: @@password@@', 'md_with_macros', values); // 'Code: 042917'
 */
export function renderTemplate(template: string, syntax: 'md_with_macros' | 'liquid', values: TemplateValues): string {
  const withCode = template.split('@@password@@').join(values.code);
  if (syntax !== 'liquid') return withCode;
  const send = values.send ?? 'code';
  const named: Readonly<Record<string, string>> = {
    code: values.code,
    password: values.code,
    link: values.link ?? '',
    send,
    'application.name': values.application_name,
    'connection.name': values.connection_name,
  };
  return renderSendBlocks(withCode, send).replace(LIQUID_OUTPUT, (_match, name: string) => (Object.hasOwn(named, name) ? named[name]! : ''));
}
