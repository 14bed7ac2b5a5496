/**
 * Readiness checks by name (`database`, `redis`, `server`…): each resolves when what it checks can
 * serve requests and rejects, with a reason that names no secret, when it cannot. Behind
 * `GET /health/ready`. Store packages expose `ping()`, which is such a check.
 *
 * @example
 * const readiness: ReadinessChecks = { database: () => stores.ping() };
 */
export type ReadinessChecks = Readonly<Record<string, () => Promise<void>>>;
