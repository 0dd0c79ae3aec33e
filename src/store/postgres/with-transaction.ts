import type pg from 'pg';

/**
 * Runs `work` in one transaction on a pooled connection: commit when it resolves, roll back when
 * it throws. After any failure the connection is discarded rather than returned to the pool, since
 * it may be broken (the server went away) or still inside the transaction.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  // A connection that drops between two queries emits 'error' on the client, and the pool stops listening while the
  // client is checked out: without a listener the process would crash. The next query fails with the same error.
  const onError = (error: Error): void => {
    failure ??= error;
  };
  client.on('error', onError);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(failure);
  }
}
