/** Claims whose values are epoch seconds, shown with their date as well. */
const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf', 'auth_time']);

function describeValue(name: string, value: unknown): string {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') return `${value} (${new Date(value * 1000).toISOString()})`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Fills `table` (with a `<tbody>`) with one row per claim. Text only, never HTML: claims come from
 * the server and may hold anything a user typed at sign-up.
 *
 * @example renderClaims(document.querySelector('#claims')!, decodeIdToken(idToken) ?? {});
 */
export function renderClaims(table: HTMLTableElement, claims: Record<string, unknown>): void {
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(
    ...Object.entries(claims).map(([name, value]) => {
      const row = document.createElement('tr');
      const header = document.createElement('th');
      header.scope = 'row';
      header.textContent = name;
      const cell = document.createElement('td');
      cell.textContent = describeValue(name, value);
      row.append(header, cell);
      return row;
    }),
  );
}
