/** Redis replies that mean "not now" rather than "wrong command". */
const TRANSIENT_REPLIES = /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN|OOM)\b/;

/**
 * True when `error` says Redis cannot serve now (disconnected, timed out, loading, read-only
 * replica, out of memory), as opposed to a command the server rejected for what it was.
 *
 * @example isUnavailableReply(new Error('Command timed out')); // true
 */
export function isUnavailableReply(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // ioredis reports server replies as ReplyError; everything else is the connection.
  if (error.name !== 'ReplyError') return true;
  return TRANSIENT_REPLIES.test(error.message);
}
