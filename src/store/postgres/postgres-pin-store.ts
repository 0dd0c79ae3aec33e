import type pg from 'pg';
import { SqlPinStore } from '../sql/sql-pin-store.js';
import { postgresClient } from './postgres-client.js';

/** `PinStore` on PostgreSQL: every worker serves the same editors' answers. */
export class PostgresPinStore extends SqlPinStore {
  constructor(pool: pg.Pool, now?: () => Date) {
    super(postgresClient(pool), now);
  }
}
