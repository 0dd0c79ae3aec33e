/** A value a shared statement takes: each backend converts dates, booleans and lists to its own types. */
export type SqlValue = string | number | boolean | null | Date | readonly (string | number)[];

/** One DELETE with its parameters. */
export type DeleteStatement = readonly [sql: string, ...parameters: SqlValue[]];

/**
 * Port: what a store written once for both backends asks of its database. Statements use `?`
 * placeholders (PostgreSQL's adapter numbers them); a `Date` is stored as ISO text in SQLite and as
 * `timestamptz` in PostgreSQL, a boolean as 1/0 or `boolean`, a list as JSON text or an array.
 * Transactions, claims and locks are the adapters' own: their SQL and semantics differ by backend.
 */
export interface SqlClient {
  /** The rows a statement returns (a `RETURNING` clause included). */
  rows<Row>(sql: string, parameters?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; resolves the number of rows it changed. */
  run(sql: string, parameters?: readonly SqlValue[]): Promise<number>;
  /**
   * Deletes a reader's rows in one transaction; SQLite also zeroes them and empties its write-ahead
   * log (`deleteSecurely`). Resolves the rows deleted.
   */
  deleteReaderRows(statements: readonly DeleteStatement[]): Promise<number>;
  /** `column` sorted by bytes, as SQLite sorts text, whatever PostgreSQL's collation. */
  byteOrder(column: string): string;
}
