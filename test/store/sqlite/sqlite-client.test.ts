import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteClient } from '../../../src/store/sqlite/sqlite-client.js';

describe('sqliteClient', () => {
  it('stores dates as ISO text, booleans as 1/0 and lists as JSON text, and counts changed rows', async () => {
    const database = new Database(':memory:');
    database.exec('CREATE TABLE t (at TEXT, flag INTEGER, list TEXT)');
    const client = sqliteClient(database);
    expect(await client.run('INSERT INTO t VALUES (?, ?, ?)', [new Date('2025-01-02T03:04:05Z'), true, ['a', 'b']])).toBe(1);
    expect(await client.rows('SELECT * FROM t WHERE flag = ?', [true])).toEqual([{ at: '2025-01-02T03:04:05.000Z', flag: 1, list: '["a","b"]' }]);
    expect(await client.deleteReaderRows([['DELETE FROM t WHERE flag = ?', true]])).toBe(1);
    expect(client.byteOrder('chat_id')).toBe('chat_id');
    database.close();
  });

  it('prepares each SQL text once per connection, and a kept statement follows later schema changes', async () => {
    const database = new Database(':memory:');
    database.exec('CREATE TABLE t (a INTEGER)');
    const prepared: string[] = [];
    const prepare = database.prepare.bind(database);
    database.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof database.prepare;
    const client = sqliteClient(database);
    await client.run('INSERT INTO t VALUES (?)', [1]);
    await client.run('INSERT INTO t VALUES (?)', [2]);
    expect(await client.rows('SELECT * FROM t ORDER BY a')).toEqual([{ a: 1 }, { a: 2 }]);
    database.exec('ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 7');
    expect(await client.rows('SELECT * FROM t ORDER BY a')).toEqual([
      { a: 1, b: 7 },
      { a: 2, b: 7 },
    ]);
    expect(prepared).toEqual(['INSERT INTO t VALUES (?)', 'SELECT * FROM t ORDER BY a']);
    database.close();
  });
});
