export * from './issue-ticket.js';
export * from './account-email.js';
export * from './send-ticket-email.js';
export * from './escape-html.js';
