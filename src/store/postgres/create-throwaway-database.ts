/**
 * A place in PostgreSQL for throwaway data (`newsbot eval`), never the production tables: a new
 * database beside DATABASE_URL's, or, when the role may not create databases, a new schema in it
 * (`search_path` set in the returned connection string). `drop` removes it with everything in it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ThrowawayDatabase {
  /** Connects to the throwaway database or schema. */
  readonly connectionString: string;
  /** `database` or `schema`, and its name. */
  readonly kind: 'database' | 'schema';
  readonly name: string;
  drop(): Promise<void>;
}

/** SQLSTATE insufficient_privilege. */
const INSUFFICIENT_PRIVILEGE = '42501';

export async function createThrowawayDatabase(connectionString: string, prefix = 'newsbot_eval'): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const identifier = client.escapeIdentifier(name);
    try {
      await client.query(`CREATE DATABASE ${identifier}`);
      const url = new URL(connectionString);
      url.pathname = `/${name}`;
      return { connectionString: url.toString(), kind: 'database', name, drop: () => runOnce(connectionString, `DROP DATABASE IF EXISTS ${identifier} WITH (FORCE)`) };
    } catch (error) {
      if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
    }
    await client.query(`CREATE SCHEMA ${identifier}`);
    const url = new URL(connectionString);
    url.searchParams.set('options', `-c search_path=${name}`);
    return { connectionString: url.toString(), kind: 'schema', name, drop: () => runOnce(connectionString, `DROP SCHEMA IF EXISTS ${identifier} CASCADE`) };
  } finally {
    await client.end();
  }
}

async function runOnce(connectionString: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
