import type pg from 'pg';
import type { DeleteStatement, SqlClient, SqlValue } from '../sql/sql-client.js';
import { withTransaction } from './with-transaction.js';

/**
 * {@link SqlClient} on a PostgreSQL pool, or on a client inside its caller's transaction: `?` placeholders numbered
 * `$1…`, values passed as node-postgres takes them.
 */
export function postgresClient(pool: pg.Pool | pg.PoolClient): SqlClient {
  const run = async (queryable: pg.Pool | pg.PoolClient, sql: string, parameters: readonly SqlValue[]): Promise<number> =>
    (await queryable.query(numberPlaceholders(sql), [...parameters])).rowCount ?? 0;
  return {
    async rows<Row>(sql: string, parameters: readonly SqlValue[] = []): Promise<Row[]> {
      return (await pool.query(numberPlaceholders(sql), [...parameters])).rows as Row[];
    },
    run: (sql, parameters = []) => run(pool, sql, parameters),
    async deleteReaderRows(statements: readonly DeleteStatement[]): Promise<number> {
      const runAll = async (client: pg.Pool | pg.PoolClient): Promise<number> => {
        let deleted = 0;
        for (const [sql, ...parameters] of statements) deleted += await run(client, sql, parameters);
        return deleted;
      };
      // A pool client is already in its caller's transaction.
      return statements.length === 1 || !isPool(pool) ? runAll(pool) : withTransaction(pool, runAll);
    },
    byteOrder: (column) => `${column} COLLATE "C"`,
  };
}

function isPool(queryable: pg.Pool | pg.PoolClient): queryable is pg.Pool {
  return 'totalCount' in queryable;
}

/** `?` → `$1`, `$2`, … in order (the shared statements hold no other `?`). */
function numberPlaceholders(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}
