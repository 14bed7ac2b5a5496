import type { Auth0Record, MigrationContext } from './migration-context.js';

/**
 * Carries Auth0's `allowed_clients` (who may call `/delegation` with this client as `target`) over,
 * mapping each entry through the export's client ids and names and dropping (with a warning) those
 * not in the export. Where the list ends up empty and the export has other clients, says so: Auth0
 * let every client of the tenant delegate to such a client, oauth-ro lets none but the client itself
 * (docs/security.md).
 *
 * @example
 * resolveAllowedClients(clients, new Map([['Mobile', 'AbC']]), context);
 */
export function resolveAllowedClients(clients: Auth0Record[], clientIds: ReadonlyMap<string, string>, context: MigrationContext): void {
  for (const client of clients) {
    const label = typeof client.name === 'string' ? client.name : String(client.client_id);
    const listed = Array.isArray(client.allowed_clients) ? (client.allowed_clients as string[]) : [];
    const ids: string[] = [];
    for (const entry of listed) {
      const id = clientIds.get(entry);
      if (id === undefined) context.warnings.push(`client "${label}": allowed_clients "${entry}" is not a client in the export; dropped`);
      else if (!ids.includes(id)) ids.push(id);
    }
    if (ids.length > 0) {
      client.allowed_clients = ids;
      continue;
    }
    delete client.allowed_clients;
    if (clients.length > 1) {
      context.warnings.push(
        `client "${label}": allowed_clients is empty: in Auth0 every client could get a token for "${label}" through /delegation; ` +
          'in oauth-ro only the client itself can (list the clients that delegate to it in allowed_clients)',
      );
    }
  }
}
