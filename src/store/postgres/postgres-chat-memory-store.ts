import type pg from 'pg';
import { type ChatMemoryStoreOptions, SqlChatMemoryStore } from '../sql/sql-chat-memory-store.js';
import { postgresClient } from './postgres-client.js';

/**
 * `ChatMemoryStore` on PostgreSQL, shared by every worker, so a button drawn by one worker works on any other
 * (for the chat and reader it is bound to).
 */
export class PostgresChatMemoryStore extends SqlChatMemoryStore {
  constructor(pool: pg.Pool, options: ChatMemoryStoreOptions = {}) {
    super(postgresClient(pool), options);
  }
}
