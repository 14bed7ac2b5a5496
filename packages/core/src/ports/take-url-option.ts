/**
 * Takes the store option `name` off a store URL's query (`?schema=` of PostgreSQL, `?prefix=` of
 * Redis), since the driver would not know it; the option both in the URL and in `given` must agree.
 * A URL that does not parse is refused naming its `scheme` only (a URL may carry a password).
 *
 * @example takeUrlOption('postgres://db/oauth?schema=a&sslmode=require', 'schema', 'postgres', undefined); // { url: 'postgres://db/oauth?sslmode=require', option: 'a' }
 */
export function takeUrlOption(value: string, name: string, scheme: string, given: string | undefined): { readonly url: string; readonly option?: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`not a valid ${scheme}:// URL`);
  }
  const option = url.searchParams.get(name) ?? undefined;
  if (option === undefined) return given === undefined ? { url: value } : { url: value, option: given };
  if (given !== undefined && given !== option) {
    throw new Error(`${name} given twice: ${JSON.stringify(option)} in the URL, ${JSON.stringify(given)} in the options`);
  }
  url.searchParams.delete(name);
  return { url: url.toString(), option };
}
