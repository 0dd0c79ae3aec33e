// What /health may say about a failure: URLs, IP addresses (v4 and v6, with a port or not) and host names give
// the database's whereabouts away, so they are replaced; the error's code says what went wrong.
const ADDRESS =
  /\b[a-z][a-z0-9+.-]*:\/\/\S+|\[[0-9a-f:.]+\](?::\d+)?|(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{1,4}(?![\w:])|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\b/gi;

/**
 * A replica follower's failure for its status (shown on the metrics listener's /health): the error's code
 * (`ECONNREFUSED`, PostgreSQL's `57P01`…) and its message with every address replaced by `<address>`. The
 * whole error, address included, goes to the log.
 */
export function describeReplicaError(error: Error): string {
  const code = (error as { code?: unknown }).code;
  const label = typeof code === 'string' || typeof code === 'number' ? String(code) : error.name;
  const message = error.message.replace(ADDRESS, '<address>').trim();
  return message.length > 0 && message !== label ? `${label}: ${message}` : label;
}
