import type Database from 'better-sqlite3';
import type { DeleteStatement, SqlClient, SqlValue } from '../sql/sql-client.js';
import { deleteSecurely } from './sqlite-secure-delete.js';
import { memoByText } from '../../text/memo-by-text.js';

/**
 * Statements kept prepared per connection. The stores' queries are a fixed set of texts, and preparing one costs more
 * than running a small query (the pins read on every question: 0.2 ms prepared each time, a few µs once prepared).
 */
const STATEMENTS_KEPT = 256;

/** {@link SqlClient} on a better-sqlite3 connection: dates as ISO text, booleans as 1/0, lists as JSON text. */
export function sqliteClient(database: Database.Database): SqlClient {
  const statement = memoByText((sql) => database.prepare(sql), STATEMENTS_KEPT);
  return {
    async rows<Row>(sql: string, parameters: readonly SqlValue[] = []): Promise<Row[]> {
      return statement(sql).all(...parameters.map(toSqlite)) as Row[];
    },
    async run(sql: string, parameters: readonly SqlValue[] = []): Promise<number> {
      return statement(sql).run(...parameters.map(toSqlite)).changes;
    },
    async deleteReaderRows(statements: readonly DeleteStatement[]): Promise<number> {
      return deleteSecurely(
        database,
        statements.map(([sql, ...parameters]) => [sql, ...parameters.map(toSqlite)]),
      );
    },
    byteOrder: (column) => column,
  };
}

function toSqlite(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value as string | number | null;
}
