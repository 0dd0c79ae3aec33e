/** Why a PostgreSQL-mode archive (DATABASE_URL set) could not open. */

/** Raised when PostgreSQL cannot be reached and the local replica has nothing to answer from. */
export class PostgresUnavailableError extends Error {
  /** DATABASE_URL with its password replaced by `***`. */
  readonly databaseUrl: string;
  constructor(redactedUrl: string, options: { cause: unknown }) {
    const reason = describeCause(options.cause);
    super(
      `could not reach PostgreSQL at ${redactedUrl} (${reason}) and this worker's replica is empty, so there is nothing to answer from; ` +
        'check DATABASE_URL and that the server is running',
      options,
    );
    this.name = 'PostgresUnavailableError';
    this.databaseUrl = redactedUrl;
  }
}

/** Raised when another process already keeps its replica in this NEWSBOT_HOME. */
export class ReplicaHomeBusyError extends Error {
  readonly home: string;
  readonly holderPid: number | null;
  constructor(home: string, holderPid: number | null) {
    super(
      `the replica in ${home} is kept by ${holderPid === null ? 'another process' : `process ${holderPid}`}; ` +
        'with DATABASE_URL set every process (each worker, each CLI command) needs a NEWSBOT_HOME of its own',
    );
    this.name = 'ReplicaHomeBusyError';
    this.home = home;
    this.holderPid = holderPid;
  }
}

/** Raised when NEWSBOT_HOME holds a standalone SQLite archive, whose chunk ids are not PostgreSQL's. */
export class StandaloneArchiveInHomeError extends Error {
  readonly home: string;
  constructor(home: string) {
    super(
      `${home} holds a standalone SQLite archive, not a PostgreSQL replica; copy it with \`newsbot migrate --to <DATABASE_URL>\` ` +
        'and give this process an empty NEWSBOT_HOME (it builds its replica from PostgreSQL)',
    );
    this.name = 'StandaloneArchiveInHomeError';
    this.home = home;
  }
}

/** Node reports a refused connection to several addresses as an AggregateError with no message. */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error && cause.message) return cause.message;
  const code = (cause as { code?: unknown } | null)?.code;
  return code === undefined ? String(cause) : String(code);
}
