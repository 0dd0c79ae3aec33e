import type pg from 'pg';
import type { StateStores } from '../state-stores.js';
import { SqlIngestCheckpointStore } from '../sql/sql-ingest-checkpoint-store.js';
import { SqlFollowStore } from '../sql/sql-follow-store.js';
import { postgresClient } from './postgres-client.js';
import { PostgresChatMemoryStore } from './postgres-chat-memory-store.js';
import { PostgresFeedStateStore } from './postgres-feed-state-store.js';
import { openPostgresQuestionLogStores, type PostgresQuestionLogStores } from './open-postgres-question-log-stores.js';
import { PostgresRateLimitStore } from './postgres-rate-limit-store.js';
import { PostgresSentDigestStore } from './postgres-sent-digest-store.js';
import { PostgresSubscriptionStore } from './postgres-subscription-store.js';
import { PostgresPinStore } from './postgres-pin-store.js';

/** The state ports with a PostgreSQL adapter; the others stay in the worker's replica file until theirs exists. */
export type PostgresStateStores = Pick<StateStores, 'subscriptions' | 'sentDigests' | 'feedStates' | 'chatMemory' | 'rateLimits' | 'pins' | 'follows' | 'ingestCheckpoints'> &
  PostgresQuestionLogStores;

/** Options for {@link openPostgresStateStores}. */
export interface OpenPostgresStateStoresOptions {
  /** The clock for timestamps the stores write. Default `() => new Date()`. */
  now?: () => Date;
}

/**
 * The PostgreSQL adapters of the state ports over one pool whose schema is migrated: with N workers
 * on one database, every worker sees the same subscriptions, deliveries, feed state, chat memory, rate-limit
 * windows and followed topics, the editors' pinned answers, and one question log with its votes. Ending the pool closes them.
 */
export function openPostgresStateStores(pool: pg.Pool, options: OpenPostgresStateStoresOptions = {}): PostgresStateStores {
  const now = options.now ?? (() => new Date());
  return {
    subscriptions: new PostgresSubscriptionStore(pool, now),
    sentDigests: new PostgresSentDigestStore(pool),
    feedStates: new PostgresFeedStateStore(pool, now),
    chatMemory: new PostgresChatMemoryStore(pool, { now: () => now().getTime() }),
    rateLimits: new PostgresRateLimitStore(pool),
    pins: new PostgresPinStore(pool, now),
    follows: new SqlFollowStore(postgresClient(pool), now),
    ingestCheckpoints: new SqlIngestCheckpointStore(postgresClient(pool), now),
    ...openPostgresQuestionLogStores(pool),
  };
}
