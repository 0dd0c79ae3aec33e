import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { ReplicaSeedCorruptError, type ReplicaSeed, type ReplicaSeedFile, type ReplicaSeedOrigin, type ReplicaSeeds } from '../replica-seeds.js';
import { replicaSeedFileNameProblem, replicaSeedFilePath } from '../replica-seed-file-path.js';
import { withTransaction } from './with-transaction.js';

export const REPLICA_SEED_STORAGE_DEFAULTS = {
  /** Bytes per stored part (one bytea row): large enough to be few, small enough to hold one in memory. Default 8 MiB. */
  partBytes: 8 * 1024 * 1024,
  /**
   * Bytes read per query when downloading (a part is read in slices). node-postgres slows down on large rows: one 8 MiB
   * bytea row took 724 ms to read here (11 MB/s), 1 MiB slices of it about 42 MB/s (measured on the shared 2-core VM,
   * 2026-12-06). Default 1 MiB.
   */
  readSliceBytes: 1024 * 1024,
} as const;

export interface PostgresReplicaSeedsOptions {
  /** See `REPLICA_SEED_STORAGE_DEFAULTS.partBytes`. */
  partBytes?: number;
  /** See `REPLICA_SEED_STORAGE_DEFAULTS.readSliceBytes`. */
  readSliceBytes?: number;
}

interface SeedRow {
  id: string;
  position: string;
  embedder_id: string;
  dimensions: number;
  schema_version: number;
  created_at: Date;
}

/** `ReplicaSeeds` in PostgreSQL: `replica_seeds`, `replica_seed_files` and their bytes in `replica_seed_parts`. */
export class PostgresReplicaSeeds implements ReplicaSeeds {
  private readonly partBytes: number;
  private readonly readSliceBytes: number;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresReplicaSeedsOptions = {},
  ) {
    this.partBytes = Math.max(1, Math.floor(options.partBytes ?? REPLICA_SEED_STORAGE_DEFAULTS.partBytes));
    this.readSliceBytes = Math.max(1, Math.floor(options.readSliceBytes ?? REPLICA_SEED_STORAGE_DEFAULTS.readSliceBytes));
  }

  async publish(origin: ReplicaSeedOrigin, files: readonly { name: string; path: string }[]): Promise<ReplicaSeed> {
    // Checked before anything is stored: a name a downloader would refuse makes a seed nobody can use.
    for (const file of files) replicaSeedFilePath('.', file.name);
    // Registered (incomplete) before the bytes: its position holds the change log back while they are written.
    const { rows } = await this.pool.query<SeedRow>(`INSERT INTO replica_seeds (position, embedder_id, dimensions, schema_version) VALUES ($1, $2, $3, $4) RETURNING *`, [
      origin.position,
      origin.embedderId,
      origin.dimensions,
      origin.schemaVersion,
    ]);
    const row = rows[0]!;
    const id = Number(row.id);
    try {
      const stored: ReplicaSeedFile[] = [];
      for (const file of files) stored.push(await this.storeFile(id, file.name, file.path));
      await withTransaction(this.pool, async (client) => {
        await client.query('UPDATE replica_seeds SET complete = true WHERE id = $1', [id]);
        await client.query('DELETE FROM replica_seeds WHERE id < $1', [id]);
      });
      return { ...toOrigin(row), id, createdAt: row.created_at, files: stored };
    } catch (error) {
      await this.pool.query('DELETE FROM replica_seeds WHERE id = $1', [id]).catch(() => undefined);
      throw error;
    }
  }

  async newest(): Promise<ReplicaSeed | null> {
    const { rows } = await this.pool.query<SeedRow>('SELECT * FROM replica_seeds WHERE complete ORDER BY id DESC LIMIT 1');
    const row = rows[0];
    if (!row) return null;
    const files = await this.pool.query<{ name: string; bytes: string; sha256: string }>('SELECT name, bytes, sha256 FROM replica_seed_files WHERE seed_id = $1 ORDER BY name', [
      row.id,
    ]);
    return {
      ...toOrigin(row),
      id: Number(row.id),
      createdAt: row.created_at,
      files: files.rows.map((file) => ({ name: file.name, bytes: Number(file.bytes), sha256: file.sha256 })),
    };
  }

  async download(seed: ReplicaSeed, directory: string): Promise<void> {
    // One snapshot for every part: a newer seed published meanwhile deletes this one only for later readers.
    await withTransaction(
      this.pool,
      async (client) => {
        for (const file of seed.files) await downloadFile(client, seed.id, file, seedFileDestination(seed.id, directory, file.name), this.readSliceBytes);
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  /** Writes one file's parts as it is read (one part in memory at a time), then its size and SHA-256. */
  private async storeFile(seedId: number, name: string, file: string): Promise<ReplicaSeedFile> {
    await this.pool.query(`INSERT INTO replica_seed_files (seed_id, name, bytes, sha256) VALUES ($1, $2, 0, '')`, [seedId, name]);
    const hash = createHash('sha256');
    let bytes = 0;
    let part = 0;
    for await (const chunk of fs.createReadStream(file, { highWaterMark: this.partBytes }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      await this.pool.query('INSERT INTO replica_seed_parts (seed_id, name, part, bytes) VALUES ($1, $2, $3, $4)', [seedId, name, part, chunk]);
      part += 1;
    }
    const sha256 = hash.digest('hex');
    await this.pool.query('UPDATE replica_seed_files SET bytes = $3, sha256 = $4 WHERE seed_id = $1 AND name = $2', [seedId, name, bytes, sha256]);
    return { name, bytes, sha256 };
  }
}

/** Where a downloaded file goes (its folders created); a name that would leave `directory` makes the seed corrupt. */
function seedFileDestination(seedId: number, directory: string, name: string): string {
  const problem = replicaSeedFileNameProblem(name);
  if (problem) throw new ReplicaSeedCorruptError(seedId, name, `its name ${problem}`);
  const destination = replicaSeedFilePath(directory, name);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  return destination;
}

async function downloadFile(client: pg.PoolClient, seedId: number, file: ReplicaSeedFile, destination: string, sliceBytes: number): Promise<void> {
  const { rows } = await client.query<{ part: number; bytes: number }>(
    'SELECT part, length(bytes) AS bytes FROM replica_seed_parts WHERE seed_id = $1 AND name = $2 ORDER BY part',
    [seedId, file.name],
  );
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await fs.promises.open(destination, 'w');
  try {
    for (const [index, part] of rows.entries()) {
      if (part.part !== index) throw new ReplicaSeedCorruptError(seedId, file.name, `part ${index} is missing`);
      for (let offset = 0; offset < part.bytes; offset += sliceBytes) {
        const result = await client.query<{ bytes: Buffer }>(
          'SELECT substring(bytes FROM $4 FOR $5) AS bytes FROM replica_seed_parts WHERE seed_id = $1 AND name = $2 AND part = $3',
          [seedId, file.name, part.part, offset + 1, sliceBytes],
        );
        const slice = result.rows[0]?.bytes;
        if (!slice) throw new ReplicaSeedCorruptError(seedId, file.name, `part ${index} vanished`);
        hash.update(slice);
        bytes += slice.length;
        await handle.write(slice);
      }
    }
  } finally {
    await handle.close();
  }
  if (rows.length === 0 && file.bytes > 0) throw new ReplicaSeedCorruptError(seedId, file.name, 'no stored bytes (the seed was deleted)');
  if (bytes !== file.bytes) throw new ReplicaSeedCorruptError(seedId, file.name, `${bytes} bytes where ${file.bytes} were published`);
  const sha256 = hash.digest('hex');
  if (sha256 !== file.sha256) throw new ReplicaSeedCorruptError(seedId, file.name, `SHA-256 ${sha256} where ${file.sha256} was published`);
}

function toOrigin(row: SeedRow): ReplicaSeedOrigin {
  return { position: Number(row.position), embedderId: row.embedder_id, dimensions: row.dimensions, schemaVersion: row.schema_version };
}
