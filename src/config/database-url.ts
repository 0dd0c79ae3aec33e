/** DATABASE_URL handling: what counts as a PostgreSQL address, and how it may appear in logs (never with its password). */

const POSTGRES_PROTOCOLS = new Set(['postgres:', 'postgresql:']);

/** Whether `value` is a `postgres://` or `postgresql://` URL with a host. */
export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return POSTGRES_PROTOCOLS.has(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The password inside a connection string (decoded), or null; loggers redact it. */
export function databaseUrlPassword(value: string): string | null {
  try {
    const password = new URL(value).password;
    return password.length > 0 ? decodeURIComponent(password) : null;
  } catch {
    return null;
  }
}

/** The connection string with its password replaced by `***`, for messages and logs. */
export function redactDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}
