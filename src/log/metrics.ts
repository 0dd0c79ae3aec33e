// The process's Prometheus metrics. One registry per process, as prom-client intends: every layer counts
// into it (the bot its questions, the digest its sends, the feed poller its polls), and /metrics serves it.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the replica-lag gauges read at scrape time (the PostgreSQL-mode follower's `status()`). */
export type ReplicaLagSource = () => { behind: number | null; lagMs: number | null; ready: boolean };

/** The newsbot metrics over their own registry; use the shared {@link metrics}. */
export class NewsbotMetrics {
  readonly registry = new Registry();
  /** Questions handled, by chat type and whether they were answered. */
  readonly questions = new Counter({
    name: 'newsbot_questions_total',
    help: 'Questions handled, by chat type (private, group, supergroup, inline) and outcome (answered, unanswered, timed_out).',
    labelNames: ['chat_type', 'outcome'] as const,
    registers: [this.registry],
  });
  /** From a question's arrival to its answer being ready. */
  readonly answerLatency = new Histogram({
    name: 'newsbot_answer_latency_seconds',
    help: 'Seconds from a question to its answer being ready, by answer mode.',
    labelNames: ['mode'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
    registers: [this.registry],
  });
  /** Bot API calls that failed, by the kind `classifyTelegramError` gives them. */
  readonly botApiErrors = new Counter({
    name: 'newsbot_bot_api_errors_total',
    help: 'Failed Bot API call attempts, by method and kind (transient, permanent, migrated, rejected) and trigger.',
    labelNames: ['method', 'kind', 'trigger'] as const,
    registers: [this.registry],
  });
  /** Digest deliveries per chat, by outcome. */
  readonly digestSends = new Counter({
    name: 'newsbot_digest_sends_total',
    help: 'Digest deliveries to a chat, by outcome (sent, already-sent, claimed-elsewhere, disabled, migrated, failed…).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  /** Feed polls, by outcome. */
  readonly feedPolls = new Counter({
    name: 'newsbot_feed_polls_total',
    help: 'Feed polls per feed, by outcome (indexed, not-modified, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  /** Articles through `indexArticles`, by what happened to them. */
  readonly ingestedArticles = new Counter({
    name: 'newsbot_ingested_articles_total',
    help: 'Articles through indexing, by result (added, updated, unchanged).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  /** Reader votes under answers. */
  readonly feedbackVotes = new Counter({
    name: 'newsbot_feedback_votes_total',
    help: 'Votes under answers (a changed vote counts again), by vote (up, down).',
    labelNames: ['vote'] as const,
    registers: [this.registry],
  });
  #replicaLag: ReplicaLagSource | null = null;

  constructor() {
    const read = () => this.#replicaLag?.() ?? null;
    new Gauge({
      name: 'newsbot_replica_behind_changes',
      help: 'PostgreSQL mode: change-log entries the local replica has not applied yet (absent in SQLite mode).',
      registers: [this.registry],
      collect() {
        const status = read();
        if (status?.behind != null) this.set(status.behind);
      },
    });
    new Gauge({
      name: 'newsbot_replica_lag_seconds',
      help: 'PostgreSQL mode: seconds since the local replica was last in step with PostgreSQL (absent in SQLite mode).',
      registers: [this.registry],
      collect() {
        const status = read();
        if (status?.lagMs != null) this.set(status.lagMs / 1000);
      },
    });
  }

  /** Reports replica lag from `source` at every scrape (PostgreSQL mode); null stops. */
  observeReplica(source: ReplicaLagSource | null): void {
    this.#replicaLag = source;
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** The metrics of this process. */
export const metrics = new NewsbotMetrics();
