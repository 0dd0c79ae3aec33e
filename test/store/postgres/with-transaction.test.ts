import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withTransaction } from '../../../src/store/postgres/with-transaction.js';

/** A pooled client as pg-pool hands it out: no 'error' listener of the pool's while checked out. */
class FakeClient extends EventEmitter {
  readonly queries: string[] = [];
  released: unknown = 'not released';
  broken = false;
  async query(text: string): Promise<void> {
    this.queries.push(text);
    if (this.broken) throw new Error('Connection terminated unexpectedly');
  }
  release(error?: unknown): void {
    this.released = error;
  }
}

describe('withTransaction', () => {
  it('survives the connection dropping between two queries: the error is the transaction failure, the connection discarded', async () => {
    const client = new FakeClient();
    const pool = { connect: async () => client } as unknown as pg.Pool;
    const outcome = withTransaction(pool, async (connection) => {
      await connection.query('SELECT 1');
      // The server goes away while the work awaits something else: pg emits 'error' on the client from the socket's
      // event, outside the work (unhandled, it would end the process).
      client.broken = true;
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          client.emit('error', new Error('Connection terminated unexpectedly'));
          resolve();
        }),
      );
      await connection.query('SELECT 2');
    });
    await expect(outcome).rejects.toThrow('Connection terminated unexpectedly');
    expect(client.released).toBeInstanceOf(Error);
    expect(client.listenerCount('error')).toBe(0);
  });

  it('commits and returns the connection to the pool when the work succeeds', async () => {
    const client = new FakeClient();
    const pool = { connect: async () => client } as unknown as pg.Pool;
    await expect(withTransaction(pool, async () => 7)).resolves.toBe(7);
    expect(client.queries).toEqual(['BEGIN', 'COMMIT']);
    expect(client.released).toBeUndefined();
  });
});
