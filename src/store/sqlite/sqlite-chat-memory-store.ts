import type Database from 'better-sqlite3';
import { type ChatMemoryStoreOptions, SqlChatMemoryStore } from '../sql/sql-chat-memory-store.js';
import { sqliteClient } from './sqlite-client.js';

/** `ChatMemoryStore` on the newsbot SQLite database (tables `remembered_questions`, `listed_articles`, `conversation_contexts`). */
export class SqliteChatMemoryStore extends SqlChatMemoryStore {
  constructor(database: Database.Database, options: ChatMemoryStoreOptions = {}) {
    super(sqliteClient(database), options);
  }
}
