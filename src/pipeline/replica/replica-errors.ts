/** Raised when PostgreSQL holds vectors made by another embedder than this worker's. */
export class ReplicaEmbedderMismatchError extends Error {
  readonly expected: string;
  readonly actual: string;
  constructor(expected: string, actual: string) {
    super(`PostgreSQL holds vectors made by ${actual} but this worker's EMBEDDING_MODEL is ${expected}; configure the same EMBEDDING_MODEL on every worker and on ingest`);
    this.name = 'ReplicaEmbedderMismatchError';
    this.expected = expected;
    this.actual = actual;
  }
}

/** Raised when the local replica claims changes PostgreSQL does not have (a restored or replaced database). */
export class ReplicaAheadError extends Error {
  readonly position: number;
  readonly headPosition: number;
  constructor(position: number, headPosition: number) {
    super(
      `the local replica is at change ${position} but PostgreSQL's change log ends at ${headPosition}: ` +
        "the database was restored or replaced. Delete this worker's NEWSBOT_HOME so it rebuilds its replica",
    );
    this.name = 'ReplicaAheadError';
    this.position = position;
    this.headPosition = headPosition;
  }
}
