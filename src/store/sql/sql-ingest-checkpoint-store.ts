import type { IngestCheckpoint, IngestCheckpointStore } from '../ingest-checkpoint-store.js';
import type { SqlClient } from './sql-client.js';

interface IngestCheckpointRow {
  file_identity: string;
  /** bigint: a string from PostgreSQL. */
  byte_offset: number | string;
  line_number: number | string;
  records: number | string;
}

/** {@link IngestCheckpointStore} written once for both backends (table `ingest_checkpoints`). */
export class SqlIngestCheckpointStore implements IngestCheckpointStore {
  constructor(
    private readonly client: SqlClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(source: string): Promise<IngestCheckpoint | null> {
    const [row] = await this.client.rows<IngestCheckpointRow>('SELECT file_identity, byte_offset, line_number, records FROM ingest_checkpoints WHERE source = ?', [source]);
    return row ? { fileIdentity: row.file_identity, byteOffset: Number(row.byte_offset), lineNumber: Number(row.line_number), records: Number(row.records) } : null;
  }

  async set(source: string, checkpoint: IngestCheckpoint): Promise<void> {
    await this.client.run(
      `INSERT INTO ingest_checkpoints (source, file_identity, byte_offset, line_number, records, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (source) DO UPDATE SET file_identity = excluded.file_identity, byte_offset = excluded.byte_offset,
         line_number = excluded.line_number, records = excluded.records, updated_at = excluded.updated_at`,
      [source, checkpoint.fileIdentity, checkpoint.byteOffset, checkpoint.lineNumber, checkpoint.records, this.now()],
    );
  }
}
