/**
 * Keeps a worker's local search replica (SQLite FTS5 + HNSW under NEWSBOT_HOME) in step with the
 * PostgreSQL system of record: a new replica is built from a snapshot, then follows the change log
 * (and records its position there, so the log is compacted behind it). Questions are answered from
 * the replica, so they keep being answered while PostgreSQL is away.
 */
import { describeReplicaError } from './describe-replica-error.js';
import type Database from 'better-sqlite3';
import type { ArticleChangeReader } from '../../store/article-change-reader.js';
import type { ChangeNotifier, ChangeSubscription } from '../../store/change-notifier.js';
import type { VectorIndex } from '../../store/vector-index.js';
import type { ReplicaPositions } from '../../store/replica-positions.js';
import type { Logger } from '../../log/logger.js';
import { applyReplicatedArticles, replicaBootstrapPending, replicaChunkIds, replicaId, replicaPosition } from '../../store/sqlite/sqlite-replica-writes.js';
import { bootstrapReplica } from './bootstrap-replica.js';
import { repairReplicaDrift } from './repair-replica-drift.js';
import { ReplicaAheadError, ReplicaEmbedderMismatchError } from './replica-errors.js';

export const REPLICA_DEFAULTS = {
  /** Change-log entries read per step (one SQLite transaction each). Default 500. */
  pageSize: 500,
  /** Milliseconds between polls, the fallback for lost notifications. Default 5000. */
  pollIntervalMs: 5000,
  /** First wait before reconnecting the LISTEN connection; doubles per failure. Default 250. */
  reconnectMinMs: 250,
  /** Longest wait between reconnection attempts. Default 30000. */
  reconnectMaxMs: 30_000,
  /**
   * While following, the vector index file is rewritten at most this often (and on `stop`). A save
   * rewrites the whole file (about 200 MB at 100,000 chunks of 512 dimensions) and blocks answering,
   * so saving after every catch-up made replication lag grow with the archive. Vectors applied but not
   * yet saved are safe: a restart finds them missing and copies them again from PostgreSQL.
   * Default 30000.
   */
  saveIntervalMs: 30_000,
  /**
   * Articles per SQLite transaction while a snapshot is copied in (each with its chunks: about 10,000 chunks at the
   * bench corpus's 10 a story). Default 1000.
   */
  snapshotBatchArticles: 1000,
  /** The replica's position is recorded in PostgreSQL at most this often (and after a snapshot). Default 5000. */
  heartbeatIntervalMs: 5000,
} as const;

export interface ReplicaFollowerOptions {
  reader: ArticleChangeReader;
  notifier: ChangeNotifier;
  /**
   * The replica's SQLite database, on a connection of its own: the store's connection then sees
   * the follower's commits as another connection's (data_version), which its caches rely on.
   */
  database: Database.Database;
  /** The replica's vector index; the follower adds, removes and saves. */
  index: VectorIndex;
  /** This worker's embedder id; PostgreSQL's vectors must have been made by it. */
  embedderId: string;
  logger: Logger;
  pageSize?: number;
  pollIntervalMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** See `REPLICA_DEFAULTS.saveIntervalMs`. */
  saveIntervalMs?: number;
  /** Where the replica records its position (the change log is compacted behind the slowest); none records nothing. */
  positions?: ReplicaPositions;
  /** See `REPLICA_DEFAULTS.snapshotBatchArticles`. */
  snapshotBatchArticles?: number;
  /** See `REPLICA_DEFAULTS.heartbeatIntervalMs`. */
  heartbeatIntervalMs?: number;
}

/** For /health. */
export interface ReplicaStatus {
  /** The replica can answer: it has caught up once in this process, or holds an earlier replica. */
  ready: boolean;
  /** Change-log position the replica holds. */
  position: number;
  /** Newest position PostgreSQL was last seen at; null before the first contact. */
  headPosition: number | null;
  /** `headPosition - position` (an upper bound on changes not yet applied: rolled-back writes leave gaps); null before the first contact. */
  behind: number | null;
  /** Milliseconds since the replica was last known to be in step with PostgreSQL (0 while it is); null when it never was in this process. */
  lagMs: number | null;
  /** Whether the LISTEN connection is up (false while not following). */
  listening: boolean;
  /** The last failure while PostgreSQL is (partly) unreachable, without addresses (see `describeReplicaError`); null when all is well. */
  lastError: string | null;
}

/** What one `catchUp` applied. */
export interface CatchUpResult {
  /** Change-log entries read. */
  changes: number;
  /** Articles written locally (new or changed). */
  upserted: number;
  /** Articles removed locally. */
  removed: number;
  /** Position afterwards. */
  position: number;
  /** The replica was built (or rebuilt) from a snapshot before following: it was new, or behind the compacted log. */
  fromSnapshot: boolean;
}

/** Follows the change log into the local replica; see `catchUp` and `follow`. */
export class ReplicaFollower {
  private readonly options: ReplicaFollowerOptions;
  private readonly settings: {
    pageSize: number;
    pollIntervalMs: number;
    reconnectMinMs: number;
    reconnectMaxMs: number;
    saveIntervalMs: number;
    snapshotBatchArticles: number;
    heartbeatIntervalMs: number;
  };
  private recordedAt: number | null = null;
  private savedAt = Date.now();
  private position: number;
  private head: number | null = null;
  private caughtUpOnce = false;
  private inStep = false;
  private lastInStepAt: number | null = null;
  private lastError: string | null = null;
  private outage = false;
  private driftChecked = false;
  private running: Promise<CatchUpResult> | null = null;
  private queued: Promise<CatchUpResult> | null = null;
  /** Resolves (never rejects) when the work of `withoutChanges` is done; catch-ups wait for it before applying anything. */
  private held: Promise<void> | null = null;
  private following = false;
  private subscription: ChangeSubscription | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelayMs: number;

  constructor(options: ReplicaFollowerOptions) {
    this.options = options;
    this.settings = {
      pageSize: options.pageSize ?? REPLICA_DEFAULTS.pageSize,
      pollIntervalMs: options.pollIntervalMs ?? REPLICA_DEFAULTS.pollIntervalMs,
      reconnectMinMs: options.reconnectMinMs ?? REPLICA_DEFAULTS.reconnectMinMs,
      reconnectMaxMs: options.reconnectMaxMs ?? REPLICA_DEFAULTS.reconnectMaxMs,
      saveIntervalMs: options.saveIntervalMs ?? REPLICA_DEFAULTS.saveIntervalMs,
      snapshotBatchArticles: options.snapshotBatchArticles ?? REPLICA_DEFAULTS.snapshotBatchArticles,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? REPLICA_DEFAULTS.heartbeatIntervalMs,
    };
    this.reconnectDelayMs = this.settings.reconnectMinMs;
    this.position = replicaPosition(options.database);
  }

  /**
   * Applies every change after the local position; resolves when the changes committed before the
   * call are in the replica (database and vector index; saved at once unless following, see
   * `saveIntervalMs`). Rejects when PostgreSQL cannot be
   * reached; what was applied before the failure stays applied. Concurrent calls share runs.
   */
  catchUp(): Promise<CatchUpResult> {
    if (!this.running) {
      this.running = this.runCatchUp().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // The run under way may have read the change log before the caller's change: one more run
    // after it serves every caller that arrives meanwhile.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.catchUp();
      });
    return this.queued;
  }

  /**
   * Runs `work` while no change is applied to the replica (database or vector index): waits for a catch-up under way
   * to end, and any catch-up asked for meanwhile waits until `work` settles. Readers keep reading; only following
   * pauses. One `work` at a time: a second waits for the first.
   */
  async withoutChanges<T>(work: () => Promise<T>): Promise<T> {
    while (this.held) await this.held;
    const done = (async () => {
      await this.running?.catch(() => undefined);
      return work();
    })();
    // The caller sees `work`'s failure; the hold only ends (a failure here would reject unhandled).
    const held: Promise<void> = done.then(
      () => this.release(held),
      () => this.release(held),
    );
    this.held = held;
    return done;
  }

  /** Ends the hold `held` of `withoutChanges`, unless a later one has taken its place. */
  private release(held: Promise<void>): void {
    if (this.held === held) this.held = null;
  }

  /**
   * Follows in the background until `stop`: a catch-up on every notification, a poll every
   * `pollIntervalMs` in case notifications were lost, and a LISTEN connection that is reopened
   * with backoff whenever PostgreSQL goes away. Never throws; failures show in `status()` and in
   * one log line per outage.
   */
  follow(): void {
    if (this.following) return;
    this.following = true;
    void this.listen();
    this.schedulePoll();
    this.wake();
  }

  /** Stops following and waits for a catch-up under way. The database and index stay open (their owner closes them). */
  async stop(): Promise<void> {
    this.following = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.pollTimer = null;
    this.reconnectTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.close();
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
    this.saveIndex();
  }

  status(): ReplicaStatus {
    return {
      ready: this.caughtUpOnce || this.position > 0,
      position: this.position,
      headPosition: this.head,
      behind: this.head === null ? null : Math.max(0, this.head - this.position),
      lagMs: this.inStep ? 0 : this.lastInStepAt === null ? null : Date.now() - this.lastInStepAt,
      listening: this.subscription !== null,
      lastError: this.lastError,
    };
  }

  private async runCatchUp(): Promise<CatchUpResult> {
    // Checked once: a hold asked for after this run started waits for the run (see `withoutChanges`).
    await this.held;
    try {
      const result = await this.applyChanges();
      await this.recordPosition(result.fromSnapshot);
      this.caughtUpOnce = true;
      this.inStep = this.head !== null && this.position >= this.head;
      if (this.inStep) this.lastInStepAt = Date.now();
      if (!this.following || this.subscription !== null) this.recovered();
      return result;
    } catch (error) {
      this.inStep = false;
      this.failed(error as Error);
      throw error;
    }
  }

  private async applyChanges(): Promise<CatchUpResult> {
    const { reader, database, index, embedderId } = this.options;
    if (!this.driftChecked) {
      await repairReplicaDrift({ allChunkIds: () => replicaChunkIds(database) }, index, reader, embedderId, this.options.logger);
      this.driftChecked = true;
    }
    const result: CatchUpResult = { changes: 0, upserted: 0, removed: 0, position: this.position, fromSnapshot: false };
    try {
      let compactedThrough = await reader.compactedThrough();
      for (;;) {
        if (this.position === 0 || this.position < compactedThrough || replicaBootstrapPending(database)) {
          await this.bootstrap(result);
        }
        const from = this.position;
        await this.followLog(result);
        // Rows after `from` deleted while they were being read would be changes missed: rows up to the compaction's
        // position are gone, so it must not have passed `from`. (It passes a replica only when its heartbeat stopped.)
        compactedThrough = await reader.compactedThrough();
        if (compactedThrough <= from) break;
      }
      const head = await reader.headPosition();
      if (head < this.position) throw new ReplicaAheadError(this.position, head);
      this.head = Math.max(head, this.head ?? 0);
    } finally {
      // Also after a failure: the index then matches what SQLite committed. A crash before a save
      // leaves drift that the next start repairs from PostgreSQL. While following, saves are spaced.
      if (!this.following || Date.now() - this.savedAt >= this.settings.saveIntervalMs) this.saveIndex();
    }
    return result;
  }

  /** Copies a snapshot in (see `bootstrapReplica`); registers its position first, so the log after it is kept. */
  private async bootstrap(result: CatchUpResult): Promise<void> {
    const { reader, database, index, embedderId, logger } = this.options;
    const copied = await bootstrapReplica({
      reader,
      database,
      index,
      embedderId,
      logger,
      batchArticles: this.settings.snapshotBatchArticles,
      onStart: async ({ position }) => {
        await this.options.positions?.record(replicaId(database), position);
      },
    });
    this.position = copied.position;
    result.upserted += copied.articles;
    result.removed += copied.removedArticles;
    result.position = this.position;
    result.fromSnapshot = true;
  }

  /** Applies the change-log entries after the position, a page (one SQLite transaction) at a time. */
  private async followLog(result: CatchUpResult): Promise<void> {
    const { reader, database, index, embedderId } = this.options;
    for (;;) {
      const changes = await reader.changesAfter(this.position, this.settings.pageSize);
      const last = changes.at(-1);
      if (!last) break;
      // An article changed several times in the page is fetched once, in its current state.
      const articleIds = [...new Set(changes.map((change) => change.articleId))];
      const articles = await reader.articlesWithChunks(articleIds);
      for (const { chunks } of articles) {
        for (const chunk of chunks) if (chunk.embedderId !== embedderId) throw new ReplicaEmbedderMismatchError(embedderId, chunk.embedderId);
      }
      // Whatever the log says, an article PostgreSQL no longer has is a removal here.
      const present = new Set(articles.map((item) => item.article.id));
      const removedArticleIds = articleIds.filter((id) => !present.has(id));
      const applied = applyReplicatedArticles(database, { articles, removedArticleIds }, last.position);
      for (const id of applied.removedChunkIds) index.remove(id);
      for (const chunk of applied.addedChunks) index.add(chunk.id, chunk.vector);
      this.position = last.position;
      result.changes += changes.length;
      result.upserted += articles.length;
      result.removed += removedArticleIds.length;
      result.position = this.position;
      if (changes.length < this.settings.pageSize) break;
    }
  }

  /** Renews the replica's position in PostgreSQL, at most every `heartbeatIntervalMs` unless `now`. */
  private async recordPosition(now: boolean): Promise<void> {
    const { positions, database } = this.options;
    if (!positions) return;
    if (!now && this.recordedAt !== null && Date.now() - this.recordedAt < this.settings.heartbeatIntervalMs) return;
    await positions.record(replicaId(database), this.position);
    this.recordedAt = Date.now();
  }

  private saveIndex(): void {
    this.options.index.save();
    this.savedAt = Date.now();
  }

  private wake(): void {
    this.catchUp().catch(() => undefined);
  }

  private schedulePoll(): void {
    if (!this.following) return;
    this.pollTimer = setTimeout(() => {
      this.wake();
      this.schedulePoll();
    }, this.settings.pollIntervalMs);
    this.pollTimer.unref();
  }

  private async listen(): Promise<void> {
    this.reconnectTimer = null;
    if (!this.following) return;
    try {
      const subscription = await this.options.notifier.subscribe({
        onChange: (position) => {
          if (position !== null) this.head = Math.max(position, this.head ?? 0);
          if (position === null || position > this.position) this.inStep = false;
          this.wake();
        },
        onLost: (error) => {
          this.subscription = null;
          this.failed(error);
          this.scheduleReconnect();
        },
      });
      if (!this.following) {
        await subscription.close();
        return;
      }
      this.subscription = subscription;
      this.reconnectDelayMs = this.settings.reconnectMinMs;
      // Notifications sent while not listening are lost: read the log now.
      this.wake();
    } catch (error) {
      this.failed(error as Error);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (!this.following || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => void this.listen(), this.reconnectDelayMs);
    this.reconnectTimer.unref();
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, this.settings.reconnectMaxMs);
  }

  /** Records a failure; logs only the first of an outage, so a long one does not flood the log. */
  private failed(error: Error): void {
    // For /health: the code and the message without addresses (a refused connection names the database's host).
    this.lastError = describeReplicaError(error);
    if (this.outage) return;
    this.outage = true;
    this.options.logger.warn({ err: error, position: this.position }, 'cannot follow PostgreSQL; answering from the local replica until it is back');
  }

  private recovered(): void {
    if (!this.outage) {
      this.lastError = null;
      return;
    }
    this.outage = false;
    this.lastError = null;
    this.options.logger.info({ position: this.position }, 'following PostgreSQL again; replica caught up');
  }
}
