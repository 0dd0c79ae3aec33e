/** How far an ingest of one file got: everything before `byteOffset` is committed (stored, or queued for embedding). */
export interface IngestCheckpoint {
  /** The file it applies to (size, modification time, hash of its head): another file content starts over. */
  fileIdentity: string;
  byteOffset: number;
  /** Lines before `byteOffset`, so a resumed read numbers lines as a whole read would. */
  lineNumber: number;
  /** Records (non-blank lines) before `byteOffset`: they number the next records' positions. */
  records: number;
}

/**
 * Port: where a long file's ingest stands, one checkpoint per source (its path as shown), written after
 * each committed batch, so an interrupted ingest resumes after the last commit instead of reading again.
 */
export interface IngestCheckpointStore {
  get(source: string): Promise<IngestCheckpoint | null>;
  set(source: string, checkpoint: IngestCheckpoint): Promise<void>;
}
