/** Port where each replica records how far it has followed the change log, so the log is kept for it (and no longer). */
export interface ReplicaPositions {
  /** Records (or renews) `replicaId`'s position now; the log is compacted behind the slowest replica renewed lately. */
  record(replicaId: string, position: number): Promise<void>;
}
