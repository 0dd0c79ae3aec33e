/**
 * One leader among many workers: a session advisory lock on a connection of its own. PostgreSQL
 * releases it when that connection ends (the worker died, or PostgreSQL went away), and another
 * worker, trying every `retryMs`, takes over.
 */
import pg from 'pg';
import type { Logger } from '../../log/logger.js';
import { ADVISORY_LOCKS } from './advisory-locks.js';

export interface PostgresLeaderLockOptions {
  connectionString: string;
  /** Which lock (`ADVISORY_LOCKS`), within newsbot's namespace. */
  key: number;
  /** Called when this process becomes the leader. */
  onLeading: () => Promise<void> | void;
  /** Called when it stops being the leader (lost connection, or `stop`). */
  onFollowing: () => Promise<void> | void;
  logger: Logger;
  /** Milliseconds between attempts while another process leads or PostgreSQL is away. Default 5000. */
  retryMs?: number;
}

/** Tries to lead until `stop`; see the file header. */
export class PostgresLeaderLock {
  private readonly options: PostgresLeaderLockOptions;
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private isLeading = false;
  /** Serializes transitions, so onLeading and onFollowing never overlap. */
  private transition: Promise<void> = Promise.resolve();

  constructor(options: PostgresLeaderLockOptions) {
    this.options = options;
  }

  get leading(): boolean {
    return this.isLeading;
  }

  /** Starts trying; returns at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.attempt();
  }

  /** Stops trying, gives up the lead (calling `onFollowing`) and closes the connection. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.follow();
    await this.transition;
  }

  private async attempt(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    const client = new pg.Client({ connectionString: this.options.connectionString, connectionTimeoutMillis: 5000, keepAlive: true });
    client.on('error', () => void this.lost(client));
    client.on('end', () => void this.lost(client));
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [ADVISORY_LOCKS.namespace, this.options.key]);
      if (!rows[0]?.locked || !this.running) {
        await client.end().catch(() => undefined);
        this.retry();
        return;
      }
      this.client = client;
      this.isLeading = true;
      this.options.logger.info({ key: this.options.key }, 'this worker leads the background jobs');
      this.transition = this.transition
        .then(() => this.options.onLeading())
        .catch((error: unknown) => {
          this.options.logger.error({ err: error }, 'background jobs failed to start on the leader');
        });
    } catch {
      await client.end().catch(() => undefined);
      this.retry();
    }
  }

  private async lost(client: pg.Client): Promise<void> {
    if (this.client !== client) return;
    this.options.logger.warn({ key: this.options.key }, 'lost the lead of the background jobs (PostgreSQL connection ended)');
    await this.follow();
    this.retry();
  }

  private async follow(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!this.isLeading) return;
    this.isLeading = false;
    this.transition = this.transition
      .then(() => this.options.onFollowing())
      .catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'background jobs failed to stop');
      });
    await this.transition;
    await client?.end().catch(() => undefined);
  }

  private retry(): void {
    if (!this.running || this.timer) return;
    this.timer = setTimeout(() => void this.attempt(), this.options.retryMs ?? 5000);
    this.timer.unref();
  }
}
