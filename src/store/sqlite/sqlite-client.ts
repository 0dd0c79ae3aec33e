import type Database from 'better-sqlite3';
import type { DeleteStatement, SqlClient, SqlValue } from '../sql/sql-client.js';
import { deleteSecurely } from './sqlite-secure-delete.js';

/** {@link SqlClient} on a better-sqlite3 connection: dates as ISO text, booleans as 1/0, lists as JSON text. */
export function sqliteClient(database: Database.Database): SqlClient {
  return {
    async rows<Row>(sql: string, parameters: readonly SqlValue[] = []): Promise<Row[]> {
      return database.prepare(sql).all(...parameters.map(toSqlite)) as Row[];
    },
    async run(sql: string, parameters: readonly SqlValue[] = []): Promise<number> {
      return database.prepare(sql).run(...parameters.map(toSqlite)).changes;
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
