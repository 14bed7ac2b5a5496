// @oauth-ro/core/admin — what the admin API does, as functions over the ports (for a CLI or a
// back office): user blocks, passwords, deletion, session revocation, pruning expired records.
export * from '../admin/index.js';
export * from '../maintenance/index.js';
