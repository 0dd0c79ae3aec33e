import type Database from 'better-sqlite3';

/**
 * Statements prepared once per connection, for modules that are handed a connection on each call rather than
 * owning one: `prepare` runs at a connection's first use, and the statements go with the connection.
 */
export function preparedPerDatabase<T>(prepare: (database: Database.Database) => T): (database: Database.Database) => T {
  const byDatabase = new WeakMap<Database.Database, T>();
  return (database) => {
    let statements = byDatabase.get(database);
    if (statements === undefined) {
      statements = prepare(database);
      byDatabase.set(database, statements);
    }
    return statements;
  };
}
