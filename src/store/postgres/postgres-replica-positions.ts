import type pg from 'pg';
import type { ReplicaPositions } from '../replica-positions.js';

/** `ReplicaPositions` in PostgreSQL's `replica_positions` (read by `compactChangeLog`). */
export class PostgresReplicaPositions implements ReplicaPositions {
  constructor(private readonly pool: pg.Pool) {}

  async record(replicaId: string, position: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO replica_positions (replica_id, position, heartbeat_at) VALUES ($1, $2, now())
       ON CONFLICT (replica_id) DO UPDATE SET position = excluded.position, heartbeat_at = excluded.heartbeat_at`,
      [replicaId, position],
    );
  }
}
