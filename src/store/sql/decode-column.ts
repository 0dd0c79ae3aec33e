// Column values as the two backends return them: SQLite lists as JSON text and times as ISO text,
// PostgreSQL arrays, jsonb values and Dates.

/** A list column: JSON text (SQLite) or an array (PostgreSQL), its items as they are stored. */
export function decodeList<Item>(value: string | Item[]): Item[] {
  return typeof value === 'string' ? (JSON.parse(value) as Item[]) : value;
}

/** A JSON column: JSON text (SQLite) or a jsonb value (PostgreSQL). */
export function decodeJson<Value>(value: string | Value): Value {
  return typeof value === 'string' ? (JSON.parse(value) as Value) : value;
}

/** A time column as ISO 8601 text: SQLite's is already, PostgreSQL's `timestamptz` comes as a `Date`. */
export function decodeTime(value: string | Date): string {
  return typeof value === 'string' ? value : value.toISOString();
}
