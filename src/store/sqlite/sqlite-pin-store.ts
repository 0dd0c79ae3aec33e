import type Database from 'better-sqlite3';
import { SqlPinStore } from '../sql/sql-pin-store.js';
import { sqliteClient } from './sqlite-client.js';

/** `PinStore` on the newsbot SQLite database (table `pinned_answers`). */
export class SqlitePinStore extends SqlPinStore {
  constructor(database: Database.Database, now?: () => Date) {
    super(sqliteClient(database), now);
  }
}
