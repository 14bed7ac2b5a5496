export * from './sms/create-sms-sender.js';
export * from './email/create-email-sender.js';
export * from './options/parse-sms-options.js';
export * from './options/parse-email-options.js';
export * from './sms/map-twilio-error.js';
export { twilioMessagesUrl } from './sms/send-via-twilio.js';
export * from './development/development-outbox.js';
